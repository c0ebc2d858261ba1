"""The Zyte/Scrapinghub article-extraction-benchmark metric for newsclean and trafilatura (not run by pytest).

    python benchmarks/bench_peer.py [--data DIR] [--bootstrap N]

Metric (as its README describes it): `\\w+` tokens, case kept; each text becomes a multiset of word
4-gram shingles; per document TP/FP/FN from the multiset overlap, normalised by their sum; precision and
recall are means over documents (with the benchmark's edge rules); F1 is the harmonic mean of the two
means. "Accuracy" = share of documents whose token sequence equals the gold exactly. ± is the standard
deviation over bootstrap resamples of documents.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "peer" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def doc_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """(tp, fp, fn) for one document, divided by their sum so each document weighs the same."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> Optional[float]:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp) if tp + fp else None


def _recall(tp: float, fp: float, fn: float) -> Optional[float]:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn) if tp + fn else None


def scores(counts: list[tuple[float, float, float]], exact: list[bool]) -> dict[str, float]:
    ps = [v for v in (_precision(*c) for c in counts) if v is not None]
    rs = [v for v in (_recall(*c) for c in counts) if v is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": sum(exact) / len(exact) if exact else 0.0}


def bootstrap(counts: list[tuple[float, float, float]], exact: list[bool], n: int, seed: int = 0) -> dict[str, float]:
    rng = random.Random(seed)
    k = len(counts)
    samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": [], "accuracy": []}
    for _ in range(n):
        idx = [rng.randrange(k) for _ in range(k)]
        s = scores([counts[i] for i in idx], [exact[i] for i in idx])
        for key, value in s.items():
            samples[key].append(value)
    out = {}
    for key, values in samples.items():
        mean = sum(values) / len(values)
        out[key] = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return out


def evaluate(extract: Callable[[str], str], pages: dict[str, str], gold: dict[str, str], n_boot: int) -> tuple[dict[str, float], dict[str, float], float]:
    counts: list[tuple[float, float, float]] = []
    exact: list[bool] = []
    start = time.perf_counter()
    for key, html in pages.items():
        pred = extract(html) or ""
        counts.append(doc_counts(pred, gold[key]))
        exact.append(_TOKEN.findall(pred) == _TOKEN.findall(gold[key]))
    elapsed = time.perf_counter() - start
    return scores(counts, exact), bootstrap(counts, exact, n_boot), elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--bootstrap", type=int, default=1000)
    args = ap.parse_args()

    import trafilatura

    import newsclean
    from newsclean.errors import NewscleanError

    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {k: v.get("articleBody") or "" for k, v in truth.items()}
    pages = {}
    for key in gold:
        with gzip.open(args.data / "html" / f"{key}.html.gz", "rb") as fh:
            pages[key] = fh.read().decode("utf-8", errors="replace")

    def run_newsclean(html: str) -> str:
        try:
            return newsclean.parse(html).text
        except NewscleanError:
            return ""

    def run_trafilatura(html: str) -> str:
        return trafilatura.extract(html) or ""

    print(f"{len(pages)} pages; metric: 4-gram shingles, per-doc normalised, macro P/R, F1 of the means")
    for name, fn in (("newsclean", run_newsclean), ("trafilatura", run_trafilatura)):
        s, sd, elapsed = evaluate(fn, pages, gold, args.bootstrap)
        print(
            f"{name:12} F1 {s['f1']:.3f} ± {sd['f1']:.3f}   P {s['precision']:.3f} ± {sd['precision']:.3f}   "
            f"R {s['recall']:.3f} ± {sd['recall']:.3f}   accuracy {s['accuracy']:.3f} ± {sd['accuracy']:.3f}   "
            f"({len(pages) / elapsed:.1f} docs/s)"
        )


if __name__ == "__main__":
    main()
