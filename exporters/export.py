"""One call for every caller (window, command line): a briefing to a Word or PDF file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.layout import LayoutSettings, layout
from app.models import Briefing
from app.template_library import reference_docx_bytes
from exporters.common import ExportError, ExportReport, target_problem, write_atomically
from exporters.pages import PageReport
from exporters.pdf import export_pdf, render_pdf
from exporters.word import export_docx, render_docx

FORMATS = {"docx": export_docx, "pdf": export_pdf}
FORMAT_NAMES = {"docx": "Word document", "pdf": "PDF"}


def format_of(path: Path) -> str | None:
    """'docx' or 'pdf' from a file name's suffix, None for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def export_briefing(
    briefing: Briefing,
    path: Path,
    output_format: str,
    *,
    settings: LayoutSettings | None = None,
) -> ExportReport:
    """Lay out briefing and write it to path; ExportError says what went wrong."""
    if output_format not in FORMATS:
        raise ExportError(f"Unknown export format '{output_format}' (use docx or pdf).")
    problem = target_problem(path)  # said before the work, not after it
    if problem:
        raise ExportError(problem)
    data, warnings = document_bytes(briefing, output_format, settings=settings)
    write_atomically(path, data)
    return ExportReport(path=path, warnings=warnings)


def document_bytes(
    briefing: Briefing,
    output_format: str,
    *,
    settings: LayoutSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[str]]:
    """briefing laid out as a PDF or .docx file's bytes, with warnings for the user: the one
    path for the command line, and for the window's export child process."""
    rendered = render_document(briefing, output_format, settings=settings, progress=progress)
    return rendered.data, rendered.warnings


@dataclass(frozen=True)
class RenderedDocument:
    """An export's bytes, its warnings for the user, and its page count against the
    template's budget (None for a Word export whose template sets no budget)."""

    data: bytes
    warnings: list[str]
    pages: PageReport | None


def render_document(
    briefing: Briefing,
    output_format: str,
    *,
    settings: LayoutSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RenderedDocument:
    """briefing as a PDF or .docx; a page budget the export overruns adds a warning."""
    document_layout = layout(briefing, settings)
    budget = briefing.style.page_budget
    if output_format == "pdf":
        pdf = render_pdf(document_layout, progress=progress)
        pages = replace(pdf.pages, budget=budget)
        return RenderedDocument(pdf.data, [*pdf.warnings, *_budget_warning(pages)], pages)
    reference, problem = reference_docx_bytes(briefing.style.reference_docx)
    data, word_warnings = render_docx(document_layout, reference=reference, progress=progress)
    warnings = [*document_layout.warnings, *([problem] if problem else []), *word_warnings]
    if budget is None:
        return RenderedDocument(data, warnings, None)
    # Word lays out its own pages; the PDF of the same layout is a close estimate of them.
    estimate = replace(render_pdf(document_layout).pages, budget=budget, estimate=True)
    return RenderedDocument(data, [*warnings, *_budget_warning(estimate)], estimate)


def _budget_warning(pages: PageReport) -> list[str]:
    warning = pages.warning()
    return [warning] if warning else []
