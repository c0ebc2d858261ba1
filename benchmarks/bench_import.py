"""Start-up cost: what `import newsclean` and its first uses cost, measured with `python -X importtime`.

    python benchmarks/bench_import.py [--runs 15]

Each statement runs in a fresh interpreter (`python -X importtime -c ...`, the src/ tree first on the
path) and is scored by the cumulative microseconds importtime reports for the statement's own top
module: `import newsclean` is the number the 100 ms goal is about. The other rows say where the cost
went, measured in the same run: `newsclean.models` (pydantic plus building the four models, what
`import newsclean` paid before the models were loaded on first use), `pydantic` alone, and the full
parsing pipeline (paid by the first `parse`). Runs are interleaved and the median is reported, because
the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (label, top module whose cumulative import time is the score)
ROWS = [
    ("import newsclean", "newsclean"),
    ("import newsclean.models  (pydantic + the models)", "newsclean.models"),
    ("import pydantic", "pydantic"),
    ("import newsclean.pipeline  (what the first parse loads)", "newsclean.pipeline"),
]

_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)\s*$")


def import_us(module: str) -> int:
    """Cumulative import time of `import module` in a fresh interpreter, in microseconds.

    importtime nests what a module imports under it (a submodule's parent package included), so the
    statement's module is the one top-level entry with that name and its cumulative figure is the cost.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env, capture_output=True, text=True, check=True,
    )
    for match in map(_LINE.match, run.stderr.splitlines()):
        if match and match.group(3) == module and not match.group(2):
            return int(match.group(1))
    raise RuntimeError(f"importtime printed no top-level line for {module}:\n{run.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    samples: dict[str, list[int]] = {label: [] for label, _ in ROWS}
    for _ in range(args.runs):
        for label, module in ROWS:
            samples[label].append(import_us(module))
    medians = {label: statistics.median(values) / 1000 for label, values in samples.items()}
    base = medians[ROWS[0][0]]
    print(f"median of {args.runs} fresh interpreters each, python -X importtime, {sys.version.split()[0]}")
    print(f"{'statement':<58}{'ms':>9}{'x import newsclean':>20}")
    for label, ms in medians.items():
        print(f"{label:<58}{ms:>9.1f}{ms / base:>20.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
