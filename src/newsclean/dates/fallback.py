"""The dateparser fallback, for the rare strings the fast grammar does not know."""

from __future__ import annotations

from datetime import date, datetime

from .grammar import CLOCK, MONTH_WORD, WIB, YEAR4, ZONE_WORD, ZONES

__all__ = ["dateparser_value"]


def dateparser_value(text: str, ref: datetime | None) -> datetime | date | None:
    """dateparser for forms the fast path does not know; its answer must still look like the text."""
    year_match = YEAR4.search(text)
    if year_match is None or MONTH_WORD.search(text) is None:
        return None  # dateparser reads "7 Tahun 2017" or "2 jam" as durations; we want none of that
    try:
        import dateparser  # slow import, only paid when a string gets this far

        settings: dict[str, object] = {
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
        }
        if ref is not None:
            settings["RELATIVE_BASE"] = ref.replace(tzinfo=None)
        result = dateparser.parse(text, languages=["id", "en"], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser has many internal failure modes; none may escape
        return None
    if not isinstance(result, datetime):
        return None
    # Only trust a reading whose year is written in the text (not a duration counted from today).
    if str(result.year) not in {y.group() for y in YEAR4.finditer(text)}:
        return None
    if CLOCK.search(text) is None:
        return result.date()
    if result.tzinfo is None:
        zone = ZONE_WORD.search(text)
        result = result.replace(tzinfo=ZONES[zone.group(1).lower()] if zone else WIB)
    elif result.utcoffset() is None:
        return None
    return result
