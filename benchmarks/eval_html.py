"""Score newsclean.parse() on the HTML gold corpus with newsclean.evaluate (not run by pytest).

    python benchmarks/eval_html.py [--corpus DIR] [--no-url]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-url", action="store_true", help="do not pass the gold URL to parse()")
    args = ap.parse_args()

    import newsclean

    report = newsclean.evaluate([args.corpus], use_url=not args.no_url)
    print(report.to_table())


if __name__ == "__main__":
    main()
