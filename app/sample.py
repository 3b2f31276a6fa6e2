"""The embedded sample article a first start opens (Sky News, October 2024)."""

from __future__ import annotations

from importlib.resources import files

from app.importing import import_text
from app.models import Source

SAMPLE_RESOURCE = "sample-article.txt"


def load_sample() -> Source:
    """The sample article as a Source, read from the resources package."""
    text = files("resources").joinpath(SAMPLE_RESOURCE).read_text(encoding="utf-8")
    # Shipped with the app, not fetched: there is no date it was accessed.
    return import_text(text, origin="Sample article", outlet="Sky News", retrieved=None)
