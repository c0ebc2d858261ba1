"""Robustness check of the TEXT path on real pages (not run by pytest).

Each page of ../shared/corpus/html is turned into a plain-text dump, then parsed as text WITHOUT the
HTML structure and scored against the HTML gold: real page furniture and layouts, a stand-in for the
unseen real text dumps.

    python benchmarks/eval_rendered_html.py                      # newsclean's renderer, URL given
    python benchmarks/eval_rendered_html.py --no-url             # site identified from the text alone
    python benchmarks/eval_rendered_html.py --renderer bs4       # BeautifulSoup get_text("\\n"): the whole
                                                                 # page, menus and footers included
"""

from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

import newsclean
from newsclean.decode import decode_bytes
from newsclean.evaluate import Overlap, date_matches, score_body

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "html"


def render(html: str, renderer: str) -> str:
    if renderer == "bs4":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        return soup.get_text("\n")
    from newsclean.html import html_to_document

    return "\n\n".join(line.text for line in html_to_document(html).lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-url", action="store_true")
    ap.add_argument("--renderer", choices=["newsclean", "bs4"], default="newsclean")
    args = ap.parse_args()
    total = Overlap(0, 0, 0)
    titles = dates = articles = rejected_right = non_articles = 0
    for gold_path in sorted(glob.glob(str(CORPUS / "*" / "*.json"))):
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        text = render(decode_bytes(Path(gold_path[:-5] + ".html").read_bytes()), args.renderer)
        try:
            article = newsclean.parse(text, url=None if args.no_url else gold["url"])
        except newsclean.NotAnArticle as exc:
            article = None
            if gold["kind"] == "article":
                print("REJECTED", Path(gold_path).stem, exc)
        if gold["kind"] != "article":
            non_articles += 1
            rejected_right += article is None
            continue
        articles += 1
        overlap, _, _ = score_body(article.body if article else [], gold["body"])
        total = Overlap(total.matched + overlap.matched, total.predicted + overlap.predicted, total.gold + overlap.gold)
        title = article.title if article else None
        titles += title == gold["title"]
        dates += bool(article and date_matches(article.published_at, article.published_date, gold["published_at"]))
        if (overlap.f1 or 0) < 0.95 or title != gold["title"]:
            print(f"{Path(gold_path).stem:24} P {overlap.precision or 0:.2f} R {overlap.recall:.2f} | {title!r}")
    print(
        f"TOTAL body P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f} | titles {titles}/{articles}"
        f" | dates {dates}/{articles} | non-articles rejected {rejected_right}/{non_articles}"
    )


if __name__ == "__main__":
    main()
