"""Bytes → text for saved pages, and a cheap test for "is this HTML?".

Order of evidence: a byte-order mark; UTF-8 when the bytes hold multi-byte characters and are valid
UTF-8 (but for a character cut in two at either end of a truncated dump); the charset the page
declares in its first bytes; strict UTF-8; statistical detection (charset-normalizer); and finally
cp1252 when it plausibly fits. Valid UTF-8 wins over a declaration because no real text in a
single-byte code page happens to form valid multi-byte sequences, while a copied template's
`<meta charset=koi8-r>` on a UTF-8 page is common. Text that was UTF-8 read as cp1252 somewhere
upstream ("Ã©", "â€™") is repaired when the damage is unambiguous.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

__all__ = ["decode_bytes", "looks_like_html", "repair_mojibake"]

# utf-32 first: its little-endian BOM starts with the utf-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_BYTES = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# WHATWG maps these labels to windows-1252; real pages that say latin-1 use cp1252's 0x80-0x9F glyphs.
_LATIN1_LABELS = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
# Declared UTF-16/32 in a page we could read as ASCII is a lie (the declaration itself was ASCII).
_WIDE = re.compile(r"utf[_-]?(16|32)", re.IGNORECASE)

# C0 controls other than tab/newline/carriage return/form feed: a decoded page full of them is binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Mojibake: a UTF-8 lead byte and its continuation bytes, each shown as its cp1252 (or latin-1) glyph.
_CONT_BYTES = bytes(range(0x80, 0xC0))
_CONT_CHARS = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in _CONT_BYTES})
)
_CONT = "[" + re.escape(_CONT_CHARS) + "]"
_MOJIBAKE = re.compile(
    "[\u00c2-\u00df]" + _CONT + "|[\u00e0-\u00ef]" + _CONT + "{2}|[\u00f0-\u00f4]" + _CONT + "{3}"
)
# Sequences that are almost never genuine text: "Ã" + continuation glyph, "â€" + punctuation glyph.
_MOJIBAKE_SURE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€|Â[\u00a0-\u00bf]")

# Leading comments are skipped in linear time: a comment body is "not '-', or '-' not starting '->'".
_HTML_START = re.compile(
    r"\s*(?:<!--[^-]*(?:-(?!->)[^-]*)*-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|\?xml)", re.IGNORECASE
)
_HTML_SKELETON = re.compile(r"<(?:html|head|body)[\s>]|<meta\s|<title>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_TEXT_BEFORE_SKELETON = 200
_HTML_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|span|article|section|a)\b[^<>]{0,400}>", re.IGNORECASE)


def _char_to_byte(ch: str) -> int:
    """The byte a cp1252 (or, for its undefined slots, latin-1) decoder turned into `ch`."""
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("Ã©" → "é", "â€™" → "’") where it is clearly present."""
    for _ in range(2):  # pages sometimes went through the mistake twice
        if not _MOJIBAKE_SURE.search(text):
            return text

        def fix(m: re.Match[str]) -> str:
            raw = bytes(_char_to_byte(c) for c in m.group(0))
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                return m.group(0)

        text = _MOJIBAKE.sub(fix, text)
    return text


def _normalise_label(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:_SNIFF_BYTES])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", errors="ignore")
    return _normalise_label(label)


def _check_not_binary(data: bytes) -> None:
    sample = data[:8192]
    nul = sample.count(0)
    if nul and nul > len(sample) // 100:
        raise InputError(
            f"input looks binary: {nul} NUL bytes in the first {len(sample)} bytes "
            "(not a text or HTML page, or UTF-16/32 without a byte-order mark)"
        )


def _check_text(text: str) -> str:
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise InputError("input looks binary: mostly control characters after decoding")
    return text


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text leaves NULs in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.6 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _plausible_cp1252(text: str) -> bool:
    # Undefined cp1252 slots decode (with errors="replace") to U+FFFD; C1 controls never occur in real text.
    bad = text.count("\ufffd") + sum(1 for c in text if "\x80" <= c <= "\x9f")
    return bad <= max(2, len(text) // 1000)


def _utf8(data: bytes) -> str | None:
    """`data` as UTF-8, or None when it is not; a character cut in two at the very start or end (a dump
    truncated by bytes) is dropped rather than turning the whole page over to another code page."""
    start, end = 0, len(data)
    for _ in range(2):
        try:
            return data[start:end].decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start + start >= end - 3 and exc.reason == "unexpected end of data":
                end = start + exc.start  # the last character's bytes stop short
            elif start + exc.start < 3 and 0x80 <= data[start + exc.start] < 0xC0:
                start += exc.start + 1  # continuation bytes of a character that began before the cut
                while start < min(end, 3) and 0x80 <= data[start] < 0xC0:
                    start += 1
            else:
                return None
    try:
        return data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional at runtime: fall through to cp1252
        return None
    # A prefix is enough evidence and keeps the worst case bounded on large pages.
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding is None:
        return None
    return _normalise_label(best.encoding)


def decode_bytes(data: bytes) -> str:
    """Decode a saved page to text, repairing double-encoded UTF-8; raise `InputError` for binary data."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"decode_bytes expects bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        return ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(repair_mojibake(data[len(bom):].decode(enc)))
            except UnicodeDecodeError as exc:
                raise InputError(f"input starts with a {enc} byte-order mark but does not decode: {exc}") from None
    wide = _guess_utf16(data)
    if wide is not None:
        try:
            return _check_text(repair_mojibake(data.decode(wide)))
        except UnicodeDecodeError:
            pass
    _check_not_binary(data)

    utf8 = _utf8(data)
    if utf8 is not None and not data.isascii():
        return _check_text(repair_mojibake(utf8))  # valid UTF-8 with multi-byte characters: whatever the page says
    declared = _declared_charset(data)
    if declared and not _WIDE.search(declared):
        if declared in _LATIN1_LABELS:
            return _check_text(repair_mojibake(data.decode("cp1252", errors="replace")))
        try:
            return _check_text(repair_mojibake(data.decode(declared)))
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall back to the evidence in the bytes
    if utf8 is not None:
        return _check_text(repair_mojibake(utf8))
    cp = data.decode("cp1252", errors="replace")
    # Indonesian text is mostly ASCII: a few stray high bytes are almost always cp1252 punctuation/accents,
    # where statistical detectors guess exotic code pages on too little evidence.
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high <= 64 and _plausible_cp1252(cp):
        return _check_text(repair_mojibake(cp))
    detected = _detect(data)
    if detected:
        try:
            return _check_text(repair_mojibake(data.decode(detected)))
        except (UnicodeDecodeError, LookupError):
            pass
    if _plausible_cp1252(cp):
        return _check_text(repair_mojibake(cp))
    raise InputError("input cannot be decoded as text (not UTF-8, no usable charset declaration, detection failed)")


def looks_like_html(text: str) -> bool:
    """True when the start of `text` is an HTML document (doctype, skeleton tags, or several block tags)."""
    head = text[:4096]
    if "<" not in head:
        return False
    if _HTML_START.match(head):
        return True
    skeleton = _HTML_SKELETON.search(head)
    if skeleton is not None:
        # Markup, not text, comes before a page's skeleton; a text rendering may quote a frame's source.
        return len(_ANY_TAG.sub("", head[: skeleton.start()]).strip()) <= _TEXT_BEFORE_SKELETON
    # A fragment without skeleton: demand several tags including closing ones, which stray "<" never gives,
    # spread over the text (a text rendering may print an ad's markup literally on a few of its lines).
    tags = _HTML_BLOCK.findall(head)
    closing = sum(1 for t in tags if t.startswith("</"))
    if len(tags) < 4 or closing < 2:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    return 4 * sum(1 for line in lines if "<" in line) >= len(lines)
