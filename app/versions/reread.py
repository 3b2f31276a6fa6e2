"""Where Check for Updates reads an article again: from the address it was fetched from,
else the file it was read from, else an address the analyst gave it."""

from __future__ import annotations

import threading
from pathlib import Path

from app.fetching import fetch, is_address
from app.importing import import_file
from app.importing.errors import ImportFailure
from app.importing.web import import_fetched
from app.models import Source


def update_location(source: Source, beside: Path | None = None) -> str:
    """The address or file path the article is read again from; "" when it has none.
    beside: the briefing's folder, where an article's file is looked for when the path
    it was read from is gone (a briefing moved with its articles)."""
    if is_address(source.origin):
        return source.origin
    if source.file_path:
        path = Path(source.file_path)
        if path.exists() or beside is None:
            return str(path)
        moved = beside / path.name
        return str(moved) if moved.exists() else str(path)
    if is_address(source.url):
        return source.url
    return ""


def read_again(
    source: Source, beside: Path | None = None, cancelled: threading.Event | None = None
) -> Source:
    """The article as its address or file gives it now (one request for an address);
    ImportFailure says why it cannot be read."""
    location = update_location(source, beside)
    if not location:
        raise ImportFailure(
            f"{_name(source)} was pasted or made by the app: it has no address or file to "
            "check for updates. Give it an address in Article → Properties first."
        )
    if is_address(location):
        return import_fetched(fetch(location, cancelled=cancelled))
    return import_file(location, encoding=source.encoding)


def _name(source: Source) -> str:
    return f"“{source.title}”" if source.title else "The article"
