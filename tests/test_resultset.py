"""Results a notebook can read twice (`parse_many`), the explicit stream (`iter_parse_many`), failures that
`to_dataframe` never hides, and a progress total known before the bar starts."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_batch import doc, fake_parse

import newsclean
from newsclean import InputError
from newsclean.batch import NoArticleWarning, Result, Results, iter_parse_many, parse_many
from newsclean.batch.progress import planned

INPUTS = [("a", doc("Satu")), ("b", doc("NOT a listing")), ("c", doc("BOOM")), ("d", doc("Empat")), ("e", b"")]


@pytest.fixture(scope="module")
def results() -> Results:
    return parse_many(INPUTS, workers=1, progress=False, parse_fn=fake_parse)


def test_parse_many_is_a_list_of_results_readable_twice(results: Results) -> None:
    assert len(results) == 5
    assert results[0].id == "a" and results[-1].id == "e"
    assert [r.id for r in results[1:3]] == ["b", "c"]
    assert [r.id for r in results] == [r.id for r in results]  # a second pass sees everything again
    assert all(isinstance(r, Result) for r in results)


def test_articles_errors_and_stats(results: Results) -> None:
    assert [a.title for a in results.articles] == ["Satu", "Empat"]
    assert [(r.id, r.error.error_type) for r in results.errors if r.error] == [
        ("b", "NotAnArticle"), ("c", "RuntimeError"), ("e", "InputError"),
    ]
    assert (results.stats.articles, results.stats.non_articles, results.stats.errors) == (2, 1, 2)


def test_repr_and_summary_name_the_failures(results: Results) -> None:
    text = repr(results)
    assert "5 inputs, 2 articles, 1 non-articles, 2 errors" in text and "RuntimeError 1" in text
    summary = results.summary()
    assert summary.splitlines()[0].startswith("2 articles, 1 non-articles, 2 errors")
    assert "without an article: " in summary and "InputError 1" in summary
    assert "c: RuntimeError: bug in parser" in summary and "e: InputError: empty input" in summary


def test_to_dataframe_twice_gives_the_same_frame_and_warns_of_what_it_leaves_out(results: Results) -> None:
    pytest.importorskip("pandas")
    with pytest.warns(NoArticleWarning, match=r"3 inputs gave no article .*NotAnArticle 1.*include_errors=True"):
        first = results.to_dataframe()
    with pytest.warns(NoArticleWarning):
        second = newsclean.to_dataframe(results)
    assert list(first["id"]) == list(second["id"]) == ["a", "d"]
    every = results.to_dataframe(include_errors=True)  # asked for: no warning needed, all rows there
    assert list(every["id"]) == ["a", "b", "c", "d", "e"]
    assert list(results.errors_dataframe()["error_type"]) == ["NotAnArticle", "RuntimeError", "InputError"]


def test_the_stream_is_explicit_and_refuses_a_second_read() -> None:
    stream = iter_parse_many(INPUTS, workers=1, progress=False, parse_fn=fake_parse)
    assert len(list(stream)) == 5
    with pytest.raises(InputError, match="already read.*parse_many keeps the results"):
        newsclean.to_dataframe(stream)
    with pytest.raises(InputError):
        list(stream)


def test_on_error_raise_still_raises_from_the_collected_form() -> None:
    with pytest.raises(newsclean.NotAnArticle):
        parse_many(INPUTS, workers=1, on_error="raise", progress=False, parse_fn=fake_parse)


def test_exported_from_the_package() -> None:
    assert newsclean.parse_many is parse_many and newsclean.iter_parse_many is iter_parse_many
    assert newsclean.Results is Results


# ---------------------------------------------------------------------------------------------------
# the progress total


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/1.txt", "a/2.html", "a/b/3.txt.gz", "a/notes.md"):
        (tmp_path / name).write_bytes(doc("Judul").encode())
    return tmp_path / "a"


def test_the_total_counts_folders_and_patterns_before_the_bar_starts(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    inputs = [folder, str(tmp_path / "a" / "*.txt"), b"raw bytes", ("id", "raw text"), "two\nlines"]
    flat, total = planned(inputs)
    assert total == 3 + 1 + 3
    assert len(list(flat)) == total
    # raw content keeps the name its place in the inputs gave it
    results = parse_many(inputs, workers=1, progress=False, parse_fn=fake_parse)
    assert [r.id for r in results][-3:] == ["#2", "id", "#4"]
    assert len(results) == total


def test_the_bar_starts_at_its_final_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _tree(tmp_path)
    import tqdm.auto

    bars: list[tuple[object, int]] = []
    real = tqdm.auto.tqdm

    def recording(*args: object, **kwargs: object) -> object:
        bar = real(*args, file=io.StringIO(), **kwargs)  # type: ignore[call-overload]
        bars.append((kwargs.get("total"), 0))
        return bar

    monkeypatch.setattr(tqdm.auto, "tqdm", recording)
    results = parse_many([folder], workers=1, progress=True, parse_fn=fake_parse)
    assert bars == [(3, 0)] and len(results) == 3


def test_unknown_counts_get_no_total_rather_than_a_guess(tmp_path: Path) -> None:
    records = tmp_path / "docs.jsonl"
    records.write_text('{"id": "x", "text": "a"}\n', encoding="utf-8")
    assert planned([records])[1] is None  # a record file holds an unknown number of documents
    lazy = iter([("a", "x")])
    assert planned(lazy) == (lazy, None)  # a lazy iterable is never drawn ahead


def test_resumed_inputs_are_not_counted(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert planned([folder], exclude_ids={str(folder / "1.txt")})[1] == 2


# ---------------------------------------------------------------------------------------------------
# the example script


def test_clean_folder_example_fails_loudly_on_a_missing_folder(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "clean_folder.py"), str(tmp_path / "nope"), "--no-plot"],
        capture_output=True, text=True,
    )
    assert run.returncode != 0
    assert "no such folder" in run.stderr and "0 articles" not in run.stdout


def test_a_batch_error_keeps_the_results_so_far() -> None:
    def inputs():  # type: ignore[no-untyped-def]
        yield ("a", doc("Satu"))
        yield ("b", doc("Dua"))
        raise OSError("the share went away")

    with pytest.raises(newsclean.NewscleanError) as info:
        parse_many(inputs(), workers=1, progress=False, parse_fn=fake_parse)
    assert type(info.value).__name__ == "BatchError"
    assert [r.id for r in info.value.results] == ["a", "b"]  # type: ignore[attr-defined]
