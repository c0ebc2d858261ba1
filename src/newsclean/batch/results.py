"""Results: one `Result` per input (an `Article` or an `ErrorRecord`), running counts, DataFrames."""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

from ..models import Article
from .columns import DATAFRAME_COLUMNS, article_row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DUPLICATE",
    "SKIPPED",
    "BatchStats",
    "ErrorRecord",
    "NoArticleWarning",
    "Result",
    "error_counts",
    "errors_dataframe",
    "to_dataframe",
]


#: error_type of inputs that are not documents to clean (a WARC response that is not HTML or not
#: HTTP 200, a link or FIFO met in a walk): counted as skipped, never as errors.
SKIPPED = "Skipped"
#: error_type of an article that nearly repeats an earlier one (`parse_many(dedupe=True)`).
DUPLICATE = "Duplicate"


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """Why an input produced no article. `error_type` is the exception's class name
    ("NotAnArticle", "InputError", "BrokenProcessPool", ...), or `SKIPPED` / `DUPLICATE`; a
    duplicate names the article it repeats in `duplicate_of`."""

    id: str
    error_type: str
    message: str
    duplicate_of: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome for one input: an `article`, or an `error`, never both."""

    id: str
    index: int  # position in the result stream (0-based; inputs excluded as already done keep their place)
    article: Optional[Article] = None
    error: Optional[ErrorRecord] = None

    @property
    def ok(self) -> bool:
        return self.article is not None


@dataclass
class BatchStats:
    """Running counts of a `parse_many` run (results dropped by on_error="skip" are counted too).

    `total` counts the inputs that got a result: articles + non_articles + errors + skipped + duplicates.
    `filtered` (outside the site filter) and `resumed` (done by an earlier run) got none.
    """

    articles: int = 0
    non_articles: int = 0
    errors: int = 0  # everything that is neither an article, NotAnArticle, skipped nor a duplicate
    skipped: int = 0
    duplicates: int = 0
    filtered: int = 0
    resumed: int = 0
    started: float = field(default_factory=time.perf_counter)
    finished: Optional[float] = None

    @property
    def total(self) -> int:
        return self.articles + self.non_articles + self.errors + self.skipped + self.duplicates

    @property
    def elapsed(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    @property
    def rate(self) -> float:
        """Documents per second."""
        return self.total / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> str:
        extra = "".join(
            f", {count:,} {what}"
            for count, what in (
                (self.skipped, "skipped"),
                (self.duplicates, "near-duplicates"),
                (self.filtered, "filtered out by site"),
                (self.resumed, "already done"),
            )
            if count
        )
        return (
            f"{self.articles:,} articles, {self.non_articles:,} non-articles, {self.errors:,} errors{extra} "
            f"in {self.elapsed:.1f} s ({self.rate:,.1f} docs/s)"
        )


class NoArticleWarning(UserWarning):
    """`to_dataframe` left out results that hold no article (say `include_errors=True` to keep them)."""


def error_counts(results: Iterable[Result]) -> Counter[str]:
    """How many results hold no article, by `error_type` (most common first when listed)."""
    return Counter(r.error.error_type for r in results if r.error is not None)


def _import_pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("to_dataframe needs pandas: pip install newsclean[pandas]") from None
    return pd


def to_dataframe(results: Iterable[Union[Result, Article]], *, include_errors: bool = False) -> pd.DataFrame:
    """One row per article (columns: `DATAFRAME_COLUMNS`).

    Times: `published_at`, `updated_at` and `fetched_at` are tz-aware UTC, so pages in WIB, WITA and
    WIT sort and compare correctly (`df.published_at.dt.tz_convert("Asia/Jakarta")` for WIB wall
    time); `published_local` keeps the page's own wall time and offset as ISO text
    ("2020-10-10T05:53:00+07:00"); `published_date` is the page's local calendar date (set also
    when the page gives no time). With `include_errors=True`, error results become rows too, with
    `error_type` and `error_message` columns (and empty article fields); without it they are left out
    and a `NoArticleWarning` says how many, by type, so failures are never invisible.
    """
    pd = _import_pandas()
    columns: dict[str, list[Any]] = {name: [] for name in DATAFRAME_COLUMNS}
    error_type: list[Optional[str]] = []
    error_message: list[Optional[str]] = []
    left_out: Counter[str] = Counter()
    for entry in results:
        if isinstance(entry, Article):
            row = article_row(entry, None)
        elif entry.article is not None:
            row = article_row(entry.article, entry.id)
        elif include_errors and entry.error is not None:
            row = {"id": entry.id}
        else:
            if entry.error is not None:
                left_out[entry.error.error_type] += 1
            continue
        for name, values in columns.items():
            values.append(row.get(name))
        if include_errors:
            error = entry.error if isinstance(entry, Result) else None
            error_type.append(error.error_type if error else None)
            error_message.append(error.message if error else None)
    data: dict[str, Any] = {}
    for name, dtype in DATAFRAME_COLUMNS.items():
        values = columns[name]
        if dtype.startswith("datetime64["):
            data[name] = _times(pd, values, utc=dtype.endswith("UTC]"))
        elif dtype == "int64" and None in values:
            data[name] = pd.Series(values, dtype="Int64")
        else:
            data[name] = pd.Series(values, dtype=dtype)
    if include_errors:
        data["error_type"] = pd.Series(error_type, dtype="category")
        data["error_message"] = pd.Series(error_message, dtype="string")
    if left_out:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in left_out.most_common())
        warnings.warn(
            f"{sum(left_out.values()):,} inputs gave no article and are not rows ({kinds}); "
            "to_dataframe(..., include_errors=True) keeps them as rows",
            NoArticleWarning,
            stacklevel=2,
        )
    return pd.DataFrame(data)


def _times(pd: Any, values: list[Any], *, utc: bool) -> Any:
    """A time column at microsecond resolution, as in Parquet: any year a `datetime` can hold fits
    (nanoseconds would refuse dates before 1677 or after 2262)."""
    import datetime as dt

    import numpy as np

    if utc:
        values = [v.astimezone(dt.timezone.utc).replace(tzinfo=None) if v is not None else None for v in values]
    column = pd.Series(np.array(values, dtype="datetime64[us]"))
    return column.dt.tz_localize("UTC") if utc else column


def errors_dataframe(results: Iterable[Result]) -> pd.DataFrame:
    """One row per error result: `id` (string), `index` (int64), `error_type` (category), `message` (string)."""
    pd = _import_pandas()
    rows = [(r.id, r.index, r.error.error_type, r.error.message) for r in results if r.error is not None]
    return pd.DataFrame(
        {
            "id": pd.Series([r[0] for r in rows], dtype="string"),
            "index": pd.Series([r[1] for r in rows], dtype="int64"),
            "error_type": pd.Series([r[2] for r in rows], dtype="category"),
            "message": pd.Series([r[3] for r in rows], dtype="string"),
        }
    )
