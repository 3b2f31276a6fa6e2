"""A block kind the writers do not know fails loudly instead of vanishing from the export.

The writers dispatch with `match` over the closed Block union and end in assert_never, so
mypy rejects a new kind until every writer handles it; these tests prove the run-time half.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import pytest

from app.layout import blocks as b
from exporters.pdf import pdf_bytes
from exporters.word import docx_bytes


@dataclass(frozen=True)
class Sidebar:
    """A block kind layout() might produce one day, unknown to the writers today."""

    text: str


def _layout_with_an_unknown_block() -> b.DocumentLayout:
    unknown = cast(b.Block, Sidebar("Boxed text the writers have never seen"))
    return b.DocumentLayout(
        title="Briefing",
        subject="Test",
        author="",
        marking="",
        page_size="A4",
        blocks=(b.Heading("Before"), unknown, b.Paragraph((b.Span("After"),))),
    )


def test_the_word_writer_refuses_an_unknown_block() -> None:
    with pytest.raises(AssertionError, match="Sidebar"):
        docx_bytes(_layout_with_an_unknown_block())


def test_the_pdf_writer_refuses_an_unknown_block() -> None:
    with pytest.raises(AssertionError, match="Sidebar"):
        pdf_bytes(_layout_with_an_unknown_block(), invariant=True)


def test_the_layouts_plain_text_refuses_an_unknown_block() -> None:
    with pytest.raises(AssertionError, match="Sidebar"):
        _layout_with_an_unknown_block().plain_text()


def test_the_known_blocks_alone_are_written() -> None:
    known = b.DocumentLayout(
        title="Briefing",
        subject="Test",
        author="",
        marking="",
        page_size="A4",
        blocks=(b.Heading("Before"), b.Paragraph((b.Span("After"),))),
    )
    assert docx_bytes(known).startswith(b"PK")
    assert pdf_bytes(known, invariant=True)[0].startswith(b"%PDF")
