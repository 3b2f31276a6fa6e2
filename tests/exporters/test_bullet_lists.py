"""Bulleted lists (the analyst's own "- " lines) in both writers, read back from the files."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.layout import blocks as b
from exporters.common import resource_bytes
from exporters.pdf import export_pdf
from exporters.word import REFERENCE_DOCX, docx_bytes, export_docx
from tests.exporters.helpers import GREEK, flat, pdf_pages

ENTRIES = (
    "Press the ministry for the casualty figures",
    f"Ask who briefed the {GREEK} delegation",
    "Agree a line on <b>markup</b> & escaping",
)


def _bulleted_layout(page_size: b.PageSize = "A4") -> b.DocumentLayout:
    bullets = b.BulletList(
        entries=(
            (b.Span(ENTRIES[0]),),
            (b.Span("Ask who briefed the "), b.Span(f"{GREEK} delegation", "strong")),
            (b.Span(ENTRIES[2]),),
        )
    )
    return b.DocumentLayout(
        title="Briefing",
        subject="Bullets",
        author="",
        marking="",
        page_size=page_size,
        blocks=(
            b.Heading("Recommendations"),
            b.Paragraph((b.Span("Before the list."),)),
            bullets,
            b.Paragraph((b.Span("After the list."),)),
        ),
    )


def test_reference_docx_defines_list_bullet_with_a_bullet_numbering() -> None:
    document = docx.Document(io.BytesIO(resource_bytes(REFERENCE_DOCX)))
    style = document.styles[b.LIST_BULLET]
    number_id = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert number_id is not None
    formats = document.part.numbering_part.element.xpath(
        f"//w:abstractNum[@w:abstractNumId=//w:num[@w:numId={number_id.get(qn('w:val'))}]"
        "/w:abstractNumId/@w:val]/w:lvl[@w:ilvl='0']/w:numFmt/@w:val"
    )
    assert formats == ["bullet"]


def test_word_writes_each_entry_as_a_list_bullet_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "bullets.docx"
    export_docx(_bulleted_layout(), path)
    document = docx.Document(str(path))
    listed = [p for p in document.paragraphs if p.style.name == b.LIST_BULLET]

    assert [p.text for p in listed] == list(ENTRIES)
    strong = [r for r in listed[1].runs if r.style is not None and r.style.name == "Strong"]
    assert [r.text for r in strong] == [f"{GREEK} delegation"]
    texts = [p.text for p in document.paragraphs]
    assert texts.index("Before the list.") < texts.index(ENTRIES[0])
    assert texts.index(ENTRIES[2]) < texts.index("After the list.")


def test_word_writes_the_bullet_when_a_reference_style_has_no_numbering() -> None:
    """A house reference .docx whose List Bullet draws no bullet still shows one."""
    house = docx.Document()
    style = house.styles[b.LIST_BULLET]
    for numbering in style.element.findall(f".//{qn('w:numPr')}"):
        numbering.getparent().remove(numbering)
    stream = io.BytesIO()
    house.save(stream)

    written = docx.Document(io.BytesIO(docx_bytes(_bulleted_layout(), reference=stream.getvalue())))
    listed = [p.text for p in written.paragraphs if p.style.name == b.LIST_BULLET]

    assert listed == [f"•\t{entry}" for entry in ENTRIES]


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_pdf_draws_a_bullet_before_each_entry(tmp_path: Path, page_size: b.PageSize) -> None:
    path = tmp_path / "bullets.pdf"
    export_pdf(_bulleted_layout(page_size), path)
    text = flat(" ".join(pdf_pages(path)))

    for entry in ENTRIES:
        assert f"• {entry}" in text
    assert text.index("Before the list.") < text.index(ENTRIES[0])
    assert text.index(ENTRIES[2]) < text.index("After the list.")


def test_word_keeps_the_line_introducing_a_list_with_it(tmp_path: Path) -> None:
    path = tmp_path / "bullets.docx"
    export_docx(_bulleted_layout(), path)
    by_text = {p.text: p for p in docx.Document(str(path)).paragraphs}

    assert by_text["Before the list."].paragraph_format.keep_with_next is True
    assert not by_text["After the list."].paragraph_format.keep_with_next


def test_pdf_never_leaves_the_line_introducing_a_list_alone_at_a_page_foot(
    tmp_path: Path,
) -> None:
    """Whatever room the page has left, the introduction and the first entry share a page."""
    base = _bulleted_layout()
    heading, *rest = base.blocks
    for filler in range(28, 44):
        fillers = [b.Paragraph((b.Span(f"Filler {n}."),)) for n in range(filler)]
        blocks = (heading, *fillers, *rest)
        path = tmp_path / f"filler-{filler}.pdf"
        export_pdf(b.DocumentLayout(**{**base.__dict__, "blocks": blocks}), path)
        pages = [flat(text) for text in pdf_pages(path)]
        before = next(n for n, text in enumerate(pages) if "Before the list." in text)
        first = next(n for n, text in enumerate(pages) if ENTRIES[0] in text)
        assert before == first, f"with {filler} filler paragraphs"
    assert len(pages) == 2  # the last layouts did run over the page
