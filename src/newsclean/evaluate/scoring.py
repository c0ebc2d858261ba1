"""Scoring primitives: body token overlap, title and date comparison (also used by the benchmarks)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional

__all__ = ["Overlap", "as_date", "date_matches", "lenient_title", "normalize_ws", "score_body", "tokenize"]

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# Titles differ in trailing punctuation between a page's <title>, headline and og:title; the lenient
# match forgives exactly that (and case), nothing more.
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?\-–—|…\"'“”‘’]+$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalize_ws(text: str) -> str:
    """NBSP to space, runs of whitespace collapsed, ends stripped."""
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def lenient_title(text: str) -> str:
    """The form titles are compared in for the lenient match: normalised, casefolded, no trailing punctuation."""
    return _TRAILING_PUNCT.sub("", normalize_ws(text).casefold())


def tokenize(text: str) -> list[str]:
    """Lowercased `\\w+` word tokens (NBSP counts as a space)."""
    return _TOKEN.findall(text.replace("\xa0", " ").lower())


def _token_bag(lines: Iterable[str]) -> Counter[str]:
    bag: Counter[str] = Counter()
    for line in lines:
        bag.update(tokenize(line))
    return bag


@dataclass(frozen=True)
class Overlap:
    """Multiset overlap counts of a prediction against gold, with P/R/F1 derived from them.

    A metric whose denominator is zero is None (undefined), except that an empty prediction of an
    empty gold is a perfect score.
    """

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Overlap) -> Overlap:
        return Overlap(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> Optional[float]:
        if self.predicted:
            return self.matched / self.predicted
        return 1.0 if self.gold == 0 else None

    @property
    def recall(self) -> Optional[float]:
        if self.gold:
            return self.matched / self.gold
        return 1.0 if self.predicted == 0 else None

    @property
    def f1(self) -> float:
        if self.predicted == 0 and self.gold == 0:
            return 1.0
        if self.matched == 0:
            return 0.0
        return 2 * self.matched / (self.predicted + self.gold)

    @classmethod
    def of(cls, predicted: Counter[str], gold: Counter[str]) -> Overlap:
        """Overlap of two multisets."""
        return cls(sum((predicted & gold).values()), sum(predicted.values()), sum(gold.values()))


def score_body(predicted: Sequence[str], gold: Sequence[str]) -> tuple[Overlap, Counter[str], Counter[str]]:
    """Bag-of-tokens overlap of body lines, plus the missed (gold-only) and extra (predicted-only) tokens."""
    pred_bag, gold_bag = _token_bag(predicted), _token_bag(gold)
    return Overlap.of(pred_bag, gold_bag), gold_bag - pred_bag, pred_bag - gold_bag


def date_matches(published_at: Optional[dt.datetime], published_date: Optional[dt.date], gold: str) -> bool:
    """Whether a prediction's date agrees with a gold `published_at` string.

    A gold datetime needs the same instant to the minute *and* the same UTC offset (a right time in
    the wrong zone is wrong); a gold date-only value needs the same calendar date.
    """
    if _DATE_ONLY.match(gold):
        want = dt.date.fromisoformat(gold)
        if published_date is not None:
            return as_date(published_date) == want
        return published_at is not None and published_at.date() == want
    if published_at is None or published_at.tzinfo is None:
        return False
    want_at = dt.datetime.fromisoformat(gold)
    if want_at.tzinfo is None:  # gold without an offset follows the corpus rule: no zone means WIB
        want_at = want_at.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
    return (
        published_at.replace(second=0, microsecond=0) == want_at.replace(second=0, microsecond=0)
        and published_at.utcoffset() == want_at.utcoffset()
    )


def as_date(value: dt.date) -> dt.date:
    """The calendar date of a date or datetime."""
    return value.date() if isinstance(value, dt.datetime) else value
