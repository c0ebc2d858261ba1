"""Archives of dumps (`.zip`, `.tar`, `.tar.gz`/`.tgz`) as a stream of `Doc`s.

The members a directory walk would pick (`*.txt`, `*.html`, `*.htm`, each also `.gz`; no hidden
names) are read one at a time, in archive order; tar files are read as a stream, never listed whole.
Each document's id is "<archive>/<member path>". Links and other non-file members are skipped
(reported), a member larger than the size limit is an error of its own.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Optional

from ..errors import InputError
from .sources import MAX_FILE_BYTES, Doc
from .walk import is_dump_name, safe_name

__all__ = ["iter_archive"]

_Wanted = Callable[[str, Optional[str]], bool]


def _wanted_member(name: str) -> bool:
    return is_dump_name(name) and not any(part.startswith(".") for part in name.split("/"))


def _member_doc(id_: str, name: str, fh: IO[bytes]) -> Doc:
    data = fh.read(MAX_FILE_BYTES + 1)
    if name.lower().endswith(".gz"):
        try:
            data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            return Doc(id_, None, error=f"cannot gunzip {id_}: {exc}")
    if len(data) > MAX_FILE_BYTES:
        return Doc(id_, None, error=f"{id_} is larger than {MAX_FILE_BYTES:,} bytes")
    if not data.strip():
        return Doc(id_, None, error=f"{id_} is empty")
    return Doc(id_, data)


def _iter_zip(path: str, shown: str, wanted: _Wanted, found: list[int]) -> Iterator[Doc]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not _wanted_member(info.filename):
                continue
            id_ = f"{shown}/{safe_name(info.filename)}"
            found[0] += 1
            if not wanted(id_, None):
                continue
            if info.file_size > MAX_FILE_BYTES and not info.filename.lower().endswith(".gz"):
                yield Doc(id_, None, error=f"{id_} is larger than {MAX_FILE_BYTES:,} bytes")
                continue
            with archive.open(info) as fh:
                yield _member_doc(id_, info.filename, fh)


def _iter_tar(path: str, shown: str, wanted: _Wanted, found: list[int]) -> Iterator[Doc]:
    with tarfile.open(path, mode="r|*") as archive:
        for member in archive:
            if member.isdir() or not _wanted_member(member.name):
                continue
            id_ = f"{shown}/{safe_name(member.name)}"
            found[0] += 1
            if not wanted(id_, None):
                continue
            if not member.isfile():
                kind = "link" if member.issym() or member.islnk() else "special file"
                yield Doc(id_, None, skipped=f"archive member is a {kind}, not a file: {id_}")
                continue
            fh = archive.extractfile(member)
            if fh is None:
                yield Doc(id_, None, error=f"cannot read archive member {id_}")
                continue
            yield _member_doc(id_, member.name, fh)


def iter_archive(path: str, wanted: _Wanted = lambda id_, url: True) -> Iterator[Doc]:
    """The dumps inside one zip or tar archive, in archive order."""
    shown = safe_name(path)
    reader = _iter_zip if path.lower().endswith(".zip") else _iter_tar
    found = [0]  # dump members seen, wanted or not
    try:
        yield from reader(path, shown, wanted, found)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError) as exc:
        where = f"after member {found[0]}" if found[0] else "at the start"
        raise InputError(f"cannot read {shown} {where}: {exc}") from None
    if not found[0]:
        raise InputError(f"archive holds no .txt/.html/.htm(.gz) dumps: {shown}")
