"""The shape tests and steps on their own, as readable tables (invented Indonesian text)."""

from __future__ import annotations

import datetime as dt

import pytest

import newsclean
from conftest import PARAGRAPHS, dump
from newsclean import sites
from newsclean.load import load
from newsclean.pipeline import run_steps
from newsclean.steps._names import clean_names
from newsclean.steps._shapes import is_credit, is_lead, split_caption_credit
from newsclean.text import is_prose, looks_like_headline, normalize_line, strip_bullet

AGENCIES = sites.lexicon().credit_agencies
WIB = dt.timezone(dt.timedelta(hours=7))



# ------------------------------------------------------------------------------------------ line shapes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(PARAGRAPHS[0], True, id="sentence"),
        pytest.param("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", False, id="headline"),
        pytest.param("Beranda Berita Daerah Ekonomi Olahraga", False, id="menu"),
        pytest.param("Baca juga", False, id="short"),
        pytest.param(
            "the committee said the new plan would be published in the spring and that the public would be asked",
            True,
            id="no-closing-stop-but-function-words",
        ),
        pytest.param("東京都は大雨のため、川の近くに住む住民に避難を呼びかけました。市の担当者によると、詳しい被害の状況は現在調査中です。", True, id="unspaced-script"),
    ],
)
def test_is_prose(line: str, expected: bool) -> None:
    assert is_prose(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Armenia dan Azerbaijan Berunding, Rusia Jadi Penengah", True),
        ("Pemerintah diminta memastikan stok beras aman hingga Lebaran.", False),
        ("Harga Daging Sapi di Pasar Senen Naik Jadi Rp 120.000/Kg", True),
        ("kata dia kepada wartawan di sela acara", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Armenia dan\u00a0 Azerbaijan  ", "Armenia dan Azerbaijan"),
        ("kata\u200bkunci", "katakunci"),
        ("kedua negara\x1fsaling serang", "kedua negara saling serang"),
        ("\u00a0", ""),
    ],
)
def test_normalize_line(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


def test_strip_bullet() -> None:
    assert strip_bullet("• Harga Cabai Naik") == ("Harga Cabai Naik", True)
    assert strip_bullet("- bukan bullet") == ("- bukan bullet", False)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AFP", "AFP"),
        ("MI/Ramdani", "MI/Ramdani"),
        ("KOMPAS.com/DINDA LARASATI", "KOMPAS.com/DINDA LARASATI"),
        ("Dok. Pengelola Wisata Dieng", "Dok. Pengelola Wisata Dieng"),
        ("(fas/fas)", None),  # a desk code
        ("(AFP/OL-11)", None),
        ("Bola / Liga Indonesia", None),  # a breadcrumb
        ("Kamis (21/9/2023)", None),
        ("Ilustrasi perahu di Danau Toba (Tigor Manurung/detikSumut)", None),  # a caption with its credit
    ],
)
def test_is_credit(line: str, expected: str | None) -> None:
    assert is_credit(line, AGENCIES) == expected


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Warga antre membeli beras (dok. istimewa)", "Warga antre membeli beras", "dok. istimewa"),
        ("Barang bukti disita polisi. Foto: Metrotvnews.com/Rendy", "Barang bukti disita polisi.", "Metrotvnews.com/Rendy"),
        ("Foto: Pedagang sayur di dermaga. (Dok. Warga)", "Pedagang sayur di dermaga.", "Dok. Warga"),
        ("Telur maleo dipindahkan, Senin (14/11/2022). KOMPAS/ARYA WIBISANA 14-11-2022",
         "Telur maleo dipindahkan, Senin (14/11/2022).", "KOMPAS/ARYA WIBISANA"),
        ("Petugas memeriksa tanggul yang jebol (kiri)./Antara-Rina Lestari",
         "Petugas memeriksa tanggul yang jebol (kiri).", "Antara-Rina Lestari"),
        ("Bupati meninjau lokasi banjir, Rabu (23/10/2019) / tempo.co",
         "Bupati meninjau lokasi banjir, Rabu (23/10/2019)", "tempo.co"),
    ],
)
def test_split_caption_credit(line: str, caption: str, credit: str) -> None:
    assert split_caption_credit(line, AGENCIES) == (caption, credit)


def test_split_caption_credit_leaves_prose_alone() -> None:
    assert split_caption_credit("Warga diminta waspada, kata dia, Senin (14/1/2025).", AGENCIES) is None
    # a slash after a sentence is only a credit when an agency or a site's domain follows it
    assert split_caption_credit("Harga naik jadi Rp 12.000 (per kilo)./Liter dan Kilogram", AGENCIES) is None


@pytest.mark.parametrize(
    ("fragment", "names"),
    [
        ("Ayu Lestari, CNBC Indonesia", ["Ayu Lestari"]),
        ("oleh Arie Nugraha", ["Arie Nugraha"]),
        ("Damar Setyaningrum dan Yohanes Padmo", ["Damar Setyaningrum", "Yohanes Padmo"]),
        ("Kontributor Lhokseumawe, Masriadi", ["Masriadi"]),
        ("Tim Redaksi", []),
    ],
)
def test_clean_names(fragment: str, names: list[str]) -> None:
    assert clean_names(fragment) == names


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SEMPAT terlibat konflik panas, kedua negara bertemu.", True),
        ("Liputan6.com, Bandung - Pemerintah kota menambah jalur sepeda.", True),
        ("Jakarta, CNN Indonesia -- Polisi memburu komplotan pembobol ATM.", True),
        ("Warga menanam bibit mangrove di pesisir, Selasa (8/3/2016).", False),
    ],
)
def test_is_lead(line: str, expected: bool) -> None:
    assert is_lead(line) is expected


# ----------------------------------------------------------------------------------------------- steps


def test_bylines_labelled_in_one_line() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Penulis: Rina Marlina | Editor: Bagus Santoso",
            "Senin, 13 Januari 2025 10:15 WIB",
        )
    )
    assert article.authors == ["Rina Marlina"]
    assert article.editors == ["Bagus Santoso"]
    assert article.published_at == dt.datetime(2025, 1, 13, 10, 15, tzinfo=WIB)


def test_labels_on_their_own_lines_and_editor_below_the_story() -> None:
    article = newsclean.parse(
        dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Oleh", "Rina Marlina", tail=("Editor:", "Bagus Santoso"))
    )
    assert article.authors == ["Rina Marlina"]
    assert article.editors == ["Bagus Santoso"]


def test_updated_and_published_times_are_told_apart() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "oleh Rina Marlina diperbarui 13 Jan 2025, 11:20 WIB",
            "Diterbitkan 13 Jan 2025, 09:45 WITA",
        )
    )
    assert article.published_at == dt.datetime(2025, 1, 13, 9, 45, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert article.updated_at == dt.datetime(2025, 1, 13, 11, 20, tzinfo=WIB)
    assert article.authors == ["Rina Marlina"]


def test_related_links_in_their_forms() -> None:
    raw = "\n\n".join(
        [
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            PARAGRAPHS[0],
            "Baca juga: Hujan Deras Rendam Tiga Kecamatan",
            PARAGRAPHS[1],
            "Baca juga Warga Diminta Waspada Banjir Kiriman",
            "BACA: Posko Banjir Dibuka di Setiap Kelurahan |",
            "Terkait kebersihan saluran, warga diminta ikut kerja bakti setiap pekan agar air mengalir lancar ke sungai.",
            PARAGRAPHS[2],
        ]
    )
    article = newsclean.parse(raw)
    assert [r.title for r in article.related] == [
        "Hujan Deras Rendam Tiga Kecamatan",
        "Warga Diminta Waspada Banjir Kiriman",
        "Posko Banjir Dibuka di Setiap Kelurahan",
    ]
    # "Terkait" without its colon is an ordinary word opening a paragraph.
    assert any(p.startswith("Terkait kebersihan saluran") for p in article.body)


def test_lines_broken_at_links_are_joined_back() -> None:
    raw = "\n".join(
        [
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "",
            "Senin, 13 Januari 2025 10:15 WIB",
            "",
            "BEKASI, KOMPAS.com",
            "– Pemerintah kota menyiagakan dua puluh pompa untuk mengantisipasi",
            "banjir kiriman",
            "dari hulu sungai selama puncak musim hujan tahun ini.",
            "",
            PARAGRAPHS[1],
            "",
            PARAGRAPHS[2],
        ]
    )
    article = newsclean.parse(raw)
    # The dateline the renderer printed on a line of its own is the lead's first words.
    assert article.body[0] == (
        "BEKASI, KOMPAS.com – Pemerintah kota menyiagakan dua puluh pompa untuk mengantisipasi banjir kiriman "
        "dari hulu sungai selama puncak musim hujan tahun ini."
    )
    assert article.body[1:] == PARAGRAPHS[1:]


def test_standalone_desk_code_closes_the_story_and_is_reported() -> None:
    article = newsclean.parse(
        dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB", tail=("(fas/fas)",))
    )
    assert article.closing_code == "fas/fas"
    assert article.body == PARAGRAPHS


def test_sign_off_in_capitals_after_the_story_is_the_author() -> None:
    article = newsclean.parse(
        dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB", tail=("RINA MARLINA",))
    )
    assert article.authors == ["RINA MARLINA"]
    assert article.body == PARAGRAPHS


def test_tail_marker_cuts_the_trailing_lists() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            tail=("Berita Terkait", "Harga Beras di Pasar Induk Turun Tipis", "Copyright © 2025 Warta"),
        )
    )
    assert article.body == PARAGRAPHS


def test_relative_date_needs_the_fetch_time() -> None:
    raw = dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "2 jam lalu")
    assert newsclean.parse(raw).published_at is None
    fetched = dt.datetime(2025, 1, 13, 12, 0, tzinfo=WIB)
    assert newsclean.parse(raw, fetched_at=fetched).published_at == dt.datetime(2025, 1, 13, 10, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("Beranda\nBerita\nOlahraga\nKontak\nTentang Kami\n", "no line of running text"),
        ("Berita dan Informasi Banjir Terkini dan Terbaru Hari ini - detikcom\n\n" + "\n\n".join(PARAGRAPHS), "tag or index page"),
    ],
)
def test_non_articles_say_why(raw: str, reason: str) -> None:
    with pytest.raises(newsclean.NotAnArticle, match=reason):
        newsclean.parse(raw)


def test_every_line_keeps_a_label_and_no_step_deletes() -> None:
    page = load(dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB"))
    count = len(page.lines)
    run_steps(page)
    assert len(page.lines) == count
    assert all(line.label is not None for line in page.lines)
    assert [ln.text for ln in page.lines if ln.label == "body"] == PARAGRAPHS


@pytest.mark.usefixtures("scratch_registry")
def test_register_site_changes_what_is_chrome() -> None:
    raw = dump(
        "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
        "Senin, 13 Januari 2025 10:15 WIB",
        tail=("Dukung jurnalisme warga dengan berlangganan buletin pekanan kami setiap Jumat pagi.",),
    )
    assert newsclean.parse(raw).body[-1].startswith("Dukung jurnalisme")
    newsclean.register_site(
        {"name": "warta-uji.example", "domains": ["warta-uji.example"], "chrome": {"prefix": ["Dukung jurnalisme"]}}
    )
    article = newsclean.parse(raw, url="https://warta-uji.example/berita/1")
    assert article.body == PARAGRAPHS
    assert article.site == "warta-uji.example"


def test_comments_after_the_story_stay_out() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            tail=(
                "Komentar (2)",
                "budi_santoso",
                "13 Jan 2025 11:02",
                "Semoga pompanya benar-benar dinyalakan sebelum air masuk ke rumah warga, jangan seperti tahun lalu.",
            ),
        )
    )
    assert article.body == PARAGRAPHS


def test_teaser_timestamps_split_the_story_from_other_stories() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            tail=(
                "Senin, 13 Januari 2025 08:30 WIB",
                "Warga di bantaran sungai mulai mengungsi ke masjid dan sekolah terdekat setelah air naik setinggi satu meter.",
            ),
        )
    )
    assert article.body == PARAGRAPHS


TEASERS = [
    ("Banjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi", "27/03/2024, 06:16 WIB",
     "Ratusan rumah di Kecamatan Rawalumbu terendam banjir setinggi satu meter setelah hujan deras semalaman."),
    ("Harga Cabai Rawit di Pasar Induk Kramat Jati Turun", "27/03/2024, 05:50 WIB",
     "Harga cabai rawit merah turun menjadi Rp45.000 per kilogram setelah pasokan dari daerah kembali normal."),
    ("KRL Commuter Line Tambah Perjalanan Selama Ramadhan", "27/03/2024, 05:31 WIB",
     "Operator kereta menambah perjalanan pada jam sibuk sore selama bulan puasa untuk mengurai kepadatan penumpang."),
    ("Polisi Tangkap Pelaku Pencurian Motor di Depok", "26/03/2024, 23:10 WIB",
     "Polisi menangkap dua pelaku pencurian sepeda motor yang beraksi di sejumlah perumahan dalam sebulan terakhir."),
]


@pytest.mark.parametrize("heading", ["Berita Terkini", "Megapolitan"])
def test_an_index_of_timestamped_teasers_is_a_listing(heading: str) -> None:
    lines = ["Kompas.com", heading, ""]
    for headline, stamp, teaser in TEASERS:
        lines += [headline, f"Kompas.com - {stamp}", teaser, ""]
    with pytest.raises(newsclean.NotAnArticle, match="listing page"):
        newsclean.parse("\n".join(lines))


def test_a_story_followed_by_timestamped_teasers_is_an_article() -> None:
    tail: list[str] = []
    for headline, stamp, teaser in TEASERS:
        tail += [headline, stamp, teaser]
    article = newsclean.parse(
        dump("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB", tail=tuple(tail))
    )
    assert article.body == PARAGRAPHS


def test_reporter_name_closing_the_last_paragraph_is_the_author() -> None:
    body = [*PARAGRAPHS[:-1], PARAGRAPHS[-1] + " (Andika Putra)"]
    article = newsclean.parse("\n\n".join(body))
    assert article.authors == ["Andika Putra"]
    assert article.body[-1].endswith("(Andika Putra)")


def test_a_widget_of_other_headlines_inside_the_story_is_dropped_but_a_sub_heading_stays() -> None:
    raw = "\n\n".join(
        [
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            PARAGRAPHS[0],
            "Jadwal Lengkap Pemadaman Listrik di Makassar Pekan Depan",
            "Harga Beras di Pasar Terong Makassar Naik Jelang Akhir Tahun",
            PARAGRAPHS[1],
            "Pompa Cadangan Disiapkan",
            PARAGRAPHS[2],
        ]
    )
    article = newsclean.parse(raw)
    assert article.body == [PARAGRAPHS[0], PARAGRAPHS[1], "Pompa Cadangan Disiapkan", PARAGRAPHS[2]]


def test_a_caption_printed_twice_inside_the_story_is_dropped_both_times() -> None:
    caption = "Siswa membersihkan halaman sekolah dari sampah plastik saat kegiatan Jumat bersih."
    raw = "\n\n".join(
        [
            "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
            "Senin, 13 Januari 2025 10:15 WIB",
            PARAGRAPHS[0],
            PARAGRAPHS[1],
            caption,
            f"{caption} (Andi Nurhaliza/Tribun Timur)",
            PARAGRAPHS[2],
        ]
    )
    assert newsclean.parse(raw).body == PARAGRAPHS


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("BEKASI, KOMPAS.com", True),
        ("Jakarta -", True),
        ("Jakarta, CNN Indonesia--", True),
        ("Lalu, sebenarnya apa sih kerennya", False),  # a sentence fragment, not a dateline
    ],
)
def test_dateline_alone(line: str, expected: bool) -> None:
    from newsclean.steps._shapes import DATELINE_ALONE

    assert bool(DATELINE_ALONE.match(line)) is expected


def test_every_label_the_steps_give_is_a_documented_one() -> None:
    from newsclean.page import LABELS

    from conftest import FIXTURES

    seen: set[str] = set()
    for fixture in sorted(FIXTURES.glob("*/*.txt")):
        page = load(fixture.read_text(encoding="utf-8"))
        try:
            run_steps(page)
        except newsclean.NotAnArticle:
            pass
        seen |= {line.label for line in page.lines if line.label is not None}
    assert seen <= LABELS, seen - LABELS
    assert {"body", "title", "date", "byline", "related", "tail", "chrome"} <= seen


@pytest.mark.parametrize(
    ("document_title", "expected"),
    [
        ("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir - ANTARA News", "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir"),
        ("Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir - Megapolitan :: Okezone News", "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir"),
        ("Pompa Air Disiagakan: Dua Puluh Titik Rawan Banjir", "Pompa Air Disiagakan: Dua Puluh Titik Rawan Banjir"),
    ],
)
def test_a_document_title_loses_its_site_suffix(document_title: str, expected: str) -> None:
    article = newsclean.parse(dump(document_title, "Senin, 13 Januari 2025 10:15 WIB"))
    assert article.title == expected


def test_a_list_of_teaser_timestamps_above_the_story_is_not_its_date() -> None:
    teasers: list[str] = []
    for headline, stamp, _ in TEASERS:
        teasers += [headline, f"Kamis, {stamp[:10]} {stamp[-9:]}"]
    article = newsclean.parse(
        dump(*teasers, "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", "Senin, 13 Januari 2025 10:15 WIB")
    )
    assert article.published_at == dt.datetime(2025, 1, 13, 10, 15, tzinfo=WIB)
    assert article.title == "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir"


def test_the_document_title_points_at_the_headline_even_with_a_label_in_front() -> None:
    article = newsclean.parse(
        dump(
            "Pompa Air Disiagakan di Dua Puluh Titik | Republika Online",
            "Islam in the Archipelago",
            "Islam in the Archipelago",
            "In Picture: Pompa Air Disiagakan di Dua Puluh Titik",
            "Senin, 13 Januari 2025 10:15 WIB",
        )
    )
    assert article.title == "In Picture: Pompa Air Disiagakan di Dua Puluh Titik"


DETIK_PAGE = (
    '<html><head><meta name="pubdate" content="2015-11-05T10:08:58Z"><title>x</title></head><body><article>'
    "<h1>Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir</h1><div class=\"detail__body-text\">"
    f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></div></article></body></html>"
)


def test_detik_metadata_z_holds_wib_wall_time_but_elsewhere_z_is_utc() -> None:
    on_detik = newsclean.parse(DETIK_PAGE, url="https://news.detik.com/berita/d-1/pompa")
    assert on_detik.published_at == dt.datetime(2015, 11, 5, 10, 8, 58, tzinfo=WIB)
    elsewhere = newsclean.parse(DETIK_PAGE, url="https://example.org/pompa")
    assert elsewhere.published_at == dt.datetime(2015, 11, 5, 10, 8, 58, tzinfo=dt.timezone.utc)
