"""The briefing as a neutral document of blocks, shared by the Word and PDF writers."""

from app.layout.blocks import (
    Block,
    BulletList,
    DocumentLayout,
    FigureTable,
    Heading,
    NumberedList,
    Paragraph,
    Quote,
    SourceEntry,
    SourceList,
    Span,
)
from app.layout.build import LayoutSettings, layout

__all__ = [
    "Block",
    "BulletList",
    "DocumentLayout",
    "FigureTable",
    "Heading",
    "LayoutSettings",
    "NumberedList",
    "Paragraph",
    "Quote",
    "SourceEntry",
    "SourceList",
    "Span",
    "layout",
]
