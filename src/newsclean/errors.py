"""The typed errors newsclean raises. Everything that escapes the public API is a `NewscleanError`."""

from __future__ import annotations

__all__ = [
    "NewscleanError",
    "InputError",
    "InputTooLarge",
    "NotAnArticle",
    "ArticleValidationError",
    "ProfileError",
    "PatternTimeout",
    "Timeout",
    "BatchError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class InputError(NewscleanError, ValueError):
    """The input cannot be read as a page: empty, binary, undecodable, or of the wrong type."""


class InputTooLarge(InputError):
    """The input is larger than the configured size limit (in characters, or in lines)."""

    def __init__(self, size: int, limit: int, unit: str = "characters") -> None:
        self.size = size
        self.limit = limit
        self.unit = unit
        knob = "max_lines" if unit == "lines" else "max_chars"
        super().__init__(
            f"input has {size:,} {unit}, over the limit of {limit:,}; "
            f"raise it with parse(..., {knob}=N) if this page is genuine"
        )

    def __reduce__(self) -> tuple[type, tuple[int, int, str]]:  # keep the figures across process pools
        return (type(self), (self.size, self.limit, self.unit))


class NotAnArticle(NewscleanError):
    """The page was read, but it holds no article (a listing, tag or home page, or too little prose)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"not an article: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str]]:  # keep the reason across process pools
        return (type(self), (self.reason,))


class ArticleValidationError(NewscleanError, ValueError):
    """The fields extracted from a page do not make a valid `Article`."""


class Timeout(NewscleanError):
    """A document took longer than the batch's per-document time budget (`parse_many(timeout=...)`)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"cleaning this document took over {seconds:g} s, the per-document time budget; the batch moved on "
            "(raise it with parse_many(timeout=...) or newsclean clean --timeout)"
        )

    def __reduce__(self) -> tuple[type, tuple[float]]:  # keep the budget across process pools
        return (type(self), (self.seconds,))


class BatchError(NewscleanError):
    """`parse_many` could not go on: its iterable of inputs raised, or its executor refused work.

    Raised after every input taken so far has its result; the original exception is the `__cause__`.
    """


class ProfileError(NewscleanError, ValueError):
    """A site profile is malformed (bad TOML, unknown key, or an invalid pattern)."""


class PatternTimeout(ProfileError):
    """A user's profile pattern ran over its time limit on one line (catastrophic backtracking).

    Only the document being parsed fails; fix or remove the pattern named in the message.
    """

    def __init__(self, where: str, pattern: str, seconds: float) -> None:
        self.where = where
        self.pattern = pattern
        self.seconds = seconds
        super().__init__(
            f"{where}: pattern {pattern!r} ran over its {seconds:g} s limit on one line "
            "(it backtracks catastrophically); fix or remove it"
        )

    def __reduce__(self) -> tuple[type, tuple[str, str, float]]:  # keep the fields across process pools
        return (type(self), (self.where, self.pattern, self.seconds))
