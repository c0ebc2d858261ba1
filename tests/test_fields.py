"""Header fields and related links in the forms real pages print them (invented Indonesian text)."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import newsclean
from conftest import PARAGRAPHS, dump
from newsclean.steps._names import clean_names, is_role_line, looks_like_name, same_person
from newsclean.steps._slug import slug_coverage, slug_words
from newsclean.steps.byline import unglue

WIB = dt.timezone(dt.timedelta(hours=7))
HEADLINE = "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir"


# ------------------------------------------------------------------------------------------------ titles


def test_slug_words_skip_ids_dates_and_extensions() -> None:
    url = "https://news.example.id/read/2024/03/27/06161181/pompa-air-disiagakan-di-20-titik-rawan-banjir.html"
    assert slug_words(url) == {"pompa", "air", "disiagakan", "di", "titik", "rawan", "banjir"}
    assert slug_words("https://example.id/berita/123456") == frozenset()
    assert slug_words(None) == frozenset()


def test_slug_coverage_counts_hyphenated_words_by_their_parts() -> None:
    slug = slug_words("https://example.id/jokowi-ulang-tahun-ke-63-relawan-berdoa")
    assert slug_coverage(slug, "Jokowi Ulang Tahun Ke-63, Relawan Berdoa") == 1.0
    assert slug_coverage(slug, "Direktur Eksekutif Migrant Watch") == 0.0


def test_a_list_of_other_stories_above_the_headline_gives_no_title() -> None:
    others = ["- Harga Cabai Rawit di Pasar Induk Turun Tipis Pekan Ini", "- Operator Kereta Tambah Perjalanan Selama Libur",
              "- Polisi Tangkap Dua Pelaku Pencurian Motor di Depok"]
    assert newsclean.parse(dump(*others, HEADLINE)).title == HEADLINE


def test_the_url_slug_picks_the_headline_over_a_repeated_role_line() -> None:
    raw = dump("Direktur Eksekutif Lembaga Air", "Direktur Eksekutif Lembaga Air", HEADLINE, "Senin, 13 Januari 2025 10:15 WIB")
    url = "https://example.id/read/2025/01/13/101500/pompa-air-disiagakan-di-dua-puluh-titik-rawan-banjir"
    assert newsclean.parse(raw, url=url).title == HEADLINE


def test_a_headline_may_open_with_its_series_hashtag() -> None:
    title = "#BincangKota Banjir - Pompa Air Disiagakan di Dua Puluh Titik"
    assert newsclean.parse(dump(title, "Senin, 13 Januari 2025 10:15 WIB")).title == title


def test_a_line_of_hashtags_is_not_a_headline() -> None:
    article = newsclean.parse(dump("#banjir #jakarta #pompaair", HEADLINE, "Senin, 13 Januari 2025 10:15 WIB"))
    assert article.title == HEADLINE


def test_a_breadcrumb_led_by_the_site_name_is_the_section() -> None:
    article = newsclean.parse(dump("WARTAKOTA.CO.ID Daerah Metropolitan", HEADLINE))
    assert article.title == HEADLINE
    assert article.section == "Metropolitan"


def test_a_promo_of_two_sentences_is_not_a_headline() -> None:
    assert newsclean.parse(dump("Nyaman tanpa iklan. Langganan Premium", HEADLINE)).title == HEADLINE


def test_a_caption_with_its_credit_after_a_slash_is_not_a_headline() -> None:
    caption = "Petugas memasang pompa air di Kali Sunter, Senin (13/1/2025)./Antara-Rudi Hartono"
    article = newsclean.parse(dump(HEADLINE, caption, caption))
    assert article.title == HEADLINE


def test_a_sentence_case_first_line_above_the_story_is_its_headline() -> None:
    assert newsclean.parse(dump("Pemkot siagakan pompa air di titik rawan banjir")).title == (
        "Pemkot siagakan pompa air di titik rawan banjir"
    )


def test_a_document_title_with_the_site_motto_gives_way_to_the_plain_headline() -> None:
    article = newsclean.parse(dump(f"{HEADLINE} - Kabar Kota dari Bekasi untuk Indonesia", "Berita", HEADLINE))
    assert article.title == HEADLINE


def test_a_leading_list_dash_is_not_part_of_the_headline() -> None:
    assert newsclean.parse(dump(f"- {HEADLINE}", "Senin, 13 Januari 2025 10:15 WIB")).title == HEADLINE


# ----------------------------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("fragment", "labelled", "names"),
    [
        ("CNBC Indonesia TV, CNBC Indonesia", False, ["CNBC Indonesia TV"]),
        ("Raka Pratama , Jurnalis-", False, ["Raka Pratama"]),
        ("iwan Setiawan", True, ["iwan Setiawan"]),
        ("iwan Setiawan", False, []),
        ("Tim Redaksi", True, ["Tim Redaksi"]),
        ("Tim Redaksi", False, []),
        ("Tim Kabarkota - Kabarkota.id News -", True, ["Tim Kabarkota"]),
    ],
)
def test_clean_names(fragment: str, labelled: bool, names: list[str]) -> None:
    assert clean_names(fragment, labelled=labelled) == names


def test_jobs_and_outlets_are_not_names() -> None:
    assert not looks_like_name("Jurnalis")
    assert not looks_like_name("Kompas.com")
    assert looks_like_name("Rina Marlina")


def test_same_person_spelled_with_and_without_a_middle_name() -> None:
    assert same_person("Sekar Wulandari", "Sekar Ayu Wulandari")
    assert not same_person("Sekar Wulandari", "Sekar Ayu Lestari")
    assert not same_person("Sekar", "Sekar Ayu Wulandari")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("EditorRina Marlina", "Editor: Rina Marlina"),
        ("Penulis | : | Rina Marlina |", "Penulis: Rina Marlina"),
        ("Penulis: Rina Marlina", "Penulis: Rina Marlina"),
        ("Editorial Team", "Editorial Team"),
    ],
)
def test_unglue_labels(line: str, expected: str) -> None:
    assert unglue(line) == expected


def test_role_lines() -> None:
    assert is_role_line("Dosen Fakultas Teknik Universitas Negeri Semarang")
    assert not is_role_line("Dosen")  # a lone word is a rubric or a tag
    assert not is_role_line("Direktur baru itu dilantik kemarin.")


@pytest.mark.parametrize(
    ("header", "tail", "authors", "editors"),
    [
        pytest.param(("Penulis: iwan Setiawan | Editor: muslimah",), (), ["iwan Setiawan"], ["muslimah"], id="lower-case"),
        pytest.param((), ("Reporter Magang: Sinta Maharani",), ["Sinta Maharani"], [], id="qualified-label"),
        pytest.param((), ("Redaktur & Reporter : Tim Redaksi",), ["Tim Redaksi"], ["Tim Redaksi"], id="both-jobs"),
        pytest.param((), ("Editorial Team", "Rina Marlina", "EditorRina Marlina"), [], ["Rina Marlina"], id="glued"),
        pytest.param(("Oleh Tim Kabarkota - Kabarkota.id News - Senin, 13 Januari 2025 10:15 WIB",), (),
                     ["Tim Kabarkota"], [], id="team-by-line"),
        pytest.param(("Rina Marlina",), (), ["Rina Marlina"], [], id="name-under-headline"),
        pytest.param((), ("(Rina Marlina)", "Artikel Terkait"), ["Rina Marlina"], [], id="bracketed-sign-off"),
        pytest.param((), ("(Rina Marlina)", "Baca Juga: Harga Cabai Rawit Turun Tipis"), ["Rina Marlina"], [],
                     id="bracketed-sign-off-above-a-link"),
        pytest.param((), ("Redaksi", "Kabar Kota Terlengkap se-Jawa Barat"), ["Redaksi"], [], id="newsroom-sign-off"),
        pytest.param(("Rep: C31/ Red: Rina Marlina",), (), ["C31"], ["Rina Marlina"], id="reporter-code"),
        pytest.param(("Penulis: Rina Marlina Pada: Senin, 13 Jan 2025, 10:15 WIB Nusantara",), (), ["Rina Marlina"], [],
                     id="rubric-after-the-date"),
    ],
)
def test_byline_forms(header: tuple[str, ...], tail: tuple[str, ...], authors: list[str], editors: list[str]) -> None:
    article = newsclean.parse(dump(HEADLINE, *header, tail=tail))
    assert article.authors == authors
    assert article.editors == editors
    assert article.body == PARAGRAPHS


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # A date line's leftover that is the site's tagline, a place, a rubric or a sentence names nobody.
        pytest.param(("Kabarkota - Berita Hari Ini, Terbaru dan Viral - 13 Jan 2025, 10:15",), [], id="tagline"),
        pytest.param(("Cikarang, 13 Januari 2025",), [], id="place-and-date"),
        pytest.param(("Tim Kabarkota | Nasional | 13-01-2025",), [], id="team-and-rubric"),
        pytest.param(("Kontributor Bola, Rina Marlina,",), ["Rina Marlina"], id="desk-after-role"),
        # The topic printed under the headline repeats the headline's words: a kicker, not a writer.
        pytest.param(("Kabar Kota",), [], id="kicker-in-headline"),
    ],
)
def test_lines_beside_a_byline_that_name_nobody(header: tuple[str, ...], authors: list[str]) -> None:
    headline = "Warga Kabar Kota Siagakan Pompa Air di Dua Puluh Titik Rawan Banjir"
    article = newsclean.parse(dump(headline, *header))
    assert article.authors == authors
    assert article.body == PARAGRAPHS


def test_a_lead_ending_in_a_date_is_no_byline() -> None:
    lead = "Kepala desa dan bendahara Desa Sukamaju, Kecamatan Cibarusah, Bekasi ditahan oleh Kejaksaan Negeri Bekasi.Rabu (10/9/2025"
    article = newsclean.parse(dump(lead), explain=True)  # (an excerpt that opens on the lead)
    assert article.authors == []
    assert all(removed.label != "byline" for removed in article.removed)


def test_a_topic_above_a_question_headline_is_no_columnist_box() -> None:
    article = newsclean.parse(dump("Konflik Kabar", "Anggota Kelompok Kabar Ditangkap, Bermain Amunisi dengan Dua Orang?"))
    assert article.authors == []
    assert article.title == "Anggota Kelompok Kabar Ditangkap, Bermain Amunisi dengan Dua Orang?"


def _html(meta_author: str, byline: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html><head><title>{HEADLINE}</title><meta name="author" content="{meta_author}"></head>'
        f"<body><article><h1>{HEADLINE}</h1><div>{byline}</div>{paragraphs}</article></body></html>"
    ).encode()


def test_metadata_author_fills_in_when_the_text_names_nobody() -> None:
    assert newsclean.parse(_html("Rina Marlina", "Senin, 13 Januari 2025 10:15 WIB")).authors == ["Rina Marlina"]


def test_metadata_author_who_is_the_credited_editor_is_not_the_writer() -> None:
    article = newsclean.parse(_html("Rina Marlina", "Editor: Rina Marlina"))
    assert article.authors == []
    assert article.editors == ["Rina Marlina"]


def test_a_caption_naming_someone_by_office_under_the_headline_is_no_byline() -> None:
    article = newsclean.parse(dump(HEADLINE, "Gubernur Budi Santoso"))
    assert article.authors == []


def test_a_name_under_a_timestamp_is_not_taken_for_the_author() -> None:
    # Entertainment sites print the star's name there, as a topic tag.
    article = newsclean.parse(dump(HEADLINE, "Senin, 13 Januari 2025 10:15 WIB", "Rina Marlina"))
    assert article.authors == []


def test_a_columnist_box_names_the_author() -> None:
    article = newsclean.parse(
        dump("Rina Marlina", "Peneliti Pusat Studi Perkotaan", "Peneliti Pusat Studi Perkotaan", HEADLINE)
    )
    assert article.authors == ["Rina Marlina"]
    assert article.title == HEADLINE


# ------------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("url_day", "expected"), [("2018/09/05", None), ("2025/10/08", dt.date(2025, 10, 8))])
def test_the_site_s_clock_on_the_first_line_is_not_the_date_the_address_contradicts(
    url_day: str, expected: dt.date | None
) -> None:
    url = f"https://warta.example.id/nasional/{url_day}/pompa-air-disiagakan-di-dua-puluh-titik-rawan-banjir"
    article = newsclean.parse(dump("Rabu, 8 Oktober 2025", HEADLINE), url=url)
    assert article.published_date == expected
    assert article.title == HEADLINE


@pytest.mark.parametrize(
    ("label", "section"),
    [("Kamis, 28 November 2024", None), ("Download Apps Warta.com", None), ("Connect With Us", None),
     ("Olahraga", "Olahraga")],
)
def test_a_date_or_a_prompt_above_the_headline_is_no_rubric(label: str, section: str | None) -> None:
    assert newsclean.parse(dump(label, HEADLINE)).section == section



def test_a_timestamp_between_the_intro_paragraphs_is_the_date() -> None:
    # Photo pages print the headline, a short intro, then the date above the photos' captions.
    raw = "\n".join([HEADLINE, PARAGRAPHS[0], PARAGRAPHS[1], "Rabu, 25 Oktober 2023 21:56", PARAGRAPHS[2]])
    article = newsclean.parse(raw)
    assert article.published_at == dt.datetime(2023, 10, 25, 21, 56, tzinfo=WIB)
    assert article.body[:2] == PARAGRAPHS[:2]


def test_a_teaser_timestamp_after_the_story_is_not_the_date() -> None:
    article = newsclean.parse(dump(HEADLINE, tail=("Terbaru", "Harga Beras Turun Tipis di Pasar Induk", "29 Des 2025, 22:28 WIB")))
    assert article.published_date is None


def test_the_collection_stamp_gives_the_day() -> None:
    article = newsclean.parse(" date 2024-06-21 " + dump(HEADLINE))
    assert article.title == HEADLINE
    assert article.published_at is None
    assert article.published_date == dt.date(2024, 6, 21)


def test_the_page_timestamp_wins_over_the_collection_stamp() -> None:
    article = newsclean.parse(" date 2024-06-21 " + dump(HEADLINE, "Jumat, 21 Juni 2024 08:15 WIB"))
    assert article.published_at == dt.datetime(2024, 6, 21, 8, 15, tzinfo=WIB)


def test_a_motto_date_is_not_the_page_date() -> None:
    article = newsclean.parse(dump("Semangat Arek-arek Suroboyo 10 Nopember 1945 untuk Kota Bersih", HEADLINE))
    assert article.published_date is None


# ------------------------------------------------------------------------------------------------ related


def _related(raw: str) -> list[str]:
    return [r.title for r in newsclean.parse(raw).related]


@pytest.mark.parametrize(
    "line",
    [
        "[Baca juga: Hujan Deras Rendam Tiga Kecamatan]",
        "(Baca Juga: Hujan Deras Rendam Tiga Kecamatan)",
        "BACA JUGA : Hujan Deras Rendam Tiga Kecamatan",
        "baca juga: Hujan Deras Rendam Tiga Kecamatan",
    ],
)
def test_a_related_link_in_its_variants(line: str) -> None:
    raw = "\n\n".join([HEADLINE, PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    assert _related(raw) == ["Hujan Deras Rendam Tiga Kecamatan"]
    assert newsclean.parse(raw).body == PARAGRAPHS


def test_a_link_title_keeps_its_own_exclamation_mark() -> None:
    raw = "\n\n".join([HEADLINE, PARAGRAPHS[0], "Baca juga: Awas, Banjir Kiriman Datang Malam Ini!", *PARAGRAPHS[1:]])
    assert _related(raw) == ["Awas, Banjir Kiriman Datang Malam Ini!"]


def test_an_empty_label_takes_the_headline_on_the_next_line() -> None:
    raw = "\n\n".join([HEADLINE, PARAGRAPHS[0], "Baca juga:", "Hujan Deras Rendam Tiga Kecamatan", *PARAGRAPHS[1:]])
    assert _related(raw) == ["Hujan Deras Rendam Tiga Kecamatan"]


def test_a_label_written_after_its_list() -> None:
    items = ["- Hujan Deras Rendam Tiga Kecamatan", "- Posko Banjir Dibuka di Setiap Kelurahan"]
    raw = "\n".join([PARAGRAPHS[0], *items, "Baca Juga", *PARAGRAPHS[1:]])
    assert _related(raw) == ["Hujan Deras Rendam Tiga Kecamatan", "Posko Banjir Dibuka di Setiap Kelurahan"]
    assert newsclean.parse(raw).body == PARAGRAPHS


def test_a_list_without_a_label_is_not_related() -> None:
    raw = "\n".join([*PARAGRAPHS, "- Hujan Deras Rendam Tiga Kecamatan", "- Posko Banjir Dibuka di Setiap Kelurahan"])
    assert _related(raw) == []


def test_a_link_glued_to_the_next_paragraph_is_split() -> None:
    glued = "Baca Juga: Hujan Deras Rendam Tiga Kecamatan di Pinggiran Kota " + PARAGRAPHS[1]
    raw = "\n\n".join([HEADLINE, PARAGRAPHS[0], glued, PARAGRAPHS[2]])
    assert _related(raw) == ["Hujan Deras Rendam Tiga Kecamatan di Pinggiran Kota"]
    assert newsclean.parse(raw).body == PARAGRAPHS


def test_teaser_headlines_with_their_timestamps_are_not_the_page_date() -> None:
    # A text renderer joins each teaser of a "latest news" list with its timestamp on one line.
    teasers = [
        "Harga Beras di Pasar Induk Turun Tipis Pekan Ini Senin, 13/01/2025 08:10 WIB",
        "Warga Bantaran Kali Diminta Waspada Banjir Kiriman Senin, 13/01/2025 07:45 WIB",
        "Dinas Kesehatan Buka Posko di Tiga Kecamatan Terdampak Senin, 13/01/2025 07:05 WIB",
    ]
    article = newsclean.parse(dump(*teasers, HEADLINE, "Rina Marlina - Kabar Kota", "Senin, 13/01/2025 10:15 WIB"))
    assert article.published_at == dt.datetime(2025, 1, 13, 10, 15, tzinfo=WIB)
    assert article.title == HEADLINE


def test_a_sentence_case_headline_above_the_timestamp_beats_a_list_of_other_headlines() -> None:
    must_read = ["Pasar Induk Kramat Jati Buka Lebih Pagi", "Harga Cabai Rawit Turun Tajam", "Bus Sekolah Gratis Tambah Rute"]
    raw = dump(*must_read, "Pemkot siagakan pompa air di titik rawan banjir", "Senin, 13 Januari 2025 10:15 WIB | 998 Views")
    assert newsclean.parse(raw).title == "Pemkot siagakan pompa air di titik rawan banjir"


@pytest.mark.parametrize(
    "line",
    [
        "Kabarkota.com - Berita Terpercaya Setiap Hari",
        "Petugas memeriksa pompa (Kabarkota/Rina Marlina) Pompa Air Disiagakan 2.768 views",
        "Pompa air di Kali Sunter [kabarkota.com/Rina Marlina] [o_19ninj0ljs9vmc]",
    ],
)
def test_site_mottos_and_captions_with_credits_are_not_headlines(line: str) -> None:
    assert newsclean.parse(dump(line, HEADLINE, "Senin, 13 Januari 2025 10:15 WIB")).title == HEADLINE


def test_a_document_title_with_a_brand_word_in_front_gives_way_to_the_plain_headline() -> None:
    raw = dump(f"Kabarkota {HEADLINE} - Metro :: Kabarkota Online", "Metro", HEADLINE, "Senin, 13 Januari 2025 10:15 WIB")
    assert newsclean.parse(raw).title == HEADLINE


def test_bulleted_headlines_between_paragraphs_are_links_on_any_site() -> None:
    bullets = ["• Hujan Deras Rendam Tiga Kecamatan di Pinggiran Kota", "• Posko Banjir Dibuka di Setiap Kelurahan"]
    raw = "\n\n".join([HEADLINE, PARAGRAPHS[0], *bullets, *PARAGRAPHS[1:]])
    assert _related(raw) == ["Hujan Deras Rendam Tiga Kecamatan di Pinggiran Kota", "Posko Banjir Dibuka di Setiap Kelurahan"]
    # After the story they are the page's closing list: not links placed in it.
    assert _related("\n\n".join([HEADLINE, *PARAGRAPHS, *bullets])) == []


def test_outlet_byline_pre_test_covers_every_outlet() -> None:
    """outlet_byline's cheap test lets every outlet of the byline pattern through: each open-ended outlet
    starts with one of the stems searched anywhere, every other one fits in the tail searched."""
    from re import _parser

    from newsclean.steps import _names

    (kind, (_, branches)), = _parser.parse(_names._OUTLET_NAMES).data
    assert str(kind) == "BRANCH"
    for branch in branches:
        low, high = branch.getwidth()
        if high > _names.OUTLET_TAIL_CHARS:
            head = "".join(chr(value) for op, value in branch.data[:6] if str(op) == "LITERAL")
            assert head.startswith(_names.OPEN_OUTLETS), branch
    for line in ("Ayu Lestari, CNBC Indonesia", "Fadhil Rahmanto - detikNews", "Budi | TribunJabar.com",
                 "Rina Wati - Metrotvnews.com", "Sari Dewi, Kompas TV"):
        assert _names.outlet_byline(line) is not None
        assert _names.outlet_byline(line)[0] == _names.BYLINE_WITH_OUTLET.fullmatch(line)[0]  # type: ignore[index]
    assert _names.outlet_byline("Harga Cabai Naik, Pedagang Mengeluh") is None


def test_label_pre_test_lets_every_label_form_through() -> None:
    """The byline step asks its label tests only of the lines `_may_open_with_label` lets through: every form a
    label test takes must pass, whatever its case; lines opening otherwise do not."""
    step = importlib.import_module("newsclean.steps.byline")  # (the package exports the step function under that name)
    credits = [
        "Penulis: Budi Santoso", "Reporter Magang: Ani Lestari", "Pewarta: Dedi", "Wartawan: Rina Wati",
        "Kontributor: Sari", "Kontributor Bola, Yudi Hartono", "Koresponden Lhokseumawe, Zul Fikri",
        "Fotografer: Joko", "Ditulis oleh Rudi Hartono", "Oleh Rudi Hartono", "By Ayu Lestari", "Rep: C31/ Red: Ani",
        "Laporan wartawan Harian Kota, Budi Santoso", "Editor: Dwi Aquina", "Penyunting: Rina", "Redaktur: Ani",
        "Penyelaras: Ani", "Red: Ani", "Redaktur & Reporter : Tim Redaksi", "EditorDwifantya Aquina",
        "Penulis | : | Rina Lestari |", "| Penulis | : | Rina Lestari |",
    ]
    for text in credits:
        assert step._LABEL_START.match(step.unglue(text)), text  # (each is a label test's own form)
    for text in [*credits, *step._LABEL_ALONE, *step._LABEL_AFTER]:
        for variant in (text, text.upper(), text.lower(), "PENULI\u017f: Budi"):
            assert step._may_open_with_label(variant), variant
    for text in ("Harga Cabai Naik, Pedagang Mengeluh", "Jakarta - Harga cabai naik lagi.", "| : | Penulis"):
        assert not step._may_open_with_label(text), text
