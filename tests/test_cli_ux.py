"""The CLI items a new user tripped on: page options, quiet runs, the on-screen error summary,
consistent exit codes, --format, --profiles after the command, and help that explains itself."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from newsclean import cli

SEED = FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt"
PAGE = FIXTURES / "detik.com" / "detik.com-html-news.html"
RELATIVE = """\
Kompas.com
Warga Bantul Gotong Royong Perbaiki Tanggul Sungai Opak yang Jebol
2 jam lalu
Penulis: Rina Lestari
BANTUL, KOMPAS.com - Ratusan warga Bantul bergotong royong memperbaiki tanggul Sungai Opak yang jebol setelah hujan deras mengguyur wilayah itu sejak sore.
Kepala desa mengatakan perbaikan darurat dilakukan dengan karung pasir sambil menunggu bantuan alat berat dari pemerintah kabupaten.
Warga berharap perbaikan permanen segera dilakukan sebelum puncak musim hujan tiba bulan depan.
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    shutil.copy(SEED, dumps / "seed.txt")
    (dumps / "empty.txt").write_text("", encoding="utf-8")
    (dumps / "binary.html").write_bytes(bytes(range(256)) * 40)
    (dumps / "listing.txt").write_text("Berita Terkini\nSelengkapnya\nIndeks Berita\n", encoding="utf-8")
    return dumps


# ---------------------------------------------------------------------------------------------------
# show


def test_show_takes_stdin_fetched_at_site_and_url(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RELATIVE.encode())))
    code = cli.main(["show", "-", "--format", "json", "--fetched-at", "2024-03-04T12:00+07:00",
                     "--url", "https://regional.kompas.com/read/2024/03/04/x", "--site", "kompas.com"])
    assert code == 0
    article = json.loads(capsys.readouterr().out)
    assert article["published_at"] == "2024-03-04T10:00:00+07:00"  # "2 jam lalu" from --fetched-at
    assert article["url"] == "https://regional.kompas.com/read/2024/03/04/x" and article["site"] == "kompas.com"


def test_fetched_at_without_offset_is_wib_and_bad_times_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.common.fetched_at("2024-03-04T12:00") == dt.datetime(2024, 3, 4, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert cli.main(["show", str(SEED), "--fetched-at", "kemarin"]) == 2
    assert "not an ISO 8601 time" in capsys.readouterr().err


def test_exit_codes_are_consistent(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(folder / "empty.txt")]) == 1  # a page that cannot be read: the input failed
    assert cli.main(["show", str(folder / "binary.html")]) == 1  # the same
    assert cli.main(["show", str(tmp_path / "gone.txt")]) == 2  # no such file: usage
    assert cli.main(["show", str(folder / "listing.txt")]) == 3
    assert cli.main(["show", str(SEED), "--site", "no-such-site.example"]) == 2
    (tmp_path / "corpus").mkdir()
    assert cli.main(["eval", str(tmp_path / "corpus")]) == 2  # nothing to evaluate, like clean on an empty folder
    assert cli.main(["clean", str(tmp_path / "corpus"), "-o", str(tmp_path / "x.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "no annotated documents" in err and "no dumps match" in err


def test_show_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(SEED), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Armenia dan Azerbaijan Berunding, Rusia Jadi Penengah\n\n")
    assert "*mediaindonesia.com · 2020-10-10 05:53 +0700 · Faustinus Nua*" in markdown
    assert "\n## Baca juga\n\n- Kanada Hentikan Ekspor Drone, Turki Protes\n" in markdown
    assert cli.main(["show", str(SEED), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["authors"] == ["Faustinus Nua"]
    assert cli.main(["show", str(SEED), "--json", "--format", "markdown"]) == 2


def test_markdown_links_related_stories_when_the_page_gives_urls(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(PAGE), "--format", "markdown"]) == 0
    assert "- [BMKG Prediksi Hujan Lebat Guyur Jabodetabek Sepekan ke Depan](https://news.detik.com/" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------------
# clean


def test_clean_names_the_first_errors_on_screen_without_an_errors_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert code == 1
    err = capsys.readouterr().err
    assert "1 articles, 1 non-articles, 2 errors" in err
    assert f"{folder / 'binary.html'}: InputError: " in err and f"{folder / 'empty.txt'}: InputError: " in err
    assert "listing.txt" not in err  # a non-article is counted, not reported as a failure


def test_clean_quiet_prints_only_failures(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.txt").unlink()
    (folder / "binary.html").unlink()
    assert cli.main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_an_unknown_site_is_refused_before_any_work(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(folder), "-o", str(out), "--site", "no-such-site.example"]) == 2
    assert "unknown site 'no-such-site.example'" in capsys.readouterr().err
    assert not out.exists()


def test_clean_url_and_fetched_at_for_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "bantul.txt"
    dump.write_text(RELATIVE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = cli.main(["clean", str(dump), "-o", str(out), "--workers", "1",
                     "--url", "https://regional.kompas.com/read/2024/03/04/x", "--fetched-at", "2024-03-04T12:00+07:00"])
    assert code == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["url"] == "https://regional.kompas.com/read/2024/03/04/x"
    assert record["published_local"] == "2024-03-04T10:00:00+07:00"
    assert cli.main(["clean", str(dump), str(SEED), "-o", str(tmp_path / "two.jsonl"), "--url", "https://x.id/a"]) == 2
    assert "--url names one page" in capsys.readouterr().err


def test_clean_markdown_documents(tmp_path: Path) -> None:
    out = tmp_path / "articles.md"
    assert cli.main(["clean", str(SEED), str(PAGE), "-o", str(out), "--workers", "1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("\n---\n") == 1 and text.startswith("# Armenia dan Azerbaijan")
    assert "# Pemprov DKI Uji Coba Pompa Mobile di 12 Titik Rawan Genangan" in text
    assert cli.main(["clean", str(SEED), "-o", str(tmp_path / "x.parquet"), "--format", "markdown"]) == 2


@pytest.mark.usefixtures("scratch_registry")
def test_profiles_are_accepted_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsclean import sites

    monkeypatch.delenv(sites.PROFILES_ENV, raising=False)  # the command names the folder there for workers
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "warta.toml").write_text('name = "warta-uji.example"\ndomains = ["warta-uji.example"]\n', encoding="utf-8")
    assert cli.main(["show", str(SEED), "--profiles", str(profiles), "--site", "warta-uji.example", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["site"] == "warta-uji.example"


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(SEED), str(PAGE), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0
    assert "doc/s" not in run.stderr and "it/s" not in run.stderr and "%|" not in run.stderr
    assert "2 articles, 0 non-articles, 0 errors" in run.stderr


# ---------------------------------------------------------------------------------------------------
# help


@pytest.mark.parametrize("command", ["clean", "show", "eval", "schema"])
def test_every_command_has_a_description_and_argument_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "--help"]) == 0
    text = capsys.readouterr().out
    body = text.split("\n\n", 1)[1]  # past the usage lines
    assert not body.startswith(("positional arguments", "options")), "no description"
    assert "exit codes" in text
    if command != "schema":
        positional = text.split("positional arguments:")[1].split("\n\n")[0]
        assert len(positional.splitlines()) >= 2 and all(len(line.split()) > 1 for line in positional.splitlines()[1:2])
