"""`newsclean clean`: many dumps into one JSONL, Parquet or CSV file (plus an errors file), or into
readable text / Markdown documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Optional

from . import batch_options, common
from .common import (
    EXIT_ERRORS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    FORMATS,
    SUBPARSER_STYLE,
    add_page_options,
    add_profiles_option,
    err,
    page_kwargs,
    unknown_site,
)

DESCRIPTION = """\
Clean every dump the inputs name, in parallel, into one output file: JSON lines (.jsonl, .jsonl.gz),
Parquet or CSV, all with the same columns (docs/batch.md: "Output columns"); or, with --format text|markdown
(or an .md / .txt output), as readable documents one after another. Inputs that give no article go
to --errors; the first few are also named on screen.
"""


def add_parser(sub: Any) -> None:
    """Declare the `clean` subcommand and its arguments on the subparsers `sub`."""
    clean = sub.add_parser(
        "clean", help="clean files, directories or globs into JSONL, Parquet or CSV", description=DESCRIPTION,
        **SUBPARSER_STYLE,
    )
    clean.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="dump files, directories (walked recursively), quoted globs, WARC/WET files, "
        "JSONL/CSV/Parquet record files, zip/tar archives",
    )
    clean.add_argument(
        "-o", "--output", required=True,
        help="out.jsonl, out.jsonl.gz, out.parquet, out.csv, out.md or out.txt ('-': stdout)",
    )
    clean.add_argument(
        "--format", choices=FORMATS, default=None,
        help="json: one record per line (the default for '-'); text or markdown: readable documents",
    )
    clean.add_argument("--errors", metavar="PATH", help="write non-articles and errors here as JSONL")
    clean.add_argument("--workers", type=int, default=None, help="worker processes (default: all CPUs; 1: no pool)")
    add_page_options(clean, url_help="the page's URL, for a single input: picks the site profile, fills Article.url")
    clean.add_argument("--no-progress", action="store_true", help="no progress bar (none either when stderr is not a terminal)")
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary; failures are still named")
    clean.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS",
        help="per-document time budget; a document over it is recorded as a Timeout error (default: 60)",
    )
    add_profiles_option(clean)
    batch_options.add_arguments(clean)
    clean.set_defaults(run=run)


def _open_output(args: argparse.Namespace) -> Any:
    """The writer for `-o` in the format asked for. Raises ValueError when they disagree."""
    from ..batch import open_writer
    from ..batch.writers import output_format
    from .documents import DocumentWriter, document_format

    implied = document_format(args.output)
    records = output_format(args.output)
    fmt = args.format or implied or "json"
    if fmt == "json":
        if implied is not None or records is None:
            raise ValueError(f"--format json writes records: -o must be .jsonl, .jsonl.gz, .parquet, .csv or '-', not {args.output}")
        return open_writer(args.output, append=args.resume)
    if records is not None and args.output != "-":
        raise ValueError(f"--format {fmt} writes documents: -o {args.output} names a {records} file (use .md, .txt or '-')")
    return DocumentWriter(args.output, fmt)


def _check(args: argparse.Namespace, input_files: list[str]) -> Optional[str]:
    """Why the run cannot start as asked (a usage error), or None. Nothing has been read yet."""
    from ..batch.sources import container_kind

    problem = unknown_site(args.site)
    if problem:
        return problem
    if args.workers is not None and args.workers < 1:
        return "--workers must be at least 1"
    if not args.timeout > 0:
        return "--timeout must be a positive number of seconds"
    if args.url is not None and (len(input_files) != 1 or container_kind(input_files[0]) is not None):
        return f"--url names one page: give exactly one dump file, not {len(input_files):,} inputs"
    return batch_options.check_outputs(args, input_files)


def run(args: argparse.Namespace) -> int:
    """Clean every input into `args.output`; the exit code says whether any input failed."""
    from ..batch import ErrorWriter, find_dumps, iter_parse_many
    from ..batch.resultset import SHOWN_ERRORS, error_lines
    from ..errors import InputError

    # Expand up front: "nothing matched" is a usage error, and no output may name an input. The
    # targets themselves go to iter_parse_many, which also reports the links and FIFOs a walk met.
    input_files: list[str] = []
    for target in args.inputs:
        files = [str(path) for path in find_dumps(target)]
        if not files:
            err(f"no dumps match {target}")  # reported as an InputError result, so exit 1
        input_files.extend(files)
    if not input_files:
        return EXIT_USAGE
    problem = _check(args, input_files)
    if problem:
        err(problem)
        return EXIT_USAGE
    errors = None
    try:
        options = batch_options.parse_many_options(args)
        done, deduper = batch_options.resume_state(args)
        # The errors file first: when it cannot be written, nothing has been created yet.
        errors = ErrorWriter(args.errors, append=args.resume) if args.errors else None
        out = _open_output(args)
    except (ValueError, ImportError, OSError, InputError) as exc:
        if errors is not None:
            errors.close()
            if not args.resume:
                Path(args.errors).unlink(missing_ok=True)  # the empty file just made
        err(str(exc) if not isinstance(exc, OSError) else f"cannot write {exc.filename or 'the output'}: {exc.strerror or exc}")
        return EXIT_USAGE
    stream = iter_parse_many(
        [Path(target) for target in args.inputs],
        workers=args.workers,
        progress=not (args.no_progress or args.quiet) and sys.stderr.isatty(),
        parse_fn=common.PARSE_FN,
        exclude_ids=done,
        dedupe=deduper or False,
        timeout=args.timeout,
        **options,
        **page_kwargs(args),
    )
    interrupted = False
    failed: list[Any] = []  # the first few real failures, named on screen at the end
    try:
        with out, stream:
            for result in stream:
                if result.article is not None:
                    out.write(result.article, result.id)
                    continue
                if errors is not None:
                    errors.write(result)
                if len(failed) < SHOWN_ERRORS and result.error is not None and _is_failure(result.error.error_type):
                    failed.append(result)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if errors is not None:
            errors.close()
    stats = stream.stats
    if not args.quiet:
        where = "stdout" if args.output == "-" else args.output
        err(("interrupted after " if interrupted else "") + f"{stats.summary()} -> {where}")
    for line in error_lines(failed):
        err(f"  {line}")
    if stats.errors > len(failed):
        more = f"{stats.errors - len(failed):,} more errors"
        err(f"  ... and {more}" + (f" (all in {args.errors})" if args.errors else " (--errors FILE lists them all)"))
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_ERRORS if stats.errors else EXIT_OK


def _is_failure(error_type: str) -> bool:
    from ..batch import DUPLICATE, SKIPPED

    return error_type not in ("NotAnArticle", SKIPPED, DUPLICATE)
