"""Throughput of newsclean.parse() vs trafilatura.extract() on the HTML corpus (never run by pytest).

    python benchmarks/bench_html.py [--corpus DIR] [--rounds N]

Both extractors get the same pages (as str, already decoded) in the same run; prints docs/s and the ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"


def _time(fn: Callable[[str], object], pages: list[str], rounds: int) -> float:
    """Best-of-`rounds` wall time for one pass over all pages (best-of hides scheduler noise)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for page in pages:
            fn(page)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import trafilatura

    import newsclean
    from newsclean.errors import NewscleanError

    paths = sorted(args.corpus.glob("*/*.html"))
    if not paths:
        raise SystemExit(f"no *.html pages under {args.corpus}")
    pages = [p.read_text(encoding="utf-8") for p in paths]
    size_mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6

    def run_newsclean(page: str) -> object:
        try:
            return newsclean.parse(page)
        except NewscleanError:  # a rejected page (non-article) still cost the work
            return None

    def run_trafilatura(page: str) -> object:
        return trafilatura.extract(page)

    run_newsclean(pages[0])  # warm imports and compiled profiles outside the timing
    run_trafilatura(pages[0])
    t_nc = _time(run_newsclean, pages, args.rounds)
    t_tf = _time(run_trafilatura, pages, args.rounds)
    n = len(pages)
    print(f"{n} pages, {size_mb:.1f} MB, best of {args.rounds} rounds")
    print(f"newsclean.parse    {n / t_nc:8.1f} docs/s  ({t_nc * 1000 / n:6.1f} ms/doc)")
    print(f"trafilatura.extract{n / t_tf:8.1f} docs/s  ({t_tf * 1000 / n:6.1f} ms/doc)")
    print(f"ratio newsclean/trafilatura: {t_tf / t_nc:.1f}x (issue #10 asks >= 8x)")


if __name__ == "__main__":
    main()
