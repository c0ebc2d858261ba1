"""Tests for newsclean.html: HTML → rendered lines and metadata hints."""

from __future__ import annotations

import json

import pytest

from newsclean.errors import InputError
from newsclean.html import HtmlDocument, html_to_document

PARA1 = "Pemerintah Kota Sukamaju meresmikan jembatan baru yang menghubungkan dua kecamatan pada Senin pagi."
PARA2 = "Wali kota mengatakan jembatan itu dibangun selama delapan bulan dengan dana daerah sebesar Rp 12 miliar."
PARA3 = "Warga berharap jembatan tersebut mempercepat distribusi hasil panen ke pasar induk di pusat kota."

ARTICLE = f"""<!DOCTYPE html>
<html lang="id">
<head>
  <title>Jembatan Baru Diresmikan | Warta Sukamaju</title>
  <meta property="og:title" content="Jembatan Baru Sukamaju Diresmikan">
  <meta property="og:site_name" content="Warta Sukamaju">
  <meta property="og:url" content="https://warta.example.id/berita/123/jembatan-baru">
  <meta property="article:published_time" content="2024-03-04T09:15:00+07:00">
  <meta name="description" content="Jembatan baru menghubungkan dua kecamatan.">
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@graph": [
     {{"@type": "WebSite", "name": "Warta Sukamaju"}},
     {{"@type": "NewsArticle", "headline": "Jembatan Baru Sukamaju Diresmikan",
       "datePublished": "2024-03-04T09:15:00+07:00", "dateModified": "2024-03-04T10:00:00+07:00",
       "author": [{{"@type": "Person", "name": "Rina Wulandari"}}, "Agus Setiawan"],
       "articleSection": ["Daerah"],
       "image": {{"@type": "ImageObject", "url": "/a.jpg", "caption": "Jembatan dilihat dari udara."}}}}
  ]}}
  </script>
  <style>.x {{ color: red }}</style>
</head>
<body>
  <nav class="menu"><ul><li><a href="/">Beranda</a></li><li><a href="/daerah">Daerah</a></li></ul></nav>
  <div class="breadcrumb">Home / Daerah</div>
  <h1 class="title">Jembatan Baru Sukamaju Diresmikan</h1>
  <div class="date">Senin, 4 Maret 2024 09:15 WIB</div>
  <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
  <figure><img src="/a.jpg"><figcaption>Jembatan dilihat dari udara. (Foto: Dok. Warga)</figcaption></figure>
  <div class="detail_text" itemprop="articleBody">
    <p>{PARA1}</p>
    <div class="ads iklan-tengah">ADVERTISEMENT</div>
    <p>{PARA2}</p>
    <div class="baca-juga"><strong>Baca juga:</strong>
      <ul><li><a href="/berita/120/pasar-induk">Pasar Induk Sukamaju Direnovasi</a></li>
          <li><a href="https://lain.example.id/x">Harga Gabah Naik</a></li></ul></div>
    <p>{PARA3}</p>
    <script>var x = "<p>bukan teks</p>";</script>
    <p style="display:none">Teks tersembunyi</p>
    <p hidden>Juga tersembunyi</p>
  </div>
  <!-- komentar HTML -->
  <div class="related-posts"><h3>Berita Terkait</h3><ul><li><a href="/z">Judul lain yang panjang sekali</a></li></ul></div>
  <footer>Copyright 2024 Warta Sukamaju</footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def doc() -> HtmlDocument:
    return html_to_document(ARTICLE)


def _texts(doc: HtmlDocument) -> list[str]:
    return [ln.text for ln in doc.lines]


def test_body_paragraphs_are_lines_in_content(doc: HtmlDocument) -> None:
    content = [ln.text for ln in doc.lines if ln.in_content]
    assert [t for t in content if not t.startswith("Baca juga")] == [PARA1, PARA2, PARA3]
    assert all(ln.tag == "p" for ln in doc.lines if ln.text in (PARA1, PARA2, PARA3))


def test_header_lines_are_kept_outside_content(doc: HtmlDocument) -> None:
    by_text = {ln.text: ln for ln in doc.lines}
    assert by_text["Jembatan Baru Sukamaju Diresmikan"].tag == "h1"
    assert not by_text["Jembatan Baru Sukamaju Diresmikan"].in_content
    assert "Senin, 4 Maret 2024 09:15 WIB" in by_text
    texts = _texts(doc)
    assert texts.index("Senin, 4 Maret 2024 09:15 WIB") < texts.index(PARA1)


def test_invisible_and_widget_markup_is_dropped(doc: HtmlDocument) -> None:
    joined = "\n".join(_texts(doc))
    for gone in ("Beranda", "Facebook", "ADVERTISEMENT", "bukan teks", "tersembunyi", "color: red",
                 "komentar HTML", "Judul lain yang panjang", "Copyright"):
        assert gone not in joined, gone


def test_captions_are_not_lines(doc: HtmlDocument) -> None:
    assert not [ln for ln in doc.lines if ln.text.startswith("Jembatan dilihat")]


def test_photo_block_caption_and_credit_go_to_hints() -> None:
    page = (
        "<html><body><h1>Judul</h1><div class='pic_artikel'><img src='/f.jpg'><span>Gedung baru (ist)</span></div>"
        f"<div class='detail_text'><p>{PARA1}</p><p>{PARA2}</p></div></body></html>"
    )
    doc = html_to_document(page)
    assert (doc.hints.image_caption, doc.hints.image_credit) == ("Gedung baru", "ist")
    assert [ln.text for ln in doc.lines] == ["Judul", PARA1, PARA2]


def test_credit_child_is_split_from_caption() -> None:
    page = (
        "<html><body><div class='photo'><img src='/f.jpg'><span class='author'>WARTA/ANI</span> Warga antre air.</div>"
        f"<div class='read__content'><p>{PARA1}</p></div></body></html>"
    )
    h = html_to_document(page).hints
    assert (h.image_caption, h.image_credit) == ("Warga antre air.", "WARTA/ANI")


def test_related_box_becomes_baca_juga_lines_with_urls(doc: HtmlDocument) -> None:
    rel = [ln.text for ln in doc.lines if ln.text.startswith("Baca juga")]
    assert rel == ["Baca juga: Pasar Induk Sukamaju Direnovasi", "Baca juga: Harga Gabah Naik"]
    assert doc.hints.link_urls == {
        "Pasar Induk Sukamaju Direnovasi": "https://warta.example.id/berita/120/pasar-induk",
        "Harga Gabah Naik": "https://lain.example.id/x",
    }
    texts = _texts(doc)
    assert texts.index(PARA2) < texts.index(rel[0]) < texts.index(PARA3)


def test_hints_from_meta_and_jsonld(doc: HtmlDocument) -> None:
    h = doc.hints
    assert h.title == "Jembatan Baru Sukamaju Diresmikan"
    assert h.site_name == "Warta Sukamaju"
    assert h.url == "https://warta.example.id/berita/123/jembatan-baru"
    assert h.published == "2024-03-04T09:15:00+07:00"
    assert h.modified == "2024-03-04T10:00:00+07:00"
    assert h.authors == ["Rina Wulandari", "Agus Setiawan"]
    assert h.section == "Daerah"
    assert h.description == "Jembatan baru menghubungkan dua kecamatan."
    assert h.image_caption == "Jembatan dilihat dari udara."
    assert h.language == "id"


def test_title_tag_fallback_strips_site_suffix() -> None:
    page = (
        "<html><head><title>Harga Cabai Turun - Kabar Pasar</title>"
        '<meta property="og:site_name" content="Kabar Pasar"></head><body><p>x</p></body></html>'
    )
    assert html_to_document(page).hints.title == "Harga Cabai Turun"


def test_title_tag_without_brand_is_kept() -> None:
    page = "<html><head><title>Menkeu: Inflasi - Terkendali</title></head><body><p>x</p></body></html>"
    assert html_to_document(page).hints.title == "Menkeu: Inflasi - Terkendali"


def test_jsonld_list_and_plain_author_and_meta_pubdate() -> None:
    ld = json.dumps([{"@type": ["ReportageNews"], "headline": "Banjir Surut", "author": {"name": "Dedi"}}])
    page = (
        f'<html><head><meta name="pubdate" content="2015-11-05 T10:08:58Z">'
        f'<script type="application/ld+json">{ld}</script></head><body><p>a</p></body></html>'
    )
    h = html_to_document(page).hints
    assert h.title == "Banjir Surut" and h.authors == ["Dedi"] and h.published == "2015-11-05 T10:08:58Z"


def test_company_author_meta_is_not_an_author_and_og_title_suffix_goes() -> None:
    page = (
        "<html><head><meta name='author' content='Warta Cyber Media'><meta name='author' content='Sari Dewi'>"
        "<meta property='og:title' content='Harga Beras Naik - Warta.com Ekonomi'>"
        "<meta property='og:url' content='https://ekonomi.warta.com/a/1'></head><body><p>x</p></body></html>"
    )
    h = html_to_document(page).hints
    assert h.authors == ["Sari Dewi"]
    assert h.title == "Harga Beras Naik"


def test_broken_jsonld_is_ignored() -> None:
    page = '<html><head><script type="application/ld+json">{"headline": </script><title>T</title></head></html>'
    assert html_to_document(page).hints.title == "T"


def test_double_br_splits_paragraphs_and_single_br_breaks_line() -> None:
    page = (
        "<html><body><div class='txt-article'><p>Paragraf pertama yang cukup panjang untuk dihitung sebagai prosa."
        "<br /><br />Paragraf kedua  juga\ncukup panjang untuk dihitung sebagai prosa asli.<br>Baris tiga</p>"
        "</div></body></html>"
    )
    lines = html_to_document(page).lines
    assert [ln.text for ln in lines] == [
        "Paragraf pertama yang cukup panjang untuk dihitung sebagai prosa.",
        "Paragraf kedua juga cukup panjang untuk dihitung sebagai prosa asli.",
        "Baris tiga",
    ]
    assert all(ln.in_content for ln in lines)


def test_inline_markup_joins_without_extra_spaces() -> None:
    page = "<html><body><p>Kata <a href='/x'>Panglima</a> TNI, <b>harus</b>menjelaskan.</p></body></html>"
    assert [ln.text for ln in html_to_document(page).lines] == ["Kata Panglima TNI, harusmenjelaskan."]


def test_lists_tables_and_headings() -> None:
    page = (
        "<html><body><h2>Sub judul</h2><ul><li>Satu</li><li>Dua <i>miring</i></li></ul>"
        "<table><tr><th>Nama</th><th>Nilai</th></tr><tr><td>Ani</td><td>90</td></tr></table></body></html>"
    )
    lines = html_to_document(page).lines
    assert [(ln.text, ln.tag, ln.bullet) for ln in lines] == [
        ("Sub judul", "h2", False),
        ("Satu", "li", True),
        ("Dua miring", "li", True),
        ("Nama | Nilai", "tr", False),
        ("Ani | 90", "tr", False),
    ]


def test_link_lists_outside_the_text_are_dropped_but_bylines_stay() -> None:
    items = "".join(f"<li><span>Senin, 4/3/2024 0{i}:00 WIB</span><h5><a href='/b{i}'>Judul berita lain nomor {i} yang panjang</a></h5></li>" for i in range(3))
    page = (
        "<html><body><ul class='top'><li><a href='/x'>Koran</a> | </li><li><a href='/y'>TV</a></li></ul>"
        "<h1>Judul</h1><div class='penulis'>Penulis: <a href='/p/1'>Sari Dewi</a>, <a href='/p/2'>Budi Santoso</a></div>"
        f"<div class='read__content'><p>{PARA1}</p><p>{PARA2}</p></div><ul class='list'>{items}</ul></body></html>"
    )
    texts = [ln.text for ln in html_to_document(page).lines]
    assert texts == ["Judul", "Penulis: Sari Dewi, Budi Santoso", PARA1, PARA2]


def test_index_page_of_only_links_still_renders() -> None:
    items = "".join(f"<li><a href='/b{i}'>Judul berita nomor {i} yang cukup panjang</a></li>" for i in range(6))
    lines = html_to_document(f"<html><body><ul>{items}</ul></body></html>").lines
    assert len(lines) == 6 and lines[0].bullet


def test_label_value_table_reads_like_text() -> None:
    page = "<html><body><table><tr><td>Penulis</td><td>:</td><td>Sari Dewi</td></tr></table></body></html>"
    assert [ln.text for ln in html_to_document(page).lines] == ["Penulis : Sari Dewi"]


def test_inline_photo_caption_block_is_not_content() -> None:
    page = (
        f"<html><body><div class='article-content'><p>{PARA1}</p>"
        "<div><em>Para tamu berdiri memberi tepuk tangan. Foto: Dok. Panitia</em></div>"
        f"<p>{PARA2}</p></div></body></html>"
    )
    assert [ln.text for ln in html_to_document(page).lines] == [PARA1, PARA2]


def test_related_list_inside_content_without_marker_is_dropped() -> None:
    page = (
        f"<html><body><div class='read__content'><div class='box-terkait'><h4>Berita Terkait</h4>"
        "<ul><li><a href='/1'>Judul terkait satu</a></li></ul></div>"
        f"<p>{PARA1}</p><p>Baca Juga</p><div class='daftar'><ul><li><a href='/2'>Judul dua</a></li></ul></div>"
        f"<p>{PARA2}</p></div></body></html>"
    )
    doc = html_to_document(page)
    texts = [ln.text for ln in doc.lines]
    assert texts == [PARA1, "Baca juga: Judul dua", PARA2]
    assert doc.hints.link_urls == {"Judul dua": "/2"}


def test_density_fallback_finds_content_without_known_names() -> None:
    paras = "".join(f"<p>{p}</p>" for p in (PARA1, PARA2, PARA3))
    page = (
        "<html><body><div id='kol-kiri'><ul><li><a href='/a'>Tautan</a></li></ul></div>"
        f"<div id='xyz'>{paras}</div><div>Kaki halaman</div></body></html>"
    )
    lines = html_to_document(page).lines
    assert [ln.text for ln in lines if ln.in_content] == [PARA1, PARA2, PARA3]
    assert not [ln for ln in lines if ln.text == "Kaki halaman"][0].in_content


def test_content_nested_in_share_named_wrapper_survives() -> None:
    page = (
        "<html><body><div class='sosmedsticky author-and-share'><div class='ctn-desc'>"
        f"<p>{PARA1}</p><p>{PARA2}</p></div></div></body></html>"
    )
    assert [ln.text for ln in html_to_document(page).lines if ln.in_content] == [PARA1, PARA2]


def test_marker_heading_with_sibling_links_is_a_related_box() -> None:
    page = (
        f"<html><head><link rel='canonical' href='http://hiburan.example.id/a/b.html'></head><body>"
        f"<div id='isi' class='detail-news'><p>{PARA1}</p><p>{PARA2}</p>"
        "<h2>Jangan Lewatkan</h2><a href='/film/satu.html'>Film Satu Tayang</a><br />"
        "<a href='http://musik.example.id/dua.html'>Konser Dua Batal</a><br /><p>(abc/def)</p></div></body></html>"
    )
    doc = html_to_document(page)
    assert [(ln.text, ln.tag) for ln in doc.lines if ln.text.startswith("Baca juga")] == [
        ("Baca juga: Film Satu Tayang", "div"),
        ("Baca juga: Konser Dua Batal", "div"),
    ]
    assert doc.hints.link_urls["Film Satu Tayang"] == "http://hiburan.example.id/film/satu.html"
    assert [ln.text for ln in doc.lines][-1] == "(abc/def)"
    assert "Jangan Lewatkan" not in [ln.text for ln in doc.lines]


def test_baca_juga_outside_content_is_not_a_related_box() -> None:
    page = (
        f"<html><body><div class='side-box'><b>Baca Juga</b><a href='/q'>Judul Samping</a></div>"
        f"<div class='article-content'><p>{PARA1}</p><p>{PARA2}</p></div></body></html>"
    )
    doc = html_to_document(page)
    assert doc.hints.link_urls == {}
    assert not any(ln.text.startswith("Baca juga:") for ln in doc.lines)


def test_baca_juga_inside_a_long_paragraph_is_plain_text() -> None:
    long_p = f"{PARA1} Baca juga laporan kami sebelumnya tentang <a href='/r'>pasar</a>. {PARA2}"
    page = f"<html><body><div class='entry-content'><p>{long_p}</p><p>{PARA3}</p></div></body></html>"
    doc = html_to_document(page)
    assert doc.hints.link_urls == {}
    assert any(PARA1 in ln.text and PARA2 in ln.text for ln in doc.lines)


def test_xml_declaration_and_fragment() -> None:
    doc = html_to_document('<?xml version="1.0" encoding="utf-8"?><p>Halo dunia</p>')
    assert [ln.text for ln in doc.lines] == ["Halo dunia"]


def test_empty_markup_raises() -> None:
    with pytest.raises(InputError):
        html_to_document("   ")
    with pytest.raises(InputError):
        html_to_document(b"<p>x</p>")  # type: ignore[arg-type]


def test_hostile_inputs_give_lines_or_a_typed_error() -> None:
    # How long they take is measured in benchmarks/bench_hostile.py, not asserted here.
    for markup in ("<" * 100_000, "<div>" * 50_000 + "dalam", "<p>" + "<b>x" * 50_000, "<table>" * 20_000):
        try:
            doc = html_to_document(markup)
        except InputError:
            continue
        assert isinstance(doc.lines, list)
    doc = html_to_document("<div>" * 50_000 + "dalam")
    assert [ln.text for ln in doc.lines] == ["dalam"]


def test_a_megabyte_page_renders_every_block() -> None:
    para = f"<div class='blok'><p>{PARA1} <a href='/x'>tautan</a> {PARA2}</p><span>{PARA3}</span></div>"
    copies = 1_000_000 // len(para)
    doc = html_to_document("<html><body>" + para * copies + "</body></html>")
    assert len(doc.lines) > 1000
    assert sum(1 for ln in doc.lines if ln.text.startswith(PARA1[:40])) > 1000


def test_real_pages_render_gold_paragraphs() -> None:
    from conftest import shared_path

    root = shared_path("corpus", "html")
    hits = total = 0
    for gold_path in sorted(root.glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("body"):
            continue
        lines = {ln.text for ln in html_to_document(gold_path.with_suffix(".html").read_text("utf-8")).lines}
        for para in gold["body"]:
            total += 1
            hits += para in lines
    assert total > 50
    assert hits / total >= 0.9


def test_page_wrapped_in_a_form_still_renders() -> None:
    # ASP.NET pages wrap the whole body in one <form>; it holds the article, so it is not chrome.
    page = (
        "<html><body><form id='aspnetForm'><div class='menu'><a href='/'>Home</a></div>"
        f"<div class='main-article-body'><p>{PARA1}</p><p>{PARA2}</p></div>"
        "<form class='search'><input name='q'><label>Cari di situs ini</label></form></form></body></html>"
    )
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines if ln.in_content] == [PARA1, PARA2]
    assert not any("Cari" in ln.text for ln in doc.lines)


def test_comment_thread_is_not_the_container() -> None:
    comment = "Saya setuju sekali dengan tulisan ini, semoga pemerintah daerah lain juga meniru langkah tersebut."
    # One long reply holds more paragraph text than the article itself.
    thread = "".join(
        f"<li class='comment'><div class='comment-body'>{f'<p>{comment}</p>' * k}</div></li>" for k in (2, 5)
    )
    page = (
        f"<html><body><div class='post'><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p></div>"
        f"<ol class='commentlist'>{thread}</ol></body></html>"
    )
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines if ln.in_content] == [PARA1, PARA2, PARA3]


def test_text_split_over_same_class_containers_in_separate_rows() -> None:
    # WIRED-style grids: the text continues in a second "article__body" after an ad rail, in another row.
    def row(*paras: str) -> str:
        body = "".join(f"<p>{p}</p>" for p in paras)
        return f"<div class='grid'><div class='body article__body'>{body}</div><div class='ad-rail'>Iklan</div></div>"

    page = f"<html><body><main>{row(PARA1, PARA2)}{row(PARA3, PARA1, PARA2)}</main></body></html>"
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines if ln.in_content] == [PARA1, PARA2, PARA3, PARA1, PARA2]


def test_caption_names_glued_to_another_word_are_captions() -> None:
    page = (
        f"<html><body><div class='article-content'><p>{PARA1}</p>"
        "<div class='photo'><span class='newsCaption'>Jembatan dilihat dari udara pada Senin pagi</span></div>"
        f"<p>{PARA2}</p></div></body></html>"
    )
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines] == [PARA1, PARA2]
    assert doc.hints.image_caption == "Jembatan dilihat dari udara pada Senin pagi"


def test_list_of_post_cards_does_not_outweigh_the_post() -> None:
    teaser = "Cerita singkat dari pos lain yang muncul sebagai kartu rekomendasi di bawah tulisan utama ini."
    cards = "".join(f"<article class='post card'><p>{teaser}</p></article>" for _ in range(8))
    page = (
        f"<html><body><article class='post'><h1>Judul</h1><p>{PARA1} {PARA2}</p><p>{PARA3}</p></article>"
        f"<article class='post more'><h3>Anda mungkin suka</h3>{cards}</article></body></html>"
    )
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines if ln.in_content] == ["Judul", f"{PARA1} {PARA2}", PARA3]


def test_text_straight_in_a_div_after_an_image_finds_the_container() -> None:
    links = "".join(f"<li><a href='/k{i}'>Kategori {i}</a></li>" for i in range(8))
    page = (
        f"<html><body><div class='row'><div class='col-3'><ul>{links}</ul></div>"
        f"<div class='col-9'><p class='titulo'>Jembatan Baru Diresmikan</p><br><br><img src='/a.jpg'>{PARA1} {PARA2}"
        f"<br><br>{PARA3}<br><div class='well'><a href='/'>Kembali</a></div></div></div>"
        "<div class='footer-info'>Jalan Merdeka 1, Sukamaju - Telepon 0271 123456 - Surel redaksi@warta.example.id</div>"
        "</body></html>"
    )
    doc = html_to_document(page)
    assert [ln.text for ln in doc.lines if ln.in_content][1:3] == [f"{PARA1} {PARA2}", PARA3]
    assert not any(ln.in_content for ln in doc.lines if ln.text.startswith("Jalan Merdeka"))


def test_placeholder_author_is_not_a_name() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul",'
        ' "author": [{"@type": "Person", "name": "-"}, {"@type": "Person", "name": "Rina Wulandari"}]}</script>'
        f"</head><body><p>{PARA1}</p></body></html>"
    )
    assert html_to_document(page).hints.authors == ["Rina Wulandari"]


def test_every_form_of_a_content_name_passes_the_word_pretest() -> None:
    import re

    from newsclean.html.scan import _CONTENT_NAMES, _is_content_name

    forms = _CONTENT_NAMES.pattern.split("|")
    assert len(forms) > 30
    for form in forms:
        for sep in ("", "-", "_"):
            name = re.sub(r"\[_-\](?:\?|\{0,2\})", sep, form)
            assert _is_content_name.__wrapped__(f"col-md-8 {name} clearfix"), name
    assert not _is_content_name.__wrapped__("row col-md-8 clearfix")
    # A name that holds a word but no form of it, and one that holds two words
    assert not _is_content_name.__wrapped__("main-nav read-more gallery")
    assert _is_content_name.__wrapped__("detail read__content")


def test_the_content_name_test_answers_as_the_whole_pattern_does() -> None:
    from newsclean.html.scan import _CONTENT_NAMES, _FORMS_BY_WORD, _is_content_name

    assert all(forms.pattern for _, forms in _FORMS_BY_WORD)  # (an empty pattern would match any name)
    names = [
        "post-content", "main-content", "content-main", "readmore", "read--content", "kcm-read_text", "detail",
        "berita-terkait", "isi_berita", "galeri", "text-gal", "desc", "ctn-desc", "artikel", "articles-list",
        "entry content", "bodytext", "body", "detail__news", "news-detail-wrap", "mainbar", "story-body",
    ]
    for name in names:
        assert _is_content_name.__wrapped__(name) is (_CONTENT_NAMES.search(name) is not None), name
