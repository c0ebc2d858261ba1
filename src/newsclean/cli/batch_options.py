"""`clean`'s options for what to read (site filter, record-file columns) and how to write (resume,
overwrite, dedupe), and the checks that keep outputs from destroying inputs or each other."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from ..batch import Deduper

RESUMABLE = "--resume needs a line-based output that can be continued: .jsonl, .jsonl.gz or .csv"


def add_arguments(clean: argparse.ArgumentParser) -> None:
    """Declare the input-selection and output-safety options on the `clean` parser."""
    pick = clean.add_argument_group("which documents (WARC/WET, record files, archives)")
    pick.add_argument("--sites", metavar="LIST", help="'known' (sites with a profile) or domains: kompas.com,tempo.co")
    pick.add_argument("--domain", action="append", metavar="SUFFIX", help="keep URLs whose host ends so (e.g. .id); repeatable")
    pick.add_argument("--text-field", metavar="NAME", help="record-file column holding a text dump")
    pick.add_argument("--html-field", metavar="NAME", help="record-file column holding HTML")
    pick.add_argument("--url-field", default="url", metavar="NAME", help="record-file column with the URL (default: url)")
    pick.add_argument("--id-field", default="id", metavar="NAME", help="record-file column with the id (default: id)")
    pick.add_argument("--fetched-at-field", default="fetched_at", metavar="NAME",
                      help="record-file column with the fetch time (default: fetched_at)")
    write = clean.add_argument_group("writing")
    write.add_argument("--resume", action="store_true",
                       help="continue a stopped run: skip inputs whose id is already in the output or errors file")
    write.add_argument("--overwrite", action="store_true", help="replace an existing output or errors file")
    write.add_argument("--dedupe", action="store_true",
                       help="keep the first of each group of near-duplicate articles; the others go to --errors")


def parse_many_options(args: argparse.Namespace) -> dict[str, Any]:
    """`parse_many` keywords for the site filter and record-file columns. Raises ValueError."""
    from ..batch import RecordFields, SiteFilter

    options: dict[str, Any] = {
        "fields": RecordFields(
            text=args.text_field, html=args.html_field, url=args.url_field or None,
            id=args.id_field or None, fetched_at=args.fetched_at_field or None,
        )
    }
    if args.sites or args.domain:
        options["site_filter"] = SiteFilter.from_spec(sites=args.sites, domain=args.domain)
    return options


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(args: argparse.Namespace, input_files: Iterable[str]) -> Optional[str]:
    """Why the outputs cannot be written as asked (a usage error), or None."""
    from ..batch.writers import output_format

    targets = [("-o", args.output)] + ([("--errors", args.errors)] if args.errors else [])
    files = [(flag, path) for flag, path in targets if path != "-"]
    if len(files) == 2 and _same_file(files[0][1], files[1][1]):
        return f"-o and --errors name the same file ({args.output}): give them different files"
    inputs = list(input_files)
    for flag, path in files:
        if os.path.isdir(path):
            return f"{flag} {path} is a directory"
        if any(_same_file(path, name) for name in inputs):
            return f"{flag} {path} is also an input: writing it would destroy it before it is read"
    if args.resume:
        if args.overwrite:
            return "--resume continues the output files; --overwrite replaces them: give one"
        if args.output == "-" or output_format(args.output) not in ("jsonl", "csv"):
            return RESUMABLE
        return None
    for flag, path in files:
        if os.path.exists(path) and not args.overwrite:
            return f"{flag} {path} exists: pass --overwrite to replace it or --resume to continue it"
    return None


def resume_state(args: argparse.Namespace) -> tuple[set[str], Optional[Deduper]]:
    """The ids earlier runs finished, and the near-duplicate index rebuilt from their articles."""
    from ..batch import Deduper
    from ..batch.resume import read_done

    deduper = Deduper() if args.dedupe else None
    if not args.resume:
        return set(), deduper
    done = read_done(args.output, args.errors)
    if deduper is not None:
        for id_, print_ in done.fingerprints:
            deduper.add(id_, print_)
    return done.ids, deduper
