"""What the sections layout() adds after a template's own (figures compared, glossary, since
the last briefing) need from the layout under way: citations, numbering, grading, cuts.

A Protocol, so those modules stay beside build.py without reaching into its private
classes, and numbering and citation order run on through the whole document.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from app.layout import blocks as b
from app.layout.limits import CELL_CHARS, SECTION_ITEMS, Cuts, cut_spans, items_cut_note
from app.models import Item


class Cites(Protocol):
    def reference(self, item: Item) -> b.Spans:
        """' [1, ¶4]' (or ' (Sky News, ¶4)') for an anchored item; nothing otherwise."""
        ...

    def number_of(self, source_id: str) -> int | None:
        """The source's number if the briefing has cited it so far."""
        ...


class LayoutParts(Protocol):
    """The layout's running state, as build._Context holds it."""

    @property
    def citations(self) -> Cites: ...

    @property
    def cuts(self) -> Cuts: ...

    @property
    def numbered(self) -> bool: ...

    @property
    def grading(self) -> bool: ...

    @property
    def mark_hedged(self) -> bool: ...

    def take_number(self) -> int | None: ...

    def number(self) -> b.Spans: ...


def in_cell(reference: b.Spans) -> b.Spans:
    """A citation alone in a table cell: "[2, ¶3]" as in the text, but an inline
    "(Sky News, ¶3)" loses its brackets, which only set it off from prose."""
    if not reference:
        return (b.Span("—"),)
    text = reference[-1].text
    text = text[1:-1] if text.startswith("(") else text
    return (b.Span(text, "reference"),)


def bounded_row(row: tuple[b.Spans, ...], cuts: Cuts) -> tuple[b.Spans, ...]:
    """The row with each cell within CELL_CHARS (a huge cell would take minutes to lay out)."""
    bounded = []
    for cell in row:
        kept, more = cut_spans(cell, CELL_CHARS)
        if more:
            cuts.counts["cell"] += 1
        bounded.append(kept)
    return tuple(bounded)


_Entry = TypeVar("_Entry")


def at_most(entries: list[_Entry], title: str, cuts: Cuts) -> tuple[list[_Entry], list[b.Block]]:
    """entries within SECTION_ITEMS, and the note to put after them when some were left
    out (counted in cuts under the section's title, for the export's warning)."""
    more = len(entries) - SECTION_ITEMS
    if more <= 0:
        return entries, []
    cuts.sections.append((title, more))
    note = b.Paragraph((b.Span(items_cut_note(more), "emphasis"),), b.BODY)
    return entries[:SECTION_ITEMS], [note]
