"""`newsclean show`: one dump, cleaned and printed (optionally with every removed line)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..errors import InputError, NewscleanError, NotAnArticle
from .common import (
    EXIT_ERRORS,
    EXIT_NOT_ARTICLE,
    EXIT_OK,
    EXIT_USAGE,
    FORMATS,
    SUBPARSER_STYLE,
    add_page_options,
    add_profiles_option,
    err,
    page_kwargs,
    parse_fn,
    unknown_site,
)
from .output import format_removed, render

DESCRIPTION = """\
Clean one page dump (a text rendering or raw HTML, optionally .gz) and print the article: as
readable text (default), Markdown (title, dateline, paragraphs, related links) or the Article JSON.
With --explain, every line that is not body is listed with the step and reason that set it aside.
"""


def add_parser(sub: Any) -> None:
    """Declare the `show` subcommand and its arguments on the subparsers `sub`."""
    show = sub.add_parser("show", help="print one cleaned article", description=DESCRIPTION, **SUBPARSER_STYLE)
    show.add_argument("file", metavar="FILE", help="the dump to clean; '-' reads it from stdin")
    show.add_argument("--format", choices=FORMATS, default=None, help="how to print the article (default: text)")
    show.add_argument("--json", action="store_true", help="the same as --format json")
    show.add_argument("--explain", action="store_true", help="list every removed line with its label, step and reason")
    add_page_options(show, url_help="the page's URL: picks the site profile and fills Article.url")
    add_profiles_option(show)
    show.set_defaults(run=run)


class _NoDump(Exception):
    """The name given is no dump file at all (missing, a folder, a FIFO or device): a usage error."""


def _read(name: str) -> bytes:
    """The dump's bytes. Raises `_NoDump` when the name is not a regular file, `InputError` when the
    file cannot be read as a dump (empty, too large, unreadable)."""
    if name == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise InputError("stdin is empty")
        return data
    if not os.path.exists(name):
        raise _NoDump(f"no such file: {name}")
    if not os.path.isfile(name):  # checked before opening: a FIFO would block the read
        raise _NoDump(f"not a regular file: {name}")
    from ..batch import read_dump

    return read_dump(name)


def run(args: argparse.Namespace) -> int:
    """Parse `args.file` and print it. Exit 2 when there is no such file or the options are wrong,
    1 when the page cannot be read or parsed, 3 when it is not an article."""
    problem = unknown_site(args.site)
    if problem:
        err(problem)
        return EXIT_USAGE
    if args.json and args.format not in (None, "json"):
        err(f"--json and --format {args.format} disagree: give one")
        return EXIT_USAGE
    name = "stdin" if args.file == "-" else args.file
    try:
        raw = _read(args.file)
        article = parse_fn()(raw, explain=args.explain, **page_kwargs(args))
    except _NoDump as exc:
        err(str(exc))
        return EXIT_USAGE
    except NotAnArticle as exc:
        err(f"{name}: {exc}")
        return EXIT_NOT_ARTICLE
    except NewscleanError as exc:
        err(f"{name}: {type(exc).__name__}: {exc}")
        return EXIT_ERRORS
    fmt = "json" if args.json else (args.format or "text")
    sys.stdout.write(render(article, fmt, explain=args.explain))
    if args.explain and fmt != "json":
        sys.stdout.write("\n" + format_removed(article))
    return EXIT_OK
