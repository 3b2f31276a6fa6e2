"""The left pane: which article is shown, a legend, a find bar and the reader itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import Source
from ui import shortcuts
from ui.reader import ArticleReader, legend


class ReaderPane(QWidget):
    source_chosen = Signal(str)
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = ArticleReader(self)
        self.sources = QComboBox(self)
        self.sources.setAccessibleName("Articles in this briefing")
        self.sources.setToolTip("The articles of this briefing; pick one to read it")
        self.sources.activated.connect(self._on_activated)
        self.sources.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sources.setMinimumContentsLength(12)
        add = QPushButton("Add &Article…", self)
        add.setToolTip("Add another article to this briefing (Ctrl+Shift+O)")
        add.clicked.connect(self.add_requested)
        self.find_bar = FindBar(self.reader, self)
        self.find_bar.hide()
        top = QHBoxLayout()
        label = QLabel("&Article:", self)
        label.setBuddy(self.sources)
        top.addWidget(label)
        top.addWidget(self.sources, 1)
        top.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(legend(self))
        layout.addWidget(self.find_bar)
        layout.addWidget(self.reader, 1)

    def show_sources(self, sources: tuple[Source, ...], current: str | None) -> None:
        ids = [s.id for s in sources]
        labels = [_source_label(number, s) for number, s in enumerate(sources, start=1)]
        shown = [(self.sources.itemData(i), self.sources.itemText(i)) for i in range(len(ids))]
        # Compared with labels too: an article's title or outlet may have been edited.
        if self.sources.count() != len(ids) or shown != list(zip(ids, labels, strict=True)):
            self.sources.clear()
            for source_id, label in zip(ids, labels, strict=True):
                self.sources.addItem(label, source_id)
        if current in ids:
            self.sources.setCurrentIndex(ids.index(current))

    def _on_activated(self, index: int) -> None:
        self.source_chosen.emit(self.sources.itemData(index))


def _source_label(number: int, source: Source) -> str:
    name = source.title or source.origin or "Untitled article"
    where = f" — {source.outlet}" if source.outlet else ""
    return f"{number}. {name[:90]}{where}"


class FindBar(QWidget):
    """Find in the article: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    def __init__(self, reader: ArticleReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_return)
        self.result = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        for text, tip, slot in (
            ("▲", "Previous match (Shift+F3)", self.find_previous),
            ("▼", "Next match (F3)", self.find_next),
            ("✕", "Close the find bar (Esc)", self.close_bar),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.result)

    def _on_return(self) -> None:
        shifted = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.find_previous() if shifted else self.find_next()

    def open_bar(self) -> None:
        self.show()
        selected = self._reader.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._reader.setFocus()

    def find_next(self) -> bool:
        return self._show(self._reader.find_text(self.field.text()))

    def find_previous(self) -> bool:
        return self._show(self._reader.find_text(self.field.text(), backward=True))

    def _show(self, found: bool) -> bool:
        self.result.setText("" if found or not self.field.text() else "Not found")
        return found

    def keyPressEvent(self, event) -> None:
        if event.matches(shortcuts.CLOSE_FIND):
            self.close_bar()
        else:
            super().keyPressEvent(event)
