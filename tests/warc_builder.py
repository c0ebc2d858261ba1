"""Build small WARC and WET files byte by byte (WARC/1.0 as the ISO 28500 text lays it out), so tests
and benchmarks do not depend on the reading library to make their inputs."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Response:
    """One HTTP response record (or, with `wet=True` in `warc_bytes`, one conversion record)."""

    url: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-03-05T06:07:08Z"
    record_id: str = ""

    def id(self) -> str:
        return self.record_id or f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, self.url + str(self.status))}>"


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    lines = ["WARC/1.0", *(f"{k}: {v}" for k, v in headers), f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def warcinfo() -> bytes:
    block = b"software: newsclean-tests\r\nformat: WARC File Format 1.0\r\n"
    return _record(
        [("WARC-Type", "warcinfo"), ("WARC-Date", "2024-03-05T00:00:00Z"),
         ("WARC-Record-ID", "<urn:uuid:00000000-0000-0000-0000-000000000000>"),
         ("Content-Type", "application/warc-fields")],
        block,
    )


def response_record(r: Response) -> bytes:
    reason = {200: "OK", 404: "Not Found", 301: "Moved Permanently", 500: "Internal Server Error"}.get(r.status, "X")
    http = (
        f"HTTP/1.1 {r.status} {reason}\r\nContent-Type: {r.content_type}\r\n"
        f"Content-Length: {len(r.body)}\r\n\r\n"
    ).encode("ascii") + r.body
    return _record(
        [("WARC-Type", "response"), ("WARC-Date", r.date), ("WARC-Record-ID", r.id()),
         ("WARC-Target-URI", r.url), ("Content-Type", "application/http; msgtype=response")],
        http,
    )


def request_record(url: str) -> bytes:
    http = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode("ascii")
    return _record(
        [("WARC-Type", "request"), ("WARC-Date", "2024-03-05T06:07:08Z"),
         ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'req' + url)}>"),
         ("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=request")],
        http,
    )


def conversion_record(r: Response) -> bytes:
    return _record(
        [("WARC-Type", "conversion"), ("WARC-Target-URI", r.url), ("WARC-Date", r.date),
         ("WARC-Record-ID", r.id()), ("Content-Type", "text/plain")],
        r.body,
    )


def write_warc(path: Path, responses: Iterable[Response], *, wet: bool = False, requests: bool = False) -> Path:
    """Write `responses` as a WARC (or WET) file, gzipped per record when `path` ends in .gz."""
    def parts() -> Iterator[bytes]:
        yield warcinfo()
        for r in responses:
            if requests and not wet:
                yield request_record(r.url)
            yield conversion_record(r) if wet else response_record(r)

    packed = str(path).endswith(".gz")
    with open(path, "wb") as fh:
        for part in parts():  # gzipped: one member per record, as Common Crawl writes them
            fh.write(gzip.compress(part, compresslevel=6) if packed else part)
    return path
