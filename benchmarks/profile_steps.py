"""Where `parse()` spends its time on text dumps: load, each step, and assembling the Article.

    python benchmarks/profile_steps.py [--rounds 5] [--cprofile N] [--with-url] [DIR_OR_FILE ...]

Inputs default to ../shared/corpus/real/text plus the bundled fixtures (.txt only). Each phase is timed
with the process's CPU clock (less disturbed by other processes on a shared machine than the wall
clock) and reported as µs per document and as a share of the whole, so runs compare by their shares.
`--cprofile N` also prints the N functions with the most own time under cProfile. `--with-url` passes
each dump's gold URL (from its sibling .json), as `bench_extract.py --with-url` does.
Not run by pytest.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from newsclean import NewscleanError  # noqa: E402
from newsclean.load import load  # noqa: E402
from newsclean.pipeline import assemble  # noqa: E402
from newsclean.steps import STEPS  # noqa: E402

SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


def texts(paths: Sequence[Path], with_url: bool) -> list[tuple[str, Optional[str]]]:
    files: list[Path] = []
    for base in paths:
        files += sorted(base.rglob("*.txt")) if base.is_dir() else [base]
    return [
        (p.read_text(encoding="utf-8"), _gold_url(p) if with_url else None)
        for p in files
        if not p.name.lower().startswith("readme")
    ]


def _gold_url(path: Path) -> Optional[str]:
    try:
        url = json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):
        return None
    return url if isinstance(url, str) and url else None


def one_pass(docs: list[tuple[str, Optional[str]]], spent: dict[str, float]) -> None:
    clock = time.process_time
    for raw, url in docs:
        t0 = clock()
        page = load(raw, url=url)
        t1 = clock()
        spent["load"] += t1 - t0
        for step in STEPS:
            try:
                step(page)
            except NewscleanError:  # (a non-article stops here; the time is still this step's)
                break
            finally:
                t2 = clock()
                spent[step.__name__] += t2 - t1
                t1 = t2
        else:
            assemble(page)
            spent["assemble"] += clock() - t1


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    parser.add_argument("--with-url", action="store_true", help="pass each dump's gold URL, as parse(url=...) does")
    args = parser.parse_args(argv)
    default = [p for p in (SHARED / "corpus" / "real" / "text", ROOT / "fixtures") if p.exists()]
    docs = texts(args.paths or default, args.with_url)
    spent: dict[str, float] = defaultdict(float)
    one_pass(docs, defaultdict(float))  # warm-up: lazy imports and caches
    for _ in range(args.rounds):
        one_pass(docs, spent)
    total = sum(spent.values())
    n = len(docs) * args.rounds
    print(f"{len(docs)} dumps x {args.rounds} rounds: {1e6 * total / n:.0f} µs CPU per document")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14} {1e6 * seconds / n:>8.0f} µs  {100 * seconds / total:5.1f} %")
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.runcall(one_pass, docs, defaultdict(float))
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
