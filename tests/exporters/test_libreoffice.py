"""An exported .docx opens in a real word processor: LibreOffice converts it to PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.layout import layout
from exporters.word import export_docx
from tests.exporters.helpers import MARKING, flat, pdf_pages, sample_briefing

SOFFICE = shutil.which("soffice")

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed, so no .docx can be converted"
)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    """The sample briefing's title and the text of each page LibreOffice made of its .docx."""
    folder = tmp_path_factory.mktemp("libreoffice")
    briefing = sample_briefing(marking=MARKING)
    document = folder / "sample.docx"
    export_docx(layout(briefing), document)
    profile = (folder / "profile").as_uri()  # a private profile: parallel runs do not clash
    assert SOFFICE is not None
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pdf = folder / "out" / "sample.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return briefing.title, pdf_pages(pdf)


def test_converted_pdf_has_the_title(converted: tuple[str, list[str]]) -> None:
    title, pages = converted

    assert title
    assert flat(title) in flat(pages[0])


def test_converted_pdf_has_the_marking_on_every_page(converted: tuple[str, list[str]]) -> None:
    _, pages = converted

    assert all(MARKING in page for page in pages)


def test_converted_pdf_numbers_its_pages(converted: tuple[str, list[str]]) -> None:
    _, pages = converted

    assert "Page 1 of" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
