"""One call for every caller (window, command line): a briefing to a Word or PDF file."""

from __future__ import annotations

from pathlib import Path

from app.layout import LayoutSettings, layout
from app.models import Briefing
from app.template_library import reference_docx_bytes
from exporters.common import ExportError, ExportReport
from exporters.pdf import export_pdf
from exporters.word import export_docx

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
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name to export to.")
    document_layout = layout(briefing, settings)
    if output_format == "pdf":
        return export_pdf(document_layout, path)
    reference, problem = reference_docx_bytes(briefing.style.reference_docx)
    report = export_docx(document_layout, path, reference=reference)
    if problem:
        report.warnings.append(problem)
    return report
