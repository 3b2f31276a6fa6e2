"""The PDF writer: layout blocks into a PDF with reportlab's Platypus, by style name.

Every string goes through pdf_fonts.Markup (escaped, fonts for every script), links only
to web and mail addresses, and nothing in a briefing can name a file or an image to embed.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import assert_never

from reportlab import rl_config
from reportlab.lib.colors import HexColor, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from app.layout import blocks as b
from exporters import styles
from exporters.common import ExportError, ExportReport, write_atomically
from exporters.pages import PageReport, SectionPages
from exporters.pdf_fonts import MISSING_GLYPH, Markup, Node, register_fonts, sets_plainly
from exporters.pdf_styles import CELL_PADDING, REFERENCE_COLOUR, figure_table_style, stylesheet

# Streams are compressed and left binary, as PDF allows, rather than also spelled out in
# ASCII85 (reportlab's default, for 1990s mail): smaller files, and the pass over every
# embedded font and page, in pure Python, is gone. This process's reportlab is ours alone.
rl_config.useA85 = 0
mm: float = _reportlab_mm  # a millimetre in points, typed (reportlab ships no types)
REFERENCE_SIZE = 8.5  # points: a citation is set a little smaller than the text it cites
BODY_GAP = 6  # points between a list's last entry and the paragraph after it
HEADING_ROOM = 45 * mm  # a heading with less space than this below it starts a new page
_SPAN_TAGS = {"strong": "b", "emphasis": "i"}
_COLLAPSED_SPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class RenderedPdf:
    """A PDF's bytes, the warnings for the user, and where its pages fall."""

    data: bytes
    warnings: list[str]
    pages: PageReport


def pdf_bytes(
    document_layout: b.DocumentLayout,
    *,
    invariant: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[str]]:
    """The layout as PDF bytes, with warnings for the user (e.g. characters no font has);
    progress, if given, hears (flowables placed, flowables in all) as pages are laid out."""
    rendered = render_pdf(document_layout, invariant=invariant, progress=progress)
    return rendered.data, rendered.warnings


def render_pdf(
    document_layout: b.DocumentLayout,
    *,
    invariant: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> RenderedPdf:
    """The layout as a PDF, with its warnings and its page count by section (recorded in
    the same layout pass: counting pages never lays the document out twice)."""
    font = register_fonts()
    markup = Markup()
    sheet = stylesheet(font)
    stream = io.BytesIO()
    furniture = _PageFurniture(sheet, markup, document_layout)
    template = _document(stream, document_layout, furniture, invariant=invariant)
    if progress is not None:
        template.setProgressCallBack(_ProgressReport(progress))
    flowables = _Flowables(sheet, markup, template.width).all(document_layout.blocks)
    try:
        template.build(flowables, canvasmaker=furniture.canvas_class())
    except Exception as error:  # reportlab's LayoutError and friends: say it, do not crash
        raise ExportError(f"The PDF could not be laid out: {error}") from None
    pages = PageReport(pages=template.page, sections=tuple(template.sections))
    warnings = [*document_layout.warnings, *_warnings(markup)]
    return RenderedPdf(stream.getvalue(), warnings, pages)


class _BriefingDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab ships no types
    """The document template, noting as it places each flowable the page each section
    (from its Heading 1) starts on and the page its last block lands on."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.sections: list[SectionPages] = []

    def afterFlowable(self, flowable: Flowable) -> None:  # reportlab's hook and name
        for placed in _placed(flowable):
            title = getattr(placed, "section_title", None)
            if title is not None:
                self.sections.append(SectionPages(title, self.page, self.page))
            elif self.sections and not isinstance(placed, _NOT_CONTENT):
                self.sections[-1].last = self.page


_NOT_CONTENT = (CondPageBreak, Spacer)  # they take room but show nothing of a section


def _placed(flowable: Flowable) -> list[Flowable]:
    """flowable, or what a container placed as one piece (KeepTogether) holds."""
    content = getattr(flowable, "_content", None)
    if isinstance(flowable, KeepTogether) and content:
        return [placed for part in content for placed in _placed(part)]
    return [flowable]


class _ProgressReport:
    """reportlab's progress callback, ('SIZE_EST', total) then ('PROGRESS', done), as
    progress(done, total)."""

    def __init__(self, progress: Callable[[int, int], None]) -> None:
        self._progress = progress
        self._total = 0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._total = value
        elif kind == "PROGRESS":
            self._progress(value, self._total)


def export_pdf(document_layout: b.DocumentLayout, path: Path) -> ExportReport:
    """Write the layout to path as a PDF, atomically."""
    data, warnings = pdf_bytes(document_layout)
    write_atomically(path, data)
    return ExportReport(path=path, warnings=warnings)


def _warnings(markup: Markup) -> list[str]:
    warnings = []
    if markup.missing:
        shown = " ".join(sorted(markup.missing)[:12])
        warnings.append(
            f"{len(markup.missing)} character(s) have no font that can show them in the PDF "
            f"({shown}); they appear as {MISSING_GLYPH}. The Word export keeps them."
        )
    if markup.right_to_left:
        warnings.append(
            "Right-to-left text (Hebrew, Arabic, …) is set left to right in the PDF, so it "
            "reads backwards there. The Word export lays it out correctly."
        )
    return warnings


def _document(
    stream: io.BytesIO,
    layout_: b.DocumentLayout,
    furniture: _PageFurniture,
    *,
    invariant: bool,
) -> _BriefingDocument:
    width, height = furniture.page_size
    margin = styles.MARGIN_MM * mm
    top, bottom = furniture.top_margin(), furniture.bottom_margin()
    template = _BriefingDocument(
        stream,
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=bottom,
        title=layout_.title,
        author=layout_.author,
        subject=layout_.subject,
        keywords=layout_.marking,
        creator="Briefing Builder",
        invariant=int(invariant),
    )
    frame = Frame(margin, bottom, width - 2 * margin, height - top - bottom, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return template


TALL_CELL_CHARACTERS = 1200  # about half a page in the narrowest column; taller rows split


class _PageFurniture:
    """Marking and the template's header line at the top of every page; its footer line,
    the marking and "Page x of y" (known only at the end) at the bottom."""

    EDGE = 10 * mm  # from the paper's edge to the header marking and to the page number
    GAP = 5 * mm  # between the furniture and the body text

    def __init__(
        self, sheet: dict[str, ParagraphStyle], markup: Markup, layout_: b.DocumentLayout
    ) -> None:
        self.sheet = sheet
        self._made: dict[tuple[str, str], PdfParagraph] = {}
        width, height = styles.PAGE_SIZES_MM[layout_.page_size]
        self.page_size = (width * mm, height * mm)
        self.text_width = width * mm - 2 * styles.MARGIN_MM * mm
        marking = markup.text(layout_.marking)
        # Each line as (markup, style, height), in order from the paper's edge inwards.
        # A long marking takes several lines: the body moves aside rather than run under it.
        self.top = self._lines(
            [(marking, styles.MARKING), (markup.text(layout_.header_text), styles.HEADER)]
        )
        self.bottom = self._lines(
            [
                ("Page 1 of 1", styles.FOOTER),
                (marking, styles.MARKING),
                (markup.text(layout_.footer_text), styles.FOOTER),
            ]
        )

    def _lines(self, lines: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
        return [(text, style, self._height(text, style)) for text, style in lines if text]

    def _height(self, text: str, style: str) -> float:
        return float(self._paragraph(text, style).height)

    def top_margin(self) -> float:
        return max(styles.MARGIN_MM * mm, self.EDGE + sum(h for *_, h in self.top) + self.GAP)

    def bottom_margin(self) -> float:
        furniture = sum(h for *_, h in self.bottom)
        return max(styles.MARGIN_MM * mm, self.EDGE + furniture + self.GAP)

    def canvas_class(self) -> type[Canvas]:
        furniture = self

        class FurnishedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, object]] = []

            def showPage(self) -> None:  # reportlab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    furniture.draw(self, number, len(self._pages))
                    Canvas.showPage(self)
                Canvas.save(self)

        return FurnishedCanvas

    def draw(self, canvas: Canvas, number: int, total: int) -> None:
        _, height = self.page_size
        y = height - self.EDGE
        for text, style, line_height in self.top:
            y -= line_height
            self._draw(canvas, text, style, y)
        y = self.EDGE
        for index, (text, style, line_height) in enumerate(self.bottom):
            page_number = index == 0  # the first line from the edge is always the number
            self._draw(canvas, f"Page {number} of {total}" if page_number else text, style, y)
            y += line_height

    def _draw(self, canvas: Canvas, text: str, style: str, y: float) -> None:
        self._paragraph(text, style).drawOn(canvas, styles.MARGIN_MM * mm, y)

    def _paragraph(self, text: str, style: str) -> PdfParagraph:
        """The line as a wrapped paragraph, made once: the same lines go on every page."""
        paragraph = self._made.get((text, style))
        if paragraph is None:
            paragraph = PdfParagraph(text, self.sheet[style])
            paragraph.wrap(self.text_width, 1000 * mm)
            self._made[(text, style)] = paragraph
        return paragraph


class _Paragraph(PdfParagraph):  # type: ignore[misc]  # reportlab ships no types
    """A Paragraph that breaks its lines once per width.

    Platypus wraps a flowable several times at the same width (KeepTogether measures its
    parts, the frame wraps them again to place them, a long table re-measures its rows at
    every page it splits), and line breaking is most of a PDF export's time. The lines for
    a width never change, so a second wrap at that width returns the first one's size.
    """

    _wrapped_width: float | None = None
    section_title: str | None = None  # set on a section's heading, for the page count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # split() drops blPara when it gives up on a page: the lines are made anew then.
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) > 1 and self.section_title is not None:  # a heading over two pages
            parts[0].section_title = self.section_title
        return parts


class _Fragments:
    """A paragraph's fragments (runs of text in one font, size and colour), made from its
    tuple-tree nodes as reportlab's markup parser makes them, without reading any markup.

    The parser builds each fragment by copying its parent tag's and applying attributes,
    which is most of a paragraph's cost before line breaking. A briefing has few shapes of
    paragraph (text then a grey reference, say), so each shape is parsed once and later
    paragraphs of that shape copy its fragments with their own text.
    """

    def __init__(self) -> None:
        self._parser = ParaParser()
        self._shapes: dict[tuple[str, _Shape], list[ParaFrag]] = {}

    def __call__(self, nodes: list[Node], style: ParagraphStyle) -> list[ParaFrag]:
        texts: list[str] = []
        key = (style.name, _shape(nodes, texts))
        shape = self._shapes.get(key)
        if shape is None:
            _, fragments, _ = self._parser.tt_parse(("para", None, nodes), style)
            self._shapes[key] = [copy.copy(fragment) for fragment in fragments]
            return list(fragments)
        made = []
        for fragment, text in zip(shape, texts, strict=True):  # one fragment per text node
            fragment = copy.copy(fragment)
            fragment.text = text
            made.append(fragment)
        return made


# A tree with its text left out: (tag, attributes, children's shapes), None for text.
_Shape = tuple[object, ...] | None


def _shape(nodes: list[Node], texts: list[str]) -> tuple[_Shape, ...]:
    """The shape of nodes; their texts are added to texts in reading order."""
    shapes: list[_Shape] = []
    for node in nodes:
        if isinstance(node, str):
            texts.append(node)
            shapes.append(None)
        else:
            tag, attributes, children = node
            shapes.append((tag, tuple(sorted(attributes.items())), _shape(children, texts)))
    return tuple(shapes)


def _cleaned(nodes: list[Node]) -> list[Node]:
    """Whitespace as a Paragraph's markup parser leaves it: runs of spaces and line breaks
    as one space, none at either end of the paragraph. Neighbouring plain text is joined:
    each fragment costs reportlab's line breaking time, whatever its length."""
    cleaned: list[Node] = []
    for node in nodes:
        if isinstance(node, str) and cleaned and isinstance(cleaned[-1], str):
            cleaned[-1] = _collapsed(cleaned[-1] + node)
        else:
            cleaned.append(_collapsed(node))
    if cleaned:
        cleaned[0] = _stripped(cleaned[0], str.lstrip, 0)
        cleaned[-1] = _stripped(cleaned[-1], str.rstrip, -1)
    return cleaned


def _collapsed(node: Node) -> Node:
    if isinstance(node, str):
        return _COLLAPSED_SPACE.sub(" ", node)
    tag, attributes, children = node
    return (tag, attributes, [_collapsed(child) for child in children])


def _stripped(node: Node, strip: Callable[[str], str], end: int) -> Node:
    if isinstance(node, str):
        return strip(node)
    tag, attributes, children = node
    if not children:
        return node
    children = list(children)
    children[end] = _stripped(children[end], strip, end)
    return (tag, attributes, children)


def _is_heading(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return getattr(style, "name", "") in (b.HEADING_1, b.HEADING_2)


class _Flowables:
    """One method per block kind; the look comes from the stylesheet by name."""

    def __init__(self, sheet: dict[str, ParagraphStyle], markup: Markup, width: float) -> None:
        self.sheet = sheet
        self.markup = markup
        self.width = width
        self.fragments = _Fragments()

    def all(self, blocks: tuple[b.Block, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        previous: b.Block | None = None
        for block in blocks:
            drawn = self.block(block)
            if isinstance(block, b.Quote) and flowables and _is_heading(flowables[-1]):
                # A heading never stays behind at a page's foot when its first quote moves on.
                drawn = [KeepTogether([flowables.pop(), *drawn[0]._content])]
            if isinstance(block, b.BulletList) and isinstance(previous, b.Paragraph):
                drawn = self.introduced(flowables.pop(), block)
            flowables += drawn
            previous = block
        return flowables

    def block(self, block: b.Block) -> list[Flowable]:
        match block:
            case b.Heading():
                # Rather than keepWithNext (which drags a long table whole onto the next page
                # and leaves a gap), a heading only moves on when too little room is left.
                heading = self.paragraph((b.Span(block.text),), block.style)
                if block.style == b.HEADING_1:  # a section starts: the page count notes it
                    heading.section_title = block.text
                return [CondPageBreak(HEADING_ROOM), heading]
            case b.Paragraph():
                return [self.paragraph(block.spans, block.style)]
            case b.Quote():
                return [self.quote(block)]
            case b.FigureTable():
                return [self.table(block), Spacer(1, 8)]
            case b.NumberedList():
                return self.numbered(block)
            case b.BulletList():
                return self.bulleted(block.entries)
            case b.SourceList():
                return [
                    self.paragraph((b.Span(b.source_label(e)), *e.spans), b.SOURCE_ENTRY)
                    for e in block.entries
                ]
            case _:  # a new kind of block must be drawn here, not silently left out
                assert_never(block)

    def quote(self, quote: b.Quote) -> KeepTogether:
        parts = [
            self.paragraph(quote.spans, b.QUOTE),
            self.paragraph(quote.attribution, b.ATTRIBUTION),
        ]
        if quote.note:
            parts.append(self.paragraph(quote.note, b.ANALYST_NOTE))
        return KeepTogether(parts)

    def paragraph(self, spans: b.Spans, style: str) -> _Paragraph:
        nodes = _cleaned([node for span in spans for node in self.span(span)])
        sheet_style = self.sheet[style]
        return _Paragraph(None, sheet_style, frags=self.fragments(nodes, sheet_style))

    def span(self, span: b.Span) -> list[Node]:
        if span.style == "link" and span.url:
            return [self.markup.link_tree(span.text, span.url)]
        nodes = self.markup.tree(span.text)
        if span.style == "reference":
            return [("font", {"color": REFERENCE_COLOUR, "size": str(REFERENCE_SIZE)}, nodes)]
        tag = _SPAN_TAGS.get(span.style)
        return [(tag, {}, nodes)] if tag else nodes

    def table(self, figure_table: b.FigureTable) -> Table:
        header = [self.paragraph((b.Span(t),), b.TABLE_HEADING) for t in figure_table.header]
        widths = [self.width * fraction for fraction in figure_table.column_widths]
        rows = [
            [self.cell(cell, width) for cell, width in zip(row, widths, strict=True)]
            for row in figure_table.rows
        ]
        table_style = figure_table_style(self.sheet[b.TABLE_TEXT])
        for row_number, row in enumerate(figure_table.rows, start=1):
            for column, cell in enumerate(row):
                if isinstance(rows[row_number - 1][column], str) and cell[0].style == "reference":
                    self.reference_cell(table_style, (column, row_number))
        # A row taller than a page must split inside itself or the layout fails; but
        # splitInRow also splits ordinary rows at a page foot and leaves an empty sliver of
        # row under the repeated header, so it is used only when some row could need it.
        tall = any(
            len(b.spans_text(cell)) > TALL_CELL_CHARACTERS
            for row in figure_table.rows
            for cell in row
        )
        return Table(
            [header, *rows],
            colWidths=widths,
            repeatRows=1,
            hAlign="LEFT",
            style=table_style,
            splitInRow=int(tall),
        )

    def cell(self, spans: b.Spans, width: float) -> Flowable | str:
        """A figure-table cell: a paragraph, or a plain string when the cell holds one short
        line of plain text. The table draws a string in the cells' font, its baseline one
        font size below the top padding, where a paragraph puts its first line: the same
        line at the same place, without a paragraph's line breaking and drawing machinery
        (a long briefing's table has thousands of cells)."""
        if len(spans) == 1 and spans[0].style in ("plain", "reference"):
            text = spans[0].text
            style = self.sheet[b.TABLE_TEXT]
            size = REFERENCE_SIZE if spans[0].style == "reference" else style.fontSize
            one_line = stringWidth(text, style.fontName, size) <= width - 2 * CELL_PADDING
            as_written = text == _COLLAPSED_SPACE.sub(" ", text).strip(" ")  # none to collapse
            if one_line and as_written and sets_plainly(text):
                return text
        return self.paragraph(spans, b.TABLE_TEXT)

    def reference_cell(self, table_style: TableStyle, at: tuple[int, int]) -> None:
        """A reference drawn as a string: in the reference's size and colour, on the line
        the cells' paragraphs keep (their leading)."""
        style = self.sheet[b.TABLE_TEXT]
        table_style.add("FONT", at, at, style.fontName, REFERENCE_SIZE, style.leading)
        table_style.add("TEXTCOLOR", at, at, HexColor(REFERENCE_COLOUR))

    def numbered(self, numbered: b.NumberedList) -> list[Flowable]:
        style = self.sheet[b.LIST_NUMBER]
        digits = len(str(numbered.start + len(numbered.entries) - 1))
        return [
            _ListEntry(self.paragraph(entry, b.LIST_NUMBER), f"{number}.", 10 + 7 * digits, style)
            for number, entry in enumerate(numbered.entries, numbered.start)
        ]

    def bulleted(self, entries: tuple[b.Spans, ...]) -> list[Flowable]:
        style = self.sheet[b.LIST_BULLET]
        drawn = [
            _ListEntry(self.paragraph(entry, b.LIST_BULLET), "•", style.leftIndent + 14, style)
            for entry in entries
        ]
        if drawn:  # a little more room before the next paragraph, as Word sets it
            drawn[-1].space_after = BODY_GAP
        return drawn

    def introduced(self, introduction: Flowable, bullets: b.BulletList) -> list[Flowable]:
        """The line introducing a list, kept on a page with the list's first entry."""
        entries = self.bulleted(bullets.entries)
        return [KeepTogether([introduction, entries[0]]), *entries[1:]] if entries else []


class _ListEntry(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """One entry of a numbered or bulleted list: its marker ("12." or "•") at the left
    edge on the baseline of its first line, its paragraph indented beside it.

    It draws what reportlab's ListFlowable draws for such an entry (same places, same
    operators), without the list's container and per-entry indenter, which cost a long
    list of questions an eighth of the whole export's time.
    """

    def __init__(
        self, paragraph: Flowable, marker: str, indent: float, style: ParagraphStyle
    ) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.marker = marker
        self.indent = indent
        self.style_ = style  # the marker's font and size (a "style" would be looked up)
        self.space_after: float | None = None  # None: the paragraph's own

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.paragraph.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = width + self.indent, height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        whole = self.paragraph
        parts = whole.split(availWidth - self.indent, availHeight)
        widowed = len(parts) > 1 and hasattr(whole, "blPara")
        if widowed and len(parts[0].blPara.lines) == len(whole.blPara.lines) - 1:
            return []  # as ListFlowable: no entry leaves its last line alone over a page
        split = [
            _ListEntry(p, self.marker if not n else "", self.indent, self.style_)
            for n, p in enumerate(parts)
        ]
        if split:
            split[-1].space_after = self.space_after
        return split

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self.marker:
            canvas.saveState()
            canvas.translate(x, y)
            canvas.setFont(self.style_.fontName, self.style_.fontSize)
            canvas.setFillColor(black)
            canvas.drawString(0, self.height - self.style_.fontSize, self.marker)
            canvas.restoreState()
        self.paragraph.drawOn(canvas, x + self.indent, y, max(0, _sW - self.indent))

    def getSpaceBefore(self) -> float:
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        if self.space_after is not None:
            return self.space_after
        return float(self.paragraph.getSpaceAfter())
