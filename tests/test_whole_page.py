"""Whole-page text dumps, as browsers in dump mode print them: the site's menus and header above the story,
teaser lists and widgets below it (invented Indonesian text, in the shapes the renderer benchmark shows)."""

from __future__ import annotations

import newsclean

STORY = [
    "SLEMAN, Warta Kita - Pemerintah kabupaten mulai memperbaiki saluran irigasi di tiga kecamatan yang rusak "
    "diterjang banjir lahar dingin pada awal bulan ini.",
    "Kepala dinas pekerjaan umum, Bambang Sutrisno, mengatakan perbaikan ditargetkan selesai sebelum musim tanam "
    "kedua sehingga petani tidak kehilangan jadwal tanam.",
    '"Kami kerjakan bertahap, dimulai dari saluran yang mengairi sawah paling luas," kata Bambang kepada '
    "wartawan di kantornya, Selasa.",
]
HEADER = ["Warta Kita", "Beranda", "Daerah", "Irigasi Rusak Diterjang Lahar Mulai Diperbaiki",
          "Selasa, 4 Juni 2024 10:00 WIB", "Penulis: Sari Wulandari"]
TEASERS = [
    "Jembatan Gantung Kali Kuning Kembali Dibuka untuk Warga",
    "Warga dua dusun kini tidak perlu memutar sejauh lima kilometer untuk menuju pasar kecamatan setiap pagi.",
    "Harga Gabah Kering Panen di Sleman Naik Menjelang Kemarau",
    "Petani menyebut kenaikan harga gabah belum menutup biaya pupuk dan sewa traktor yang terus naik tahun ini.",
    "Sekolah Dasar di Lereng Merapi Gelar Latihan Evakuasi Bersama",
    "Ratusan murid berlatih menuju titik kumpul bersama guru dan relawan penanggulangan bencana dari desa tetangga.",
    "Pasar Hewan Ambarketawang Ramai Pembeli Jelang Iduladha",
    "Pedagang sapi dari luar daerah mulai berdatangan sejak sepekan terakhir dan harga sapi lokal ikut terkerek naik.",
    "Relawan Bersihkan Sampah Plastik di Pantai Selatan Bantul",
    "Sedikitnya dua ton sampah plastik terkumpul dalam aksi bersih pantai yang diikuti pelajar dan komunitas nelayan.",
    "Bus Sekolah Gratis Mulai Melayani Rute Pedesaan di Gunungkidul",
    "Tiga armada baru melayani anak-anak dari dusun terpencil yang selama ini harus berjalan kaki ke sekolah tiap hari.",
]


def test_a_run_of_teasers_under_their_headlines_does_not_outweigh_the_story() -> None:
    # The teaser list holds more characters of prose-shaped text than the story; its headlines give it away.
    text = "\n".join([*HEADER, "", *STORY, "", "Baca Selengkapnya", "Kamis, 6 Juni 2024", "", *TEASERS])
    assert newsclean.parse(text).body == STORY


def test_a_desk_code_on_its_own_line_closes_the_story() -> None:
    after = ["Bagikan artikel ini", "Berita Pilihan Redaksi Hari Ini", *TEASERS[1:4:2]]
    text = "\n".join([*HEADER, "", *STORY, "(sar/bam)", *after])
    article = newsclean.parse(text)
    assert article.body == STORY


def test_list_items_stay_apart() -> None:
    items = ["saluran induk di Desa Sumberrejo,", "bendung kecil di Dusun Krajan,", "pintu air di Desa Wonokerto."]
    story = [STORY[0], "Saluran yang diperbaiki lebih dulu adalah:", *items, STORY[1], STORY[2]]
    text = "\n".join([*HEADER, "", story[0], story[1], *(f"• {item}" for item in items), *story[-2:]])
    assert newsclean.parse(text).body == story


def test_a_tag_line_after_the_story_is_not_body() -> None:
    text = "\n".join([*HEADER, "", *STORY, "", "Tag: irigasi banjir lahar Sleman"])
    assert newsclean.parse(text).body == STORY


def test_a_breadcrumb_above_the_headline_names_the_rubric_by_its_last_step() -> None:
    text = "\n".join(["Warta Kita", "Beranda » Daerah", *HEADER[3:], "", *STORY])
    assert newsclean.parse(text).section == "Daerah"


def test_a_breadcrumb_or_a_menu_on_one_line_is_not_the_headline() -> None:
    headline = "Irigasi Rusak Diterjang Lahar Mulai Diperbaiki"
    text = "\n".join(
        ["Beranda | Daerah | Ekonomi | Olahraga", "Home > Daerah > Jawa Tengah", "Selasa, 4 Juni 2024 10:00 WIB",
         headline, "Penulis: Sari Wulandari", "", *STORY]
    )
    assert newsclean.parse(text).title == headline


def test_the_site_s_own_tail_marker_in_the_page_header_does_not_end_the_story_before_it_starts() -> None:
    # A whole-page rendering shows the site's header (marker included) above the story, after a teaser.
    header = ["Media Indonesia", "Harga Cabai Turun di Pasar Induk", "Pedagang menyebut pasokan dari Jawa Timur naik.",
              "E-Paper Media Indonesia", "Humaniora", "Irigasi Rusak Diterjang Lahar Mulai Diperbaiki",
              "Selasa, 4 Juni 2024 10:00 WIB"]
    text = "\n".join([*header, "", *STORY, "", "E-Paper Media Indonesia", "Berita Terkini", *TEASERS])
    article = newsclean.parse(text, url="https://mediaindonesia.com/humaniora/123/irigasi")
    assert article.body == STORY


def test_on_a_whole_page_the_headline_is_the_one_nearest_the_story() -> None:
    # The site's menus, two widgets that both list the same other story, a breadcrumb, then the article's
    # header: an image's alt text and its caption print the same words twice, right above the text.
    menu = ["Beranda", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Otomotif", "Gaya Hidup"] * 5
    teaser = "Jembatan Gantung Kali Kuning Kembali Dibuka untuk Warga"
    popular = [teaser, "Harga Gabah Kering Panen Naik Menjelang Kemarau", "Bus Sekolah Gratis Layani Rute Pedesaan",
               "Relawan Bersihkan Sampah Plastik di Pantai Selatan"]
    commented = ["Sekolah di Lereng Merapi Gelar Latihan Evakuasi", teaser, "Pasar Hewan Ramai Pembeli Jelang Iduladha",
                 "Sekolah Terapung Dibuka untuk Anak Suku Laut"]
    headline = "Irigasi Rusak Diterjang Lahar Mulai Diperbaiki Pemerintah Kabupaten"
    photo = "Pekerja Memperbaiki Saluran Irigasi di Desa Sumberrejo"
    text = "\n".join(
        [*menu, "TOP NEWS | TERKINI | RILIS PERS | RSS", "TERPOPULER", *popular, "TERKOMENTARI", *commented,
         "Home > Daerah > Sleman", headline, "Selasa, 4 Juni 2024 10:00 WIB", photo, photo, "", *STORY]
    )
    assert newsclean.parse(text).title == headline


def test_a_teaser_card_s_title_and_timestamp_end_the_story() -> None:
    # Below the story, photo cards print their short title with its date and hour, then a caption.
    cards = []
    titles = ["Jembatan Kali Kuning", "Harga Gabah Naik", "Latihan Evakuasi Merapi"]
    for k, (caption, title) in enumerate(zip(TEASERS[1:6:2], titles, strict=True)):
        cards += [f"{title} 0{k + 1} Jun 2024 1{k}:30", caption]
    story = [*STORY, *(p.replace("Bambang", "Kepala dinas") for p in STORY[1:])]
    text = "\n".join([*HEADER, "", *story, "", *cards])
    assert newsclean.parse(text).body == story
