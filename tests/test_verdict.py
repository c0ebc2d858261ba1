"""The verdict: listings are rejected on direct evidence; a real story is never outvoted by the lists around it."""

from __future__ import annotations

import pytest

import newsclean
from conftest import PARAGRAPHS
from newsclean.page import Line
from newsclean.steps._listing import listing_notice, listing_url, teaser_pairs

STORY = [
    "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, terutama di "
    "kawasan permukiman padat di bantaran sungai yang setiap tahun terendam.",
    '"Kami minta warga tidak membuang sampah ke saluran karena itu membuat air meluap," kata Kepala Dinas '
    "Sumber Daya Air, Rudi Hartono, di Balai Kota, Senin, saat meninjau kesiapan petugas.",
    "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan "
    "banjir selama puncak musim hujan yang diperkirakan jatuh pada bulan depan.",
    "Rudi menambahkan, warga dapat melapor melalui layanan pengaduan 24 jam apabila melihat saluran yang "
    "tersumbat atau genangan yang tidak kunjung surut di lingkungan mereka.",
]
OTHER_HEADLINES = [
    "- Harga Cabai Rawit di Pasar Induk Turun Setelah Pasokan Kembali Normal",
    "- Operator Kereta Tambah Perjalanan Selama Bulan Puasa untuk Penumpang",
    "- Polisi Tangkap Dua Pelaku Pencurian Motor di Perumahan Depok",
    "- Warga Bantaran Sungai Mulai Mengungsi ke Masjid dan Sekolah Terdekat",
    "- Wali Kota Resmikan Taman Baru di Pusat Kota Akhir Pekan Ini",
    "- Jadwal Pemadaman Listrik Bergilir di Tiga Kecamatan Pekan Depan",
]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.detik.com/tag/het-beras?tag_from=pasar", "a tag page"),
        ("https://warta.example.id/search/label/Politik", "a search page"),
        ("https://warta.example.id/category/berita/daerah/", "a category page"),
        ("https://warta.example.id/tag/pompa-air-di-titik-rawan-banjir", "a tag page"),
        ("https://warta.example.id/category/berita/page/2/", "a category page"),
        ("https://warta.example.id/kategori/berita-daerah/981/pompa-air-disiagakan-di-titik-rawan", None),
        ("https://warta.example.id/?s=banjir", "a site search"),
        ("https://warta.example.id/", "the site's front page"),
        ("https://warta.example.id/berita/page/3/", "a page of an archive"),
        ("https://warta.example.id/berita/2024/05/13/pompa-air-disiagakan/", None),
        ("https://warta.example.id/read/422829210/pompa-air-disiagakan", None),
        ("https://warta.example.id/?p=1234", None),
        ("https://warta.example.id/pompa-air-disiagakan-di-dua-puluh-titik", None),
        ("not a url at all", None),
        (None, None),
    ],
)
def test_listing_url(url: str | None, expected: str | None) -> None:
    assert listing_url(url) == expected


def _lines(texts: list[str]) -> list[Line]:
    return [Line(index=k, text=t, original=t) for k, t in enumerate(texts)]


def test_listing_notice_is_found_wherever_it_stands() -> None:
    lines = _lines(["Berita Warta Hari Ini", *STORY[:2], "Tampilkan postingan dengan label Politik. Tampilkan semua postingan"])
    assert listing_notice(lines) == lines[-1].text
    assert listing_notice(_lines(STORY)) is None


def test_teaser_pairs_count_headlines_over_one_teaser_each_but_not_sub_headings() -> None:
    teasers = []
    for headline in OTHER_HEADLINES[:4]:
        teasers += [headline[2:], STORY[0]]
    assert teaser_pairs(_lines(teasers)) == 4
    # A sub-heading followed by several paragraphs is the story's own.
    story = ["Pompa Cadangan Disiapkan di Setiap Kecamatan Rawan", STORY[0], STORY[1], STORY[2]]
    assert teaser_pairs(_lines(story)) == 0


def test_a_short_story_followed_by_a_list_of_headlines_is_an_article() -> None:
    raw = "\n".join(["Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", *STORY, "Redaksi", *OTHER_HEADLINES])
    article = newsclean.parse(raw)
    assert article.body == STORY


def test_two_paragraphs_after_a_dateline_are_an_article_despite_lists_around() -> None:
    raw = "\n".join(["Warta.com -", *STORY[:2], "Baca Yang Ini Juga!", *OTHER_HEADLINES, *OTHER_HEADLINES[::-1]])
    article = newsclean.parse(raw)
    assert article.body == [f"Warta.com - {STORY[0]}", STORY[1]]


def test_a_listing_address_rejects_even_a_full_post() -> None:
    raw = "\n".join(["Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB", *STORY])
    assert newsclean.parse(raw, url="https://warta.example.id/berita/pompa-air").body == STORY
    with pytest.raises(newsclean.NotAnArticle, match="the address is a tag page"):
        newsclean.parse(raw, url="https://warta.example.id/tag/banjir")


def test_a_blogger_label_page_showing_one_post_in_full_is_a_listing() -> None:
    raw = "\n".join(
        [
            "Berita Warta: Banjir Hari ini",
            "Tampilkan postingan dengan label Banjir. Tampilkan semua postingan",
            "Senin, 13 Januari 2025",
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            *STORY,
        ]
    )
    with pytest.raises(newsclean.NotAnArticle, match="Tampilkan postingan dengan label"):
        newsclean.parse(raw)


def test_headlines_each_over_one_teaser_are_a_listing_even_with_a_header() -> None:
    lines = ["Warta Kota", "Senin, 13 Januari 2025 10:15 WIB"]
    for headline, teaser in zip(OTHER_HEADLINES[:4], STORY, strict=True):
        lines += [headline[2:], teaser]
    with pytest.raises(newsclean.NotAnArticle, match="headlines each over one teaser line"):
        newsclean.parse("\n".join(lines))


def test_a_teaser_cut_short_with_read_more_is_a_listing() -> None:
    raw = "\n".join([STORY[0][:-1] + " dan sejumlah warga mulai mengungsi ...", "Read more"])
    with pytest.raises(newsclean.NotAnArticle, match="teaser cut short"):
        newsclean.parse(raw)


def test_a_category_label_first_is_a_listing() -> None:
    with pytest.raises(newsclean.NotAnArticle, match="tag or index page"):
        newsclean.parse("\n".join(["Kategori: Banjir", "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", *STORY]))


@pytest.mark.parametrize("heading", ["Kasus: kecelakaan", "kab/kota: Kota Warta", "Author: Rina"])
def test_an_archive_heading_over_a_bulleted_list_is_a_listing_without_its_url(heading: str) -> None:
    items = [f"  • {h[2:]}" for h in OTHER_HEADLINES[:3]]
    raw = "\n\n".join([heading, items[0], "    " + OTHER_HEADLINES[0][2:], *PARAGRAPHS, *items[1:]])
    with pytest.raises(newsclean.NotAnArticle, match="archive"):
        newsclean.parse(raw)


def test_a_byline_over_summary_bullets_is_no_archive_heading() -> None:
    raw = "\n\n".join(["Penulis: Rina Marlina", "  • Pompa air disiagakan di dua puluh titik rawan banjir kota.", *PARAGRAPHS])
    assert newsclean.parse(raw).authors == ["Rina Marlina"]
