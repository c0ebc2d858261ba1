"""`newsclean clean`: many dumps into one JSONL, Parquet or CSV file (plus an errors file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import batch_options, common
from .common import EXIT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, SUBPARSER_STYLE, err


def add_parser(sub: Any) -> None:
    """Declare the `clean` subcommand and its arguments on the subparsers `sub`."""
    clean = sub.add_parser("clean", help="clean files, directories or globs into JSONL, Parquet or CSV", **SUBPARSER_STYLE)
    clean.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="dump files, directories (walked recursively), quoted globs, WARC/WET files, "
        "JSONL/CSV/Parquet record files, zip/tar archives",
    )
    clean.add_argument(
        "-o", "--output", required=True, help="out.jsonl, out.jsonl.gz, out.parquet or out.csv ('-': JSONL on stdout)"
    )
    clean.add_argument("--errors", metavar="PATH", help="write non-articles and errors here as JSONL")
    clean.add_argument("--workers", type=int, default=None, help="worker processes (default: all CPUs; 1: no pool)")
    clean.add_argument("--site", default=None, help="force a site profile instead of detecting it")
    clean.add_argument("--no-progress", action="store_true", help="no progress bar")
    clean.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS",
        help="per-document time budget; a document over it is recorded as a Timeout error (default: 60)",
    )
    batch_options.add_arguments(clean)
    clean.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Clean every input into `args.output`; the exit code says whether any input failed."""
    from ..batch import ErrorWriter, find_dumps, open_writer, parse_many
    from ..errors import InputError

    # Expand up front: "nothing matched" is a usage error, and no output may name an input. The
    # targets themselves go to parse_many, which also reports the links and FIFOs a walk met.
    input_files: list[str] = []
    matched = False
    for target in args.inputs:
        files = [str(path) for path in find_dumps(target)]
        if files:
            matched = True
            input_files.extend(files)
        else:
            err(f"no dumps match {target}")  # reported as an InputError result, so exit 1
    if not matched:
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        err("--workers must be at least 1")
        return EXIT_USAGE
    if not args.timeout > 0:
        err("--timeout must be a positive number of seconds")
        return EXIT_USAGE
    problem = batch_options.check_outputs(args, input_files)
    if problem:
        err(problem)
        return EXIT_USAGE
    errors = None
    try:
        options = batch_options.parse_many_options(args)
        done, deduper = batch_options.resume_state(args)
        # The errors file first: when it cannot be written, nothing has been created yet.
        errors = ErrorWriter(args.errors, append=args.resume) if args.errors else None
        out = open_writer(args.output, append=args.resume)
    except (ValueError, ImportError, OSError, InputError) as exc:
        if errors is not None:
            errors.close()
            if not args.resume:
                Path(args.errors).unlink(missing_ok=True)  # the empty file just made
        err(str(exc) if not isinstance(exc, OSError) else f"cannot write {exc.filename or 'the output'}: {exc.strerror or exc}")
        return EXIT_USAGE
    parse_kwargs: dict[str, Any] = {"site": args.site} if args.site else {}
    stream = parse_many(
        [Path(target) for target in args.inputs],
        workers=args.workers,
        progress=not args.no_progress,
        parse_fn=common.PARSE_FN,
        exclude_ids=done,
        dedupe=deduper or False,
        timeout=args.timeout,
        **options,
        **parse_kwargs,
    )
    interrupted = False
    try:
        with out, stream:
            for result in stream:
                if result.article is not None:
                    out.write(result.article, result.id)
                elif errors is not None:
                    errors.write(result)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if errors is not None:
            errors.close()
    stats = stream.stats
    where = "stdout" if args.output == "-" else args.output
    err(("interrupted after " if interrupted else "") + f"{stats.summary()} -> {where}")
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_ERRORS if stats.errors else EXIT_OK
