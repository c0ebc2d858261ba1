"""newsclean.dates: parse_date, find_dates and looks_like_date_line."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from conftest import shared_path

import newsclean
from newsclean.dates import DateMatch, find_dates, looks_like_date_line, parse_date
from newsclean.errors import InputError

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))
UTC = timezone.utc
REF = datetime(2024, 1, 15, 12, 0, tzinfo=WIB)  # a Monday, noon WIB


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)  # type: ignore[misc]


def same(value: object, expected: object) -> bool:
    """Equal, of the same kind (date vs datetime), and for datetimes with the same UTC offset."""
    if isinstance(expected, datetime):
        return (
            isinstance(value, datetime)
            and value.tzinfo is not None
            and value.utcoffset() == expected.utcoffset()
            and value == expected
        )
    if isinstance(expected, date):
        return type(value) is date and value == expected
    return value is expected


# --------------------------------------------------------------------------------------- dev data set


def _dev_rows() -> list[dict[str, object]]:
    path = shared_path("dates", "dates_dev.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev_set_all_lines() -> None:
    """Every line of ../shared/dates/dates_dev.jsonl (129 lines); skipped when ../shared is absent."""
    failures = []
    rows = _dev_rows()
    for row in rows:
        base = datetime.fromisoformat(row["relative_base"]) if row["relative_base"] else None  # type: ignore[arg-type]
        raw = row["expected"]
        if raw is None:
            expected: object = None
        elif "T" in raw:  # type: ignore[operator]
            expected = datetime.fromisoformat(raw)  # type: ignore[arg-type]
        else:
            expected = date.fromisoformat(raw)  # type: ignore[arg-type]
        value = parse_date(row["text"], reference=base)  # type: ignore[arg-type]
        if not same(value, expected):
            failures.append(f"{row['text']!r}: expected {raw}, got {value!r}")
    assert len(rows) >= 100
    assert not failures, "\n".join(failures)


# -------------------------------------------------------------------------------------- absolute forms

ABSOLUTE = [
    # zones
    ("Kamis, 21 September 2023 14:30 WIB", wib(2023, 9, 21, 14, 30), "WIB"),
    ("21 Sep 2023 14:30 WITA", datetime(2023, 9, 21, 14, 30, tzinfo=WITA), "WITA"),
    ("21 Sep 2023 14:30 WIT", datetime(2023, 9, 21, 14, 30, tzinfo=WIT), "WIT"),
    ("21 Sep 2023 14:30 wita", datetime(2023, 9, 21, 14, 30, tzinfo=WITA), "lowercase zone"),
    ("21 Sep 2023 14:30WIT", datetime(2023, 9, 21, 14, 30, tzinfo=WIT), "zone glued to time"),
    ("21 Sep 2023 14:30 (WIB)", wib(2023, 9, 21, 14, 30), "zone in parentheses"),
    ("21 Sep 2023 14:30", wib(2023, 9, 21, 14, 30), "no zone is WIB"),
    ("21 Sep 2023 14:30 GMT+7", wib(2023, 9, 21, 14, 30), "GMT+7"),
    ("21 Sep 2023 14:30 UTC", datetime(2023, 9, 21, 14, 30, tzinfo=UTC), "UTC kept"),
    ("21 Sep 2023 14:30 +0800", datetime(2023, 9, 21, 14, 30, tzinfo=WITA), "numeric offset"),
    ("2023-09-21T10:00:00-05:00", datetime(2023, 9, 21, 10, tzinfo=timezone(timedelta(hours=-5))), "negative offset"),
    ("2023-09-21T07:30:00.250Z", datetime(2023, 9, 21, 7, 30, 0, 250000, tzinfo=UTC), "fraction and Z"),
    ("2023-09-21 07:30:00", wib(2023, 9, 21, 7, 30), "ISO with space, no zone"),
    ("2019-09-28WIB19:17:34+07:00", wib(2019, 9, 28, 19, 17, 34), "WIB in place of T"),
    ("Thu, 05 Nov 15 12:58:01 +0700", wib(2015, 11, 5, 12, 58, 1), "RFC 822 with 2-digit year"),
    # numeric, day first
    ("21/9/2023", date(2023, 9, 21), "D/M/YYYY"),
    ("05/11/2015", date(2015, 11, 5), "DD/MM/YYYY is day first"),
    ("21-09-2023", date(2023, 9, 21), "hyphens"),
    ("21.09.2023", date(2023, 9, 21), "dots"),
    ("2023/09/21", date(2023, 9, 21), "Y/M/D"),
    ("21/09/23 14:30", wib(2023, 9, 21, 14, 30), "2-digit year before a time"),
    ("Kamis (21/9/2023)", date(2023, 9, 21), "weekday and parentheses"),
    ("Rabu, 04/12/2019 20:55 WIB", wib(2019, 12, 4, 20, 55), "cnnindonesia"),
    ("Kompas.com - 27/03/2024, 06:16 WIB", wib(2024, 3, 27, 6, 16), "site prefix is decoration"),
    # month names
    ("6 Nop 2019", date(2019, 11, 6), "Nop"),
    ("6 Pebruari 2019", date(2019, 2, 6), "Pebruari"),
    ("1 Djuli 1966", date(1966, 7, 1), "Djuli"),
    ("17 Agst 2023", date(2023, 8, 17), "Agst"),
    ("17 Agt. 2023", date(2023, 8, 17), "Agt. with period"),
    ("5 Mai 2022", date(2022, 5, 5), "Mai"),
    ("21-Sep-2023", date(2023, 9, 21), "hyphenated month"),
    ("23 March 2025 05:47", wib(2025, 3, 23, 5, 47), "English month"),
    ("September 21, 2023", date(2023, 9, 21), "English month first"),
    ("Sept. 21st, 2023 2:30 PM", wib(2023, 9, 21, 14, 30), "ordinal and PM"),
    ("Jumat , 17 February 2017", date(2017, 2, 17), "space before comma (republika)"),
    ("Jum'at, 12 Mei 2017 10:15 wib", wib(2017, 5, 12, 10, 15), "Jum'at"),
    ("Jum\u2019at, 12 Mei 2017", date(2017, 5, 12), "curly apostrophe"),
    ("Ahad, 20 Agustus 2023", date(2023, 8, 20), "Ahad"),
    ("Min, 14 Jan 2024", date(2024, 1, 14), "short weekday"),
    ("SENIN, 15 JANUARI 2024 | 10:00 WIB", wib(2024, 1, 15, 10), "upper case"),
    ("Senin,\u00a015\u00a0Januari 2024", date(2024, 1, 15), "non-breaking spaces"),
    ("Jumat, 1 Januari 2022", date(2022, 1, 1), "weekday contradicts: the date wins"),
    ("29 Februari 2024", date(2024, 2, 29), "leap day"),
    ("17 Agustus 1945", date(1945, 8, 17), "old but real year"),
    # separators and prefixes
    ("Rabu, 4 November 2015 | 21:04 WIB", wib(2015, 11, 4, 21, 4), "pipe"),
    ("Kamis, 5 November 2015 - 15:56 wib", wib(2015, 11, 5, 15, 56), "dash"),
    ("Senin, 27 Januari 2025 / 07:43 WIB", wib(2025, 1, 27, 7, 43), "slash"),
    ("21 September 2023 pukul 14.30 WIB", wib(2023, 9, 21, 14, 30), "pukul and dotted time"),
    ("21 September 2023 pkl. 14.30", wib(2023, 9, 21, 14, 30), "pkl."),
    ("21 Sep 2023 14.30.45 WIB", wib(2023, 9, 21, 14, 30, 45), "dotted seconds"),
    ("on 16 Feb 2016 at 09:10 WIB", wib(2016, 2, 16, 9, 10), "on ... at ..."),
    ("Diperbarui 12 Jan 2024, 08.00 WIB", wib(2024, 1, 12, 8), "Diperbarui"),
    ("Update: 12 Jan 2024 08:00", wib(2024, 1, 12, 8), "Update:"),
    ("Dipublikasikan pada 12/01/2024", date(2024, 1, 12), "Dipublikasikan pada"),
    ("👤Thalatie K Yani 🕔Sabtu 23 September 2023, 06:20 WIB", wib(2023, 9, 23, 6, 20), "emoji byline"),
    ("pukul 10.15 WIB, Kamis (18/7/2024)", wib(2024, 7, 18, 10, 15), "time first"),
    ("Senin (15/1/2024) pukul 10.00-12.00 WIB", wib(2024, 1, 15, 10), "time range: its start"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e, _ in ABSOLUTE], ids=[i for *_, i in ABSOLUTE])
def test_absolute(text: str, expected: date) -> None:
    assert same(parse_date(text), expected)


PART_OF_DAY = [
    ("pukul 07.30 pagi", 7, "pagi"),
    ("pukul 12 siang", 12, "12 siang is noon"),
    ("pukul 1 siang", 13, "1 siang is 13:00"),
    ("pukul 11 siang", 11, "11 siang stays"),
    ("pukul 3 sore", 15, "sore"),
    ("pukul 5 petang", 17, "petang"),
    ("pukul 7 malam", 19, "7 malam"),
    ("pukul 19.00 malam", 19, "24-hour time stays"),
    ("pukul 02.00 dini hari", 2, "dini hari"),
    ("7:30 PM", 19, "PM"),
    ("12:15 AM", 0, "12 AM is midnight"),
    ("7 p.m.", 19, "p.m. with hour only"),
]


@pytest.mark.parametrize(("clock", "hour"), [(c, h) for c, h, _ in PART_OF_DAY], ids=[i for *_, i in PART_OF_DAY])
def test_part_of_day(clock: str, hour: int) -> None:
    value = parse_date(f"15 Januari 2024 {clock}")
    assert isinstance(value, datetime)
    assert (value.hour, value.utcoffset()) == (hour, timedelta(hours=7))


def test_part_of_day_without_clock_is_a_date() -> None:
    assert same(parse_date("Sabtu (25/9/2021) malam WIB"), date(2021, 9, 25))


# -------------------------------------------------------------------------------------- relative forms

RELATIVE = [
    ("2 jam lalu", wib(2024, 1, 15, 10), "hours"),
    ("5 Menit Lalu", wib(2024, 1, 15, 11, 55), "title case"),
    ("30 dtk lalu", wib(2024, 1, 15, 11, 59, 30), "dtk"),
    ("sejam yang lalu", wib(2024, 1, 15, 11), "sejam"),
    ("setengah jam yang lalu", wib(2024, 1, 15, 11, 30), "half an hour"),
    ("1,5 jam lalu", wib(2024, 1, 15, 10, 30), "decimal comma"),
    ("dua jam lalu", wib(2024, 1, 15, 10), "number word"),
    ("dua puluh menit yang lalu", wib(2024, 1, 15, 11, 40), "compound number word"),
    ("an hour ago", wib(2024, 1, 15, 11), "English"),
    ("baru saja", REF, "just now"),
    ("kemarin", date(2024, 1, 14), "yesterday"),
    ("kemarin lusa", date(2024, 1, 13), "day before yesterday"),
    ("hari ini", date(2024, 1, 15), "today"),
    ("3 hari lalu", date(2024, 1, 12), "days give a date"),
    ("3 minggu yang lalu", date(2023, 12, 25), "weeks"),
    ("sepekan lalu", date(2024, 1, 8), "sepekan"),
    ("minggu lalu", date(2024, 1, 8), "bare 'minggu lalu' is a week ago"),
    ("2 bln lalu", date(2023, 11, 15), "months"),
    ("tahun lalu", date(2023, 1, 15), "last year"),
    ("dlm 23 dtk", wib(2024, 1, 15, 12, 0, 23), "future seconds"),
    ("dalam 2 hari", date(2024, 1, 17), "future days"),
    ("3 hari lagi", date(2024, 1, 18), "N hari lagi"),
    ("besok", date(2024, 1, 16), "tomorrow"),
    ("bulan depan", date(2024, 2, 15), "next month"),
    ("Update: 5 menit lalu", wib(2024, 1, 15, 11, 55), "with keyword"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e, _ in RELATIVE], ids=[i for *_, i in RELATIVE])
def test_relative(text: str, expected: date) -> None:
    assert same(parse_date(text, reference=REF), expected)


@pytest.mark.parametrize("text", [t for t, _, _ in RELATIVE], ids=[i for *_, i in RELATIVE])
def test_relative_needs_reference(text: str) -> None:
    assert parse_date(text) is None


def test_relative_keeps_reference_offset() -> None:
    ref = datetime(2024, 1, 15, 5, 0, tzinfo=UTC)
    assert same(parse_date("2 jam lalu", reference=ref), datetime(2024, 1, 15, 3, 0, tzinfo=UTC))


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert same(parse_date("sebulan lalu", reference=wib(2024, 3, 31, 9)), date(2024, 2, 29))


def test_naive_and_date_references_are_wib() -> None:
    assert same(parse_date("2 jam lalu", reference=datetime(2024, 1, 15, 12)), wib(2024, 1, 15, 10))
    assert same(parse_date("kemarin", reference=date(2024, 1, 15)), date(2024, 1, 14))


YEARLESS = [
    ("Senin (15/2)", wib(2016, 2, 15, 16, 15), date(2016, 2, 15), "base year"),
    ("Jumat (6/11) pukul 08.45 WITA", wib(2015, 11, 5, 14, 56), datetime(2015, 11, 6, 8, 45, tzinfo=WITA), "with time"),
    ("Kamis (31/12)", wib(2016, 1, 2, 9), date(2015, 12, 31), "closest year across New Year"),
    ("22 Desember", wib(2023, 12, 24, 9), date(2023, 12, 22), "month name without year"),
]


@pytest.mark.parametrize(("text", "ref", "expected"), [r[:3] for r in YEARLESS], ids=[r[3] for r in YEARLESS])
def test_yearless_dates_take_the_reference_year(text: str, ref: datetime, expected: date) -> None:
    assert same(parse_date(text, reference=ref), expected)
    assert parse_date(text) is None


# -------------------------------------------------------------------------------------------- rejects

REJECTED = [
    ("29 Februari 2023", "no leap day"),
    ("31 April 2024", "no 31 April"),
    ("31/04/2024", "no 31 April, numeric"),
    ("Kamis, 15 Januari 2024 25:00 WIB", "hour 25"),
    ("15 Januari 2024 14:61", "minute 61"),
    ("15 Januari 2024 13:30 PM", "PM on hour 13"),
    ("Senin", "weekday alone"),
    ("WIB", "zone alone"),
    ("14:30 WIB", "time alone"),
    ("pukul 10.00", "time alone with pukul"),
    ("2023", "bare year"),
    ("Agustus 2023", "month and year only"),
    ("UU Nomor 7 Tahun 2017", "law number"),
    ("7 Tahun 2017", "law number fragment"),
    ("Rp 2.024", "money"),
    ("Rp 1.200.000", "money with two separators"),
    ("Rabu (4/11/205)", "3-digit year"),
    ("19-06-27", "2-digit year with hyphens"),
    ("2 jam", "duration without lalu"),
    ("5 minggu", "duration in weeks"),
    ("beberapa menit lalu", "vague minutes"),
    ("beberapa minggu lalu", "vague weeks"),
    ("beberapa waktu lalu", "vague time"),
    ("setengah hari lalu", "half a day has no calendar date"),
    ("dalam 24 jam terakhir", "a window, not a moment"),
    ("Senin (15/2)", "no year and no reference"),
    ("(15/2)", "fraction-like without weekday"),
    ("21 Sep 2023 | Diperbarui 22 Sep 2023", "two different dates"),
    ("", "empty"),
    ("   ", "blank"),
]


@pytest.mark.parametrize("text", [t for t, _ in REJECTED], ids=[i for _, i in REJECTED])
def test_rejected(text: str) -> None:
    reference = None if text == "Senin (15/2)" else REF
    assert parse_date(text, reference=reference) is None


# ------------------------------------------------------------------------------------------ robustness

WEIRD = [
    ("<" * 100_000, "100k angle brackets"),
    ("1" * 100_000, "100k digits"),
    ("1/2/" * 25_000, "repeated slashes"),
    ("21 Sep 2023" + " " * 100_000 + "x", "date then 100k spaces"),
    ("Senin " * 20_000, "repeated weekday"),
    ("5 " * 50_000 + "menit lalu", "repeated numbers"),
    ("\x00\ud800\uffff\U0001f600 21 Sep 2023", "control, lone surrogate, emoji"),
    ("٢١ سبتمبر ٢٠٢٣", "Arabic digits and month"),
    ("İİİ 21 Sep 2023 İ", "dotted capital I"),
    ("９月２１日", "full-width"),
    ("21 Sep 2023 14:30 UTC+99", "offset out of range"),
    ("9999-99-99T99:99:99+99:99", "all nines"),
    ("0/0/0000 00:00", "zeros"),
]


@pytest.mark.parametrize("text", [t for t, _ in WEIRD], ids=[i for _, i in WEIRD])
def test_never_raises_and_datetimes_are_aware(text: str) -> None:
    for reference in (None, REF):
        value = parse_date(text, reference=reference)
        assert value is None or isinstance(value, date)
        if isinstance(value, datetime):
            assert value.utcoffset() is not None
        for match in find_dates(text, reference=reference):
            assert 0 <= match.start < match.end <= len(text)
            assert text[match.start : match.end] == match.text
            if isinstance(match.value, datetime):
                assert match.value.utcoffset() is not None
        assert looks_like_date_line(text) in (True, False)


def test_long_input_is_capped_for_parse_date() -> None:
    assert parse_date("x" * 400 + " 21 September 2023") is None
    assert same(parse_date("21 September 2023" + "x" * 400), date(2023, 9, 21))


def test_out_of_range_offset_is_rejected() -> None:
    assert parse_date("21 Sep 2023 14:30 UTC+99") is None


@pytest.mark.parametrize("bad", [None, 20230921, b"21 Sep 2023", ["21 Sep 2023"]], ids=["None", "int", "bytes", "list"])
def test_non_str_input_raises_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        parse_date(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_dates(bad)  # type: ignore[arg-type]


def test_bad_reference_raises_input_error() -> None:
    with pytest.raises(InputError):
        parse_date("2 jam lalu", reference="2024-01-15")  # type: ignore[arg-type]


def test_every_returned_datetime_is_aware() -> None:
    texts = [t for t, _, _ in ABSOLUTE] + [t for t, _, _ in RELATIVE] + [f"15 Januari 2024 {c}" for c, _, _ in PART_OF_DAY]
    values = [parse_date(t, reference=REF) for t in texts]
    datetimes = [v for v in values if isinstance(v, datetime)]
    assert len(datetimes) > 40
    assert all(v.tzinfo is not None and v.utcoffset() is not None for v in datetimes)


def test_fallback_covers_forms_outside_the_grammar() -> None:
    # "21st of September 2023" has "of" between day and month: only dateparser knows it.
    assert same(parse_date("21st of September 2023"), date(2023, 9, 21))
    assert same(parse_date("21st of September 2023 at 14:30"), wib(2023, 9, 21, 14, 30))


def test_fallback_rejects_durations_counted_from_today() -> None:
    # dateparser reads these as "N units ago" from now; the year they yield is not in the text.
    assert parse_date("Agustus 7 tahun") is None
    assert parse_date("7 bulan September") is None


def test_fallback_errors_do_not_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dateparser, "parse", broken)
    assert parse_date("21st of September 2023") is None


def test_public_reexport() -> None:
    assert newsclean.parse_date is parse_date
    assert newsclean.find_dates is find_dates


# ----------------------------------------------------------------------------------------- find_dates

BYLINES = [
    (
        "Penulis: Cahya Mulyana Pada: Selasa, 22 Jan 2019, 22:19 WIB Politik dan Hukum",
        "Penulis: Cahya Mulyana ", " Politik dan Hukum", wib(2019, 1, 22, 22, 19), None, "mediaindonesia",
    ),
    ("Kompas.com - 27/03/2024, 06:16 WIB", "Kompas.com - ", "", wib(2024, 3, 27, 6, 16), None, "kompas"),
    ("oleh Rina Ayu diperbarui 17 Feb 2024, 15:30 WIB", "oleh Rina Ayu ", "", wib(2024, 2, 17, 15, 30), "updated", "liputan6 updated"),
    ("Diterbitkan 17 Feb 2024, 15:30 WIB", "", "", wib(2024, 2, 17, 15, 30), "published", "liputan6 published"),
    ("Arga Sumantri • 23 March 2025 05:47", "Arga Sumantri • ", "", wib(2025, 3, 23, 5, 47), None, "metrotvnews"),
    (
        "👤Thalatie K Yani 🕔Sabtu 23 September 2023, 06:20 WIB",
        "👤Thalatie K Yani 🕔", "", wib(2023, 9, 23, 6, 20), None, "mediaindonesia related",
    ),
    ("CNN Indonesia | Rabu, 04/12/2019 20:55 WIB", "CNN Indonesia | ", "", wib(2019, 12, 4, 20, 55), None, "cnnindonesia"),
    ("Senin, 27 Jan 2025 07:43 WIB", "", "", wib(2025, 1, 27, 7, 43), None, "detik"),
    ("Kompas.tv - 4 Oktober 2021, 05:30 WIB", "Kompas.tv - ", "", wib(2021, 10, 4, 5, 30), None, "kompas.tv"),
    ("Update: 12 Jan 2024 08:00 WIB | Redaksi", "", " | Redaksi", wib(2024, 1, 12, 8), "updated", "Update:"),
    (
        "Peristiwa terjadi sekitar pukul 10.15 WIB, Kamis (18/7/2024), saat hujan",
        "Peristiwa terjadi sekitar ", ", saat hujan", wib(2024, 7, 18, 10, 15), None, "body, time first",
    ),
    ("ujar Darsono, Rabu (12/8/2015).", "ujar Darsono, ", ".", date(2015, 8, 12), None, "body dateline"),
    ("Rp12.50, Senin (1/1/2024)", "Rp12.50, ", "", date(2024, 1, 1), None, "number before a date is not a time"),
    ("29 Des 2025, 22:28 WIBNews", "", "News", wib(2025, 12, 29, 22, 28), None, "zone glued to the next word"),
    ("Selasa, 25 November 2025 15:00:45 WIB", "", "", wib(2025, 11, 25, 15, 0, 45), None, "seconds"),
    ("Adrian Putra • 12 February 2020 13:15", "Adrian Putra • ", "", wib(2020, 2, 12, 13, 15), None, "English month"),
]


@pytest.mark.parametrize(
    ("line", "before", "after", "value", "kind"), [b[:5] for b in BYLINES], ids=[b[5] for b in BYLINES]
)
def test_find_dates_span(line: str, before: str, after: str, value: date, kind: str | None) -> None:
    matches = find_dates(line)
    assert len(matches) == 1
    m = matches[0]
    assert line[: m.start] == before
    assert line[m.end :] == after
    assert m.text == line[m.start : m.end]
    assert same(m.value, value)
    assert m.kind == kind


def test_find_dates_zone_glued_to_the_next_keyword() -> None:
    line = "Diperbarui 20 Mei 2024, 15:00 WIBDiterbitkan 20 Mei 2024, 09:30 WITA"
    matches = find_dates(line)
    assert [(m.kind, m.value) for m in matches] == [
        ("updated", wib(2024, 5, 20, 15)),
        ("published", datetime(2024, 5, 20, 9, 30, tzinfo=WITA)),
    ]
    assert [m.text for m in matches] == ["Diperbarui 20 Mei 2024, 15:00 WIB", "Diterbitkan 20 Mei 2024, 09:30 WITA"]


def test_find_dates_several_in_order() -> None:
    line = "oleh Bima diperbarui 12 Agu 2021, 08:00 WIB Diterbitkan 12 Agu 2021, 07:15 WIB"
    matches = find_dates(line)
    assert [(m.kind, m.value) for m in matches] == [
        ("updated", wib(2021, 8, 12, 8)),
        ("published", wib(2021, 8, 12, 7, 15)),
    ]
    assert line[: matches[0].start] == "oleh Bima "
    assert line[matches[0].end : matches[1].start] == " "


NOT_DATES = [
    ("UU Nomor 7 Tahun 2017 tentang Pemilu", "law number"),
    ("Harga naik jadi Rp 2.024 per kilogram", "money"),
    ("IHSG ditutup di level 4.641,32 naik 1,2%", "index level"),
    ("Gempa terjadi pukul 11.02 Wita dengan pusat di darat", "bare time"),
    ("Pada tahun 2017 harga naik", "bare year"),
    ("Hubungi +6221 5347 710 atau 0811-9787-670", "phone numbers"),
    ("Sebanyak 1/2 warga dan 3/4 petani", "fractions"),
    ("periode 2009-2014", "year range"),
]


@pytest.mark.parametrize("line", [t for t, _ in NOT_DATES], ids=[i for _, i in NOT_DATES])
def test_find_dates_ignores_non_dates(line: str) -> None:
    assert find_dates(line) == []
    assert find_dates(line, reference=REF) == []


def test_find_dates_relative_only_with_reference_and_only_past() -> None:
    line = "Dua jam lagi kapal berangkat; kemarin ombak tinggi, kata dia 3 jam lalu"
    assert find_dates(line) == []
    found = find_dates(line, reference=REF)
    assert [(m.text, m.value) for m in found] == [("kemarin", date(2024, 1, 14)), ("3 jam lalu", wib(2024, 1, 15, 9))]


def test_find_dates_yearless_body_date_uses_reference() -> None:
    line = "Jembatan putus pada Minggu (12/12) malam setelah hujan"
    assert find_dates(line) == []
    (m,) = find_dates(line, reference=wib(2021, 12, 14, 11, 30))
    assert (m.text, m.value) == ("Minggu (12/12) malam", date(2021, 12, 12))


def test_find_dates_long_prose_line() -> None:
    prose = "Harga daging sapi naik menjadi Rp 120.000/kg dari Rp 110.000/kg pekan ini. " * 14
    line = prose + "kata Samsudin, Rabu (12/8/2015)."
    (m,) = find_dates(line)
    assert m.value == date(2015, 8, 12)
    assert m.end == len(line) - 1


def test_datematch_is_frozen_with_slots() -> None:
    m = DateMatch(0, 4, "x", date(2024, 1, 1), None)
    with pytest.raises(AttributeError):
        m.start = 1  # type: ignore[misc]
    assert not hasattr(m, "__dict__")


# ------------------------------------------------------------------------------- looks_like_date_line

DATE_LINES = [
    ("Senin, 27 Jan 2025 07:43 WIB", True, "bare timestamp"),
    ("🕔Jumat 22 September 2023, 21:58 WIB", True, "emoji decoration"),
    ("| Rabu, 04/12/2019 20:55 WIB |", True, "pipes"),
    ("Diperbarui 12 Jan 2024, 08.00 WIB", True, "update keyword"),
    ("Kompas.com - 27/03/2024, 06:16 WIB", False, "site name is not decoration"),
    ("Arga Sumantri • 23 March 2025 05:47", False, "author and date"),
    ("Jembatan putus pada Senin (7/9/2020) malam.", False, "prose"),
    ("14:30 WIB", False, "time only"),
    ("Berita Terkini", False, "no date"),
]


@pytest.mark.parametrize(("line", "expected"), [d[:2] for d in DATE_LINES], ids=[d[2] for d in DATE_LINES])
def test_looks_like_date_line(line: str, expected: bool) -> None:
    assert looks_like_date_line(line) is expected


def test_branch_optionals_rewrites_only_optional_groups() -> None:
    from newsclean.dates.regex_tree import branch_optionals

    assert branch_optionals(r"(?:ab)?c(?P<x>d[)?]\)?)?e?(?=f)?") == r"(?:ab|)c(?:(?P<x>d[)?]\)?)|)e?(?=f)?"
    assert branch_optionals("(?:a)?? # (b)?\n(c)?+") == "(?:a)?? # (b)?\n(c)?+"


# Lines of every shape the absolute grammar reads (keyword, time first, weekday, parentheses, each date form,
# times, zones), inside prose and glued to other words, for the start-guard test below.
_GRAMMAR_SHAPES = [
    "Diperbarui 14 Maret 2019 21:15 WIB, diterbitkan Rabu, 13/3/2019 pukul 9.30 wita",
    "Terakhir diperbarui: Senin (15/1) 08:00. Last updated on January 5, 2024 at 7:05 pm +0800",
    "Update: Jum'at, 17 Februari 2017 - 13:30 wib | posted 2024-01-15T10:20:30.123Z",
    "Arus kendaraan meningkat sejak Senin (11/6/2018) pagi, kata Kapolres, Kamis (18/12/25).",
    "pukul 10.15 WIB, Kamis (18/7/2024) ... jam 7 malam, 21 Sep. 2023; 05 Nov 15 12:58 GMT+7",
    "Pada: Kamis, 12 Jul 2018, 19:45 WIB Nusantara; tgl. 3-4-2019; tanggal : 22 Desember",
    "dipublikasikan 1st march 2024 6 am, ditayangkan 21/09/23, 14:30; tayang ahad 2 ag 2020 dini hari",
    "Rp12.50, Senin (1/1/2024) dan 12.000 orang pada 10:00-12:00 wit (UTC+09:00) sampai 3 mei '24",
    "xpukul 7.00 jamnya 21.30 senin2 (3/9) onward 2019/12/31 dirilis 9 desember 2019 jam 12 siang",
]


def test_start_guard_changes_no_match() -> None:
    """The lookahead that opens the absolute grammar only skips positions where it cannot match."""
    import re

    from conftest import FIXTURES, SHARED

    from newsclean.dates import grammar
    from newsclean.dates.grammar import DIGIT
    from newsclean.dates.regex_tree import branch_optionals

    unguarded = re.compile(branch_optionals(grammar._ABSOLUTE), re.VERBOSE)
    texts = list(_GRAMMAR_SHAPES)
    for path in sorted(FIXTURES.rglob("*.txt")):  # the bundled dumps' dated lines
        texts += [ln for ln in path.read_text(encoding="utf-8").splitlines() if len(ln) < 300 and DIGIT.search(ln)]
    if (SHARED / "dates" / "dates_dev.jsonl").exists():
        texts += [str(row["text"]) for row in _dev_rows()]
    texts = [grammar.prepare(t) for t in texts]
    found = 0
    for text in texts:
        for pos in range(len(text)):
            guarded, plain = grammar.ABS_RE.match(text, pos), unguarded.match(text, pos)
            assert (guarded and (guarded.span(), guarded.groups())) == (plain and (plain.span(), plain.groups()))
            found += plain is not None
    assert found > 40  # the shapes above do hold dates
