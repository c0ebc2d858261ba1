"""Scoring rules of newsclean.evaluate, checked with a fake parser over a tiny invented gold corpus."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from newsclean import Article, NotAnArticle, RelatedLink
from newsclean.evaluate import (
    EvalReport,
    Overlap,
    date_matches,
    evaluate,
    find_gold_docs,
    lenient_title,
    normalize_ws,
    score_body,
    tokenize,
)

WIB = dt.timezone(dt.timedelta(hours=7))
UTC = dt.timezone.utc


def write_doc(root: Path, site: str, stem: str, raw: str, suffix: str = ".txt", **gold: Any) -> Path:
    """Write `<root>/<site>/<stem>.{txt|html,json}`; `gold` overrides the defaults of an article."""
    folder = root / site
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}{suffix}").write_text(raw, encoding="utf-8")
    record: dict[str, Any] = {
        "id": stem,
        "url": f"https://{site}/{stem}",
        "site": site,
        "kind": "article",
        "truncated": False,
        "title": "Judul Berita",
        "published_at": None,
        "authors": [],
        "body": ["satu dua tiga empat"],
        "related": [],
    }
    record.update(gold)
    path = folder / f"{stem}.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def article(body: list[str] | None = None, **fields: Any) -> Article:
    fields.setdefault("title", "Judul Berita")
    return Article(body=body or ["satu dua tiga empat"], **fields)


def fake_parser(answers: dict[str, Any]) -> Callable[..., Article]:
    """A parse() that looks the raw text up in `answers`: an Article to return or an exception to raise."""

    def parse(raw: str | bytes, url: str | None = None) -> Article:
        key = raw.decode() if isinstance(raw, bytes) else raw
        answer = answers[key]
        if isinstance(answer, BaseException):
            raise answer
        return answer

    return parse


def one(tmp_path: Path, prediction: Any, **gold: Any) -> EvalReport:
    write_doc(tmp_path, "alpha.test", "alpha-01", "RAW", **gold)
    return evaluate([tmp_path], parse=fake_parser({"RAW": prediction}))


# --- primitives ---------------------------------------------------------------------------------


def test_tokenize_lowercases_and_treats_nbsp_as_space() -> None:
    assert tokenize("Halo\xa0Dunia, DUNIA! (ant/OL-11)") == ["halo", "dunia", "dunia", "ant", "ol", "11"]


def test_three_of_four_tokens_and_one_extra_is_p_r_three_quarters() -> None:
    overlap, missed, extra = score_body(["satu dua tiga lima"], ["satu dua", "tiga empat"])
    assert (overlap.matched, overlap.predicted, overlap.gold) == (3, 4, 4)
    assert overlap.precision == pytest.approx(0.75)
    assert overlap.recall == pytest.approx(0.75)
    assert overlap.f1 == pytest.approx(0.75)
    assert dict(missed) == {"empat": 1} and dict(extra) == {"lima": 1}


def test_overlap_counts_repeated_tokens_as_a_multiset() -> None:
    overlap, _, _ = score_body(["ya ya ya"], ["ya tidak"])
    assert (overlap.matched, overlap.predicted, overlap.gold) == (1, 3, 2)


def test_empty_prediction_has_undefined_precision_zero_recall() -> None:
    overlap = Overlap.of(Counter(), Counter(a=2))
    assert overlap.precision is None and overlap.recall == 0.0 and overlap.f1 == 0.0
    assert Overlap().f1 == 1.0  # nothing expected, nothing given


def test_whitespace_and_lenient_title_normalisation() -> None:
    assert normalize_ws("  Banjir\xa0Rob \n di  Semarang ") == "Banjir Rob di Semarang"
    assert lenient_title("Banjir Rob di Semarang!") == lenient_title("banjir rob DI semarang")
    assert lenient_title("Banjir Rob") != lenient_title("Banjir Rob Surut")


@pytest.mark.parametrize(
    ("published_at", "published_date", "gold", "expected"),
    [
        (dt.datetime(2024, 7, 18, 13, 22, 45, tzinfo=WIB), None, "2024-07-18T13:22:00+07:00", True),
        (dt.datetime(2024, 7, 18, 6, 22, tzinfo=UTC), None, "2024-07-18T13:22:00+07:00", False),  # same instant, wrong zone
        (dt.datetime(2024, 7, 18, 13, 23, tzinfo=WIB), None, "2024-07-18T13:22:00+07:00", False),
        (None, dt.date(2024, 7, 18), "2024-07-18T13:22:00+07:00", False),  # a date is not a time
        (None, dt.date(2024, 7, 18), "2024-07-18", True),
        (dt.datetime(2024, 7, 18, 23, 0, tzinfo=WIB), None, "2024-07-18", True),
        (None, dt.date(2024, 7, 19), "2024-07-18", False),
        (None, None, "2024-07-18", False),
    ],
)
def test_date_matching_rules(
    published_at: dt.datetime | None, published_date: dt.date | None, gold: str, expected: bool
) -> None:
    assert date_matches(published_at, published_date, gold) is expected


# --- per-document scoring -----------------------------------------------------------------------


def test_body_and_title_scores_of_one_doc(tmp_path: Path) -> None:
    report = one(tmp_path, article(["satu dua tiga lima"], title="Judul  berita."), title="Judul Berita")
    doc = report.docs[0]
    assert doc.body.precision == pytest.approx(0.75) and doc.body.recall == pytest.approx(0.75)
    assert doc.title_exact is False and doc.title_lenient is True
    assert report.overall.title_accuracy == 0.0 and report.overall.title_lenient_accuracy == 1.0


def test_date_offset_mismatch_is_wrong_and_spurious_dates_are_counted_apart(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "a1", "A1", published_at="2024-07-18T13:22:00+07:00")
    write_doc(tmp_path, "alpha.test", "a2", "A2", published_at="2024-07-18T13:22:00+07:00")
    write_doc(tmp_path, "alpha.test", "a3", "A3", published_at=None)
    write_doc(tmp_path, "alpha.test", "a4", "A4", published_at=None)
    answers = {
        "A1": article(published_at=dt.datetime(2024, 7, 18, 13, 22, tzinfo=WIB)),
        "A2": article(published_at=dt.datetime(2024, 7, 18, 13, 22, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
        "A3": article(published_date=dt.date(2024, 1, 1)),
        "A4": article(),
    }
    total = evaluate([tmp_path], parse=fake_parser(answers)).overall
    assert (total.date_correct, total.date_total) == (1, 2)  # golds without a date are not in the accuracy
    assert total.spurious_dates == 1


def test_authors_are_compared_as_sets_after_whitespace_normalisation(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "a1", "A1", authors=["Siti  Aminah", "Budi"])
    write_doc(tmp_path, "alpha.test", "a2", "A2", authors=["Siti Aminah", "Budi"])
    answers = {
        "A1": article(authors=["Budi", "Siti\xa0Aminah"]),
        "A2": article(authors=["Siti Aminah"]),
    }
    report = evaluate([tmp_path], parse=fake_parser(answers))
    assert [d.authors_correct for d in report.docs] == [True, False]


def test_author_accuracy_counts_only_golds_that_name_authors(tmp_path: Path) -> None:
    # A page without a byline scores neither a hit (which would hide real misses) nor a miss; authors
    # invented for it are counted as spurious instead.
    write_doc(tmp_path, "alpha.test", "a1", "A1", authors=["Siti Aminah"])
    write_doc(tmp_path, "alpha.test", "a2", "A2", authors=[])
    write_doc(tmp_path, "alpha.test", "a3", "A3", authors=[])
    answers = {
        "A1": article(authors=["Siti Aminah"]),
        "A2": article(),
        "A3": article(authors=["Terorisme", "Penyalahgunaan Narkoba"]),
    }
    report = evaluate([tmp_path], parse=fake_parser(answers))
    assert [d.authors_correct for d in report.docs] == [True, None, None]
    assert [d.spurious_authors for d in report.docs] == [False, False, True]
    total = report.overall
    assert (total.authors_correct, total.authors_total, total.spurious_authors) == (1, 1, 1)
    assert report.check_floors(min_authors=1.0) == []


def test_author_floor_fails_below_the_rate(tmp_path: Path) -> None:
    report = one(tmp_path, article(authors=["Budi"]), authors=["Siti Aminah"])
    assert report.check_floors(min_authors=0.5) == ["min_authors=0.5: author accuracy is 0.000"]


def test_related_titles_precision_recall(tmp_path: Path) -> None:
    gold_related = ["Hujan Deras Landa Kota", "Pohon Tumbang di Jalan"]
    prediction = article(related=[RelatedLink(title="Hujan\xa0Deras Landa Kota"), RelatedLink(title="Iklan")])
    doc = one(tmp_path, prediction, related=gold_related).docs[0]
    assert (doc.related.matched, doc.related.predicted, doc.related.gold) == (1, 2, 2)
    assert doc.related.f1 == pytest.approx(0.5)


def test_not_an_article_rejections_true_and_false(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "list", "LIST", kind="non-article", title=None, body=[])
    write_doc(tmp_path, "alpha.test", "list2", "LIST2", kind="non-article", title=None, body=[])
    write_doc(tmp_path, "alpha.test", "art", "ART", published_at="2024-07-18")
    answers = {"LIST": NotAnArticle("listing"), "LIST2": article(), "ART": NotAnArticle("too short")}
    report = evaluate([tmp_path], parse=fake_parser(answers))
    total = report.overall
    assert (total.rejected_correct, total.non_articles) == (1, 2)
    assert total.false_rejections == 1 and total.errors == 0
    art = next(d for d in report.docs if d.id == "art")
    assert art.rejected and art.body.precision is None and art.body.recall == 0.0 and art.body.f1 == 0.0
    assert art.date_correct is False and art.title_exact is False
    assert (total.body.predicted, total.body.gold) == (0, 4)  # the non-article's prediction is not scored


def test_other_exceptions_are_recorded_and_do_not_stop_the_run(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "a1", "A1")
    write_doc(tmp_path, "alpha.test", "a2", "A2")
    answers = {"A1": ValueError("tanggal rusak"), "A2": article()}
    report = evaluate([tmp_path], parse=fake_parser(answers))
    assert len(report.docs) == 2
    assert [d.error for d in report.errors] == [("ValueError", "tanggal rusak")]
    assert report.overall.errors == 1
    assert report.docs[1].body.f1 == 1.0


def test_parser_returning_junk_is_scored_not_fatal(tmp_path: Path) -> None:
    report = one(tmp_path, None)
    assert report.docs[0].body.f1 == 0.0 and report.docs[0].error is None


# --- corpus walking -----------------------------------------------------------------------------


def test_walk_skips_readmes_and_stray_json_and_reads_html_as_bytes(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "a1", "A1")
    write_doc(tmp_path, "beta.test", "b1", "<p>B1</p>", suffix=".html")
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    (tmp_path / "alpha.test" / "manifest.json").write_text("{}", encoding="utf-8")
    (tmp_path / "alpha.test" / "orphan.json").write_text(json.dumps({"kind": "article"}), encoding="utf-8")
    seen: list[type] = []

    def parse(raw: str | bytes, url: str | None = None) -> Article:
        seen.append(type(raw))
        return article()

    report = evaluate([tmp_path, tmp_path / "alpha.test"], parse=parse)  # overlapping paths: no doc twice
    assert sorted(d.id for d in report.docs) == ["a1", "b1"]
    assert sorted(t.__name__ for t in seen) == ["bytes", "str"]


def test_single_file_and_lone_string_path(tmp_path: Path) -> None:
    gold = write_doc(tmp_path, "alpha.test", "a1", "A1")
    write_doc(tmp_path, "alpha.test", "a2", "A2")
    assert [d.gold_path.name for d in find_gold_docs([gold.with_suffix(".txt")])] == ["a1.json"]
    assert len(list(find_gold_docs(str(tmp_path)))) == 2
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    with pytest.raises(ValueError):
        list(find_gold_docs([tmp_path / "README.md"]))  # named explicitly but not gold: say so
    with pytest.raises(FileNotFoundError):
        list(find_gold_docs([tmp_path / "missing"]))


def test_url_is_passed_unless_use_url_is_false(tmp_path: Path) -> None:
    write_doc(tmp_path, "alpha.test", "a1", "A1")
    urls: list[str | None] = []

    def parse(raw: str | bytes, url: str | None = None) -> Article:
        urls.append(url)
        return article()

    evaluate([tmp_path], parse=parse)
    evaluate([tmp_path], parse=parse, use_url=False)
    assert urls == ["https://alpha.test/a1", None]


# --- report -------------------------------------------------------------------------------------


@pytest.fixture
def two_site_report(tmp_path: Path) -> EvalReport:
    write_doc(tmp_path, "alpha.test", "alpha-01", "A1")
    write_doc(tmp_path, "alpha.test", "alpha-02", "A2", body=["lima enam tujuh delapan"])
    write_doc(tmp_path, "beta.test", "beta-01", "B1", body=["satu dua"])
    write_doc(tmp_path, "beta.test", "beta-02", "B2", kind="non-article", title=None, body=[])
    answers = {
        "A1": article(["satu dua tiga empat"]),
        "A2": article(["lima enam", "menu iklan"]),
        "B1": article(["satu dua"]),
        "B2": NotAnArticle("listing"),
    }
    return evaluate([tmp_path], parse=fake_parser(answers))


def test_site_and_overall_aggregates(two_site_report: EvalReport) -> None:
    alpha = two_site_report.sites["alpha.test"]
    assert (alpha.body.matched, alpha.body.predicted, alpha.body.gold) == (6, 8, 8)
    assert alpha.body.f1 == pytest.approx(0.75)
    assert alpha.body_macro_f1 == pytest.approx((1.0 + 0.5) / 2)
    total = two_site_report.overall
    assert (total.docs, total.articles, total.non_articles) == (4, 3, 1)
    assert total.body.precision == pytest.approx(8 / 10) and total.body.recall == pytest.approx(8 / 10)
    assert total.reject_accuracy == 1.0


def test_table_has_a_row_per_site_and_overall(two_site_report: EvalReport) -> None:
    table = two_site_report.to_table()
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["site", "docs", "body"]
    rows = {line.split()[0]: line.split() for line in lines[2:] if not line.startswith("-")}
    assert set(rows) == {"alpha.test", "beta.test", "OVERALL"}
    assert rows["alpha.test"][1:5] == ["2", "0.750", "0.750", "0.750"]
    assert rows["beta.test"][-3] == "1/1"
    assert len({len(line) for line in lines[:2]}) == 1  # header and rule line up
    assert "alpha-02" not in table
    per_doc = two_site_report.to_table(per_doc=True)
    assert "alpha-02" in per_doc and "beta-02" in per_doc


def test_worst_lists_lowest_f1_with_missed_and_extra(two_site_report: EvalReport) -> None:
    worst = two_site_report.worst(1)
    assert [d.id for d in worst] == ["alpha-02"]
    text = two_site_report.format_worst(1)
    assert "missed 2: " in text and "tujuh" in text and "delapan" in text
    assert "extra  2: " in text and "iklan" in text


def test_json_round_trip(two_site_report: EvalReport) -> None:
    data = json.loads(two_site_report.to_json())
    assert data["overall"]["docs"] == 4
    assert data["sites"]["alpha.test"]["body"]["f1"] == pytest.approx(0.75)
    doc = next(d for d in data["docs"] if d["id"] == "alpha-02")
    assert doc["missed"] == {"tujuh": 1, "delapan": 1}
    assert data["overall"]["reject"]["correct"] == 1


def test_floors(two_site_report: EvalReport) -> None:
    assert two_site_report.check_floors(min_f1=0.8, min_precision=0.8, min_title=1.0, min_reject=1.0) == []
    failures = two_site_report.check_floors(min_f1=0.81, min_title=1.0, min_date=0.5)
    assert len(failures) == 2
    assert failures[0].startswith("min_f1=0.81") and "0.800" in failures[0]
    assert failures[1].startswith("min_date=0.5") and "undefined" in failures[1]  # no gold has a date
    assert two_site_report.check_floors() == []
    assert two_site_report.check_floors(max_errors=0) == []


# --- the real parser on the shared dev corpus -------------------------------------------------------


def test_real_parse_covers_every_dev_gold_doc() -> None:
    corpus = shared_path("corpus", "dev")
    pytest.importorskip("newsclean.pipeline", reason="newsclean.parse is not written yet")
    expected = {p.stem for p in corpus.rglob("*.json") if p.with_suffix(".txt").exists()}
    report = evaluate([corpus])
    assert {d.id for d in report.docs} == expected
    assert report.overall.docs == len(expected) > 0
