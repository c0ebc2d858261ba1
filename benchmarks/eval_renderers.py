"""How well newsclean reads HTML pages that a text renderer has dumped (not run by pytest or CI).

Every gold HTML page under ../shared/corpus/html and ../shared/corpus/real/html is rendered to text by
each renderer, the text is parsed by `newsclean.parse` WITHOUT the URL (the site must be found from the
text, or the generic path used), and the result is scored against the page's gold with
`newsclean.evaluate` (bag-of-token body P/R/F1, exact titles, dates; a non-article must raise
NotAnArticle). trafilatura on the same HTML pages is printed for reference.

    python benchmarks/eval_renderers.py                       # every renderer, one summary row each
    python benchmarks/eval_renderers.py -r lynx --docs        # one renderer, a row per page
    python benchmarks/eval_renderers.py --worst 5             # the 5 weakest pages per renderer, with tokens
    python benchmarks/eval_renderers.py --save /tmp/dumps     # also write each rendering under DIR/<renderer>/
    python benchmarks/eval_renderers.py --peer-on-dumps       # also trafilatura on each renderer's dumps

Renderers and what they need (this script installs nothing):
- `lynx -dump`  : the Debian/Ubuntu package `lynx` (numbered links "[12]" and a "References" list);
- `w3m -dump`   : the Debian/Ubuntu package `w3m`;
- `html2text`   : `pip install html2text` (Markdown, wrapped at 78 columns);
- `inscriptis`  : `pip install inscriptis` (layout-aware text, indented lists);
- trafilatura   : `pip install trafilatura` (the reference).
All the Python ones come with `pip install ".[bench]"`. A renderer that is missing is reported and skipped.
Each page is decoded once (newsclean's charset handling) and handed to every renderer as UTF-8.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

import newsclean  # noqa: E402
from newsclean.decode import decode_bytes  # noqa: E402
from newsclean.evaluate import EvalReport, SiteSummary, evaluate  # noqa: E402

SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
CORPORA = [SHARED / "corpus" / "html", SHARED / "corpus" / "real" / "html"]
_TIMEOUT = 60  # seconds per page for an external renderer


def _run(command: list[str], html: str) -> str:
    done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=_TIMEOUT, check=False)
    return done.stdout.decode("utf-8", errors="replace")


def render_lynx(html: str) -> str:
    return _run(["lynx", "-dump", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8", "-nocolor"], html)


def render_w3m(html: str) -> str:
    return _run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"], html)


def render_html2text(html: str) -> str:
    import html2text

    return html2text.html2text(html)


def render_inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


RENDERERS: dict[str, Callable[[str], str]] = {
    "lynx": render_lynx,
    "w3m": render_w3m,
    "html2text": render_html2text,
    "inscriptis": render_inscriptis,
}


def available(name: str) -> Optional[str]:
    """None when the renderer can run here, else what is missing."""
    if name in ("lynx", "w3m"):
        return None if shutil.which(name) else f"the `{name}` program (apt-get install {name})"
    try:
        __import__(name)
    except ImportError:
        return f"the `{name}` package (pip install {name})"
    return None


@dataclass
class Prediction:
    """The fields `newsclean.evaluate` scores, for a tool that is not newsclean."""

    body: list[str]
    title: Optional[str] = None
    published_at: Optional[dt.datetime] = None
    published_date: Optional[dt.date] = None
    authors: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def trafilatura_parse(html: str) -> Prediction:
    """trafilatura's main text and metadata (its dates carry no time, so only date-only golds can match)."""
    import trafilatura

    found: Any = trafilatura.bare_extraction(html, with_metadata=True)
    if found is None:
        raise newsclean.NotAnArticle("trafilatura found no main text")
    get = found.get if isinstance(found, dict) else lambda key: getattr(found, key, None)
    day = None
    if get("date"):
        try:
            day = dt.date.fromisoformat(str(get("date"))[:10])
        except ValueError:
            day = None
    authors = [a.strip() for a in (get("author") or "").split(";") if a.strip()]
    return Prediction(body=(get("text") or "").splitlines(), title=get("title"), published_date=day, authors=authors)


def wrap_as_html(text: str) -> str:
    """A text dump as the minimal HTML trafilatura reads: one <p> per non-empty line."""
    import html as html_lib

    paras = "".join(f"<p>{html_lib.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{paras}</body></html>"


class Pages:
    """Decoded pages and their renderings, each computed once and shared by every scoring pass."""

    def __init__(self, save: Optional[Path]) -> None:
        self.save = save
        self._html: dict[bytes, str] = {}
        self._dumps: dict[tuple[str, bytes], str] = {}

    def html(self, raw: bytes) -> str:
        if raw not in self._html:
            self._html[raw] = decode_bytes(raw)
        return self._html[raw]

    def dump(self, renderer: str, raw: bytes) -> str:
        key = (renderer, raw)
        if key not in self._dumps:
            self._dumps[key] = RENDERERS[renderer](self.html(raw))
        return self._dumps[key]

    def save_dumps(self, renderer: str, report: EvalReport) -> None:
        if self.save is None:
            return
        out = self.save / renderer
        for doc in report.docs:
            source = Path(doc.path)
            target = (out / source.relative_to(SHARED / "corpus")).with_suffix(".txt")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.dump(renderer, source.read_bytes()), encoding="utf-8")


def score(parse: Callable[[bytes], Any]) -> EvalReport:
    corpora = [c for c in CORPORA if c.is_dir()]
    return evaluate(corpora, parse=lambda raw, **_: parse(raw), use_url=False)


def row(name: str, s: SiteSummary) -> str:
    def f(v: Optional[float]) -> str:
        return "-" if v is None else f"{v:.3f}"

    return (
        f"{name:<24} {s.articles:>4} {f(s.body.precision):>6} {f(s.body.recall):>6} {f(s.body.f1):>6}"
        f" {f(s.body_macro_f1):>7} {s.title_exact:>3}/{s.title_total:<3} {s.date_correct:>3}/{s.date_total:<3}"
        f" {s.rejected_correct:>3}/{s.non_articles:<3} {s.false_rejections:>5} {s.errors:>6}"
    )


HEADER = (
    f"{'renderer':<24} {'arts':>4} {'body P':>6} {'R':>6} {'F1':>6} {'macroF1':>7} {'titles':>7} {'dates':>7}"
    f" {'non-art':>7} {'lost':>5} {'errors':>6}"
)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-r", "--renderer", action="append", choices=sorted(RENDERERS), help="only these (repeatable)")
    ap.add_argument("--docs", action="store_true", help="a row per page under each renderer")
    ap.add_argument("--worst", type=int, default=0, help="show the N weakest pages of each renderer")
    ap.add_argument("--save", type=Path, help="write every rendering to DIR/<renderer>/<page's path in the corpus>.txt")
    ap.add_argument("--peer-on-dumps", action="store_true", help="also trafilatura on each renderer's dumps")
    ap.add_argument("--no-reference", action="store_true", help="skip trafilatura on the HTML")
    args = ap.parse_args(argv)

    if not any(c.is_dir() for c in CORPORA):
        print(f"no corpus found under {SHARED / 'corpus'}", file=sys.stderr)
        return 1
    pages = Pages(args.save)
    rows: list[str] = []
    details: list[str] = []
    for name in args.renderer or list(RENDERERS):
        missing = available(name)
        if missing:
            rows.append(f"{name:<24} skipped: needs {missing}")
            continue

        def parse_dump(raw: bytes, name: str = name) -> Any:
            return newsclean.parse(pages.dump(name, raw))

        report = score(parse_dump)
        pages.save_dumps(name, report)
        rows.append(row(name, report.overall))
        if args.docs:
            details.append(f"== {name}\n{report.to_table(per_doc=True)}")
        if args.worst:
            details.append(f"== {name}: weakest pages\n{report.format_worst(args.worst)}")
        if args.peer_on_dumps and available("trafilatura") is None:

            def peer_dump(raw: bytes, name: str = name) -> Any:
                return trafilatura_parse(wrap_as_html(pages.dump(name, raw)))

            rows.append(row(f"  trafilatura on {name}", score(peer_dump).overall))
    if not args.no_reference:
        missing = available("trafilatura")
        if missing:
            rows.append(f"{'trafilatura (HTML)':<24} skipped: needs {missing}")
        else:
            rows.append(row("trafilatura (HTML)", score(lambda raw: trafilatura_parse(pages.html(raw))).overall))
    for block in details:
        print(block, end="\n\n")
    corpora = ", ".join(str(c) for c in CORPORA if c.is_dir())
    print(f"pages of {corpora}, parsed as text without URL")
    print(HEADER)
    print("-" * len(HEADER))
    print("\n".join(rows))
    print("\ntitles: exact matches; dates: right over golds with a date; non-art: non-articles rejected; lost: articles"
          " rejected as NotAnArticle; errors: any other exception.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
