"""The window under faults: autosave while typing never stops, a start removes what killed
saves left, hostile briefings open, edit and save, and a crash names no internals."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import edits, storage
from app.models import Anchor, Briefing, Section, Source, Statement, TextRange
from app.storage import load_briefing, save_briefing
from tests.factories import rich_briefing
from tests.killed_saves import kill_a_save, temporary_files
from ui.application import _report_unexpected, start
from ui.autosave import Autosaver, AutosaveSchedule, AutosaveTiming, autosave_dir
from ui.document import BriefingDocument
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ----- when autosave writes ---------------------------------------------------------------


def typed_without_pause(seconds: float, key_every_ms: int = 100) -> list[float]:
    """When autosave writes (seconds after the first key) while keys come without a pause:
    the schedule's timer fires whenever its due time passes before the next key."""
    clock = FakeClock()
    start_at = clock.now
    schedule = AutosaveSchedule(AutosaveTiming(), clock)
    due: float | None = None
    writes = []
    for key in range(int(seconds * 1000) // key_every_ms):
        now = start_at + key * key_every_ms / 1000
        if due is not None and due <= now:  # the timer ran before this key
            writes.append(due - start_at)
            schedule.written()
        clock.now = now
        due = now + schedule.changed() / 1000
    return writes


def test_continuous_typing_is_first_saved_within_two_seconds_then_every_five() -> None:
    writes = typed_without_pause(60)
    assert 0 < writes[0] <= 2.0  # a crash 4 s into a session loses nothing older than 2 s
    gaps = [later - earlier for earlier, later in itertools.pairwise(writes)]
    assert gaps and max(gaps) <= 5.0 + 1e-9  # then a copy at least every 5 s
    assert min(gaps) > 1.0  # not a full write at every key
    assert len(writes) >= 11


def test_a_single_change_is_written_after_a_quiet_moment() -> None:
    clock = FakeClock()
    schedule = AutosaveSchedule(AutosaveTiming(quiet_ms=1500), clock)
    assert schedule.changed() == 1500


def test_after_a_save_the_next_work_counts_as_unprotected_again() -> None:
    clock = FakeClock()
    schedule = AutosaveSchedule(AutosaveTiming(), clock)
    schedule.changed()
    schedule.written()
    schedule.removed()  # the user saved: no copy holds the next change
    schedule.changed()
    clock.now += 1.9
    assert schedule.changed() <= 100


def test_a_failing_write_is_not_retried_at_every_keystroke() -> None:
    clock = FakeClock()
    schedule = AutosaveSchedule(AutosaveTiming(), clock)
    schedule.changed()
    clock.now += 2.0
    schedule.failed()
    assert schedule.changed() >= 1500


def test_the_window_autosaves_within_two_seconds_of_typing_that_never_pauses(qtbot) -> None:
    clock = FakeClock()
    document = BriefingDocument()
    document.reset(rich_briefing(), None)
    autosaver = Autosaver(document, timing=AutosaveTiming(), clock=clock)
    start_time = clock.now
    title = ""
    while clock.now < start_time + 1.95:  # typing a title, a key every 50 ms
        title += "x"
        document.apply("Edit title", edits.set_header(document.briefing, "title", title))
        due = autosaver.due_in()
        assert due is not None and clock.now + due / 1000 <= start_time + 2.0 + 1e-9
        clock.now += 0.05
    assert not autosaver.path.exists()  # due, but the timer has not run yet
    qtbot.waitUntil(autosaver.path.exists, timeout=10_000)  # the timer writes it
    assert load_briefing(autosaver.path).title == title
    autosaver.remove()


# ----- a start removes the leftovers of killed saves -------------------------------------


@pytest.fixture
def started(qtbot, monkeypatch: pytest.MonkeyPatch, messages: list):
    """Runs the real start-up (as the command line does) and closes its window after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs its own

    def run(file: str | None, settings: QSettings) -> MainWindow:
        window = start(file=file, qt_args=[], settings=settings)
        qtbot.addWidget(window)
        return window

    return run


def test_a_start_removes_what_killed_saves_left_and_nothing_else(
    started, tmp_path: Path, data_dir: Path, settings: QSettings
) -> None:
    # A killed autosave, a killed save beside a recent briefing, and one beside the
    # briefing named on the command line; a stranger's files in the same folders.
    autosaves = autosave_dir()
    autosaves.mkdir(parents=True)
    kill_a_save(autosaves / "0123abcd.briefing")
    recent_folder, opened_folder = tmp_path / "recent", tmp_path / "opened"
    recent_folder.mkdir()
    opened_folder.mkdir()
    recent = recent_folder / "earlier.briefing"
    save_briefing(rich_briefing(), recent)
    kill_a_save(recent_folder / "new name.briefing")  # a Save As killed: never recent
    opened = opened_folder / "today.briefing"
    save_briefing(rich_briefing(), opened)
    kill_a_save(opened)
    strangers = [recent_folder / ".settings.ini.abcd1234.tmp", opened_folder / "notes.txt"]
    for stranger in strangers:
        stranger.write_text("not ours", encoding="utf-8")
    settings.setValue("recent/files", [str(recent)])
    assert all(temporary_files(f) for f in (autosaves, recent_folder, opened_folder))

    window = started(str(opened), settings)

    assert temporary_files(autosaves) == []
    assert temporary_files(recent_folder) == [strangers[0]]
    assert temporary_files(opened_folder) == []
    assert all(stranger.exists() for stranger in strangers)
    assert window.path == opened and load_briefing(opened).title == window.briefing.title


# ----- hostile briefings in the window ---------------------------------------------------


def test_a_briefing_with_lone_surrogates_opens_edits_autosaves_and_saves(
    window: MainWindow, tmp_path: Path, messages: list
) -> None:
    briefing = rich_briefing()
    document = {
        "format": storage.BRIEFING_FORMAT,
        "schema_version": storage.BRIEFING_SCHEMA_VERSION,
        "briefing": briefing.model_dump(mode="json"),
    }
    raw = json.dumps(document).replace('"title": "Ministers', '"title": "\\ud800Ministers')
    path = tmp_path / "surrogate.briefing"
    path.write_text(raw, encoding="ascii")

    assert window.open_path(path)
    window.document.apply("Edit title", edits.set_header(window.briefing, "title", "Edited"))
    assert window.autosaver.save_now() and window.autosaver.last_error is None
    window._ask_save_path = lambda: tmp_path / "saved as.briefing"
    assert window.save_as()

    reread = load_briefing(tmp_path / "saved as.briefing")
    assert reread.title == "Edited"
    assert reread.sources[0].title.startswith("\ufffdMinisters")
    assert messages == []


def far_briefing(start: int) -> Briefing:
    text = "Officials said the border stays closed until further notice."
    source = Source(
        text=text,
        title="Far",
        paragraphs=(TextRange(start=0, end=len(text)),),
        boilerplate=(TextRange(start=start, end=start + 10),),
    )
    found = Anchor(source_id=source.id, start=start, end=start + 10, text="the border")
    lost = Anchor(source_id=source.id, start=start, end=start + 5, text="gone words")
    items = (
        Statement(content="The border stays closed", anchor=found),
        Statement(content="Something else", anchor=lost),
    )
    return Briefing(sections=(Section(title="S", items=items),), sources=(source,))


@pytest.mark.parametrize("start", [100, 2**31, 2**40])
def test_offsets_past_the_text_neither_crash_the_reader_nor_reach_qt(
    window: MainWindow, qtbot, start: int
) -> None:
    # Straight into the document, as an edit might put it: the reader itself copes.
    window.document.reset(far_briefing(start), None)
    qtbot.waitUntil(window.reader.is_ready, timeout=10_000)
    for item in window.briefing.items():
        window._reveal_item(item.id)
        window.editor.select_item(item.id)
    window.reader.reveal(start, start + 10)
    window.reader.select_range(-start, start)
    assert window.reader.toPlainText().startswith("Officials")


def test_a_file_with_offsets_past_the_text_opens_repaired_and_says_so(
    window: MainWindow, tmp_path: Path, messages: list
) -> None:
    path = tmp_path / "far.briefing"
    save_briefing(far_briefing(2**40), path)

    assert window.open_path(path)

    found, lost = window.briefing.items()
    text = window.briefing.sources[0].text
    assert found.anchor is not None and text[found.anchor.start : found.anchor.end] == "the border"
    assert lost.anchor is not None and lost.anchor.end <= len(text)
    ((_title, message),) = messages
    assert "repaired" in message and "found again" in message and "not in it" in message
    assert "Error" not in message
    assert window.isWindowModified()  # the repair is kept only once saved


# ----- a crash in front of the user -----------------------------------------------------


def test_the_crash_box_names_no_exception_class_nor_its_text(
    window: MainWindow, messages: list
) -> None:
    try:
        raise KeyError("internal_field_name")
    except KeyError as error:
        _report_unexpected(type(error), error, error.__traceback__, window=window)
    _title, text = messages[-1]
    assert "Something went wrong" in text and "log file" in text
    assert "KeyError" not in text and "internal_field_name" not in text


def test_an_unusable_autosave_folder_is_said_in_words(qtbot, tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("in the way", encoding="utf-8")
    document = BriefingDocument()
    document.reset(rich_briefing(), None, unsaved=True)
    autosaver = Autosaver(document, blocked / "autosave")
    assert not autosaver.save_now()
    problem = autosaver.last_error or ""
    assert "cannot be used" in problem and "Errno" not in problem and "Error" not in problem
