"""The Word writer: every export is written to disk and read back with python-docx."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Length

from app.layout import DocumentLayout, layout
from app.models import Briefing, Note, Question, Section, Source
from exporters import styles
from exporters.common import ExportError, resource_bytes
from exporters.styles import word_style_names
from exporters.word import REFERENCE_DOCX, export_docx
from tests.exporters.helpers import (
    ACCENTED,
    AUTHOR,
    CYRILLIC,
    EMOJI,
    GREEK,
    MARKING,
    MARKUP,
    SOURCE_TITLE,
    TITLE,
    URL,
    unicode_briefing,
)

Export = Callable[..., Document]


@pytest.fixture
def export(tmp_path: Path) -> Export:
    """Lays out a briefing, exports it to a file in tmp_path and opens that file again."""

    def run(briefing: Briefing, page_size: str = "A4") -> Document:
        path = tmp_path / f"briefing-{page_size}.docx"
        report = export_docx(layout(_sized(briefing, page_size)), path)
        assert report.path == path
        return docx.Document(str(path))

    return run


@pytest.fixture
def rich(export: Export) -> Document:
    return export(unicode_briefing())


def _body_text(document: Document) -> str:
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([*paragraphs, *cells])


def _styles_used(document: Document) -> dict[str, str]:
    """Paragraph style name by paragraph text (the first paragraph with that text wins)."""
    used: dict[str, str] = {}
    for paragraph in document.paragraphs:
        used.setdefault(paragraph.text, paragraph.style.name)
    return used


def _num_ids(document: Document, text: str) -> set[str]:
    paragraphs = [p for p in document.paragraphs if p.text.startswith(text)]
    assert paragraphs, text
    return {v for p in paragraphs for v in p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")}


def _mm(length: Length | None) -> float:
    assert length is not None
    return length.mm


# Styles


def test_paragraphs_use_the_reference_style_names(rich: Document) -> None:
    used = _styles_used(rich)

    assert used[TITLE] == "Title"
    assert used["Bottom line"] == "Heading 1"
    assert used["Troop numbers are unverified; talks may resume."] == "Bottom Line"
    # A statement is a sentence of body text, its citation and status after it.
    statement = (
        "“We will not retreat,” Anna Kowalska, defence minister, said. [1,\u00a0¶2] (unconfirmed)"
    )
    assert used[statement] == "Body Text"
    assert used["Analyst’s note: Check against the ministry’s transcript."] == "Analyst Note"
    assert used["Will talks resume? — Stated uncertainty · Owner: Desk officer"] == "List Number"
    assert next(name for text, name in used.items() if text.startswith("[1]")) == "Source Entry"


def test_no_paragraph_falls_back_to_an_unknown_style(rich: Document) -> None:
    names = {p.style.name for p in rich.paragraphs}

    assert names <= word_style_names()
    assert {
        "Title",
        "Subtitle",
        "Heading 1",
        "Analyst Note",
        "List Number",
        "Source Entry",
        "Bottom Line",
        "Body Text",
    } <= names


def test_spans_use_the_character_styles(rich: Document) -> None:
    names = {s.style_id: s.name for s in rich.styles}
    used = {names[v] for v in rich.element.body.xpath(".//w:rPr/w:rStyle/@w:val")}

    assert {"Strong", "Emphasis", "Reference", "Hyperlink"} <= used


@pytest.mark.parametrize("name", sorted(word_style_names()))
def test_reference_docx_defines_every_style_with_the_right_type(name: str) -> None:
    reference = docx.Document(io.BytesIO(resource_bytes(REFERENCE_DOCX)))
    expected = (
        WD_STYLE_TYPE.TABLE
        if name == styles.TABLE
        else WD_STYLE_TYPE.CHARACTER
        if name in styles.CHARACTER_STYLES.values()
        else WD_STYLE_TYPE.PARAGRAPH
    )

    found = {style.name: style.type for style in reference.styles}

    assert found.get(name) == expected


# Figure table


def test_figure_table_has_the_briefing_style_and_five_columns(rich: Document) -> None:
    table = rich.tables[0]

    assert table.style.name == "Briefing Table"
    assert len(table.columns) == 5
    assert [c.text for c in table.rows[0].cells] == [
        "Figure",
        "Unit",
        "What it counts",
        "Asserted by",
        "Source",
    ]
    assert [c.text for c in table.rows[1].cells] == [
        "≈\u00a05,000–7,000",
        "",
        "troops near the border (as of 2024-10-17)",
        "Officials",
        "—",
    ]


def test_figure_table_header_row_repeats_on_each_page(rich: Document) -> None:
    rows = rich.tables[0].rows
    header = rows[0]._tr.trPr.find(qn("w:tblHeader"))

    assert header is not None
    assert header.get(qn("w:val")) in (None, "true", "1", "on")
    assert all(
        row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:]
    )


def test_no_figure_table_row_splits_across_a_page(export: Export) -> None:
    document = export(unicode_briefing(items_per_section=40))
    rows = [row for table in document.tables for row in table.rows]
    assert len(rows) > 40  # a table long enough to run over a page

    for row in rows:
        cant_split = row._tr.trPr.find(qn("w:cantSplit"))
        assert cant_split is not None
        assert cant_split.get(qn("w:val")) in (None, "true", "1", "on")
    # The schema's order within w:trPr: cantSplit before tblHeader, or Word calls it corrupt.
    header = [child.tag for child in rows[0]._tr.trPr]
    assert header.index(qn("w:cantSplit")) < header.index(qn("w:tblHeader"))


def test_the_table_header_row_stays_with_the_first_data_row(rich: Document) -> None:
    """Keep-with-next on the header row's paragraphs: never a header alone at a page foot."""
    header, first, *_ = rich.tables[0].rows
    assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in header.cells)
    assert not any(cell.paragraphs[0].paragraph_format.keep_with_next for cell in first.cells)


# Page furniture and properties


def test_marking_is_in_header_and_footer_of_every_section(rich: Document) -> None:
    for section in rich.sections:
        assert not section.different_first_page_header_footer  # page 1 uses this header too
        assert MARKING in [p.text for p in section.header.paragraphs]
        assert MARKING in [p.text for p in section.footer.paragraphs]
        assert section.header.paragraphs[0].style.name == "Marking"


def test_without_a_marking_header_and_footer_show_none(export: Export) -> None:
    document = export(unicode_briefing(marking=""))

    for section in document.sections:
        assert [p.text for p in section.header.paragraphs if p.text] == []
        assert [p.text for p in section.footer.paragraphs if p.text] == ["Page 1 of 1"]
        assert MARKING not in section.footer._element.xml


@pytest.mark.parametrize("marking", [MARKING, ""])
def test_footer_has_page_and_numpages_fields(export: Export, marking: str) -> None:
    document = export(unicode_briefing(marking=marking))

    for section in document.sections:
        footer = section.footer._element
        instructions = [i.text.strip() for i in footer.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        kinds = [f.get(qn("w:fldCharType")) for f in footer.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"] * 2


def test_core_properties_carry_title_author_subject_and_marking(rich: Document) -> None:
    properties = rich.core_properties

    assert properties.title == TITLE
    assert properties.author == AUTHOR
    assert properties.subject == SOURCE_TITLE
    assert properties.keywords == MARKING


@pytest.mark.parametrize(
    ("page_size", "width", "height"), [("A4", 210.0, 297.0), ("Letter", 215.9, 279.4)]
)
def test_page_size_is_set_on_every_section(
    export: Export, page_size: str, width: float, height: float
) -> None:
    document = export(unicode_briefing(), page_size)

    for section in document.sections:
        assert _mm(section.page_width) == pytest.approx(width, abs=0.1)
        assert _mm(section.page_height) == pytest.approx(height, abs=0.1)


# Links and text


def test_source_url_is_a_hyperlink_to_an_external_relationship(rich: Document) -> None:
    links = rich.element.body.findall(".//" + qn("w:hyperlink"))

    assert len(links) == 1
    relationship = rich.part.rels[links[0].get(qn("r:id"))]
    assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    assert relationship.is_external
    assert relationship.target_ref == URL
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == URL


def test_javascript_url_is_plain_text_without_a_relationship(export: Export) -> None:
    source = Source(text="Body.", title="Bad link", url="javascript:alert(1)")
    document = export(Briefing(title="x", sources=(source,)))

    assert document.element.body.findall(".//" + qn("w:hyperlink")) == []
    assert not [r for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert "javascript:alert(1)" in _body_text(document)


@pytest.mark.parametrize("text", [GREEK, CYRILLIC, EMOJI, ACCENTED, *MARKUP])
def test_unicode_and_markup_like_text_is_kept_literally(rich: Document, text: str) -> None:
    assert text in _body_text(rich)


def test_two_question_lists_restart_their_numbering(export: Export) -> None:
    briefing = Briefing(
        title="x",
        sections=(
            Section(title="First", items=(Question(text="Alpha one"), Question(text="Alpha two"))),
            Section(title="Second", items=(Question(text="Beta one"),)),
        ),
    )
    document = export(briefing)

    first, second = _num_ids(document, "Alpha"), _num_ids(document, "Beta")

    assert len(first) == 1 and len(second) == 1
    assert first != second
    numbering = document.part.numbering_part.element
    for number_id in (*first, *second):
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == number_id)
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


# Failures


def _layout() -> DocumentLayout:
    return layout(unicode_briefing())


def test_missing_folder_raises_export_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "briefing.docx"

    with pytest.raises(ExportError) as raised:
        export_docx(_layout(), path)

    assert str(raised.value)
    assert not path.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_replace_leaves_old_file_unchanged_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "briefing.docx"
    path.write_bytes(b"the previous export")
    document_layout = _layout()

    def fail(source: str, target: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ExportError) as raised:
        export_docx(document_layout, path)

    assert "unchanged" in str(raised.value)
    assert path.read_bytes() == b"the previous export"
    assert list(tmp_path.iterdir()) == [path]


def test_properties_longer_than_word_allows_are_shortened_not_fatal(export: Export) -> None:
    long = "Headline " * 40  # 360 characters; Word's core properties hold 255

    document = export(Briefing(title=long, author=long, marking=long))

    properties = document.core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert len(properties.author) == 255 and len(properties.keywords) == 255
    assert document.paragraphs[0].text == long.strip()  # the page keeps the whole title


def test_properties_carry_the_export_time_not_the_templates(export: Export) -> None:
    import datetime as dt

    document = export(Briefing(title="Now"))

    age = dt.datetime.now(dt.UTC) - document.core_properties.created
    assert dt.timedelta(0) <= age < dt.timedelta(minutes=5)


def test_questions_after_a_note_continue_the_same_numbering(export: Export) -> None:
    items = (Question(text="First?"), Note(text="aside"), Question(text="Second?"))

    document = export(Briefing(sections=(Section(title="Open questions", items=items),)))

    assert _num_ids(document, "First?") == _num_ids(document, "Second?")


def _sized(briefing: Briefing, page_size: str) -> Briefing:
    style = briefing.style.model_copy(update={"page_size": page_size})
    return briefing.model_copy(update={"style": style})
