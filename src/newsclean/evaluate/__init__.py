"""Score a parser against gold-annotated page dumps (see the corpus's GOLD_FORMAT.md).

    >>> report = newsclean.evaluate(["corpus/dev"])
    >>> print(report.to_table())
    >>> report.check_floors(min_f1=0.9, min_title=0.95)   # [] when every floor is met

A gold document is `<stem>.json` beside `<stem>.txt` or `<stem>.html`. Each one is parsed and compared
field by field; nothing a parser does (raising, returning junk) stops the evaluation.
"""

from .corpus import GoldDoc, find_gold_docs
from .report import EvalReport
from .results import DocResult, SiteSummary
from .run import evaluate
from .scoring import Overlap, date_matches, lenient_title, normalize_ws, score_body, tokenize

__all__ = [
    "DocResult",
    "EvalReport",
    "GoldDoc",
    "Overlap",
    "SiteSummary",
    "date_matches",
    "evaluate",
    "find_gold_docs",
    "lenient_title",
    "normalize_ws",
    "score_body",
    "tokenize",
]
