"""The neutral document: blocks both writers render, by style name, without deciding content.

Style names are the contract between layout() and the writers. The Word writer finds each
in the reference .docx; the PDF writer in its stylesheet. Nothing else crosses over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, assert_never

PageSize = Literal["A4", "Letter"]
SpanStyle = Literal["plain", "strong", "emphasis", "link", "reference"]

# Paragraph styles; the Word writer expects each in the reference document.
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
BODY = "Body Text"
BOTTOM_LINE = "Bottom Line"
QUOTE = "Quote"
ATTRIBUTION = "Attribution"
ANALYST_NOTE = "Analyst Note"
LIST_NUMBER = "List Number"
LIST_BULLET = "List Bullet"
SOURCE_ENTRY = "Source Entry"
TABLE_HEADING = "Table Heading"
TABLE_TEXT = "Table Text"
PARAGRAPH_STYLES = (
    TITLE,
    SUBTITLE,
    HEADING_1,
    HEADING_2,
    BODY,
    BOTTOM_LINE,
    QUOTE,
    ATTRIBUTION,
    ANALYST_NOTE,
    LIST_NUMBER,
    LIST_BULLET,
    SOURCE_ENTRY,
    TABLE_HEADING,
    TABLE_TEXT,
)


@dataclass(frozen=True)
class Span:
    """A run of text inside a paragraph. Only a "link" span carries a url."""

    text: str
    style: SpanStyle = "plain"
    url: str = ""


Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    spans: Spans
    style: str = BODY

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 for a section, 2 below it

    @property
    def style(self) -> str:
        return HEADING_1 if self.level == 1 else HEADING_2


@dataclass(frozen=True)
class Quote:
    """A statement: its words, then who said them and where they were reported."""

    spans: Spans
    attribution: Spans
    note: Spans = ()


@dataclass(frozen=True)
class FigureTable:
    """Rows of figures under one header row, repeated when the table runs over a page."""

    header: tuple[str, ...]
    rows: tuple[tuple[Spans, ...], ...]
    column_widths: tuple[float, ...]  # fractions of the text width, summing to 1


@dataclass(frozen=True)
class NumberedList:
    """A numbered list (open questions); each entry is one paragraph.

    start > 1 continues the numbering of the list before it in the same section.
    """

    entries: tuple[Spans, ...]
    start: int = 1


@dataclass(frozen=True)
class BulletList:
    """A bulleted list (the analyst's own "- " lines); each entry is one paragraph."""

    entries: tuple[Spans, ...]


@dataclass(frozen=True)
class SourceEntry:
    number: int  # 0 when citations name the source inline, so the list is not numbered
    spans: Spans


@dataclass(frozen=True)
class SourceList:
    entries: tuple[SourceEntry, ...]


Block = Paragraph | Heading | Quote | FigureTable | NumberedList | BulletList | SourceList


@dataclass(frozen=True)
class DocumentLayout:
    """Everything a writer needs: metadata, page furniture and the blocks in reading order."""

    title: str
    subject: str
    author: str
    marking: str
    page_size: PageSize
    blocks: tuple[Block, ...]
    header_text: str = ""  # the template's own line at the top of every page
    footer_text: str = ""  # and at the bottom, above the page number
    # Things to tell the person exporting (e.g. a quote that no longer matches its article).
    warnings: tuple[str, ...] = field(default=())

    def plain_text(self) -> str:
        """The document's words in reading order, for tests and search."""
        return "\n".join(_block_text(block) for block in self.blocks)


def spans_text(spans: Spans) -> str:
    return "".join(span.text for span in spans)


def _block_text(block: Block) -> str:
    match block:
        case Heading() | Paragraph():
            return block.text
        case Quote():
            parts = (block.spans, block.attribution, block.note)
            return "\n".join(spans_text(s) for s in parts if s)
        case FigureTable():
            rows = [" | ".join(block.header)]
            rows += [" | ".join(spans_text(cell) for cell in row) for row in block.rows]
            return "\n".join(rows)
        case NumberedList():
            numbered = enumerate(block.entries, block.start)
            return "\n".join(f"{n}. {spans_text(e)}" for n, e in numbered)
        case BulletList():
            return "\n".join(f"• {spans_text(e)}" for e in block.entries)
        case SourceList():
            return "\n".join(f"{source_label(e)}{spans_text(e.spans)}" for e in block.entries)
        case _:  # a new kind of block must be given its text here
            assert_never(block)


def source_label(entry: SourceEntry) -> str:
    """ "[2] " before a numbered source, nothing before one cited by name."""
    return f"[{entry.number}] " if entry.number else ""
