"""Step: the writer who signs after the story, when the header named nobody."""

from __future__ import annotations

import re
from typing import Optional

from ..page import Page
from ._names import clean_names, is_team_credit, looks_like_name

_CAPS_NAME = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){1,3}")
# "... pembeli pertama. (Andika Putra)": the reporter's name closing the last paragraph.
_NAME_AT_END = re.compile(r"[.!?\"”]\s*\((?P<name>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,3})\)\.?\s*$")
# "(Rahmat Fiansyah)" on the line after the story.
_NAME_IN_BRACKETS = re.compile(r"\(\s*(?P<name>[^()]{3,60}?)\s*\)\.?")
_LOOK_AFTER = 3  # printed lines after the story where a sign-off may stand


def _name_at_end(text: str) -> Optional[re.Match[str]]:
    """`_NAME_AT_END.search(text)`, started at the sentence's end before the line's last bracket (the name
    holds none): trying every position of a long paragraph is the costly part."""
    bracket = text.rfind("(")
    return None if bracket < 0 else _NAME_AT_END.search(text, max(0, len(text[:bracket].rstrip()) - 1))


def sign_off(page: Page) -> None:
    """The writer's sign-off: tempo's name in capitals, a name in brackets, or the newsroom ("Redaksi")."""
    if page.authors or page.body_end is None:
        return
    if page.body:
        m = _name_at_end(page.body[-1])
        if m is not None and looks_like_name(m.group("name")):
            page.authors = [m.group("name")]
            return
    for line in page.lines[page.body_end : page.body_end + _LOOK_AFTER]:
        if not line.text:
            continue
        # The story's end is decided by now: only lines it left out as page furniture may sign it.
        if not (line.label is None or (line.label == "chrome" and line.step == "select_body")):
            return
        text = line.text
        bracketed = _NAME_IN_BRACKETS.fullmatch(text)
        if len(text) <= 40 and _CAPS_NAME.fullmatch(text):
            page.authors = [text]
            line.mark("byline", "sign_off", "writer's sign-off in capitals after the story")
        elif bracketed is not None and len(bracketed.group("name").split()) >= 2 and clean_names(bracketed.group("name")):
            page.authors = clean_names(bracketed.group("name"))
            line.mark("byline", "sign_off", "writer's name in brackets after the story")
        elif is_team_credit(text):
            page.authors = [text.strip()]
            line.mark("byline", "sign_off", "the newsroom credited after the story")
        return
