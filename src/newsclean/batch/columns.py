"""The one column set of flat article records: `to_dataframe`, Parquet, CSV and JSON lines all use it.

Every format has these columns, in this order, with the same null handling: a missing value is null
(DataFrame <NA>/NaT, Parquet null, JSON null, an empty CSV cell); list columns are never null, only
empty. Times are UTC (`published_local` keeps the page's own wall time and offset). The
"Output columns" table in docs/batch.md is this list; a test keeps the two the same.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Optional

from ..models import Article
from .dedupe import fingerprint

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "DATAFRAME_COLUMNS",
    "Column",
    "article_row",
    "csv_cells",
    "json_record",
    "parquet_schema",
]


@dataclass(frozen=True)
class Column:
    """One column: its name, its kind (string, category, timestamp, date, int, list) and what it holds."""

    name: str
    kind: str
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the input's id: file path, WARC record id, record-file id, or '#n' for raw input"),
    Column("site", "category", "the site profile that matched, else the URL's host"),
    Column("url", "string", "the page's address"),
    Column("title", "string", "the headline"),
    Column("published_at", "timestamp", "publication time in UTC; null when the page shows no time of day"),
    Column("published_local", "string", "the same time as the page printed it: ISO 8601 with its offset"),
    Column("published_date", "date", "the page's own calendar date; set also when it shows no time"),
    Column("updated_at", "timestamp", "last update, UTC"),
    Column("fetched_at", "timestamp", "when the page was saved, UTC"),
    Column("authors", "list", "reporters named in the byline"),
    Column("editors", "list", "editors the page names"),
    Column("section", "category", "the rubric the page files the story under"),
    Column("language", "category", "'id', 'ms', 'en', ... told from the body (see Article.language)"),
    Column("description", "string", "the summary from the page's metadata"),
    Column("tags", "list", "the story's tags"),
    Column("lead_image_url", "string", "the lead photo's address"),
    Column("lead_image_caption", "string", "the lead photo's caption"),
    Column("lead_image_credit", "string", "who took or supplied the lead photo"),
    Column("text", "string", "the body: paragraphs separated by one blank line (split on it for the list)"),
    Column("n_paragraphs", "int", "paragraphs in the body"),
    Column("n_words", "int", "words in the body"),
    Column("related_titles", "list", "'Baca juga' links: their titles"),
    Column("related_urls", "list", "the same links' addresses, null where the dump lost it"),
    Column("closing_code", "string", "the desk code that ends the story ('AFP/OL-11')"),
    Column("fingerprint", "string", "SimHash of the body, 16 hex digits: near-duplicates differ in 3 bits or fewer"),
)

# Times at microseconds, as in Parquet: any year a `datetime` can hold fits (nanoseconds stop at 1677-2262).
_DTYPES = {
    "string": "string", "category": "category", "timestamp": "datetime64[us, UTC]", "date": "datetime64[us]",
    "int": "int64", "list": "object",
}
#: Column order and pandas dtypes of `to_dataframe` (list columns hold Python lists, dtype object).
DATAFRAME_COLUMNS: dict[str, str] = {column.name: _DTYPES[column.kind] for column in COLUMNS}
#: The column names, in order: the CSV header, and the keys of every JSON line.
CSV_COLUMNS: list[str] = [column.name for column in COLUMNS]
_LISTS = frozenset(column.name for column in COLUMNS if column.kind == "list")
_TIMES = frozenset(column.name for column in COLUMNS if column.kind == "timestamp")


def article_row(article: Article, id: Optional[str]) -> dict[str, Any]:
    """An article as one record of the column set, in Python values (aware datetimes, dates, lists)."""
    published_date = article.published_date
    if published_date is None and article.published_at is not None:
        published_date = article.published_at.date()  # the page's local calendar date
    image = article.lead_image
    return {
        "id": id,
        "site": article.site,
        "url": article.url,
        "title": article.title,
        "published_at": article.published_at,
        "published_local": article.published_at.isoformat() if article.published_at else None,
        "published_date": published_date,
        "updated_at": article.updated_at,
        "fetched_at": article.fetched_at,
        "authors": list(article.authors),
        "editors": list(article.editors),
        "section": article.section,
        "language": article.language,
        "description": article.description,
        "tags": list(article.tags),
        "lead_image_url": image.url if image else None,
        "lead_image_caption": image.caption if image else None,
        "lead_image_credit": image.credit if image else None,
        "text": article.text,
        "n_paragraphs": len(article.body),
        "n_words": sum(len(p.split()) for p in article.body),
        "related_titles": [r.title for r in article.related],
        "related_urls": [r.url for r in article.related],
        "closing_code": article.closing_code,
        "fingerprint": fingerprint(article),
    }


def json_record(article: Article, id: Optional[str]) -> dict[str, Any]:
    """The record with JSON values: times as UTC ISO 8601 ("2020-10-09T22:53:00+00:00"), dates as ISO."""
    row = article_row(article, id)
    for name in _TIMES:
        value = row[name]
        row[name] = value.astimezone(dt.timezone.utc).isoformat() if value is not None else None
    if row["published_date"] is not None:
        row["published_date"] = row["published_date"].isoformat()
    return row


def csv_cells(record: dict[str, Any]) -> list[Any]:
    """A JSON record as CSV cells in column order: lists as JSON arrays, nulls as empty cells."""
    return [
        json.dumps(record[name], ensure_ascii=False) if name in _LISTS else ("" if record[name] is None else record[name])
        for name in CSV_COLUMNS
    ]


def parquet_schema() -> Any:
    """The Arrow schema of Parquet output: the column set with Arrow types."""
    import pyarrow as pa

    types = {
        "string": pa.string(), "category": pa.string(), "timestamp": pa.timestamp("us", tz="UTC"),
        "date": pa.date32(), "int": pa.int64(), "list": pa.list_(pa.string()),
    }
    return pa.schema([(column.name, types[column.kind]) for column in COLUMNS])
