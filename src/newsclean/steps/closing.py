"""Step: the agency/editor code that closes the story ("(AFP/OL-11)", "(fas/fas)")."""

from __future__ import annotations

import re

from .. import sites
from ..page import Page
from ._shapes import CODE_ALONE, CODE_AT_END, looks_like_name



def closing_code(page: Page) -> None:
    """Record the closing code; it stays in the last paragraph when the page prints it there."""
    _sign_off(page)
    if page.closing_code is not None or not page.body:
        return
    lex = sites.lexicon(page.profile)
    last = page.body[-1]
    for pattern in lex.closing_code_patterns:
        m = pattern.search(last)
        if m is not None and m.end() >= len(last.rstrip(". ")) - 1:
            page.closing_code = m.group(0).strip("()")
            return
    m = CODE_AT_END.search(last)
    if m is not None and ("/" in m.group("code") or "-" in m.group("code") or m.group("code").isupper()):
        # "(AS)" ends many sentences; a desk code has a slash, a number, or is a short capital tag.
        if "/" in m.group("code") or "-" in m.group("code") or last[: m.start()].rstrip().endswith((".", '"', "”")):
            page.closing_code = m.group("code")
    # A standalone code right after the body ("(fas/fas)") was labelled chrome by the lexicon.
    if page.closing_code is None and page.body_end is not None:
        for line in page.lines[page.body_end : page.body_end + 4]:
            if line.text and line.label in ("chrome", "closing_code"):
                m = CODE_ALONE.fullmatch(line.text)
                if m:
                    page.closing_code = m.group("code")
                    break


_CAPS_NAME = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){1,3}")


# "... pembeli pertama. (Andika Putra)": the reporter's name closing the last paragraph.
_NAME_AT_END = re.compile(r"[.!?\"”]\s*\((?P<name>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,3})\)\.?\s*$")


def _sign_off(page: Page) -> None:
    # Some sites sign the story: tempo with the writer's name in capitals on the line after it,
    # metrotvnews with the reporter's name in brackets at the end of the last paragraph.
    if page.authors or page.body_end is None:
        return
    if page.body:
        m = _NAME_AT_END.search(page.body[-1])
        if m is not None and looks_like_name(m.group("name")):
            page.authors = [m.group("name")]
            return
    for line in page.lines[page.body_end : page.body_end + 3]:
        if not line.text:
            continue
        undecided = line.label is None or (line.label == "chrome" and line.step == "select_body")
        if undecided and len(line.text) <= 40 and _CAPS_NAME.fullmatch(line.text):
            page.authors = [line.text]
            line.mark("byline", "closing_code", "writer's sign-off in capitals after the story")
        return
