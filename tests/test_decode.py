"""Tests for newsclean.decode: bytes → text and the HTML sniff."""

from __future__ import annotations

import codecs

import pytest

from newsclean.decode import decode_bytes, looks_like_html, repair_mojibake
from newsclean.errors import InputError

SAMPLE = "Wali Kota meresmikan kafé “Rasa Nusantara” – kata Budi’s"


def _as_mojibake(text: str) -> str:
    """UTF-8 bytes shown through a cp1252 decoder that falls back to latin-1 for its undefined slots."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def test_plain_utf8() -> None:
    assert decode_bytes(SAMPLE.encode("utf-8")) == SAMPLE


def test_empty_bytes_give_empty_text() -> None:
    assert decode_bytes(b"") == ""


@pytest.mark.parametrize(
    "bom,encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides_and_is_removed(bom: bytes, encoding: str) -> None:
    assert decode_bytes(bom + SAMPLE.encode(encoding)) == SAMPLE


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes("Berita hari ini dari Jakarta".encode("utf-16-le")) == "Berita hari ini dari Jakarta"


def test_cp1252_bytes_without_declaration() -> None:
    assert decode_bytes(SAMPLE.encode("cp1252")) == SAMPLE


def test_meta_charset_latin1_is_read_as_cp1252() -> None:
    # Curly quotes live in cp1252's 0x80-0x9F range, which real "iso-8859-1" pages use.
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>{}</p></body></html>'.format(SAMPLE)
    assert SAMPLE in decode_bytes(page.encode("cp1252"))


def test_http_equiv_content_type_is_honoured() -> None:
    text = "Пресс-релиз"  # a Cyrillic page declares its code page
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>{text}</p>'
    assert text in decode_bytes(page.encode("cp1251"))


def test_wrong_utf8_declaration_falls_back_to_the_bytes() -> None:
    page = '<meta charset="utf-8"><p>{}</p>'.format(SAMPLE)
    assert SAMPLE in decode_bytes(page.encode("cp1252"))


def test_latin1_declaration_on_utf8_bytes_keeps_utf8() -> None:
    page = '<meta charset="ISO-8859-1"><p>{}</p>'.format(SAMPLE)
    assert SAMPLE in decode_bytes(page.encode("utf-8"))


def test_double_encoded_utf8_is_repaired() -> None:
    broken = _as_mojibake(SAMPLE)
    assert "â€" in broken and "Ã©" in broken
    assert decode_bytes(broken.encode("utf-8")) == SAMPLE


def test_repair_leaves_clean_text_alone() -> None:
    clean = "Kafé Ölmez à la carte — harga naik 5% “kata” Menteri"
    assert repair_mojibake(clean) == clean


def test_repair_undoes_double_damage() -> None:
    assert repair_mojibake(_as_mojibake(_as_mojibake("résumé"))) == "résumé"


def test_binary_nul_heavy_raises() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 200)


def test_control_characters_raise() -> None:
    with pytest.raises(InputError):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 100)


def test_wrong_type_raises() -> None:
    with pytest.raises(InputError):
        decode_bytes("sudah teks")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Halo</p></body></html>",
        "  <html lang='id'><p>Halo</p></html>",
        "<head><title>Berita</title></head>",
        "<div class='x'><p>Satu</p><p>Dua</p></div>",
        "<!-- disimpan --><!doctype HTML><p>x</p>",
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jakarta - Harga cabai < Rp 50.000 per kilogram, kata pedagang.",
        "Baca juga: Menkeu <3 UMKM\nHarga naik 2 < 3 kali lipat",
        "Judul berita\nIsi dengan tag nyasar <br> di tengah kalimat.\nParagraf berikutnya.",
        # A text rendering that quotes a frame's HTML source after a screenful of its own text.
        "Beranda\nBerita\n" + "Paragraf teks biasa yang cukup panjang untuk sebuah halaman.\n" * 6
        + "IFRAME: <!doctype html><html><head><style>a{color:red}</style></head></html>\n",
        # A text rendering that printed an ad's markup literally, among many lines of text.
        "Menu\nBerita\nOlahraga\nHiburan\nJudul Berita Hari Ini\n"
        + "<a href='http://iklan.example/klik?n=1'><img src='http://iklan.example/b.png' /></a>\n" * 2
        + "Paragraf pertama berita ini cukup panjang.\nParagraf kedua juga.\nParagraf ketiga.\n" * 3,
        "",
    ],
)
def test_text_dumps_are_not_html(text: str) -> None:
    assert not looks_like_html(text)


PARA = "Pemerintah daerah menyatakan bahwa program tersebut — kata Budi — akan dilanjutkan “segera” tahun depan.\n"


@pytest.mark.parametrize("repeat", [3, 30, 300])
def test_utf8_dump_cut_inside_its_last_character_stays_utf8(repeat: int) -> None:
    # The cut "—" made strict UTF-8 fail, and the whole page went to a Cyrillic code page ("тАФ").
    data = (PARA * repeat + "Akhir —").encode("utf-8")[:-1]
    assert decode_bytes(data) == PARA * repeat + "Akhir "


def test_utf8_dump_cut_inside_its_first_character_stays_utf8() -> None:
    data = ("—" + PARA * 30).encode("utf-8")[2:]
    assert decode_bytes(data) == PARA * 30


def test_valid_utf8_wins_over_a_false_single_byte_declaration() -> None:
    page = f'<html><head><meta charset="koi8-r"></head><body><p>{PARA}</p></body></html>'
    assert PARA in decode_bytes(page.encode("utf-8"))


def test_invalid_utf8_in_the_middle_is_not_forced_to_utf8() -> None:
    data = ("kafé " * 20).encode("cp1252") + PARA.encode("utf-8")
    assert decode_bytes(data).startswith("kafé kafé")
