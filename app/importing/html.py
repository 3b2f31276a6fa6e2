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

# The normal extraction is taken when it keeps this many times more text than the
# precision-first one (which then kept a banner or a notice, not the article).
_FALLBACK_RATIO = 2.0
# An article shorter than _MIN_ARTICLE_CHARS on a page of at least _SHORT_PAGE_CHARS of text,
# or less than _MIN_SHARE of the page's text, gets a warning; longer ones never do.
_SURELY_ENOUGH_CHARS = 2_000
_MIN_ARTICLE_CHARS = 400
_SHORT_PAGE_CHARS = 2_000
_MIN_SHARE = 0.05
_PAGE_START_CHARS = 50  # where trafilatura looks for "html" to accept a file as a page


@dataclass(frozen=True)
class PageText:
    text: str
    title: str = ""
    author: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    warning: str = ""  # for the user, when the article looks much shorter than the page


def read_html(markup: str, *, name: str) -> PageText:
    """Main text and metadata of an HTML page held in memory."""
    document, text = _article(markup, name=name)
    if not text.strip() and _is_fragment(markup):
        # trafilatura takes a file whose start does not say "html" and that parses to one
        # element for something other than a page: a saved fragment (paragraphs, a cut
        # page) is read once more as the body of a page.
        markup = f"<html><body>{markup}</body></html>"
        document, text = _article(markup, name=name)
    if not text.strip():
        raise ImportFailure(f"{name} holds no readable article text.")
    details = page_details(markup, document)
    return PageText(
        text=text,
        warning=_short_article_warning(markup, text, name=name),
        title=details.title,
        author=details.author,
        outlet=details.outlet,
        url=details.url,
        published=details.published,
    )


def _article(markup: str, *, name: str) -> tuple[object, str]:
    """trafilatura's document for markup and the article text kept from it ('' if none)."""
    try:
        document = _extract(markup, with_metadata=True)
    except Exception:  # broken metadata must not cost the article: read the text alone
        try:
            document = _extract(markup, with_metadata=False)
        except Exception:  # lxml and trafilatura raise many kinds on broken markup
            # Their messages name parser internals: the user is told what it means instead.
            raise ImportFailure(
                f"{name} could not be read as a web page: its markup is too damaged or too "
                "deeply nested to take apart."
            ) from None
    text = _fuller_text(markup, getattr(document, "text", None) or "")
    return document, text or _page_text(markup)


def _is_fragment(markup: str) -> bool:
    return "html" not in markup[:_PAGE_START_CHARS].lower()


def _short_article_warning(markup: str, text: str, *, name: str) -> str:
    """A warning when the article kept is a small part of the page's text (the extraction
    kept a notice or a teaser, not the article); '' otherwise."""
    kept = len(text.strip())
    if kept >= _SURELY_ENOUGH_CHARS:
        return ""
    page = len(_page_text(markup).strip())
    if page < _SHORT_PAGE_CHARS or (kept >= _MIN_ARTICLE_CHARS and kept >= _MIN_SHARE * page):
        return ""
    return (
        f"{name}: only {kept:,} characters of article text were found on a page with "
        f"{page:,} characters of text. Part of the article may be missing: compare it with "
        "the page, or copy the article's text and paste it."
    )


def _page_text(markup: str) -> str:
    """All the page's text (no article detection); '' when lxml cannot take it apart."""
    try:
        return trafilatura.html2txt(markup) or ""
    except Exception:  # broken markup: the caller says what that means
        return ""


def _fuller_text(markup: str, precise: str) -> str:
    """The precision-first text, or the normal extraction's when the first kept far less
    (a reprint notice, a date or an outdated-browser banner instead of the article)."""
    try:
        normal = _extract(markup, with_metadata=False, favor_precision=False)
    except Exception:  # the precise text, if any, is still worth having
        return precise
    fuller = getattr(normal, "text", None) or ""
    return fuller if len(fuller) > _FALLBACK_RATIO * len(precise) else precise


def _extract(markup: str, *, with_metadata: bool, favor_precision: bool = True) -> object:
    # The date only from the page's markup (its meta tags, structured data, URL), never
    # from a date that happens to appear in the article's text (htmldate's extensive search).
    return trafilatura.bare_extraction(
        markup,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=favor_precision,
        date_extraction_params=set_date_params(extensive=False),
    )
