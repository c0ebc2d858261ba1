"""The `reflow` step: hard-wrapped renderings (lynx, w3m, html2text, fold) back to whole paragraphs.

Dumps are built here from invented Indonesian text, wrapped the way the renderers wrap it.
"""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES
from newsclean.load import load
from newsclean.page import Page
from newsclean.pipeline import run_steps
from newsclean.steps._layout import fits, read_layout, strip_markdown, strip_widgets
from newsclean.steps.normalize import normalize
from newsclean.steps.reflow import reflow

PARAGRAPHS = [
    "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, terutama "
    "di kawasan permukiman padat di bantaran sungai yang setiap tahun terendam.",
    '"Kami minta warga tidak membuang sampah ke saluran karena itu membuat air meluap ke jalan," kata Kepala '
    "Dinas Sumber Daya Air, Rudi Hartono, di Balai Kota, Senin.",
    "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan "
    "banjir selama puncak musim hujan tahun ini.",
]


def wrapped(paragraphs: list[str], width: int, indent: str = "") -> str:
    """Paragraphs as a greedy wrapper prints them: broken at `width` columns, a blank line between."""
    return "\n\n".join(
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
        for p in paragraphs
    )


def reflowed(text: str) -> Page:
    page = load(text)
    normalize(page)
    reflow(page)
    return page


def kept(page: Page) -> list[str]:
    """The lines left for the later steps (not joined into another, not set aside)."""
    return [line.text for line in page.lines if line.text and line.label is None]


# ------------------------------------------------------------------------------ deciding once per document


def test_an_ordinary_dump_has_no_layout_and_passes_untouched() -> None:
    text = "Pompa Air Disiagakan di Dua Puluh Titik\n\n" + "\n\n".join(PARAGRAPHS)
    assert read_layout(text.splitlines()) is None
    page = reflowed(text)
    assert kept(page) == ["Pompa Air Disiagakan di Dua Puluh Titik", *PARAGRAPHS]
    assert all(line.label in (None, "blank") for line in page.lines)


def test_no_bundled_ordinary_dump_is_taken_for_a_rendering() -> None:
    ordinary = [p for p in FIXTURES.glob("*/*.txt") if p.parent.name != "rendered"]
    assert ordinary
    for dump in ordinary:
        assert read_layout(dump.read_text(encoding="utf-8").splitlines()) is None, dump.name


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_the_wrap_width_is_found(width: int) -> None:
    text = wrapped(PARAGRAPHS * 2, width)
    layout = read_layout(text.splitlines())
    assert layout is not None and layout.width is not None
    longest = max(len(line) for line in text.splitlines())
    # Any width from the longest line up to where the next word would have fitted explains the breaks.
    assert longest <= layout.width <= width + 2
    assert kept(reflowed(text)) == PARAGRAPHS * 2


def test_indentation_is_measured_from_the_left_margin() -> None:
    # lynx indents paragraphs three columns and prints headings flush left.
    text = "Banjir Surut\n\n" + wrapped(PARAGRAPHS[:2], 74, indent="   ") + "\n\nPompa Tambahan\n\n" + wrapped(
        PARAGRAPHS[2:], 74, indent="   "
    )
    assert kept(reflowed(text)) == ["Banjir Surut", PARAGRAPHS[0], PARAGRAPHS[1], "Pompa Tambahan", PARAGRAPHS[2]]


def test_a_short_last_line_ends_its_paragraph() -> None:
    # "Senin." is short: the paragraph ends there; the next line, which would have fitted after it, starts anew.
    text = wrapped(PARAGRAPHS[1:], 70).replace("\n\n", "\n", 1)
    assert "Senin.\nSelain" in text
    assert kept(reflowed(text)) == PARAGRAPHS[1:]


def test_a_line_broken_by_the_page_is_not_joined() -> None:
    # An address block printed line by line (<br>): each line would have fitted after the one before.
    text = wrapped(PARAGRAPHS, 70) + "\n\nRedaksi Warta Kota\nJalan Merdeka 12\nTelepon 021 555 0101"
    assert kept(reflowed(text))[-3:] == ["Redaksi Warta Kota", "Jalan Merdeka 12", "Telepon 021 555 0101"]


def test_lists_keep_their_items_and_join_an_item_wrapped_under_its_text() -> None:
    items = [
        "tekanan darah tinggi pada warga lanjut usia,",
        "infeksi saluran pernapasan pada anak-anak yang tinggal di pulau kecil dan jauh dari puskesmas induk,",
        "luka pada nelayan penyelam.",
    ]
    listed = "\n".join(textwrap.fill(item, 70, initial_indent="  • ", subsequent_indent="    ") for item in items)
    text = wrapped(PARAGRAPHS[:2], 70) + "\n\n" + listed + "\n" + wrapped(PARAGRAPHS[2:], 70)
    page = reflowed(text)
    assert kept(page) == [PARAGRAPHS[0], PARAGRAPHS[1], *items, PARAGRAPHS[2]]
    assert [line.bullet for line in page.lines if line.text in items] == [True, True, True]


def test_a_menu_drawn_as_a_bullet_tree_is_chrome() -> None:
    menu = "  • Beranda\n  • Daerah\n      □ Jawa Tengah\n      □ Yogyakarta\n  • Ekonomi\n  • Olahraga\n"
    page = reflowed(menu + "\n" + wrapped(PARAGRAPHS, 79))
    entries = [line for line in page.lines if line.original.lstrip()[:1] in ("•", "□")]
    assert len(entries) == 6
    assert {(line.label, line.step) for line in entries} == {("chrome", "reflow")}
    assert kept(page) == PARAGRAPHS


def test_a_hyphenated_word_broken_at_its_hyphen_is_one_word_again() -> None:
    text = wrapped(PARAGRAPHS[:1], 70) + "\n\n" + (
        "Harga minyak dunia kembali naik setelah serangan baru dalam perang Rusia-\n"
        "Ukraina berlanjut pekan ini, kata analis energi dari sebuah bank swasta -\n"
        "yang meminta namanya tidak disebut - kepada wartawan di Jakarta."
    )
    assert kept(reflowed(text))[-1] == (
        "Harga minyak dunia kembali naik setelah serangan baru dalam perang Rusia-Ukraina berlanjut pekan ini, "
        "kata analis energi dari sebuah bank swasta - yang meminta namanya tidak disebut - kepada wartawan di "
        "Jakarta."
    )


def test_fits_counts_the_space_a_word_needs() -> None:
    assert fits("abc", "de fgh", 6)  # "abc de" is 6 columns: it would have fitted
    assert not fits("abc", "defg hij", 6)
    assert fits("Rusia-", "Ukraina", 13)  # after a hyphen no space is needed


def test_fold_cutting_words_is_undone_exactly() -> None:
    # `fold -w 60` (without -s) cuts every line at exactly 60 characters, in the middle of words too.
    source = "\n\n".join(PARAGRAPHS * 2)
    cut = "\n".join(
        "\n".join(paragraph[k : k + 60] for k in range(0, len(paragraph), 60)) if paragraph else ""
        for paragraph in source.split("\n")
    )
    layout = read_layout(cut.splitlines())
    assert layout is not None and layout.cut and layout.width == 60
    assert kept(reflowed(cut)) == PARAGRAPHS * 2


# ----------------------------------------------------------------------------------------- markup


def test_lynx_link_numbers_and_reference_list_are_set_aside() -> None:
    marked = [PARAGRAPHS[0].replace("dua puluh", "dua [12]puluh"), PARAGRAPHS[1].replace("Rudi", "[14]Rudi")]
    text = (
        wrapped(marked[:1], 74, indent="   ")
        + "\n\n   Baca juga: [13]Warga Bantaran Sungai Diminta Waspada\n\n"
        + wrapped([marked[1], *PARAGRAPHS[2:], *PARAGRAPHS], 74, indent="   ")
        + "\n\nReferences\n\n   Visible links:\n  12. https://warta.example/tag/pompa\n"
        "  13. https://warta.example/read/waspada\n  14. https://warta.example/tag/rudi\n"
    )
    page = reflowed(text)
    assert kept(page) == [PARAGRAPHS[0], "Baca juga: Warga Bantaran Sungai Diminta Waspada", *PARAGRAPHS[1:], *PARAGRAPHS]
    refs = [line for line in page.lines if line.index >= text.splitlines().index("References") and line.text]
    assert {(line.label, line.step) for line in refs} == {("chrome", "reflow")}


def test_markdown_is_read_as_text() -> None:
    text = (
        "  * [Beranda](/)\n  * [Daerah](/daerah)\n\n# Pompa Air Disiagakan di Dua Puluh Titik\n\n"
        + wrapped(["**JAKARTA** - " + PARAGRAPHS[0].replace("pompa air", "[pompa air](/tag/pompa-air)")], 78)
        + "\n\n![Pompa di bantaran sungai](/foto/pompa.jpg)\n\n## Perahu karet\n"
        + wrapped(PARAGRAPHS[1:], 78)
    )
    page = reflowed(text)
    assert kept(page) == [
        "Pompa Air Disiagakan di Dua Puluh Titik",
        "JAKARTA - " + PARAGRAPHS[0],
        "Perahu karet",
        *PARAGRAPHS[1:],
    ]
    tags = {line.text: line.tag for line in page.lines if line.tag}
    assert tags == {"Pompa Air Disiagakan di Dua Puluh Titik": "h1", "Perahu karet": "h2"}


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("harga [cabai](https://x.example/tag/cabai) naik", "harga cabai naik"),
        ("![foto](/a.jpg) Petani memetik kopi", "Petani memetik kopi"),
        ("**Baca juga:** [Judul Berita](/read/1 \"Judul Berita\")", "Baca juga: Judul Berita"),
        ("kata _netizen_ di media sosial", "kata netizen di media sosial"),
        ("Rabu \\(1/11/2023\\), pukul 10\\.00", "Rabu (1/11/2023), pukul 10.00"),
        ("nama_berkas_foto tetap utuh", "nama_berkas_foto tetap utuh"),
    ],
)
def test_strip_markdown(markdown: str, plain: str) -> None:
    assert strip_markdown(markdown) == plain


# ------------------------------------------------------------------------------- the labelled-lines model


def test_every_line_is_accounted_for() -> None:
    text = "Pompa Air Disiagakan di Dua Puluh Titik\n\nSenin, 3 Juni 2024 09:15 WIB\n\n" + wrapped(PARAGRAPHS, 70)
    page = load(text)
    run_steps(page)
    wrapped_lines = [line for line in page.lines if line.label == "wrapped"]
    assert wrapped_lines and all(line.step == "reflow" and "paragraph of line" in line.reason for line in wrapped_lines)
    assert all(line.label is not None for line in page.lines)

    article = newsclean.parse(text, explain=True)
    assert article.body == PARAGRAPHS
    removed = {r.index for r in article.removed or []}
    body_heads = {line.index for line in page.lines if line.label == "body"}
    blank = {k for k, raw in enumerate(text.splitlines()) if not raw.strip()}
    assert removed | body_heads | blank == set(range(len(text.splitlines())))
    assert {r.label for r in article.removed or [] if r.index in {ln.index for ln in wrapped_lines}} == {"wrapped"}


@pytest.mark.skipif(
    subprocess.run(["which", "fold"], capture_output=True).returncode != 0, reason="needs the `fold` program"
)
def test_the_fold_fixture_is_fold_output_of_its_source(tmp_path: Path) -> None:
    source = FIXTURES / "rendered" / "sources" / "kabar-pesisir.txt"
    folded = subprocess.run(["fold", "-s", "-w", "72", str(source)], capture_output=True, text=True, check=True)
    assert folded.stdout == (FIXTURES / "rendered" / "fold-kabar-pesisir.txt").read_text(encoding="utf-8")


# A gallery: the same caption (an image's alt text) printed under every photo, paragraphs with no blank
# line between them, as lynx prints a page's <p>s inside one <div>. Several paragraphs end close to the
# margin, where the next one's first word would not have fitted.
GALLERY_CAPTION = (
    "Petugas memeriksa pompa air di rumah pompa Kali Sunter, Jakarta Utara, Senin (13/1/2025). "
    "Pompa yang baru tiba itu diuji sebelum dipasang di titik rawan genangan di kawasan pesisir utara kota "
    "pada awal pekan depan."
)
GALLERY_STORY = [
    "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras di kawasan "
    "padat penduduk di bantaran sungai utama yang setiap tahun terendam air kiriman dari hulu di wilayah selatan.",
    "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan "
    "banjir selama puncak musim hujan tahun ini, termasuk dapur umum bagi warga yang mengungsi dari rumah mereka.",
    "Rudi menambahkan, warga dapat melapor melalui layanan pengaduan 24 jam apabila melihat saluran yang "
    "tersumbat di kampungnya masing-masing, pada malam hari maupun akhir pekan saat kantor dinas sedang tutup dan libur.",
    "Dinas juga membersihkan endapan lumpur di saluran utama agar air hujan cepat mengalir ke sungai dan tidak "
    "menggenangi jalan raya yang menjadi jalur utama angkutan kota menuju pusat perbelanjaan di selatan.",
]


def gallery_dump() -> tuple[str, list[str]]:
    order = [GALLERY_STORY[0], GALLERY_CAPTION, GALLERY_STORY[1], GALLERY_CAPTION, GALLERY_STORY[2],
             GALLERY_CAPTION, GALLERY_STORY[3]]
    return "\n".join(wrapped([p], 77, indent="   ") for p in order), order


def test_a_text_printed_more_than_once_starts_and_ends_its_own_paragraph() -> None:
    text, order = gallery_dump()
    ends = [line for line in text.splitlines() if line.endswith(".")]
    assert not any(fits(end, "   Petugas", 77) for end in ends[:2])  # the margin alone joins them
    assert kept(reflowed(text)) == order


def test_a_caption_printed_between_every_two_paragraphs_neither_stays_nor_splits_the_story() -> None:
    text, _ = gallery_dump()
    raw = "Pompa Air Disiagakan di Dua Puluh Titik\n\n   Senin, 13 Januari 2025 09:15 WIB\n\n" + text
    assert newsclean.parse(raw).body == GALLERY_STORY


def test_a_list_of_links_each_on_its_own_line_is_not_a_wrapped_paragraph() -> None:
    # lynx prints a box of other stories' links as one line each, no bullet, at the text's indentation;
    # some lines end close enough to the margin that the next headline would not have fitted.
    links = [
        "Warga Bantaran Sungai Diminta Waspada Banjir Kiriman dari Hulu Sungai",
        "Pompa Baru Tiba di Rumah Pompa Kali Sunter Setelah Tertunda Dua Pekan",
        "Dinas Sumber Daya Air Siagakan Perahu Karet di Setiap Kecamatan Rawan",
        "Sampah Sumbat Saluran, Jalan Protokol Tergenang",
    ]
    marked = [p.replace("dua puluh", "dua [12]puluh").replace("Rudi", "[17]Rudi").replace("karet", "[18]karet")
              for p in PARAGRAPHS]
    text = (
        wrapped(marked[:1], 77, indent="   ")
        + "\n\nJangan Lewatkan\n\n"
        + "\n".join(f"   [{13 + k}]{title}" for k, title in enumerate(links))
        + "\n\n"
        + wrapped(marked[1:], 77, indent="   ")
    )
    assert not fits(f"   [13]{links[0]}", f"   [14]{links[1]}", 77)
    assert kept(reflowed(text)) == [PARAGRAPHS[0], "Jangan Lewatkan", *links, *PARAGRAPHS[1:]]


def test_a_timestamp_line_under_a_long_headline_is_not_the_headline_s_continuation() -> None:
    headline = "Pemerintah Kota Siagakan Dua Puluh Pompa Air di Titik Rawan Banjir Jakarta"
    stamp = "Selasa, 23 Februari 2016, 17:15 WIB"
    text = f"   {headline}\n   {stamp}\n\n" + wrapped(PARAGRAPHS, 77, indent="   ")
    assert not fits(f"   {headline}", f"   {stamp}", 77)  # the margin alone joins them
    assert kept(reflowed(text)) == [headline, stamp, *PARAGRAPHS]
    article = newsclean.parse(text)
    assert article.title == headline
    assert article.published_at is not None and article.published_at.isoformat() == "2016-02-23T17:15:00+07:00"


def test_a_sentence_wrapped_before_its_date_is_still_one_paragraph() -> None:
    text = wrapped(PARAGRAPHS, 77, indent="   ") + (
        "\n\n   Foto kegiatan itu diunggah oleh akun resmi pemerintah kota di Instagram\n"
        "   @pemkot, Senin (20/5/2024)\n"
    )
    assert kept(reflowed(text))[-1].endswith("di Instagram @pemkot, Senin (20/5/2024)")


def test_w3m_s_small_image_glyph_is_not_text() -> None:
    # w3m prints a heading's small icon as a black circle glued to the heading, and lone icons as lines
    # of their own: "Berita Terkait" must still be read as the start of the related-stories box.
    teasers = [
        "Warga Bantaran Sungai Diminta Waspada Banjir Kiriman dari Hulu",
        "Sebelumnya, petugas sudah memeriksa seluruh pompa di rumah pompa Kali Sunter dan Pluit.",
        "Pompa Baru Tiba di Rumah Pompa Kali Sunter",
        "Petugas dinas memasang pompa tambahan di kawasan permukiman padat di utara kota.",
    ]
    text = (
        "Pompa Air Disiagakan di Dua Puluh Titik\n\nSenin, 3 Juni 2024 09:15 WIB\n\n"
        + wrapped(PARAGRAPHS, 79)
        + "\n\n●\n\nBerita Terkait●\n\n"
        + "\n\n".join(teasers)
    )
    page = reflowed(text)
    assert "Berita Terkait" in kept(page) and "●" not in kept(page)
    assert newsclean.parse(text).body == PARAGRAPHS


def test_a_star_printed_as_text_wraps_at_its_own_column_and_is_still_one_paragraph() -> None:
    # "* Ikuti ..." is the page's own text, not a list: lynx wraps it back to the star's column.
    note = ("* Ikuti saluran WhatsApp resmi Warta Kota untuk mendapatkan kabar banjir dan genangan "
            "terkini dengan menekan tautan ini.")
    text = wrapped(PARAGRAPHS[:2], 77, indent="   ") + "\n\n" + wrapped([note], 77, indent="   ") + "\n\n" + (
        wrapped(PARAGRAPHS[2:], 77, indent="   ")
    )
    assert "banjir\n   dan genangan" in text  # the second line starts under the star
    assert kept(reflowed(text)) == [*PARAGRAPHS[:2], note[2:], *PARAGRAPHS[2:]]


@pytest.mark.parametrize(
    ("printed", "plain"),
    [
        ("[INS:", ""),  # w3m's insertion mark split over two lines
        (":INS]", ""),
        ("[INS:[INS::INS]:INS]", ""),
        ("2 dari 4 halaman ━━━━━━━━━━━━━━━━━━━━", "2 dari 4 halaman"),  # a rule wrapped onto a label
        ("──────────", ""),
        ("Harga cabai [12] naik", "Harga cabai [12] naik"),  # (link numbers are reflow's, not widgets)
    ],
)
def test_w3m_marks_are_widgets(printed: str, plain: str) -> None:
    assert strip_widgets(printed) == plain


def test_w3m_s_split_insertion_marks_and_rules_do_not_reach_the_body() -> None:
    text = (
        "Pompa Air Disiagakan di Dua Puluh Titik\n\nSenin, 3 Juni 2024 09:15 WIB\n\n"
        + wrapped(PARAGRAPHS[:1], 79)
        + "\n\n[INS:\n\n:INS]\n\n"
        + wrapped(PARAGRAPHS[1:], 79)
        + "\n\n" + "━" * 79 + "\n\n" + wrapped(GALLERY_STORY[:2], 79)
    )
    assert newsclean.parse(text).body == [*PARAGRAPHS, *GALLERY_STORY[:2]]
