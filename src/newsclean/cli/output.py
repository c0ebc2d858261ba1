"""How one article is printed for a person: the readable text view and the removed-lines listing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Article


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
