"""HTML page → the visible text lines a good text renderer would produce, plus metadata hints.

The text steps that label text dumps do the rest (chrome, title, date, byline, body); this package only
renders (`render`), finds the article's text container (`container`, `related`, `captions`) and reads the
head's metadata (`metadata`). `document.html_to_document` runs them in that order.
"""

from ._dom import HtmlDocument, HtmlLine
from .document import html_to_document

__all__ = ["HtmlDocument", "HtmlLine", "html_to_document"]
