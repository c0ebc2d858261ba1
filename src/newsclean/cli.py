"""The `newsclean` command line.

    newsclean clean dumps/ more/*.html -o articles.parquet --errors errors.jsonl --workers 4
    newsclean show page.txt --explain
    newsclean schema > article.schema.json
    newsclean eval corpus/dev --min-f1 0.9

Exit codes (stable, for scripts):
    0    clean: every input became an article or was recognised as a non-article
    1    clean: some inputs failed with another error; eval: a floor was not met; show: parse error
    2    usage error, or no input matched any file
    3    show: the page is not an article
    130  interrupted (Ctrl-C); the output files hold every record written so far and stay valid
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .errors import InputError, NewscleanError, NotAnArticle
from .models import Article

__all__ = ["main"]

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


def _parse_fn() -> Callable[..., Article]:
    if PARSE_FN is not None:
        return PARSE_FN
    from .pipeline import parse

    return parse


def _err(message: str) -> None:
    print(f"newsclean: {message}", file=sys.stderr)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean raw dumps of Indonesian news pages into validated articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    parser.add_argument(
        "--profiles", metavar="DIR", action="append", default=[],
        help="a directory of extra site profiles (*.toml); repeatable; worker processes load them too",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    clean = sub.add_parser(
        "clean", help="clean files, directories or globs into JSONL, Parquet or CSV",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="dump files, directories (walked recursively) or quoted globs")
    clean.add_argument("-o", "--output", required=True, help="out.jsonl, out.parquet or out.csv ('-': JSONL on stdout)")
    clean.add_argument("--errors", metavar="PATH", help="write non-articles and errors here as JSONL")
    clean.add_argument("--workers", type=int, default=None, help="worker processes (default: all CPUs; 1: no pool)")
    clean.add_argument("--site", default=None, help="force a site profile instead of detecting it")
    clean.add_argument("--no-progress", action="store_true", help="no progress bar")

    show = sub.add_parser(
        "show", help="print one cleaned article", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    show.add_argument("file", metavar="FILE")
    show.add_argument("--explain", action="store_true", help="list every removed line with its label, step and reason")
    show.add_argument("--json", action="store_true", help="print the Article as JSON")
    show.add_argument("--url", default=None, help="the page's URL (helps site detection)")

    sub.add_parser("schema", help="print the Article JSON Schema")

    ev = sub.add_parser(
        "eval", help="score against a gold corpus", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ev.add_argument("dirs", nargs="+", metavar="DIR")
    ev.add_argument("--json", action="store_true", help="the report as JSON")
    ev.add_argument("--per-doc", action="store_true", help="one table row per document")
    ev.add_argument(
        "--no-url", action="store_true", help="do not pass the gold URL: the site is identified from the text alone"
    )
    for floor in ("f1", "precision", "recall", "title", "date", "reject"):
        ev.add_argument(f"--min-{floor}", type=float, default=None, metavar="X", help=f"fail (exit 1) below this {floor} score")
    return parser


# ---------------------------------------------------------------------------------------------------


def _cmd_clean(args: argparse.Namespace) -> int:
    from .batch import ErrorWriter, find_dumps, open_writer, parse_many

    # Expand up front: "nothing matched" is a usage error, and the progress bar gets its total.
    inputs: list[Path] = []
    matched = False
    for target in args.inputs:
        files = find_dumps(target)
        if files:
            matched = True
            inputs.extend(files)
        else:
            _err(f"no dumps match {target}")
            inputs.append(Path(target))  # reported as an InputError result, so exit 1
    if not matched:
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        _err("--workers must be at least 1")
        return EXIT_USAGE
    try:
        out = open_writer(args.output)
    except (ValueError, ImportError, OSError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    parse_kwargs: dict[str, Any] = {"site": args.site} if args.site else {}
    stream = parse_many(
        inputs,
        workers=args.workers,
        progress=not args.no_progress,
        parse_fn=PARSE_FN,
        **parse_kwargs,
    )
    interrupted = False
    errors = ErrorWriter(args.errors) if args.errors else None
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
    _err(("interrupted after " if interrupted else "") + f"{stats.summary()} -> {where}")
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_ERRORS if stats.errors else EXIT_OK


def _format_article(article: Article) -> str:
    title = article.title or "(no headline in the dump)"
    lines = [title, "=" * min(len(title), 100)]
    when = article.published_at.isoformat() if article.published_at else (
        article.published_date.isoformat() if article.published_date else "-"
    )
    meta = [
        ("site", article.site), ("url", article.url), ("published", when),
        ("updated", article.updated_at.isoformat() if article.updated_at else None),
        ("authors", ", ".join(article.authors) or None), ("editors", ", ".join(article.editors) or None),
        ("section", article.section),
        ("image", " — ".join(x for x in (article.lead_image.caption, article.lead_image.credit) if x) or None
         if article.lead_image else None),
        ("code", article.closing_code),
    ]
    lines += [f"{label + ':':<11}{value}" for label, value in meta if value]
    lines.append("")
    for paragraph in article.body:
        lines += [paragraph, ""]
    if article.related:
        lines.append("Related:")
        lines += [f"  - {r.title}" + (f" <{r.url}>" if r.url else "") for r in article.related]
    return "\n".join(lines).rstrip() + "\n"


def _format_removed(article: Article) -> str:
    removed = article.removed or []
    lines = [f"Removed lines ({len(removed)}):"]
    for line in removed:
        text = " ".join(line.text.split())
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"{line.index:>5}  {line.label:<12} {line.step:<13} {line.reason}  | {text}")
    return "\n".join(lines) + "\n"


def _cmd_show(args: argparse.Namespace) -> int:
    from .batch import read_dump

    try:
        raw = read_dump(args.file)
    except InputError as exc:
        _err(str(exc))
        return EXIT_USAGE
    try:
        article = _parse_fn()(raw, url=args.url, explain=args.explain)
    except NotAnArticle as exc:
        _err(f"{args.file}: {exc}")
        return EXIT_NOT_ARTICLE
    except NewscleanError as exc:
        _err(f"{args.file}: {type(exc).__name__}: {exc}")
        return EXIT_ERRORS
    if args.json:
        print(article.model_dump_json(indent=2, exclude_none=not args.explain))
    else:
        sys.stdout.write(_format_article(article))
        if args.explain:
            sys.stdout.write("\n" + _format_removed(article))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _load_evaluate() -> Callable[..., Any]:
    from .evaluate import evaluate

    return evaluate


def _cmd_eval(args: argparse.Namespace) -> int:
    missing = [d for d in args.dirs if not Path(d).exists()]
    if missing:
        _err(f"no such directory: {', '.join(missing)}")
        return EXIT_USAGE
    evaluate = _load_evaluate()
    use_url = not args.no_url
    report = (
        evaluate(args.dirs, parse=PARSE_FN, use_url=use_url)
        if PARSE_FN is not None
        else evaluate(args.dirs, use_url=use_url)
    )
    print(report.to_json() if args.json else report.to_table(per_doc=args.per_doc))
    floors = {
        f"min_{name}": getattr(args, f"min_{name}")
        for name in ("f1", "precision", "recall", "title", "date", "reject")
        if getattr(args, f"min_{name}") is not None
    }
    failures = report.check_floors(**floors) if floors else []
    for message in failures:
        _err(message)
    return EXIT_ERRORS if failures else EXIT_OK


_COMMANDS = {"clean": _cmd_clean, "show": _cmd_show, "schema": _cmd_schema, "eval": _cmd_eval}


def _use_profiles(folders: list[str]) -> Optional[str]:
    """Load the profile folders here and name them in the environment for worker processes."""
    import os

    from . import sites
    from .errors import ProfileError

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
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help / --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.profiles:
        failure = _use_profiles(args.profiles)
        if failure:
            _err(failure)
            return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `newsclean schema | head`: the reader left; silence the flush at exit as well.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERRORS
