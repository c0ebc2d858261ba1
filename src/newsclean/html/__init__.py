"""HTML page → the visible text lines a good text renderer would produce, plus metadata hints.

The text steps that label text dumps do the rest (chrome, title, date, byline, body); this package only
walks the body once (`scan`), finds the article's text container (`container`, `related`, `captions`),
reads the page's metadata (`metadata`, `tags`) and renders (`render`). `document.html_to_document` runs
them in that order.
"""

from ._dom import HtmlDocument, HtmlLine
from .document import html_to_document

__all__ = ["HtmlDocument", "HtmlLine", "html_to_document"]
