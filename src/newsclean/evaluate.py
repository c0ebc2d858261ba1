"""Score a parser against gold-annotated page dumps (see the corpus's GOLD_FORMAT.md).

    >>> report = newsclean.evaluate(["corpus/dev"])
    >>> print(report.to_table())
    >>> report.check_floors(min_f1=0.9, min_title=0.95)   # [] when every floor is met

A gold document is `<stem>.json` beside `<stem>.txt` or `<stem>.html`. Each one is parsed and compared
field by field; nothing a parser does (raising, returning junk) stops the evaluation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from .errors import NotAnArticle

__all__ = [
    "DocResult",
    "EvalReport",
    "Overlap",
    "SiteSummary",
    "date_matches",
    "evaluate",
    "find_gold_docs",
    "lenient_title",
    "normalize_ws",
    "score_body",
    "tokenize",
]

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# Titles differ in trailing punctuation between a page's <title>, headline and og:title; the lenient
# match forgives exactly that (and case), nothing more.
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?\-–—|…\"'“”‘’]+$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RAW_SUFFIXES = (".txt", ".html")
_OVERALL = "OVERALL"


# ---------------------------------------------------------------------------------------------------
# Scoring primitives (also used by benchmarks/bench_extract.py)


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
            return _as_date(published_date) == want
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


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# ---------------------------------------------------------------------------------------------------
# Finding gold documents


@dataclass(frozen=True)
class GoldDoc:
    """A gold annotation and the raw dump it describes."""

    gold_path: Path
    raw_path: Path
    gold: dict[str, Any]


def _raw_sibling(gold_path: Path) -> Optional[Path]:
    for suffix in _RAW_SUFFIXES:
        candidate = gold_path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _load_gold(gold_path: Path) -> Optional[dict[str, Any]]:
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    # Other JSON files may sit in a corpus tree (configs, manifests); only gold records have a kind.
    if not isinstance(data, dict) or data.get("kind") not in ("article", "non-article"):
        return None
    return data


def find_gold_docs(paths: Iterable[str | Path]) -> Iterator[GoldDoc]:
    """Yield the gold documents under `paths` (directories are walked recursively), each once, sorted.

    A file named explicitly may be the `.json` or its `.txt`/`.html`; it must be a gold document.
    Files in a directory that are not gold documents (READMEs, stray JSON) are skipped silently.
    """
    if isinstance(paths, (str, Path)):  # a lone path is a common slip; iterating a str yields characters
        paths = [paths]
    seen: set[Path] = set()
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            candidates = sorted(path.rglob("*.json"))
            explicit = False
        elif path.is_file():
            candidates = [path if path.suffix == ".json" else path.with_suffix(".json")]
            explicit = True
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
        for gold_path in candidates:
            key = gold_path.resolve()
            if key in seen:
                continue
            raw_path = _raw_sibling(gold_path) if gold_path.is_file() else None
            gold = _load_gold(gold_path) if raw_path is not None else None
            if raw_path is None or gold is None:
                if explicit:
                    raise ValueError(f"{path} is not a gold document (<stem>.json with <stem>.txt or .html)")
                continue
            seen.add(key)
            yield GoldDoc(gold_path, raw_path, gold)


# ---------------------------------------------------------------------------------------------------
# Results


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
    authors_correct: Optional[bool] = None
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
        if self.authors_correct is False:
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
            "authors": {"correct": self.authors_correct, "total": self.authors_total, "accuracy": self.authors_accuracy},
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
        _fmt(s.related.f1) if s.articles else "-",
        _frac(s.rejected_correct, s.non_articles),
        str(s.false_rejections),
        str(s.errors),
    ]


def _mark(value: Optional[bool]) -> str:
    return "-" if value is None else ("ok" if value else "x")


def _doc_cells(d: DocResult) -> list[str]:
    if not d.is_article:
        return ["", "", "", "", "", "", "", "", "", "", "", "ok" if d.rejected else "x", "", "E" if d.error else ""]
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
        golds with a date and spurious dates; author-set hits; related-link F1; non-articles rejected;
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
        min_reject: Optional[float] = None,
        max_errors: Optional[int] = None,
    ) -> list[str]:
        """Compare overall figures with quality floors; return one message per floor missed ([] = all met).

        F1/precision/recall are the micro-averaged body scores, title the exact-match rate, date the
        accuracy over golds that have a date, reject the share of non-articles rejected. A floor is
        skipped when None. A floor on a metric the corpus cannot measure (e.g. `min_reject` with no
        non-article) fails, since the check it asks for did not happen.
        """
        total = self.overall
        checks: list[tuple[str, Optional[float], Optional[float], str]] = [
            ("min_f1", min_f1, total.body.f1 if total.articles else None, "body F1"),
            ("min_precision", min_precision, total.body.precision if total.articles else None, "body precision"),
            ("min_recall", min_recall, total.body.recall if total.articles else None, "body recall"),
            ("min_title", min_title, total.title_accuracy, "title accuracy"),
            ("min_date", min_date, total.date_accuracy, "date accuracy"),
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


# ---------------------------------------------------------------------------------------------------
# Evaluation


def _read_raw(path: Path) -> str | bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return data  # an HTML page may declare its own charset; the parser decides
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def _date_text(published_at: Optional[dt.datetime], published_date: Optional[dt.date]) -> Optional[str]:
    if published_at is not None:
        return published_at.isoformat()
    if published_date is not None:
        return _as_date(published_date).isoformat()
    return None


def _score(doc: DocResult, gold: dict[str, Any], prediction: Any) -> None:
    """Fill `doc` from a prediction (None when the parser produced no article)."""
    gold_body = [line for line in gold.get("body") or [] if isinstance(line, str)]
    pred_body = [str(line) for line in (getattr(prediction, "body", None) or [])]
    doc.body, doc.missed, doc.extra = score_body(pred_body, gold_body)

    pred_title = getattr(prediction, "title", None)
    doc.predicted_title = pred_title
    if isinstance(doc.gold_title, str):
        got = pred_title if isinstance(pred_title, str) else ""
        doc.title_exact = normalize_ws(got) == normalize_ws(doc.gold_title)
        doc.title_lenient = bool(got) and lenient_title(got) == lenient_title(doc.gold_title)

    published_at = getattr(prediction, "published_at", None)
    published_date = getattr(prediction, "published_date", None)
    published_at = published_at if isinstance(published_at, dt.datetime) else None
    published_date = published_date if isinstance(published_date, dt.date) else None
    doc.predicted_date = _date_text(published_at, published_date)
    if doc.gold_date:
        doc.date_correct = date_matches(published_at, published_date, doc.gold_date)
    else:
        doc.spurious_date = doc.predicted_date is not None

    pred_authors = [str(a) for a in (getattr(prediction, "authors", None) or [])]
    doc.predicted_authors = pred_authors
    doc.authors_correct = {normalize_ws(a) for a in pred_authors} == {normalize_ws(a) for a in doc.gold_authors}

    pred_related = [normalize_ws(_related_title(r)) for r in (getattr(prediction, "related", None) or [])]
    gold_related = [normalize_ws(t) for t in gold.get("related") or [] if isinstance(t, str)]
    doc.related = Overlap.of(Counter(pred_related), Counter(gold_related))


def _related_title(link: Any) -> str:
    return link if isinstance(link, str) else str(getattr(link, "title", link))


def _evaluate_one(item: GoldDoc, parse: Callable[..., Any], use_url: bool) -> DocResult:
    gold = item.gold
    doc = DocResult(
        id=str(gold.get("id") or item.gold_path.stem),
        site=str(gold.get("site") or item.gold_path.parent.name),
        kind=str(gold["kind"]),
        path=str(item.raw_path),
        truncated=bool(gold.get("truncated")),
        gold_title=gold.get("title") if isinstance(gold.get("title"), str) else None,
        gold_date=gold.get("published_at") if isinstance(gold.get("published_at"), str) else None,
        gold_authors=[a for a in gold.get("authors") or [] if isinstance(a, str)],
    )
    prediction: Any = None
    url = gold.get("url") if use_url else None
    start = time.perf_counter()
    try:
        raw = _read_raw(item.raw_path)
        prediction = parse(raw, url=url) if url else parse(raw)
    except NotAnArticle:
        doc.rejected = True
    except Exception as exc:  # noqa: BLE001 - a crashing parser is a finding to report, not a reason to stop
        doc.error = (type(exc).__name__, str(exc))
    doc.seconds = time.perf_counter() - start
    if doc.is_article:
        # A rejected or failed article is scored as an empty prediction so it weighs on every metric.
        _score(doc, gold, prediction)
    return doc


def evaluate(
    paths: Iterable[str | Path],
    *,
    parse: Optional[Callable[..., Any]] = None,
    use_url: bool = True,
) -> EvalReport:
    """Parse every gold document under `paths` and score the results against the gold.

    `parse(raw, url=...)` defaults to `newsclean.parse`; `.txt` dumps are passed as str, `.html` as
    bytes. With `use_url` (the default, since users usually have the page URL with their dump) the
    gold URL is passed; `use_url=False` scores what the parser gets from the page alone.
    """
    if parse is None:
        from .pipeline import parse as default_parse

        parse = default_parse
    report = EvalReport()
    for item in find_gold_docs(paths):
        report.docs.append(_evaluate_one(item, parse, use_url))
    return report
