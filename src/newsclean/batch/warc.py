"""WARC and WET files (Common Crawl, CC-NEWS, wget/Heritrix crawls) as a stream of `Doc`s.

Read with FastWARC (`pip install newsclean[warc]`): it streams gzip/zstd/lz4 WARCs record by record
in native code, about twice as fast as warcio on the same files in `benchmarks/bench_warc.py`, and
ships type stubs. A file is never loaded whole: one record's payload at a time.

* `response` records: the HTTP payload. Only HTTP 200 with an HTML (or unstated) content type is a
  document; any other response becomes a skipped `Doc` saying why. The HTTP header's charset is
  honoured, except that a payload which is valid UTF-8 stays UTF-8 whatever the label says.
* `conversion` records (WET: Common Crawl's plain-text renderings) and `resource` records: the block.
* `warcinfo`, `request`, `metadata` and `revisit` records describe other records: not documents.

Each document's id is its `WARC-Record-ID` (without the angle brackets), `url` its
`WARC-Target-URI` and `fetched_at` its `WARC-Date`.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import Any, Optional

from ..errors import InputError
from .sources import MAX_FILE_BYTES, Doc, safe_name

__all__ = ["HTML_TYPES", "iter_warc"]

#: Content types (without parameters) of the responses cleaned; others are skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LATIN1 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def _import_fastwarc() -> Any:
    try:
        from fastwarc import warc
    except ImportError:
        raise InputError("reading WARC/WET files needs FastWARC: pip install newsclean[warc]") from None
    return warc


def decode_payload(body: bytes, charset: Optional[str]) -> str | bytes:
    """The payload as text when the HTTP charset can be trusted, else the bytes (`parse` then decodes
    them from their own evidence: BOM, <meta charset>, detection)."""
    if not charset:
        return body
    try:
        text = body.decode("utf-8")
        if not body.isascii():
            return text  # valid UTF-8 with non-ASCII bytes is UTF-8, whatever a header claims
    except UnicodeDecodeError:
        pass
    try:
        name = codecs.lookup(charset).name
        # As browsers do: a latin-1 label means windows-1252 (its 0x80-0x9F are real glyphs in pages).
        return body.decode("cp1252" if name in _LATIN1 else name)
    except (LookupError, UnicodeDecodeError):
        return body  # a wrong or unknown label: let the bytes speak


def _response_doc(record: Any, id_: str, url: Optional[str], when: Any) -> Doc:
    status = record.http_headers.status_code if record.is_http else None
    if status is not None and status != 200:
        return Doc(id_, None, url, when, skipped=f"HTTP {status}")
    content_type = (record.http_content_type or "").lower() if record.is_http else ""
    if content_type and content_type not in HTML_TYPES:
        return Doc(id_, None, url, when, skipped=f"not HTML ({content_type})")
    body = record.reader.read(MAX_FILE_BYTES + 1)
    if len(body) > MAX_FILE_BYTES:
        return Doc(id_, None, url, when, error=f"payload larger than {MAX_FILE_BYTES:,} bytes")
    return Doc(id_, decode_payload(body, record.http_charset if record.is_http else None), url, when)


def iter_warc(path: str, wanted: Callable[[str, Optional[str]], bool] = lambda id_, url: True) -> Iterator[Doc]:
    """The documents of one WARC/WET file, in file order. `wanted(id, url)` is asked before a record's
    payload is read, so records a site filter drops cost only their headers."""
    warc = _import_fastwarc()
    kinds = warc.WarcRecordType.response | warc.WarcRecordType.conversion | warc.WarcRecordType.resource
    shown = safe_name(path)
    count = 0
    try:
        with open(path, "rb") as fh:
            records = warc.ArchiveIterator(fh, record_types=kinds, parse_http=True, auto_decode="all")
            for record in records:
                count += 1
                id_ = (record.record_id or f"{shown}#{count}").strip("<>")
                url = record.headers.get("WARC-Target-URI") or None
                if not wanted(id_, url):
                    continue
                when = record.record_date if record.headers.get("WARC-Date") else None
                if record.record_type == warc.WarcRecordType.response:
                    yield _response_doc(record, id_, url, when)
                    continue
                body = record.reader.read(MAX_FILE_BYTES + 1)
                if len(body) > MAX_FILE_BYTES:
                    yield Doc(id_, None, url, when, error=f"payload larger than {MAX_FILE_BYTES:,} bytes")
                else:
                    yield Doc(id_, body, url, when)
    except OSError as exc:
        where = f"after record {count}" if count else "at the start"
        raise InputError(f"cannot read {shown} {where}: {exc}") from None
    if count == 0:
        raise InputError(f"no response, conversion or resource records in {shown}")
