"""The `newsclean` command line: the top-level parser and the dispatch to one module per subcommand.

    newsclean clean dumps/ more/*.html -o articles.parquet --errors errors.jsonl --workers 4
    newsclean show page.txt --explain
    newsclean schema > article.schema.json
    newsclean eval corpus/dev --min-f1 0.9

Exit codes (stable, for scripts; the same for every command):
    0    success: every input became an article (clean: or was recognised as a non-article)
    1    an input failed: it could not be read or parsed (clean: any input); eval: a floor was not met
    2    usage error: bad arguments, an unknown --site, a missing file, or nothing to work on
    3    show: the page is not an article
    130  interrupted (Ctrl-C); the output files hold every record written so far and stay valid
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Optional

from .. import __version__
from . import clean, schema, show
from . import eval as eval_command
from .common import EPILOG, EXIT_ERRORS, EXIT_INTERRUPTED, EXIT_USAGE, err

#: Subcommand modules in the order `--help` lists them; each declares its parser and sets `run`.
SUBCOMMANDS = (clean, show, schema, eval_command)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: global options plus every subcommand's."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean raw dumps of Indonesian news pages into validated articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    parser.add_argument(
        "--profiles", metavar="DIR", action="append", default=[],
        help="a directory of extra site profiles (*.toml); repeatable; worker processes load them too "
        "(also accepted after the command)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in SUBCOMMANDS:
        command.add_parser(sub)
    return parser


def use_profiles(folders: list[str]) -> Optional[str]:
    """Load the profile folders here and name them in the environment for worker processes.

    Returns the error message when a profile is invalid, else None.
    """
    import os

    from .. import sites
    from ..errors import ProfileError

    try:
        for folder in folders:
            sites.load_profiles(folder)
    except ProfileError as exc:
        return str(exc)
    known = [p for p in os.environ.get(sites.PROFILES_ENV, "").split(os.pathsep) if p]
    os.environ[sites.PROFILES_ENV] = os.pathsep.join([*known, *(os.path.abspath(f) for f in folders)])
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the CLI with `argv` (default: sys.argv[1:]) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help / --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    folders = [*args.profiles, *getattr(args, "command_profiles", [])]
    if folders:
        failure = use_profiles(folders)
        if failure:
            err(failure)
            return EXIT_USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `newsclean schema | head`: the reader left; silence the flush at exit as well.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERRORS
