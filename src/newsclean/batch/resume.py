"""Continuing a run that stopped: which ids an output and an errors file already hold.

A killed run can leave a partial last line (or, gzipped, a cut-off stream): `read_done` cuts the file
back to its last complete record before reporting, so appending continues a valid file. Results come
in input order and each is written whole, so what remains to do is exactly the inputs whose ids are
in neither file; the near-duplicate index is rebuilt from the articles' fingerprints in file order.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zlib
from dataclasses import dataclass, field

from ..errors import InputError
from .walk import safe_name

__all__ = ["Done", "read_done"]


@dataclass
class Done:
    """What earlier runs wrote: every id, and (id, fingerprint) of the articles in file order."""

    ids: set[str] = field(default_factory=set)
    fingerprints: list[tuple[str, str]] = field(default_factory=list)


def _read_gzip_prefix(path: str) -> tuple[bytes, bool]:
    """Everything that decompresses (across members), and whether the stream ended cleanly."""
    data = open(path, "rb").read()
    out: list[bytes] = []
    while data:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out.append(decomp.decompress(data))
        except zlib.error:
            return b"".join(out), False
        if not decomp.eof:
            return b"".join(out), False
        data = decomp.unused_data.lstrip(b"\x00")
    return b"".join(out), True


def _complete_text(path: str, line_end: bytes) -> bytes:
    """The file's content up to its last complete record; the file is cut back to it when needed."""
    if path.lower().endswith(".gz"):
        content, clean = _read_gzip_prefix(path)
        keep = content[: content.rfind(line_end) + len(line_end)] if line_end in content else b""
        if not clean or keep != content:
            tmp = path + ".resume-tmp"
            with open(tmp, "wb") as fh:
                fh.write(gzip.compress(keep))
            os.replace(tmp, path)
        return keep
    with open(path, "rb+") as fh:
        content = fh.read()
        keep = content[: content.rfind(line_end) + len(line_end)] if line_end in content else b""
        if keep != content:
            fh.truncate(len(keep))
    return keep


def _read_jsonl(path: str, done: Done, with_fingerprints: bool) -> None:
    for number, line in enumerate(_complete_text(path, b"\n").decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            id_ = str(record["id"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"cannot resume: line {number} of {safe_name(path)} is not a newsclean record") from None
        done.ids.add(id_)
        if with_fingerprints and record.get("fingerprint"):
            done.fingerprints.append((id_, record["fingerprint"]))


def _read_csv(path: str, done: Done) -> None:
    text = _complete_text(path, b"\r\n").decode("utf-8")
    rows = csv.DictReader(io.StringIO(text, newline=""))
    for row in rows:
        id_ = row.get("id") or ""
        done.ids.add(id_)
        if row.get("fingerprint"):
            done.fingerprints.append((id_, row["fingerprint"]))


def read_done(output: str, errors: str | None = None) -> Done:
    """The ids already in `output` (JSONL, JSONL.gz or CSV) and in the `errors` file (JSONL).
    Missing files hold nothing. Raises `InputError` for a file that is not newsclean output."""
    done = Done()
    if os.path.exists(output):
        if output.lower().endswith(".csv"):
            _read_csv(output, done)
        else:
            _read_jsonl(output, done, with_fingerprints=True)
    if errors and os.path.exists(errors):
        _read_jsonl(errors, done, with_fingerprints=False)
    return done
