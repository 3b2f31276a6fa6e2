"""Long work off the GUI thread: exports in a child process that Cancel kills, the PDF
reader's child killed by Cancel, reader offsets that can never raise, and a start-up that
does not load the writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import app.importing.pdf as pdf_reader
import ui.export_job
from app.importing import import_text
from app.models import Briefing, Figure, Note, Question, Section, Source, Statement
from tests.ui.long_article import long_article
from tests.ui.test_export import answer_export_path
from ui.export_job import briefing_json_slices
from ui.main_window import MainWindow
from ui.reader import ArticleReader

ROOT = Path(__file__).resolve().parents[2]
EXPORT_WAIT_MS = 60_000


def alive(pid: int) -> bool:
    """True while process pid runs (a zombie waiting to be reaped counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ")[-1].startswith("Z"))


def long_briefing(items: int) -> Briefing:
    """A briefing whose PDF takes seconds to build: items long notes in one section."""
    notes = tuple(
        Note(text=f"Paragraph {n}: " + "the convoy reached the border at dawn. " * 12)
        for n in range(items)
    )
    return Briefing(title="Long", sections=(Section(title="Notes", items=notes),))


def start_long_pdf_export(window: MainWindow, qtbot, items: int = 3_000):
    window.document.reset(long_briefing(items), None)
    job = window.exports.export_pdf()
    qtbot.waitUntil(lambda: job.child_pid() is not None, timeout=10_000)
    return job


# ----- export -----------------------------------------------------------------------------
def test_cancel_kills_the_export_process_and_writes_nothing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    asked = answer_export_path(monkeypatch, window, tmp_path / "never.pdf")
    job = start_long_pdf_export(window, qtbot)
    pid = job.child_pid()
    assert pid is not None and window.busy.is_visible() and window.exports.running()
    qtbot.waitUntil(lambda: window.busy.bar.maximum() > 0, timeout=EXPORT_WAIT_MS)  # progress
    window.busy.cancel_button.click()
    qtbot.waitUntil(lambda: not alive(pid), timeout=2_000)
    assert not window.exports.running() and not window.busy.is_visible()
    qtbot.wait(300)  # nothing arrives late: no preview, no question, no message
    assert window.exports.preview is None and asked == [] and messages == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_export_process_that_dies_is_one_clear_sentence(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    asked = answer_export_path(monkeypatch, window, tmp_path / "never.pdf")
    job = start_long_pdf_export(window, qtbot)
    os.kill(job.child_pid(), signal.SIGKILL)  # as the system would, short of memory
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    title, text = messages[-1]
    assert title == "Export failed" and "stopped unexpectedly" in text
    assert "Traceback" not in text and text.count(".") <= 2
    assert not window.exports.running() and not window.busy.is_visible() and asked == []


def test_a_briefing_too_large_to_export_says_so(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    monkeypatch.setattr(ui.export_job, "MAX_EXPORT_BYTES", 50_000)
    job = start_long_pdf_export(window, qtbot, items=500)
    pid = job.child_pid()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[-1][0] == "Export failed" and "too large to export" in messages[-1][1]
    qtbot.waitUntil(lambda: not alive(pid), timeout=2_000)
    assert not window.exports.running()


def test_the_briefing_reaches_the_export_process_whole() -> None:
    source = Source(title="Article", text="He said “yes” — 5,000 troops. ☃ 😀")
    briefing = Briefing(
        title="Brief",
        sections=(
            Section(title="Said", items=tuple(Statement(content=f"s{n}") for n in range(450))),
            Section(title="Empty"),
            Section(title="Mixed", items=(Figure(text="5,000", value=5000), Question(text="?"))),
        ),
        sources=(source,),
        rejected=("a", "b"),
    )
    for sample in (briefing, Briefing()):
        sent = b"".join(briefing_json_slices(sample))
        assert json.loads(sent) == json.loads(sample.model_dump_json())
        assert Briefing.model_validate_json(sent) == sample


def test_start_up_loads_no_writer_and_no_pdf_renderer() -> None:
    code = (
        "import sys, ui.main_window; "
        "print([m for m in sys.modules if m.split('.')[0] in "
        "('docx', 'reportlab', 'pypdfium2', 'exporters')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.stdout.strip() == "[]"


# ----- the PDF reader's child process -----------------------------------------------------
def test_cancel_kills_the_pdf_readers_child_process(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "reader.pid"
    slow_reader = (
        f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    )
    monkeypatch.setattr(
        pdf_reader, "_worker_command", lambda path, *budgets: [sys.executable, "-c", slow_reader]
    )
    article = tmp_path / "slow.pdf"
    article.write_bytes(b"%PDF-1.4\n% a reader that never ends stands in for pypdf\n")
    window.open_path(article)
    qtbot.waitUntil(lambda: pid_file.exists() and pid_file.read_text() != "", timeout=10_000)
    pid = int(pid_file.read_text())
    assert alive(pid) and window.is_loading()
    window.busy.cancel_button.click()
    qtbot.waitUntil(lambda: not alive(pid), timeout=2_000)
    assert not window.is_loading()


# ----- reader offsets ---------------------------------------------------------------------
OUT_OF_RANGE = [(0, 10**6), (2**31, 2**31 + 5), (2**40, 2**63), (-5, 3), (10, 2**31), (9, 4)]


def test_reader_offsets_past_the_text_or_beyond_qt_ints_never_raise(qtbot) -> None:
    reader = ArticleReader()
    qtbot.addWidget(reader)
    source = import_text("Grüße 😀 aus Berlin. Ein zweiter Satz 😀 folgt.")
    reader.show_source(source, None)
    for start, end in OUT_OF_RANGE:
        reader.select_range(start, end)
        reader.reveal(start, end)
    reader.select_range(2, 2**31 + 7)
    assert reader.selected_range() == (2, len(source.text))
    reader.reveal(2**40, 2**40 + 3)  # the end of the text: nothing to select
    assert reader.selected_range() is None


def test_reader_offsets_are_safe_while_a_long_text_still_goes_in(qtbot) -> None:
    reader = ArticleReader()
    qtbot.addWidget(reader)
    source = import_text(long_article(300_000))
    reader.show_source(source, None)
    assert not reader.is_ready()
    for start, end in OUT_OF_RANGE:
        reader.select_range(start, end)
        reader.reveal(start, end)
    qtbot.waitUntil(reader.is_ready, timeout=30_000)
    reader.select_range(len(source.text) - 5, 2**31)
    assert reader.selected_range() == (len(source.text) - 5, len(source.text))
