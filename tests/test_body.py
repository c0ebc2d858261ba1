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


def test_a_caption_above_a_related_list_and_the_dateline_lead_is_not_body() -> None:
    # lynx and w3m print the "Terkait" box beside the lead photo as a heading and a bullet list of its own
    # lines, between the photo's caption and the story's first paragraph.
    related = [
        "Pompa Baru Tiba di Rumah Pompa Kali Sunter",
        "Warga Bantaran Sungai Diminta Waspada Banjir Kiriman",
        "Dinas Sumber Daya Air Siagakan Perahu Karet di Setiap Kecamatan",
        "Sampah Sumbat Saluran, Jalan Protokol Tergenang",
        "Musim Hujan Tiba Lebih Awal Tahun Ini",
    ]
    raw = "\n".join(
        [HEADLINE, "", "   Senin, 13 Januari 2025 | 21:04 WIB", f"   {CAPTION}", "", "Terkait", ""]
        + [f"     * [{12 + k}]{item}" for k, item in enumerate(related)]
        + ["", f"   {LEAD}", *(f"   {p}" for p in PARAGRAPHS)]
    )
    article = newsclean.parse(raw)
    assert article.body == [LEAD, *PARAGRAPHS]


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


def test_a_labelled_credit_above_the_story_is_the_lead_photo_and_inside_it_a_photo_to_drop() -> None:
    raw = "\n".join(
        [
            HEADLINE,
            "Rumah pompa Kali Sunter di Jakarta Utara",
            "Sumber :",
            "• Dok: Dinas SDA",
            LEAD,
            PARAGRAPHS[0],
            "Perahu karet disiagakan di posko banjir",
            "Photo :",
            "• Tangkapan Layar",
            *PARAGRAPHS[1:],
        ]
    )
    article = newsclean.parse(raw)
    assert article.lead_image is not None
    assert (article.lead_image.caption, article.lead_image.credit) == ("Rumah pompa Kali Sunter di Jakarta Utara", "Dok: Dinas SDA")
    assert article.body == [LEAD, *PARAGRAPHS]


def test_a_short_caption_above_a_bare_credit_inside_the_story_is_dropped() -> None:
    raw = "\n".join([HEADLINE, LEAD, PARAGRAPHS[0], "Pompa air di Kali Sunter", "- antara", *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Petugas memeriksa pompa air di rumah pompa Kali SunterWarta Kota/Rina Marlina",
         "Petugas memeriksa pompa air di rumah pompa Kali Sunter", "Warta Kota/Rina Marlina"),
        ("Petugas memeriksa pompa air, Senin (13/1/2025).warta.id/Rina",
         "Petugas memeriksa pompa air, Senin (13/1/2025).", "warta.id/Rina"),
        ("Petugas memeriksa pompa air di Kali Sunter. (Dok. Istimewa) |",
         "Petugas memeriksa pompa air di Kali Sunter.", "Dok. Istimewa"),
        ("Petugas memeriksa pompa air di Kali Sunter /@wartakota.official/Instagram",
         "Petugas memeriksa pompa air di Kali Sunter", "@wartakota.official/Instagram"),
    ],
)
def test_captions_with_glued_or_trailing_credits(line: str, caption: str, credit: str) -> None:
    from newsclean import sites
    from newsclean.steps._shapes import split_caption_credit

    assert split_caption_credit(line, sites.lexicon().credit_agencies) == (caption, credit)


@pytest.mark.parametrize(
    "chrome",
    [
        "- Advertisement -",
        "Advertising",
        "Read More banner 300x250",
        "Version 1.93.2",
        "Baca di halaman berikutnya…",
        "Simak arahan Wali Kota terkait banjir dalam video berikut ini.",
        "Follow WhatsApp Channel Warta untuk update berita terbaru setiap hari",
        "Info lebih lengkap klik : beasiswa.warta.id",
        # An embedded Instagram post, rendered as text.
        "View this post on Instagram",
        "A post shared by Warta Kota (@wartakota.official)",
        "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
    ],
)
def test_promos_and_ad_leftovers_inside_the_story_are_chrome(chrome: str) -> None:
    raw = "\n".join([HEADLINE, LEAD, PARAGRAPHS[0], chrome, *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


def test_a_comment_policy_after_the_story_starts_the_trailing_chrome() -> None:
    comments = [
        "Berkomentarlah secara bijaksana dan bertanggung jawab. Komentar sepenuhnya menjadi tanggung jawab komentator.",
        "Laporkan Komentar",
        "Terima kasih. Kami sudah menerima laporan Anda dan akan menindaklanjutinya sesuai panduan komunitas.",
    ]
    assert newsclean.parse("\n".join([HEADLINE, LEAD, *PARAGRAPHS, *comments])).body == [LEAD, *PARAGRAPHS]


def test_a_list_heading_followed_by_more_paragraphs_is_a_widget_label_not_the_end_of_the_story() -> None:
    raw = "\n\n".join([HEADLINE, LEAD, PARAGRAPHS[0], "Berita Terkait", *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


def test_a_list_heading_followed_by_headlines_still_ends_the_story() -> None:
    others = ["Harga Cabai Rawit di Pasar Induk Turun Tipis", "Jadwal Pemadaman Listrik Bergilir Pekan Depan"]
    raw = "\n\n".join([HEADLINE, LEAD, *PARAGRAPHS, "Berita Terkait", *others])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


@pytest.mark.parametrize(
    "cut",
    [
        "Sementara itu, petugas Dinas Sumber Da",
        "Wali Kota Ja",
        "Ba",
        # A short closing quote with the desk code, headline-shaped by its capitals, is the story's end too.
        '"Tersangka Dijerat Pasal 2 atau 3 Undang-Undang Tindak Pidana Korupsi," pungkasnya. (bar)',
    ],
)
def test_the_unfinished_last_line_of_a_cut_dump_stays_with_the_story(cut: str) -> None:
    assert newsclean.parse("\n".join([HEADLINE, LEAD, *PARAGRAPHS, cut])).body == [LEAD, *PARAGRAPHS, cut]


@pytest.mark.parametrize("last", ["Reporter Magang: Budi Santoso", "Halaman: 12Lihat Semua", "Leave a Reply"])
def test_a_label_or_comment_heading_last_on_the_page_is_not_the_story(last: str) -> None:
    assert newsclean.parse("\n".join([HEADLINE, LEAD, *PARAGRAPHS, last])).body == [LEAD, *PARAGRAPHS]


def test_lines_of_data_are_neither_a_headline_widget_nor_the_end_of_the_story() -> None:
    data = ["Cum Dividen di Pasar Reguler: 26 November 2024", "Ex Dividen di Pasar Reguler : 28 November 2024"]
    item = "2. PT Warta Makmur Tbk (WART) Perseroan akan membagikan dividen interim untuk tahun buku 2024 kepada pemegang saham."
    raw = "\n".join([HEADLINE, LEAD, *PARAGRAPHS, *data, item, *data])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS, *data, item, *data]


def test_a_lead_broken_at_its_links_into_short_lines_is_one_paragraph() -> None:
    pieces = [
        "Jakarta, CNN Indonesia -- Dinas Sumber Daya Air",
        "DKI Jakarta menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, terutama",
        "di kawasan permukiman padat.",
    ]
    article = newsclean.parse("\n".join([*pieces, *PARAGRAPHS]))
    assert article.body == [" ".join(pieces), *PARAGRAPHS]


def test_a_dated_sub_heading_does_not_split_the_story() -> None:
    raw = "\n".join([HEADLINE, LEAD, PARAGRAPHS[0], "Jadwal Pemadaman Bergilir, Senin 14 April 2025", *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, PARAGRAPHS[0], "Jadwal Pemadaman Bergilir, Senin 14 April 2025", *PARAGRAPHS[1:]]


def test_stacked_sub_headings_and_an_announced_list_stay_in_the_story() -> None:
    story = [
        LEAD,
        "Wilayah yang Terdampak",
        "Kawasan Rawan Genangan",
        "Petugas mencatat sejumlah kecamatan yang paling sering tergenang, yakni sebagai berikut:",
        "- Kelapa Gading",
        "- Cilincing",
        "- Penjaringan Utara",
        *PARAGRAPHS,
    ]
    assert newsclean.parse("\n".join([HEADLINE, *story])).body == story


def test_the_rest_of_a_list_whose_first_item_is_plain_text_stays_in_the_story() -> None:
    story = [
        LEAD,
        "Yang harus diperiksa warga adalah:",
        "- Kelas pompa (kecil, sedang, atau besar)",
        "- Kapasitas Pompa Air (Liter per Detik Beda Jauh Hasilnya)",
        "- Merek Mesin Penggerak (Honda, Yamaha, atau Lainnya?)",
        "- Daya Listrik Terpasang (Watt Lebih Besar Lebih Boros)",
        *PARAGRAPHS,
    ]
    assert newsclean.parse("\n".join([HEADLINE, *story])).body == story


def test_a_numbered_heading_right_above_the_first_paragraph_opens_the_story() -> None:
    raw = "\n".join([HEADLINE, "Reporter : Budi Santoso", "", "3. Pompa Cadangan – Disiagakan di Kali Sunter", *PARAGRAPHS])
    assert newsclean.parse(raw).body == ["3. Pompa Cadangan – Disiagakan di Kali Sunter", *PARAGRAPHS]


def test_a_sub_heading_above_the_cut_off_last_line_stays_too() -> None:
    raw = "\n".join([HEADLINE, LEAD, *PARAGRAPHS, "", "Pompa Cadangan Disiapkan", "", "Selain itu, petugas"])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS, "Pompa Cadangan Disiapkan", "Selain itu, petugas"]


def test_a_long_list_the_lead_announces_does_not_cut_the_lead_off() -> None:
    # An excerpt that opens on the lead: the list of prices it announces is no header, no item the headline.
    intro = "Adapun rincian harga pompa air di toko hari ini adalah sebagai berikut:"
    prices = [f"Pompa {n} watt: Rp {n * 3}.000" for n in (125, 150, 200, 250, 300, 350, 400, 500, 600, 750, 900, 1000, 1200)]
    article = newsclean.parse("\n".join([LEAD, intro, *prices, *PARAGRAPHS]))
    assert article.title is None
    assert article.body == [LEAD, intro, *prices, *PARAGRAPHS]


@pytest.mark.parametrize(
    ("between", "kept"),
    [
        # A sub-heading in sentence case ("Pompa cadangan disiapkan"), as many sites write them.
        (["Pompa cadangan disiapkan"], ["Pompa cadangan disiapkan"]),
        # An in-story link between the last paragraph and the cut-off line is set aside, not the cut.
        (["Baca juga: Harga Cabai Rawit di Pasar Induk Turun Tipis"], []),
        # A photo's title and caption printed between them: the cut-off line still ends the story.
        (["Rumah pompa Kali Sunter", "Petugas memeriksa rumah pompa Kali Sunter"], []),
    ],
)
@pytest.mark.parametrize("cut", ["Memasuki sesi kedua, petu", "Seme"])
def test_the_cut_off_last_line_after_a_heading_a_link_or_a_photo_stays(between: list[str], kept: list[str], cut: str) -> None:
    raw = "\n".join([HEADLINE, LEAD, *PARAGRAPHS, *between, cut])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS, *kept, cut]


@pytest.mark.parametrize(
    "caption",
    [
        "Foto: Wali kota meninjau rumah pompa Kali Sunter bersama petugas.",
        "Ilustrasi banjir di permukiman warga. (@WartaKota / Net)",
        "Pompa air dioperasikan di Kali Sunter. (https://instagram.com/dinas.sda)",
        "Pompa air dioperasikan di Kali Sunter. (Budi Santoso/)",
    ],
)
def test_photo_captions_in_more_shapes_are_not_body(caption: str) -> None:
    raw = "\n".join([HEADLINE, LEAD, PARAGRAPHS[0], caption, *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


@pytest.mark.parametrize(
    ("last", "code"),
    [
        ('"Kami siap menghadapi puncak musim hujan," kata Rudi di Balai Kota. (Rin/Ed/Warta)', "Rin/Ed/Warta"),
        ("Seperti diketahui, banjir besar terakhir melanda kota ini pada awal tahun 2020 silam.(Rina/warta)", "Rina/warta"),
    ],
)
def test_the_story_s_last_paragraph_closing_with_a_code_is_not_a_caption(last: str, code: str) -> None:
    article = newsclean.parse("\n".join([HEADLINE, LEAD, *PARAGRAPHS, last]))
    assert article.body == [LEAD, *PARAGRAPHS, last]
    assert article.closing_code == code


def test_a_keyword_caption_with_its_date_under_the_lead_photo_is_the_photo_s() -> None:
    caption = "BANJIR - Warga menunggu bantuan di posko pengungsian Kali Sunter, Senin (3/2/2025)."
    raw = "\n".join([HEADLINE, "Pompa air di Kali Sunter", "Warta Kota/Rina Marlina", caption, LEAD, *PARAGRAPHS])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


@pytest.mark.parametrize(
    "chrome",
    [
        "SCROLL TO RESUME CONTENT",
        "Iklan - Scroll untuk Melanjutkan",
        "Terkait",
        "Foto dari YouTube",
        "xq7 ADVERTISEMENT",
        "Silakan baca konten menarik lainnya dari Warta.com di Google News",
        "* Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor 0811-0000-000.",
    ],
)
def test_more_promo_variants_are_chrome(chrome: str) -> None:
    raw = "\n".join([HEADLINE, LEAD, PARAGRAPHS[0], chrome, *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


def test_a_question_put_to_each_interviewee_is_neither_the_headline_nor_the_end_of_the_story() -> None:
    question = "Apa Alasan Anda Memilih Bertahan di Kampung Halaman?"
    answers = [f'"{p}"' for p in PARAGRAPHS]
    raw = "\n".join(
        [HEADLINE, LEAD, "Rina, nelayan", question, answers[0], "Budi, petani", question, answers[1],
         "Sari, guru", question, answers[2]]
    )
    article = newsclean.parse(raw)
    assert article.title == HEADLINE
    assert article.body[0] == LEAD and article.body[-1] == answers[2]
    assert article.body.count(question) == 3


def test_a_headline_repeated_as_each_gallery_photo_s_alt_text_is_still_the_headline() -> None:
    # A renderer prints every photo's alt text, here the headline itself, between the gallery's items.
    items = [f"{k}. {p}" for k, p in enumerate(PARAGRAPHS, 1)]
    menu = [f"Rubrik {k}" for k in range(1, 50)]  # a whole page: the site's menus above the story
    raw = "\n".join(
        [*menu, HEADLINE, DEK.rstrip("."), "Senin, 13 Januari 2025 09:15 WIB", HEADLINE, LEAD]
        + [line for item in items for line in (HEADLINE, item)]
    )
    article = newsclean.parse(raw)
    assert article.title == HEADLINE
    assert article.body == [LEAD, *items]


def test_an_article_rating_box_starts_the_trailing_chrome() -> None:
    after = ["Rate artikel ini", "Like (0)", "Dislike (0)", "Author", "Editor",
             "Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!",
             "Email berhasil dikirim, sekarang anda sudah berlangganan di sini."]
    raw = "\n\n".join([HEADLINE, LEAD, *PARAGRAPHS, *after])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]


def test_a_gallery_of_photo_cards_below_a_short_photo_story_is_not_the_story() -> None:
    # Each card: the photo's caption, its credit in brackets, then the headline of the story it opens.
    cards = [
        "Warga menunggu bantuan di posko pengungsian banjir di Kelurahan Kampung Melayu, Jakarta Timur, "
        "Senin (3/2). (Antara/Nama Fotografer) Banjir Rendam Ratusan Rumah di Kampung Melayu",
        "Petugas membersihkan lumpur sisa banjir di ruas jalan protokol kawasan Cawang, Jakarta Timur, "
        "Selasa (4/2). (Republika/Nama Fotografer) Lumpur Sisa Banjir Ganggu Lalu Lintas Cawang",
        "Relawan membagikan makanan kepada pengungsi yang bertahan di masjid dekat bantaran sungai, "
        "Rabu (5/2). (Antara/Nama Lain) Relawan Bagikan Ribuan Nasi Bungkus untuk Pengungsi",
        "Anak-anak bermain di genangan air yang belum surut di permukiman padat di tepi Kali Ciliwung, "
        "Kamis (6/2). (Antara/Nama Lain) Genangan Belum Surut, Anak-anak Bermain di Jalan",
    ]
    story = [
        "JAKARTA -- Petugas memeriksa pompa air di rumah pompa Kali Sunter, Jakarta Utara, Senin (13/1).",
        "Pompa yang baru tiba itu diuji sebelum dipasang di titik rawan genangan menjelang puncak musim hujan.",
    ]
    raw = "\n\n".join(
        [HEADLINE, "Senin, 13 Januari 2025, 17:15 WIB", *story, "Redaktur : Nama Redaktur", "Terpopuler"]
        + [line for card in cards for line in (card, "1.234 views")]
    )
    assert newsclean.parse(raw).body == story


def test_a_photo_s_alt_text_and_caption_inside_the_story_do_not_split_it() -> None:
    # A renderer prints the photo's alt text, an ad slot's label and the caption: the same text twice.
    caption = "Potret petugas memeriksa pompa air. (Dinas SDA)"
    raw = "\n\n".join([HEADLINE, LEAD, PARAGRAPHS[0], caption, "ADVERTISEMENT", caption, *PARAGRAPHS[1:]])
    assert newsclean.parse(raw).body == [LEAD, *PARAGRAPHS]
