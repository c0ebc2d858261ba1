"""How an article is printed for a person: plain text, Markdown or JSON, and the removed-lines listing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..models import Article

# Characters that would start Markdown structure at the head of a paragraph (a heading, quote, list).
_BLOCK_MARK = re.compile(r"^(\s{0,3})([#>+*-])(\s)")
_LIST_NUMBER = re.compile(r"^(\s{0,3}\d+)([.)])(\s)")


def render(article: Article, format: str, *, explain: bool = False) -> str:
    """The article in `format` ("text", "markdown" or "json"), ending with a newline."""
    if format == "json":
        return article.model_dump_json(indent=2, exclude_none=not explain) + "\n"
    return format_markdown(article) if format == "markdown" else format_article(article)


def _when(article: Article) -> Optional[str]:
    if article.published_at is not None:
        return article.published_at.strftime("%Y-%m-%d %H:%M %z")
    return article.published_date.isoformat() if article.published_date else None


def _escape(text: str) -> str:
    return _LIST_NUMBER.sub(r"\1\\\2\3", _BLOCK_MARK.sub(r"\1\\\2\3", text))


def format_markdown(article: Article) -> str:
    """Markdown as trafilatura users expect it: a heading, the dateline, the paragraphs, related links."""
    lines = [f"# {article.title}" if article.title else "# (no headline in the dump)", ""]
    dateline = [part for part in (article.site, _when(article), ", ".join(article.authors) or None) if part]
    if dateline:
        lines += ["*" + " · ".join(dateline).replace("*", "\\*") + "*", ""]
    for paragraph in article.body:
        lines += [_escape(paragraph), ""]
    if article.related:
        lines += ["## Baca juga", ""]
        for link in article.related:
            title = link.title.replace("[", "\\[").replace("]", "\\]")
            lines.append(f"- [{title}]({link.url})" if link.url else f"- {title}")
    return "\n".join(lines).rstrip() + "\n"


def format_article(article: Article) -> str:
    """The article as plain text: headline, metadata lines, paragraphs, related links."""
    title = article.title or "(no headline in the dump)"
    lines = [title, "=" * min(len(title), 100)]
    when = article.published_at.isoformat() if article.published_at else (
        article.published_date.isoformat() if article.published_date else "-"
    )
    meta = [
        ("site", article.site), ("url", article.url), ("published", when),
        ("updated", article.updated_at.isoformat() if article.updated_at else None),
        ("authors", ", ".join(article.authors) or None), ("editors", ", ".join(article.editors) or None),
        ("section", article.section),
        ("image", " — ".join(x for x in (article.lead_image.caption, article.lead_image.credit) if x) or None
         if article.lead_image else None),
        ("code", article.closing_code),
    ]
    lines += [f"{label + ':':<11}{value}" for label, value in meta if value]
    lines.append("")
    for paragraph in article.body:
        lines += [paragraph, ""]
    if article.related:
        lines.append("Related:")
        lines += [f"  - {r.title}" + (f" <{r.url}>" if r.url else "") for r in article.related]
    return "\n".join(lines).rstrip() + "\n"


def format_removed(article: Article) -> str:
    """One line per removed line: index, label, step, reason and the start of its text."""
    removed = article.removed or []
    lines = [f"Removed lines ({len(removed)}):"]
    for line in removed:
        text = " ".join(line.text.split())
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"{line.index:>5}  {line.label:<12} {line.step:<13} {line.reason}  | {text}")
    return "\n".join(lines) + "\n"

