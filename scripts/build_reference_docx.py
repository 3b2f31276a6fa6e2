"""Builds resources/reference.docx, the look of exported Word briefings.

Run it after changing the house style: `.venv/bin/python scripts/build_reference_docx.py`.
Users restyle exports in Word itself, or (with templates) by supplying their own reference
document that defines the same style names; tests check this one defines them all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporters import styles  # noqa: E402

FONT = "Arial"  # everywhere in Word; LibreOffice shows it as the metric twin Liberation Sans
INK = RGBColor(0x1F, 0x2A, 0x44)
GREY = RGBColor(0x55, 0x5B, 0x66)
ACCENT = "1F4E79"


def paragraph_style(document, name: str, *, base: str = "Normal"):
    found = {s.name: s for s in document.styles}
    style = found.get(name) or document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = document.styles[base]
    style.font.name = FONT
    _east_asian_font(style)
    return style


def character_style(document, name: str):
    found = {s.name: s for s in document.styles}
    return found.get(name) or document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)


def _east_asian_font(style) -> None:
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def spacing(style, *, before: float = 0, after: float = 6, keep: bool = False) -> None:
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    style.paragraph_format.keep_with_next = keep


def left_bar_and_shade(style, colour: str, fill: str) -> None:
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", "24"), ("space", "8"), ("color", colour)):
        left.set(qn(f"w:{key}"), value)
    borders.append(left)
    properties.append(borders)
    shade = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shade.set(qn(f"w:{key}"), value)
    properties.append(shade)


def define_text_styles(document) -> None:
    normal = paragraph_style(document, "Normal")
    normal.font.size = Pt(11)
    spacing(normal, after=6)
    title = paragraph_style(document, "Title")
    title.font.size, title.font.bold, title.font.color.rgb = Pt(22), True, INK
    spacing(title, after=4)
    _no_title_border(title)
    subtitle = paragraph_style(document, "Subtitle")
    subtitle.font.size, subtitle.font.italic, subtitle.font.color.rgb = Pt(11), False, GREY
    spacing(subtitle, after=14)
    for name, size in (("Heading 1", 14), ("Heading 2", 12)):
        heading = paragraph_style(document, name)
        heading.font.size, heading.font.bold, heading.font.color.rgb = Pt(size), True, INK
        spacing(heading, before=16 if name == "Heading 1" else 10, after=4, keep=True)
    body = paragraph_style(document, "Body Text")
    spacing(body, after=6)
    bottom = paragraph_style(document, "Bottom Line")
    bottom.font.bold = True
    spacing(bottom, after=6)
    left_bar_and_shade(bottom, ACCENT, "EAF1F8")
    quote = paragraph_style(document, "Quote")
    quote.font.italic, quote.font.color.rgb = False, RGBColor(0, 0, 0)
    quote.paragraph_format.left_indent, quote.paragraph_format.right_indent = Cm(0.6), Cm(0)
    spacing(quote, before=4, after=1, keep=True)
    attribution = paragraph_style(document, "Attribution")
    attribution.font.size, attribution.font.color.rgb = Pt(9.5), GREY
    attribution.paragraph_format.left_indent = Cm(0.6)
    spacing(attribution, after=8)
    note = paragraph_style(document, "Analyst Note")
    note.font.size = Pt(9.5)
    note.paragraph_format.left_indent = Cm(0.6)
    spacing(note, after=8)
    numbered = paragraph_style(document, "List Number")
    spacing(numbered, after=4)
    bulleted = paragraph_style(document, "List Bullet")
    spacing(bulleted, after=4)
    source = paragraph_style(document, "Source Entry")
    source.font.size = Pt(9.5)
    source.paragraph_format.left_indent = Cm(0.8)
    source.paragraph_format.first_line_indent = Cm(-0.8)
    spacing(source, after=4)
    for name, bold in (("Table Heading", True), ("Table Text", False)):
        cell = paragraph_style(document, name)
        cell.font.size, cell.font.bold = Pt(9.5), bold
        spacing(cell, after=0)


def widen_list_numbers(document) -> None:
    """Room for two-digit numbers ("10.") before the text of a List Number paragraph."""
    style = document.styles["List Number"].element
    number_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = document.part.numbering_part.element
    number = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == number_id)
    abstract_id = number.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    properties = _child(level, "w:pPr")
    indent = _child(properties, "w:ind")
    indent.set(qn("w:left"), "567")  # 1 cm, in twentieths of a point
    indent.set(qn("w:hanging"), "567")
    for tab in properties.iter(qn("w:tab")):  # the number's tab stop moves with the indent
        tab.set(qn("w:pos"), "567")


def _no_title_border(style) -> None:
    for border in style.element.get_or_add_pPr().findall(qn("w:pBdr")):
        border.getparent().remove(border)


def define_page_styles(document) -> None:
    for name in ("Header", "Footer"):
        page = paragraph_style(document, name)
        page.font.size, page.font.color.rgb = Pt(8.5), GREY
        page.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        spacing(page, after=0)
    marking = paragraph_style(document, "Marking", base="Header")
    marking.font.size, marking.font.bold = Pt(10), True
    marking.font.color.rgb = RGBColor(0, 0, 0)


def define_character_styles(document) -> None:
    reference = character_style(document, "Reference")
    reference.font.color.rgb, reference.font.size = GREY, Pt(9)
    link = character_style(document, "Hyperlink")
    link.font.color.rgb, link.font.underline = RGBColor(0x05, 0x63, 0xC1), True
    character_style(document, "Strong").font.bold = True
    character_style(document, "Emphasis").font.italic = True


def define_table_style(document) -> None:
    table = document.styles.add_style(styles.TABLE, WD_STYLE_TYPE.TABLE)
    table.base_style = document.styles["Normal Table"]
    properties = (
        table.element.get_or_add_tblPr()
        if hasattr(table.element, "get_or_add_tblPr")
        else _child(table.element, "w:tblPr")
    )
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "A6B3C4")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 40), ("left", 80), ("bottom", 40), ("right", 80)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    header = OxmlElement("w:tblStylePr")
    header.set(qn("w:type"), "firstRow")
    cell_properties = OxmlElement("w:tcPr")
    shade = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "DCE6F1")):
        shade.set(qn(f"w:{key}"), value)
    cell_properties.append(shade)
    header.append(cell_properties)
    table.element.append(header)


def _child(element, tag: str):
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.append(found)
    return found


def build(path: Path) -> None:
    document = docx.Document()
    define_text_styles(document)
    define_page_styles(document)
    define_character_styles(document)
    define_table_style(document)
    widen_list_numbers(document)
    properties = document.core_properties
    properties.title, properties.subject, properties.author = "", "", ""
    properties.comments = "Reference document for Briefing Builder's Word export"
    missing = styles.word_style_names() - {s.name for s in document.styles}
    if missing:
        raise SystemExit(f"reference document lacks styles: {sorted(missing)}")
    document.save(str(path))


if __name__ == "__main__":
    target = ROOT / "resources" / "reference.docx"
    build(target)
    print(f"wrote {target}")
