"""What one document scored (`DocResult`) and the aggregates over a group of documents (`SiteSummary`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any, Optional

from .scoring import Overlap

__all__ = ["DocResult", "SiteSummary"]


@dataclass
class DocResult:
    """How one document scored. Fields that do not apply (e.g. the date of a gold without one) are None."""

    id: str
    site: str
    kind: str
    path: str
    truncated: bool = False
    seconds: float = 0.0
    rejected: bool = False  # the parser raised NotAnArticle
    error: Optional[tuple[str, str]] = None  # (exception type, message) of any other exception
    body: Overlap = field(default_factory=Overlap)
    missed: Counter[str] = field(default_factory=Counter)  # gold tokens the prediction lacks
    extra: Counter[str] = field(default_factory=Counter)  # predicted tokens not in gold
    title_exact: Optional[bool] = None
    title_lenient: Optional[bool] = None
    date_correct: Optional[bool] = None
    spurious_date: bool = False  # a date predicted where gold has none
    authors_correct: Optional[bool] = None  # None when the gold names no author
    spurious_authors: bool = False  # authors predicted where the gold names none
    related: Overlap = field(default_factory=Overlap)
    gold_title: Optional[str] = None
    predicted_title: Optional[str] = None
    gold_date: Optional[str] = None
    predicted_date: Optional[str] = None
    gold_authors: list[str] = field(default_factory=list)
    predicted_authors: list[str] = field(default_factory=list)

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def reject_correct(self) -> Optional[bool]:
        """For a non-article: whether the parser rejected it. None for articles."""
        return self.rejected if not self.is_article else None

    def describe(self, top: int = 12) -> str:
        """A short debugging summary: scores, most-missed and most-extra body tokens, field mismatches."""
        head = f"{self.id} [{self.site}] body P={_fmt(self.body.precision)} R={_fmt(self.body.recall)} F1={_fmt(self.body.f1)}"
        lines = [head]
        if self.error:
            lines.append(f"  error: {self.error[0]}: {self.error[1]}")
        if self.rejected:
            lines.append("  rejected as NotAnArticle")
        if self.missed:
            lines.append(f"  missed {sum(self.missed.values())}: " + _top_tokens(self.missed, top))
        if self.extra:
            lines.append(f"  extra  {sum(self.extra.values())}: " + _top_tokens(self.extra, top))
        if self.title_exact is False:
            lines.append(f"  title: got {self.predicted_title!r}, want {self.gold_title!r}")
        if self.date_correct is False or self.spurious_date:
            lines.append(f"  date: got {self.predicted_date}, want {self.gold_date}")
        if self.authors_correct is False or self.spurious_authors:
            lines.append(f"  authors: got {self.predicted_authors}, want {self.gold_authors}")
        return "\n".join(lines)

    def to_dict(self, top: int = 20) -> dict[str, Any]:
        """JSON-ready form; missed/extra tokens are cut to the `top` most frequent."""
        # Not dataclasses.asdict: it would rebuild the Counters from their (token, n) pairs.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["gold_authors"], data["predicted_authors"] = list(self.gold_authors), list(self.predicted_authors)
        data["body"] = _overlap_dict(self.body)
        data["related"] = _overlap_dict(self.related)
        data["missed"] = dict(self.missed.most_common(top))
        data["extra"] = dict(self.extra.most_common(top))
        data["error"] = list(self.error) if self.error else None
        return data


def _top_tokens(bag: Counter[str], top: int) -> str:
    return ", ".join(f"{tok}×{n}" if n > 1 else tok for tok, n in bag.most_common(top))


def _overlap_dict(overlap: Overlap) -> dict[str, Any]:
    return {
        "matched": overlap.matched,
        "predicted": overlap.predicted,
        "gold": overlap.gold,
        "precision": overlap.precision,
        "recall": overlap.recall,
        "f1": overlap.f1,
    }


def _ratio(hits: int, total: int) -> Optional[float]:
    return hits / total if total else None


@dataclass
class SiteSummary:
    """Aggregates over a group of documents (one site, or all of them)."""

    site: str
    docs: int = 0
    articles: int = 0
    non_articles: int = 0
    body: Overlap = field(default_factory=Overlap)  # summed over articles: micro-averaged P/R/F1
    body_f1_sum: float = 0.0
    title_exact: int = 0
    title_lenient: int = 0
    title_total: int = 0
    date_correct: int = 0
    date_total: int = 0
    spurious_dates: int = 0
    authors_correct: int = 0
    authors_total: int = 0
    spurious_authors: int = 0
    related: Overlap = field(default_factory=Overlap)
    rejected_correct: int = 0
    false_rejections: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, doc: DocResult) -> None:
        self.docs += 1
        self.seconds += doc.seconds
        self.errors += doc.error is not None
        if not doc.is_article:
            self.non_articles += 1
            self.rejected_correct += doc.rejected
            return
        self.articles += 1
        self.false_rejections += doc.rejected
        self.body += doc.body
        self.body_f1_sum += doc.body.f1
        self.related += doc.related
        if doc.title_exact is not None:
            self.title_total += 1
            self.title_exact += doc.title_exact
            self.title_lenient += bool(doc.title_lenient)
        if doc.date_correct is not None:
            self.date_total += 1
            self.date_correct += doc.date_correct
        self.spurious_dates += doc.spurious_date
        if doc.authors_correct is not None:
            self.authors_total += 1
            self.authors_correct += doc.authors_correct
        self.spurious_authors += doc.spurious_authors

    @property
    def body_macro_f1(self) -> Optional[float]:
        return self.body_f1_sum / self.articles if self.articles else None

    @property
    def title_accuracy(self) -> Optional[float]:
        return _ratio(self.title_exact, self.title_total)

    @property
    def title_lenient_accuracy(self) -> Optional[float]:
        return _ratio(self.title_lenient, self.title_total)

    @property
    def date_accuracy(self) -> Optional[float]:
        """Over articles whose gold has a date; spurious dates are counted apart."""
        return _ratio(self.date_correct, self.date_total)

    @property
    def authors_accuracy(self) -> Optional[float]:
        """Over articles whose gold names authors; authors invented for the others are counted apart."""
        return _ratio(self.authors_correct, self.authors_total)

    @property
    def reject_accuracy(self) -> Optional[float]:
        """Share of non-articles rejected with NotAnArticle."""
        return _ratio(self.rejected_correct, self.non_articles)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with the derived rates."""
        return {
            "site": self.site,
            "docs": self.docs,
            "articles": self.articles,
            "non_articles": self.non_articles,
            "body": {**_overlap_dict(self.body), "macro_f1": self.body_macro_f1},
            "title": {
                "exact": self.title_exact,
                "lenient": self.title_lenient,
                "total": self.title_total,
                "accuracy": self.title_accuracy,
                "lenient_accuracy": self.title_lenient_accuracy,
            },
            "date": {
                "correct": self.date_correct,
                "total": self.date_total,
                "accuracy": self.date_accuracy,
                "spurious": self.spurious_dates,
            },
            "authors": {
                "correct": self.authors_correct,
                "total": self.authors_total,
                "accuracy": self.authors_accuracy,
                "spurious": self.spurious_authors,
            },
            "related": _overlap_dict(self.related),
            "reject": {
                "correct": self.rejected_correct,
                "total": self.non_articles,
                "accuracy": self.reject_accuracy,
                "false_rejections": self.false_rejections,
            },
            "errors": self.errors,
            "seconds": self.seconds,
        }


def _fmt(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"
