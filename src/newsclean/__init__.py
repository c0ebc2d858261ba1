"""newsclean: clean, validated articles from raw dumps of Indonesian news pages.

    >>> import newsclean
    >>> article = newsclean.parse(raw_dump)          # str or bytes, text dump or HTML
    >>> article.title, article.published_at, article.body

Batch work goes through `parse_many` (collected `Results`, any `concurrent.futures.Executor`, Dask
included), `iter_parse_many` (the same, streamed, for runs too large to hold) and `to_dataframe`;
dates on their own through `parse_date` and `find_dates`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    ArticleValidationError,
    BatchError,
    InputError,
    InputTooLarge,
    NewscleanError,
    NotAnArticle,
    PatternTimeout,
    ProfileError,
    Timeout,
)
__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleValidationError",
    "BatchError",
    "InputError",
    "InputTooLarge",
    "LeadImage",
    "NewscleanError",
    "NotAnArticle",
    "PatternTimeout",
    "ProfileError",
    "Timeout",
    "RelatedLink",
    "RemovedLine",
    "Result",
    "Results",
    "evaluate",
    "find_dates",
    "parse",
    "parse_date",
    "iter_parse_many",
    "parse_many",
    "records",
    "clean_frame",
    "register_site",
    "load_profiles",
    "to_dataframe",
    "__version__",
]

# Submodules are imported on first use so `import newsclean` stays cheap: pydantic and building the
# models (most of the start-up cost), pandas and dateparser are only loaded by the paths that need them.
_LAZY = {
    "Article": ("models", "Article"),
    "LeadImage": ("models", "LeadImage"),
    "RelatedLink": ("models", "RelatedLink"),
    "RemovedLine": ("models", "RemovedLine"),
    "Result": ("batch", "Result"),
    "Results": ("batch", "Results"),
    "parse": ("pipeline", "parse"),
    "parse_date": ("dates", "parse_date"),
    "find_dates": ("dates", "find_dates"),
    "parse_many": ("batch", "parse_many"),
    "iter_parse_many": ("batch", "iter_parse_many"),
    "records": ("batch", "records"),
    "clean_frame": ("batch", "clean_frame"),
    "to_dataframe": ("batch", "to_dataframe"),
    "register_site": ("sites", "register_site"),
    "load_profiles": ("sites", "load_profiles"),
    "evaluate": ("evaluate", "evaluate"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Result, Results, clean_frame, iter_parse_many, parse_many, records, to_dataframe
    from .dates import find_dates, parse_date
    from .evaluate import evaluate
    from .models import Article, LeadImage, RelatedLink, RemovedLine
    from .pipeline import parse
    from .sites import load_profiles, register_site


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(f".{module_name}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
