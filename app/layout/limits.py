"""The caps that keep every export bounded, and how text is cut or split to meet them.

A briefing file may hold anything (a 20 MB note, a 2,000-character marking, a word of
100,000 letters). Both writers lay out pure Python, so an export's time must grow with the
briefing's length only linearly, and no page may be asked to hold more than a page. Text
beyond a cap is cut where the reader sees it: the document says how much is missing
(CUT_NOTE) and the export warns, and the briefing file keeps every character.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from app.layout import blocks as b
from app.models import Briefing, Item, Section

# ----- caps (listed in the README's "Limits and safety") ---------------------------------------
# One text of an item (a note, a statement's words, a question, an analyst's remark), the bottom
# line, a source's details: about 25 pages of body text, far beyond any briefing's need.
TEXT_CHARS = 100_000
# Items of one section: a section beyond this (a flood of figures from one line of a table,
# say) shows its first SECTION_ITEMS, then a note of how many more there are.
SECTION_ITEMS = 20_000
# The briefing's title and a section heading: a few lines of large type.
HEADING_CHARS = 500
# The protective marking, printed in the header and the footer of every page: beyond this the
# page furniture would crowd out the page's text.
MARKING_CHARS = 200
# Document properties (title, subject, author, keywords): Word's own limit, kept for the PDF too.
PROPERTY_CHARS = 255
# A figure-table cell: a few pages of a narrow column. A taller row splits over pages.
CELL_CHARS = 5_000
# PDF: a longer paragraph is set as consecutive pieces of at most this many characters, so
# carrying a paragraph over a page never breaks more than a piece into lines again.
PIECE_CHARS = 3_000
# PDF: a longer figure table is set as consecutive tables of at most this many rows (each
# with the header row), for the same reason.
TABLE_PIECE_ROWS = 100
# Word: a word longer than this gets an invisible break opportunity (a zero-width space)
# every WORD_BREAK_EVERY characters, so Word and LibreOffice can wrap it.
LONG_WORD_CHARS = 100
WORD_BREAK_EVERY = 50

_ZERO_WIDTH_SPACE = "\u200b"
_LOOK_BACK = 0.1  # a cut moves back to a space at most this share of the cap
_MAX_MARK_STEPS = 32  # a cut never separates a letter from its accents (up to this many)


def cut_note(more: int) -> str:
    """What the reader sees where text was cut."""
    return f"… [cut: {more:,} more characters; see the briefing file]"


# The warnings, one per kind of cut, for the person exporting; {noun}, {were} and {them}
# agree with the count.
_WARNINGS = {
    "text": (
        "{n} {noun} longer than {cap:,} characters (a note, a statement, a question or "
        "the bottom line) {were} cut in the export, with a note of how much is missing. The "
        "briefing file keeps {them} whole."
    ),
    "heading": (
        "{n} {noun} longer than {cap:,} characters {were} cut in the export, with a note of "
        "how much is missing."
    ),
    "marking": (
        "The protective marking is longer than a page header can hold; its first {cap:,} "
        "characters are printed on every page, with a note of how much is missing. The "
        "briefing file keeps it whole."
    ),
    "cell": (
        "{n} {noun} held more than {cap:,} characters; {they} {were} cut in the export, "
        "with a note of how much is missing. The briefing file keeps {them} whole."
    ),
}
_NOUNS = {  # (one, several)
    "text": ("text", "texts"),
    "heading": ("title or section heading", "titles or section headings"),
    "marking": ("marking", "markings"),
    "cell": ("figure-table cell", "figure-table cells"),
}


def _warning(kind: str, count: int) -> str:
    one = count == 1
    return _WARNINGS[kind].format(
        n=count,
        cap=_CAPS[kind],
        noun=_NOUNS[kind][0 if one else 1],
        were="was" if one else "were",
        they="it" if one else "they",
        them="it" if one else "them",
    )


_CAPS = {
    "text": TEXT_CHARS,
    "heading": HEADING_CHARS,
    "marking": MARKING_CHARS,
    "cell": CELL_CHARS,
}


@dataclass
class Cuts:
    """Counts what was cut, by kind, for one warning per kind."""

    counts: Counter[str] = field(default_factory=Counter)
    sections: list[tuple[str, int]] = field(default_factory=list)  # (title, items left out)

    def cut(self, text: str, limit: int, kind: str) -> str:
        """text, or its first limit characters and the cut note (counted under kind)."""
        kept, more = cut_text(text, limit)
        if more:
            self.counts[kind] += 1
        return kept

    def warnings(self) -> list[str]:
        kinds = [_warning(kind, self.counts[kind]) for kind in _WARNINGS if self.counts[kind]]
        return [*kinds, *(_section_warning(title, more) for title, more in self.sections)]


def _section_warning(title: str, more: int) -> str:
    return (
        f"“{title}” holds {SECTION_ITEMS + more:,} items; the export shows its first "
        f"{SECTION_ITEMS:,}, with a note of how many more there are. The briefing file "
        "keeps them all."
    )


def items_cut_note(more: int) -> str:
    """What the reader sees at the end of a section whose items were cut."""
    return f"[cut: {more:,} more items of this section; see the briefing file]"


def cut_point(text: str, limit: int) -> int:
    """Where to cut text to keep at most limit characters: after the last space in the
    last tenth before the limit, else at the limit itself (a word longer than that is
    broken), never between a letter and its combining accents."""
    if len(text) <= limit:
        return len(text)
    space = text.rfind(" ", max(1, limit - int(limit * _LOOK_BACK)), limit)
    if space > 0:
        return space + 1
    point = limit
    for _ in range(_MAX_MARK_STEPS):
        if point <= 1 or not unicodedata.combining(text[point]):
            break
        point -= 1
    return point


def cut_text(text: str, limit: int) -> tuple[str, int]:
    """text within limit characters (plus the cut note), and how many were left out."""
    if len(text) <= limit:
        return text, 0
    point = cut_point(text, limit)
    more = len(text) - point
    return text[:point].rstrip() + " " + cut_note(more), more


def cut_spans(spans: b.Spans, limit: int) -> tuple[b.Spans, int]:
    """spans keeping at most limit characters of text, the cut note after the last one
    kept; and how many characters were left out."""
    total = sum(len(span.text) for span in spans)
    if total <= limit:
        return spans, 0
    kept: list[b.Span] = []
    room = limit
    for span in spans:
        if len(span.text) <= room:
            kept.append(span)
            room -= len(span.text)
            continue
        point = cut_point(span.text, room) if room else 0
        if point:
            kept.append(b.Span(span.text[:point].rstrip(), span.style, span.url))
        break
    more = total - sum(len(span.text) for span in kept)
    return (*kept, b.Span(" " + cut_note(more))), more


def pieces(spans: b.Spans, limit: int = PIECE_CHARS) -> list[b.Spans]:
    """spans as consecutive groups of at most limit characters each, split between words
    where there is a space near the limit: together they hold every character."""
    if sum(len(span.text) for span in spans) <= limit:
        return [spans]
    groups: list[list[b.Span]] = [[]]
    room = limit
    for span in spans:
        text = span.text
        while len(text) > room:
            point = cut_point(text, room) if room else 0
            if point:
                groups[-1].append(b.Span(text[:point], span.style, span.url))
            text = text[point:]
            groups.append([])
            room = limit
        if text:
            groups[-1].append(b.Span(text, span.style, span.url))
            room -= len(text)
    return [tuple(group) for group in groups if group]


def page_marking(marking: str) -> str:
    """The marking as the page header and footer print it: within MARKING_CHARS, with the
    cut note (the layout warns; document properties keep their own 255 characters)."""
    return cut_text(marking, MARKING_CHARS)[0]


def property_text(text: str) -> str:
    """text within PROPERTY_CHARS, ending in "…" when cut (a property has no room for a note)."""
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"


def breakable(text: str) -> str:
    """text with a zero-width space every WORD_BREAK_EVERY characters inside each word
    longer than LONG_WORD_CHARS, where a writer may wrap it; other words as they are."""
    if len(text) <= LONG_WORD_CHARS or _longest_word(text) <= LONG_WORD_CHARS:
        return text
    return " ".join(_broken_word(word) for word in text.split(" "))


def _longest_word(text: str) -> int:
    return max(map(len, text.split(" ")))


def _broken_word(word: str) -> str:
    if len(word) <= LONG_WORD_CHARS:
        return word
    step = WORD_BREAK_EVERY
    return _ZERO_WIDTH_SPACE.join(word[start : start + step] for start in range(0, len(word), step))


# ----- the briefing's own fields, capped before layout -----------------------------------------
_SOURCE_FIELDS = ("title", "outlet", "author", "url", "origin")  # what a source entry shows
_ITEM_SKIPPED = frozenset({"id", "kind"})  # never shown, never long


def bounded_briefing(briefing: Briefing, cuts: Cuts) -> Briefing:
    """briefing with every text the export shows within its cap (cut, with the cut note
    and counted in cuts); the same object when nothing is over, as nearly always."""
    update: dict[str, object] = {
        name: cuts.cut(value, limit, kind)
        for name, limit, kind in (
            ("title", HEADING_CHARS, "heading"),
            ("author", HEADING_CHARS, "heading"),
            ("bottom_line", TEXT_CHARS, "text"),
            ("likelihood", HEADING_CHARS, "heading"),
        )
        if len(value := getattr(briefing, name)) > limit
    }
    sections = tuple(_bounded_section(section, cuts) for section in briefing.sections)
    if any(new is not old for new, old in zip(sections, briefing.sections, strict=True)):
        update["sections"] = sections
    sources = tuple(_bounded_model(source, _SOURCE_FIELDS, cuts) for source in briefing.sources)
    if any(new is not old for new, old in zip(sources, briefing.sources, strict=True)):
        update["sources"] = sources
    return briefing.model_copy(update=update) if update else briefing


def _bounded_section(section: Section, cuts: Cuts) -> Section:
    items = tuple(_bounded_item(item, cuts) for item in section.items)
    update: dict[str, object] = {}
    if any(new is not old for new, old in zip(items, section.items, strict=True)):
        update["items"] = items
    if len(section.title) > HEADING_CHARS:
        update["title"] = cuts.cut(section.title, HEADING_CHARS, "heading")
    return section.model_copy(update=update) if update else section


def _bounded_item(item: Item, cuts: Cuts) -> Item:
    fields = getattr(type(item), "model_fields", {})  # every item kind is a pydantic model
    names = [name for name in fields if name not in _ITEM_SKIPPED]
    return _bounded_model(item, names, cuts)


_Model = TypeVar("_Model", bound=BaseModel)  # an item or a source: frozen pydantic models


def _bounded_model(model: _Model, names: tuple[str, ...] | list[str], cuts: Cuts) -> _Model:
    update = {
        name: cuts.cut(value, TEXT_CHARS, "text")
        for name in names
        if isinstance(value := getattr(model, name), str) and len(value) > TEXT_CHARS
    }
    return model.model_copy(update=update) if update else model
