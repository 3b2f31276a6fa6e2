"""Saved web pages: trafilatura keeps the article's main text and metadata, drops the rest.

The HTML is only parsed (lxml): no script runs and nothing is fetched, images and links
included, because trafilatura is given the markup and never a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import set_date_params

from app.importing.errors import ImportFailure
from app.importing.html_details import page_details


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
        document = _extract(markup, with_metadata=True)
    except Exception:  # broken metadata must not cost the article: read the text alone
        try:
            document = _extract(markup, with_metadata=False)
        except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
            raise ImportFailure(f"{name} could not be read as a web page ({error}).") from None
    text = getattr(document, "text", None) or trafilatura.html2txt(markup) or ""
    if not text.strip():
        raise ImportFailure(f"{name} holds no readable article text.")
    details = page_details(markup, document)
    return PageText(
        text=text,
        title=details.title,
        author=details.author,
        outlet=details.outlet,
        url=details.url,
        published=details.published,
    )


def _extract(markup: str, *, with_metadata: bool) -> object:
    # The date only from the page's markup (its meta tags, structured data, URL), never
    # from a date that happens to appear in the article's text (htmldate's extensive search).
    return trafilatura.bare_extraction(
        markup,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params=set_date_params(extensive=False),
    )
