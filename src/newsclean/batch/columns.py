"""The flat record of an article and its column sets, shared by DataFrames, Parquet and CSV."""

from __future__ import annotations

from typing import Any, Optional

from ..models import Article
from .dedupe import fingerprint

__all__ = ["CSV_COLUMNS", "DATAFRAME_COLUMNS", "article_row", "parquet_schema"]


#: Column order and dtypes of `to_dataframe` (list columns hold Python lists, dtype object).
DATAFRAME_COLUMNS: dict[str, str] = {
    "id": "string",
    "site": "category",
    "url": "string",
    "title": "string",
    "published_at": "datetime64[us, UTC]",  # microseconds, as in Parquet: years 1-9999 fit
    "published_local": "string",
    "published_date": "datetime64[us]",
    "updated_at": "datetime64[us, UTC]",
    "fetched_at": "datetime64[us, UTC]",
    "authors": "object",
    "editors": "object",
    "section": "category",
    "lead_image_caption": "string",
    "lead_image_credit": "string",
    "body": "object",
    "text": "string",
    "n_paragraphs": "int64",
    "n_words": "int64",
    "related_titles": "object",
    "related_urls": "object",
    "closing_code": "string",
    "fingerprint": "string",
}


def article_row(article: Article, id: Optional[str]) -> dict[str, Any]:
    """The flat record of an article shared by `to_dataframe`, Parquet and CSV."""
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
        "lead_image_caption": image.caption if image else None,
        "lead_image_credit": image.credit if image else None,
        "body": list(article.body),
        "text": article.text,
        "n_paragraphs": len(article.body),
        "n_words": sum(len(p.split()) for p in article.body),
        "related_titles": [r.title for r in article.related],
        "related_urls": [r.url for r in article.related],
        "closing_code": article.closing_code,
        "fingerprint": fingerprint(article),
    }


CSV_COLUMNS = [
    "id", "site", "url", "title", "published_at", "published_date", "updated_at", "fetched_at",
    "authors", "editors", "section", "lead_image_caption", "lead_image_credit", "text",
    "n_paragraphs", "n_words", "related_titles", "closing_code", "fingerprint",
]


def parquet_schema() -> Any:
    """The Arrow schema of Parquet output."""
    import pyarrow as pa

    text, when = pa.string(), pa.timestamp("us", tz="UTC")
    return pa.schema(
        [
            ("id", text), ("site", text), ("url", text), ("title", text),
            ("published_at", when), ("published_local", text), ("published_date", pa.date32()),
            ("updated_at", when), ("fetched_at", when),
            ("authors", pa.list_(text)), ("editors", pa.list_(text)), ("section", text),
            ("lead_image_caption", text), ("lead_image_credit", text),
            ("body", pa.list_(text)), ("n_paragraphs", pa.int32()), ("n_words", pa.int32()),
            ("related_titles", pa.list_(text)), ("related_urls", pa.list_(text)), ("closing_code", text), ("fingerprint", text),
        ]
    )
