"""Step: the main block of prose is the body; lines broken at inline links are joined back."""

from __future__ import annotations

import datetime as dt
import operator
import re
from itertools import pairwise

from ..page import Line, Page
from ..text import clean_printed, ends_sentence, looks_like_headline, same_text
from .. import sites
from ._edges import code_alone, dateline_alone, opening_material, stop_at_closing_code
from ._shapes import DATA_LINE, date_rest, dateline_lead, find_header_end, stamp_dates

# Chrome, related-link and dateline lines sit inside the story: they do not split it into blocks (nor do the
# lines `reflow` joined into the paragraph above them).
_TRANSPARENT = frozenset({"chrome", "related", "blank", "inline_caption", "dateline", "wrapped"})
# "2 jam lalu", "sejam yang lalu", "• 5 menit yang lalu": a teaser's age, resolvable or not.
_RELATIVE_STAMP = re.compile(
    r"[•·|\s]*(?:\d{1,3}|se|beberapa)\s*(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?lalu\s*", re.I
)
_LIST_ITEM = re.compile(r"^[-–•*]\s")
_WIDGET_WORDS = 6  # words per item, on average, in a widget of other stories' headlines
_STAMP_SEPARATORS = ("|", " - ", "•", "·", " – ", " — ")
_LEAD_PIECES = 4  # short lines a lead broken at its links may span before its first long line
_SHORT_PIECE = 80  # characters: a lead's opening this short did not end its paragraph
_LOWER_OR_PUNCT = re.compile(r"[a-z,.;:)\]–—-]")
# "... (Soompi)", "... (Instagram/@akun)": a caption closing with its source in brackets.
_SOURCE_AT_END = re.compile(r"\([^()]{2,50}\)\.?$")
_INTERLEAVED_COPIES = 3  # copies of a text, each between two paragraphs: an image's caption, not a teaser
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HEADING_WORDS = 8  # a sub-heading above the cut-off last line, or a photo caption's title, is this short
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


def _blocks(page: Page, window: list[Line]) -> list[list[Line]]:
    # On HTML pages whose article container was found, only its lines can be body.
    contained = page.source_kind == "html" and any(ln.in_content and ln.is_prose for ln in window)
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in window:
        # (A sub-heading the site keeps in its own wrapper between two parts of the text still belongs.)
        if contained and not line.in_content and line.text and not (current and line.tag in _SUBHEADINGS):
            if current:
                blocks.append(current)
            current = []
            continue
        if line.label is None:
            current.append(line)
        elif line.label == "title" and line.index != page.title_index and any(ln.is_prose for ln in current):
            continue  # the headline printed again inside running text (a recurring heading) does not end it
        elif line.label not in _TRANSPARENT or code_alone(line.text):
            # (a desk code on its own line closes the story, even when a chrome phrase matched it)
            if current:
                blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _heaviest(blocks: list[list[Line]]) -> tuple[list[Line], list[int]]:
    """The first block of most weight among those with prose, and its prose lines' positions (none: [], [])."""
    main: list[Line] = []
    main_prose: list[int] = []
    heaviest = 0
    for block in blocks:
        prose = [k for k, ln in enumerate(block) if ln.is_prose]
        if prose:
            weight = _weight(block, prose)
            if not main or weight > heaviest:
                main, main_prose, heaviest = block, prose, weight
    return main, main_prose


def _weight(block: list[Line], prose: list[int]) -> int:
    """Characters of prose, less those of headline-shaped lines between the block's prose lines: headlines
    interleaved with prose are a listing's teasers (those above or below it are trimmed off anyway)."""
    weight = 0
    for ln in block[prose[0] : prose[-1] + 1]:
        if ln.is_prose:
            weight += len(ln.text)
        elif ln.is_headline:
            weight -= len(ln.text)
    return weight


def select_body(page: Page) -> None:
    """Choose the block with the most prose, trim its edges, stop at the closing code, label body."""
    window = page.lines[: page.tail_start] if page.tail_start is not None else page.lines
    for line in [ln for ln in window if ln.label is None and 0 < len(ln.text) <= 100]:
        text = line.text
        if (
            len(text) < 60
            and dateline_alone(text)
            and len(text.split()) <= 5
            and line.tag not in _SUBHEADINGS  # an HTML sub-heading ("Terima Kasih, Tapi...") is no dateline
        ):
            line.mark("dateline", "select_body", "dateline on a line of its own")
        elif _is_teaser_stamp(text):
            # Timestamps below the header belong to other items (teasers, comments): they split blocks.
            line.mark("date", "select_body", "timestamp of another item (teaser or comment)")
    _mark_repeats(page, window)
    blocks = _blocks(page, window)
    main, prose = _heaviest(blocks)
    if not main:
        return
    first, last = prose[0], prose[-1]
    # The lead may start on short lines a renderer broke at links ("... untuk mengantisipasi" /
    # "banjir kiriman" / "dari hulu ..."): walk back over lines the paragraph continues from.
    while first > 0 and _continues(main[first - 1].text, main[first].text, main[first].index - main[first - 1].index):
        # A headline-shaped line is only pulled in when the text plainly goes on from it (", film kedua ...").
        if main[first - 1].is_headline and not _LOWER_OR_PUNCT.match(main[first].text):
            break
        first -= 1
    first = _broken_lead_start(page, main, first)
    if first > 0 and _introduces(main[first - 1], main[first]):
        first -= 1
    # Keep trailing short lines that continue the text (a dump cut mid-sentence), not headline teasers.
    while last + 1 < len(main) and (
        _continues_story(main[last + 1].text) or (main[last + 1].in_content and main[last + 1].bullet)
    ):
        last += 1  # (list items inside an HTML article container belong to it too)
    body = main[first : last + 1]
    for line in opening_material(page, body):
        line.mark("standfirst", "select_body", "printed above the story's first paragraph (dek, caption, summary)")
    body = [ln for ln in body if ln.label is None]
    dateline = _dateline_above(page, body[0])
    if dateline is not None:
        dateline.label = None  # undecided again: it is the first piece of the lead
        body.insert(0, dateline)
    _mark_headline_widgets(body)
    body = stop_at_closing_code(page, body)
    if page.closing_code is None:
        for line in _cut_off_lines(page, body[-1]):
            line.label = None  # the story's last words, where the dump was cut
            body.append(line)
    header_end = find_header_end(page)
    text_lines: list[Line] = []
    for line in body:
        if line.label is not None:
            continue  # set aside inside the story (a headline widget)
        if page.title and line.index < header_end + 3 and same_text(line.text, page.title):
            line.mark("duplicate", "select_body", "repeats the headline")
        else:
            line.mark("body", "select_body", "article text")
            text_lines.append(line)
    # The story's lines are labelled now: the block's lines still undecided are the ones it left out.
    for line in main:
        if line.label is None:
            where = "before" if line.index < body[0].index else "after"
            line.mark("chrome", "select_body", f"short line {where} the article's text")
    page.body_end = body[-1].index + 1
    for block in blocks:
        if block is main:
            continue
        where = "before" if block[0].index < main[0].index else "after"
        for line in block:
            if line.label is None:
                line.mark("chrome", "select_body", f"outside the article's main block ({where} it)")
    page.body = _paragraphs(text_lines)


def _mark_headline_widgets(body: list[Line]) -> None:
    # Two or more headline-shaped lines in a row inside the story are a widget listing other
    # stories; a sub-heading stands alone and is followed by its text. Numbered items are a roundup.
    # Other stories' headlines are long; stacked sub-headings ("Wilayah Terdampak" / "Kawasan Rawan")
    # and the items of a list the story announces ("... provinsi berikut:") are short or introduced.
    shaped = [ln.label is None and not ln.in_content and ln.is_headline for ln in body]
    if not any(map(operator.and_, shaped, shaped[1:])):
        return  # (most stories: no two headline-shaped lines in a row)
    run: list[Line] = []
    previous: Line | None = None
    for line in [*body, None]:
        if (
            line is not None
            and line.label is None
            and not line.in_content  # inside an HTML article container the author's own lists stay
            and line.is_headline
            and not _NUMBERED.match(line.text)
            and not DATA_LINE.match(line.text)
        ):
            if not run:
                # (announced by a line ending in ":", or the next items of a list the story's text began)
                introduced = previous is not None and (
                    previous.text.endswith(":")
                    or (_LIST_ITEM.match(previous.text) is not None and _LIST_ITEM.match(line.text) is not None)
                )
            run.append(line)
            continue
        if len(run) >= 2 and not introduced and sum(len(i.text.split()) for i in run) >= _WIDGET_WORDS * len(run):
            for item in run:
                item.mark("chrome", "select_body", "a list of other stories' headlines inside the story")
        run = []
        previous = line


def _introduces(line: Line, following: Line) -> bool:
    """A line announcing what follows ("Berikut daftar wilayahnya:", "Kategori Siaga (hujan lebat):") or
    a numbered item's heading ("3. Nama – Judul Bagian") right above the story's first paragraph."""
    if following.index - line.index > 2 or line.label is not None:
        return False
    return (line.text.endswith(":") and len(line.text.split()) >= 3) or _NUMBERED.match(line.text) is not None


def _broken_lead_start(page: Page, block: list[Line], first: int) -> int:
    """Where the story starts when a renderer broke its lead at links into short lines, the dateline on
    the first of them ("Jakarta, CNN Indonesia -- Direktorat Lalu Lintas" / "Polda Metro Jaya ...")."""
    patterns = sites.lexicon(page.profile).dateline_patterns
    for k in range(first - 1, max(-1, first - 1 - _LEAD_PIECES), -1):
        line = block[k]
        if line.is_prose or block[k + 1].index - line.index > 2:
            return first
        if dateline_lead(line.text, patterns) and not ends_sentence(line.text):
            return k
    return first


def _cut_off_lines(page: Page, last: Line) -> list[Line]:
    """The page's last line when the dump was cut in the middle of the story's next paragraph
    ("Menteri BUMN Er"), with the sub-heading printed above it if any: right under the story's last
    paragraph (or the line introducing a list), unfinished, and nothing printed after it."""
    if page.tail_start is not None or page.source_kind != "text":
        return []  # (an HTML page is whole: its last line is the footer's)
    if not (ends_sentence(last.text) or last.text.endswith(":")):
        return []
    # (An in-story link printed between them is set aside already: it does not end the story.)
    after: list[Line] = []
    for ln in page.lines[last.index + 1 :]:
        if ln.text and not _in_story_link(ln):
            after.append(ln)
            if len(after) > 3:
                return []
    if not after:
        return []
    if any(ln.label not in (None, "chrome") or (ln.label == "chrome" and ln.step != "select_body") for ln in after):
        return []
    final = after[-1]
    if ends_sentence(final.text) or len(final.text) > 200 or ":" in final.text[:40] or " | " in final.text:
        return []  # (a "Label: value" or "Role | Name" line is a credit or a pager)
    if (final.text.isupper() and len(final.text.split()) >= 2) or (final.text[:1] + final.text[-1:]) == "()":
        return []  # a name in capitals, or in brackets, signs the story off
    between = after[:-1]
    if final.index - last.index > 2 * len(after) + 2 or not all(_short_heading(ln.text) for ln in between):
        return []  # only a sub-heading, or a photo's title and caption, may stand between
    # One short line is the sub-heading of the cut paragraph; two are a photo's title and its caption.
    return after if len(between) <= 1 else [final]


def _in_story_link(line: Line) -> bool:
    return line.label == "related" or (line.label == "chrome" and line.step == "related")


def _short_heading(text: str) -> bool:
    """ "Pompa Cadangan Disiapkan", "Pra-musim yang maksimal": a few words, capitalised, no sentence end."""
    words = text.split()  # (a lone word there is a sign-off: "Redaksi")
    return 2 <= len(words) <= _HEADING_WORDS and text[:1].isupper() and not ends_sentence(text) and ":" not in text


def _dateline_above(page: Page, first: Line) -> Line | None:
    """The dateline a renderer printed on its own line right above the story's first paragraph."""
    lines = page.lines
    for k in range(first.index - 1, -1, -1):
        if lines[k].text:
            return lines[k] if lines[k].label == "dateline" and first.index - k <= 2 else None
    return None


def _is_teaser_stamp(text: str) -> bool:
    """A line that is another item's timestamp ("27/03/2024, 06:16 WIB", "2 jam lalu", "Kompas.com - <date>"),
    not a line of data that carries a date ("Pembayaran Dividen : 6 Desember 2024") nor a dated sub-heading
    ("Peringatan Dini Cuaca, Senin 14 April 2025")."""
    if _RELATIVE_STAMP.fullmatch(text):
        return True
    found = [] if text.endswith(".") else stamp_dates(text)
    if not found:
        return False
    label = date_rest(text, found)
    if label.endswith(":") and len(label.split()) >= 2:
        return False
    # A stamp's other words are a source or a separator ("detikNews |", "Kompas.com -"); three words of
    # text and no separator make a heading, unless the date has its hour: a teaser card's title and stamp
    # ("Poster Film Baru 09 Feb 2016 16:00").
    return (
        len(label.split()) < 3
        or any(sep in label for sep in _STAMP_SEPARATORS)
        or any(isinstance(m.value, dt.datetime) for m in found)
    )


def _continues_story(text: str) -> bool:
    """A short line after the last full paragraph that still belongs to the story (list item, cut-off end)."""
    if code_alone(text):
        return False
    if _NUMBERED.match(text) or DATA_LINE.match(text):
        return True
    return len(text.split()) >= 4 and not looks_like_headline(text)


def _mark_repeats(page: Page, window: list[Line]) -> None:
    # A teaser or dek printed twice is page furniture: copies next to each other, or a header copy
    # of a line the story repeats (the story keeps its own, last copy). Inside an HTML article
    # container repeated lines are the author's (a recurring interview question).
    header_end = find_header_end(page)  # (decided before any line here is marked)
    # (Short lines repeat for good reason: a name a renderer split out of sentences at its links.)
    candidates = [ln for ln in window if ln.label is None and len(ln.text) >= 20 and not ln.in_content]
    # All of them case-folded in one call (folding is per character and never makes a line break); on
    # most pages no two are alike and nothing more is done.
    folded = "\n".join([ln.text for ln in candidates]).casefold().split("\n")
    if len(folded) != len(candidates):  # (a line holding a line break: fold them one by one)
        folded = [ln.text.casefold() for ln in candidates]
    if len(set(folded)) == len(folded):
        return
    copies: dict[str, list[Line]] = {}
    for line, key in zip(candidates, folded, strict=True):
        copies.setdefault(key, []).append(line)
    # Distance between copies counts every printed line between them, whatever its label.
    ordinal = {ln.index: k for k, ln in enumerate(ln for ln in window if ln.text)}
    for found in copies.values():
        if len(found) < 2 or found[0].text.count(" ") < 4:
            continue  # (copies have as many spaces: case folding never makes or removes one)
        gaps = [ordinal[b.index] - ordinal[a.index] for a, b in pairwise(found)]
        if len(found) >= _INTERLEAVED_COPIES and min(gaps) == max(gaps) == 2:
            # One text between every two paragraphs (a gallery's alt text or caption that a renderer
            # prints under each photo): set aside without splitting the story around it.
            for line in found:
                line.mark("inline_caption", "select_body", "the same text printed between the story's paragraphs")
            continue
        if len(found) == 2 and gaps[0] <= 2 and _SOURCE_AT_END.search(found[0].text):
            # A photo's alt text over its caption, both naming the source: the photo, inside the story.
            for line in found:
                line.mark("inline_caption", "select_body", "a photo's caption printed twice (alt text and caption)")
            continue
        if gaps[-1] <= 2:
            marked = found
        elif found[0].index <= header_end:
            marked = found[:-1]
        else:
            continue
        for line in marked:
            line.mark("duplicate", "select_body", "line printed more than once (teaser, dek or caption)")


def _paragraphs(lines: list[Line]) -> list[str]:
    """Join lines a renderer broke at inline links (or `load` split for length) back into their paragraph."""
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = line.text if line.original == line.text else _as_printed(line)
        if out and previous is not None and line.continues and line.index - previous.index == 1:
            # The next piece of a line too long to read whole (see `load`): put the line back together.
            out[-1] += previous.original[len(previous.original.rstrip()):] + text
        elif (
            out
            and previous is not None
            and not line.bullet  # a list item starts a paragraph of its own
            and previous.text[-1:] != "."  # (most paragraphs end a sentence: no call to find that out)
            and _continues(previous.text, line.text, line.index - previous.index)
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        previous = line
    return out


def _as_printed(line: Line) -> str:
    """The body line as the page printed it (inner spacing and NBSP verbatim, see `clean_printed`);
    the normalised text where normalising did more than spacing (a bullet, a corpus stamp, a Unicode form).
    (Most lines are printed as normalised: `_paragraphs` asks only of the others.)"""
    printed = clean_printed(line.original)
    return printed if " ".join(printed.split()) == line.text else line.text


def _continues(before: str, after: str, gap: int) -> bool:
    if gap > 2 or ends_sentence(before) or before.endswith((":", ";")):
        return False
    if _LIST_ITEM.match(after) and _LIST_ITEM.match(before):
        return False  # the next item of a list
    if dateline_alone(before) or (len(before) < _SHORT_PIECE and dateline_lead(before)):
        return True  # "Jakarta, CNN Indonesia -- Direktorat Lalu Lintas" / "Polda Metro Jaya ...": the lead goes on
    if after[:1].islower() or after[:1] in "–—-,.;:)":
        return True
    # "... kapasitas" / "Kali Bekasi" / "masih terbatas": a short fragment inside a sentence.
    # (A line ending in a number is a value: "Cum dividen: 26 November 2024" / "Pembayaran: ..." are two lines.)
    return before[-1:].isalpha() and len(after.split()) <= 6 and len(before.split()) >= 6
