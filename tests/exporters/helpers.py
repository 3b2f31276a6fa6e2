"""Briefings and read-back helpers shared by the Word, PDF and LibreOffice export tests."""

from __future__ import annotations

from pathlib import Path

import pypdf

from app.extraction import extract
from app.models import Briefing, Figure, Note, Section
from app.proposals import briefing_from_article
from app.sample import load_sample
from tests.factories import rich_briefing

TITLE = "Border crisis — Ελληνικά brief"
AUTHOR = "Анна Аналитик"
SOURCE_TITLE = "Κρίση στα σύνορα"
MARKING = "OFFICIAL-SENSITIVE"
URL = "https://news.test/a?b=1&c=2"
GREEK = "Ελληνικά"
CYRILLIC = "кириллица"
ACCENTED = "Café déjà vu, naïve Zoë in Łódź"
EMOJI = "😀"
MARKUP = ("<b>markup</b>", "&", '<img src="file:///etc/passwd">', '<font color="red">')


def unicode_briefing(
    *, marking: str = MARKING, emoji: bool = True, items_per_section: int = 1
) -> Briefing:
    """rich_briefing() whose exported words carry Greek, Cyrillic, accents and markup-like text.

    rich_briefing() keeps its Unicode in the article text, which no export shows; this puts
    it into the title, the author, the source title (the subject) and a last section.
    """
    base = rich_briefing(items_per_section=items_per_section)
    source = base.sources[0].model_copy(update={"title": SOURCE_TITLE, "url": URL})
    words = f"{GREEK}, {CYRILLIC}, {ACCENTED}" + (f" {EMOJI}" if emoji else "")
    # Note text is set with typographic quotes; a figure's counts are kept as written.
    literal = Figure(text="1", value=1, counts="Literal: " + " ".join(MARKUP))
    languages = Section(title="Languages", items=(Note(text=words), literal))
    return base.model_copy(
        update={
            "title": TITLE,
            "author": AUTHOR,
            "marking": marking,
            "sources": (source,),
            "sections": (*base.sections, languages),
        }
    )


def sample_briefing(*, marking: str = MARKING) -> Briefing:
    """The briefing a first-time user gets from the embedded sample article."""
    source = load_sample()
    briefing = briefing_from_article(source, extract(source))
    return briefing.model_copy(update={"marking": marking})


def flat(text: str) -> str:
    """Whitespace runs as single spaces, so words wrapped over lines compare as written."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without any whitespace, for words a writer had to break over several lines."""
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """The extracted text of each page of the PDF at path."""
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]
