"""ONE column set for DataFrames, Parquet, CSV and JSON lines: same names, same order, same nulls."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT

from newsclean import Article
from newsclean.batch import COLUMNS, Result, open_writer, to_dataframe

WIB = dt.timezone(dt.timedelta(hours=7))
NAMES = [column.name for column in COLUMNS]


def _results() -> list[Result]:
    full = Article(
        title="Lengkap", body=["Satu dua tiga.", "Empat lima."], site="kompas.com", url="https://kompas.com/a",
        published_at=dt.datetime(2020, 10, 10, 5, 53, tzinfo=WIB), published_date=dt.date(2020, 10, 10),
        authors=["Rina"], tags=["banjir"], language="id", description="Ringkas.",
        lead_image={"url": "https://img/a.jpg", "caption": "Foto", "credit": "AFP"},
        related=[{"title": "Baca ini", "url": None}], closing_code="rin/rin",
    )
    bare = Article(body=["Hanya satu paragraf."])  # every optional field empty
    return [Result("full", 0, article=full), Result("bare", 1, article=bare)]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    pd = pytest.importorskip("pandas")
    folder: Path = tmp_path_factory.mktemp("columns")
    frames = {"dataframe": to_dataframe(_results())}
    for suffix in ("jsonl", "csv", "parquet"):
        with open_writer(folder / f"out.{suffix}") as writer:
            for result in _results():
                writer.write_result(result)
    frames["jsonl"] = pd.read_json(folder / "out.jsonl", lines=True, dtype=False)
    frames["csv"] = pd.read_csv(folder / "out.csv", keep_default_na=False, dtype=str)
    frames["parquet"] = pd.read_parquet(folder / "out.parquet")
    return {name: frame for name, frame in frames.items()}  # type: ignore[misc]


def test_every_format_has_the_same_columns_in_the_same_order(outputs: dict[str, object]) -> None:
    for name, frame in outputs.items():
        assert list(frame.columns) == NAMES, name  # type: ignore[attr-defined]


def test_the_same_nulls_everywhere(outputs: dict[str, object]) -> None:
    import pandas as pd

    for name, frame in outputs.items():
        bare = frame.iloc[1]  # type: ignore[attr-defined]
        for column in COLUMNS:
            value = bare[column.name]
            if column.kind == "list":
                assert (json.loads(value) if name == "csv" else list(value)) == [], (name, column.name)
            elif column.name in ("id", "text", "n_paragraphs", "n_words", "fingerprint"):
                assert value not in ("", None) and not (pd.api.types.is_scalar(value) and pd.isna(value)), (name, column.name)
            else:
                assert value == "" if name == "csv" else pd.isna(value), (name, column.name, value)


def test_the_same_values_everywhere(outputs: dict[str, object]) -> None:
    import pandas as pd

    for name, frame in outputs.items():
        full = frame.iloc[0]  # type: ignore[attr-defined]
        published = pd.Timestamp(full["published_at"])
        assert published == pd.Timestamp("2020-10-09T22:53:00Z"), name  # UTC everywhere
        assert full["published_local"] == "2020-10-10T05:53:00+07:00", name
        assert pd.Timestamp(full["published_date"]).date() == dt.date(2020, 10, 10), name
        authors = json.loads(full["authors"]) if name == "csv" else list(full["authors"])
        urls = json.loads(full["related_urls"]) if name == "csv" else list(full["related_urls"])
        assert authors == ["Rina"] and urls == [None], name
        assert full["text"] == "Satu dua tiga.\n\nEmpat lima." and int(full["n_words"]) == 5, name
        assert full["lead_image_url"] == "https://img/a.jpg" and full["language"] == "id", name


def test_the_documented_table_is_the_column_set() -> None:
    page = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    section = page.split("## Output columns", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert rows == NAMES
