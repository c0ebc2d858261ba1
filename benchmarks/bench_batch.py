"""Batch throughput and memory of `parse_many` (not run by pytest).

    python benchmarks/bench_batch.py                      # both parts, real parser, fixtures/
    python benchmarks/bench_batch.py --docs 4000 --rss-docs 100000
    python benchmarks/bench_batch.py --parser stand-in    # the batch machinery alone

Part 1 replicates the sample dumps to N documents and cleans them with 1 and 2 workers
(docs/s and the speed-up ratio). Part 2 cleans a generator of `--rss-docs` dumps made on the fly,
streaming articles to JSONL on /dev/null, and prints the resident memory of the parent and of
all worker processes every 10k documents: with a bounded window those numbers stay flat.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean import Article  # noqa: E402
from newsclean.batch import JsonlWriter, find_dumps, parse_many  # noqa: E402


def stand_in_parse(raw: str | bytes, **kwargs: Any) -> Article:
    """Splits lines and validates an Article: the cost floor any real parser sits on."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 40]
    return Article(title=lines[0][:120], body=lines[1:] or lines)


def sample_dumps(folder: Optional[str]) -> list[str]:
    candidates = [Path(folder)] if folder else [ROOT / "fixtures", ROOT.parent / "shared" / "seed"]
    for candidate in candidates:
        files = [p for p in find_dumps(candidate) if p.suffix in (".txt", ".html", ".htm")]
        if files:
            return [p.read_text(encoding="utf-8", errors="replace") for p in files]
    raise SystemExit(f"no sample dumps under {', '.join(map(str, candidates))}; pass --samples DIR")


def replicated(samples: list[str], n: int) -> Iterator[tuple[str, str]]:
    # A unique last line per copy, so nothing downstream can cache by content.
    for i, text in zip(range(n), itertools.cycle(samples)):
        yield (f"doc-{i}", f"{text}\n\n<!-- copy {i} -->\n")


def throughput(samples: list[str], n: int, workers: int, parse_fn: Optional[Callable[..., Article]]) -> float:
    started = time.perf_counter()
    stream = parse_many(replicated(samples, n), workers=workers, progress=False, parse_fn=parse_fn)
    count = sum(1 for _ in stream)
    assert count == n, (count, n)
    return n / (time.perf_counter() - started)


def rss_mb(include_children: bool) -> tuple[float, float]:
    """(parent, workers) resident set size in MiB."""
    try:
        import psutil
    except ImportError:  # fall back to the parent's peak, which is still a ceiling
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, float("nan")
    me = psutil.Process()
    children = sum(c.memory_info().rss for c in me.children(recursive=True)) if include_children else 0
    return me.memory_info().rss / 2**20, children / 2**20


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", help="folder of dumps to replicate (default: fixtures/, then ../shared/seed)")
    parser.add_argument("--docs", type=int, default=2000, help="documents per throughput run")
    parser.add_argument("--rss-docs", type=int, default=100_000, help="documents in the memory run (0: skip)")
    parser.add_argument("--rss-workers", type=int, default=2)
    parser.add_argument("--parser", choices=["newsclean", "stand-in"], default="newsclean")
    args = parser.parse_args(argv)

    parse_fn = stand_in_parse if args.parser == "stand-in" else None
    samples = sample_dumps(args.samples)
    if parse_fn is None:
        import newsclean

        newsclean.parse(samples[0])  # warm imports and compiled profiles before timing
    print(f"{len(samples)} sample dump(s), parser: {args.parser}, CPUs: {os.cpu_count()}")

    one = throughput(samples, args.docs, 1, parse_fn)
    two = throughput(samples, args.docs, 2, parse_fn)
    print(f"throughput on {args.docs:,} docs: 1 worker {one:,.0f} docs/s, 2 workers {two:,.0f} docs/s, ratio {two / one:.2f}x")

    if args.rss_docs:
        print(f"memory over {args.rss_docs:,} docs, {args.rss_workers} workers (MiB):")
        print(f"{'docs':>9} {'parent':>8} {'workers':>8} {'docs/s':>8}")
        started = time.perf_counter()
        with JsonlWriter(os.devnull) as out:
            stream = parse_many(replicated(samples, args.rss_docs), workers=args.rss_workers, progress=False,
                                parse_fn=parse_fn)
            for n, result in enumerate(stream, start=1):
                out.write_result(result)
                if n % 10_000 == 0 or n == args.rss_docs:
                    parent, workers = rss_mb(include_children=True)
                    rate = n / (time.perf_counter() - started)
                    print(f"{n:>9,} {parent:>8.1f} {workers:>8.1f} {rate:>8,.0f}", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"parent peak RSS {peak:.1f} MiB; {stream.stats.summary()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
