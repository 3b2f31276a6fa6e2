"""Page count against a template's page budget: recorded in the PDF's one layout pass,
stated in the export's warnings (PDF and Word), and silent when the export fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.layout import blocks as b
from app.models import Briefing, BriefingStyle, Note, Section
from exporters.export import export_briefing, render_document
from exporters.pages import PageReport, SectionPages
from exporters.pdf import render_pdf
from tests.exporters.helpers import flat, pdf_pages

LONG_NOTE = (
    "The ministry has not confirmed the figure, and two officials gave different accounts "
    "of when the units moved, so the number should be treated with caution until it is "
    "checked against the ministry's own transcript."
)


def _long_layout() -> b.DocumentLayout:
    """Section "Alpha" fits page 1, "Bravo" runs over several pages, "Charlie" comes after."""
    paragraph = b.Paragraph((b.Span(LONG_NOTE),))
    return b.DocumentLayout(
        title="Budget",
        subject="",
        author="",
        marking="",
        page_size="A4",
        blocks=(
            b.Heading("Alpha"),
            paragraph,
            b.Heading("Bravo"),
            *[b.Paragraph((b.Span(f"Bravo {n}. {LONG_NOTE}"),)) for n in range(60)],
            b.Heading("Charlie"),
            b.Paragraph((b.Span("Charlie's only paragraph."),)),
        ),
    )


def test_pdf_records_the_page_of_each_section_and_of_its_last_block(tmp_path: Path) -> None:
    rendered = render_pdf(_long_layout(), invariant=True)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.data)
    pages = [flat(text) for text in pdf_pages(path)]

    def page_of(text: str) -> int:
        return next(n for n, page in enumerate(pages, start=1) if text in page)

    sections = {s.title: s for s in rendered.pages.sections}
    assert rendered.pages.pages == len(pages) > 2
    assert list(sections) == ["Alpha", "Bravo", "Charlie"]
    assert (sections["Alpha"].first, sections["Alpha"].last) == (1, 1)
    assert sections["Bravo"].first == 1
    assert sections["Bravo"].last == page_of("Bravo 59.")
    assert sections["Charlie"].first == sections["Charlie"].last == page_of("Charlie's only")


def _briefing(notes_in_middle: int, budget: int | None) -> Briefing:
    sections = (
        Section(title="Key points", items=(Note(text="Short first section."),)),
        Section(
            title="Questions to ask",
            items=tuple(Note(text=f"Note {n}. {LONG_NOTE}") for n in range(notes_in_middle)),
        ),
        Section(title="Background", items=(Note(text="Closing note."),)),
    )
    return Briefing(
        title="Budget brief", sections=sections, style=BriefingStyle(page_budget=budget)
    )


def test_a_pdf_over_its_budget_says_how_long_and_which_sections_overflow(tmp_path: Path) -> None:
    path = tmp_path / "over.pdf"
    report = export_briefing(_briefing(40, budget=1), path, "pdf")
    pages = len(pdf_pages(path))

    budget = [w for w in report.warnings if "budget" in w]
    assert pages > 1
    assert budget == [
        f"The brief runs to {pages} pages against a budget of 1; “Questions to ask” and "
        "“Background” run past page 1."
    ]


def test_a_word_export_over_its_budget_gives_the_pdf_count_as_an_estimate(tmp_path: Path) -> None:
    briefing = _briefing(40, budget=1)
    pdf_count = render_document(briefing, "pdf").pages
    report = export_briefing(briefing, tmp_path / "over.docx", "docx")

    assert pdf_count is not None and pdf_count.pages > 1
    budget = [w for w in report.warnings if "budget" in w]
    assert len(budget) == 1
    assert budget[0].startswith(
        f"The brief runs to about {pdf_count.pages} pages against a budget of 1"
    )
    assert "“Questions to ask”" in budget[0] and "Key points" not in budget[0]


@pytest.mark.parametrize("output_format", ["pdf", "docx"])
def test_an_export_within_its_budget_says_nothing_about_pages(
    tmp_path: Path, output_format: str
) -> None:
    report = export_briefing(
        _briefing(1, budget=1), tmp_path / f"fits.{output_format}", output_format
    )
    assert not [w for w in report.warnings if "page" in w]


@pytest.mark.parametrize("output_format", ["pdf", "docx"])
def test_without_a_budget_a_long_export_says_nothing_about_pages(
    tmp_path: Path, output_format: str
) -> None:
    report = export_briefing(
        _briefing(40, budget=None), tmp_path / f"long.{output_format}", output_format
    )
    assert not [w for w in report.warnings if "page" in w]


def test_page_report_sentences() -> None:
    sections = (SectionPages("Key points", 1, 2), SectionPages("Sources", 3, 3))
    over = PageReport(pages=3, budget=1, sections=sections)
    one = PageReport(pages=2, budget=1, sections=(SectionPages("Key points", 1, 2),))
    fits = PageReport(pages=1, budget=1, sections=(SectionPages("Key points", 1, 1),))

    assert over.warning() == (
        "The brief runs to 3 pages against a budget of 1; “Key points” and “Sources” run "
        "past page 1."
    )
    assert one.warning() == (
        "The brief runs to 2 pages against a budget of 1; “Key points” runs past page 1."
    )
    assert over.summary() == (
        "3 pages against a budget of 1: “Key points” and “Sources” run past page 1."
    )
    assert fits.warning() is None
    assert fits.summary() == "1 page, within the budget of 1."
    assert PageReport(pages=4).summary() == "4 pages."
    assert PageReport(pages=4).warning() is None


@pytest.mark.parametrize("output_format", ["pdf", "docx"])
def test_the_command_line_export_prints_the_budget_warning(
    tmp_path: Path, output_format: str
) -> None:
    from app.storage import save_briefing
    from tests.test_cli import run_cli

    saved = tmp_path / "over.briefing"
    save_briefing(_briefing(40, budget=1), saved)
    out = tmp_path / f"over.{output_format}"
    done = run_cli("export", str(saved), "-o", str(out))

    assert done.returncode == 0, done.stderr
    about = "about " if output_format == "docx" else ""
    pages = render_document(_briefing(40, budget=1), "pdf").pages
    assert pages is not None
    assert (
        f"briefing-builder: warning: The brief runs to {about}{pages.pages} pages against a "
        "budget of 1"
    ) in done.stderr
    assert "“Questions to ask” and “Background” run past page 1." in done.stderr
