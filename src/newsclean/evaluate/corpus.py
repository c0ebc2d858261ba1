"""Finding gold documents: `<stem>.json` beside `<stem>.txt` or `<stem>.html` (see GOLD_FORMAT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

__all__ = ["GoldDoc", "find_gold_docs", "read_raw"]

_RAW_SUFFIXES = (".txt", ".html")


@dataclass(frozen=True)
class GoldDoc:
    """A gold annotation and the raw dump it describes."""

    gold_path: Path
    raw_path: Path
    gold: dict[str, Any]


def _raw_sibling(gold_path: Path) -> Optional[Path]:
    for suffix in _RAW_SUFFIXES:
        candidate = gold_path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _load_gold(gold_path: Path) -> Optional[dict[str, Any]]:
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    # Other JSON files may sit in a corpus tree (configs, manifests); only gold records have a kind.
    if not isinstance(data, dict) or data.get("kind") not in ("article", "non-article"):
        return None
    return data


def find_gold_docs(paths: Iterable[str | Path]) -> Iterator[GoldDoc]:
    """Yield the gold documents under `paths` (directories are walked recursively), each once, sorted.

    A file named explicitly may be the `.json` or its `.txt`/`.html`; it must be a gold document.
    Files in a directory that are not gold documents (READMEs, stray JSON) are skipped silently.
    """
    if isinstance(paths, (str, Path)):  # a lone path is a common slip; iterating a str yields characters
        paths = [paths]
    seen: set[Path] = set()
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            candidates = sorted(path.rglob("*.json"))
            explicit = False
        elif path.is_file():
            candidates = [path if path.suffix == ".json" else path.with_suffix(".json")]
            explicit = True
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
        for gold_path in candidates:
            key = gold_path.resolve()
            if key in seen:
                continue
            raw_path = _raw_sibling(gold_path) if gold_path.is_file() else None
            gold = _load_gold(gold_path) if raw_path is not None else None
            if raw_path is None or gold is None:
                if explicit:
                    raise ValueError(f"{path} is not a gold document (<stem>.json with <stem>.txt or .html)")
                continue
            seen.add(key)
            yield GoldDoc(gold_path, raw_path, gold)


def read_raw(path: Path) -> str | bytes:
    """The dump as the parser should get it: HTML as bytes (it may declare a charset), text as str when UTF-8."""
    data = path.read_bytes()
    if path.suffix == ".html":
        return data  # an HTML page may declare its own charset; the parser decides
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data
