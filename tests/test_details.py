"""New Article fields: lead image URL, description, tags and language (what trafilatura/newspaper4k users expect)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import newsclean
from newsclean.steps.language import declared_language, detect_language

ID_PARAGRAPHS = [
    "Pemerintah kota mulai memperbaiki jalan yang rusak di kawasan pasar setelah warga mengeluh selama "
    "berbulan-bulan karena genangan air yang tidak kunjung surut.",
    "Kepala dinas mengatakan bahwa pekerjaan itu akan selesai dalam dua pekan dan para pedagang tetap "
    "bisa berjualan seperti biasa selama perbaikan berlangsung.",
    "Warga berharap perbaikan tersebut juga mencakup saluran air di sekitar pasar agar banjir tidak "
    "datang lagi pada musim hujan tahun depan.",
]
EN_PARAGRAPHS = [
    "The city government has started repairing the damaged road near the market after residents "
    "complained for months about the water that never drained away.",
    "The head of the agency said that the work would be finished within two weeks and that traders "
    "could keep selling as usual while the repairs were under way.",
    "Residents hope the repairs will also cover the drains around the market so that floods do not "
    "return in the rainy season next year.",
]
MS_PARAGRAPHS = [
    "Kerajaan negeri telah memulakan kerja membaiki jalan yang rosak di kawasan pasar selepas penduduk "
    "mengadu selama berbulan-bulan kerana air bertakung yang tidak surut.",
    "Ketua jabatan berkata bahawa kerja itu akan siap dalam tempoh dua minggu dan peniaga boleh terus "
    "berniaga seperti biasa, iaitu tanpa gangguan sepanjang kerja pembaikan.",
    "Penduduk berharap pembaikan tersebut turut meliputi longkang di sekitar pasar supaya banjir tidak "
    "berulang pada musim hujan tahun hadapan dan wang rakyat tidak sahaja dibazirkan.",
]
JV_PARAGRAPHS = [
    "Pamarentah kutha wis miwiti ndandani dalan sing rusak ing sacedhake pasar sawise warga sambat "
    "pirang-pirang sasi amarga banyu sing ora tau asat.",
    "Kepala dhines ngendika menawa pagawean kuwi bakal rampung sajrone rong minggu lan para bakul isih "
    "bisa dodolan kaya biasane nalika dandanan lumaku.",
    "Warga ngarep-arep dandanan kuwi uga nyakup kalen ing sakubenge pasar supaya banjir ora teka maneh "
    "ing mangsa rendheng taun ngarep.",
]


def _page(paragraphs: list[str], *, head: str = "", lang: str = "id", before_title: str = "", after_body: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Jalan Pasar Diperbaiki</title>'
        f"{head}</head><body>{before_title}<article><h1>Jalan Pasar Diperbaiki</h1>"
        f'<div class="date">Senin, 3 Februari 2025 10:15 WIB</div><div class="content">{body}</div>'
        f"{after_body}</article></body></html>"
    )


# ---------------------------------------------------------------------------------------------------
# lead image URL, description, tags from a real-shaped page


def test_fixture_page_gives_image_url_description_and_shown_tags() -> None:
    article = newsclean.parse(FIXTURES / "detik.com" / "detik.com-html-news.html")
    assert article.lead_image is not None
    assert article.lead_image.url == (
        "https://akcdn.detik.net.id/community/media/visual/2025/02/12/pompa-mobile-cempaka-putih_169.jpeg"
    )
    assert article.description == (
        "Dinas Sumber Daya Air DKI Jakarta menyiagakan pompa mobile di 12 titik rawan genangan selama "
        "puncak musim hujan."
    )
    # The tag links under the story (its dtk:keywords metadata share 'banjir jakarta' with them).
    assert article.tags == ["banjir jakarta", "pompa mobile", "musim hujan"]
    assert article.language == "id"


def test_article_tag_metadata_one_meta_per_tag() -> None:
    head = '<meta property="article:tag" content="jalan rusak"><meta property="article:tag" content="Pasar Baru">'
    assert newsclean.parse(_page(ID_PARAGRAPHS, head=head)).tags == ["jalan rusak", "Pasar Baru"]


def test_keywords_are_split_and_site_wide_or_labelled_entries_dropped() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Jalan Pasar Diperbaiki", '
        '"keywords": ["News:", "Editor:Budi", "jalan rusak", "berita terkini", "Berita Hari Ini", "pasar"]}</script>'
    )
    assert newsclean.parse(_page(ID_PARAGRAPHS, head=head)).tags == ["jalan rusak", "pasar"]
    head = '<meta name="keywords" content="berita, jalan rusak; pasar , Jalan Rusak, portal indonesia">'
    assert newsclean.parse(_page(ID_PARAGRAPHS, head=head)).tags == ["jalan rusak", "pasar"]


def test_a_trending_bar_above_the_headline_is_not_the_story_tags() -> None:
    trending = '<ul class="trending-tags"><li><a href="/tag/a">Piala Dunia</a></li><li><a href="/tag/b">Harga Emas</a></li></ul>'
    shown = '<div class="tags">Tag: <a href="/tag/jalan">jalan rusak</a>, <a href="/tag/pasar">pasar</a></div>'
    article = newsclean.parse(_page(ID_PARAGRAPHS, before_title=trending, after_body=shown))
    assert article.tags == ["jalan rusak", "pasar"]


def test_a_shown_list_the_metadata_contradicts_loses_to_the_metadata() -> None:
    head = '<meta name="news_keywords" content="jalan rusak, dinas pekerjaan umum">'
    topics = '<div class="topik-populer"><a href="/t/1">Piala Dunia</a> <a href="/t/2">Harga Emas</a></div>'
    article = newsclean.parse(_page(ID_PARAGRAPHS, head=head, after_body=topics))
    assert article.tags == ["jalan rusak", "dinas pekerjaan umum"]


def test_a_prose_wrapper_with_a_tag_class_is_not_a_tag_list() -> None:
    # WordPress: <article class="post tag-jalan"> holds the whole story (and its links).
    html = _page(ID_PARAGRAPHS).replace("<article>", '<article class="post tag-jalan"><a href="/x">pasar</a>')
    assert newsclean.parse(html).tags == []


def test_description_that_repeats_the_headline_is_dropped() -> None:
    head = '<meta name="description" content="Jalan Pasar Diperbaiki">'
    assert newsclean.parse(_page(ID_PARAGRAPHS, head=head)).description is None
    head = '<meta property="og:description" content="Perbaikan selesai dalam dua pekan.">'
    assert newsclean.parse(_page(ID_PARAGRAPHS, head=head)).description == "Perbaikan selesai dalam dua pekan."


def test_image_url_from_json_ld_makes_a_lead_image_without_caption() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "image": {"@type": "ImageObject", "url": "https://cdn.example.id/jalan.jpg"}}</script>'
    image = newsclean.parse(_page(ID_PARAGRAPHS, head=head)).lead_image
    assert image is not None and image.url == "https://cdn.example.id/jalan.jpg" and image.caption is None


def test_text_dumps_have_no_metadata_fields() -> None:
    article = newsclean.parse(FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt")
    assert article.description is None and article.tags == [] and article.language == "id"


# ---------------------------------------------------------------------------------------------------
# language: the body's words decide; the declaration only fills in


@pytest.mark.parametrize(
    ("paragraphs", "declared", "expected"),
    [
        (ID_PARAGRAPHS, "en", "id"),  # a wrong declaration loses to the text
        (EN_PARAGRAPHS, "id-ID", "en"),  # an English story on an Indonesian site
        (MS_PARAGRAPHS, "id", "ms"),  # Malay, told apart by its own spellings
        (JV_PARAGRAPHS, "id", None),  # neither: not guessed as the site's Indonesian
        (JV_PARAGRAPHS, "jv", "jv"),  # neither, and the page names its language
    ],
)
def test_language_from_the_body(paragraphs: list[str], declared: str, expected: str | None) -> None:
    assert newsclean.parse(_page(paragraphs, lang=declared)).language == expected


def test_language_detection_and_declarations() -> None:
    assert detect_language(" ".join(ID_PARAGRAPHS)) == "id"
    assert detect_language("Jalan rusak diperbaiki.") is None  # too short to tell
    assert detect_language(" ".join(JV_PARAGRAPHS)) == "und"
    # an address left in the body is not words of any language
    url = "/https%3A%2F%2Fasset.example.com%2Fphoto%2Fpre%2F2024%2F08%2F24%2Fa-b-c-d-e-f-g-h-i_jpg.jpg) "
    assert detect_language(url * 5 + " ".join(ID_PARAGRAPHS[:2])) == "id"
    assert [declared_language(v) for v in ("id-ID", "In-Id", "en_US", "ms", "", "not a code")] == [
        "id", "id", "en", "ms", None, None,
    ]


def test_a_short_body_takes_the_declared_language() -> None:
    short = [
        "Pemerintah kota memperbaiki jalan berlubang sepanjang kawasan perdagangan tradisional setelah "
        "pedagang mengeluhkan genangan berkepanjangan selama berbulan-bulan terakhir."
    ]
    assert newsclean.parse(_page(short, lang="en-GB")).language == "en"  # 17 words: the page's word is taken
    assert newsclean.parse(_page(short, lang="id")).language == "id"
