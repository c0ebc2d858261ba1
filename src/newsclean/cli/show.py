"""`newsclean show`: one dump, cleaned and printed (optionally with every removed line)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError, NewscleanError, NotAnArticle
from .common import EXIT_ERRORS, EXIT_NOT_ARTICLE, EXIT_OK, EXIT_USAGE, SUBPARSER_STYLE, err, parse_fn
from .output import format_article, format_removed


def add_parser(sub: Any) -> None:
    """Declare the `show` subcommand and its arguments on the subparsers `sub`."""
    show = sub.add_parser("show", help="print one cleaned article", **SUBPARSER_STYLE)
    show.add_argument("file", metavar="FILE")
    show.add_argument("--explain", action="store_true", help="list every removed line with its label, step and reason")
    show.add_argument("--json", action="store_true", help="print the Article as JSON")
    show.add_argument("--url", default=None, help="the page's URL (helps site detection)")
    show.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Parse `args.file` and print it; exit 3 for a non-article, 1 for another parse error."""
    from ..batch import read_dump

    try:
        raw = read_dump(args.file)
    except InputError as exc:
        err(str(exc))
        return EXIT_USAGE
    try:
        article = parse_fn()(raw, url=args.url, explain=args.explain)
    except NotAnArticle as exc:
        err(f"{args.file}: {exc}")
        return EXIT_NOT_ARTICLE
    except NewscleanError as exc:
        err(f"{args.file}: {type(exc).__name__}: {exc}")
        return EXIT_ERRORS
    if args.json:
        print(article.model_dump_json(indent=2, exclude_none=not args.explain))
    else:
        sys.stdout.write(format_article(article))
        if args.explain:
            sys.stdout.write("\n" + format_removed(article))
    return EXIT_OK
