"""The PDF preview's summary line: the page count against the template's page budget and
the sections that overflow it, from the real export child process."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app.models import Briefing
from ui.main_window import MainWindow

EXPORT_WAIT_MS = 60_000


def _sample_with_budget(window: MainWindow, budget: int | None) -> Briefing:
    window.open_sample()
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all_actions[kind].trigger()
    briefing = window.briefing
    style = briefing.style.model_copy(update={"page_budget": budget})
    window.document.apply("Set page budget", briefing.model_copy(update={"style": style}))
    return window.briefing


def _preview_summary(window: MainWindow, qtbot) -> dict:
    """Export the PDF, note the open preview's summary and warnings, then Cancel it."""
    seen: dict = {}

    def act() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible():
            QTimer.singleShot(20, act)
            return
        seen["summary"] = preview.summary.text()
        seen["warnings"] = [label.text() for label in preview.warning_labels]
        seen["pages"] = preview.page_count()
        preview.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, act)
    window.exports.export_pdf()
    qtbot.waitUntil(
        lambda: "summary" in seen and window.exports.preview is None, timeout=EXPORT_WAIT_MS
    )
    return seen


def test_preview_states_the_pages_against_the_budget_and_what_overflows(
    window: MainWindow, qtbot
) -> None:
    _sample_with_budget(window, 1)
    seen = _preview_summary(window, qtbot)

    assert seen["pages"] > 1  # the sample with everything accepted runs past one page
    assert seen["summary"].startswith(f"⚠ {seen['pages']} pages against a budget of 1: ")
    assert "run past page 1." in seen["summary"] or "runs past page 1." in seen["summary"]
    assert "“Sources”" in seen["summary"]  # the list of sources ends the last page
    assert not [w for w in seen["warnings"] if "budget" in w]  # said once, in the summary


def test_preview_of_a_brief_within_its_budget_says_so(window: MainWindow, qtbot) -> None:
    _sample_with_budget(window, 50)
    seen = _preview_summary(window, qtbot)

    pages = seen["pages"]
    assert seen["summary"] == (
        f"{pages} page{'s' if pages != 1 else ''}, within the budget of 50. "
        "Nothing is saved until you choose Save."
    )


def test_preview_without_a_budget_gives_the_page_count(window: MainWindow, qtbot) -> None:
    _sample_with_budget(window, None)
    seen = _preview_summary(window, qtbot)

    assert seen["summary"] == f"{seen['pages']} pages. Nothing is saved until you choose Save."


def test_the_budget_counts_the_pages_the_pdf_really_has(
    window: MainWindow, qtbot, tmp_path
) -> None:
    _sample_with_budget(window, 1)
    target = tmp_path / "brief.pdf"
    window.exports._ask_export_path = lambda output_format: target  # type: ignore[method-assign]
    seen: dict = {}

    def act() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible():
            QTimer.singleShot(20, act)
            return
        seen["summary"] = preview.summary.text()
        preview.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, act)
    with qtbot.waitSignal(window.exports.exported, timeout=EXPORT_WAIT_MS):
        window.exports.export_pdf()
    pages = len(pypdf.PdfReader(target).pages)
    assert seen["summary"].startswith(f"⚠ {pages} pages against a budget of 1")
    assert "against a budget of 1" in window.statusBar().currentMessage()
