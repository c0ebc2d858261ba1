"""The validated output of newsclean: `Article` and the small models it is made of."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

__all__ = ["Article", "LeadImage", "RelatedLink", "RemovedLine"]

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class LeadImage(BaseModel):
    """The article's lead photo as the page describes it (the image itself is not downloaded)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    caption: Optional[str] = Field(default=None, description="the caption printed under the photo, credit cut off")
    credit: Optional[str] = Field(
        default=None, description="who took or supplied the photo, as printed ('ANTARA/Galih Pradipta', 'AFP')"
    )
    url: Optional[str] = Field(
        default=None, description="the photo's address as the page's metadata gives it (og:image, JSON-LD image)"
    )


class RelatedLink(BaseModel):
    """An in-article link to another story ("Baca juga: <title>")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: NonEmptyStr = Field(description="the linked story's headline as printed after 'Baca juga:'")
    url: Optional[str] = Field(default=None, description="the link's address; None in text dumps that lost it")


class RemovedLine(BaseModel):
    """A line of the input that is not body text, with the step that set it aside and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int = Field(ge=0, description="0-based line number in the normalised input")
    text: str = Field(description="the line as it was read, before normalisation")
    label: str = Field(description="what the line was taken for: chrome, title, date, byline, related, ...")
    step: str = Field(description="the pipeline step that labelled it")
    reason: str = Field(description="why the step set the line aside, in words")


class Article(BaseModel):
    """A cleaned news article.

    `published_at` is set when the page gives a time (always timezone-aware: WIB +07:00, WITA +08:00,
    WIT +09:00, or the offset the page states). `published_date` is set whenever the page gives a date,
    including pages that show only a date and no time.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    title: Optional[NonEmptyStr] = Field(
        default=None, description="the headline; None only when the dump shows none (it starts mid-article)"
    )
    body: list[NonEmptyStr] = Field(min_length=1, description="clean body paragraphs, in order")
    published_at: Optional[AwareDatetime] = Field(
        default=None,
        description="publication time with the page's own offset (WIB +07:00 when it names none); "
        "None when the page shows no time of day",
    )
    published_date: Optional[dt.date] = Field(
        default=None, description="publication day in the page's zone; set whenever the page shows a date"
    )
    updated_at: Optional[AwareDatetime] = Field(default=None, description="last-update time, when the page shows one")
    authors: list[NonEmptyStr] = Field(default_factory=list, description="reporters named in the byline")
    editors: list[NonEmptyStr] = Field(default_factory=list, description="editors named by the page ('Editor: ...')")
    section: Optional[str] = Field(
        default=None, description="the rubric or channel the page files the story under ('Internasional')"
    )
    site: Optional[str] = Field(
        default=None, description="the site profile that matched (its name), else the URL's host without 'www.'"
    )
    url: Optional[str] = Field(default=None, description="the page's address: the url= given, else the page's own")
    fetched_at: Optional[AwareDatetime] = Field(
        default=None, description="when the page was saved, as given to parse(); relative dates count from it"
    )
    lead_image: Optional[LeadImage] = Field(default=None, description="the lead photo's caption, credit and URL")
    related: list[RelatedLink] = Field(
        default_factory=list, description="in-article links to other stories ('Baca juga'), in page order"
    )
    closing_code: Optional[str] = Field(
        default=None,
        description="the desk code that ends many Indonesian stories: reporter/editor initials or the "
        "agency, printed in brackets after the last sentence, e.g. '(AFP/OL-11)' -> 'AFP/OL-11', "
        "'(apr/knv)' -> 'apr/knv'; it stays in the text when the last paragraph prints it",
    )
    description: Optional[str] = Field(
        default=None,
        description="the standfirst or summary the page gives in its metadata (og:description, description); "
        "None when it only repeats the headline",
    )
    tags: list[NonEmptyStr] = Field(
        default_factory=list,
        description="the story's tags: the tag list the page shows (when its metadata agrees), else its "
        "article:tag / keywords metadata, without site-wide keywords such as 'berita terkini'",
    )
    language: Optional[str] = Field(
        default=None,
        description="ISO 639-1 code of the body: 'id', 'ms' or 'en' when its common words say so (whatever "
        "the page declares); for a body too short to tell, the language the page declares; None when a "
        "long body is in none of these and the page declares no other language",
    )
    removed: Optional[list[RemovedLine]] = Field(
        default=None, description="with explain=True: every line that is not body, and why"
    )

    @field_validator("published_at", "updated_at", "fetched_at", mode="before")
    @classmethod
    def _aware(cls, value: object, info: ValidationInfo) -> object:
        # A naive time is ambiguous by up to 14 hours; the pipeline always attaches a zone (WIB by default).
        if isinstance(value, dt.datetime) and value.utcoffset() is None:
            raise PydanticCustomError(
                "timezone_aware",
                "{field} must be timezone-aware, got the naive datetime {value}; "
                "attach the page's zone (WIB is +07:00)",
                {"field": info.field_name, "value": value.isoformat()},
            )
        return value

    @field_validator("body", mode="before")
    @classmethod
    def _paragraphs_present(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            if not value:
                raise PydanticCustomError("body_empty", "body must hold at least one paragraph, got an empty list")
            for k, paragraph in enumerate(value):
                if isinstance(paragraph, str) and not paragraph.strip():
                    raise PydanticCustomError(
                        "paragraph_empty", "body[{k}] is empty or whitespace: a paragraph must hold text", {"k": k}
                    )
        return value

    @field_validator("title", mode="before")
    @classmethod
    def _title_not_blank(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise PydanticCustomError(
                "title_empty", "title is empty: give the headline, or None when the dump shows no headline"
            )
        return value

    @field_validator("published_date")
    @classmethod
    def _date_not_datetime(cls, value: Optional[dt.date]) -> Optional[dt.date]:
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    @property
    def text(self) -> str:
        """The body as plain text: paragraphs separated by blank lines."""
        return "\n\n".join(self.body)
