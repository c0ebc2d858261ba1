"""Hostile HTML (issue #13): inputs that once took minutes, lost the page, or blamed the wrong cause.

Each input is built here; every test checks the article that comes out, not the time it took (the
timings live in benchmarks/bench_hostile.py).
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.errors import InputError, InputTooLarge
from newsclean.html import html_to_document

PARAS = [
    f"Pemerintah daerah {k} menyatakan bahwa program tersebut akan dilanjutkan pada tahun depan, "
    "meskipun anggaran yang tersedia masih terbatas dan belum disetujui dewan."
    for k in range(1, 12)
]
TITLE = "Program Daerah Dilanjutkan Tahun Depan Meski Anggaran Terbatas"


def _article(inside: str = "", before: str = "", paras: list[str] = PARAS[:6]) -> str:
    text = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>{TITLE}</title></head><body>{before}<h1>{TITLE}</h1>"
        f"<div class='article-content'>{text}{inside}</div></body></html>"
    )


def test_thousands_of_baca_juga_markers_in_the_text() -> None:
    # 71 s before: each marker recounted every link of the wrapper it climbed to.
    page = _article(inside="<div>" + "<b>Baca juga</b><a href='/x'>x</a>" * 6000 + "</div>")
    assert newsclean.parse(page).body == PARAS[:6]


def test_baca_juga_then_forty_thousand_line_breaks() -> None:
    # 24 s before: the links after the marker were recounted at every <br>.
    page = _article(inside="<p>Baca juga</p>" + "<br>" * 40_000)
    assert newsclean.parse(page).body == PARAS[:6]


def test_table_row_of_forty_thousand_cells() -> None:
    # 8.9 s before: every cell joined the row so far to see whether it was blank.
    html = html_to_document(_article(inside="<table><tr>" + "<td>x</td>" * 40_000 + "</tr></table>"))
    row = [ln.text for ln in html.lines if ln.text.startswith("x |")]
    assert row == [" | ".join(["x"] * 40_000)]


@pytest.mark.parametrize("tag", ["span", "div", "font"])
def test_three_hundred_unclosed_wrappers_before_the_article(tag: str) -> None:
    # libxml2 stops at 256 levels by default and dropped everything after: "no visible text".
    page = _article(before=f"<{tag}>" * 300)
    article = newsclean.parse(page)
    assert article.title == TITLE
    assert article.body == PARAS[:6]


def test_nesting_beyond_the_parser_limit_keeps_the_text() -> None:
    # Past 2,048 levels even huge_tree stops; the page is read again without its wrapper tags.
    article = newsclean.parse(_article(before="<div><span>" * 3000))
    assert article.body == PARAS[:6]


def test_lone_surrogate_does_not_cut_the_page() -> None:
    broken = [*PARAS]
    broken[2] = broken[2].replace("program", "pro\ud800gram")
    article = newsclean.parse(_article(paras=broken))
    assert len(article.body) == 11
    assert article.body[2] == PARAS[2].replace("program", "pro\ufffdgram")
    assert article.body[10] == PARAS[10]


def test_page_of_tiny_elements_over_the_element_limit_is_refused_early() -> None:
    page = _article(inside="<span>x</span>" * 5_000)
    with pytest.raises(InputTooLarge) as caught:
        html_to_document(page, max_elements=1_000)
    assert caught.value.limit == 1_000 and caught.value.size > 5_000
    assert len(html_to_document(page, max_elements=10_000).lines) > 0
    # parse() allows one element per 50 characters of its max_chars
    with pytest.raises(InputTooLarge):
        newsclean.parse(page, max_chars=len(page) * 2)
    assert newsclean.parse(page).body[:6] == PARAS[:6]


def test_rendering_stops_at_the_line_limit() -> None:
    page = _article(inside="<div>Baris pendek</div>" * 3_000)
    with pytest.raises(InputTooLarge) as caught:
        html_to_document(page, max_lines=2_000)
    assert caught.value.unit == "lines"
    with pytest.raises(InputTooLarge):
        newsclean.parse(page, max_lines=2_000)


def test_absurdly_nested_json_ld_never_costs_the_article() -> None:
    # 10 KB of JSON-LD nested 5,000 deep made json.loads recurse out: the page was rejected as
    # "nested too deeply" although its HTML was fine.
    deep = '{"a":' * 5_000 + "1" + "}" * 5_000
    authors = "[" * 900 + '"Rina Wulandari"' + "]" * 900
    head = (
        f"<script type='application/ld+json'>{deep}</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul", '
        f'"author": {authors}}}</script>'
    )
    article = newsclean.parse(_article().replace("<head>", "<head>" + head))
    assert article.title == TITLE
    assert article.body == PARAS[:6]


def test_thousands_of_tag_blocks_on_one_line() -> None:
    # Each tag-named block asked XPath whether an <h1> preceded it: quadratic on one-line pages.
    page = _article(inside="").replace("</body>", "<div class='tags'><a href='/t'>banjir</a></div>" * 20_000 + "</body>")
    article = newsclean.parse(page)
    assert article.body == PARAS[:6]
    assert article.tags == ["banjir"]


def test_paragraph_longer_than_the_line_limit_comes_back_whole() -> None:
    # Lines over 20,000 characters were cut mid-word; the renderer keeps the paragraph and the text
    # steps read it in pieces that the body joins again.
    long_para = "Paragraf panjang ini menyatakan bahwa " + " ".join(f"kata{k}" for k in range(4_000)) + " dan selesai."
    assert len(long_para) > 30_000
    article = newsclean.parse(_article(paras=[*PARAS[:4], long_para, *PARAS[4:8]]))
    assert article.body == [*PARAS[:4], long_para, *PARAS[4:8]]


def test_nesting_that_cannot_be_read_is_blamed_on_the_nesting() -> None:
    # Elements that are not wrappers (here <canvas>) nested past libxml2's limit even after the
    # wrappers are dropped: the error names the nesting, not "no visible text".
    with pytest.raises(InputError, match="levels deep"):
        newsclean.parse("<html><body>" + "<canvas>" * 3_000 + "<p>Teks</p>")
