"""The Word writer: layout blocks into a .docx built on the reference document's styles.

It decides only how blocks look, by naming styles that resources/reference.docx defines, so
a user (or a template) restyles the export in Word without touching this code.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, assert_never

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Mm
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from app.layout import blocks as b
from app.layout.limits import breakable, page_marking, property_text
from exporters import styles
from exporters.common import ExportError, ExportReport, resource_bytes, write_atomically

REFERENCE_DOCX = "reference.docx"


class _HeaderOrFooter(Protocol):
    """What _furnish uses of a section's header or footer (python-docx names no public type)."""

    @property
    def paragraphs(self) -> list[WordParagraph]: ...
    def add_paragraph(self) -> WordParagraph: ...


REFERENCE_UNUSABLE = (
    "The template's Word look could not be used (its reference document is damaged or is "
    "not a Word document Briefing Builder can build on); the standard look was used."
)


def docx_bytes(
    document_layout: b.DocumentLayout,
    *,
    reference: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The layout as the bytes of a .docx file; progress, if given, hears (blocks written,
    blocks in all) as the work goes on."""
    return render_docx(document_layout, reference=reference, progress=progress)[0]


def render_docx(
    document_layout: b.DocumentLayout,
    *,
    reference: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[str]]:
    """The layout as a .docx file's bytes, and warnings about the export itself (the
    layout's own are the caller's). A template's reference document that python-docx
    cannot build on (a damaged part, a style part without its content type) gives the
    standard look and a warning: a template's look never makes an export fail."""
    if reference is not None:
        try:
            return _built(document_layout, reference, progress), []
        except Exception:  # python-docx raises many kinds for a document it cannot use
            pass
    return _built(document_layout, None, progress), [REFERENCE_UNUSABLE] if reference else []


def _built(
    document_layout: b.DocumentLayout,
    reference: bytes | None,
    progress: Callable[[int, int], None] | None,
) -> bytes:
    document = _open_reference(reference)
    _clear_body(document)
    style_ids = _StyleIds(document)
    _page_setup(document, document_layout, style_ids)
    _properties(document, document_layout)
    writer = _BlockWriter(document, style_ids, _text_width(document_layout))
    try:
        for done, block in enumerate(document_layout.blocks, start=1):
            writer.write(block)
            if progress is not None:
                progress(done, len(document_layout.blocks))
        stream = io.BytesIO()
        document.save(stream)
    except (ExportError, MemoryError, AssertionError):  # AssertionError: a bug, said loudly
        raise
    except Exception:  # python-docx's own failures: a sentence, never its internals
        if reference is not None:
            raise  # render_docx tries again with the standard look
        where = f"the section “{writer.section}”" if writer.section else "the document's start"
        raise ExportError(
            f"The Word document could not be written: something in {where} could not be "
            "stored in a Word file. Nothing was written."
        ) from None
    return stream.getvalue()


def export_docx(
    document_layout: b.DocumentLayout, path: Path, *, reference: bytes | None = None
) -> ExportReport:
    """Write the layout to path as a Word document, atomically."""
    data, warnings = render_docx(document_layout, reference=reference)
    write_atomically(path, data)
    return ExportReport(path=path, warnings=[*document_layout.warnings, *warnings])


def _open_reference(reference: bytes | None) -> Document:
    """Our reference document, or a template's own with any style ours names added to it.

    A reference .docx made in Word has Heading 1 and Quote but not "Bottom Line" or
    "Attribution"; those come from ours, so a template's look never makes an export fail.
    """
    ours = docx.Document(io.BytesIO(resource_bytes(REFERENCE_DOCX)))
    if reference is None:
        return ours
    document = docx.Document(io.BytesIO(reference))
    _add_missing_styles(document, ours)
    return document


def _add_missing_styles(document: Document, ours: Document) -> None:
    have = {style.name for style in document.styles}
    ours_by_id = {style.style_id: style for style in ours.styles}
    wanted = [style for style in ours.styles if style.name in styles.word_style_names()]
    while wanted:
        style = wanted.pop()
        if style.name in have:
            continue
        element = copy.deepcopy(style.element)
        # Their numbering definitions are not ours: a copied list style loses its numbers
        # (the writer numbers such lists itself) rather than point at a missing list.
        for numbering in element.findall(f".//{qn('w:numPr')}"):
            numbering.getparent().remove(numbering)
        document.styles.element.append(element)
        have.add(style.name)
        base = element.find(f"{qn('w:basedOn')}")
        if base is not None and base.get(qn("w:val")) in ours_by_id:
            wanted.append(ours_by_id[base.get(qn("w:val"))])


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


class _StyleIds:
    """Style names to the ids the XML uses, looked up once.

    python-docx resolves a style name by scanning every style on each assignment, which
    made a 500-item export take seconds; setting ids directly is the same markup.
    """

    def __init__(self, document: Document) -> None:
        self._ids: dict[str, str] = {style.name: style.style_id for style in document.styles}

    def __getitem__(self, name: str) -> str:
        try:
            return self._ids[name]
        except KeyError:
            raise ExportError(f"The Word reference document has no style named '{name}'.") from None

    def paragraph(self, paragraph: WordParagraph, name: str) -> None:
        paragraph._p.get_or_add_pPr().style = self[name]

    def run(self, run: Run, name: str) -> None:
        run._r.get_or_add_rPr().style = self[name]


def _page_setup(
    document: Document, document_layout: b.DocumentLayout, style_ids: _StyleIds
) -> None:
    width, height = styles.PAGE_SIZES_MM[document_layout.page_size]
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(styles.MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(10)
    marking, header_text = page_marking(document_layout.marking), document_layout.header_text
    top = [(marking, styles.MARKING), (header_text, styles.HEADER)]
    bottom = [(document_layout.footer_text, styles.FOOTER), (marking, styles.MARKING)]
    _furnish(section.header, [line for line in top if line[0]], style_ids)
    paragraphs = _furnish(
        section.footer, [*[line for line in bottom if line[0]], ("", styles.FOOTER)], style_ids
    )
    _page_x_of_y(paragraphs[-1])


def _furnish(
    part: _HeaderOrFooter, lines: list[tuple[str, str]], style_ids: _StyleIds
) -> list[WordParagraph]:
    """A header or footer holding one paragraph per (text, style) line."""
    paragraphs = [part.paragraphs[0]]
    paragraphs += [part.add_paragraph() for _ in lines[1:]]
    for paragraph, (text, style) in zip(paragraphs, lines, strict=False):
        style_ids.paragraph(paragraph, style)
        if text:
            paragraph.add_run(_word_text(text))
    return paragraphs


def _page_x_of_y(paragraph: WordParagraph) -> None:
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _field(paragraph: WordParagraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _properties(document: Document, document_layout: b.DocumentLayout) -> None:
    properties = document.core_properties
    # Word's document properties hold at most 255 characters each (limits.PROPERTY_CHARS).
    properties.title = _property(document_layout.title)
    properties.subject = _property(document_layout.subject)
    properties.author = properties.last_modified_by = _property(document_layout.author)
    properties.keywords = _property(document_layout.marking)
    properties.comments = "Made with Briefing Builder"
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.revision = 1


def _property(text: str) -> str:
    return property_text(_xml_safe(text))


# What XML 1.0 (so a .docx) cannot hold; layout cleans every field, this is the last guard
# against python-docx refusing a whole export for one character.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _word_text(text: str) -> str:
    """text as a run holds it: XML-safe, and with break opportunities in very long words
    (see limits.breakable) so Word and LibreOffice can wrap them."""
    return breakable(_xml_safe(text))


class _BlockWriter:
    """One method per block kind; styles by name only."""

    def __init__(self, document: Document, style_ids: _StyleIds, text_width: int) -> None:
        self.document = document
        self.ids = style_ids
        self.text_width = text_width  # between the margins, in EMU
        self.list_number_id: str | None = None  # the numbering a continued list carries on
        self.next_list_number = 1  # the number Word shows next if the list carries on
        self.bullet_in_style: bool | None = None  # does List Bullet draw its own bullet?
        self.previous: b.Block | None = None  # the block written before this one
        self.last_paragraph: WordParagraph | None = None  # the last paragraph added
        self.section = ""  # the heading written last, to say where a failure happened

    def write(self, block: b.Block) -> None:
        introduced = isinstance(block, b.BulletList) and isinstance(self.previous, b.Paragraph)
        if introduced and self.last_paragraph is not None:  # the line before a list stays with it
            self.last_paragraph.paragraph_format.keep_with_next = True
        self.previous = block
        match block:
            case b.Heading():
                if block.level == 1:
                    self.section = block.text[:60]
                self._paragraph((b.Span(block.text),), block.style)
            case b.Paragraph():
                self._paragraph(block.spans, block.style)
            case b.Quote():
                self._quote(block)
            case b.FigureTable():
                self._table(block)
            case b.NumberedList():
                self._numbered_list(block)
            case b.BulletList():
                self._bullet_list(block)
            case b.SourceList():
                self._source_list(block)
            case _:  # a new kind of block must be written here, not silently left out
                assert_never(block)

    def _source_list(self, sources: b.SourceList) -> None:
        for entry in sources.entries:
            label = (b.Span(f"[{entry.number}]\t"),) if entry.number else ()
            self._paragraph((*label, *entry.spans), b.SOURCE_ENTRY)

    def _paragraph(self, spans: b.Spans, style: str) -> WordParagraph:
        paragraph = self.document.add_paragraph()
        self._fill(paragraph, spans, style)
        self.last_paragraph = paragraph
        return paragraph

    def _fill(
        self, paragraph: WordParagraph, spans: b.Spans, style: str, *, styled: bool = False
    ) -> None:
        """Style paragraph (unless already styled) and add runs for spans; a link span
        becomes a working hyperlink."""
        if not styled:
            self.ids.paragraph(paragraph, style)
        for span in spans:
            if span.style == "link" and span.url:
                link_style = self.ids[styles.CHARACTER_STYLES["link"]]
                _hyperlink(paragraph, _xml_safe(span.text), _xml_safe(span.url), link_style)
                continue
            run = paragraph.add_run(_word_text(span.text))
            if span.style != "plain":
                self.ids.run(run, styles.CHARACTER_STYLES[span.style])

    def _quote(self, quote: b.Quote) -> None:
        self._paragraph(quote.spans, b.QUOTE)
        self._paragraph(quote.attribution, b.ATTRIBUTION)
        if quote.note:
            self._paragraph(quote.note, b.ANALYST_NOTE)

    def _table(self, figure_table: b.FigureTable) -> None:
        table = self.document.add_table(rows=1, cols=len(figure_table.header))
        table._tbl.tblPr.style = self.ids[styles.TABLE]
        _column_widths(table, figure_table.column_widths, self.text_width)
        for cell, title in zip(table.rows[0].cells, figure_table.header, strict=True):
            self._fill(cell.paragraphs[0], (b.Span(title),), b.TABLE_HEADING)
            # Keep with next inside a row keeps the row with the next one: the header
            # never stays alone at a page's foot (with the heading kept with it).
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        _keep_row_on_one_page(table.rows[0])  # before tblHeader: the schema's order
        _repeat_as_header(table)
        empty_row: CT_Row | None = None
        for row in figure_table.rows:
            if empty_row is None:  # styled once; later rows are copies of it, styles and all
                added = table.add_row()
                _keep_row_on_one_page(added)
                cells = list(added.cells)
                for cell in cells:
                    self.ids.paragraph(cell.paragraphs[0], b.TABLE_TEXT)
                empty_row = copy.deepcopy(added._tr)
            else:
                cells = _copied_row(table, empty_row)
            for cell, spans in zip(cells, row, strict=True):
                self._fill(cell.paragraphs[0], spans, b.TABLE_TEXT, styled=True)
        self._paragraph((), b.BODY)  # Word needs a paragraph between tables

    def _numbered_list(self, numbered: b.NumberedList) -> None:
        if numbered.start != self.next_list_number or self.list_number_id is None:
            self.list_number_id = _restarted_numbering(self.document, numbered.start)
        number_id = self.list_number_id
        for number, entry in enumerate(numbered.entries, start=numbered.start):
            if number_id is None:  # the reference's list style has no numbering: write it
                entry = (b.Span(f"{number}.\t"), *entry)
            paragraph = self._paragraph(entry, b.LIST_NUMBER)
            if number_id is not None:
                _set_numbering(paragraph, number_id)
        self.next_list_number = numbered.start + len(numbered.entries)

    def _bullet_list(self, bullets: b.BulletList) -> None:
        # The List Bullet style carries the bullet itself; a template's reference whose
        # style lost its numbering (see _add_missing_styles) gets a written bullet instead.
        if self.bullet_in_style is None:
            self.bullet_in_style = _style_has_numbering(self.document, b.LIST_BULLET)
        for entry in bullets.entries:
            spans = entry if self.bullet_in_style else (b.Span("•\t"), *entry)
            self._paragraph(spans, b.LIST_BULLET)


def _hyperlink(paragraph: WordParagraph, text: str, url: str, style_id: str) -> None:
    # python-docx reads hyperlinks but cannot add them: build the element it would read.
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    paragraph._p.append(link)
    run = paragraph.add_run(text)
    run._r.get_or_add_rPr().style = style_id
    link.append(run._r)  # moves the run inside the hyperlink


def _text_width(document_layout: b.DocumentLayout) -> int:
    """The width between the margins that _page_setup sets, in EMU."""
    width, _ = styles.PAGE_SIZES_MM[document_layout.page_size]
    return Mm(width) - 2 * Mm(styles.MARGIN_MM)


def _copied_row(table: Table, empty_row: CT_Row) -> list[_Cell]:
    """A copy of empty_row added at the table's end, and its cells. python-docx's add_row
    looks up the table's grid among all its rows each time, so a table of thousands of
    rows took time growing with their number squared; a row is the table's last child."""
    row = copy.deepcopy(empty_row)
    table._tbl.append(row)
    return [_Cell(cell, table) for cell in row.tc_lst]


def _column_widths(table: Table, fractions: tuple[float, ...], usable: int) -> None:
    table.autofit = False
    for column, fraction in zip(table.columns, fractions, strict=True):
        column.width = int(usable * fraction)


def _repeat_as_header(table: Table) -> None:
    _row_property(table.rows[0], "w:tblHeader")


def _keep_row_on_one_page(row: _Row) -> None:
    """A row moves whole to the next page rather than split across two (a row taller
    than a page still splits: Word and LibreOffice both break it where they must)."""
    _row_property(row, "w:cantSplit")


def _row_property(row: _Row, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _restarted_numbering(document: Document, start: int) -> str | None:
    """A new numbering instance of the List Number style's list, starting at start."""
    style = document.styles[b.LIST_NUMBER].element
    style_number = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if style_number is None:
        return None  # the reference styles lists without numbering: nothing to restart
    numbering = document.part.numbering_part.element
    abstract = next(
        (
            n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num"))
            if n.get(qn("w:numId")) == style_number.get(qn("w:val"))
        ),
        None,
    )
    if abstract is None:
        return None
    number = numbering.add_num(int(abstract))
    override = number.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    return str(number.numId)


def _style_has_numbering(document: Document, name: str) -> bool:
    style = next((s for s in document.styles if s.name == name), None)
    if style is None:
        return False
    return style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") is not None


def _set_numbering(paragraph: WordParagraph, number_id: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = int(number_id)
