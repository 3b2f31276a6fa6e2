"""The PDF stylesheet: the same style names as the reference .docx, drawn with reportlab."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from app.layout import blocks as b
from exporters import styles

INK = colors.HexColor("#1F2A44")
GREY = colors.HexColor("#555B66")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#A6B3C4")
HEADER_FILL = colors.HexColor("#DCE6F1")
BOTTOM_LINE_FILL = colors.HexColor("#EAF1F8")
REFERENCE_COLOUR = "#555B66"


def stylesheet(font: str) -> dict[str, ParagraphStyle]:
    """Paragraph styles by the layout's style names."""
    base = ParagraphStyle(
        "Normal",
        fontName=font,
        fontSize=10.5,
        leading=14,
        spaceAfter=5,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def style(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    indent = 17
    sheet = {
        b.TITLE: style(
            b.TITLE, fontSize=21, leading=25, textColor=INK, spaceAfter=4, fontName=f"{font} Bold"
        ),
        b.SUBTITLE: style(b.SUBTITLE, textColor=GREY, spaceAfter=14),
        b.HEADING_1: style(
            b.HEADING_1,
            fontSize=13.5,
            leading=17,
            textColor=INK,
            fontName=f"{font} Bold",
            spaceBefore=14,
            spaceAfter=5,
        ),
        b.HEADING_2: style(
            b.HEADING_2,
            fontSize=11.5,
            leading=15,
            textColor=INK,
            fontName=f"{font} Bold",
            spaceBefore=9,
            spaceAfter=4,
        ),
        b.BODY: style(b.BODY),
        b.BOTTOM_LINE: style(
            b.BOTTOM_LINE,
            fontName=f"{font} Bold",
            backColor=BOTTOM_LINE_FILL,
            borderPadding=(5, 6, 5, 8),
            leftIndent=8,
            spaceBefore=4,
            spaceAfter=10,
        ),
        b.QUOTE: style(b.QUOTE, leftIndent=indent, spaceBefore=3, spaceAfter=1),
        b.ATTRIBUTION: style(
            b.ATTRIBUTION, leftIndent=indent, fontSize=9, leading=12, textColor=GREY, spaceAfter=8
        ),
        b.ANALYST_NOTE: style(
            b.ANALYST_NOTE, leftIndent=indent, fontSize=9, leading=12, spaceAfter=8
        ),
        b.LIST_NUMBER: style(b.LIST_NUMBER, spaceAfter=3),
        b.LIST_BULLET: style(b.LIST_BULLET, spaceAfter=3),
        b.SOURCE_ENTRY: style(
            b.SOURCE_ENTRY, fontSize=9, leading=12, leftIndent=24, firstLineIndent=-24, spaceAfter=4
        ),
        b.TABLE_HEADING: style(
            b.TABLE_HEADING, fontSize=9, leading=11.5, spaceAfter=0, fontName=f"{font} Bold"
        ),
        b.TABLE_TEXT: style(b.TABLE_TEXT, fontSize=9, leading=11.5, spaceAfter=0),
        styles.MARKING: style(
            styles.MARKING, fontName=f"{font} Bold", fontSize=10, alignment=TA_CENTER
        ),
        styles.FOOTER: style(styles.FOOTER, fontSize=8.5, textColor=GREY, alignment=TA_CENTER),
        styles.HEADER: style(styles.HEADER, fontSize=8.5, textColor=GREY, alignment=TA_CENTER),
    }
    return sheet


CELL_PADDING = 4  # points between a table cell's edges and its text, left and right


def figure_table_style(text: ParagraphStyle) -> TableStyle:
    """The figure table's look; text is the style of its cells, which cells holding a plain
    string (rather than a paragraph) are drawn in."""
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("FONT", (0, 1), (-1, -1), text.fontName, text.fontSize, text.leading),
            ("TEXTCOLOR", (0, 1), (-1, -1), text.textColor),
        ]
    )
