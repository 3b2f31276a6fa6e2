"""Longest event-loop block: how long the real window stops answering during long work.

A QTimer firing every 2 ms records the largest gap between two of its ticks, i.e. the
longest time between two turns of the GUI event loop while the work runs. Each scenario
runs --runs times in a fresh window; the median (and the worst) longest block is printed,
with the work's total time and the machine it ran on.

Scenarios:
  export-pdf  a 10,000-item briefing (the sample's accepted items, repeated) exported from
              the window's Export as PDF command: built in the background, the preview
              shown (its first pages drawn), Save pressed, the file written.
  locate      an item selected in the briefing tree whose passage moved in a 2 MB article
              (its anchor text, "the", occurs tens of thousands of times; the words after
              the passage changed): the window re-finds the passage and reveals it.
Target: the longest block at most 100 ms in each.
Benchmarks print figures; tests never assert timings.

  accept-all  Accept All Figures on an article with over 25,000 proposed figures (a
              1.5-million-character report): items are made a slice at a time, then
              added as one undoable step; the briefing tree and the proposals list follow.

To add a scenario, write a function
    def my_scenario(window: MainWindow) -> tuple[Callable[[], None], Callable[[], bool]]:
that prepares the window (untimed) and returns (start, finished): start begins the work as
the user would (timed from the turn before it), finished tells when the work is done.
Add it to SCENARIOS.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/event_loop_blocks.py
       [--runs 5] [--items 10000] [--only export-pdf|locate|accept-all]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox  # noqa: E402

from app import edits  # noqa: E402
from app.anchors import make_anchor  # noqa: E402
from app.extraction import extract  # noqa: E402
from app.importing import import_text  # noqa: E402
from app.models import Briefing, Note, Section, default_sections  # noqa: E402
from app.paths import DATA_DIR_VARIABLE  # noqa: E402
from app.proposals import all_proposals  # noqa: E402
from benchmarks.export_speed import sample_briefing, sized_briefing  # noqa: E402
from benchmarks.machine import describe  # noqa: E402
from tests.ui.long_article import long_article  # noqa: E402
from tests.ui.loop_watch import LoopWatch  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

Finished = Callable[[], bool]
Start = Callable[[], None]
Scenario = Callable[[MainWindow], tuple[Start, Finished]]
TICK_MS = 2
WORK_TIMEOUT_S = 600
_SCRATCH = Path(tempfile.mkdtemp(prefix="bb-loop-"))


def wait_until(finished: Finished, timeout: float = WORK_TIMEOUT_S) -> None:
    """Turn the event loop (no sleeping in between) until finished() or timeout."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: (finished() or time.monotonic() > deadline) and loop.quit())
    poll.start()
    loop.exec()
    poll.stop()
    if not finished():
        raise SystemExit(f"the work did not finish within {timeout:g} s")


# ----- scenarios --------------------------------------------------------------------------
def export_pdf(items: int) -> Scenario:
    def scenario(window: MainWindow) -> tuple[Start, Finished]:
        briefing = sized_briefing(sample_briefing(), items)
        window.context.start_briefing(briefing)
        target = _SCRATCH / f"export-{time.monotonic_ns()}.pdf"
        window.exports._ask_export_path = lambda output_format: target  # type: ignore[method-assign]
        written: list[Path] = []
        window.exports.exported.connect(written.append)

        def start() -> None:
            _press_save_once_drawn(window)
            window.export_pdf_action.trigger()

        return start, lambda: bool(written)

    return scenario


def _press_save_once_drawn(window: MainWindow) -> None:
    """Save in the preview once it shows and has drawn its first page, as a user would."""

    def look() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible() or preview.rendered_pages() == 0:
            QTimer.singleShot(20, look)
            return
        preview.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(20, look)


MOVED = "Only the harbour master counted them at dawn. "


def locate_moved_passage(window: MainWindow) -> tuple[Start, Finished]:
    original = import_text(long_article(1_500_000) + "\n" + MOVED + long_article(500_000))
    start = original.text.index(MOVED) + len("Only ")
    anchor = make_anchor(original, start, start + len("the"))
    rest = original.text.replace(MOVED, "")
    edited = rest[:40_001] + "Only the harbour master counted them, he said. " + rest[40_001:]
    source = original.model_copy(update={"text": edited, "paragraphs": (), "boilerplate": ()})
    item = Note(text="Counted by the harbour master.", anchor=anchor)
    briefing = Briefing(sections=(Section(title="Notes", items=(item,)),), sources=(source,))
    window.context.start_briefing(briefing)
    wait_until(lambda: not window.is_loading() and bool(window.reader.toPlainText()))
    expected = (40_001 + len("Only "), 40_001 + len("Only the"))
    return (
        lambda: window.editor.select_item(item.id),
        lambda: window.reader.selected_range() == expected,
    )


def accept_all(window: MainWindow) -> tuple[Start, Finished]:
    source = import_text(long_article(1_500_000))
    extraction = extract(source)
    window.reviews.register(source, extraction, None)
    window.context.start_briefing(edits.add_source(Briefing(sections=default_sections()), source))
    window.reviews.show(source.id)
    wait_until(lambda: not window.is_loading())
    count = len(extraction.figures)
    assert count >= 25_000, f"only {count} figures proposed"
    print(f"      (accept-all: {count:,} figures of {len(all_proposals(extraction)):,} proposals)")
    return (
        window.proposals.accept_all_actions["figure"].trigger,
        lambda: len(window.briefing.items()) == count and not window.is_loading(),
    )


SCENARIOS: dict[str, Callable[[argparse.Namespace], Scenario]] = {
    "export-pdf": lambda options: export_pdf(options.items),
    "locate": lambda options: locate_moved_passage,
    "accept-all": lambda options: accept_all,
}


# ----- running ----------------------------------------------------------------------------
def measure(scenario: Scenario) -> tuple[float, float]:
    """(longest block, total seconds) of one run of scenario in a fresh window."""
    settings = QSettings(
        str(_SCRATCH / f"settings-{time.monotonic_ns()}.ini"), QSettings.Format.IniFormat
    )
    window = MainWindow(settings)
    window.show()
    wait_until(lambda: not window.is_loading())
    start, finished = scenario(window)
    settle(0.3)
    watch = LoopWatch(TICK_MS)
    settle(0.05)
    started = time.perf_counter()
    start()
    wait_until(finished)
    total = time.perf_counter() - started
    settle(0.1)  # what the work left queued counts too
    longest = watch.stop()
    window.document.reset(Briefing(), None)  # nothing unsaved: close without asking
    window.close()
    window.deleteLater()
    settle(0.2)
    return longest, total


def settle(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= deadline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--only", choices=sorted(SCENARIOS))
    options = parser.parse_args()
    os.environ[DATA_DIR_VARIABLE] = str(_SCRATCH / "data")  # autosaves stay out of the way
    application = QApplication.instance() or QApplication(sys.argv)
    QMessageBox.warning = lambda *args: print("warning:", *args[1:])  # type: ignore[method-assign]
    print(f"machine: {describe()}")
    print(f"longest event-loop block (timer every {TICK_MS} ms), {options.runs} runs each")
    for name, make in SCENARIOS.items():
        if options.only and name != options.only:
            continue
        results = [measure(make(options)) for _ in range(options.runs)]
        blocks = [block * 1000 for block, _ in results]
        totals = [total for _, total in results]
        print(
            f"{name:>11}: median {statistics.median(blocks):6.1f} ms, worst {max(blocks):6.1f} "
            f"ms (runs: {', '.join(f'{b:.0f}' for b in blocks)}); work took median "
            f"{statistics.median(totals):.2f} s"
        )
    print("target: at most 100 ms")
    del application


if __name__ == "__main__":
    main()
