"""Speed and body quality of newsclean.parse against trafilatura and jusText on the same text dumps.

    python benchmarks/bench_extract.py [--min-seconds 1.0] [--with-url] [EXTRA_DIR_OR_FILE ...]

Inputs: the bundled fixtures (fixtures/**/*.txt) plus ../shared/corpus/dev/**/*.txt when present, plus
any paths given. trafilatura and jusText read HTML, so each text dump is wrapped minimally (every line
an escaped <p> inside <html><body>); that wrapping is INCLUDED in their timings (a caller holding a text
dump has to do it) and also timed on its own so it can be subtracted. Warm-up calls (lazy imports, caches)
are not timed. The tools take turns: each round times one pass over all docs per tool (the order rotating),
and rounds repeat until newsclean has run for at least --min-seconds (3 rounds at least). A tool's docs/s
comes from its median pass; its speed against newsclean is the median of the per-round ratios, so a shared
machine slowing down for a while slows both sides of a ratio alike instead of whichever tool ran then.

Quality is bag-of-token body P/R/F1 (newsclean.evaluate's scoring) over dumps that have a gold
`<stem>.json` with kind=article; a NotAnArticle or error is an empty prediction. Not run by pytest
(needs: pip install trafilatura justext lxml_html_clean).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

import newsclean  # noqa: E402
from newsclean.evaluate import Overlap, score_body  # noqa: E402

SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


@dataclass
class Doc:
    """A text dump and, when it has one, its gold article body."""

    path: Path
    text: str
    url: Optional[str]
    gold_body: Optional[list[str]]  # None: no gold, or gold says non-article


def load_docs(paths: Sequence[Path]) -> list[Doc]:
    """Every `.txt` under `paths` (files or directories), with the gold of a sibling `.json` if any."""
    docs: list[Doc] = []
    seen: set[Path] = set()
    for base in paths:
        files = sorted(base.rglob("*.txt")) if base.is_dir() else [base]
        for path in files:
            if path.resolve() in seen or path.name.lower().startswith("readme"):
                continue
            seen.add(path.resolve())
            gold: dict[str, Any] = {}
            gold_path = path.with_suffix(".json")
            if gold_path.is_file():
                try:
                    gold = json.loads(gold_path.read_text(encoding="utf-8"))
                except (ValueError, OSError):
                    gold = {}
            body = gold.get("body") if gold.get("kind") == "article" else None
            docs.append(Doc(path, path.read_text(encoding="utf-8"), gold.get("url"), body))
    return docs


def wrap_html(text: str) -> str:
    """The minimal HTML a text dump becomes for an HTML extractor: one <p> per non-empty line."""
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{paras}</body></html>"


def run_newsclean(doc: Doc, with_url: bool) -> list[str]:
    try:
        article = newsclean.parse(doc.text, url=doc.url) if with_url and doc.url else newsclean.parse(doc.text)
    except newsclean.NotAnArticle:
        return []
    except Exception as exc:  # noqa: BLE001 - a failure is an empty prediction here; evaluate() reports errors
        print(f"  newsclean error on {doc.path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return []
    return list(article.body)


def run_trafilatura(doc: Doc, with_url: bool) -> list[str]:
    import trafilatura

    text = trafilatura.extract(wrap_html(doc.text), url=doc.url if with_url else None)
    return text.splitlines() if text else []


_STOPLIST: Optional[frozenset[str]] = None


def run_justext(doc: Doc, with_url: bool) -> list[str]:
    import justext

    global _STOPLIST
    if _STOPLIST is None:  # loading the stoplist per call would be timed as jusText's cost
        _STOPLIST = frozenset(justext.get_stoplist("Indonesian"))
    paragraphs = justext.justext(wrap_html(doc.text), _STOPLIST)
    return [p.text for p in paragraphs if not p.is_boilerplate]


def run_wrap_only(doc: Doc, with_url: bool) -> list[str]:
    wrap_html(doc.text)
    return []


@dataclass
class Result:
    name: str
    docs_per_s: float  # from the median pass
    speed: float  # median over rounds of this tool's docs/s over newsclean's in the same round
    rounds: int
    body: Overlap
    macro_f1: Optional[float]


def _timed_pass(extract: Callable[[Doc, bool], list[str]], docs: list[Doc], with_url: bool) -> float:
    start = time.perf_counter()
    for doc in docs:
        extract(doc, with_url)
    return time.perf_counter() - start


def _score(outputs: list[list[str]], docs: list[Doc]) -> tuple[Overlap, Optional[float]]:
    total, f1s = Overlap(), []
    for doc, lines in zip(docs, outputs, strict=True):
        if doc.gold_body is None:
            continue
        overlap, _, _ = score_body(lines, doc.gold_body)
        total += overlap
        f1s.append(overlap.f1)
    return total, (sum(f1s) / len(f1s) if f1s else None)


def bench(
    tools: Sequence[tuple[str, Callable[[Doc, bool], list[str]]]], docs: list[Doc], min_seconds: float, with_url: bool
) -> list[Result]:
    """Interleaved rounds (see the module docstring); the warm-up pass is the one scored. The first tool is
    the reference of the speed ratios."""
    outputs = [[extract(doc, with_url) for doc in docs] for _, extract in tools]
    passes: list[list[float]] = [[] for _ in tools]
    rounds = 0
    while rounds < 3 or sum(passes[0]) < min_seconds:
        shift = rounds % len(tools)
        for k in list(range(shift, len(tools))) + list(range(shift)):
            passes[k].append(_timed_pass(tools[k][1], docs, with_url))
        rounds += 1
    results = []
    for (name, _), times, out in zip(tools, passes, outputs, strict=True):
        ratios = [ref / t for ref, t in zip(passes[0], times, strict=True)]
        body, macro = _score(out, docs)
        results.append(
            Result(name, len(docs) / statistics.median(times), statistics.median(ratios), rounds, body, macro)
        )
    return results


def _fmt(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="extra .txt dumps or directories")
    parser.add_argument(
        "--min-seconds",
        type=float,
        default=1.0,
        help="minimum timed run of newsclean (the other tools take turns with it)",
    )
    parser.add_argument("--with-url", action="store_true", help="pass the gold URL to newsclean and trafilatura")
    parser.add_argument("--no-shared", action="store_true", help="ignore ../shared/corpus/dev")
    args = parser.parse_args(argv)

    sources = [ROOT / "fixtures"]
    if not args.no_shared and (SHARED / "corpus" / "dev").is_dir():
        sources.append(SHARED / "corpus" / "dev")
    sources += args.paths
    docs = load_docs([p for p in sources if p.exists()])
    if not docs:
        print("no .txt dumps found", file=sys.stderr)
        return 1
    scored = sum(d.gold_body is not None for d in docs)
    size = sum(len(d.text) for d in docs)
    print(f"{len(docs)} dumps ({size / 1024:.0f} KiB), {scored} with gold article bodies; url passed: {args.with_url}")
    print("trafilatura/jusText timings INCLUDE wrapping each dump as HTML; 'wrap only' is that wrapping alone.\n")

    tools: list[tuple[str, Callable[[Doc, bool], list[str]]]] = [
        ("newsclean", run_newsclean),
        ("trafilatura", run_trafilatura),
        ("jusText", run_justext),
        ("wrap only", run_wrap_only),
    ]
    results = bench(tools, docs, args.min_seconds, args.with_url)
    print(
        f"{'tool':<12} {'docs/s':>9} {'ms/doc':>7} {'speed/newsclean':>15} {'rounds':>6} {'body P':>7} {'R':>6} {'F1':>6} {'macroF1':>7}"
    )
    for r in results:
        quality = (
            ["-"] * 4
            if r.name == "wrap only"
            else [_fmt(r.body.precision), _fmt(r.body.recall), _fmt(r.body.f1), _fmt(r.macro_f1)]
        )
        print(
            f"{r.name:<12} {r.docs_per_s:>9.1f} {1000 / r.docs_per_s:>7.2f} {f'{r.speed:.3g}x':>15} "
            f"{r.rounds:>6} {quality[0]:>7} {quality[1]:>6} {quality[2]:>6} {quality[3]:>7}"
        )
    print(
        f"\nnewsclean vs trafilatura: {1 / results[1].speed:.2f}x (median of the per-round ratios)\n"
        "speed/newsclean: median over the rounds of a tool's docs/s over newsclean's in the same round"
        " (above 1x: faster than newsclean); newsclean/trafilatura is its inverse."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
