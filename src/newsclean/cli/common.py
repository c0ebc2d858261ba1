"""What every subcommand shares: exit codes, the parse hook, shared options, and messages on stderr."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from ..models import Article

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_NOT_ARTICLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

#: The parse function the commands use; None means `newsclean.parse`. Tests swap it; so can wrappers.
PARSE_FN: Optional[Callable[..., Article]] = None

EPILOG = """\
exit codes (the same for every command):
  0    success: every input became an article (clean: or was recognised as a non-article)
  1    an input failed: it could not be read or parsed (clean: any input); eval: a floor was not met
  2    usage error: bad arguments, an unknown --site, no such (regular) file, or nothing to work on
  3    show: the page is not an article
  130  interrupted; output files stay valid
"""

#: Keyword arguments every subcommand parser takes, so each prints the exit codes under its help.
SUBPARSER_STYLE = {"epilog": EPILOG, "formatter_class": argparse.RawDescriptionHelpFormatter}

#: Output formats of `show` and `clean`: text for reading, markdown as trafilatura users know it, JSON.
FORMATS = ("text", "markdown", "json")
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def parse_fn() -> Callable[..., Article]:
    """The parse function in force: the `PARSE_FN` override, else `newsclean.parse`."""
    if PARSE_FN is not None:
        return PARSE_FN
    from ..pipeline import parse

    return parse


def err(message: str) -> None:
    """Print a message for the user on stderr, prefixed with the program name."""
    print(f"newsclean: {message}", file=sys.stderr)


def fetched_at(text: str) -> dt.datetime:
    """`--fetched-at`: an ISO 8601 time; without an offset it is WIB (+07:00), like the pages' own times."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r} (e.g. 2024-05-13T10:00+07:00)") from None
    return value if value.utcoffset() is not None else value.replace(tzinfo=WIB)


def add_page_options(parser: argparse.ArgumentParser, *, url_help: str) -> None:
    """--url, --fetched-at and --site: what `parse()` can be told about a page."""
    parser.add_argument("--url", default=None, help=url_help)
    parser.add_argument(
        "--fetched-at", type=fetched_at, default=None, metavar="TIME",
        help="when the page was saved (ISO 8601; WIB when no offset is given): resolves '2 jam lalu'",
    )
    parser.add_argument("--site", default=None, help="force this site profile (name or domain) instead of detecting it")


def add_profiles_option(parser: argparse.ArgumentParser) -> None:
    """--profiles after the subcommand too (`newsclean clean --profiles my/ ...`); merged with the global one."""
    parser.add_argument(
        "--profiles", dest="command_profiles", metavar="DIR", action="append", default=[],
        help="a directory of extra site profiles (*.toml); repeatable",
    )


def unknown_site(name: Optional[str]) -> Optional[str]:
    """Why `--site NAME` cannot be used (it names no profile), or None. Checked before any work."""
    if name is None:
        return None
    from .. import sites

    if sites.get_profile(name) is not None:
        return None
    return f"unknown site {name!r}; known: {', '.join(sorted(sites.profiles()))}"


def page_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The `parse()` keywords the page options ask for (only those given)."""
    given = {"url": args.url, "fetched_at": args.fetched_at, "site": args.site}
    return {key: value for key, value in given.items() if value is not None}
