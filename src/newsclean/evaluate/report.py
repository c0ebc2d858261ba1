"""`EvalReport`: every document's result, per-site and overall tables, JSON, quality floors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from .results import DocResult, SiteSummary, _fmt

__all__ = ["EvalReport"]

_OVERALL = "OVERALL"


def _frac(hits: int, total: int) -> str:
    return f"{hits}/{total}" if total else "-"


# (header, width, right-aligned); the first column is sized to its content.
_COLUMNS: list[tuple[str, int]] = [
    ("docs", 4),
    ("body P", 6),
    ("R", 6),
    ("F1", 6),
    ("macroF1", 7),
    ("title", 7),
    ("lenient", 7),
    ("date", 7),
    ("spur", 4),
    ("authors", 7),
    ("spurA", 5),
    ("relF1", 6),
    ("rejects", 7),
    ("falseRej", 8),
    ("errors", 6),
]


def _summary_cells(s: SiteSummary) -> list[str]:
    return [
        str(s.docs),
        _fmt(s.body.precision) if s.articles else "-",
        _fmt(s.body.recall) if s.articles else "-",
        _fmt(s.body.f1) if s.articles else "-",
        _fmt(s.body_macro_f1),
        _frac(s.title_exact, s.title_total),
        _frac(s.title_lenient, s.title_total),
        _frac(s.date_correct, s.date_total),
        str(s.spurious_dates),
        _frac(s.authors_correct, s.authors_total),
        str(s.spurious_authors),
        _fmt(s.related.f1) if s.articles else "-",
        _frac(s.rejected_correct, s.non_articles),
        str(s.false_rejections),
        str(s.errors),
    ]


def _mark(value: Optional[bool]) -> str:
    return "-" if value is None else ("ok" if value else "x")


def _doc_cells(d: DocResult) -> list[str]:
    if not d.is_article:
        return [*[""] * 12, "ok" if d.rejected else "x", "", "E" if d.error else ""]
    return [
        "",
        _fmt(d.body.precision),
        _fmt(d.body.recall),
        _fmt(d.body.f1),
        "",
        _mark(d.title_exact),
        _mark(d.title_lenient),
        _mark(d.date_correct),
        "x" if d.spurious_date else "",
        _mark(d.authors_correct),
        "x" if d.spurious_authors else "",
        _fmt(d.related.f1),
        "",
        "x" if d.rejected else "",
        "E" if d.error else "",
    ]


@dataclass
class EvalReport:
    """The outcome of `evaluate`: one `DocResult` per gold document, summaries per site and overall."""

    docs: list[DocResult] = field(default_factory=list)

    @property
    def sites(self) -> dict[str, SiteSummary]:
        """Per-site summaries, sorted by site name."""
        out: dict[str, SiteSummary] = {}
        for doc in sorted(self.docs, key=lambda d: d.site):
            out.setdefault(doc.site, SiteSummary(doc.site)).add(doc)
        return out

    @property
    def overall(self) -> SiteSummary:
        """All documents together (micro-averaged body scores)."""
        total = SiteSummary(_OVERALL)
        for doc in self.docs:
            total.add(doc)
        return total

    @property
    def errors(self) -> list[DocResult]:
        """Documents on which the parser raised something other than NotAnArticle."""
        return [d for d in self.docs if d.error is not None]

    def worst(self, n: int = 5) -> list[DocResult]:
        """The `n` articles with the lowest body F1 (ties: lower recall first); see `DocResult.describe`."""
        articles = [d for d in self.docs if d.is_article]
        articles.sort(key=lambda d: (d.body.f1, d.body.recall or 0.0, d.id))
        return articles[:n]

    def format_worst(self, n: int = 5) -> str:
        """`worst(n)` as readable text, missed and extra tokens included."""
        return "\n\n".join(d.describe() for d in self.worst(n))

    def to_table(self, per_doc: bool = False) -> str:
        """A fixed-width table: one row per site and an OVERALL row; with `per_doc`, each document's row under its site.

        Columns: docs; body micro P, R, F1 and macro F1; title exact and lenient hits; date hits over
        golds with a date and spurious dates; author-set hits over golds naming authors and spurious author sets; related-link F1; non-articles rejected;
        articles falsely rejected; errors.
        """
        rows: list[tuple[str, list[str]]] = []
        by_site: dict[str, list[DocResult]] = {}
        for doc in self.docs:
            by_site.setdefault(doc.site, []).append(doc)
        for name, summary in self.sites.items():
            rows.append((name, _summary_cells(summary)))
            if per_doc:
                for doc in sorted(by_site[name], key=lambda d: d.id):
                    rows.append(("  " + doc.id, _doc_cells(doc)))
        rows.append((_OVERALL, _summary_cells(self.overall)))

        first = max([len("site"), *(len(label) for label, _ in rows)])
        widths = [max(w, len(h), *(len(cells[i]) for _, cells in rows)) for i, (h, w) in enumerate(_COLUMNS)]

        def line(label: str, cells: list[str]) -> str:
            return "  ".join([label.ljust(first), *(c.rjust(w) for c, w in zip(cells, widths, strict=True))]).rstrip()

        header = line("site", [h for h, _ in _COLUMNS])
        rule = "-" * len(header)
        body = [line(label, cells) for label, cells in rows]
        # The rule before OVERALL keeps the total from reading as one more site.
        return "\n".join([header, rule, *body[:-1], rule, body[-1]])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: overall, per-site and per-document results."""
        return {
            "overall": self.overall.to_dict(),
            "sites": {name: s.to_dict() for name, s in self.sites.items()},
            "docs": [d.to_dict() for d in self.docs],
        }

    def to_json(self, indent: Optional[int] = 2) -> str:
        """`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def check_floors(
        self,
        *,
        min_f1: Optional[float] = None,
        min_precision: Optional[float] = None,
        min_recall: Optional[float] = None,
        min_title: Optional[float] = None,
        min_date: Optional[float] = None,
        min_authors: Optional[float] = None,
        min_reject: Optional[float] = None,
        max_errors: Optional[int] = None,
    ) -> list[str]:
        """Compare overall figures with quality floors; return one message per floor missed ([] = all met).

        F1/precision/recall are the micro-averaged body scores, title the exact-match rate, date the
        accuracy over golds that have a date, authors the exact author-set rate over golds naming
        authors, reject the share of non-articles rejected. A floor is skipped when None. A floor on a metric the corpus cannot measure (e.g. `min_reject` with no
        non-article) fails, since the check it asks for did not happen.
        """
        total = self.overall
        checks: list[tuple[str, Optional[float], Optional[float], str]] = [
            ("min_f1", min_f1, total.body.f1 if total.articles else None, "body F1"),
            ("min_precision", min_precision, total.body.precision if total.articles else None, "body precision"),
            ("min_recall", min_recall, total.body.recall if total.articles else None, "body recall"),
            ("min_title", min_title, total.title_accuracy, "title accuracy"),
            ("min_date", min_date, total.date_accuracy, "date accuracy"),
            ("min_authors", min_authors, total.authors_accuracy, "author accuracy"),
            ("min_reject", min_reject, total.reject_accuracy, "non-article rejection rate"),
        ]
        failures: list[str] = []
        for name, floor, value, label in checks:
            if floor is None:
                continue
            if value is None:
                failures.append(f"{name}={floor:g}: {label} is undefined on this corpus (no documents to measure it)")
            elif value < floor:
                failures.append(f"{name}={floor:g}: {label} is {value:.3f}")
        if max_errors is not None and total.errors > max_errors:
            failures.append(f"max_errors={max_errors}: {total.errors} documents raised errors")
        return failures
