"""Where the story inside its block of prose begins and ends.

A block of prose found by `select_body` may open with what a page prints above the story (a dek or
standfirst, a photo caption, an AI summary, key-point bullets) and may run on past the story's end
(the desk code that closes it, teasers of other stories). These helpers find those edges.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Optional

from .. import sites
from ..page import Line, Page
from ._shapes import CODE_AFTER_SENTENCE, CODE_ALONE, DATELINE_ALONE, dateline_lead, search_last_bracket

__all__ = ["code_alone", "dateline_alone", "opening_material", "stop_at_closing_code"]

# The story's first paragraph opens with its dateline; what stands above it inside the block is header
# material, as long as it is little (a dek, a caption, a three-point summary).
_MAX_OPENING_LINES = 4
_MAX_OPENING_CHARS = 900
_KEY_POINT = re.compile(r"^(?:[-–•*▪●]\s+)")
_STRONG_CODE = re.compile(r"/|-\s*\d")


def opening_material(page: Page, block: list[Line]) -> list[Line]:
    """Lines at the head of `block` that are printed above the story rather than part of it.

    Two shapes: prose lines standing before the paragraph that carries the story's dateline ("JAKARTA,
    KOMPAS.com -"), and a list of key points (bulleted sentences) before the first plain paragraph.
    """
    printed = [ln for ln in block if ln.label is None and ln.text]
    if len(printed) < 2:
        return []
    patterns = sites.lexicon(page.profile).dateline_patterns
    # (a list of links between a caption and the lead, "Terkait" and its bullets, is not counted: a
    # renderer prints it as lines of their own where a browser shows it beside the text)
    seen = 0
    for k, line in enumerate(printed):
        if k == 0:
            if dateline_lead(line.text, patterns):
                return []  # the block opens with its lead
            continue
        if not line.bullet:
            seen += 1
        if seen > _MAX_OPENING_LINES:
            break
        if line.is_prose and dateline_lead(line.text, patterns):
            before = printed[:k]
            if sum(len(ln.text) for ln in before) <= _MAX_OPENING_CHARS:
                return before
            return []
    bullets = 0
    for line in printed:
        if not (line.bullet or _KEY_POINT.match(line.text)):
            break
        bullets += 1
    if 2 <= bullets < len(printed) and printed[bullets].is_prose:
        return printed[:bullets]
    return []


def stop_at_closing_code(page: Page, body: list[Line]) -> list[Line]:
    """Cut `body` after the desk code that closes the story ("(AFP/OL-11)", "(Z-8)"); record the code."""
    texts = [ln.text for ln in body]
    # Only a line ending with a bracket (a code after its sentence) or opening with one (a code alone) can
    # hold the code: the others are not looked at.
    bracketed = [k for k, text in enumerate(texts) if text[:1] == "(" or text.rstrip(". ")[-1:] == ")"]
    if not bracketed:
        return body
    # (Characters up to and including each line: the story's first half ends where they pass half the total.)
    upto = list(accumulate(map(len, texts)))
    half = upto[-1] / 2
    for k in bracketed:
        text = texts[k]
        # A desk code with a slash or a number closes the story wherever it is; a bare tag ("(SAW)")
        # only near the end, earlier ones belong to quoted pieces.
        # (from the line's last bracket: the code holds none, and the lookbehind sees the character before it)
        m = search_last_bracket(CODE_AFTER_SENTENCE, text) if text.rstrip(". ").endswith(")") else None
        if m is not None and _STRONG_CODE.search(m.group("code")):
            page.closing_code = m.group("code").strip()
            return body[: k + 1]
        if upto[k] < half:
            continue
        code = _alone(body[k])
        if code is not None:
            page.closing_code = code
            body[k].mark("closing_code", "select_body", "desk code that closes the story")
            return body[:k]
        if m is not None:
            page.closing_code = m.group("code").strip()
            return body[: k + 1]
    return body


def _alone(line: Line) -> Optional[str]:
    if code_alone(line.text):
        return line.text.strip().rstrip(".")[1:-1].strip()
    return None


def code_alone(text: str) -> Optional[re.Match[str]]:
    """`CODE_ALONE.fullmatch(text)`, asked only of a line opening with the code's bracket (most lines do not)."""
    return CODE_ALONE.fullmatch(text) if text[:1] == "(" else None


_DASHES = ("-", "–", "—")


def dateline_alone(text: str) -> bool:
    """`DATELINE_ALONE.match(text)`: a dateline on a line of its own ("Jakarta -", "BEKASI, KOMPAS.com").
    Its every form opens with a capital and either ends with a dash or has a comma: other lines are not
    given the pattern, which backtracks through every capitalised word before it fails."""
    return (
        "A" <= text[:1] <= "Z"
        and ("," in text or text.rstrip()[-1:] in _DASHES)
        and DATELINE_ALONE.match(text) is not None
    )
