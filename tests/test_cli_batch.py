"""`newsclean clean` with container inputs, site filters, --dedupe, --resume, and the output checks of #13."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from newsclean import cli
from newsclean.cli import common as cli_common
from test_batch import doc
from test_cli import _fake_parser  # noqa: F401  (autouse: the stand-in parser for every test here)
from test_containers import echo_parse
from warc_builder import Response, write_warc

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def dumps(tmp_path: Path) -> Path:
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(doc(f"Judul {i}", f"Isi berita nomor {i} yang berbeda."), encoding="utf-8")
    return folder


def _jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _clean(*args: str) -> int:
    return cli.main(["clean", *args, "--workers", "1", "--no-progress"])


# ---------------------------------------------------------------------------------------------------
# Output safety (#13)


def test_output_and_errors_naming_the_same_file_is_a_usage_error(dumps: Path, tmp_path: Path, capsys: Any) -> None:
    same = tmp_path / "x.jsonl"
    assert _clean(str(dumps), "-o", str(same), "--errors", str(same)) == 2
    assert not same.exists()
    assert "same file" in capsys.readouterr().err


def test_an_output_naming_an_input_is_refused_and_the_input_kept(dumps: Path, capsys: Any) -> None:
    victim = dumps / "0.txt"
    before = victim.read_bytes()
    assert _clean(str(dumps), "-o", str(tmp := dumps / "out.jsonl"), "--errors", str(victim)) == 2
    assert victim.read_bytes() == before and not tmp.exists()
    assert "also an input" in capsys.readouterr().err
    records = dumps.parent / "rows.jsonl"
    records.write_text(json.dumps({"id": "a", "text": doc("A")}) + "\n", encoding="utf-8")
    assert _clean(str(records), "-o", str(records)) == 2
    assert json.loads(records.read_text())["id"] == "a"


def test_an_existing_output_needs_overwrite(dumps: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    assert _clean(str(dumps), "-o", str(out)) == 2
    assert out.read_text() == "precious\n"
    assert "--overwrite" in capsys.readouterr().err
    assert _clean(str(dumps), "-o", str(out), "--overwrite") == 0
    assert [r["title"] for r in _jsonl(out)] == [f"Judul {i}" for i in range(4)]


def test_resume_refuses_parquet_and_overwrite_together(dumps: Path, tmp_path: Path, capsys: Any) -> None:
    assert _clean(str(dumps), "-o", str(tmp_path / "o.parquet"), "--resume") == 2
    assert _clean(str(dumps), "-o", str(tmp_path / "o.jsonl"), "--resume", "--overwrite") == 2


# ---------------------------------------------------------------------------------------------------
# Containers, filters, gzip output, dedupe


def test_warc_with_site_filter_into_jsonl_gz(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_common, "PARSE_FN", echo_parse)  # passes url through
    responses = [
        Response("https://www.kompas.com/read/1", doc("Banjir").encode()),
        Response("https://example.com/1", doc("Bukan berita Indonesia").encode()),
        Response("https://tempo.co/foto.jpg", b"\xff\xd8", content_type="image/jpeg"),
        Response("https://tempo.co/read/2", b""),  # an empty page: one InputError
    ]
    warc = write_warc(tmp_path / "cc.warc.gz", responses)
    out, errors = tmp_path / "out.jsonl.gz", tmp_path / "err.jsonl"
    assert _clean(str(warc), "-o", str(out), "--errors", str(errors), "--sites", "known") == 1  # one error
    assert [(r["title"], r["url"]) for r in _jsonl(out)] == [("Banjir", "https://www.kompas.com/read/1")]
    assert [e["error_type"] for e in _jsonl(errors)] == ["Skipped", "InputError"]
    message = capsys.readouterr().err
    assert "1 articles, 0 non-articles, 1 errors, 1 skipped, 1 filtered out by site" in message


def test_record_file_columns_from_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_common, "PARSE_FN", echo_parse)
    rows = tmp_path / "scraped.csv"
    rows.write_text('link,body\nhttps://a.id/1,"Judul A\nIsi A."\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert _clean(str(rows), "-o", str(out), "--text-field", "body", "--url-field", "link") == 0
    assert [(r["id"], r["url"], r["title"]) for r in _jsonl(out)] == [(f"{rows}#1", "https://a.id/1", "Judul A")]


def test_dedupe_keeps_the_first_and_names_it_for_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    body = "Presiden meresmikan bendungan baru di Jawa Tengah yang akan mengairi ribuan hektare sawah petani."
    (folder / "a.txt").write_text(doc("Bendungan", body, "Antara."), encoding="utf-8")
    (folder / "b.txt").write_text(doc("Lain", "Harga beras turun di pasar induk minggu ini menurut pedagang."), encoding="utf-8")
    (folder / "c.txt").write_text(doc("Bendungan (salinan)", body, "Antara."), encoding="utf-8")
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    assert _clean(str(folder), "-o", str(out), "--errors", str(errors), "--dedupe") == 0
    assert [r["id"] for r in _jsonl(out)] == [str(folder / "a.txt"), str(folder / "b.txt")]
    [dup] = _jsonl(errors)
    assert (dup["id"], dup["error_type"], dup["duplicate_of"]) == (str(folder / "c.txt"), "Duplicate", str(folder / "a.txt"))


# ---------------------------------------------------------------------------------------------------
# --resume after a kill


_KILLING_RUN = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from test_batch import fake_parse
    from newsclean import cli
    from newsclean.cli import common

    calls = 0

    def parse_then_die(raw, **kwargs):
        global calls
        calls += 1
        if calls == int(os.environ["KILL_AT"]):
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no flush: as `kill -9` or a power cut
        return fake_parse(raw, **kwargs)

    common.PARSE_FN = parse_then_die
    sys.exit(cli.main(["clean", *sys.argv[1:], "--workers", "1", "--no-progress"]))
    """
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(12):
        title = f"NOT daftar {i}" if i % 4 == 3 else f"Judul {i}"
        words = " ".join(f"kata{i}x{j}" for j in range(12))
        (folder / f"{i:02d}.txt").write_text(doc(title, f"Berita {words}."), encoding="utf-8")
    # A near-copy of 01 (one word differs), so --dedupe has a duplicate to carry across the restart.
    near = " ".join(f"kata1x{j}" for j in range(12))
    (folder / "13.txt").write_text(doc("Judul 1 salinan", f"Berita {near}."), encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".csv"])
def test_a_killed_run_resumed_gives_the_same_output_as_an_uninterrupted_one(tmp_path: Path, suffix: str) -> None:
    folder = _corpus(tmp_path / "in")
    script = tmp_path / "run.py"
    script.write_text(_KILLING_RUN.format(tests=str(ROOT / "tests")), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def run(out: Path, errors: Path, kill_at: int, *extra: str) -> int:
        args = [sys.executable, str(script), str(folder), "-o", str(out), "--errors", str(errors), "--dedupe", *extra]
        return subprocess.run(args, env={**env, "KILL_AT": str(kill_at)}, capture_output=True).returncode

    whole_out, whole_err = tmp_path / f"whole{suffix}", tmp_path / "whole-errors.jsonl"
    assert run(whole_out, whole_err, 0) == 0  # never killed
    out, errors = tmp_path / f"part{suffix}", tmp_path / "part-errors.jsonl"
    assert run(out, errors, 7) == -9  # killed while cleaning the 7th input
    assert 0 < len(out.read_bytes()) and out.read_bytes() != whole_out.read_bytes()
    assert run(out, errors, 4, "--resume") == -9  # killed again, 4 inputs later
    assert run(out, errors, 0, "--resume") == 0
    if suffix == ".jsonl.gz":  # appended gzip members: the same content, not the same bytes
        assert gzip.decompress(out.read_bytes()) == gzip.decompress(whole_out.read_bytes())
    else:
        assert out.read_bytes() == whole_out.read_bytes()
    assert errors.read_bytes() == whole_err.read_bytes()
    assert any(e["error_type"] == "Duplicate" for e in _jsonl(errors))


def test_resume_cuts_a_partial_last_line(dumps: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert _clean(str(dumps), "-o", str(out)) == 0
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:25])  # a kill in the middle of the third line
    assert _clean(str(dumps), "-o", str(out), "--resume") == 0
    assert out.read_bytes() == whole
