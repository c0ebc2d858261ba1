"""Behaviour snapshot: every output `parse()` gives on the corpora, to prove an optimisation changes none.

    python benchmarks/snapshot.py before.jsonl                  # write a snapshot of the current code
    python benchmarks/snapshot.py after.jsonl --compare before.jsonl   # write another, report differences
    python benchmarks/snapshot.py main.jsonl --src /tmp/main/src       # the same for another source tree

Inputs: every .txt/.html dump under ../shared/corpus/{real/text,real/html,dev,html}, the seed, and the
bundled fixtures/. Each dump is parsed several ways: plain; with explain=True (so every removed line's
label, step and reason is recorded too); with its gold URL (when the gold names one) and explain=True;
and, to reach shapes the corpora do not show whole, the first and the second half of its lines with
explain=True. `--extra DIR` (repeatable) adds every .txt/.html under DIR, e.g. renderer dumps
(`eval_renderers.py --save DIR`) or pages you keep outside the project; a `<stem>.url` file next to a
dump gives its URL. A record is the full Article JSON, or the error's type and message. Exits 1 when
`--compare` finds any difference. Not run by pytest; needs the ../shared corpora for full coverage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
# Run from a checkout without installing; `--src DIR` snapshots another tree (e.g. `git archive main src`).
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)

import newsclean  # noqa: E402

SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
CORPORA = ("corpus/real/text", "corpus/real/html", "corpus/dev", "corpus/html", "seed")
# A fixed reference time, so that relative dates ("2 jam lalu") resolve the same in every snapshot.
FETCHED_AT = dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def dumps(extra: Sequence[Path] = ()) -> list[Path]:
    """Every dump the snapshot covers, in a stable order."""
    bases = [SHARED / c for c in CORPORA] + [ROOT / "fixtures"] + list(extra)
    found = {
        path.resolve()
        for base in bases
        if base.is_dir()
        for path in base.rglob("*")
        if path.suffix in (".txt", ".html") and not path.name.lower().startswith("readme")
    }
    return sorted(found)


def gold_url(path: Path) -> Optional[str]:
    url_file = path.with_suffix(".url")
    if url_file.is_file():
        return url_file.read_text(encoding="utf-8").strip() or None
    gold = path.with_suffix(".json")
    try:
        url = json.loads(gold.read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):
        return None
    return url if isinstance(url, str) and url else None


def variants(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(variant name, raw text, keyword arguments) for each way `path` is parsed."""
    text = path.read_text(encoding="utf-8", errors="replace")
    yield "plain", text, {}
    yield "explain", text, {"explain": True}
    url = gold_url(path)
    if url:
        yield "url", text, {"url": url, "explain": True, "fetched_at": FETCHED_AT}
    if path.suffix == ".txt":
        lines = text.splitlines()
        half = len(lines) // 2
        yield "head", "\n".join(lines[:half]) + "\n", {"explain": True}
        yield "tail", "\n".join(lines[half:]) + "\n", {"explain": True}


def outcome(raw: str, kwargs: dict[str, Any]) -> Any:
    try:
        return json.loads(newsclean.parse(raw, **kwargs).model_dump_json())
    except Exception as exc:  # noqa: BLE001 - the error itself is the behaviour recorded
        return {"error": type(exc).__name__, "message": str(exc)}


def snapshot(out: Path, extra: Sequence[Path] = ()) -> dict[str, Any]:
    records: dict[str, Any] = {}
    with out.open("w", encoding="utf-8") as fh:
        for path in dumps(extra):
            name = _name(path)
            for variant, raw, kwargs in variants(path):
                key = f"{name}#{variant}"
                records[key] = outcome(raw, kwargs)
                fh.write(json.dumps({"key": key, "result": records[key]}, ensure_ascii=False, sort_keys=True) + "\n")
    return records


def _name(path: Path) -> str:
    """A dump's key, the same from every checkout: `fixtures/...`, `shared/corpus/...`, else the full path."""
    for base, prefix in ((ROOT.resolve(), ""), (SHARED.resolve(), "shared/")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return {rec["key"]: rec["result"] for rec in map(json.loads, fh)}


def compare(new: dict[str, Any], old: dict[str, Any]) -> int:
    """Print every difference; return how many records differ."""
    differ = 0
    for key in sorted(new.keys() | old.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differ += 1
        if a is None or b is None:
            print(f"{key}: only in {'new' if a is None else 'old'} snapshot")
            continue
        fields = sorted(k for k in (a.keys() | b.keys()) if a.get(k) != b.get(k))
        print(f"{key}: {', '.join(fields)}")
        for field in fields[:3]:
            print(f"    old {field}: {json.dumps(a.get(field), ensure_ascii=False)[:300]}")
            print(f"    new {field}: {json.dumps(b.get(field), ensure_ascii=False)[:300]}")
    return differ


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="snapshot file to write (JSON lines)")
    parser.add_argument("--compare", type=Path, metavar="FILE", help="an earlier snapshot to compare against")
    parser.add_argument("--src", metavar="DIR", help="import newsclean from DIR instead of this checkout's src/")
    parser.add_argument("--extra", type=Path, action="append", default=[], metavar="DIR", help="more dumps (repeatable)")
    args = parser.parse_args(argv)
    records = snapshot(args.out, args.extra)
    errors = sum(1 for r in records.values() if "error" in r)
    print(f"{len(records)} outputs ({errors} errors) of {Path(newsclean.__file__).parent} written to {args.out}")
    if args.compare is None:
        return 0
    differ = compare(records, load(args.compare))
    print(f"{differ} differences against {args.compare}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
