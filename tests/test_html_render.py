"""Tests for newsclean.html's render pass on page shapes seen on real sites (invented text)."""

from __future__ import annotations

from newsclean.html import HtmlDocument, html_to_document

PARA1 = "Pemerintah Kota Sukamaju meresmikan jembatan baru yang menghubungkan dua kecamatan pada Senin pagi."
PARA2 = "Wali kota mengatakan jembatan itu dibangun selama delapan bulan dengan dana daerah sebesar Rp 12 miliar."
PARA3 = "Warga berharap jembatan tersebut mempercepat distribusi hasil panen ke pasar induk di pusat kota."


def _page(content: str, outside: str = "") -> str:
    return f"<html><body><h1>Jembatan Baru</h1>{outside}<div class='read__content'>{content}</div></body></html>"


def _content(doc: HtmlDocument) -> list[str]:
    return [ln.text for ln in doc.lines if ln.in_content]


def test_inline_link_named_like_a_widget_stays_in_its_sentence() -> None:
    # Tag pages linked from the text carry class words like "inner-link-tag": the words stay.
    page = _page(
        f"<p>{PARA1}</p>"
        "<p>Menteri Perhubungan (<a class='inner-link-tag' href='/tag/menhub'>Menhub</a>) menyebut harga "
        "<a class='inner-link-tag' href='/tag/tiket'>tiket pesawat</a> masih mahal karena "
        "<a class='inner-link-tag' href='/tag/avtur'>avtur</a>.</p>"
    )
    assert _content(html_to_document(page)) == [
        PARA1,
        "Menteri Perhubungan (Menhub) menyebut harga tiket pesawat masih mahal karena avtur.",
    ]


def test_bar_of_widget_links_is_still_dropped() -> None:
    page = _page(
        f"<p>{PARA1}</p><div>Tags: <a class='tag'>Jembatan</a>, <a class='tag'>Sukamaju</a></div>"
        "<p><a class='share-fb'>Facebook</a> | <a class='share-wa'>WhatsApp</a></p>"
    )
    assert _content(html_to_document(page)) == [PARA1, "Tags: ,", "|"]  # the links go, their separators stay


def test_hidden_or_related_named_wrapper_keeps_its_baca_juga_links() -> None:
    page = _page(
        f"<p>{PARA1}</p>"
        "<span class='read__bacajuga' style='display:none'><strong>Baca juga: "
        "<a href='/read/1'>Pasar Induk Direnovasi Tahun Ini</a></strong></span>"
        f"<p>{PARA2}</p>"
        "<p class='related-news'><strong>Baca juga :&nbsp;<a href='/read/2'>Harga Gabah Kembali Naik</a></strong></p>"
        f"<p>{PARA3}</p>"
    )
    doc = html_to_document(page)
    assert _content(doc) == [
        PARA1,
        "Baca juga: Pasar Induk Direnovasi Tahun Ini",
        PARA2,
        "Baca juga: Harga Gabah Kembali Naik",
        PARA3,
    ]
    assert doc.hints.link_urls == {"Pasar Induk Direnovasi Tahun Ini": "/read/1", "Harga Gabah Kembali Naik": "/read/2"}


def test_bare_baca_with_colon_marks_a_related_link() -> None:
    page = _page(
        f"<p>{PARA1}</p><p class='baca'><strong>Baca: <a href='/read/3'>Jawaban Soal Kelas 4, Senin 4 Mei</a>"
        f"</strong></p><p>{PARA2} Baca selengkapnya di laman resmi pemerintah kota.</p>"
    )
    assert _content(html_to_document(page)) == [
        PARA1,
        "Baca juga: Jawaban Soal Kelas 4, Senin 4 Mei",
        f"{PARA2} Baca selengkapnya di laman resmi pemerintah kota.",
    ]


CAPTIONS = [
    "Wali kota menggunting pita peresmian jembatan di sisi timur sungai pada Senin pagi.",
    "Warga berjalan kaki melintasi jembatan baru yang menghubungkan dua kecamatan di Sukamaju.",
    "Truk pengangkut hasil panen mulai melintas setelah jembatan dibuka untuk umum pada siang hari.",
    "Anak-anak sekolah melihat sungai dari pagar jembatan yang dibangun selama delapan bulan itu.",
]


def _slide(k: int, caption: str, cloned: bool = False) -> str:
    state = "aria-hidden='false' style='opacity: 1'" if k == 0 else "aria-hidden='true' style='opacity: 0'"
    clone = " slick-cloned" if cloned else ""
    return (
        f"<figure class='detail__media-image slick-slide{clone}' {state}><div class='ratiobox'><img src='/{k}.jpg'>"
        f"</div><figcaption>{caption}</figcaption></figure>"
    )


def test_photo_story_slider_captions_are_the_text() -> None:
    slides = "".join(_slide(k, c) for k, c in enumerate(CAPTIONS)) + _slide(9, CAPTIONS[0], cloned=True)
    page = (
        "<html><body><article class='detail'><h1>Jembatan Baru</h1>"
        f"<div class='detail__body-text'><p>Sukamaju - {PARA1}</p></div>"
        f"<div class='detail__media'><div class='slick-list'><div class='slick-track'>{slides}</div></div></div>"
        "</article></body></html>"
    )
    doc = html_to_document(page)
    assert _content(doc) == [f"Sukamaju - {PARA1}", *CAPTIONS]
    assert doc.hints.image_caption is None


def test_gallery_beside_a_long_article_keeps_captions_out_of_the_text() -> None:
    figures = "".join(_slide(0, c) for c in CAPTIONS[:3])
    page = (
        "<html><body><article class='detail'><h1>Jembatan Baru</h1>"
        f"<div class='detail__body-text'><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p><p>{PARA1} {PARA2}</p></div>"
        f"<div class='gallery'>{figures}</div></article></body></html>"
    )
    doc = html_to_document(page)
    assert _content(doc) == [PARA1, PARA2, PARA3, f"{PARA1} {PARA2}"]
    assert doc.hints.image_caption == CAPTIONS[0]


def test_two_time_stamps_side_by_side_do_not_glue() -> None:
    page = _page(
        f"<p>{PARA1}</p><p>{PARA2}</p>",
        outside=(
            "<p class='datetime'><time><span>Diperbarui </span>13 Mei 2024, 18:13 WIB<i></i></time>"
            "<time><span>Diterbitkan </span>13 Mei 2024, 13:00 WIB</time></p>"
        ),
    )
    lines = [ln.text for ln in html_to_document(page).lines]
    assert "Diperbarui 13 Mei 2024, 18:13 WIB Diterbitkan 13 Mei 2024, 13:00 WIB" in lines


def test_sub_heading_shaped_like_a_dateline_stays_in_the_body() -> None:
    import newsclean

    page = (
        "<html><body><h1>Jembatan Baru Sukamaju Diresmikan Wali Kota</h1>"
        "<p class='date'>Senin, 4 Maret 2024 09:15 WIB</p><div class='article-content-body'>"
        f"<p>{PARA1}</p><p>{PARA2}</p><h2>Terima Kasih, Tapi...</h2><p>{PARA3}</p><p>{PARA2} {PARA1}</p>"
        "</div></body></html>"
    )
    assert newsclean.parse(page).body == [PARA1, PARA2, "Terima Kasih, Tapi...", PARA3, f"{PARA2} {PARA1}"]


def test_closing_baca_juga_widget_is_not_a_related_link_but_a_closing_line_is() -> None:
    closing_widget = (
        "<div class='baca-juga'><p class='baca-juga__header'>Baca Juga</p><ul>"
        "<li><a href='/a'><h3>Potret Lain Yang Tidak Disebut Dalam Teks</h3></a></li>"
        "<li><a href='/b'><h3>Berita Lain Yang Juga Tidak Disebut</h3></a></li></ul></div>"
    )
    closing_line = "<div class='lihatjg'><strong>Baca juga: </strong><a href='/c'>Harga Gabah Naik Lagi</a></div>"
    inline = "<p class='baca'><strong>Baca juga: <a href='/d'>Pasar Induk Direnovasi</a></strong></p>"
    doc = html_to_document(_page(f"<p>{PARA1}</p>{inline}<p>{PARA2}</p>{closing_line}{closing_widget}"))
    assert _content(doc) == [PARA1, "Baca juga: Pasar Induk Direnovasi", PARA2, "Baca juga: Harga Gabah Naik Lagi"]


def test_load_more_pager_is_not_text() -> None:
    page = _page(
        f"<p>{PARA1}</p><p>{PARA2}</p>"
        "<div class='article-content-body__item-loadmore'>Selanjutnya: 1. Potret berikutnya dari acara itu</div>"
    )
    assert _content(html_to_document(page)) == [PARA1, PARA2]


def test_metadata_author_who_is_the_pages_editor_is_not_an_author() -> None:
    import newsclean

    page = (
        "<html><head><meta name='author' content='Rina Wulandari'></head><body>"
        "<h1>Jembatan Baru Sukamaju Diresmikan Wali Kota</h1>"
        "<p class='date'>Senin, 4 Maret 2024 09:15 WIB</p><p class='editor'>Editor: Rina Wulandari</p>"
        f"<div class='read__content'><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p></div></body></html>"
    )
    article = newsclean.parse(page)
    assert (article.authors, article.editors) == ([], ["Rina Wulandari"])
    assert newsclean.parse(page.replace("Editor: Rina Wulandari", "Editor: Agus Setiawan")).authors == ["Rina Wulandari"]


def _spans(text: str) -> str:
    """A paragraph as editors leave it: its words split over <span>s shorter than a sentence."""
    words = text.split()
    return "".join(f"<span style='font-family: arial;'>{' '.join(words[k:k + 4])} </span>" for k in range(0, len(words), 4))


def _blog(body: str) -> str:
    # The post sits in Blogger's "widget Blog" wrapper, which is dropped as page furniture unless the
    # post's text is found inside it; the post body's class names nothing we know.
    return (
        "<html><body><div class='widget Blog' id='Blog1'><h3 class='post-title'>Jembatan Baru</h3>"
        f"<div class='isi-post'>{body}</div></div>"
        "<div class='widget PopularPosts'><ul><li><a href='/a'>Judul lain</a></li></ul></div></body></html>"
    )


def test_div_paragraphs_split_into_spans_are_found() -> None:
    body = "".join(f"<div style='text-align: justify;'>{_spans(p)}</div><div><br /></div>" for p in (PARA1, PARA2, PARA3))
    assert _content(html_to_document(_blog(body))) == [PARA1, PARA2, PARA3]


def test_br_separated_paragraphs_in_spans_are_found() -> None:
    body = "<div dir='ltr'>" + "<br /><br />".join(f"<span>{p}</span>" for p in (PARA1, PARA2, PARA3)) + "</div>"
    assert _content(html_to_document(_blog(body))) == [PARA1, PARA2, PARA3]


def test_teaser_cards_do_not_count_as_paragraphs() -> None:
    cards = "".join(f"<div class='card'><div class='title'><a href='/{k}'>{p}</a></div></div>" for k, p in enumerate((PARA2, PARA3) * 3))
    page = f"<html><body><div class='latest'>{cards}</div><div class='story'><p>{PARA1}</p><p>{PARA2} {PARA3}</p></div></body></html>"
    assert _content(html_to_document(page)) == [PARA1, f"{PARA2} {PARA3}"]


def test_hard_wrapped_lines_join_into_their_paragraph() -> None:
    wrapped = "Menurut Rahmat, nelayan sempat membeli solar eceran di<br />warung dengan harga jauh lebih mahal.<br />"
    body = f"<p>{PARA1}<br />{wrapped}Baca juga di laman resmi desa.<br /><br />{PARA2}<br />http://contoh.id/x</p>"
    assert _content(html_to_document(_page(body))) == [
        PARA1,
        "Menurut Rahmat, nelayan sempat membeli solar eceran di warung dengan harga jauh lebih mahal.",
        "Baca juga di laman resmi desa.",
        PARA2,
        "http://contoh.id/x",
    ]


def test_hidden_later_pages_of_the_text_are_shown_once() -> None:
    page2 = f"<p>{PARA2}</p><p>{PARA3}</p>"
    body = (
        f"<div class='page'><p>{PARA1}</p></div>"
        f"<div class='page' style='display:none'>{page2}</div>"
        f"<div class='page hidden'><p>{PARA1} {PARA3}</p></div>"
        f"<div class='mobile d-none'><p>{PARA1}</p>{page2}</div>"  # a copy for small screens
        "<div style='display:none'>Muat komentar</div>"
    )
    assert _content(html_to_document(_page(body))) == [PARA1, PARA2, PARA3, f"{PARA1} {PARA3}"]


def test_microdata_gives_date_and_author_but_not_commenters() -> None:
    page = (
        "<html><body><div class='post' itemscope itemtype='http://schema.org/BlogPosting'>"
        f"<h3>Jembatan Baru</h3><div class='post-body'><p>{PARA1}</p><p>{PARA2}</p></div>"
        "<span itemprop='author' itemscope><span itemprop='name'>Oleh : Asep Kurniawan dan Rina Wulandari</span></span>"
        "<abbr class='published' itemprop='datePublished' title='2023-08-15T09:30:00+07:00'>09.30</abbr>"
        "<div class='comments'><div itemscope itemtype='http://schema.org/Comment'>"
        "<span itemprop='author'>Pembaca Setia</span></div></div></div></body></html>"
    )
    hints = html_to_document(page).hints
    assert hints.authors == ["Asep Kurniawan", "Rina Wulandari"]
    assert hints.published == "2023-08-15T09:30:00+07:00"


def test_promoted_links_in_the_text_are_not_text() -> None:
    promo_line = "<p><strong>Promosi</strong> <a href='/promo'>Paket Liburan Keluarga ke Kota Sungai, Diskon Hingga 30 Persen</a></p>"
    promo_box = "<div class='promosi'><a href='/promo2'>Nikmati Menginap Dua Malam Gratis</a> di hotel pilihan.</div>"
    prose = "Promosi jabatan itu diberikan kepada tiga pejabat eselon yang dinilai berprestasi tahun ini."
    body = f"<p>{PARA1}</p>{promo_line}<p>{PARA2}</p>{promo_box}<p>{prose}</p>"
    assert _content(html_to_document(_page(body))) == [PARA1, PARA2, prose]
