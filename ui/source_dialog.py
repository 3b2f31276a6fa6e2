"""Article → Properties…: view and edit the details of the article in the reader.

Outlet, title, author, publication date, URL and date accessed are what citations and the
source list print; OK applies them as one undoable edit. The file the article was read from
is shown but not editable: it is where the text came from, not a detail of the source.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.models import Source
from app.source_details import DATE_EXAMPLE, URL_EXAMPLE, DetailsError, TypedDetails, with_details
from ui import shortcuts
from ui.context import Messages
from ui.document import BriefingDocument
from ui.review import ArticleReviews


class SourceDialog(QDialog):
    """The details of one article; accept() only with details that can be kept."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article Properties")
        self.setMinimumWidth(520)
        self._source = source
        self.edited: Source | None = None  # the article with its new details, after OK
        details = TypedDetails.of(source)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, value, hint in (
            ("outlet", "&Outlet", details.outlet, "e.g. Sky News"),
            ("title", "&Title", details.title, ""),
            ("author", "A&uthor", details.author, "e.g. Jane Smith"),
            ("published", "&Published", details.published, f"YYYY-MM-DD, e.g. {DATE_EXAMPLE}"),
            ("url", "&URL", details.url, URL_EXAMPLE),
            ("accessed", "&Date accessed", details.accessed, "YYYY-MM-DD"),
        ):
            field = QLineEdit(value, self)
            field.setPlaceholderText(hint)
            field.setAccessibleName(label.replace("&", ""))
            field.textEdited.connect(self._clear_problem)
            self.fields[name] = field
            form.addRow(label, field)
        self.origin = QLineEdit(source.origin or "—", self)
        self.origin.setReadOnly(True)
        self.origin.setAccessibleName("Read from")
        self.origin.setToolTip("Where the article's text was read from; it cannot be changed")
        form.addRow("Read from", self.origin)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c")
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def typed(self) -> TypedDetails:
        return TypedDetails(**{name: field.text() for name, field in self.fields.items()})

    def accept(self) -> None:
        try:
            self.edited = with_details(self._source, self.typed())
        except DetailsError as error:
            # Stay open with the message beside the fields: what was typed is not lost.
            self.problem.setText(str(error))
            self.problem.show()
            bad = self.fields.get(error.field)
            if bad is not None:
                bad.setFocus()
                bad.selectAll()
            return
        super().accept()

    def _clear_problem(self) -> None:
        self.problem.hide()


class SourceProperties(QObject):
    """The Article → Properties… command, enabled while an article is in view."""

    def __init__(
        self,
        document: BriefingDocument,
        reviews: ArticleReviews,
        messages: Messages,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._document, self._reviews, self._messages = document, reviews, messages
        self._window = window
        self.dialog: SourceDialog | None = None  # while it is open (tests fill it in)
        tip = "View and edit the outlet, title, author, dates and URL of the article in view"
        self.action = QAction("&Properties…", window)
        self.action.setShortcut(QKeySequence(shortcuts.ARTICLE_PROPERTIES))
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({shortcuts.key_text(shortcuts.ARTICLE_PROPERTIES)})")
        self.action.triggered.connect(lambda _=False: self.edit_current())
        window.addAction(self.action)
        reviews.current_changed.connect(self._update_enabled)
        reviews.sources_changed.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.action.setEnabled(self._reviews.current_source() is not None)

    def edit_current(self) -> None:
        """Show the details of the article in view; OK applies them as one undo step."""
        source = self._reviews.current_source()
        if source is None:
            self._messages.say("Open an article first: its properties are shown here.", 5000)
            return
        self.dialog = SourceDialog(source, self._window)
        try:
            accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
            edited = self.dialog.edited
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if not accepted or edited is None or edited == source:
            return
        try:
            after = edits.replace_source(self._document.briefing, edited)
        except edits.EditError as error:
            self._messages.warn("Article Properties", f"Not changed: {error}.")
            return
        self._document.apply("Edit article properties", after)
        self._messages.say("Article details changed. Undo puts them back.", 5000)
