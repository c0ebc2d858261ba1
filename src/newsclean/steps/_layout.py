"""What a text renderer did to a page, read once per document from the lines as printed.

Browsers in dump mode (lynx, w3m), HTML-to-Markdown converters (html2text) and `fold`/email tools break
every paragraph at a fixed width, indent it, number links ("[12]" inline, a "References" list at the end)
or write Markdown. `read_layout` tells which of these a dump shows; `reflow` undoes them. Everything
here is string work on the original lines, decided for the whole document, never per line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, groupby, pairwise
from typing import Optional

# Hard-wrap widths looked for: renderers use 70-100 columns, mail and `fold` 60-80; a little margin.
MIN_WIDTH, MAX_WIDTH = 50, 150
# Greedy-wrap evidence needed: line ends that only a full line explains, net of overlong lines.
_MIN_WRAPS = 4
_OVERLONG_WEIGHT = 3  # one line longer than the width, that could have been broken, outweighs 3 wraps
_CHEAP_REJECT = 3  # this many lines past MAX_WIDTH, a quarter of the long lines or more: not wrapped

# A list item's marker: lynx draws * + o # @ by depth, w3m • ◦ ▪ □ ☆, Markdown * - +, or a number.
_LIST_MARKER = re.compile(r"(?:[*+o#@\-•◦▪▫□■☆★●○‣∙·]|\d{1,3}[.)])[ \t]+(?=\S)")
_MARKER_STARTS = frozenset("*+o#@-•◦▪▫□■☆★●○‣∙·0123456789")
_ITEM_STARTS = _MARKER_STARTS | {" ", "\t"}  # what a line holding a list item starts with
# A line closing a sentence is weak evidence of a wrap (it may end a paragraph printed on one line).
_SENTENCE_END = frozenset('.!?:;"”’)')  # (as the last character of the right-stripped line)
# lynx's link list: "References", "Visible links:", "Hidden links:", then "  12. http://...".
_REFERENCES_HEAD = re.compile(r"\s*References\s*$")
_REFERENCE_ENTRY = re.compile(r"\s*\d{1,5}\.\s+[A-Za-z][\w+.\-]*:\S")  # (addresses may hold spaces)
_REFERENCE_LABEL = re.compile(r"\s*(?:Visible|Hidden) links:\s*$")
# lynx numbers every link in the text: "[12]Berita", "harga [179]tiket".
LINK_MARKER = re.compile(r"\[\d{1,5}\]")
_MIN_LINK_MARKERS = 5
# What browsers draw for forms, ads and images they do not show (lynx, w3m).
_WIDGET = re.compile(
    r"\((?:BUTTON|submit|reset)\)|\[(?:BUTTON|SUBMIT|Submit|Go|INS:\s*:INS|blank|IMG|INLINE|LINK|USEMAP)\]"
    # (w3m's insertion marks also come nested or split over two lines; a rule it draws with box lines)
    r"|\[INS:|:INS\]|[━─═]{3,}"
    r"|\[[ _]*\]|_{4,}|\[[^\[\]\s]{1,120}\.(?:png|jpe?g|gif|webp|svg|bmp)(?:\?[^\[\]\s]*)?\]",
    re.IGNORECASE,
)
_W3M_MARKS = frozenset("]━─═")  # (a split ":INS]", a drawn rule: looked for only where one of these is)
# Markdown links and images: "[text](url)", "![alt](url)".
_MD_LINK_START = re.compile(r"\]\((?:https?:|/|#|mailto:|javascript:)")
_MIN_MD_LINKS = 3
# A menu drawn as a bullet tree: this many items, each on one line of at most this many characters.
_MENU_ITEMS = 3
_MENU_ITEM_CHARS = 60


@dataclass(frozen=True)
class Layout:
    """How a dump was rendered (each part None/False when the dump does not show it)."""

    width: Optional[int] = None  # the column at which paragraphs were hard-wrapped
    mirrored: bool = False  # the right margin moves in with the indentation (lynx): see `width_at`
    early: bool = False  # the wrapper sometimes breaks before the margin (lynx, around links it hides)
    cut: bool = False  # wrapped at exactly `width` characters, mid-word too (`fold` without -s)
    references: Optional[int] = None  # index of the line opening lynx's "References" list
    link_markers: bool = False  # lynx's "[12]" link numbers are in the text
    menus: tuple[int, ...] = ()  # indexes of the lines of menus drawn as bullet trees
    markdown: bool = False  # the dump is Markdown (html2text and the like)

    def width_at(self, indent: int) -> int:
        """The wrap width of a line indented `indent` columns."""
        width = self.width or 0
        return width - indent if self.mirrored else width

    @property
    def any(self) -> bool:
        """Whether the dump shows any renderer's hand at all."""
        shown = (self.width, self.references, self.link_markers or None, self.markdown or None, self.menus or None)
        return any(part is not None for part in shown)


def read_layout(originals: Sequence[str]) -> Optional[Layout]:
    """The renderer's layout, or None for an ordinary dump (paragraphs on one line, no link markup)."""
    references = _references_start(originals)
    body = originals[:references] if references is not None else originals
    width, mirrored, cut = _wrap_width(body)
    text = "\n".join(body)  # (one scan for the marks most dumps lack, instead of one per line)
    markers = references is not None or ("[" in text and _has_link_markers(body))
    markdown = "](" in text and _has_markdown_links(body)
    trees = bullet_trees(body)
    if width is None and references is None and not markers and not markdown and not trees:
        return None  # (most dumps: no Layout to build)
    layout = Layout(
        width=width, mirrored=mirrored, cut=cut, references=references, link_markers=markers, markdown=markdown
    )
    if width is not None and not cut and _breaks_early(body, layout):
        layout = replace(layout, early=True)
    if trees:
        layout = replace(layout, menus=tuple(index for tree in trees for index in tree))
    return layout if layout.any else None


def bullet_trees(originals: Sequence[str]) -> list[list[int]]:
    """The lists of short one-line items nested two levels deep or more (a site's menu drawn as a bullet
    tree), each as the indexes of its items."""
    # (most lines open with a letter: no marker, no stripping)
    items = [k for k, line in enumerate(originals) if line[:1] in _ITEM_STARTS and list_marker(line.lstrip())]
    trees: list[list[int]] = []
    if len(items) < _MENU_ITEMS:
        return trees  # (most dumps)
    # Consecutive items share their distance from their place in `items`: one group per run of lines.
    for _, group in groupby(enumerate(items), lambda pair: pair[1] - pair[0]):
        run = [k for _, k in group]
        texts = [originals[k].lstrip() for k in run]
        columns = {len(originals[k]) - len(text) for k, text in zip(run, texts, strict=True)}
        short = all(len(text) - list_marker(text) <= _MENU_ITEM_CHARS for text in texts)
        if len(run) >= _MENU_ITEMS and len(columns) >= 2 and short:
            trees.append(run)
    return trees


def list_marker(text: str) -> int:
    """Length of the list marker (bullet or number, with its space) opening `text`; 0 if none."""
    if text[:1] not in _MARKER_STARTS:
        return 0
    m = _LIST_MARKER.match(text)
    return m.end() if m else 0


def is_reference_entry(text: str) -> bool:
    """A line of lynx's link list: "  12. https://..." or its "Visible links:" / "Hidden links:" labels."""
    return _REFERENCE_ENTRY.match(text) is not None or _REFERENCE_LABEL.match(text) is not None


def _references_start(originals: Sequence[str]) -> Optional[int]:
    # The list is the dump's last block: walk back over its entries to its heading.
    k = len(originals) - 1
    entries = 0
    while k >= 0 and (not originals[k].strip() or is_reference_entry(originals[k])):
        entries += bool(originals[k].strip())
        k -= 1
    if k >= 0 and entries and _REFERENCES_HEAD.match(originals[k]):
        return k
    return None


def _has_link_markers(originals: Sequence[str]) -> bool:
    # Without the list (a dump cut short), lynx's markers still count up through the page.
    numbers: list[int] = []
    for line in originals:
        if "[" in line:
            numbers += [int(m.group()[1:-1]) for m in LINK_MARKER.finditer(line)]
    if len(numbers) < _MIN_LINK_MARKERS:
        return False
    rising = sum(1 for a, b in pairwise(numbers) if b == a + 1)
    return rising >= 0.8 * (len(numbers) - 1)


def _has_markdown_links(originals: Sequence[str]) -> bool:
    found = 0
    for line in originals:
        if "](" in line and _MD_LINK_START.search(line):
            found += 1
            if found >= _MIN_MD_LINKS:
                return True
    return False


def _wrap_width(originals: Sequence[str]) -> tuple[Optional[int], bool, bool]:
    """The hard-wrap width if the dump shows one, whether the right margin mirrors the indentation, and
    whether lines were cut mid-word.

    A greedy wrapper ends a line only when the next word does not fit: for a pair of lines of one
    paragraph, the width W satisfies len(line) <= W < len(line) + 1 + len(next line's first word).
    The W that most pairs agree on wins, provided hardly any breakable line is longer than W. Some
    renderers (lynx) indent a block on both sides: then the width is measured as length + indentation.
    """
    lengths = [len(line.rstrip()) for line in originals]
    long = [k for k, size in enumerate(lengths) if size > MIN_WIDTH]
    # Ordinary dump: paragraphs run past any wrap width (enough breakable lines past MAX_WIDTH, a quarter
    # of the long lines or more). Counted only until there are enough: most lines of such a dump are.
    enough = max(_CHEAP_REJECT, -(-len(long) // 4))
    beyond = 0
    for k in long:
        if lengths[k] > MAX_WIDTH and _breakable(originals[k]):
            beyond += 1
            if beyond >= enough:
                return None, False, False
    # Pairs first: too few of them (most dumps that get this far) settle it before the overlong lines.
    pairs: list[tuple[int, int, int]] = []  # (length, length with the next line's first word, indentation)
    for k in [k for k, size in enumerate(lengths[:-1]) if size >= MIN_WIDTH // 2]:
        line, after = originals[k], originals[k + 1]
        if not after.strip() or line.rstrip()[-1] in _SENTENCE_END:
            continue
        unit = after.split(None, 1)[0]
        pairs.append((lengths[k], lengths[k] + len(unit), len(line) - len(line.lstrip())))
    if len(pairs) < _MIN_WRAPS:
        return None, False, False
    overlong: list[tuple[int, int, int]] = []  # (column of the first space, length, indentation)
    for k in long:
        line = originals[k]
        if _breakable(line):
            indent = len(line) - len(line.lstrip())
            overlong.append((indent + line.find(" ", indent), lengths[k], indent))
    flat = _best_width([(low, high) for low, high, _ in pairs], [(space, size) for space, size, _ in overlong])
    indented = any(indent for *_, indent in pairs) or any(indent for *_, indent in overlong)
    mirrored = _best_width(
        [(low + indent, high + indent) for low, high, indent in pairs],
        [(space + indent, size + indent) for space, size, indent in overlong],
    ) if indented else flat  # (no line indented: the same ranges)
    best = max(flat, mirrored)
    if best[0] < _MIN_WRAPS:
        return None, False, False
    cut = _cut_width(originals, lengths)
    if cut is not None:
        return cut, False, True
    return best[1], mirrored > flat, False


def _breakable(line: str) -> bool:
    """A wrapper would have broken this line if it were wider than the width: it has a space early enough
    (converters leave list items, link lists and tables unwrapped)."""
    text = line.lstrip()
    # (an entry of the link list opens with its number or a "Visible"/"Hidden" label)
    listed = (text[:1].isdigit() or text[:1] in ("V", "H")) and is_reference_entry(line)
    if listed or list_marker(text) or "|" in text:
        return False
    space = text.find(" ")
    return 0 < space and len(line) - len(text) + space < MAX_WIDTH


def _best_width(pairs: list[tuple[int, int]], overlong: list[tuple[int, int]]) -> tuple[int, int]:
    """(score, width): the width most pairs are consistent with, net of the overlong lines it contradicts."""
    # Count for every width at once: +1 over each pair's range, -weight over each overlong line's.
    span = MAX_WIDTH - MIN_WIDTH + 2
    score = [0] * span
    wraps = [0] * span
    for low, high in pairs:
        first, last = max(low, MIN_WIDTH), min(high, 2 * low, MAX_WIDTH)
        if first <= last:
            for counts in (score, wraps):
                counts[first - MIN_WIDTH] += 1
                counts[last - MIN_WIDTH + 1] -= 1
    for space, size in overlong:
        first, last = max(space + 1, MIN_WIDTH), min(size - 1, MAX_WIDTH)
        if first <= last:
            score[first - MIN_WIDTH] -= _OVERLONG_WEIGHT
            score[last - MIN_WIDTH + 1] += _OVERLONG_WEIGHT
    running = list(accumulate(score))
    best, best_width = 0, 0
    # (only the few widths enough pairs agree on are looked at one by one)
    for k in [k for k, count in enumerate(accumulate(wraps[:-1])) if count >= _MIN_WRAPS]:
        if running[k] > best:
            best, best_width = running[k], MIN_WIDTH + k
        elif running[k] == best and best_width == MIN_WIDTH + k - 1:
            best_width = MIN_WIDTH + k  # the widest of equally good widths joins the fewest lines
    return best, best_width


def _breaks_early(originals: Sequence[str], layout: Layout) -> bool:
    """Whether lines of one sentence (same indentation, no closing stop, the next one going on in lower
    case) often end although the next word would have fitted: a wrapper that does not fill its lines."""
    going_on = early = 0
    for before, after in pairwise(originals):
        text = after.lstrip()
        if not text[:1].islower() or before.rstrip()[-1:] in _SENTENCE_END:
            continue
        indent = len(before) - len(before.lstrip())
        width = layout.width_at(indent)
        if len(after) - len(text) != indent or 2 * len(before.rstrip()) < width:
            continue
        going_on += 1
        early += fits(before, after, width)
    return early >= _MIN_WRAPS and early >= 0.1 * going_on


def _cut_width(originals: Sequence[str], lengths: list[int]) -> Optional[int]:
    """The width `fold -w` (without -s) cut at: it fills every line but a paragraph's last to exactly that
    many characters (bytes, for some tools), breaking words; greedy wrappers rarely end two lines alike."""
    followed = [k for k in range(len(originals) - 1) if lengths[k] >= MIN_WIDTH and originals[k + 1].strip()]
    if len(followed) < _MIN_WRAPS:
        return None
    for size in (lambda k: len(originals[k]), lambda k: len(originals[k].encode("utf-8"))):
        counts = Counter(size(k) for k in followed)
        width, found = counts.most_common(1)[0]
        if found >= 0.8 * len(followed):
            return width
    return None


#: Characters a wrapper may break a word after ("Rusia-" / "Ukraina", w3m's "Bahari/" / "Yohana").
_BREAKS_AFTER = ("-", "/")


def fits(line: str, next_line: str, width: int) -> bool:
    """Whether the first word of `next_line` would have fitted at the end of `line` (so the break was the
    page's own, not the wrapper's). After a hyphen or a slash the word follows without a space."""
    unit = next_line.split(None, 1)[0] if next_line.strip() else ""
    used = len(line.rstrip())
    gap = 0 if line.rstrip().endswith(_BREAKS_AFTER) else 1
    return used + gap + len(unit) <= width


# ---------------------------------------------------------------------------------------------------
# Markdown (html2text): inline markup back to plain text

_MD_IMAGE = re.compile(r"!\[(?:[^\[\]\\]|\\.)*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_MD_EMPHASIS = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_MD_HEADING = re.compile(r"(#{1,6})\s+")
_MD_QUOTE = re.compile(r"(?:>\s?)+")
_LITERAL_MARKUP = re.compile(r"(?:<[!/]?[A-Za-z][^<>]*>\s*)+")
_MD_RULE = re.compile(r"(?:[*\-_]\s*){3,}$")


def markdown_heading(text: str) -> tuple[int, str]:
    """(level, text) of a Markdown heading line ("## Judul" -> (2, "Judul")); level 0 if it is none."""
    m = _MD_HEADING.match(text)
    if m is None:
        return 0, text
    return len(m.group(1)), text[m.end():].rstrip(" #")


def is_markdown_rule(text: str) -> bool:
    """A horizontal rule: '---', '* * *', '___'."""
    return _MD_RULE.match(text) is not None


def is_markdown_link(text: str) -> bool:
    """The whole line is one link (its words maybe beside an image): a menu entry or a teaser card."""
    if "](" not in text:
        return False
    bare = _MD_IMAGE.sub("", text).strip()
    return bool(bare) and _MD_LINK.fullmatch(bare) is not None


def is_literal_markup(text: str) -> bool:
    """The line is HTML tags printed as text (an ad's snippet the renderer did not interpret)."""
    return text.startswith("<") and _LITERAL_MARKUP.fullmatch(text) is not None


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown paragraph: images dropped, links to their text, emphasis and escapes removed."""
    if text.startswith(">"):
        text = _MD_QUOTE.sub("", text, count=1)
    if "](" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(lambda m: m.group(1), text)
        text = text.replace("[]", "")
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub("", text)
    if "_" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def strip_widgets(text: str) -> str:
    """The line without what a browser draws for forms, frames and unloaded images: "(BUTTON)", "[SUBMIT]",
    "[____]" input boxes, "[INS::INS]", "[foto.jpg]"; '' when nothing else is left. A line announcing a
    frame ("IFRAME: ...") is all widget."""
    if text.startswith("IFRAME:"):
        return ""
    if "(" not in text and "[" not in text and "__" not in text and not _W3M_MARKS.intersection(text):
        return text
    return " ".join(_WIDGET.sub(" ", text).split())


def strip_link_markers(text: str) -> str:
    """lynx's "[12]" link numbers removed, the words kept ("harga [179]tiket" -> "harga tiket")."""
    return " ".join(LINK_MARKER.sub("", text).split()) if "[" in text else text
