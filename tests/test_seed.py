"""The seed dump (Media Indonesia, layout 'date first') gives exactly the fields the gold annotates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newsclean
from conftest import FIXTURES

SEED = FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt"
GOLD = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article() -> newsclean.Article:
    return newsclean.parse(SEED.read_text(encoding="utf-8"))


def test_title_and_time(article: newsclean.Article) -> None:
    assert article.title == "Armenia dan Azerbaijan Berunding, Rusia Jadi Penengah"
    assert article.published_at == dt.datetime(2020, 10, 10, 5, 53, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert article.published_at.utcoffset() == dt.timedelta(hours=7)


def test_byline_and_image(article: newsclean.Article) -> None:
    assert article.authors == ["Faustinus Nua"]
    assert article.section == "Internasional"
    assert article.site == "mediaindonesia.com"
    assert article.lead_image is not None
    assert article.lead_image.credit == "AFP"
    assert article.lead_image.caption == GOLD["image_caption"]


def test_body_is_the_ten_gold_paragraphs(article: newsclean.Article) -> None:
    assert article.body == GOLD["body"]  # exactly, the page's own NBSP included
    assert len(article.body) == 10
    assert not any(p.lower().startswith("baca juga") for p in article.body)


def test_closing_code_is_kept_on_its_line_and_reported(article: newsclean.Article) -> None:
    assert article.body[-1].endswith("tewas.(AFP/OL-11)")
    assert article.closing_code == "AFP/OL-11"


def test_related_are_the_two_baca_juga_titles(article: newsclean.Article) -> None:
    assert [r.title for r in article.related] == GOLD["related"]


@pytest.mark.parametrize(
    "chrome",
    ["E-Paper Media Indonesia", "MI TV", "Selengkapnya", "Berita Terkini", "BenihBaik.com", "Dukungan Internasional",
     "Thalatie K Yani", "Baca E-Paper"],
)
def test_no_trailing_chrome_in_text(article: newsclean.Article, chrome: str) -> None:
    assert chrome not in article.text


def test_text_and_json_round_trip(article: newsclean.Article) -> None:
    assert article.text == "\n\n".join(article.body)
    again = newsclean.Article.model_validate_json(article.model_dump_json())
    assert again == article


def test_explain_gives_every_removed_line_a_step_and_reason() -> None:
    explained = newsclean.parse(SEED.read_text(encoding="utf-8"), explain=True)
    assert explained.removed
    texts = {r.text.strip() for r in explained.removed}
    assert "E-Paper Media Indonesia" in texts
    assert any(r.label == "related" and r.step == "related" for r in explained.removed)
    assert all(r.step and r.reason for r in explained.removed)


def test_bytes_input_gives_the_same_article(article: newsclean.Article) -> None:
    assert newsclean.parse(SEED.read_bytes()) == article
