"""parse_many mechanics, DataFrames and writers, driven by a small stand-in parse function.

The stand-in (`fake_parse`) lets these tests pin down ordering, error accounting and memory bounds
independently of the real pipeline; one test at the end runs the real `newsclean.parse`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from newsclean import Article, InputError, NotAnArticle, RemovedLine
from newsclean.batch import (
    CsvWriter,
    ErrorRecord,
    ErrorWriter,
    JsonlWriter,
    NoArticleWarning,
    ParquetWriter,
    Result,
    errors_dataframe,
    find_dumps,
    iter_parse_many,
    open_writer,
    parse_many,
    to_dataframe,
)

# Children of a process pool inherit this, so fake_parse can tell whether it runs in the test process.
_PARENT_PID = os.environ.setdefault("NEWSCLEAN_TEST_PARENT_PID", str(os.getpid()))

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))


def fake_parse(raw: str | bytes, **kwargs: Any) -> Article:
    """First line → title, other lines → body. Directives on the first line steer the tests."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("binary input") from None
    text = raw.strip()
    if not text:
        raise InputError("empty input")
    lines = [line for line in text.splitlines() if line.strip()]
    head = lines[0]
    if head.startswith("SLEEP"):
        time.sleep(float(head.split()[1]))
    if head.startswith("NOT"):
        raise NotAnArticle("listing page")
    if head.startswith("BOOM"):
        raise RuntimeError("bug in parser")
    if head.startswith("CRASH") and str(os.getpid()) != _PARENT_PID:
        os._exit(13)  # a segfault stand-in; never in the test process itself
    removed = [RemovedLine(index=0, text="Baca juga: x", label="related", step="related", reason="in-article link")]
    return Article(
        title=head,
        body=lines[1:] or [head],
        site=kwargs.get("site"),
        removed=removed if kwargs.get("explain") else None,
    )


def doc(title: str, *body: str) -> str:
    return "\n".join([title, *(body or ("Paragraf pertama berita ini.", "Paragraf kedua."))]) + "\n"


def ids(results: list[Result]) -> list[str]:
    return [r.id for r in results]


# ---------------------------------------------------------------------------------------------------
# ordering, accounting


def test_order_is_input_order_with_slow_and_fast_docs() -> None:
    # Early documents are the slow ones, so completion order is roughly reversed.
    inputs = [(f"d{i}", doc(f"SLEEP {0.12 if i < 3 else 0.0} t{i}")) for i in range(10)]
    with ThreadPoolExecutor(4) as pool:
        results = list(parse_many(inputs, executor=pool, chunksize=1, progress=False, parse_fn=fake_parse))
    assert ids(results) == [f"d{i}" for i in range(10)]
    assert [r.index for r in results] == list(range(10))
    assert [r.article.title.split()[-1] for r in results if r.article] == [f"t{i}" for i in range(10)]


def _awkward_inputs(tmp_path: Path) -> tuple[list[Any], dict[str, str]]:
    good = tmp_path / "good.txt"
    good.write_text(doc("Judul baik"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    gz = tmp_path / "packed.html.gz"
    gz.write_bytes(gzip.compress(doc("Judul terkompresi").encode()))
    broken_gz = tmp_path / "broken.txt.gz"
    broken_gz.write_bytes(b"\x1f\x8b not really gzip")
    empty_dir = tmp_path / "nothing_here"
    empty_dir.mkdir()
    inputs: list[Any] = [
        good,
        str(empty),
        binary,
        gz,
        broken_gz,
        str(tmp_path / "missing.txt"),
        empty_dir,
        str(tmp_path / "*.nomatch"),
        doc("Teks mentah"),
        doc("Bita mentah").encode(),
        ("my-id", doc("NOT a listing")),
        ("bad-type", 42),
        12345,
    ]
    expected = {
        str(good): "ok",
        str(empty): "InputError",
        str(binary): "InputError",
        str(gz): "ok",
        str(broken_gz): "InputError",
        str(tmp_path / "missing.txt"): "InputError",
        str(empty_dir): "InputError",
        str(tmp_path / "*.nomatch"): "InputError",
        "#8": "ok",
        "#9": "ok",
        "my-id": "NotAnArticle",
        "bad-type": "InputError",
        "#12": "InputError",
    }
    return inputs, expected


@pytest.mark.parametrize("workers", [1, 2])
def test_exactly_one_result_per_input_whatever_the_input(tmp_path: Path, workers: int) -> None:
    inputs, expected = _awkward_inputs(tmp_path)
    stream = parse_many(inputs, workers=workers, chunksize=2, progress=False, parse_fn=fake_parse)
    results = list(stream)
    assert ids(results) == list(expected)
    outcome = {r.id: ("ok" if r.ok else r.error.error_type) for r in results}
    assert outcome == expected
    for r in results:
        assert (r.article is None) != (r.error is None)
        if r.error:
            assert r.error.id == r.id and r.error.message
    assert stream.stats.articles == 4 and stream.stats.non_articles == 1 and stream.stats.errors == 8


def test_missing_file_message_names_the_path(tmp_path: Path) -> None:
    [result] = parse_many([tmp_path / "gone.txt"], workers=1, progress=False, parse_fn=fake_parse)
    assert result.error == ErrorRecord(str(tmp_path / "gone.txt"), "InputError", f"no such file: {tmp_path / 'gone.txt'}")


def test_directories_are_walked_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "z.HTML").write_text(doc("Z"), encoding="utf-8")
    (tmp_path / "b" / "a.txt.gz").write_bytes(gzip.compress(doc("A").encode()))
    (tmp_path / "c.htm").write_text(doc("C"), encoding="utf-8")
    (tmp_path / "notes.md").write_text(doc("not a dump"), encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text(doc("hidden"), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(doc("hidden"), encoding="utf-8")
    expected = [tmp_path / "b" / "a.txt.gz", tmp_path / "b" / "z.HTML", tmp_path / "c.htm"]
    assert find_dumps(tmp_path) == expected
    results = list(parse_many([tmp_path], workers=1, progress=False, parse_fn=fake_parse))
    assert ids(results) == [str(p) for p in expected]
    assert [r.article.title for r in results] == ["A", "Z", "C"]
    # glob patterns expand in sorted order too, and a one-line str is a path, not text
    patterns = [str(tmp_path / "**" / "*.gz"), str(tmp_path / "b*")]
    globbed = list(parse_many(patterns, workers=1, progress=False, parse_fn=fake_parse))
    assert ids(globbed) == [str(expected[0]), str(expected[0]), str(expected[1])]


def test_bare_path_is_not_iterated_character_by_character(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(doc("Satu"), encoding="utf-8")
    results = list(parse_many(tmp_path / "one.txt", workers=1, progress=False, parse_fn=fake_parse))
    assert [r.article.title for r in results] == ["Satu"]


# ---------------------------------------------------------------------------------------------------
# on_error


def test_on_error_raise_yields_earlier_results_then_raises_in_order() -> None:
    inputs = [("a", doc("Satu")), ("b", doc("NOT x")), ("c", doc("BOOM"))]
    stream = iter_parse_many(inputs, workers=1, on_error="raise", progress=False, parse_fn=fake_parse)
    assert next(stream).id == "a"
    with pytest.raises(NotAnArticle) as info:
        next(stream)
    assert info.value.reason == "listing page"


def test_on_error_raise_through_a_process_pool_keeps_the_exception_type() -> None:
    inputs = [(f"d{i}", doc("Judul")) for i in range(5)] + [("bad", doc("NOT a listing"))]
    seen: list[str] = []
    with pytest.raises(NotAnArticle) as info:
        for result in iter_parse_many(inputs, workers=2, chunksize=2, on_error="raise", progress=False, parse_fn=fake_parse):
            seen.append(result.id)
    assert seen == [f"d{i}" for i in range(5)]
    assert info.value.reason == "listing page"


def test_on_error_skip_drops_error_results_but_counts_them() -> None:
    inputs = [("a", doc("Satu")), ("b", doc("NOT x")), ("c", doc("BOOM")), ("d", doc("Empat"))]
    stream = parse_many(inputs, workers=1, on_error="skip", progress=False, parse_fn=fake_parse)
    assert ids(list(stream)) == ["a", "d"]
    assert (stream.stats.articles, stream.stats.non_articles, stream.stats.errors) == (2, 1, 1)
    assert "2 articles, 1 non-articles, 1 errors" in stream.stats.summary()


def test_on_error_record_keeps_unexpected_exceptions_by_class_name() -> None:
    [result] = parse_many([("x", doc("BOOM"))], workers=1, progress=False, parse_fn=fake_parse)
    assert result.error == ErrorRecord("x", "RuntimeError", "bug in parser")


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_many([], on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_many([], workers=0)


# ---------------------------------------------------------------------------------------------------
# laziness and bounded memory


class _Counting:
    """A generator-like input that records how far it has been pulled."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pulled = 0

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for i in range(self.n):
            self.pulled += 1
            yield (f"d{i}", doc(f"Judul {i}"))


def test_lazy_input_is_pulled_within_the_window_threads() -> None:
    source = _Counting(200)
    chunksize, max_pending = 3, 4
    with ThreadPoolExecutor(2) as pool:
        stream = iter_parse_many(
            source, executor=pool, chunksize=chunksize, max_pending=max_pending, progress=False, parse_fn=fake_parse
        )
        ahead = []
        for consumed, result in enumerate(stream, start=1):
            ahead.append(source.pulled - consumed)
            assert result.id == f"d{consumed - 1}"
    assert consumed == 200
    assert max(ahead) <= chunksize * max_pending
    assert max(ahead) >= chunksize  # it does work ahead, it's not serial


def test_lazy_input_inline_pulls_one_at_a_time() -> None:
    source = _Counting(50)
    stream = iter_parse_many(iter(source), workers=1, progress=False, parse_fn=fake_parse)
    first = next(stream)
    assert first.id == "d0" and source.pulled == 1
    stream.close()
    assert source.pulled == 1


def test_default_workers_use_a_pool_and_keep_order() -> None:
    source = _Counting(40)
    stream = iter_parse_many(iter(source), chunksize=2, max_pending=2, progress=False, parse_fn=fake_parse)
    results = list(stream)
    assert ids(results) == [f"d{i}" for i in range(40)]


# ---------------------------------------------------------------------------------------------------
# executors


def test_process_pool_returns_articles_in_order(tmp_path: Path) -> None:
    files = []
    for i in range(24):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(doc(f"Judul {i}"), encoding="utf-8")
        files.append(path)
    results = list(parse_many(files, workers=2, chunksize=4, progress=False, parse_fn=fake_parse, site="example.id"))
    assert ids(results) == [str(p) for p in files]
    assert all(r.ok and r.article.site == "example.id" for r in results)
    assert [r.article.title for r in results] == [f"Judul {i}" for i in range(24)]


def test_worker_crash_is_recorded_once_and_the_run_goes_on() -> None:
    inputs = [(f"d{i}", doc("CRASH here" if i == 5 else f"Judul {i}")) for i in range(12)]
    results = list(parse_many(inputs, workers=2, chunksize=2, progress=False, parse_fn=fake_parse))
    assert ids(results) == [f"d{i}" for i in range(12)]
    failed = [r for r in results if not r.ok]
    assert [r.id for r in failed] == ["d5"]
    assert failed[0].error.error_type == "BrokenProcessPool"


def test_a_broken_user_pool_is_replaced_with_a_warning() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    inputs = [(f"d{i}", doc("CRASH" if i == 1 else f"Judul {i}")) for i in range(6)]
    # A user's pool, started the safe way (forking a process that already runs threads can deadlock).
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool, pytest.warns(RuntimeWarning, match="broke"):
        results = list(parse_many(inputs, executor=pool, chunksize=1, progress=False, parse_fn=fake_parse))
    assert [r.ok for r in results] == [True, False, True, True, True, True]
    assert results[1].error.error_type == "BrokenProcessPool"


def test_unpicklable_parse_fn_with_processes_fails_fast() -> None:
    inputs = [(f"d{i}", doc("x")) for i in range(20)]
    with pytest.raises(TypeError, match="module-level"):
        list(parse_many(inputs, workers=2, progress=False, parse_fn=lambda raw, **kw: fake_parse(raw)))


class _InlineExecutor(Executor):
    """The smallest possible Executor: runs each task on submit. Stands in for 'any Executor'."""

    def __init__(self) -> None:
        self.calls = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def test_any_executor_works_and_reads_files_in_the_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(doc("Dibaca induk"), encoding="utf-8")
    executor = _InlineExecutor()
    reader_threads: list[str] = []
    import newsclean.batch.sources as sources

    real_read = sources.read_dump

    def spying_read(p: Any) -> bytes:
        reader_threads.append(threading.current_thread().name)
        return real_read(p)

    monkeypatch.setattr(sources, "read_dump", spying_read)
    results = list(parse_many([path, ("raw", doc("Mentah"))], executor=executor, progress=False, parse_fn=fake_parse))
    assert [r.article.title for r in results] == ["Dibaca induk", "Mentah"]
    assert executor.calls == 1
    # read_in_worker defaults to False for unknown executors: the file went over as bytes.
    assert reader_threads == ["MainThread"]


def test_progress_bar_shows_the_known_total(capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [(f"d{i}", doc("x")) for i in range(3)]
    list(parse_many(inputs, workers=1, progress=True, parse_fn=fake_parse))
    assert "3/3" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------
# DataFrames


def _article(title: str, when: dt.datetime | None, **extra: Any) -> Article:
    return Article(title=title, body=["Satu dua tiga.", "Empat lima."], published_at=when, **extra)


def _results() -> list[Result]:
    return [
        Result("a", 0, article=_article("A", dt.datetime(2020, 10, 10, 5, 53, tzinfo=WIB), site="mediaindonesia.com",
                                          authors=["Faustinus Nua"], section="Internasional",
                                          related=[{"title": "Baca ini"}], lead_image={"caption": "Foto", "credit": "AFP"})),
        Result("b", 1, error=ErrorRecord("b", "NotAnArticle", "not an article: listing page")),
        Result("c", 2, article=_article("C", dt.datetime(2020, 10, 10, 6, 0, tzinfo=WITA), site="kompas.com",
                                          published_date=dt.date(2020, 10, 10))),
        Result("d", 3, article=_article("D", None, published_date=dt.date(2021, 1, 2))),
    ]


def test_to_dataframe_columns_dtypes_and_times() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.warns(NoArticleWarning, match="1 inputs gave no article"):
        df = to_dataframe(_results())
    assert list(df["id"]) == ["a", "c", "d"]
    assert str(df["published_at"].dtype) == "datetime64[us, UTC]"
    assert df["site"].dtype == "category" and df["section"].dtype == "category"
    assert df["title"].dtype == "string" and df["text"].dtype == "string"
    # WIB 05:53 is 22:53 UTC the day before; WITA 06:00 is 22:00 UTC: mixed offsets, one timeline
    assert df["published_at"].iloc[0] == pd.Timestamp("2020-10-09T22:53:00Z")
    assert df["published_at"].iloc[1] == pd.Timestamp("2020-10-09T22:00:00Z")
    assert pd.isna(df["published_at"].iloc[2])
    assert list(df["published_local"].iloc[:2]) == ["2020-10-10T05:53:00+07:00", "2020-10-10T06:00:00+08:00"]
    # the page's local date, also for date-only pages
    assert list(df["published_date"].dt.strftime("%Y-%m-%d")) == ["2020-10-10", "2020-10-10", "2021-01-02"]
    assert df.loc[0, "authors"] == ["Faustinus Nua"] and df.loc[1, "authors"] == []
    assert df.loc[0, "related_titles"] == ["Baca ini"]
    assert df.loc[0, "lead_image_credit"] == "AFP"
    assert df.loc[0, "text"] == "Satu dua tiga.\n\nEmpat lima."
    assert list(df["n_paragraphs"]) == [2, 2, 2] and list(df["n_words"]) == [5, 5, 5]
    assert df["n_words"].dtype == "int64"


def test_to_dataframe_with_errors_and_errors_dataframe() -> None:
    pytest.importorskip("pandas")
    df = to_dataframe(_results(), include_errors=True)
    assert list(df["id"]) == ["a", "b", "c", "d"]
    assert df.loc[1, "error_type"] == "NotAnArticle" and df["title"].isna().iloc[1]
    errors = errors_dataframe(_results())
    assert list(errors.columns) == ["id", "index", "error_type", "message"]
    assert errors.to_dict("records") == [
        {"id": "b", "index": 1, "error_type": "NotAnArticle", "message": "not an article: listing page"}
    ]


def test_to_dataframe_accepts_plain_articles_and_empty_input() -> None:
    pytest.importorskip("pandas")
    df = to_dataframe([_article("X", None)])
    assert list(df["title"]) == ["X"] and df["id"].isna().all()
    empty = to_dataframe([])
    assert len(empty) == 0 and "published_at" in empty.columns


def test_to_dataframe_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install newsclean\[pandas\]"):
        to_dataframe(_results())


# ---------------------------------------------------------------------------------------------------
# writers


def test_jsonl_writer_writes_flat_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with open_writer(out) as writer:
        assert isinstance(writer, JsonlWriter)
        for result in _results():
            writer.write_result(result)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["a", "c", "d"]
    assert all(len(r["fingerprint"]) == 16 for r in records)
    first = records[0]
    assert first["published_at"] == "2020-10-09T22:53:00+00:00" and first["published_local"] == "2020-10-10T05:53:00+07:00"
    assert first["text"].split("\n\n") == _results()[0].article.body  # type: ignore[union-attr]
    assert first["lead_image_credit"] == "AFP" and first["related_titles"] == ["Baca ini"]


def test_csv_writer_is_readable(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    with open_writer(out) as writer:
        assert isinstance(writer, CsvWriter)
        for result in _results():
            writer.write_result(result)
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df["id"]) == ["a", "c", "d"]
    assert df.loc[0, "text"] == "Satu dua tiga.\n\nEmpat lima."
    assert df.loc[0, "published_at"] == "2020-10-09T22:53:00+00:00"
    assert df.loc[0, "published_local"] == "2020-10-10T05:53:00+07:00"
    assert json.loads(df.loc[0, "authors"]) == ["Faustinus Nua"]


def test_parquet_writer_writes_row_groups_and_survives_interrupt(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    articles = [r for r in _results() if r.ok] * 2  # 6 articles
    with pytest.raises(KeyboardInterrupt):
        with open_writer(out, row_group_size=4) as writer:
            assert isinstance(writer, ParquetWriter)
            for n, result in enumerate(articles):
                if n == 5:
                    raise KeyboardInterrupt
                writer.write_result(result)
    meta = pq.ParquetFile(out)
    assert meta.metadata.num_rows == 5 and meta.metadata.num_row_groups == 2
    table = pq.read_table(out)
    assert table.column("id").to_pylist() == ["a", "c", "d", "a", "c"]
    assert table.column("text").to_pylist()[0] == "Satu dua tiga.\n\nEmpat lima."
    assert str(table.schema.field("published_at").type) == "timestamp[us, tz=UTC]"


def test_error_writer_and_unknown_extension(tmp_path: Path) -> None:
    out = tmp_path / "errors.jsonl"
    with ErrorWriter(out) as errors:
        for result in _results():
            errors.write(result)
    assert [json.loads(line)["error_type"] for line in out.read_text().splitlines()] == ["NotAnArticle"]
    with pytest.raises(ValueError, match="jsonl"):
        open_writer(tmp_path / "out.xlsx")


# ---------------------------------------------------------------------------------------------------
# the real pipeline

INVENTED_DUMP = """\
Senin 4 Maret 2024, 10:15 WIB

Pemerintah Resmikan Jembatan Baru Penghubung Dua Kecamatan di Sleman

Rina Pratiwi | Nusantara
Pemerintah Resmikan Jembatan Baru Penghubung Dua Kecamatan di Sleman

ANTARA
Warga melintasi jembatan baru yang diresmikan pada Senin pagi.

PEMERINTAH Kabupaten Sleman meresmikan jembatan baru yang menghubungkan Kecamatan Depok dan Kecamatan Ngaglik, Senin (4/3).

Jembatan sepanjang 120 meter itu dibangun selama sepuluh bulan dengan anggaran daerah dan bantuan pemerintah provinsi.

Bupati Sleman mengatakan jembatan tersebut akan memangkas waktu tempuh warga yang selama ini harus memutar cukup jauh untuk mencapai pusat kota.

Baca juga: Banjir Rendam Ratusan Rumah di Bantul

"Kami berharap jembatan ini memperlancar kegiatan ekonomi warga, terutama para pedagang pasar," ujarnya dalam sambutan peresmian.

Sejumlah warga menyambut baik peresmian itu. Mereka mengaku selama ini kesulitan membawa hasil panen ke pasar saat musim hujan tiba.

Dinas Pekerjaan Umum setempat menyatakan akan memantau kondisi jembatan secara berkala untuk memastikan keamanannya.(Ant/OL-7)

Baca Juga

Berita Terkini

Selengkapnya
"""


def test_real_parse_through_parse_many(tmp_path: Path) -> None:
    pytest.importorskip("newsclean.pipeline")
    path = tmp_path / "mediaindonesia.com" / "jembatan.txt"
    path.parent.mkdir()
    path.write_text(INVENTED_DUMP, encoding="utf-8")
    results = list(parse_many([path, ("listing", "Berita Terkini\nSelengkapnya\n")], workers=1, progress=False))
    assert len(results) == 2
    assert results[0].ok, results[0].error
    assert "Jembatan Baru" in results[0].article.title
    assert not results[1].ok and results[1].error.error_type in {"NotAnArticle", "InputError"}
