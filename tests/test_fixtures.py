"""Every bundled fixture parses to its expected fields (fixtures/<site>/<stem>.txt + <stem>.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES

DUMPS = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".txt", ".html"))


def _expected(dump: Path) -> dict:
    return json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_fixture(dump: Path) -> None:
    gold = _expected(dump)
    raw = dump.read_bytes() if dump.suffix == ".html" else dump.read_text(encoding="utf-8")
    if gold["kind"] == "non-article":
        with pytest.raises(newsclean.NotAnArticle):
            newsclean.parse(raw, url=gold.get("url"))
        return
    article = newsclean.parse(raw, url=gold.get("url"))
    assert article.title == gold["title"]
    assert article.body == gold["body"]
    assert [r.title for r in article.related] == gold["related"]
    assert article.authors == gold["authors"]
    assert article.editors == gold.get("editors", [])
    assert article.section == gold["section"]
    image = article.lead_image
    assert (image.credit if image else None) == gold["image_credit"]
    assert (image.caption if image else None) == gold["image_caption"]
    if "closing_code" in gold:
        assert article.closing_code == gold["closing_code"]
    expected_time = gold["published_at"]
    if expected_time is None:
        assert article.published_date is None
    elif "T" in expected_time:
        assert article.published_at == dt.datetime.fromisoformat(expected_time)
        assert article.published_at.utcoffset() == dt.datetime.fromisoformat(expected_time).utcoffset()
    else:
        assert article.published_at is None
        assert article.published_date == dt.date.fromisoformat(expected_time)


def test_every_fixture_has_its_expectation() -> None:
    assert DUMPS, "no fixtures bundled"
    for dump in DUMPS:
        assert dump.with_suffix(".json").exists(), dump
