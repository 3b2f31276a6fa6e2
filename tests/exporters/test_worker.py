"""The export child process: a briefing's JSON in; a reply line, then the document, out."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import docx
import pypdf

from app.models import Briefing, Note, Section
from exporters.worker import run

BRIEFING = Briefing(
    title="Worker brief",
    date=dt.date(2024, 10, 24),
    bottom_line="The worker writes what the window asks for.",
    sections=(Section(title="Notes", items=tuple(Note(text=f"Note {n}.") for n in range(30))),),
)


def test_the_worker_process_replies_with_warnings_then_the_pdf_and_reports_progress() -> None:
    done = subprocess.run(
        [sys.executable, "-I", "-m", "exporters.worker", "pdf"],
        input=BRIEFING.model_dump_json().encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=True,
    )
    line, _, data = done.stdout.partition(b"\n")
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    count = len(pages)
    assert json.loads(line) == {
        "warnings": [],
        "pages": {"count": count, "summary": f"{count} page{'s' * (count != 1)}.", "warning": None},
    }
    text = "".join(page.extract_text() for page in pages)
    assert "Worker brief" in text and "Note 29." in text
    progress = [line.split() for line in done.stderr.splitlines()]
    assert progress and all(words[0] == b"progress" for words in progress)
    assert int(progress[-1][1]) == int(progress[-1][2]) > 0  # all done, of a known total


def test_a_word_document_comes_back_as_bytes() -> None:
    reply, data = run("docx", BRIEFING.model_dump_json().encode("utf-8"))
    assert reply == {"warnings": []}
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Worker brief"


def test_a_pdf_over_its_page_budget_says_so_in_the_reply() -> None:
    notes = tuple(Note(text=f"Note {n}. " + "Words to fill the page. " * 12) for n in range(60))
    over = BRIEFING.model_copy(
        update={
            "sections": (Section(title="Notes", items=notes),),
            "style": BRIEFING.style.model_copy(update={"page_budget": 1}),
        }
    )
    reply, data = run("pdf", over.model_dump_json().encode("utf-8"))
    count = len(pypdf.PdfReader(io.BytesIO(data)).pages)

    warning = f"The brief runs to {count} pages against a budget of 1; “Notes” runs past page 1."
    assert count > 1
    assert reply["warnings"] == [warning]
    assert reply["pages"] == {
        "count": count,
        "summary": f"{count} pages against a budget of 1: “Notes” runs past page 1.",
        "warning": warning,
    }


def test_what_goes_wrong_is_one_sentence_and_no_document() -> None:
    assert run("odt", b"{}") == ({"error": "Unknown export format 'odt' (use docx or pdf)."}, b"")
    reply, data = run("pdf", b'{"title": "cut sho')
    assert data == b"" and "did not reach the exporter intact" in str(reply["error"])
