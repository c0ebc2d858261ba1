"""Walking folders and patterns (#13): no links followed, no FIFO opened, every file once, nothing
that could not be read dropped silently, file names that are not UTF-8 written safely."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from newsclean.batch import ErrorWriter, JsonlWriter, find_dumps, parse_many, read_dump, to_dataframe
from newsclean.errors import InputError
from test_batch import doc, fake_parse


def _run(inputs: Any) -> tuple[list[Any], Any]:
    stream = parse_many(inputs, workers=1, progress=False, parse_fn=fake_parse)
    return list(stream), stream.stats


def _finishes(fn: Any, seconds: float = 20.0) -> Any:
    """Run fn in a daemon thread; fail (instead of hanging the suite) when it blocks."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # pragma: no cover - surfaced below
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked (a FIFO was opened for reading?)"
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "dumps"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(doc("Satu"), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(doc("Dua"), encoding="utf-8")
    return root


def test_a_fifo_named_txt_is_skipped_not_opened(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    results, stats = _finishes(lambda: _run([tree]))
    by_id = {Path(r.id).name: r for r in results}
    assert by_id["a.txt"].ok and by_id["b.txt"].ok
    assert by_id["pipe.txt"].error.error_type == "Skipped"
    assert "not a regular file" in by_id["pipe.txt"].error.message
    assert (stats.articles, stats.skipped, stats.errors) == (2, 1, 0)


def test_a_fifo_named_directly_is_an_input_error_not_a_hang(tree: Path) -> None:
    fifo = tree / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        _finishes(lambda: read_dump(fifo))
    results, stats = _finishes(lambda: _run([fifo]))
    assert [r.error.error_type for r in results] == ["InputError"] and stats.errors == 1


def test_recursive_glob_through_a_self_link_visits_each_file_once(tree: Path) -> None:
    (tree / "sub" / "loop").symlink_to(tree)  # sub/loop -> dumps: a cycle
    (tree / "back").symlink_to(tree / "sub")
    results, stats = _finishes(lambda: _run([str(tree / "**" / "*.txt")]))
    files = [r.id for r in results if r.ok]
    assert sorted(files) == sorted([str(tree / "a.txt"), str(tree / "sub" / "b.txt")])
    skipped = sorted(Path(r.id).name for r in results if not r.ok)
    assert skipped == ["back", "loop"] and stats.skipped == 2
    assert all(r.error.error_type == "Skipped" and "symbolic link" in r.error.message for r in results if not r.ok)


def test_directory_walk_reports_links_instead_of_skipping_them_silently(tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text(doc("Tiga"), encoding="utf-8")
    (tree / "linked").symlink_to(elsewhere)
    (tree / "c-link.txt").symlink_to(elsewhere / "c.txt")
    results, stats = _run([tree])
    assert [Path(r.id).name for r in results if r.ok] == ["a.txt", "b.txt"]
    assert sorted(Path(r.id).name for r in results if not r.ok) == ["c-link.txt", "linked"]
    assert stats.skipped == 2 and stats.total == 4
    # A link named explicitly is the user's choice: it is read.
    [named] = _run([tree / "c-link.txt"])[0]
    assert named.ok and named.article.title == "Tiga"


def test_an_unreadable_subdirectory_is_recorded(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions do not stop root (CI runs as root), so the refusal is simulated where os.walk lists.
    locked = str(tree / "sub")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results, stats = _run([tree])
    assert [Path(r.id).name for r in results if r.ok] == ["a.txt"]
    [error] = [r for r in results if not r.ok]
    assert error.id == locked and error.error.error_type == "InputError"
    assert "cannot read directory" in error.error.message and stats.errors == 1
    assert find_dumps(tree) == [tree / "a.txt"]


def test_non_utf8_file_names_are_written_and_framed(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    raw_name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(raw_name, "wb") as fh:
        fh.write(doc("Kafe").encode())
    (folder / "zz.txt").write_text(doc("Akhir"), encoding="utf-8")
    results, _ = _run([folder])
    assert [r.ok for r in results] == [True, True]
    assert results[0].id == str(folder / "caf\\xe9.txt")  # the undecodable byte shown as an escape
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    with JsonlWriter(out) as writer, ErrorWriter(errors) as error_writer:
        for result in results:
            writer.write_result(result)
            error_writer.write(result)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [results[0].id, results[1].id]
    assert list(to_dataframe(results)["id"]) == ids


def test_show_and_clean_on_a_fifo_end_with_a_usage_error_or_a_record(tree: Path, tmp_path: Path) -> None:
    from newsclean import cli

    fifo = tree / "pipe.txt"
    os.mkfifo(fifo)
    assert _finishes(lambda: cli.main(["show", str(fifo)])) == 2
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    code = _finishes(lambda: cli.main(["clean", str(tree), "-o", str(out), "--errors", str(errors),
                                       "--workers", "1", "--no-progress"]))
    assert code == 0  # a skipped FIFO is not a failure (the real parser calls these short dumps non-articles)
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [r["id"] for r in records if r["error_type"] == "Skipped"] == [str(fifo)]
