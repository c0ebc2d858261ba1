"""Step: what the page states about the story beyond its text: lead image URL, description, tags.

These come from the page's metadata and tag list (HTML pages; text dumps carry none). The description
is kept only when it adds something: not when it repeats the headline.
"""

from __future__ import annotations

from ..page import Page


def details(page: Page) -> None:
    """Fill `image_url`, `description` and `tags` from what the page states."""
    hints = page.hints
    page.image_url = hints.image_url
    description = hints.description
    if description and page.title and description.casefold() == page.title.casefold():
        description = None
    page.description = description
    page.tags = list(hints.tags)
