"""`clean` output as readable documents (text or Markdown) instead of records."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Optional, TextIO

from ..batch import ArticleWriter
from .output import render

if TYPE_CHECKING:
    from ..models import Article

#: File endings that name a document stream for `clean -o`, and the format each is written in.
DOCUMENT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}


class DocumentWriter(ArticleWriter):
    """`clean` output as readable documents (text or Markdown), one after another, to a file or stdout."""

    SEPARATOR = {"text": "\n" + "-" * 72 + "\n\n", "markdown": "\n---\n\n"}

    def __init__(self, path: str, format: str) -> None:
        super().__init__(path)
        self.format = format
        self._fh: TextIO = sys.stdout if path == "-" else open(path, "w", encoding="utf-8")

    def write(self, article: Article, id: Optional[str] = None) -> None:
        text = (self.SEPARATOR[self.format] if self.count else "") + render(article, self.format)
        self._fh.write(text)  # one write per document: an interrupt never leaves half of one
        self._fh.flush()
        self.count += 1

    def close(self) -> None:
        if self._fh is not sys.stdout and not self._fh.closed:
            self._fh.close()


def document_format(path: str) -> Optional[str]:
    """"text" or "markdown" when the output name says so (out.md, out.txt), else None."""
    return DOCUMENT_SUFFIXES.get(os.path.splitext(path.lower())[1]) if path != "-" else None
