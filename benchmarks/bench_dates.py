"""Speed and accuracy of `newsclean.parse_date` against dateparser, on ../shared/dates/dates_dev.jsonl.

    python benchmarks/bench_dates.py [path/to/dates_dev.jsonl]

Both parsers see the same strings in the same run. dateparser gets languages=["id", "en"],
DATE_ORDER="DMY" and the line's relative_base (naive) as RELATIVE_BASE. Its first call, which loads
language data, is made before timing starts; so is ours. No caching is involved on our side: every
call parses from scratch.

Scoring: ours must match exactly (a `date` for a date, an aware `datetime` with the same instant and
offset for a datetime, None for null). dateparser always returns a naive-or-aware `datetime`, so it is
scored leniently: its `.date()` for date lines, and a naive result is read as +07:00 for datetime lines.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean.dates import parse_date

WIB = timezone(timedelta(hours=7))
Row = tuple[str, Any, "datetime | None"]


def load(path: Path) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            base = datetime.fromisoformat(item["relative_base"]) if item["relative_base"] else None
            rows.append((item["text"], item["expected"], base))
    return rows


def exact(value: object, expected: str | None) -> bool:
    if expected is None:
        return value is None
    if "T" in expected:
        want = datetime.fromisoformat(expected)
        return (
            isinstance(value, datetime)
            and value.utcoffset() == want.utcoffset()
            and value == want
        )
    return type(value) is date and value == date.fromisoformat(expected)


def lenient(value: datetime | None, expected: str | None) -> bool:
    if expected is None or value is None:
        return value is None and expected is None
    if "T" in expected:
        aware = value if value.tzinfo is not None else value.replace(tzinfo=WIB)
        return exact(aware, expected)
    return value.date() == date.fromisoformat(expected)


def rate(func: Callable[[], None], calls_per_round: int, min_seconds: float) -> float:
    """Strings per second, repeating whole rounds until at least ``min_seconds`` have passed."""
    rounds = 0
    start = time.perf_counter()
    while True:
        func()
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return rounds * calls_per_round / elapsed


def main(argv: list[str]) -> int:
    shared = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
    path = Path(argv[1]) if len(argv) > 1 else shared / "dates" / "dates_dev.jsonl"
    if not path.exists():
        print(f"{path} not found (pass the path of dates_dev.jsonl)")
        return 2
    rows = load(path)

    import dateparser

    def dp_settings(base: datetime | None) -> dict[str, Any]:
        settings: dict[str, Any] = {"DATE_ORDER": "DMY"}
        if base is not None:
            settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
        return settings

    prepared = [(text, dp_settings(base)) for text, _, base in rows]

    def run_dateparser() -> list[datetime | None]:
        return [dateparser.parse(t, languages=["id", "en"], settings=s) for t, s in prepared]

    def run_ours() -> list[datetime | date | None]:
        return [parse_date(text, reference=base) for text, _, base in rows]

    dp_values = run_dateparser()  # warm-up: loads dateparser's language data
    our_values = run_ours()

    dp_rate = rate(run_dateparser, len(rows), min_seconds=3.0)
    our_rate = rate(run_ours, len(rows), min_seconds=3.0)

    our_ok = [exact(v, want) for v, (_, want, _) in zip(our_values, rows)]
    dp_ok = [lenient(v, want) for v, (_, want, _) in zip(dp_values, rows)]

    n = len(rows)
    print(f"strings: {n} ({path})")
    print(f"newsclean.parse_date : {our_rate:>12,.0f} strings/s   accuracy {sum(our_ok)}/{n} = {sum(our_ok) / n:.3f} (exact)")
    print(f"dateparser.parse     : {dp_rate:>12,.0f} strings/s   accuracy {sum(dp_ok)}/{n} = {sum(dp_ok) / n:.3f} (lenient)")
    print(f"speed ratio          : {our_rate / dp_rate:>12,.1f}x")
    for ok, value, (text, want, _) in zip(our_ok, our_values, rows):
        if not ok:
            print(f"  newsclean miss: {text!r}: expected {want}, got {value!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
