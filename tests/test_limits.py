"""Inputs that are large in lines rather than characters: floods of blank lines, too many lines, and
lines too long to read whole. Each must cost what the page costs and lose nothing (issue #13)."""

from __future__ import annotations

import pickle

import pytest

from conftest import FIXTURES
from newsclean import Article, InputError, InputTooLarge, parse
from newsclean.load import DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES

SEED = (FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt").read_text(encoding="utf-8")
SEED_LINES = SEED.splitlines()
# A paragraph of invented prose far over the 20,000-character line limit: 400 sentences, no line breaks.
SENTENCE = "Warga desa itu membangun jembatan bambu baru bersama, kata kepala desa setempat. "
LONG_PARAGRAPH = (SENTENCE * 600).strip()


def seed_article(**kwargs: object) -> Article:
    return parse(SEED, **kwargs)  # type: ignore[arg-type]


def with_line_after(anchor: str, line: str) -> str:
    """The seed with `line` (and a blank line) inserted after the line starting with `anchor`."""
    at = next(i for i, ln in enumerate(SEED_LINES) if ln.startswith(anchor))
    return "\n".join(SEED_LINES[: at + 1] + ["", line] + SEED_LINES[at + 1 :]) + "\n"


# ------------------------------------------------------------------------------------ floods of blank lines


def test_the_seed_padded_with_newlines_to_the_size_limit_is_the_seed() -> None:
    raw = SEED + "\n" * (DEFAULT_MAX_CHARS - len(SEED))
    assert parse(raw).model_dump() == seed_article().model_dump()


def test_whitespace_only_lines_before_the_seed_count_as_blank() -> None:
    raw = " \t\n" * 1_000_000 + SEED
    article = parse(raw)
    assert article.title == seed_article().title
    assert article.body == seed_article().body


def test_explain_reports_input_line_numbers_after_a_long_blank_run() -> None:
    raw = "\n" * 5_000 + SEED.replace("\nAFP\n", "\n" * 300 + "AFP\n", 1)
    removed = parse(raw, explain=True).removed
    assert removed
    lines = raw.splitlines()
    for line in removed:
        assert lines[line.index] == line.text, line
    # The same lines are removed as from the seed itself, only further down.
    assert [r.text for r in removed] == [r.text for r in seed_article(explain=True).removed or []]


# ------------------------------------------------------------------------------------------ too many lines


def test_too_many_lines_is_input_too_large_naming_max_lines() -> None:
    with pytest.raises(InputTooLarge) as info:
        parse(SEED + "a\n" * 2_490_000, explain=True)
    exc = info.value
    assert exc.unit == "lines" and exc.limit == DEFAULT_MAX_LINES and exc.size > 2_490_000
    assert f"lines, over the limit of {DEFAULT_MAX_LINES:,}" in str(exc) and "max_lines" in str(exc)
    assert isinstance(exc, InputError)
    copy = pickle.loads(pickle.dumps(exc))  # batch workers send it back to the parent
    assert (copy.size, copy.limit, copy.unit, str(copy)) == (exc.size, exc.limit, exc.unit, str(exc))


def test_max_lines_counts_a_run_of_blank_lines_as_sixteen() -> None:
    in_seed = len(SEED_LINES)
    assert parse(SEED, max_lines=in_seed).title == seed_article().title
    with pytest.raises(InputTooLarge, match=f"input has {in_seed} lines, over the limit of {in_seed - 1}"):
        parse(SEED, max_lines=in_seed - 1)
    # A thousand blank lines more cost sixteen.
    assert parse(SEED + "\n" * 1_000 + "Selengkapnya\n", max_lines=in_seed + 17).title == seed_article().title


@pytest.mark.parametrize("bad", ["100", 1.5, None, True])
def test_max_lines_of_the_wrong_type_is_an_input_error(bad: object) -> None:
    with pytest.raises(InputError, match="max_lines"):
        parse(SEED, max_lines=bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- lines over 20,000 characters


def test_a_body_paragraph_over_the_line_limit_is_kept_whole() -> None:
    assert len(LONG_PARAGRAPH) > 40_000
    article = parse(with_line_after("Dalam dua pekan", LONG_PARAGRAPH))
    assert LONG_PARAGRAPH in article.body
    assert len(article.body) == len(seed_article().body) + 1


def test_a_body_paragraph_over_the_line_limit_keeps_its_inner_spacing() -> None:
    # No-break spaces next to the places the line is split are printed as they were.
    paragraph = (SENTENCE.replace(" kata ", "\u00a0kata\u00a0") * 600).strip()
    article = parse(with_line_after("Dalam dua pekan", paragraph))
    assert paragraph in article.body


def test_a_long_line_outside_the_story_is_listed_whole_and_cut_at_spaces() -> None:
    junk = "menu " * 9_000 + "akhir"  # in the page's trailing chrome
    article = parse(SEED + "\n" + junk, explain=True)
    assert article.body == seed_article().body
    pieces = [r.text for r in article.removed or [] if r.index == len(SEED_LINES)]
    assert len(pieces) >= 3 and "".join(pieces) == junk
    assert all(piece.endswith(" ") for piece in pieces[:-1]), "a piece ends mid-word"


def test_a_long_line_without_spaces_is_listed_whole() -> None:
    blob = "x" * 100_000
    article = parse(blob + "\n\n" + SEED, explain=True)
    assert article.title == seed_article().title
    assert "".join(r.text for r in article.removed or [] if r.index == 0) == blob


def test_an_html_paragraph_over_the_line_limit_is_kept_whole() -> None:
    lead = "Jakarta - Pemerintah daerah menyatakan program tersebut akan dilanjutkan pada tahun depan."
    html = (
        "<html><head><title>Jembatan Bambu Baru di Desa</title></head><body><article>"
        "<h1>Jembatan Bambu Baru di Desa</h1>"
        f"<p>{lead}</p><p>{LONG_PARAGRAPH}</p><p>{lead.replace('Jakarta - ', '')}</p>"
        "</article></body></html>"
    )
    assert LONG_PARAGRAPH in parse(html).body
