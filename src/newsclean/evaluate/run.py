"""`evaluate()`: parse every gold document and score each field against its gold."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional

from ..errors import NotAnArticle
from .corpus import GoldDoc, find_gold_docs, read_raw
from .report import EvalReport
from .results import DocResult
from .scoring import Overlap, as_date, date_matches, lenient_title, normalize_ws, score_body

__all__ = ["evaluate"]


def _date_text(published_at: Optional[dt.datetime], published_date: Optional[dt.date]) -> Optional[str]:
    if published_at is not None:
        return published_at.isoformat()
    if published_date is not None:
        return as_date(published_date).isoformat()
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
    if doc.gold_authors:
        doc.authors_correct = {normalize_ws(a) for a in pred_authors} == {normalize_ws(a) for a in doc.gold_authors}
    else:
        # Scored apart: counting "none predicted, none shown" as a hit would hide misses on real bylines.
        doc.spurious_authors = bool(pred_authors)

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
        raw = read_raw(item.raw_path)
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
        from ..pipeline import parse as default_parse

        parse = default_parse
    report = EvalReport()
    for item in find_gold_docs(paths):
        report.docs.append(_evaluate_one(item, parse, use_url))
    return report
