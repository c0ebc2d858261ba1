"""`newsclean eval`: score the parser against annotated corpora, optionally failing below floors."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import common
from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, SUBPARSER_STYLE, add_profiles_option, err

DESCRIPTION = """\
Score newsclean against annotated dumps: every <stem>.txt or <stem>.html with a <stem>.json gold file
beside it (the gold format is in the README). Prints body precision/recall/F1, title, date and
author accuracy and non-article rejection, per site (--per-doc: per document); --min-* floors make it
exit 1 when a score falls below them.
"""

FLOORS = ("f1", "precision", "recall", "title", "date", "authors", "reject")


def add_parser(sub: Any) -> None:
    """Declare the `eval` subcommand and its arguments on the subparsers `sub`."""
    ev = sub.add_parser("eval", help="score against a gold corpus", description=DESCRIPTION, **SUBPARSER_STYLE)
    ev.add_argument("dirs", nargs="+", metavar="DIR", help="folders of annotated dumps (walked recursively)")
    ev.add_argument("--json", action="store_true", help="the report as JSON")
    ev.add_argument("--per-doc", action="store_true", help="one table row per document")
    ev.add_argument(
        "--no-url", action="store_true", help="do not pass the gold URL: the site is identified from the text alone"
    )
    for floor in FLOORS:
        ev.add_argument(f"--min-{floor}", type=float, default=None, metavar="X", help=f"fail (exit 1) below this {floor} score")
    add_profiles_option(ev)
    ev.set_defaults(run=run)


def load_evaluate() -> Callable[..., Any]:
    """`newsclean.evaluate.evaluate`, imported only when the command runs (tests swap this)."""
    from ..evaluate import evaluate

    return evaluate


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 1 when a requested floor is not met, 2 when a directory is missing."""
    missing = [d for d in args.dirs if not Path(d).exists()]
    if missing:
        err(f"no such directory: {', '.join(missing)}")
        return EXIT_USAGE
    evaluate = load_evaluate()
    use_url = not args.no_url
    report = (
        evaluate(args.dirs, parse=common.PARSE_FN, use_url=use_url)
        if common.PARSE_FN is not None
        else evaluate(args.dirs, use_url=use_url)
    )
    if not report.docs:
        err(f"no annotated documents (<stem>.json beside <stem>.txt or .html) under {', '.join(args.dirs)}")
        return EXIT_USAGE
    print(report.to_json() if args.json else report.to_table(per_doc=args.per_doc))
    floors = {f"min_{name}": getattr(args, f"min_{name}") for name in FLOORS if getattr(args, f"min_{name}") is not None}
    failures = report.check_floors(**floors) if floors else []
    for message in failures:
        err(message)
    return EXIT_ERRORS if failures else EXIT_OK
