"""The status bar's busy indicator: what is running, a moving bar, and Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from app.extraction import Extraction


def extraction_summary(found: Extraction) -> str:
    """What the status bar says about an article's proposals once it is read."""
    counts = (
        (len(found.statements), "statement"),
        (len(found.figures), "figure"),
        (len(found.questions), "open question"),
    )
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts) + " proposed."


class BusyIndicator:
    def __init__(self, status_bar: QStatusBar, on_cancel: Callable[[], None]) -> None:
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # a moving bar until a job reports how far it is
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName("Working")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop this work")
        self.cancel_button.clicked.connect(on_cancel)
        for widget in (self.label, self.bar, self.cancel_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    def start(self, description: str) -> None:
        self.label.setText(description + "…")
        self.bar.setRange(0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            widget.show()

    def progress(self, done: int, total: int) -> None:
        """Show done out of total; a moving bar while total is not known (0)."""
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(max(done, 0), total))

    def stop(self) -> None:
        for widget in (self.label, self.bar, self.cancel_button):
            widget.hide()

    def is_visible(self) -> bool:
        return self.bar.isVisible()
