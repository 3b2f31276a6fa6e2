"""Style names the writers use beyond the layout's paragraph styles, and the page sizes."""

from __future__ import annotations

from app.layout.blocks import PARAGRAPH_STYLES

MARKING = "Marking"  # the protective marking line in page headers and footers
HEADER = "Header"
FOOTER = "Footer"
TABLE = "Briefing Table"
# Character styles for span styles.
CHARACTER_STYLES = {
    "strong": "Strong",
    "emphasis": "Emphasis",
    "reference": "Reference",
    "link": "Hyperlink",
}
WORD_PARAGRAPH_STYLES = (*PARAGRAPH_STYLES, MARKING, HEADER, FOOTER)
# Width and height in millimetres.
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
MARGIN_MM = 22.0


def word_style_names() -> set[str]:
    """Every style the Word writer asks the reference document for."""
    return {*WORD_PARAGRAPH_STYLES, TABLE, *CHARACTER_STYLES.values()}
