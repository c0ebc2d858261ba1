"""Container inputs: WARC/WET, record files (JSONL/CSV/Parquet), zip/tar archives, the site filter.

Every input file is built by the test; `echo_parse` reports what parse was given (url, fetched_at,
and whether the HTTP charset was applied), so the plumbing is checked apart from the real parser;
one test per format runs the real `newsclean.parse` on a bundled HTML fixture.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, InputError
from newsclean.batch import Doc, RecordFields, SiteFilter, parse_many
from warc_builder import Response, write_warc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KOMPAS_HTML = FIXTURES / "kompas.com" / "kompas.com-html-read.html"
KOMPAS_URL = json.loads((FIXTURES / "kompas.com" / "kompas.com-html-read.json").read_text("utf-8"))["url"]


def echo_parse(raw: str | bytes, **kwargs: Any) -> Article:
    """Title: the first line; body: the rest; url/fetched_at passed through. Bytes must be UTF-8."""
    text = raw if isinstance(raw, str) else raw.decode("utf-8")  # raises on undecoded latin-1 bytes
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError("empty input")
    return Article(
        title=lines[0], body=lines[1:] or lines, url=kwargs.get("url"), fetched_at=kwargs.get("fetched_at")
    )


def _run(inputs: Any, **kwargs: Any) -> tuple[list[Any], Any]:
    stream = parse_many(inputs, workers=1, progress=False, parse_fn=kwargs.pop("parse_fn", echo_parse), **kwargs)
    results = list(stream)
    return results, stream.stats


def _page(title: str) -> bytes:
    return f"{title}\nParagraf pertama tentang {title.lower()}.\nParagraf kedua.".encode()


# ---------------------------------------------------------------------------------------------------
# WARC / WET


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_responses_become_documents_with_url_date_and_record_id(tmp_path: Path, name: str) -> None:
    responses = [
        Response("https://www.kompas.com/read/1", _page("Banjir di Bekasi"), date="2024-03-05T06:07:08Z",
                 record_id="<urn:uuid:aaaaaaaa-0000-0000-0000-000000000001>"),
        Response("https://example.com/logo.png", b"\x89PNG....", content_type="image/png"),
        Response("https://tempo.co/hilang", b"<html>Not found</html>", status=404),
        Response("https://tempo.co/read/2", _page("Harga Cabai Naik"), date="2024-03-06T01:02:03Z",
                 record_id="<urn:uuid:aaaaaaaa-0000-0000-0000-000000000002>"),
    ]
    path = write_warc(tmp_path / name, responses, requests=True)
    results, stats = _run([path])
    # Request and warcinfo records are not documents; each response is exactly one result, in order.
    assert [r.id for r in results] == [r.id().strip("<>") for r in responses]
    first, png, missing, last = results
    assert first.article.title == "Banjir di Bekasi"
    assert first.article.url == "https://www.kompas.com/read/1"
    assert first.article.fetched_at == dt.datetime(2024, 3, 5, 6, 7, 8, tzinfo=dt.timezone.utc)
    assert last.article.title == "Harga Cabai Naik"
    assert (png.error.error_type, png.error.message) == ("Skipped", "not HTML (image/png)")
    assert (missing.error.error_type, missing.error.message) == ("Skipped", "HTTP 404")
    assert (stats.articles, stats.skipped, stats.errors, stats.total) == (2, 2, 0, 4)
    assert "2 skipped" in stats.summary()


def test_warc_honours_the_http_charset_but_valid_utf8_wins(tmp_path: Path) -> None:
    latin = "Kafe di Bandung\nKopi dan café baru.".encode("latin-1")  # not valid UTF-8
    utf8 = "Kafe di Bandung\nKopi dan café baru.".encode("utf-8")
    path = write_warc(tmp_path / "c.warc", [
        Response("https://a.id/1", latin, content_type="text/html; charset=ISO-8859-1"),
        Response("https://a.id/2", utf8, content_type="text/html; charset=koi8-r"),  # a false label
    ])
    results, _ = _run([path])
    assert [r.article.body for r in results] == [["Kopi dan café baru."], ["Kopi dan café baru."]]


def test_wet_conversion_records_are_text_documents(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.wet.gz", [Response("https://detik.com/a", _page("Gempa di Cianjur"))], wet=True)
    results, stats = _run([path])
    assert [(r.article.title, r.article.url) for r in results] == [("Gempa di Cianjur", "https://detik.com/a")]
    assert stats.articles == 1


def test_warc_real_parse_matches_parsing_the_page_alone(tmp_path: Path) -> None:
    html = KOMPAS_HTML.read_bytes()
    when = "2025-01-22T00:00:00Z"
    path = write_warc(tmp_path / "k.warc.gz", [Response(KOMPAS_URL, html, date=when)])
    [result] = list(parse_many([path], workers=1, progress=False))
    alone = newsclean.parse(html, url=KOMPAS_URL, fetched_at=dt.datetime(2025, 1, 22, tzinfo=dt.timezone.utc))
    assert result.article == alone
    assert result.article.site == "kompas.com"


def test_a_truncated_warc_keeps_what_was_read_and_accounts_for_the_cut_record(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "t.warc.gz", [Response(f"https://a.id/{i}", _page(f"Judul {i}")) for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])  # cut inside the last record's gzip member
    results, stats = _run([path])
    assert [r.article.title for r in results if r.ok] == ["Judul 0", "Judul 1"]
    assert len(results) == 3 and results[-1].error.error_type == "InputError"
    assert stats.errors == 1


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(b"<html>this is not a WARC file</html>\n" * 20)
    results, _ = _run([path])
    assert [r.error.error_type for r in results] == ["InputError"]
    assert "x.warc" in results[0].error.message


# ---------------------------------------------------------------------------------------------------
# Record files


ROWS = [
    {"id": "r1", "url": "https://kompas.com/1", "html": "Judul Satu\nIsi satu.", "fetched_at": "2024-01-02T03:04:05Z"},
    {"id": "r2", "url": "https://tempo.co/2", "content": "Judul Dua\nIsi dua.", "fetched_at": "2024-01-02T10:00:00+07:00"},
    {"id": "r3", "url": "https://tempo.co/3", "text": "Judul Tiga\nIsi tiga."},
]


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    name = path.name
    if name.endswith(".csv"):
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=sorted({k for row in rows for k in row}))
            writer.writeheader()
            writer.writerows(rows)
    elif name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        keys = sorted({k for row in rows for k in row})  # from_pylist alone keeps the first row's keys only
        pq.write_table(pa.Table.from_pylist([{k: row.get(k) for k in keys} for row in rows]), path)
    else:
        text = "".join(json.dumps(row) + "\n" for row in rows)
        path.write_bytes(gzip.compress(text.encode()) if name.endswith(".gz") else text.encode())
    return path


@pytest.mark.parametrize("name", ["scraped.jsonl", "scraped.jsonl.gz", "scraped.csv", "scraped.parquet"])
def test_record_files_with_default_columns(tmp_path: Path, name: str) -> None:
    path = _write_rows(tmp_path / name, ROWS)
    results, stats = _run([path])
    assert [(r.id, r.article.title, r.article.url) for r in results] == [
        ("r1", "Judul Satu", "https://kompas.com/1"),
        ("r2", "Judul Dua", "https://tempo.co/2"),
        ("r3", "Judul Tiga", "https://tempo.co/3"),
    ]
    assert results[0].article.fetched_at == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert results[1].article.fetched_at == dt.datetime(2024, 1, 2, 3, 0, tzinfo=dt.timezone.utc)
    assert results[2].article.fetched_at is None
    assert stats.articles == 3


def test_records_api_names_the_columns(tmp_path: Path) -> None:
    rows = [{"link": "https://a.id/x", "body": "Judul X\nIsi.", "key": 7}, {"link": "https://a.id/y", "body": ""}]
    path = _write_rows(tmp_path / "s.jsonl", rows)
    source = newsclean.records(path, text="body", url="link", id="key")
    results, stats = _run(source)
    assert [r.id for r in results] == ["7", f"{path}#2"]  # no id column value: file and row number
    assert results[0].article.url == "https://a.id/x"
    assert results[1].error.error_type == "InputError" and "no body field" in results[1].error.message
    assert list(source) == list(source)  # re-iterable
    assert stats.errors == 1


def test_cli_style_record_fields_apply_to_paths(tmp_path: Path) -> None:
    path = _write_rows(tmp_path / "s.csv", [{"u": "https://a.id/1", "page": "Judul\nIsi."}])
    results, _ = _run([path], fields=RecordFields(html="page", url="u"))
    assert [(r.id, r.article.url) for r in results] == [(f"{path}#1", "https://a.id/1")]


def test_bad_jsonl_lines_are_errors_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "text": "Judul A\\nIsi."}\n{broken\n[1, 2]\n{"id": "d", "text": "Judul D\\nIsi."}\n')
    results, stats = _run([path])
    assert [r.id for r in results] == ["a", f"{path}#2", f"{path}#3", "d"]
    assert [r.ok for r in results] == [True, False, False, True]
    assert stats.errors == 2


def test_records_refuses_a_file_that_is_not_a_record_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        newsclean.records(tmp_path / "x.txt")


def test_record_file_with_a_real_page_matches_parsing_it_alone(tmp_path: Path) -> None:
    html = KOMPAS_HTML.read_text("utf-8")
    path = _write_rows(tmp_path / "p.jsonl", [{"url": KOMPAS_URL, "html": html}])
    [result] = list(parse_many([path], workers=1, progress=False))
    assert result.article == newsclean.parse(html, url=KOMPAS_URL)


# ---------------------------------------------------------------------------------------------------
# Archives


def _archive(path: Path, members: dict[str, bytes]) -> Path:
    if path.name.endswith(".zip"):
        with zipfile.ZipFile(path, "w") as z:
            for name, data in members.items():
                z.writestr(name, data)
    else:
        with tarfile.open(path, "w:gz" if path.name.endswith((".gz", ".tgz")) else "w") as t:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("name", ["dumps.zip", "dumps.tar", "dumps.tar.gz", "dumps.tgz"])
def test_archives_of_dumps(tmp_path: Path, name: str) -> None:
    members = {
        "a/satu.txt": _page("Satu"),
        "a/dua.html.gz": gzip.compress(_page("Dua")),
        "README.md": b"not a dump",
        ".hidden.txt": _page("Rahasia"),
        "kosong.txt": b"  \n",
    }
    path = _archive(tmp_path / name, members)
    results, stats = _run([path])
    assert [r.id for r in results] == [f"{path}/a/satu.txt", f"{path}/a/dua.html.gz", f"{path}/kosong.txt"]
    assert [r.article.title for r in results[:2]] == ["Satu", "Dua"]
    assert "empty" in results[2].error.message
    assert (stats.articles, stats.errors) == (2, 1)


def test_tar_links_are_skipped_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "l.tar"
    with tarfile.open(path, "w") as t:
        info = tarfile.TarInfo("link.txt")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        t.addfile(info)
    results, stats = _run([path])
    assert [(r.error.error_type, stats.skipped) for r in results] == [("Skipped", 1)]


def test_archive_without_dumps_is_an_error(tmp_path: Path) -> None:
    path = _archive(tmp_path / "e.zip", {"notes.md": b"x"})
    results, _ = _run([path])
    assert [r.error.error_type for r in results] == ["InputError"]
    assert "holds no" in results[0].error.message


# ---------------------------------------------------------------------------------------------------
# Site filter


def test_site_filter_rules() -> None:
    known = SiteFilter.from_spec(sites="known")
    assert known.keeps("https://regional.kompas.com/read/1") and known.keeps("http://www.tempo.co/x")
    assert not known.keeps("https://example.com/kompas.com")
    listed = SiteFilter.from_spec(sites="kompas.com,b.id")
    assert listed.keeps("https://nasional.kompas.com/") and listed.keeps("https://b.id/")
    assert not listed.keeps("https://notkompas.com/") and not listed.keeps("https://tempo.co/")
    suffix = SiteFilter.from_spec(domain=".id")
    assert suffix.keeps("https://kumparan.id/x") and suffix.keeps("https://a.co.id:8080/")
    assert not suffix.keeps("https://kompas.com/") and not suffix.keeps("not a url")
    with pytest.raises(ValueError):
        SiteFilter.from_spec(sites="")
    with pytest.raises(ValueError):
        SiteFilter.from_spec(sites="kompas")


def test_site_filter_drops_records_before_parsing_and_counts_them(tmp_path: Path) -> None:
    seen: list[str] = []

    def counting_parse(raw: str | bytes, **kwargs: Any) -> Article:
        seen.append(kwargs["url"])
        return echo_parse(raw, **kwargs)

    responses = [Response(f"https://{host}/{i}", _page(f"J {i}")) for i, host in
                 enumerate(["www.kompas.com", "example.com", "tempo.co", "news.example.org"])]
    path = write_warc(tmp_path / "f.warc.gz", responses)
    results, stats = _run([path], parse_fn=counting_parse, site_filter=SiteFilter.from_spec(sites="known"))
    assert seen == ["https://www.kompas.com/0", "https://tempo.co/2"]
    assert [r.article.url for r in results] == seen
    assert (stats.articles, stats.filtered, stats.total) == (2, 2, 2)
    assert "2 filtered out by site" in stats.summary()


def test_docs_from_python_carry_their_own_url(tmp_path: Path) -> None:
    docs = [Doc("a", "Judul A\nIsi.", url="https://a.id/1"), Doc("b", None, skipped="not wanted")]
    results, stats = _run(docs, url="https://run-wide.id/")
    assert results[0].article.url == "https://a.id/1"  # the document's own url wins
    assert results[1].error.error_type == "Skipped" and stats.skipped == 1
