"""Where the article's text sits: the container (or containers) of the text, from the body's scan.

Named containers (class/id words like "article-body", `itemprop=articleBody`) win when they hold enough
prose; otherwise the element credited with the most paragraph text (`scan.scan_body` weighs both).
"""

from __future__ import annotations

from typing import Any, Callable

from ._dom import is_within, name_tokens
from .scan import Scan


def find_content(scan: Scan) -> list[Any]:
    """The element(s) holding the article text: named containers first, else the densest paragraph parent."""
    # Reader comments are never the article, however much prose a thread holds.
    in_comments = _comment_sections(scan)
    named = [el for el in scan.named if not in_comments(el)]
    para_len = {el: n for el, n in scan.para_len.items() if not in_comments(el)}
    if named:
        scored: list[tuple[float, int, Any]] = []
        for el in named:
            if el.tag in ("body", "html"):
                continue
            prose, total = scan.weights.get(el, (0, 0))
            if prose >= 80:
                # Prose weighted by its share of all text: outer wrappers also hold link lists and widgets.
                scored.append((prose * prose / max(total, 1), prose, el))
        if scored:
            _, best_prose, best = max(scored, key=lambda s: s[0])
            # A named element inside the winner that holds most of its prose is the text itself; the
            # rest of the wrapper is pull quotes, captions and boxes.
            inner = [
                (prose, el)
                for _, prose, el in scored
                if el is not best and prose >= 0.6 * best_prose and is_within(el, best)
            ]
            if inner:
                best = min(inner, key=lambda pe: pe[0])[1]
            if not para_len or max(para_len.values()) <= 2 * best_prose:
                return _with_siblings(best, para_len)
            # A named element with a fraction of the page's paragraph text is a header or teaser box.
    if para_len:
        holder = max(para_len, key=lambda e: para_len[e])
        if para_len[holder] >= 200 and holder.tag not in ("body", "html"):
            return _with_siblings(holder, para_len)
    return []


_MAX_PARTS = 40  # pages or parts of one article's text; more same-class blocks are a list of posts
_COMMENT_TOKENS = frozenset({"comment", "comments", "komentar", "disqus"})


def _comment_sections(scan: Scan) -> Callable[[Any], bool]:
    """A test: is the element (or one of its ancestors) named as a comment thread? Answers are memoised."""
    names = scan.names
    memo: dict[Any, bool] = {}

    def in_comments(el: Any) -> bool:
        chain: list[Any] = []
        verdict = False
        node = el
        while node is not None:
            known = memo.get(node)
            if known is not None:
                verdict = known
                break
            chain.append(node)
            raw = names.get(node)
            if raw is not None and name_tokens(raw) & _COMMENT_TOKENS:
                verdict = True
                break
            node = node.getparent()
        for node in chain:
            memo[node] = verdict
        return verdict

    return in_comments


def _with_siblings(el: Any, para_len: dict[Any, int]) -> list[Any]:
    """Multi-page articles repeat the container (page-1, page-2 ...) as siblings with the same class.

    Some layouts cut the text into several containers with the same class between ad rails (each in
    its own grid row): those cousins with paragraphs of their own belong to the text as well.
    """
    cls = el.get("class")
    parent = el.getparent()
    if not cls or parent is None:
        return [el]
    found = [s for s in parent if s is el or (s.tag == el.tag and s.get("class") == cls)]
    if len(found) > _MAX_PARTS:
        return [el]  # a list of post cards, not the pages of one article
    for other, n in para_len.items():
        if len(found) >= _MAX_PARTS:
            break
        if n < 200 or other.tag != el.tag or other in found or other.get("class") != cls:
            continue
        if any(is_within(other, f) or is_within(f, other) for f in found):
            continue
        found.append(other)
    return found
