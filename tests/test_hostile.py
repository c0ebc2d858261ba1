"""Hostile input: only typed errors escape `parse`, `parse_date` and `find_dates`; the CLI exits 0/1/2/3.

A bare `NewscleanError` ("internal error while parsing ...") is how the pipeline wraps a crash: it is
typed, but it is a bug, so the helpers here only accept the specific subclasses a caller can act on.
No timing assertions here: `benchmarks/bench_hostile.py` times the same cases.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any, Union

import pytest

from conftest import FIXTURES
from newsclean import (
    Article,
    ArticleValidationError,
    InputError,
    InputTooLarge,
    NewscleanError,
    NotAnArticle,
    cli,
    find_dates,
    parse,
    parse_date,
)

SEED_PATH = FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
ALL_FIXTURES = sorted((FIXTURES / "mediaindonesia.com").glob("*.txt"))
WIB = dt.timezone(dt.timedelta(hours=7))

#: The errors a caller is promised; a bare NewscleanError is the pipeline's wrapper around a crash.
TYPED = (InputError, NotAnArticle, ArticleValidationError)

Outcome = Union[Article, NewscleanError]


def outcome(raw: Any, **kwargs: Any) -> Outcome:
    """parse() must return an Article or raise one of the documented errors; anything else fails."""
    try:
        article = parse(raw, **kwargs)
    except TYPED as exc:
        assert str(exc), "a typed error must carry a message"
        return exc
    except NewscleanError as exc:  # pragma: no cover - reported as a bug
        pytest.fail(f"internal error escaped parse(): {exc!r}")
    assert isinstance(article, Article)
    assert article.body and all(p.strip() for p in article.body)
    if article.published_at is not None:
        assert article.published_at.utcoffset() is not None
    return article


def seed_article() -> Article:
    article = parse(SEED)
    assert article.title and article.body
    return article


def dump(article: Article) -> dict[str, Any]:
    return article.model_dump()


# ----------------------------------------------------------------------------------- empty and binary


@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", " \t\r\n\u3000 ", b"", b"   ", b"\r\n\t ", bytearray(b" \n")])
def test_empty_and_whitespace_only_are_input_errors(raw: Any) -> None:
    with pytest.raises(InputError, match="empty|whitespace|no visible text"):
        parse(raw)


def test_bytes_of_only_a_bom_are_an_input_error() -> None:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        with pytest.raises(InputError):
            parse(bom + b"   ")


def test_a_few_nul_characters_are_dropped_not_fatal() -> None:
    # One NUL inside a word (a damaged save) must not change the article.
    raw = SEED.replace("Armenia dan Azerbaijan saling", "Armenia dan\x00 Azerbaijan saling", 1)
    assert dump(parse(raw)) == dump(seed_article())
    assert dump(parse(raw.encode("utf-8"))) == dump(seed_article())


@pytest.mark.parametrize("raw", ["\x00" * 5000, "a\x00" * 3000, b"\x00" * 5000, SEED.replace("\n", "\n\x00\x00")])
def test_nul_flooded_input_is_binary(raw: Any) -> None:
    with pytest.raises(InputError, match="binary|NUL"):
        parse(raw)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 42])
@pytest.mark.parametrize("size", [16, 1000, 65536])
def test_random_binary_gives_a_typed_error(seed: int, size: int) -> None:
    data = random.Random(seed).randbytes(size)
    result = outcome(data)
    assert not isinstance(result, Article), "random bytes must not become an article"


def test_urandom_bytes_give_a_typed_error() -> None:
    # os.urandom is not seedable: the outcome is only required to be typed, and it is tried a few times.
    for _ in range(5):
        outcome(os.urandom(4096))


def test_seed_with_a_binary_blob_appended_is_still_handled() -> None:
    outcome(SEED.encode("utf-8") + random.Random(9).randbytes(3000))


# --------------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_wide_encodings_with_and_without_bom_give_the_same_article(encoding: str) -> None:
    assert dump(parse(SEED.encode(encoding))) == dump(seed_article())


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_encodings_of_indonesian_text(encoding: str) -> None:
    text = (
        "Sabtu 10 Oktober 2020, 05:53 WIB\n\n"
        "Menteri Keuangan Bertemu Investor di Café Jakarta\n\n"
        "JAKARTA — Menteri Keuangan bertemu para investor asing di sebuah café di kawasan Menteng, "
        "Jakarta, pada Sabtu pagi untuk membahas rencana penerbitan obligasi ritel tahun depan.\n\n"
        "Menurut dia, pertemuan itu berlangsung selama dua jam dan membahas beberapa hal penting "
        "terkait kondisi ekonomi global yang masih belum menentu hingga akhir tahun ini.\n\n"
        "«Kami optimistis», ujar Menteri yang mengenakan batik cokelat itu kepada wartawan.\n"
    )
    if encoding == "latin-1":
        text = text.replace("—", "-")  # latin-1 has no em dash
    raw = text.encode(encoding)
    article = parse(raw)
    assert article.title == "Menteri Keuangan Bertemu Investor di Café Jakarta"
    assert any("café di kawasan Menteng" in p for p in article.body)
    assert article.published_at == dt.datetime(2020, 10, 10, 5, 53, tzinfo=WIB)


def test_mislabelled_utf8_seed_with_mojibake_is_repaired_or_typed() -> None:
    damaged = SEED.encode("utf-8").decode("cp1252", errors="replace")  # "👤" becomes "ðŸ‘¤" etc.
    outcome(damaged)
    outcome(damaged.encode("utf-8"))


# ------------------------------------------------------------------------------------------ line endings


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"])
def test_line_endings_give_the_same_article_as_newlines(ending: str) -> None:
    lines = SEED.split("\n")
    if ending == "mixed":
        raw = "".join(line + ("\n", "\r\n", "\r")[k % 3] for k, line in enumerate(lines))
    else:
        raw = ending.join(lines)
    assert dump(parse(raw)) == dump(seed_article())
    assert dump(parse(raw.encode("utf-8"))) == dump(seed_article())


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_crlf_fixtures_match_their_lf_form(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = outcome(text)
    got = outcome(text.replace("\n", "\r\n"))
    if isinstance(expected, Article):
        assert isinstance(got, Article) and dump(got) == dump(expected)
    else:
        assert type(got) is type(expected)


# --------------------------------------------------------------------------------------------- big input


def test_a_megabyte_dump_of_the_seed_padded_with_prose() -> None:
    prose = (
        "Pemerintah daerah menyatakan bahwa program tersebut akan dilanjutkan pada tahun depan, "
        "meskipun anggaran yang tersedia masih terbatas dan belum disetujui oleh dewan.\n\n"
    )
    raw = SEED + prose * (1_100_000 // len(prose))
    assert len(raw) > 1_000_000
    outcome(raw)


def test_the_seed_repeated_300_times() -> None:
    raw = SEED * 300
    assert len(raw) > 900_000
    result = outcome(raw)
    if isinstance(result, Article):
        # The repeats are page furniture: the article must not grow 300-fold.
        assert len(result.body) <= 2 * len(seed_article().body)


def test_a_single_100k_character_line() -> None:
    outcome("kata " * 20_000)
    outcome("a" * 100_000)
    outcome("Jakarta, " + "ini adalah kalimat yang panjang sekali, " * 2600)


def test_a_100k_line_before_the_seed_does_not_hide_the_article() -> None:
    # One hostile line (an inlined data blob) before a real article.
    result = outcome("x" * 100_000 + "\n\n" + SEED)
    assert isinstance(result, Article)
    assert result.title == seed_article().title


def test_max_chars_exceeded_is_input_too_large_with_a_clear_message() -> None:
    with pytest.raises(InputTooLarge) as info:
        parse(SEED, max_chars=1000)
    exc = info.value
    assert exc.limit == 1000 and exc.size == len(SEED)
    assert "over the limit of 1,000" in str(exc) and "max_chars" in str(exc)
    assert isinstance(exc, InputError)
    with pytest.raises(InputTooLarge):
        parse(SEED.encode("utf-8"), max_chars=1000)
    # Exactly at the limit is fine.
    assert parse(SEED, max_chars=len(SEED)).title == seed_article().title


def test_default_size_limit_refuses_a_huge_input() -> None:
    with pytest.raises(InputTooLarge):
        parse("a" * 5_000_001)


@pytest.mark.parametrize("bad", ["100", 1.5, None, True])
def test_max_chars_of_the_wrong_type_is_an_input_error(bad: Any) -> None:
    with pytest.raises(InputError, match="max_chars"):
        parse(SEED, max_chars=bad)


# --------------------------------------------------------------------------------------------------- HTML


def test_deeply_nested_divs() -> None:
    outcome("<div>" * 50_000)
    outcome("<html><body>" + "<div>" * 50_000 + "<p>" + "Ini kalimat berita yang cukup panjang. " * 30 + "</p>")


def test_deeply_nested_divs_as_bytes() -> None:
    outcome(("<html><body>" + "<div><span>" * 30_000).encode("utf-8"))


def test_unclosed_tags_around_an_article() -> None:
    body = "".join(f"<p>{p}" for p in SEED.split("\n\n"))
    outcome("<html><body><div><b><i><a href='x'>" + body)
    outcome("<html><head><title>Judul</title><body><p>" + "<p>".join(SEED.splitlines()))


@pytest.mark.parametrize(
    "raw",
    [
        "<" * 100_000,
        ">" * 100_000,
        "<html>" + "<" * 100_000,
        "<!--" * 50_000,
        "<html><body>" + "<p>" * 50_000,
        "<html><body><script>" + "x" * 100_000,
        "<html><body><p>" + "&amp;" * 50_000 + "</p>",
        "<?xml version='1.0' encoding='utf-16'?><html><body><p>Halo</p></body></html>",
        "<html><head><meta charset='utf-16'></head><body><p>Halo dunia</p></body></html>",
    ],
    ids=["lt", "gt", "html-lt", "comments", "open-p", "script", "entities", "xml-utf16", "meta-utf16"],
)
def test_pathological_markup(raw: str) -> None:
    outcome(raw)
    outcome(raw.encode("utf-8"))


def test_html_with_ld_json_garbage() -> None:
    page = (
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": "
        "[1,2,{}], \"author\": {\"name\": 5}, \"headline\": null}</script>"
        "<meta property='article:published_time' content='99/99/9999'></head><body><h1>Judul</h1><p>"
        + "Ini kalimat berita yang cukup panjang dan ditulis dengan baik. " * 10
        + "</p></body></html>"
    )
    outcome(page)


# ----------------------------------------------------------------------------------- shapes of the text


def test_a_page_of_only_chrome_lines_is_not_an_article() -> None:
    chrome = "\n".join(
        ["Beranda", "Baca E-Paper", "MI TV", "Headline", "Fokus", "Selengkapnya", "Berita Terkini",
         "Bagikan", "Tweet", "WhatsApp", "Copy Link", "1 2 3 4 5 Selanjutnya", "ADVERTISEMENT"] * 5
    )
    with pytest.raises(NotAnArticle):
        parse(chrome)


def test_only_a_headline_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        parse("Armenia dan Azerbaijan Berunding, Rusia Jadi Penengah\n")


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_reversed_lines_of_the_fixtures(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    outcome("\n".join(reversed(lines)))


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", range(8))
def test_shuffled_lines_of_the_fixtures(path: Path, seed: int) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    outcome("\n".join(lines))


def test_control_characters_and_odd_unicode() -> None:
    odd = "\u200b\u200f\u2028\u2029\ufeff\u00ad\x0b\x0c\x1c\x1d\x1e\x85\u202e\ud7ff\U0010ffff"
    outcome(odd * 100)
    outcome(SEED.replace(" ", " " + odd[:6], 200))
    outcome(SEED.replace("\n", "\u2028"))
    outcome(SEED.replace("\n", "\x85"))


def test_lone_surrogates_in_a_str() -> None:
    # A str from a bad decode (errors="surrogateescape") carries lone surrogates.
    outcome(SEED[:300] + "\udcff\udc80" + SEED[300:])


def test_nothing_but_a_date_and_a_title() -> None:
    with pytest.raises(NotAnArticle):
        parse("Sabtu 10 Oktober 2020, 05:53 WIB\n\nJudul Berita Hari Ini Sangat Penting\n")


# ------------------------------------------------------------------------------------------- wrong types


@pytest.mark.parametrize("raw", [None, 0, 42, 3.14, [SEED], (SEED,), {"text": SEED}, object()])
def test_wrong_types_are_input_errors(raw: Any) -> None:
    with pytest.raises(InputError, match="str or bytes"):
        parse(raw)


def test_bytearray_and_memoryview_are_accepted() -> None:
    data = SEED.encode("utf-8")
    assert dump(parse(bytearray(data))) == dump(seed_article())
    assert dump(parse(memoryview(data))) == dump(seed_article())


@pytest.mark.parametrize(
    "fetched_at",
    [dt.datetime(2020, 10, 10, 8, 0), "2020-10-10T08:00:00+07:00", dt.date(2020, 10, 10), 1602291600],
    ids=["naive", "str", "date", "int"],
)
def test_fetched_at_must_be_an_aware_datetime(fetched_at: Any) -> None:
    with pytest.raises(InputError, match="fetched_at"):
        parse(SEED, fetched_at=fetched_at)


def test_aware_fetched_at_is_kept() -> None:
    when = dt.datetime(2020, 10, 10, 8, 0, tzinfo=WIB)
    assert parse(SEED, fetched_at=when).fetched_at == when


@pytest.mark.parametrize("url", [3, b"https://mediaindonesia.com/x", ["https://x"]])
def test_url_of_the_wrong_type_is_an_input_error(url: Any) -> None:
    with pytest.raises(InputError, match="url"):
        parse(SEED, url=url)


@pytest.mark.parametrize("url", ["http://[::1", "://", "", "https://" + "a." * 5000 + "id", "javascript:alert(1)"])
def test_odd_urls_do_not_crash(url: str) -> None:
    outcome(SEED, url=url)


def test_unknown_site_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown site"):
        parse(SEED, site="no-such-site.example")


@pytest.mark.parametrize("site", [3, ["mediaindonesia.com"]])
def test_site_of_the_wrong_type_is_an_input_error(site: Any) -> None:
    with pytest.raises(InputError):
        parse(SEED, site=site)


# ------------------------------------------------------------------------------------------------ dates


DATE_HOSTILE = [
    "", " ", "\x00" * 50, "\ud800", "9" * 10_000, "2020-01-01 " * 2000, "31/02/2020", "29/2/2023 25:61",
    "Senin (15/2)", "(((((((((((", "12:00 WIB " * 500, "Jakarta, " * 1000, "2 jam lalu", "kemarin lusa",
    "1 Januari 1799", "31 Desember 2200", "21/9/2023 10:00 +99:00", "pukul 99.99 WIB", "- - - - - " * 300,
    "1" + "/1" * 5000, "1" + ".1" * 5000, "dalam " * 2000 + "5 hari", "Jum'at, 22/09/2023 " + "\u200b" * 1000,
    "\u0130" * 400, "ǅ" * 400, "０１/０２/２０２３", "٢٠٢٣-٠١-٠٢",
]


@pytest.mark.parametrize("text", DATE_HOSTILE)
@pytest.mark.parametrize(
    "reference",
    [None, dt.datetime(2023, 9, 22, 10, 0, tzinfo=WIB), dt.datetime(1, 1, 1, 0, 0), dt.datetime(9999, 12, 31, 23, 59)],
    ids=["none", "aware", "min", "max"],
)
def test_date_functions_never_raise_on_str(text: str, reference: Any) -> None:
    value = parse_date(text, reference=reference)
    assert value is None or type(value) is dt.date or (isinstance(value, dt.datetime) and value.utcoffset() is not None)
    for match in find_dates(text, reference=reference):
        assert text[match.start : match.end] == match.text
        assert type(match.value) is dt.date or match.value.utcoffset() is not None


@pytest.mark.parametrize("text", ["2 tahun lalu", "9999 hari lalu", "kemarin", "besok", "5 tahun lagi", "Senin (15/2)"])
@pytest.mark.parametrize("reference", [dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(9999, 12, 31, 23, 59, tzinfo=WIB)])
def test_relative_dates_at_the_edges_of_the_calendar(text: str, reference: dt.datetime) -> None:
    parse_date(text, reference=reference)
    find_dates(f"Diperbarui {text}", reference=reference)


@pytest.mark.parametrize("bad", [None, 5, b"21/9/2023", ["21/9/2023"]])
def test_date_functions_reject_non_str_with_input_error(bad: Any) -> None:
    with pytest.raises(InputError):
        parse_date(bad)
    with pytest.raises(InputError):
        find_dates(bad)


def test_date_reference_of_the_wrong_type_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_date("21 September 2023", reference="2023-09-21")


# -------------------------------------------------------------------------------------------------- CLI


@pytest.fixture()
def hostile_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\r\n\t")
    (folder / "binary.txt").write_bytes(random.Random(3).randbytes(5000))
    (folder / "nuls.txt").write_bytes(b"\x00" * 4000)
    (folder / "nested.html").write_text("<div>" * 50_000, encoding="utf-8")
    (folder / "lt.html").write_text("<" * 100_000, encoding="utf-8")
    (folder / "utf16.txt").write_bytes(SEED.encode("utf-16"))
    (folder / "chrome.txt").write_text("Beranda\nBaca E-Paper\nMI TV\nSelengkapnya\n", encoding="utf-8")
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    (folder / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return folder


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "binary.txt", "nuls.txt", "nested.html", "lt.html",
                                  "utf16.txt", "chrome.txt", "seed.txt", "bad.txt.gz", "missing.txt", "."])
def test_cli_show_exits_with_a_documented_code(hostile_dir: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["show", str(hostile_dir / name)])
    err = capsys.readouterr().err
    assert code in (0, 1, 2, 3)
    assert "Traceback" not in err
    if name in ("seed.txt", "utf16.txt"):
        assert code == 0
    if name == "chrome.txt":
        assert code == 3


def test_cli_clean_on_a_folder_of_hostile_files(hostile_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    code = cli.main(["clean", str(hostile_dir), "-o", str(out), "--errors", str(errors), "--workers", "1",
                     "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1  # some inputs are InputErrors, none crashed the run
    assert "Traceback" not in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # seed.txt and utf16.txt
    # Every other file is accounted for in the errors file.
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 8


@pytest.mark.parametrize("argv", [[], ["nope"], ["show"], ["clean", "x"], ["show", "--bogus", "x"], ["eval", "/no/such/dir"]])
def test_cli_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_cli_subprocess_binary_file_has_no_traceback(hostile_dir: Path) -> None:
    for name in ("binary.txt", "nested.html"):
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "show", str(hostile_dir / name)],
            capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode in (1, 2, 3), proc.stderr
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("char", ["\x1f", "\x07", "\x1b", "\x7f", "\x9f"])
def test_control_characters_do_not_reach_the_body(char: str) -> None:
    raw = SEED.replace("kedua negara saling serang", f"kedua negara{char}saling serang")
    article = parse(raw)
    assert not any(char in p for p in article.body)
    assert any("kedua negara saling serang" in p for p in article.body)


def test_short_story_keeps_its_trailing_teasers_out() -> None:
    lines = SEED.splitlines()
    lead = next(i for i, ln in enumerate(lines) if ln.startswith("SEMPAT"))
    last = next(i for i, ln in enumerate(lines) if ln.endswith("(AFP/OL-11)"))
    short = lines[: lead + 1] + lines[last:]
    article = parse("\n".join(short))
    assert article.body == [lines[lead].strip(), lines[last].strip()]
