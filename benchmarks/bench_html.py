"""Throughput of newsclean.parse() vs trafilatura.extract() on the HTML corpus (never run by pytest).

    python benchmarks/bench_html.py [--corpus DIR] [--rounds N]

Both extractors get the same pages (as str, already decoded) in the same run and take turns: each round
times one pass over all pages per tool, the order alternating. Prints each tool's best pass and the median of
the per-round ratios: on a shared machine a slow spell then slows both sides of a ratio alike.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"


def _timed_pass(fn: Callable[[str], object], pages: list[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        fn(page)
    return time.perf_counter() - start


def _interleaved(
    a: Callable[[str], object], b: Callable[[str], object], pages: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Pass times of `a` and `b`, one pass each per round, the one going first alternating."""
    times_a: list[float] = []
    times_b: list[float] = []
    for k in range(rounds):
        if k % 2:
            times_b.append(_timed_pass(b, pages))
            times_a.append(_timed_pass(a, pages))
        else:
            times_a.append(_timed_pass(a, pages))
            times_b.append(_timed_pass(b, pages))
    return times_a, times_b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
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
    t_nc, t_tf = _interleaved(run_newsclean, run_trafilatura, pages, args.rounds)
    n = len(pages)
    ratio = statistics.median(tf / nc for nc, tf in zip(t_nc, t_tf, strict=True))
    print(f"{n} pages, {size_mb:.1f} MB, {args.rounds} interleaved rounds (best pass shown)")
    print(f"newsclean.parse    {n / min(t_nc):8.1f} docs/s  ({min(t_nc) * 1000 / n:6.1f} ms/doc)")
    print(f"trafilatura.extract{n / min(t_tf):8.1f} docs/s  ({min(t_tf) * 1000 / n:6.1f} ms/doc)")
    print(
        f"ratio newsclean/trafilatura: {ratio:.1f}x, median of the per-round ratios"
        f" ({min(t_tf) / min(t_nc):.1f}x best pass over best pass; issue #10 asks >= 8x)"
    )


if __name__ == "__main__":
    main()
