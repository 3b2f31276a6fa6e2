"""An article's details as a person types them: checked, with messages that say what to fix.

The Article → Properties dialog reads its fields through these functions, so every rule
(what a URL may be, how a date is written) lives here, testable without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.importing.byline import date_line
from app.models import Source

URL_EXAMPLE = "https://news.example.com/story/123"
DATE_EXAMPLE = "2024-10-17"
# Dates written out in English, accepted as well as YYYY-MM-DD: "17 October 2024",
# "Oct 17, 2024". Numeric day/month orders differ between countries, so they are refused.


class DetailsError(ValueError):
    """A typed detail that cannot be kept; the message names the field and the fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class TypedDetails:
    """The editable details of an article, as text the user typed."""

    outlet: str = ""
    title: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    accessed: str = ""

    @classmethod
    def of(cls, source: Source) -> TypedDetails:
        """The details of source as the dialog shows them."""
        return cls(
            outlet=source.outlet,
            title=source.title,
            author=source.author,
            published=source.published.isoformat() if source.published else "",
            url=source.url,
            accessed=source.retrieved.date().isoformat() if source.retrieved else "",
        )


def checked_url(text: str) -> str:
    """text as a web address the citation can print: "" or an http(s) URL with a site."""
    url = text.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(ch.isspace() for ch in url)
    ):
        raise DetailsError(
            "url",
            f"“{_shortened(url)}” is not a web address. A source's URL must start with "
            f"http:// or https:// and name the site, e.g. {URL_EXAMPLE}; or leave it empty.",
        )
    return url


def checked_date(field: str, label: str, text: str) -> dt.date | None:
    """A date written YYYY-MM-DD (or "17 October 2024"), or None for an empty field."""
    written = " ".join(text.split())
    if not written:
        return None
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        pass
    # Written out as a date line writes it, read the way import reads one (month names in
    # English whatever the system's locale); never 10/11/2024, which is ambiguous.
    written_out = date_line(written)
    if written_out is not None:
        return written_out
    raise DetailsError(
        field,
        f"“{_shortened(written)}” is not a date. Write the {label} as YYYY-MM-DD, "
        f"e.g. {DATE_EXAMPLE}, or leave it empty.",
    )


def with_details(source: Source, details: TypedDetails) -> Source:
    """source carrying details; DetailsError (the first problem) when one cannot be kept.

    A date accessed left as it was keeps its time of day; a new one is taken as midnight UTC,
    since only the day is shown and cited.
    """
    published = checked_date("published", "publication date", details.published)
    accessed = checked_date("accessed", "date accessed", details.accessed)
    url = checked_url(details.url)
    retrieved = source.retrieved
    if accessed is None:
        retrieved = None
    elif retrieved is None or retrieved.date() != accessed:
        retrieved = dt.datetime.combine(accessed, dt.time(), tzinfo=dt.UTC)
    return source.model_copy(
        update={
            "outlet": details.outlet.strip(),
            "title": details.title.strip(),
            "author": details.author.strip(),
            "published": published,
            "url": url,
            "retrieved": retrieved,
        }
    )


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
