"""What `parse()` accepts besides str and bytes: a `Path` to read, a BeautifulSoup tree, an lxml element."""

from __future__ import annotations

import gzip
from pathlib import Path

import bs4
import lxml.html
import pytest
from conftest import FIXTURES

import newsclean

PAGE = FIXTURES / "detik.com" / "detik.com-html-news.html"
DUMP = FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt"


@pytest.fixture(scope="module")
def from_text() -> newsclean.Article:
    return newsclean.parse(PAGE.read_text(encoding="utf-8"))


def test_a_path_is_read_as_the_file(from_text: newsclean.Article) -> None:
    assert newsclean.parse(PAGE) == from_text
    assert newsclean.parse(DUMP) == newsclean.parse(DUMP.read_bytes())


def test_a_gzipped_path_is_read_uncompressed(tmp_path: Path) -> None:
    packed = tmp_path / "seed.txt.gz"
    packed.write_bytes(gzip.compress(DUMP.read_bytes()))
    assert newsclean.parse(packed) == newsclean.parse(DUMP.read_bytes())


def test_a_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(newsclean.InputError, match="no such file: .*gone.txt"):
        newsclean.parse(tmp_path / "gone.txt")


def test_a_one_line_str_stays_text_not_a_file_name() -> None:
    # The documented rule: a str is the page itself. A file name as text is too short to be an article.
    with pytest.raises(newsclean.NotAnArticle):
        newsclean.parse(str(DUMP))


def test_a_whole_soup_gives_the_same_article(from_text: newsclean.Article) -> None:
    soup = bs4.BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser")
    assert newsclean.parse(soup) == from_text


def test_a_selected_soup_tag_keeps_the_head_metadata(from_text: newsclean.Article) -> None:
    soup = bs4.BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser")
    story = soup.select_one("div.detail__body-text")
    assert story is not None
    article = newsclean.parse(story)
    assert article.body == from_text.body
    # Outside the selected div, only the <head> says these:
    assert article.title == "Pemprov DKI Uji Coba Pompa Mobile di 12 Titik Rawan Genangan"
    assert article.published_at is not None and article.published_at.isoformat() == "2025-02-12T14:32:00+07:00"
    assert article.url is not None and article.url.endswith("/pemprov-dki-uji-coba-pompa-mobile-di-12-titik-rawan-genangan")


def test_an_lxml_document_element_or_tree_gives_the_same_article(from_text: newsclean.Article) -> None:
    root = lxml.html.fromstring(PAGE.read_bytes())
    assert newsclean.parse(root) == from_text
    assert newsclean.parse(root.getroottree()) == from_text


def test_a_selected_lxml_element_keeps_the_head_metadata(from_text: newsclean.Article) -> None:
    root = lxml.html.fromstring(PAGE.read_bytes())
    (story,) = root.xpath("//div[contains(@class, 'detail__body-text')]")
    article = newsclean.parse(story)
    assert article.body == from_text.body
    assert article.title == from_text.title and article.published_at == from_text.published_at


def test_other_objects_are_refused_with_their_type_named() -> None:
    with pytest.raises(newsclean.InputError, match="not int"):
        newsclean.parse(42)
    comment = lxml.html.fromstring("<div><!-- note --><p>x</p></div>")[0]
    with pytest.raises(newsclean.InputError, match="lxml element"):
        newsclean.parse(comment)
