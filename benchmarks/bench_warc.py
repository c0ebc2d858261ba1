"""WARC/WET/JSONL input at scale (not run by pytest).

    python benchmarks/bench_warc.py                       # 10,000 records, 1 and 2 workers
    python benchmarks/bench_warc.py --records 3000 --workers 1 2

Builds, in a temporary folder, a gzipped WARC from the HTML pages under ../shared/corpus (each page
repeated until `--records` response records, one in 20 an image and one in 20 an HTTP 404/301, one in
4 under a host no profile knows, each response preceded by its request record, as Common Crawl writes
them). Then:

1. site filter alone: records/s of `--sites known` over the WARC (headers only, nothing parsed),
   against reading every record's payload;
2. docs/s cleaning the WARC with 1 and 2 workers, the resident memory (parent + workers) sampled
   over the run, and the accounting check articles + non-articles + errors + skipped = records;
3. equivalence: the text dumps as a WET file and the HTML pages as JSONL {url, html} give the same
   Articles as parsing each file alone with the same url and fetched_at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Iterator
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import newsclean  # noqa: E402
from newsclean.batch import SiteFilter, parse_many  # noqa: E402
from newsclean.batch.sources import InputOptions, iter_items  # noqa: E402
from warc_builder import Response, write_warc  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FETCHED = "2024-05-06T07:08:09Z"
FETCHED_AT = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)


def pages(suffix: str) -> list[tuple[Path, str]]:
    """(file, url) for every page with that suffix; the url from its gold file, else made up from its folder."""
    found = []
    for path in sorted(CORPUS.rglob(f"*{suffix}")):
        gold = path.with_suffix(".json")
        url = json.loads(gold.read_text("utf-8")).get("url") if gold.exists() else None
        found.append((path, url or f"https://{path.parent.name}/{path.stem}"))
    return found


def build_warc(path: Path, html: list[tuple[Path, str]], records: int) -> Path:
    return write_warc(path, _responses(html, records), requests=True)


def _responses(html: list[tuple[Path, str]], records: int) -> Iterator[Response]:
    """The WARC's responses, made one at a time (the file is written as they come)."""
    for i in range(records):
        page, url = html[i % len(html)]
        rid = f"<urn:uuid:{i:08d}-0000-4000-8000-000000000000>"
        if i % 20 == 7:
            yield Response(f"{url}.png?r={i}", b"\x89PNG\r\n", content_type="image/png", record_id=rid)
        elif i % 20 == 13:
            yield Response(f"{url}?r={i}", b"<html>gone</html>", status=404 if i % 40 == 13 else 301, record_id=rid)
        elif i % 4 == 1:  # as in CC-NEWS, most pages are from sites outside the filter
            yield Response(f"https://news.example.org/{i}", page.read_bytes(), record_id=rid, date=FETCHED)
        else:
            yield Response(f"{url}?r={i}", page.read_bytes(), record_id=rid, date=FETCHED)


def rss_mib() -> float:
    import psutil

    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def site_filter_rate(warc: Path) -> None:
    def run(options: InputOptions) -> tuple[int, float]:
        start = time.perf_counter()
        count = sum(1 for _ in iter_items([warc], options))
        return count, time.perf_counter() - start

    SiteFilter(known=True).keeps("https://kompas.com/")  # load the profiles outside the timing
    kept, filtered_s = run(opts := InputOptions(site_filter=SiteFilter(known=True)))
    total = kept + opts.filtered
    _, none_s = run(InputOptions(site_filter=SiteFilter(domains=("nothing.invalid",))))
    _, full_s = run(InputOptions())
    print(f"site filter (--sites known): {total:,} records in {filtered_s:.2f} s = {total / filtered_s:,.0f} records/s "
          f"({kept:,} kept and read, {opts.filtered:,} dropped); a filter keeping nothing (headers only): "
          f"{total / none_s:,.0f} records/s; no filter, every payload read: {total / full_s:,.0f} records/s")


def clean_rate(warc: Path, records: int, workers: int) -> None:
    samples: list[float] = []
    stream = parse_many([warc], workers=workers, progress=False, chunksize=4)
    for n, _ in enumerate(stream, start=1):
        if n % max(1, records // 10) == 0:
            samples.append(rss_mib())
    s = stream.stats
    accounted = s.articles + s.non_articles + s.errors + s.skipped
    print(f"workers={workers}: {s.total:,} docs in {s.elapsed:.1f} s = {s.rate:,.1f} docs/s; "
          f"{s.articles:,} articles + {s.non_articles:,} non-articles + {s.errors:,} errors + {s.skipped:,} skipped "
          f"= {accounted:,} (records: {records:,}) {'OK' if accounted == records else 'MISMATCH'}")
    print(f"  RSS parent+workers (MiB) every {max(1, records // 10):,} docs: " + ", ".join(f"{m:.0f}" for m in samples))


def equivalence(tmp: Path, html: list[tuple[Path, str]], text: list[tuple[Path, str]]) -> None:
    def compare(label: str, inputs: list[Any], alone: list[Any]) -> None:
        results = list(parse_many(inputs, workers=1, progress=False))
        def agrees(result: Any, expected: Any) -> bool:
            if result.ok:
                return bool(result.article == expected)
            return not isinstance(expected, newsclean.Article) and result.error.error_type == type(expected).__name__

        same = sum(agrees(result, expected) for result, expected in zip(results, alone, strict=True))
        print(f"{label}: {same}/{len(alone)} identical to parsing each file alone")

    def parse_alone(path: Path, url: str, fetched_at: Any) -> Any:
        try:
            return newsclean.parse(path.read_bytes(), url=url, fetched_at=fetched_at)
        except newsclean.NewscleanError as exc:
            return exc

    wet = write_warc(tmp / "pages.warc.wet.gz", [Response(u, p.read_bytes(), date=FETCHED, record_id=f"<urn:x:{i}>")
                                                  for i, (p, u) in enumerate(text)], wet=True)
    compare("WET of the text dumps", [wet], [parse_alone(p, u, FETCHED_AT) for p, u in text])
    jsonl = tmp / "pages.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        for path, url in html:
            fh.write(json.dumps({"url": url, "html": path.read_bytes().decode("utf-8", "surrogateescape")}) + "\n")
    compare("JSONL {url, html} of the HTML pages", [jsonl], [parse_alone(p, u, None) for p, u in html])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is not present (only developer checkouts have ../shared)")
    html, text = pages(".html"), pages(".txt")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        start = time.perf_counter()
        warc = build_warc(tmp / "bench.warc.gz", html, args.records)
        print(f"built {warc.name}: {args.records:,} responses from {len(html)} pages (+ requests, warcinfo), "
              f"{warc.stat().st_size / 2**20:,.0f} MiB, in {time.perf_counter() - start:.1f} s")
        site_filter_rate(warc)
        equivalence(tmp, html, text)
        for workers in args.workers:
            clean_rate(warc, args.records, workers)


if __name__ == "__main__":
    main()
