"""What every subcommand shares: exit codes, the parse hook, and messages on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..models import Article

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_NOT_ARTICLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

#: The parse function the commands use; None means `newsclean.parse`. Tests swap it; so can wrappers.
PARSE_FN: Optional[Callable[..., Article]] = None

EPILOG = """\
exit codes:
  0    clean: every input became an article or was recognised as a non-article
  1    clean: some inputs failed with another error; eval: a floor was not met
  2    usage error, or no input matched any file
  3    show: the page is not an article
  130  interrupted; output files stay valid
"""

#: Keyword arguments every subcommand parser takes, so each prints the exit codes under its help.
SUBPARSER_STYLE = {"epilog": EPILOG, "formatter_class": argparse.RawDescriptionHelpFormatter}


def parse_fn() -> Callable[..., Article]:
    """The parse function in force: the `PARSE_FN` override, else `newsclean.parse`."""
    if PARSE_FN is not None:
        return PARSE_FN
    from ..pipeline import parse

    return parse


def err(message: str) -> None:
    """Print a message for the user on stderr, prefixed with the program name."""
    print(f"newsclean: {message}", file=sys.stderr)
