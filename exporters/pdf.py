"""The PDF writer: layout blocks into a PDF with reportlab's Platypus, by style name.

Every string goes through pdf_fonts.Markup (escaped, fonts for every script), links only
to web and mail addresses, and nothing in a briefing can name a file or an image to embed.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import assert_never

from reportlab import rl_config
from reportlab.lib.colors import HexColor, black
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
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
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from app.layout import blocks as b
from app.layout.limits import (
    PIECE_CHARS,
    TABLE_PIECE_ROWS,
    page_marking,
    pieces,
    property_text,
)
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
    flowables = _Flowables(sheet, markup, template.width, template.height).all(
        document_layout.blocks
    )
    try:
        template.build(flowables, canvasmaker=furniture.canvas_class())
    except LayoutError:  # the caps of app.layout.limits should leave none: said, not shown
        raise ExportError(
            f"The PDF could not be laid out: {template.placing_now()} is too large to fit "
            "on a page. Shorten it, or export to Word, which lays out long parts itself; "
            "nothing was written."
        ) from None
    except MemoryError:
        raise ExportError(
            "The briefing is too large to export as a PDF with the memory available; "
            "nothing was written."
        ) from None
    except Exception:  # reportlab's own failures: a sentence for the user, never its internals
        raise ExportError(
            f"The PDF could not be made: laying out {template.placing_now()} failed inside "
            "the PDF library. Export to Word instead, or shorten that part; nothing was written."
        ) from None
    pages = PageReport(pages=template.page, sections=tuple(template.sections))
    warnings = [*document_layout.warnings, *_warnings(markup)]
    return RenderedPdf(stream.getvalue(), warnings, pages)


class _BriefingDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab ships no types
    """The document template, noting as it places each flowable the page each section
    (from its Heading 1) starts on and the page its last block lands on."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.sections: list[SectionPages] = []
        self._placing: Flowable | None = None  # for a message when it cannot be placed

    def handle_flowable(self, flowables: list[Flowable]) -> None:  # reportlab's name
        if flowables:
            self._placing = flowables[0]
        super().handle_flowable(flowables)

    def placing_now(self) -> str:
        """The part being placed, in words: 'a figure table in “Key figures”'."""
        where = f"“{_shortened(self.sections[-1].title)}”" if self.sections else ""
        what = _part_name(self._placing)
        return f"{what} in the section {where}" if where else f"{what} near the start"

    def afterFlowable(self, flowable: Flowable) -> None:  # reportlab's hook and name
        for placed in _placed(flowable):
            title = getattr(placed, "section_title", None)
            if title is not None:
                self.sections.append(SectionPages(title, self.page, self.page))
            elif self.sections and not isinstance(placed, _NOT_CONTENT):
                self.sections[-1].last = self.page


_NOT_CONTENT = (CondPageBreak, Spacer)  # they take room but show nothing of a section
_NAMED_CHARS = 60  # a heading quoted in a message


def _shortened(text: str) -> str:
    return text if len(text) <= _NAMED_CHARS else text[: _NAMED_CHARS - 1].rstrip() + "…"


def _part_name(flowable: Flowable | None) -> str:
    """What a flowable shows, in a reader's words."""
    if isinstance(flowable, Table):
        return "a figure table"
    if isinstance(flowable, _ListEntry):
        return "a list entry"
    if isinstance(flowable, KeepTogether):
        return "a quotation or a list's first entry"
    style = getattr(getattr(flowable, "style", None), "name", "")
    if style in (b.HEADING_1, b.HEADING_2):
        return "a heading"
    return f"a paragraph ({style})" if style else "a part"


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
        count = len(markup.missing)
        warnings.append(
            f"{count} {'character has' if count == 1 else 'characters have'}"
            " no font that can show them in the PDF "
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
        title=property_text(layout_.title),
        author=property_text(layout_.author),
        subject=property_text(layout_.subject),
        keywords=property_text(layout_.marking),
        creator="Briefing Builder",
        invariant=int(invariant),
    )
    frame = Frame(margin, bottom, width - 2 * margin, height - top - bottom, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return template


# A row that may be this share of the page's text height or more is allowed to split.
TALL_ROW_SHARE = 0.4


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
        marking = markup.text(page_marking(layout_.marking))
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
    """A Paragraph that breaks its lines once per width, and breaks and draws plain text
    itself.

    Platypus wraps a flowable several times at the same width (KeepTogether measures its
    parts, the frame wraps them again to place them, a long table re-measures its rows at
    every page it splits), and line breaking is most of a PDF export's time. The lines for
    a width never change, so a second wrap at that width returns the first one's size.

    Nearly every paragraph of a briefing is plain runs of text (a statement and its grey
    citation, say). For those, _broken makes reportlab's lines with a loop specialised to
    them and _draw_lines draws them with reportlab's own text operators, at the same places
    (a test compares every word's box with reportlab's); anything else, and splitting over
    a page, is left to reportlab. Together they took a 500-item export from 0.117 s to
    0.085 s.
    """

    _wrapped_width: float | None = None
    _lines: list[_Line] | None = None  # our own line breaking's lines, if it could
    width: float  # set by wrap (typed here: reportlab ships no types)
    height: float
    section_title: str | None = None  # set on a section's heading, for the page count
    # A list entry's "12." or "•": text, style, x (left of the paragraph), drawn in black
    # on the first baseline of the marker's size.
    marker: tuple[str, ParagraphStyle, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # split() drops blPara when it gives up on a page: the lines are made anew then.
        wrapped = "blPara" in self.__dict__ or self._lines is not None
        if availWidth == self._wrapped_width and wrapped:
            return self.width, self.height
        self._wrapped_width = availWidth
        self._lines = _broken(self, availWidth)
        if self._lines is not None:
            height = float(len(self._lines) * self.style.leading)
            self.width, self.height = availWidth, height
            return availWidth, height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # A table splitting a row measures its cells without their padding but splits them
        # with it (reportlab's own inconsistency): split at the width this was measured at,
        # or the parts disagree with the row's height and the table fails.
        if self._wrapped_width is not None and self._wrapped_width < availWidth:
            availWidth = self._wrapped_width
        if self._lines is not None:  # reportlab's split needs its own lines: make them
            self._lines = None
            PdfParagraph.wrap(self, availWidth, availHeight)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) > 1 and self.section_title is not None:  # a heading over two pages
            parts[0].section_title = self.section_title
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self._lines is None:
            super().drawOn(canvas, x, y, _sW)
            return
        # As Flowable.drawOn, but the text is placed at x, y itself rather than by moving
        # the canvas there (one transformation fewer per paragraph).
        canvas.saveState()
        _draw_lines(self, canvas, (self._hAlignAdjust(x, _sW), y))
        canvas.restoreState()

    def draw(self) -> None:  # called by drawOn with the canvas moved to the paragraph
        if self._lines is not None:
            _draw_lines(self, self.canv, (0, 0))
        else:
            super().draw()


_Runs = list[tuple[ParaFrag, str]]  # text, each piece drawn in one fragment's font and colour


@dataclass
class _Line:
    """A line of a paragraph broken by _broken: its runs, neighbours of one fragment
    joined (one text operator each), and what reportlab's drawing needs to know of it."""

    runs: _Runs
    width: float = 0.0  # its words and the spaces between them
    spaces: float = 0.0  # the width of those spaces
    words: int = 0

    def add(self, run: ParaFrag, text: str) -> None:
        if self.runs and self.runs[-1][0] is run:
            self.runs[-1] = (run, self.runs[-1][1] + text)
        else:
            self.runs.append((run, text))


# Characters reportlab's line breaking treats specially (spaces it breaks at and rejoins
# with a plain space, soft hyphens it may hyphenate at): text holding any of them takes
# reportlab's own path, so the path below never draws a line differently.
_SPECIAL_IN_BREAKING = frozenset(
    "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\u00ad"
)
# Fragment attributes that draw more than text (links, underlines, raised text, images,
# backgrounds, forced breaks); a fragment with any of them set takes reportlab's path.
_DECORATIONS = ("link", "us_lines", "rise", "cbDefn", "backColor", "lineBreak")
# Widths this close to a line's room are left to reportlab: our sums and its sums of the
# same widths may differ in the last bits.
_WIDTH_MARGIN = 1e-6


def _runs(paragraph: _Paragraph) -> list[ParaFrag] | None:
    """The paragraph's fragments when _broken and _draw_lines can set them exactly as
    reportlab does (plain runs of text, left aligned, single spaces), else None. Worked
    out once per paragraph."""
    if "_plain_runs" in paragraph.__dict__:
        known: list[ParaFrag] | None = paragraph.__dict__["_plain_runs"]
        return known
    runs = list(paragraph.frags) if _plain_style(paragraph) else []
    joined = "".join(getattr(f, "text", "") for f in runs)
    plain = (
        bool(joined)
        and all(getattr(f, "text", "") and not _decorated(f) for f in runs)
        and joined == joined.strip(" ")
        and "  " not in joined
        and _SPECIAL_IN_BREAKING.isdisjoint(joined)
    )
    paragraph._plain_runs = runs if plain else None
    return runs if plain else None


def _plain_style(paragraph: _Paragraph) -> bool:
    style = paragraph.style
    return bool(
        style.alignment == TA_LEFT
        and not style.firstLineIndent
        and not style.backColor
        and not style.borderWidth
        and not style.wordWrap
        and not style.endDots
        and not style.shaping
        and not getattr(style, "hyphenationLang", "")
        and not style.embeddedHyphenation
        and not style.uriWasteReduce
        and getattr(style, "autoLeading", "") in ("", "off", None)
        and not getattr(paragraph, "bulletText", None)
        and rl_config.paraFontSizeHeightOffset
    )


def _decorated(fragment: ParaFrag) -> bool:
    return any(getattr(fragment, name, None) for name in _DECORATIONS)


@dataclass
class _Word:
    """Text between spaces (in one or more runs), its width, and the run holding the space
    after it: reportlab draws and measures that space in that run's font and size."""

    width: float
    pieces: _Runs
    space_run: ParaFrag | None = None


def _words(runs: list[ParaFrag]) -> list[_Word]:
    words: list[_Word] = []
    joined = True  # the next piece continues the last word (no space before it)
    for run in runs:
        measure, size = getFont(run.fontName).stringWidth, run.fontSize  # looked up once
        for index, piece in enumerate(run.text.split(" ")):
            if index:
                joined = False
                if words and words[-1].space_run is None:
                    words[-1].space_run = run
            if not piece:
                continue
            width = measure(piece, size)
            if joined and words:
                words[-1].width += width
                words[-1].pieces.append((run, piece))
            else:
                words.append(_Word(width, [(run, piece)]))
            joined = True
    return words


def _broken(paragraph: _Paragraph, width: float) -> list[_Line] | None:
    """The paragraph's lines at width as reportlab's line breaking makes them, or None
    when it cannot be sure (text that is not plain runs, a word wider than a line, a
    width too close to call). Line breaking is a third of a long export's time in
    reportlab's general code, and these paragraphs are nearly all of a briefing's.

    reportlab's rule: greedy, one space between words, measured in the font of the run
    the space is in; a word still joins a line that it overfills by less than the line's
    spaces may shrink (spaceShrinkage of each, and of the space before it)."""
    runs = _runs(paragraph)
    if not runs:
        return None
    style = paragraph.style
    room = width - style.leftIndent - style.rightIndent
    shrinkage = float(rl_config.spaceShrinkage or 0)
    lines = [_Line([])]
    space = 0.0  # the width of the space after the line's last word
    before: _Word | None = None
    for word in _words(runs):
        if word.width + _WIDTH_MARGIN > room:
            return None  # reportlab splits a long word
        line = lines[-1]
        wanted = line.width + space + word.width
        limit = room + shrinkage * (space + line.spaces)
        if line.words and abs(wanted - limit) <= _WIDTH_MARGIN:
            return None
        if line.words and wanted > limit:
            line = _Line([])
            lines.append(line)
        elif line.words and before is not None and before.space_run is not None:
            line.add(before.space_run, " ")
            line.width += space
            line.spaces += space
        for run, text in word.pieces:
            line.add(run, text)
        line.width += word.width
        line.words += 1
        space_run = word.space_run
        space = stringWidth(" ", space_run.fontName, space_run.fontSize) if space_run else 0.0
        before = word
    if any(-_WIDTH_MARGIN < room - line.width < _WIDTH_MARGIN for line in lines):
        return None  # squeezed or not: too close to call
    return lines


def _word_space(line: _Line, room: float) -> float:
    """The word spacing reportlab draws a line with: negative, shrinking its spaces, when
    the line is wider than its room; else none."""
    extra = room - line.width
    if extra > 0:
        return 0.0
    gaps = line.words + sum(text.count("\xa0") for _, text in line.runs) - 1
    return extra / gaps if gaps > 0 else 0.0


def _draw_marker(paragraph: _Paragraph, canvas: Canvas, origin: tuple[float, float]) -> None:
    """A list entry's marker, in its own text object (so text extraction reads it apart
    from the entry's text) but in the paragraph's canvas state: a long list of questions
    spent a twentieth of the export's time on its markers' own states."""
    assert paragraph.marker is not None
    marker, style, left = paragraph.marker
    x, y = origin
    text = canvas.beginText(x + left, y + paragraph.height - style.fontSize)
    text.setFont(style.fontName, style.fontSize)
    text.setFillColor(black)
    text.textOut(marker)
    canvas.drawText(text)


def _draw_lines(paragraph: _Paragraph, canvas: Canvas, origin: tuple[float, float]) -> None:
    """The paragraph's lines as reportlab draws them, its bottom left corner at origin:
    each line's runs one after the other from the left indent, the first baseline one
    (largest) font size below the top, the next ones a leading apart. The caller keeps
    the canvas state (the text's colours must not leak into what is drawn next)."""
    lines = paragraph._lines
    assert lines is not None
    style = paragraph.style
    room = paragraph.width - style.leftIndent - style.rightIndent
    if paragraph.marker is not None:
        _draw_marker(paragraph, canvas, origin)
    left = origin[0] + style.leftIndent
    top = origin[1] + paragraph.height - max(run.fontSize for run, _ in lines[0].runs)
    text = canvas.beginText(left, top)
    font, colour = None, None
    for number, line in enumerate(lines):
        if number:
            text.setTextOrigin(left, top - number * style.leading)
        word_space = _word_space(line, room)
        if word_space:
            text.setWordSpace(word_space)
        for run, piece in line.runs:
            if font != (run.fontName, run.fontSize):
                font = (run.fontName, run.fontSize)
                text.setFont(*font)
            if colour != run.textColor:
                colour = run.textColor
                text.setFillColor(colour)
            text.textOut(piece)
        if word_space:
            text.setWordSpace(0)
    canvas.drawText(text)


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


class _RoomForSection(CondPageBreak):  # type: ignore[misc]
    """Starts a new page before a heading when too little room is left below it: room for
    the heading and its section's first lines, up to `height`. A short last section (the
    source list) moves on only when it does not fit, rather than whenever 45 mm are short."""

    def __init__(self, height: float) -> None:
        super().__init__(height)
        self.cap = height
        self.following: list[Flowable] = []  # the heading, then its section's flowables

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        needed = 0.0
        for flowable in self.following:
            flowable.canv = self.canv  # as the frame gives it, for containers that measure
            needed += flowable.wrap(availWidth, availHeight)[1]  # wraps are remembered
            if needed >= self.cap:
                break
        self.height = min(self.cap, needed) if self.following else self.cap
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]


def _tell_rooms_what_follows(flowables: list[Flowable]) -> None:
    """Give each heading's room the flowables up to the next heading's room; a heading
    followed straight by another ("Figures compared", then "North Korean troops") also
    gets the next one's, so it never stays alone at a page's foot above a subheading."""
    rooms: list[_RoomForSection] = []
    for flowable in flowables:
        if isinstance(flowable, _RoomForSection):
            rooms = [*_still_bare(rooms), flowable]
            continue
        for room in rooms:
            room.following.append(flowable)


def _still_bare(rooms: list[_RoomForSection]) -> list[_RoomForSection]:
    return [room for room in rooms if all(map(_is_heading, room.following))]


def _is_heading(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return getattr(style, "name", "") in (b.HEADING_1, b.HEADING_2)


class _Flowables:
    """One method per block kind; the look comes from the stylesheet by name."""

    def __init__(
        self,
        sheet: dict[str, ParagraphStyle],
        markup: Markup,
        width: float,
        height: float = 700.0,
    ) -> None:
        self.sheet = sheet
        self.markup = markup
        self.width = width
        self.height = height  # of the page's text, for rows that may need to split
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
        _tell_rooms_what_follows(flowables)
        return flowables

    def block(self, block: b.Block) -> list[Flowable]:
        match block:
            case b.Heading():
                # Rather than keepWithNext (which drags a long table whole onto the next page
                # and leaves a gap), a heading only moves on when too little room is left.
                heading = self.paragraph((b.Span(block.text),), block.style)
                if block.style == b.HEADING_1:  # a section starts: the page count notes it
                    heading.section_title = block.text
                return [_RoomForSection(HEADING_ROOM), heading]
            case b.Paragraph():
                return list(self.paragraphs(block.spans, block.style))
            case b.Quote():
                return [self.quote(block)]
            case b.FigureTable():
                return [*self.tables(block), Spacer(1, 8)]
            case b.NumberedList():
                return self.numbered(block)
            case b.BulletList():
                return self.bulleted(block.entries)
            case b.SourceList():
                return [
                    piece
                    for e in block.entries
                    for piece in self.paragraphs(
                        (b.Span(b.source_label(e)), *e.spans), b.SOURCE_ENTRY
                    )
                ]
            case _:  # a new kind of block must be drawn here, not silently left out
                assert_never(block)

    def quote(self, quote: b.Quote) -> KeepTogether:
        parts = [
            *self.paragraphs(quote.spans, b.QUOTE),
            *self.paragraphs(quote.attribution, b.ATTRIBUTION),
        ]
        if quote.note:
            parts += self.paragraphs(quote.note, b.ANALYST_NOTE)
        return KeepTogether(parts)

    def paragraphs(self, spans: b.Spans, style: str) -> list[_Paragraph]:
        """The paragraph, as consecutive pieces of at most PIECE_CHARS characters when it is
        longer: reportlab breaks a paragraph carried over a page into lines again from
        that page on, so one long paragraph took time growing with its length squared.
        The pieces follow one another without a gap, as one paragraph."""
        groups = pieces(spans, PIECE_CHARS)
        if len(groups) == 1:
            return [self.paragraph(spans, style)]
        last = len(groups) - 1
        return [
            self.paragraph(group, style, piece=(number > 0, number < last))
            for number, group in enumerate(groups)
        ]

    def paragraph(
        self, spans: b.Spans, style: str, *, piece: tuple[bool, bool] = (False, False)
    ) -> _Paragraph:
        """spans as one paragraph; piece: (continues one before, continued after it)."""
        nodes = _cleaned([node for span in spans for node in self.span(span)])
        sheet_style = self._piece_style(style, *piece)
        return _Paragraph(None, sheet_style, frags=self.fragments(nodes, sheet_style))

    def _piece_style(self, style: str, continues: bool, continued: bool) -> ParagraphStyle:
        """style, or for a piece of a long paragraph the same without the space (and
        hanging first line) that would show where one piece meets the next."""
        if not (continues or continued):
            return self.sheet[style]
        name = f"{style} (piece {int(continues)}{int(continued)})"
        made = self.sheet.get(name)
        if made is None:
            made = ParagraphStyle(name, parent=self.sheet[style])
            if continues:
                made.spaceBefore = 0
                made.firstLineIndent = 0
            if continued:
                made.spaceAfter = 0
            self.sheet[name] = made
        return made

    def span(self, span: b.Span) -> list[Node]:
        if span.style == "link" and span.url:
            return [self.markup.link_tree(span.text, span.url)]
        nodes = self.markup.tree(span.text)
        if span.style == "reference":
            return [("font", {"color": REFERENCE_COLOUR, "size": str(REFERENCE_SIZE)}, nodes)]
        tag = _SPAN_TAGS.get(span.style)
        return [(tag, {}, nodes)] if tag else nodes

    def tables(self, figure_table: b.FigureTable) -> list[Table]:
        """The figure table, as consecutive tables of at most TABLE_PIECE_ROWS rows, each
        with the header: reportlab measures every row left again at each page a table
        is carried over, so one long table took time growing with its rows squared."""
        rows = figure_table.rows
        return [
            self.table(replace(figure_table, rows=rows[start : start + TABLE_PIECE_ROWS]))
            for start in range(0, max(1, len(rows)), TABLE_PIECE_ROWS)
        ]

    def table(self, figure_table: b.FigureTable) -> Table:
        header = [self.paragraph((b.Span(t),), b.TABLE_HEADING) for t in figure_table.header]
        widths = [self.width * fraction for fraction in figure_table.column_widths]
        rows = [
            [self.cell(cell, width) for cell, width in zip(row, widths, strict=True)]
            for row in figure_table.rows
        ]
        table_style = figure_table_style(self.sheet[b.TABLE_TEXT])
        for column in range(len(widths)):
            references = [
                isinstance(drawn[column], str) and cell[column][0].style == "reference"
                for drawn, cell in zip(rows, figure_table.rows, strict=True)
            ]
            for first, last in _runs_of_true(references):
                self.reference_cells(table_style, (column, first + 1), (column, last + 1))
        # A row taller than a page must split inside itself or the layout fails; but
        # splitInRow also splits ordinary rows at a page foot and leaves an empty sliver of
        # row under the repeated header, so it is used only when some row could need it.
        tall = any(
            self._may_be_tall(cell, width)
            for row in figure_table.rows
            for cell, width in zip(row, widths, strict=True)
        )
        return Table(
            [header, *rows],
            colWidths=widths,
            repeatRows=1,
            hAlign="LEFT",
            style=table_style,
            splitInRow=int(tall),
        )

    def _may_be_tall(self, spans: b.Spans, width: float) -> bool:
        """True when the cell could take TALL_ROW_SHARE of a page's text height, counting
        every character as wide as the font is high (the widest scripts) and each line
        as half empty (long words wrapped early)."""
        style = self.sheet[b.TABLE_TEXT]
        per_line = max(1.0, (width - 2 * CELL_PADDING) / style.fontSize / 2)
        lines = sum(len(span.text) for span in spans) / per_line + 1
        return bool(lines * style.leading >= TALL_ROW_SHARE * self.height)

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

    def reference_cells(
        self, table_style: TableStyle, first: tuple[int, int], last: tuple[int, int]
    ) -> None:
        """References drawn as strings, in the cells from first to last: in the
        reference's size and colour, on the line the cells' paragraphs keep (their
        leading). One command for a run of cells: the table applies every command to its
        cells again at each page it splits at."""
        style = self.sheet[b.TABLE_TEXT]
        table_style.add("FONT", first, last, style.fontName, REFERENCE_SIZE, style.leading)
        table_style.add("TEXTCOLOR", first, last, HexColor(REFERENCE_COLOUR))

    def numbered(self, numbered: b.NumberedList) -> list[Flowable]:
        digits = len(str(numbered.start + len(numbered.entries) - 1))
        return [
            drawn
            for number, entry in enumerate(numbered.entries, numbered.start)
            for drawn in self.entry(entry, b.LIST_NUMBER, f"{number}.", 10 + 7 * digits)
        ]

    def entry(self, spans: b.Spans, style: str, marker: str, indent: float) -> list[_ListEntry]:
        """A list entry: its marker beside its first (or only) piece."""
        marker_style = self.sheet[style]
        entries = [
            _ListEntry(piece, "" if number else marker, indent, marker_style)
            for number, piece in enumerate(self.paragraphs(spans, style))
        ]
        for made in entries:
            made.page_height = self.height
        return entries

    def bulleted(self, entries: tuple[b.Spans, ...]) -> list[Flowable]:
        style = self.sheet[b.LIST_BULLET]
        drawn = [
            piece
            for entry in entries
            for piece in self.entry(entry, b.LIST_BULLET, "•", style.leftIndent + 14)
        ]
        if drawn:  # a little more room before the next paragraph, as Word sets it
            drawn[-1].space_after = BODY_GAP
        return drawn

    def introduced(self, introduction: Flowable, bullets: b.BulletList) -> list[Flowable]:
        """The line introducing a list, kept on a page with the list's first entry."""
        entries = self.bulleted(bullets.entries)
        return [KeepTogether([introduction, entries[0]]), *entries[1:]] if entries else []


def _runs_of_true(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last) index of each run of True in flags."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if not flag:
            continue
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


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
        self.page_height = float("inf")  # the page's text height, when known

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.paragraph.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = width + self.indent, height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        whole = self.paragraph
        parts = whole.split(availWidth - self.indent, availHeight)
        widowed = len(parts) > 1 and hasattr(whole, "blPara")
        # Moving on helps only an entry that fits on a page; a taller one, moved on for
        # ever, could never be laid out.
        movable = getattr(self, "height", 0.0) <= self.page_height
        if widowed and movable and len(parts[0].blPara.lines) == len(whole.blPara.lines) - 1:
            return []  # as ListFlowable: no entry leaves its last line alone over a page
        split = [
            _ListEntry(p, self.marker if not n else "", self.indent, self.style_)
            for n, p in enumerate(parts)
        ]
        for entry in split:
            entry.page_height = self.page_height
        if split:
            split[-1].space_after = self.space_after
        return split

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        paragraph = self.paragraph
        if self.marker and isinstance(paragraph, _Paragraph) and paragraph._lines is not None:
            # Drawn by the paragraph, in its canvas state (see _draw_marker).
            paragraph.marker = (self.marker, self.style_, -self.indent)
        elif self.marker:
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
