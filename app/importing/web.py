"""An article fetched from its address, read like a file of its type."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from app.fetching import HTML_TYPES, PDF_TYPES, Fetched, fetch, is_address
from app.importing import _from_html, _from_pdf, import_file, import_text
from app.importing.decoding import decode_text
from app.importing.errors import ImportFailure
from app.models import Snapshot, Source


def import_location(
    location: str, *, encoding: str | None = None, warnings: list[str] | None = None
) -> Source:
    """An article from a file, or from an http(s) address (one request: the page only)."""
    if is_address(location):
        return import_fetched(fetch(location), warnings)
    return import_file(location, encoding=encoding, warnings=warnings)


def import_fetched(fetched: Fetched, warnings: list[str] | None = None) -> Source:
    """A Source from a fetched page or PDF, with its address and the time it was fetched."""
    found: list[str] = [] if warnings is None else warnings
    name = _page_name(fetched.final_url)
    if not fetched.body.strip():
        raise ImportFailure(f"The page at {name} is empty: there is nothing to import.")
    if fetched.media_type in PDF_TYPES:
        source = _pdf(fetched.body, name, found)
    else:
        markup = fetched.media_type in HTML_TYPES
        # A charset the server declares comes first (HTTP says so); else the page's own
        # declaration, else the guess, as for files.
        text, used = decode_text(
            fetched.body,
            name=name,
            encoding=fetched.charset or None,
            markup=markup,
            warnings=found,
        )
        if markup:
            source = _from_html(text, name, used, found)
        else:
            source = import_text(text, origin=name, encoding=used, retrieved=None, warnings=found)
    if _looks_like_a_paywall(source):
        raise ImportFailure(
            f"The page at {name} holds almost no article text and asks to subscribe or sign "
            "in: it looks like a paywall. Save the page from your browser and open the file."
        )
    return source.model_copy(
        update={
            "url": source.url or fetched.final_url,
            "origin": fetched.url,
            "retrieved": fetched.retrieved,
            "snapshot": Snapshot.of(
                fetched.body,
                media_type=fetched.media_type,
                charset=fetched.charset,
                final_url=fetched.final_url,
                retrieved=fetched.retrieved,
            ),
        }
    )


def _pdf(body: bytes, name: str, warnings: list[str]) -> Source:
    # The PDF reader works on a file (it runs in a child process with time limits).
    with tempfile.TemporaryDirectory(prefix="briefing-builder-") as folder:
        path = Path(folder) / (Path(name).stem or "page")
        path = path.with_suffix(".pdf")
        path.write_bytes(body)
        return _from_pdf(path, warnings)


_PAYWALL_WORDS = ("subscribe", "subscription", "sign in to", "log in to", "paywall")
_PAYWALL_TEXT_CHARS = 600


def _looks_like_a_paywall(source: Source) -> bool:
    text = source.text.lower()
    return len(source.text) < _PAYWALL_TEXT_CHARS and any(w in text for w in _PAYWALL_WORDS)


def _page_name(url: str) -> str:
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{parts.hostname or 'page'}{'/' + last if last else ''}"[:120]
