"""The PDF writer: layout blocks into a PDF with reportlab's Platypus, by style name.

Every string goes through pdf_fonts.Markup (escaped, fonts for every script), links only
to web and mail addresses, and nothing in a briefing can name a file or an image to embed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Spacer,
    Table,
)
from reportlab.platypus import Paragraph as PdfParagraph

from app.layout import blocks as b
from exporters import styles
from exporters.common import ExportError, ExportReport, write_atomically
from exporters.pdf_fonts import MISSING_GLYPH, Markup, register_fonts
from exporters.pdf_styles import REFERENCE_COLOUR, figure_table_style, stylesheet

mm: float = _reportlab_mm  # a millimetre in points, typed (reportlab ships no types)
HEADING_ROOM = 45 * mm  # a heading with less space than this below it starts a new page
_SPAN_TAGS = {"strong": ("<b>", "</b>"), "emphasis": ("<i>", "</i>")}


def pdf_bytes(
    document_layout: b.DocumentLayout,
    *,
    invariant: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[str]]:
    """The layout as PDF bytes, with warnings for the user (e.g. characters no font has);
    progress, if given, hears (flowables placed, flowables in all) as pages are laid out."""
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
    return stream.getvalue(), [*document_layout.warnings, *_warnings(markup)]


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
) -> BaseDocTemplate:
    width, height = furniture.page_size
    margin = styles.MARGIN_MM * mm
    top, bottom = furniture.top_margin(), furniture.bottom_margin()
    template = BaseDocTemplate(
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
        _, height = PdfParagraph(text, self.sheet[style]).wrap(self.text_width, 1000 * mm)
        return float(height)

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
        paragraph = PdfParagraph(text, self.sheet[style])
        paragraph.wrap(self.text_width, 1000 * mm)
        paragraph.drawOn(canvas, styles.MARGIN_MM * mm, y)


def _is_heading(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return getattr(style, "name", "") in (b.HEADING_1, b.HEADING_2)


class _Flowables:
    """One method per block kind; the look comes from the stylesheet by name."""

    def __init__(self, sheet: dict[str, ParagraphStyle], markup: Markup, width: float) -> None:
        self.sheet = sheet
        self.markup = markup
        self.width = width

    def all(self, blocks: tuple[b.Block, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in blocks:
            drawn = self.block(block)
            if isinstance(block, b.Quote) and flowables and _is_heading(flowables[-1]):
                # A heading never stays behind at a page's foot when its first quote moves on.
                drawn = [KeepTogether([flowables.pop(), *drawn[0]._content])]
            flowables += drawn
        return flowables

    def block(self, block: b.Block) -> list[Flowable]:
        match block:
            case b.Heading():
                # Rather than keepWithNext (which drags a long table whole onto the next page
                # and leaves a gap), a heading only moves on when too little room is left.
                heading = self.paragraph((b.Span(block.text),), block.style)
                return [CondPageBreak(HEADING_ROOM), heading]
            case b.Paragraph():
                return [self.paragraph(block.spans, block.style)]
            case b.Quote():
                return [self.quote(block)]
            case b.FigureTable():
                return [self.table(block), Spacer(1, 8)]
            case b.NumberedList():
                return [self.numbered(block)]
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

    def paragraph(self, spans: b.Spans, style: str) -> PdfParagraph:
        return PdfParagraph("".join(self.span(s) for s in spans), self.sheet[style])

    def span(self, span: b.Span) -> str:
        if span.style == "link" and span.url:
            return self.markup.link(span.text, span.url)
        text = self.markup.text(span.text)
        if span.style == "reference":
            return f'<font color="{REFERENCE_COLOUR}" size="8.5">{text}</font>'
        opening, closing = _SPAN_TAGS.get(span.style, ("", ""))
        return f"{opening}{text}{closing}"

    def table(self, figure_table: b.FigureTable) -> Table:
        header = [self.paragraph((b.Span(t),), b.TABLE_HEADING) for t in figure_table.header]
        rows = [[self.paragraph(cell, b.TABLE_TEXT) for cell in row] for row in figure_table.rows]
        widths = [self.width * fraction for fraction in figure_table.column_widths]
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
            style=figure_table_style(),
            splitInRow=int(tall),
        )

    def numbered(self, numbered: b.NumberedList) -> ListFlowable:
        style = self.sheet[b.LIST_NUMBER]
        items = [ListItem(self.paragraph(entry, b.LIST_NUMBER)) for entry in numbered.entries]
        digits = len(str(numbered.start + len(numbered.entries) - 1))
        return ListFlowable(
            items,
            bulletType="1",
            start=numbered.start,
            bulletFontName=style.fontName,
            bulletFontSize=style.fontSize,
            leftIndent=10 + 7 * digits,
            bulletFormat="%s.",
        )
