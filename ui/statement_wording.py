"""A statement's wording in the briefing: the generated sentence, editable, with a way back.

An empty Statement.wording means "write the sentence from the statement's fields"; the box
then shows that sentence and follows the fields as they change. Typing in the box stores
the text as the statement's wording; Reset clears it, so the generated sentence returns.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.layout.prose import StatementForm, statement_sentence
from app.models import Statement


def generated_sentence(statement: Statement, form: StatementForm = "reported") -> str:
    """The sentence the briefing prints for statement (in the template's form) when its
    wording is not edited."""
    return statement_sentence(statement.model_copy(update={"wording": ""}), form=form)


def wording_to_store(statement: Statement, text: str, form: StatementForm = "reported") -> str:
    """What typing text in the box stores: "" when it says exactly the generated sentence,
    so the statement goes on following its fields."""
    return "" if text.strip() == generated_sentence(statement, form).strip() else text


class WordingBox(QWidget):
    """The wording field: a multi-line text box and a Reset button."""

    edited = Signal(str)  # the text the user typed
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Wording in the briefing")
        self.text.setToolTip(
            "The sentence the briefing prints. Edit it freely; words in quotation marks must "
            "still be the speaker's own."
        )
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.text.textChanged.connect(lambda: self.edited.emit(self.text.toPlainText()))
        self.reset_button = QPushButton("R&eset wording", self)
        self.reset_button.setAccessibleName("Reset wording")
        self.reset_button.setToolTip("Go back to the sentence written from the statement's fields")
        self.reset_button.clicked.connect(self.reset_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def show_statement(self, statement: Statement, form: StatementForm = "reported") -> None:
        """Show the statement's wording, or its generated sentence, without echoing an edit."""
        generated = generated_sentence(statement, form)
        self.text.setPlaceholderText(generated)
        self.reset_button.setEnabled(bool(statement.wording))
        shown = statement.wording or generated
        current = self.text.toPlainText()
        if current == shown:
            return
        if not statement.wording and not current.strip() and self.text.hasFocus():
            # The user emptied the box to write anew: keep it empty (the generated sentence
            # shows as its placeholder) rather than putting the old sentence under the caret.
            return
        blocker = QSignalBlocker(self.text)
        self.text.setPlainText(shown)
        del blocker
