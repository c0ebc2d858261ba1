"""Relative dates ("2 jam lalu", "kemarin", "3 hari lagi"): a match of the relative grammar resolved against a reference."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .grammar import BARE_UNITS, NUMBER_WORDS, UNITS, VAGUE_WORDS, WORD_BEFORE, Reject

__all__ = ["is_future", "relative_value"]

def _months_back(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (day.day, 30, 29, 28):  # clamp 31 March - 1 month to the end of February
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise Reject


def _amount(number: str | None, se: str | None) -> float | None:
    if se:
        return 1
    if number is None:
        return None
    number = " ".join(number.lower().split())
    if number[0].isdigit():
        return float(number.replace(",", ".")) if not number.isdigit() else int(number)
    if number in ("setengah", "half a", "half an", "halfa", "halfan"):
        return 0.5
    if number in NUMBER_WORDS:
        return NUMBER_WORDS[number]
    tens, _, scale = number.partition(" ")
    return NUMBER_WORDS[tens] * (10 if scale == "puluh" else 1) + (10 if scale == "belas" else 0)


def _shift(ref: datetime, unit: str, amount: float, sign: int) -> datetime | date:
    kind, size = UNITS[unit.lower()]
    if kind == "s":
        return ref + timedelta(seconds=sign * amount * size)
    if amount != int(amount):  # "setengah hari" has no calendar-date reading
        raise Reject
    if kind == "d":
        return ref.date() + timedelta(days=sign * int(amount) * size)
    return _months_back(ref.date(), -sign * int(amount) * size)


def relative_value(m: re.Match[str], ref: datetime | None) -> datetime | date:
    if ref is None:
        raise Reject
    g = m.group
    if g("rw"):
        word = " ".join(g("rw").lower().split())
        if word in ("baru saja", "barusan", "sekarang", "just now"):
            return ref
        days = {"kemarin lusa": -2, "kemarin": -1, "kemaren": -1, "yesterday": -1, "lusa": 2,
                "besok": 1, "tomorrow": 1}.get(word, 0)  # fmt: skip
        return ref.date() + timedelta(days=days)
    if g("fw") or g("lu"):
        amount = _amount(g("fn"), g("fse")) if g("fw") else _amount(g("ln"), g("lse"))
        if amount is None:
            raise Reject
        return _shift(ref, g("fu") or g("lu"), amount, +1)
    if g("du"):
        return _shift(ref, g("du"), 1, +1)
    amount = _amount(g("rn"), g("rse"))
    if amount is None:
        # "minggu lalu" is a week ago, but "beberapa minggu lalu" / "menit lalu" name no instant.
        if g("ru").lower() not in BARE_UNITS:
            raise Reject
        start = m.start("rel")
        before = WORD_BEFORE.search(m.string[max(0, start - 24) : start])
        if before and before.group(1).lower() in VAGUE_WORDS:
            raise Reject
        amount = 1
    return _shift(ref, g("ru"), amount, -1)


def is_future(m: re.Match[str]) -> bool:
    """A relative match that points forward ("dalam 2 jam", "3 hari lagi", "minggu depan")."""
    return bool(m.group("fw") or m.group("lu") or m.group("du"))
