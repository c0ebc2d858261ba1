"""The cheap tests that let `LineMatcher` skip regex work: the words it reads out of a slow pattern, the
characters a pattern can start with, the characters it must not trust, and matching that gives exactly
what the plain alternations give (on the lexicon's own phrases and patterns, every bundled profile's, and
random lines, one at a time and a page at a time)."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import sites
from newsclean.sites.literals import (
    UNSAFE_CHARS,
    first_chars,
    might_contain,
    page_keys,
    refers_back,
    required_literals,
)
from newsclean.sites.patterns import LineMatcher


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r".{0,200}\b(klik|kunjungi)\s*:?\s*(https?://)?[\w\-]+\.(com|id)\S*", {"klik", "kunjungi"}),
        (r".{1,40}\s(index|indeks)\s*[»›>]+", {"index", "indeks"}),
        (r"(\S+\s+)?scroll to (continue|resume)( with)? content", {
            "scroll to continue content", "scroll to continue with content",
            "scroll to resume content", "scroll to resume with content",
        }),
        (r"[\d.,]+\s*(views|dibaca|comments?)", {"views", "dibaca", "comment", "comments"}),
        (r"(?-i:via [A-Z]\w*)", {"via "}),
        (r"Google\s+News", {"google"}),  # the longest certain piece, lower-cased
        (r"(abc)?defgh", {"abcdefgh", "defgh"}),
    ],
)
def test_required_literals_names_the_words_every_match_contains(pattern: str, words: set[str]) -> None:
    assert required_literals(pattern, re.IGNORECASE) == words


@pytest.mark.parametrize(
    "pattern",
    [
        r"[\d\s.,:]+",  # no word at all
        r"(klik|\d+)\s+\w+",  # one branch without a word
        r"(ab)cdef\1",  # a back-reference: numbered within the alternation, left there
        r"ab",  # too short to be worth a test
        r"(?=klik)\w+",  # a look-ahead's words are not taken
        r"(",  # not a pattern
    ],
)
def test_required_literals_gives_none_when_no_word_is_certain(pattern: str) -> None:
    assert required_literals(pattern, re.IGNORECASE) is None


_NON_SPACE = frozenset(chr(c) for c in range(128) if not chr(c).isspace())


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"halaman\s+\d+", set("hH")),  # a literal, in either case
        (r"(?-i:via [A-Z]\w*)", set("v")),  # case matters inside (?-i:...)
        (r"(?-i:(?i:v)ia)", set("vV")),
        (r"[\d.,]+\s*views", set("0123456789.,")),
        (r"(berita|informasi)\s", set("bBiI")),
        (r"(\d+\s+)?komentar", set("0123456789kK")),  # an optional start: what may follow it too
        (r"\b(?=x)y", set("yY")),  # anchors and look-arounds take no character
        (r"(\S+\s+)?scroll", _NON_SPACE),
        ("\u212aabar", set("kK")),  # KELVIN SIGN: `re.IGNORECASE` matches it to k and K
        ("\u00a9 2024", set()),  # no ASCII character starts a match
    ],
)
def test_first_chars_are_the_ascii_characters_a_match_can_start_with(pattern: str, chars: set[str]) -> None:
    assert first_chars(pattern, re.IGNORECASE) == chars


@pytest.mark.parametrize("pattern", [r".{0,200}\bklik", r"[^|]*berita", r"(a|.)b", r"(a)?\1", r"("])
def test_first_chars_are_unknown_when_a_match_may_start_anywhere(pattern: str) -> None:
    assert first_chars(pattern, re.IGNORECASE) is None


def test_page_keys_are_shared_starts_long_enough_to_help() -> None:
    sets = [frozenset({"index", "indeks"}), frozenset({"klik", "kunjungi"}), frozenset({"advertisement"})]
    assert page_keys(sets) == {"inde", "klik", "kunjungi", "advertisement"}


def test_refers_back() -> None:
    assert refers_back(r"(ab)cdef\1")
    assert refers_back(r"(a)?(?(1)b|c)")
    assert refers_back(r"(")  # unreadable: treated as the unsafe case
    assert not refers_back(r"(ab)cdef")


def test_unsafe_chars_are_all_the_non_ascii_characters_ignorecase_matches_to_ascii() -> None:
    ascii_any = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = {
        chr(code)
        for code in range(0x80, sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and ascii_any.fullmatch(chr(code))
    }
    assert found == set(UNSAFE_CHARS)


def test_might_contain_trusts_no_line_holding_an_unsafe_character() -> None:
    words = frozenset({"klik"})
    assert might_contain("Klik di sini", "klik di sini", words)
    assert not might_contain("Kunjungi kami", "kunjungi kami", words)
    line = "\u212alik di sini"  # KELVIN SIGN: `re.IGNORECASE` reads it as "k"
    assert re.compile("klik", re.IGNORECASE).match(line)
    assert might_contain(line, line.lower(), words)


@lru_cache(maxsize=1)
def _package_patterns() -> list[str]:
    """Every package pattern: the lexicon's and each bundled profile's."""
    patterns = [p for kind in ("chrome", "tail", "listing") for p in sites.lexicon_table(kind).get("pattern", [])]
    for profile in sites.profiles().values():
        for kind in (profile.chrome, profile.tail, profile.listing):
            patterns += kind.pattern
    return patterns


@lru_cache(maxsize=1)
def _matchers() -> tuple[LineMatcher, re.Pattern[str]]:
    """A matcher holding every package pattern, and the same patterns as the matcher held them before:
    one alternation."""
    patterns = _package_patterns()
    reference = re.compile("(?:(?:" + ")|(?:".join(patterns) + r"))\Z", re.IGNORECASE)
    return LineMatcher(pattern=patterns), reference


_LINES = [
    "Untuk info lebih lanjut klik : warta.example.id/daftar",
    "Untuk info lebih lanjut KLIK : warta.example.id/daftar",
    "Untuk info lebih lanjut \u212aLIK : warta.example.id/daftar",
    "Berita Terbaru Index »",
    "Berita Terbaru INDEKS »",
    "Silakan WhatsApp ke nomor 0812 3456 7890 untuk cek fakta",
    "Warga mengunjungi lokasi banjir, lalu klik tombol di aplikasi itu.",
    "Jakarta - Pemerintah daerah mengumumkan jadwal baru untuk layanan kesehatan.",
    "- Advertisement -",
    "1 2 3 Selanjutnya",
]


@pytest.mark.parametrize("line", _LINES)
def test_matching_is_the_plain_alternations(line: str) -> None:
    matcher, reference = _matchers()
    assert (matcher.match(line) is not None) == (reference.match(line) is not None)


_PIECES = st.sampled_from(
    ["klik", "KLIK", "kunjungi", "index", "indeks", "silakan", "silahkan", "whatsapp", "ke nomor", "wa",
     ".com", ".id", "http://", " ", "  ", ":", "»", ">", "-", "1", "12", "halaman", "Berita", "video",
     "\u212a", "\u0130", "\u0131", "\u017f", "İndex", "x", "Jakarta", "\u00a0", "é",
     "(", ")", "fas/fas", "www.", "·", "|", "menit baca", "views", "Foto dari", "via", "Version", "banner",
     "Advertisement", "ADVERTISMENT", "scroll to continue content", "Scroll untuk melanjutkan", "Iklan",
     "terkini dan terbaru", "informasi", "Simak", "selanjutnya", "dari", "\t", "_", "a-b-c-d", "Google News"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_matching_is_the_plain_alternations_on_any_line(line: str) -> None:
    matcher, reference = _matchers()
    assert (matcher.match(line) is not None) == (reference.match(line) is not None)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_a_match_starts_with_one_of_the_patterns_first_chars(line: str) -> None:
    for pattern in _package_patterns():
        chars = first_chars(pattern, re.IGNORECASE)
        if chars is not None and line[0].isascii() and re.match(rf"(?:{pattern})\Z", line, re.IGNORECASE):
            assert line[0] in chars, pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=8))
def test_matching_a_page_is_matching_each_of_its_lines(page: list[str]) -> None:
    matcher, reference = _matchers()
    match = matcher.on_page(page)
    for line in page:
        assert (match(line) is not None) == (reference.match(line) is not None)


@lru_cache(maxsize=1)
def _prefix_matchers() -> tuple[LineMatcher, re.Pattern[str]]:
    prefixes = [p for kind in ("chrome", "tail", "listing") for p in sites.lexicon_table(kind).get("prefix", [])]
    for profile in sites.profiles().values():
        for kind in (profile.chrome, profile.tail, profile.listing):
            prefixes += kind.prefix
    unique = sorted(set(prefixes), key=len, reverse=True)
    return LineMatcher(prefix=prefixes), re.compile("|".join(map(re.escape, unique)), re.IGNORECASE)


_HEAD_PIECES = st.sampled_from(
    ["Baca", "BACA", "ba", "\u212a", "\u0130", "\u0131", "\u017f", "S", "imak", "©", "[", "Gambas", " ", "x",
     "Jakarta", "Copyright", "juga", ":", "K", "lik", "Tag", "s:", "A post", "icon-", "I", "kuti"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_HEAD_PIECES, min_size=1, max_size=6).map("".join))
def test_prefix_matching_is_the_plain_alternations(line: str) -> None:
    matcher, reference = _prefix_matchers()
    found = reference.match(line)
    assert matcher.match(line) == (found.group(0) if found else None)


def test_exact_phrases_match_whatever_the_case_and_only_whole_lines() -> None:
    matcher = LineMatcher(exact=["Baca Versi Cetak", "Strasse"])
    assert matcher.match("BACA VERSI CETAK") == "BACA VERSI CETAK"
    assert matcher.match("STRAẞE") == "STRAẞE"  # shorter than the phrase, the same once case-folded
    assert matcher.match("Baca Versi Cetak sekarang juga") is None  # longer than any phrase
    assert matcher.match("Baca Versi") is None
