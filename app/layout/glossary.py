"""The Glossary at the end of an export: each acronym or short name with what it stands for.

Terms are sorted as a reader looks them up (case and accents aside). A term the analyst
has not explained yet is left out, since a glossary entry without a meaning helps no one;
the export's warnings count them (app.layout.checks).
"""

from __future__ import annotations

import unicodedata

from app.glossary import glossary_for_export
from app.layout import blocks as b
from app.layout.parts import LayoutParts, at_most, bounded_row
from app.layout.wording import clean, typographic
from app.models import Briefing, GlossaryEntry

GLOSSARY = "Glossary"
GLOSSARY_COLUMNS = ("Term", "Stands for")
GLOSSARY_WIDTHS = (0.28, 0.72)


def explained_entries(briefing: Briefing) -> list[GlossaryEntry]:
    """The terms the glossary explains (app.glossary decides which), sorted by term."""
    entries = [
        entry
        for entry in glossary_for_export(briefing)
        if clean(entry.term) and clean(entry.expansion)  # blank once cleaned: nothing to print
    ]
    return sorted(entries, key=lambda entry: (_sort_key(entry.term), clean(entry.expansion)))


def unexplained_count(briefing: Briefing) -> int:
    """How many glossary terms the export leaves out for want of an expansion."""
    return len(briefing.glossary) - len(explained_entries(briefing))


def _sort_key(term: str) -> str:
    """ "État" beside "Etat", "nato" beside "NATO": accents and case do not move a term."""
    decomposed = unicodedata.normalize("NFKD", clean(term).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def glossary_section(briefing: Briefing, parts: LayoutParts, *, heading: str) -> list[b.Block]:
    """The heading and a two-column table of terms, or nothing when no term is explained."""
    entries, cut_note = at_most(explained_entries(briefing), heading, parts.cuts)
    if not entries:
        return []
    rows = tuple(bounded_row(_row(entry), parts.cuts) for entry in entries)
    return [b.Heading(heading), b.FigureTable(GLOSSARY_COLUMNS, rows, GLOSSARY_WIDTHS), *cut_note]


def _row(entry: GlossaryEntry) -> tuple[b.Spans, ...]:
    return (b.Span(clean(entry.term), "strong"),), (b.Span(typographic(clean(entry.expansion))),)
