"""Save dialogs add the suffix before their own overwrite check (Qt's own dialog, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

from ui.file_dialogs import ask_save_name


def type_name_and_accept(parent: QWidget, name: str, questions: list[str]) -> None:
    """Type name into the open save dialog and press Save; answer No if it asks to replace.

    One timer owned by parent drives it, so nothing is left running into the next test.
    """
    state = {"typed": None}
    timer = QTimer(parent)
    timer.setInterval(20)

    def step() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            questions.append(modal.text())
            modal.button(QMessageBox.StandardButton.No).click()
        elif isinstance(modal, QFileDialog) and state["typed"] is None:
            state["typed"] = modal
            modal.findChild(QLineEdit).setText(name)
            # Later, not inside this slot: the replace question runs a nested event loop, and
            # a timer does not fire again while its own slot is still running.
            QTimer.singleShot(0, modal.accept)
        elif modal is not None and modal is state["typed"] and questions:
            modal.reject()  # the user declined to replace: give up the dialog too
            timer.stop()

    timer.timeout.connect(step)
    timer.start()


def ask(parent: QWidget, folder: Path) -> str:
    return ask_save_name(
        parent,
        title="Export",
        suggested=str(folder / "brief.docx"),
        file_filter="Word document (*.docx)",
        suffix="docx",
    )


def test_a_name_without_suffix_gets_it(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    questions: list[str] = []
    type_name_and_accept(parent, "brief", questions)
    assert ask(parent, tmp_path) == str(tmp_path / "brief.docx")
    assert questions == []


def test_an_existing_file_is_not_replaced_without_asking(qtbot, tmp_path: Path) -> None:
    (tmp_path / "brief.docx").write_bytes(b"the previous export")
    parent = QWidget()
    qtbot.addWidget(parent)
    questions: list[str] = []
    type_name_and_accept(parent, "brief", questions)
    assert ask(parent, tmp_path) == ""
    assert len(questions) == 1 and "brief.docx" in questions[0]
    assert (tmp_path / "brief.docx").read_bytes() == b"the previous export"
