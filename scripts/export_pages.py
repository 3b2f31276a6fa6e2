"""Page images of the sample briefing as exported, for the README: PDF and Word.

The PDF is rendered with pdftoppm; the .docx is first converted by LibreOffice, so the
images show what a reader of the Word file sees. Needs poppler-utils and LibreOffice:
    .venv/bin/python scripts/export_pages.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))

from app.edits import set_header  # noqa: E402
from app.extraction import extract  # noqa: E402
from app.proposals import briefing_from_article  # noqa: E402
from app.sample import load_sample  # noqa: E402
from exporters.export import export_briefing  # noqa: E402

HEADER = {
    "marking": "OFFICIAL-SENSITIVE",
    "author": "J. Analyst, Eastern Europe desk",
    "date": dt.date(2024, 10, 24),
    "bottom_line": "North Korean troops are reported in Russia; their number and any role "
    "in Ukraine are unconfirmed. Integration with Russian command is the open question.",
}


def sample_briefing():
    source = load_sample()
    briefing = briefing_from_article(source, extract(source))
    for field, value in HEADER.items():
        briefing = set_header(briefing, field, value)
    return briefing


def render(pdf: Path, prefix: str) -> list[Path]:
    for old in DOCS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(DOCS / prefix)], check=True)
    return sorted(DOCS.glob(f"{prefix}-*.png"))


def main() -> int:
    work = Path(tempfile.mkdtemp())
    briefing = sample_briefing()
    export_briefing(briefing, work / "sample.pdf", "pdf")
    export_briefing(briefing, work / "sample.docx", "docx")
    written = render(work / "sample.pdf", "export-pdf")
    soffice = shutil.which("soffice")
    if soffice:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to",
             "pdf", "--outdir", str(work / "lo"), str(work / "sample.docx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        written += render(work / "lo" / "sample.pdf", "export-docx")
    else:
        print("soffice not found: no images of the Word export")
    for path in written:
        print("wrote", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
