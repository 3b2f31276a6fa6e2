"""Saved web pages: trafilatura keeps the article's main text and metadata, drops the rest.

The HTML is only parsed (lxml): no script runs and nothing is fetched, images and links
included, because trafilatura is given the markup and never a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

from app.importing.errors import ImportFailure


@dataclass(frozen=True)
class PageText:
    text: str
    title: str = ""
    author: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None


def read_html(markup: str, *, name: str) -> PageText:
    """Main text and metadata of an HTML page held in memory."""
    try:
        document = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise ImportFailure(f"{name} could not be read as a web page ({error}).") from None
    text = getattr(document, "text", None) or trafilatura.html2txt(markup) or ""
    if not text.strip():
        raise ImportFailure(f"{name} holds no readable article text.")
    return PageText(
        text=text,
        title=_field(document, "title"),
        author=_field(document, "author"),
        outlet=_field(document, "sitename"),
        url=_field(document, "url"),
        published=_parse_date(_field(document, "date")),
    )


def _field(document: object, name: str) -> str:
    value = getattr(document, name, None)
    return value.strip() if isinstance(value, str) else ""


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
