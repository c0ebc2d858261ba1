"""`parse_many`: a whole run collected into `Results`, which a notebook can read as often as it likes.

    >>> results = newsclean.parse_many(["dumps/"])
    >>> results                      # Results(120 inputs: 114 articles, 4 non-articles, 2 errors ...)
    >>> len(results), results[0], results.articles[:3], results.errors
    >>> df = results.to_dataframe()  # again and again: the results stay

For runs too large to hold in memory, `iter_parse_many` (same arguments) streams the same results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Union, overload

from ..errors import BatchError
from ..models import Article
from .pool import iter_parse_many
from .results import BatchStats, Result, error_counts, errors_dataframe, to_dataframe
from .sources import RawInput, safe_name

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Results", "error_lines", "parse_many"]

#: How many failed inputs `summary()` (and the CLI) name one by one.
SHOWN_ERRORS = 5


def error_lines(failed: Iterable[Result], limit: int = SHOWN_ERRORS) -> list[str]:
    """One line per failed input, "id: ErrorType: message", for the first `limit` of them."""
    lines: list[str] = []
    for result in failed:
        if result.error is None:
            continue
        if len(lines) == limit:
            break
        message = " ".join(result.error.message.split())
        message = message if len(message) <= 160 else message[:159] + "…"
        lines.append(f"{safe_name(result.id)}: {result.error.error_type}: {message}")
    return lines


class Results(Sequence[Result]):
    """Every `Result` of a `parse_many` run, in input order, held in memory (read it any number of times).

    A list of results (`len`, indexing, slicing, iterating) plus `.articles`, `.errors`, `.stats`,
    `.summary()` and `.to_dataframe()`.
    """

    def __init__(self, results: Iterable[Result], stats: BatchStats) -> None:
        self._results = list(results)
        self.stats = stats

    @overload
    def __getitem__(self, index: int) -> Result: ...

    @overload
    def __getitem__(self, index: slice) -> list[Result]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Result, list[Result]]:
        return self._results[index]

    def __len__(self) -> int:
        return len(self._results)

    def __iter__(self) -> Iterator[Result]:
        return iter(self._results)

    @property
    def articles(self) -> list[Article]:
        """The articles, in input order."""
        return [r.article for r in self._results if r.article is not None]

    @property
    def errors(self) -> list[Result]:
        """The results without an article (non-articles, errors, skipped inputs, duplicates), in input order."""
        return [r for r in self._results if r.error is not None]

    def to_dataframe(self, *, include_errors: bool = False) -> pd.DataFrame:
        """`newsclean.to_dataframe` of these results (a warning counts the inputs left out)."""
        return to_dataframe(self._results, include_errors=include_errors)

    def errors_dataframe(self) -> pd.DataFrame:
        """One row per result without an article: id, index, error_type, message."""
        return errors_dataframe(self._results)

    def summary(self) -> str:
        """The counts, then the failures by type and the first few by name."""
        lines = [self.stats.summary()]
        counts = error_counts(self._results)
        if counts:
            lines.append("without an article: " + ", ".join(f"{kind} {n:,}" for kind, n in counts.most_common()))
            lines += [f"  {line}" for line in error_lines(self.errors)]
            if len(self.errors) > SHOWN_ERRORS:
                lines.append(f"  ... and {len(self.errors) - SHOWN_ERRORS:,} more (results.errors)")
        return "\n".join(lines)

    def __repr__(self) -> str:
        stats = self.stats
        counts = error_counts(self._results)
        kinds = "".join(f", {kind} {n:,}" for kind, n in counts.most_common(3) if kind != "NotAnArticle")
        return (
            f"<Results: {len(self):,} inputs, {stats.articles:,} articles, {stats.non_articles:,} non-articles, "
            f"{stats.errors:,} errors{kinds}; .articles .errors .summary() .to_dataframe()>"
        )


def parse_many(inputs: Iterable[RawInput], **options: Any) -> Results:
    """Clean many dumps and collect every result: exactly one `Result` per input, in input order.

    Takes the arguments of `iter_parse_many` (inputs, `workers=`, `executor=`, `progress=`,
    `on_error=`, `site=`, `fetched_at=`, ...), runs the whole batch and returns `Results`, which can
    be read any number of times. For runs too large to hold in memory, use `iter_parse_many`.

    A `BatchError` (the inputs' iterable or the executor failed) carries the results so far as `.results`.
    """
    collected: list[Result] = []
    with iter_parse_many(inputs, **options) as stream:
        try:
            collected.extend(stream)
        except BatchError as exc:
            # The run could not go on (its inputs or executor failed); what it did is not thrown away.
            exc.results = Results(collected, stream.stats)  # type: ignore[attr-defined]
            raise
    return Results(collected, stream.stats)
