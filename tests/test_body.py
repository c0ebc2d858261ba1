"""Where the story starts and ends inside its block of prose (invented Indonesian text, real page shapes)."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.steps._shapes import dateline_lead

LEAD = (
    "JAKARTA, KOMPAS.com - Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat "
    "hujan deras, terutama di kawasan permukiman padat di bantaran sungai."
)
PARAGRAPHS = [
    '"Kami minta warga tidak membuang sampah ke saluran karena itu membuat air meluap," kata Kepala Dinas '
    "Sumber Daya Air, Rudi Hartono, di Balai Kota, Senin.",
    "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan "
    "banjir selama puncak musim hujan.",
    "Rudi menambahkan, warga dapat melapor melalui layanan pengaduan 24 jam apabila melihat saluran yang "
    "tersumbat atau genangan yang tidak kunjung surut.",
]
HEADLINE = "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir"
DEK = "Pemerintah kota menyiagakan pompa dan perahu karet menjelang puncak musim hujan tahun ini."
CAPTION = "Petugas memeriksa pompa air di rumah pompa Kali Sunter, Jakarta Utara, Senin (13/1/2025)."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JAKARTA, KOMPAS.com - Pemerintah kota", True),
        ("TRIBUNNEWS.COM, JAKARTA - Presiden", True),
        ("Jakarta, CNN Indonesia -- Polisi", True),
        ("Padang – Istri wakil wali kota", True),
        ("jpnn.com - JAKARTA - Komisi", True),
        ("Anak-anak yang belajar dengan cara itu", False),  # a hyphenated word is not a dateline's dash
        ("Ketua KPU: syarat pencalonan", False),
        ("Presiden Joko Widodo - yang hadir", False),
    ],
)
def test_dateline_lead(text: str, expected: bool) -> None:
    assert dateline_lead(text) is expected


def test_dek_and_caption_above_the_dateline_lead_are_not_body() -> None:
    article = newsclean.parse("\n\n".join([HEADLINE, DEK, CAPTION, LEAD, *PARAGRAPHS]), explain=True)
    assert article.body == [LEAD, *PARAGRAPHS]
    assert article.removed is not None
    assert {r.text for r in article.removed if r.label == "standfirst"} == {DEK, CAPTION}


def test_an_ai_summary_box_before_the_story_is_not_body() -> None:
    summary = [
        "Pemerintah kota menyiagakan dua puluh pompa air di titik rawan banjir.",
        "Perahu karet dan tenda darurat disiapkan di setiap kecamatan rawan.",
        "Warga diminta tidak membuang sampah ke saluran air selama musim hujan.",
    ]
    raw = "\n\n".join([HEADLINE, "Intinya sih...", *summary, LEAD, *PARAGRAPHS])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


def test_key_point_bullets_before_the_story_are_not_body() -> None:
    points = [
        "- Pemerintah kota menyiagakan dua puluh pompa air di titik yang kerap tergenang saat hujan deras.",
        "- Petugas menyiapkan perahu karet dan tenda darurat di setiap kecamatan yang rawan banjir.",
    ]
    story = ["Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras.", *PARAGRAPHS]
    assert newsclean.parse("\n\n".join([*points, *story])).body == story


def test_a_story_without_a_dateline_keeps_its_first_paragraphs() -> None:
    first = "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras."
    assert newsclean.parse("\n\n".join([HEADLINE, first, *PARAGRAPHS])).body == [first, *PARAGRAPHS]


def test_a_desk_code_closing_a_quote_is_not_a_photo_credit_and_ends_the_story() -> None:
    last = '"Kami siap menghadapi puncak musim hujan," ujar Rudi. (Tri/P-2)'
    teaser = "PADA pekan depan, pemerintah provinsi akan menggelar rapat koordinasi penanganan banjir di Balai Kota."
    article = newsclean.parse("\n\n".join([HEADLINE, LEAD, *PARAGRAPHS, last, teaser]))
    assert article.body == [LEAD, *PARAGRAPHS, last]
    assert article.closing_code == "Tri/P-2"


def test_lines_of_data_with_dates_stay_in_the_story() -> None:
    schedule = ["Cum dividen di pasar reguler: 26 November 2024", "Pembayaran dividen : 6 Desember 2024"]
    more = "Perseroan juga akan membagikan dividen interim untuk tahun buku 2024 kepada pemegang saham yang tercatat."
    article = newsclean.parse("\n".join([HEADLINE, LEAD, *PARAGRAPHS, *schedule, more]))
    assert article.body == [LEAD, *PARAGRAPHS, *schedule, more]


def test_an_intro_line_ending_in_a_colon_does_not_split_a_round_up() -> None:
    items = [
        "Berikut Top News Warta.com:",
        "1. Pompa Air Disiagakan di Dua Puluh Titik",
        PARAGRAPHS[1],
        "2. Warga Diminta Melapor Lewat Layanan Pengaduan",
        PARAGRAPHS[2],
    ]
    article = newsclean.parse("\n".join([HEADLINE, LEAD, PARAGRAPHS[0], *items]))
    assert article.body[:2] == [LEAD, PARAGRAPHS[0]]
    assert article.body[-4:] == items[1:]
