"""`briefing-builder export`, run as a user runs it: a separate process, real files."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf

from app.storage import save_briefing
from tests.factories import rich_briefing
from tests.test_cli import run_cli

ARTICLE = (
    "Talks stall over grain corridor\n\n"
    "“We are not ready to sign,” the minister, Elena Petrova, said on Tuesday.\n\n"
    "Officials said 12,000 tonnes of grain were waiting at the port.\n\n"
    "It is unclear whether shipping will resume this month."
)


def write_article(folder: Path) -> Path:
    article = folder / "grain.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_article_to_pdf_accepts_every_proposal_under_the_article_title(tmp_path: Path) -> None:
    out = tmp_path / "grain.pdf"
    done = run_cli("export", str(write_article(tmp_path)), "--format", "pdf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    reader = pypdf.PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert reader.metadata.title == "Talks stall over grain corridor"
    flat = " ".join(text.split())
    assert "“We are not ready to sign,” Elena Petrova, the minister, said." in flat
    assert "(said)" not in flat
    assert "12,000" in text and "grain" in text
    assert "It is unclear whether shipping will resume" in text


def test_briefing_to_docx_with_format_from_the_suffix(tmp_path: Path) -> None:
    saved = tmp_path / "week.briefing"
    save_briefing(rich_briefing(), saved)
    out = tmp_path / "week.docx"
    done = run_cli("export", str(saved), "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(out))
    assert document.core_properties.title == rich_briefing().title
    assert any(
        p.style.name == "Body Text"
        and p.text.startswith("“We will not retreat,” Anna Kowalska, defence minister, said.")
        for p in document.paragraphs
    )


def test_unreadable_input_fails_clearly_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.briefing"
    broken.write_text('{"format": "briefing-builder/briefing", "schema_ver', encoding="utf-8")
    out = tmp_path / "out.pdf"
    done = run_cli("export", str(broken), "-o", str(out))
    assert done.returncode == 1
    assert "broken.briefing" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == [broken]


def test_unwritable_output_fails_clearly_and_keeps_the_old_file(tmp_path: Path) -> None:
    article = write_article(tmp_path)
    missing_folder = tmp_path / "no" / "such" / "folder" / "out.docx"
    done = run_cli("export", str(article), "-o", str(missing_folder))
    assert done.returncode == 1 and "Cannot save" in done.stderr
    assert "Traceback" not in done.stderr
    folder_as_output = tmp_path / "folder.pdf"
    folder_as_output.mkdir()
    done = run_cli("export", str(article), "-o", str(folder_as_output))
    assert done.returncode == 1 and "is a folder" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.pdf", "grain.txt"]


def test_unknown_format_and_input_as_output_are_refused(tmp_path: Path) -> None:
    article = write_article(tmp_path)
    done = run_cli("export", str(article), "-o", str(tmp_path / "out.odt"))
    assert done.returncode == 2 and "--format" in done.stderr
    done = run_cli("export", str(article), "--format", "pdf", "-o", str(article))
    assert done.returncode == 2 and "input file itself" in done.stderr
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_format_that_contradicts_the_suffix_is_refused(tmp_path: Path) -> None:
    saved = tmp_path / "week.briefing"
    save_briefing(rich_briefing(), saved)
    before = saved.read_bytes()
    done = run_cli("export", str(saved), "--format", "pdf", "-o", str(saved.with_suffix(".docx")))
    assert done.returncode == 2 and "does not end in .pdf" in done.stderr
    done = run_cli("export", str(write_article(tmp_path)), "--format", "pdf", "-o", str(saved))
    assert done.returncode == 2 and saved.read_bytes() == before
