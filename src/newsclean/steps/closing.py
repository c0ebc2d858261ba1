"""Step: the agency/editor code that closes the story ("(AFP/OL-11)", "(fas/fas)")."""

from __future__ import annotations

from .. import sites
from ..page import Page
from ._edges import code_alone
from ._shapes import CODE_AT_END


def closing_code(page: Page) -> None:
    """Record the closing code; it stays in the last paragraph when the page prints it there."""
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
                m = code_alone(line.text)
                if m:
                    page.closing_code = m.group("code")
                    break
