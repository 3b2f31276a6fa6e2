"""Articles written for these tests, and a helper comparing them as bare articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.compare import compare_articles
from app.compare.types import Comparison, FigureGroup
from app.extraction import extract
from app.importing import import_file, import_text
from app.models import Source
from app.sample import load_sample

DATA = Path(__file__).parents[2] / "data" / "compare"
HERALD = DATA / "northern-herald-2024-10-17.txt"
MERIDIAN = DATA / "meridian-post-2024-10-18.txt"


def article(text: str, outlet: str, day: int = 18) -> Source:
    """A short article of our own, with a title line, from outlet on day October 2024."""
    return import_text(
        "A report for the tests\n\n" + text, outlet=outlet, published=dt.date(2024, 10, day)
    )


def compared(*sources: Source) -> Comparison:
    return compare_articles(sources, [extract(s) for s in sources])


def story() -> tuple[Source, Source, Source]:
    """The sample with our two articles on the same story."""
    return load_sample(), import_file(HERALD), import_file(MERIDIAN)


def group_with(comparison: Comparison, text: str, source_name: str) -> FigureGroup:
    """The group holding the figure written text in the article named source_name."""
    return next(
        group
        for group in comparison.groups
        for figure in group.figures
        if figure.text.endswith(text) and figure.source_name == source_name
    )
