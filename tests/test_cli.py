"""The `newsclean` command line: in-process through `main([...])`, plus real subprocess runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, RemovedLine, cli
from newsclean.cli import common as cli_common
from newsclean.cli import eval as cli_eval
from test_batch import INVENTED_DUMP, doc, fake_parse


@pytest.fixture(autouse=True)
def _fake_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_common, "PARSE_FN", fake_parse)


@pytest.fixture()
def dumps(tmp_path: Path) -> Path:
    folder = tmp_path / "dumps"
    (folder / "site").mkdir(parents=True)
    for i in range(5):
        (folder / "site" / f"{i}.txt").write_text(doc(f"Judul {i}"), encoding="utf-8")
    (folder / "listing.html").write_text(doc("NOT a listing page"), encoding="utf-8")
    return folder


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsclean {newsclean.__version__}"


def test_schema_is_the_article_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == Article.model_json_schema()
    assert "body" in schema["required"] and "title" in schema["properties"]


def test_clean_articles_and_non_articles_exit_0(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = cli.main(["clean", str(dumps), "-o", str(out), "--errors", str(errors), "--workers", "1", "--no-progress"])
    assert code == 0
    records = _jsonl(out)
    assert [r["title"] for r in records] == [f"Judul {i}" for i in range(5)]
    assert records[0]["id"] == str(dumps / "site" / "0.txt")
    assert [e["error_type"] for e in _jsonl(errors)] == ["NotAnArticle"]
    err = capsys.readouterr().err
    assert "5 articles, 1 non-articles, 0 errors" in err and "docs/s" in err


def test_clean_with_errors_exits_1(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (dumps / "empty.txt").write_text("", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = cli.main(["clean", str(dumps), str(tmp_path / "nope.txt"), "-o", str(out), "--errors", str(errors),
                     "--workers", "1", "--no-progress"])
    assert code == 1
    assert len(_jsonl(out)) == 5
    by_id = {e["id"]: e["error_type"] for e in _jsonl(errors)}
    assert by_id == {
        str(dumps / "empty.txt"): "InputError",
        str(dumps / "listing.html"): "NotAnArticle",
        str(tmp_path / "nope.txt"): "InputError",
    }
    err = capsys.readouterr().err
    assert "no dumps match" in err and "2 errors" in err


def test_clean_with_a_process_pool(dumps: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(dumps), "-o", str(out), "--workers", "2", "--no-progress"]) == 0
    assert len(_jsonl(out)) == 5


@pytest.mark.parametrize(
    "argv",
    [
        ["clean", "{tmp}/does-not-exist", "-o", "{tmp}/out.jsonl"],
        ["clean", "{tmp}/*.nothing", "-o", "{tmp}/out.jsonl"],
        ["clean", "{dumps}", "-o", "{tmp}/out.xlsx"],
        ["clean", "{dumps}", "-o", "{tmp}/out.jsonl", "--workers", "0"],
        ["clean", "{dumps}"],  # no -o
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(argv: list[str], dumps: Path, tmp_path: Path) -> None:
    filled = [a.format(tmp=tmp_path, dumps=dumps) for a in argv]
    assert cli.main(filled) == 2
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_clean_to_csv_and_parquet(suffix: str, dumps: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out{suffix}"
    assert cli.main(["clean", str(dumps), "-o", str(out), "--workers", "1", "--no-progress"]) == 0
    df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(df["title"]) == [f"Judul {i}" for i in range(5)]
    assert list(df["n_paragraphs"]) == [2] * 5


def _interrupting_parse(limit: int) -> Any:
    calls = {"n": 0}

    def parse(raw: Any, **kwargs: Any) -> Article:
        calls["n"] += 1
        if calls["n"] == limit:
            raise KeyboardInterrupt
        return fake_parse(raw, **kwargs)

    return parse


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv"])
def test_interrupt_exits_130_and_leaves_a_valid_file(
    suffix: str, dumps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_common, "PARSE_FN", _interrupting_parse(5))  # listing.html sorts first
    out = tmp_path / f"out{suffix}"
    assert cli.main(["clean", str(dumps), "-o", str(out), "--workers", "1", "--no-progress"]) == 130
    if suffix == ".jsonl":
        assert [r["title"] for r in _jsonl(out)] == ["Judul 0", "Judul 1", "Judul 2"]
        assert out.read_text(encoding="utf-8").endswith("\n")
    elif suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        assert pq.read_table(out).column("title").to_pylist() == ["Judul 0", "Judul 1", "Judul 2"]
    else:
        pd = pytest.importorskip("pandas")
        assert list(pd.read_csv(out)["title"]) == ["Judul 0", "Judul 1", "Judul 2"]
    assert "interrupted after 3 articles" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------
# show


def test_show_prints_the_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(doc("Judul Berita", "Paragraf satu.", "Paragraf dua."), encoding="utf-8")
    assert cli.main(["show", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Judul Berita\n")
    assert "Paragraf satu.\n\nParagraf dua." in out
    assert "Removed lines" not in out


def test_show_explain_lists_removed_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(doc("Judul Berita"), encoding="utf-8")
    assert cli.main(["show", str(page), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Removed lines (1):" in out
    assert "related" in out and "in-article link" in out and "Baca juga: x" in out


def test_show_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(doc("Judul Berita"), encoding="utf-8")
    assert cli.main(["show", str(page), "--json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Judul Berita"
    assert RemovedLine.model_validate(data["removed"][0]).reason == "in-article link"


def test_show_not_an_article_exits_3_and_missing_file_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "listing.txt"
    page.write_text(doc("NOT a listing"), encoding="utf-8")
    assert cli.main(["show", str(page)]) == 3
    captured = capsys.readouterr()
    assert "not an article: listing page" in captured.err and captured.out == ""
    assert cli.main(["show", str(tmp_path / "gone.txt")]) == 2


# ---------------------------------------------------------------------------------------------------
# eval


class _FakeReport:
    def __init__(self) -> None:
        self.floors: dict[str, float] = {}
        self.docs = ["one scored document"]

    def to_table(self, per_doc: bool = False) -> str:
        return "TABLE per-doc" if per_doc else "TABLE"

    def to_json(self) -> str:
        return json.dumps({"f1": 0.8})

    def check_floors(self, **floors: float) -> list[str]:
        self.floors = floors
        return [f"{name} {value} not met" for name, value in floors.items() if value > 0.8]


def test_eval_tables_json_and_floors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _FakeReport()
    seen: list[Any] = []

    def fake_evaluate(paths: Any, **kwargs: Any) -> _FakeReport:
        seen.append(list(paths))
        return report

    monkeypatch.setattr(cli_eval, "load_evaluate", lambda: fake_evaluate)
    assert cli.main(["eval", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "TABLE" and seen == [[str(tmp_path)]]
    assert cli.main(["eval", str(tmp_path), "--per-doc"]) == 0
    assert capsys.readouterr().out.strip() == "TABLE per-doc"
    assert cli.main(["eval", str(tmp_path), "--json", "--min-f1", "0.5"]) == 0
    assert json.loads(capsys.readouterr().out) == {"f1": 0.8}
    assert report.floors == {"min_f1": 0.5}
    assert cli.main(["eval", str(tmp_path), "--min-f1", "0.9", "--min-date", "0.1"]) == 1
    assert "min_f1 0.9 not met" in capsys.readouterr().err
    assert report.floors == {"min_f1": 0.9, "min_date": 0.1}
    assert cli.main(["eval", str(tmp_path / "missing")]) == 2


# ---------------------------------------------------------------------------------------------------
# real processes


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsclean", *args], capture_output=True, text=True, timeout=120)


def test_python_m_newsclean_schema_and_usage_exit_codes(tmp_path: Path) -> None:
    done = _run("schema")
    assert done.returncode == 0 and json.loads(done.stdout)["title"] == "Article"
    missing = _run("clean", str(tmp_path / "nothing"), "-o", str(tmp_path / "out.jsonl"), "--no-progress")
    assert missing.returncode == 2 and "no dumps match" in missing.stderr


def test_python_m_newsclean_clean_with_the_real_parser(tmp_path: Path) -> None:
    pytest.importorskip("newsclean.pipeline")
    folder = tmp_path / "mediaindonesia.com"
    folder.mkdir()
    (folder / "jembatan.txt").write_text(INVENTED_DUMP, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = _run("clean", str(folder), "-o", str(out), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    [record] = _jsonl(out)
    assert "Jembatan Baru" in record["title"] and "1 articles" in done.stderr
