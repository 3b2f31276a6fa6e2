"""A template's look reaches the exported files: furniture lines, numbering, citations,
grades and a Word reference document of the user's own."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from app.models import Briefing, BriefingStyle, Note, Question, Section
from exporters.export import export_briefing
from tests.exporters.helpers import pdf_pages, unicode_briefing

HEADER = "Policy Unit — Λ header"
FOOTER = "Not for onward distribution"


def styled(briefing: Briefing, **style: object) -> Briefing:
    return briefing.model_copy(update={"style": BriefingStyle(**style)})


def furnished(items_per_section: int = 12) -> Briefing:
    return styled(
        unicode_briefing(items_per_section=items_per_section),
        header_text=HEADER,
        footer_text=FOOTER,
    )


def test_pdf_pages_carry_header_and_footer_text(tmp_path: Path) -> None:
    path = tmp_path / "look.pdf"
    export_briefing(furnished(), path, "pdf")
    pages = pdf_pages(path)
    assert len(pages) >= 2
    for page in pages:
        assert HEADER in page and FOOTER in page and "OFFICIAL-SENSITIVE" in page


def test_word_header_and_footer_carry_the_template_lines(tmp_path: Path) -> None:
    path = tmp_path / "look.docx"
    export_briefing(furnished(1), path, "docx")
    section = docx.Document(str(path)).sections[0]
    header = [p.text for p in section.header.paragraphs]
    footer = [p.text for p in section.footer.paragraphs]
    assert header == ["OFFICIAL-SENSITIVE", HEADER]
    assert footer[:2] == [FOOTER, "OFFICIAL-SENSITIVE"] and footer[2].startswith("Page ")


def test_numbered_questions_continue_the_document_numbers_in_word(tmp_path: Path) -> None:
    sections = (
        Section(title="A", items=(Note(text="first"), Note(text="second"))),
        Section(title="B", items=(Question(text="Third?"), Question(text="Fourth?"))),
    )
    path = tmp_path / "numbers.docx"
    export_briefing(styled(Briefing(sections=sections), numbered_items=True), path, "docx")
    document = docx.Document(str(path))
    body = [p.text for p in document.paragraphs]
    assert "1.\u00a0first" in body and "2.\u00a0second" in body  # the analyst's own text
    numbering = document.part.numbering_part.element
    start = numbering.xpath("//w:num/w:lvlOverride/w:startOverride/@w:val")
    assert start[-1] == "3"  # Word shows the questions as 3 and 4


def test_inline_citations_in_pdf_name_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "inline.pdf"
    export_briefing(styled(unicode_briefing(), citation_style="inline"), path, "pdf")
    text = "\n".join(pdf_pages(path))
    assert "(Test Times" in text and "[1" not in text


def _word_made_reference(path: Path) -> Path:
    """A reference document as Word users make one: only Word's own styles, restyled."""
    document = docx.Document()
    document.styles["Heading 1"].font.size = docx.shared.Pt(20)
    document.save(str(path))
    return path


def test_a_users_reference_docx_is_used_and_missing_styles_are_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_BUILDER_DATA_DIR", str(tmp_path / "data"))
    from app.template_library import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    _word_made_reference(folder / "house.docx")
    path = tmp_path / "house-look.docx"
    report = export_briefing(styled(unicode_briefing(), reference_docx="house.docx"), path, "docx")
    assert not [w for w in report.warnings if "look" in w]
    document = docx.Document(str(path))
    assert document.styles["Heading 1"].font.size == docx.shared.Pt(20)
    used = {p.style.name for p in document.paragraphs}
    assert {"Analyst Note", "Source Entry", "Body Text", "Heading 1"} <= used


def test_a_missing_or_damaged_reference_falls_back_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_BUILDER_DATA_DIR", str(tmp_path / "data"))
    from app.template_library import user_templates_dir

    briefing = styled(unicode_briefing(), reference_docx="gone.docx")
    report = export_briefing(briefing, tmp_path / "a.docx", "docx")
    assert any("gone.docx" in w for w in report.warnings)
    user_templates_dir().mkdir(parents=True)
    (user_templates_dir() / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    briefing = styled(unicode_briefing(), reference_docx="bad.docx")
    report = export_briefing(briefing, tmp_path / "b.docx", "docx")
    assert any("standard look" in w for w in report.warnings)
    assert docx.Document(io.BytesIO((tmp_path / "b.docx").read_bytes())).paragraphs
