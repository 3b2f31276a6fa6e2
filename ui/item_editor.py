"""The side editor: every field of the selected item, each edit an undoable step.

Typing in one field merges into one undo step; moving to another field starts a new one.
Every multi-line field is a QPlainTextEdit listed in ItemEditor.text_boxes, so helpers
such as the spell checker can attach to it when the fields are built.
"""

from __future__ import annotations

import math
from enum import StrEnum

from PySide6.QtCore import QMargins, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.changes import BriefingChange
from app.fidelity import statement_problems
from app.models import (
    CREDIBILITY_SCALE,
    NOTE_ROLES,
    RELIABILITY_SCALE,
    Briefing,
    Item,
    Note,
    QuestionKind,
    QuestionStatus,
    Statement,
    VerificationStatus,
)
from ui.document import BriefingDocument
from ui.statement_wording import WordingBox, wording_to_store

# (field, label, editor) per item kind; editor is "line", "text", "long text", "check",
# "number", "wording", "role", an enum or a grading scale.
FIELDS: dict[str, list[tuple[str, str, object]]] = {
    "statement": [
        ("wording", "&Wording in the briefing", "wording"),
        ("content", "&Content", "text"),
        ("speaker", "S&peaker", "line"),
        ("speaker_role", "&Role", "line"),
        ("cue", "C&ue", "line"),
        ("direct", "&Direct quote", "check"),
        ("hedged", "&Hedged (a possibility or forecast)", "check"),
        ("verification", "&Verification", VerificationStatus),
        ("note", "&Note", "text"),
    ],
    "figure": [
        ("text", "As &written", "line"),
        ("value", "&Value", "number"),
        ("value_high", "&Up to", "number"),
        ("unit", "&Unit", "line"),
        ("counts", "&Counts", "line"),
        ("approximate", "&Approximate", "check"),
        ("hedged", "&Hedged (a possibility or forecast)", "check"),
        ("as_of", "As &of", "line"),
        ("asserted_by", "Asserted &by", "line"),
        ("verification", "Veri&fication", VerificationStatus),
        ("note", "&Note", "text"),
    ],
    "question": [
        ("text", "&Question", "text"),
        ("question_kind", "&Kind", QuestionKind),
        ("owner", "&Owner", "line"),
        ("status", "&Status", QuestionStatus),
        ("note", "&Note", "text"),
    ],
    "note": [("text", "&Text", "long text"), ("role", "&Role", "role")],
}
# Shown for statements and figures when the briefing's template grades items.
GRADE_FIELDS: list[tuple[str, str, object]] = [
    ("reliability", "Source re&liability", RELIABILITY_SCALE),
    ("credibility", "Cre&dibility", CREDIBILITY_SCALE),
]
GRADED_KINDS = ("statement", "figure")


class ItemEditor(QWidget):
    """Edits the fields of one item of the document's briefing."""

    fields_built = Signal(list)  # the new field widgets, after a change of item kind

    def __init__(self, document: BriefingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Item editor")
        self._document = document
        self._item_id: str | None = None
        self._kind: str | None = None
        self._graded = False
        self.editors: dict[str, QWidget] = {}
        self.text_boxes: dict[str, QPlainTextEdit] = {}  # the multi-line fields, by field
        # The fields scroll: a statement's fields are taller than a small screen's pane.
        fields = QWidget()
        self._fields = fields
        self._layout = QFormLayout(fields)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._message = QLabel("Select an item of the briefing to edit it here.")
        self._message.setWordWrap(True)
        self._layout.addRow(self._message)
        document.changed.connect(self._on_changed)

    def show_item(self, item_id: str | None) -> None:
        if item_id == self._item_id:
            return
        self._document.end_merging()
        self._item_id = item_id
        self._refresh()

    def shown_item_id(self) -> str | None:
        """The item whose fields are in the editor, if any."""
        return self._item_id if self._current_item() is not None else None

    def _on_changed(self, change: BriefingChange) -> None:
        mine = self._item_id is not None and self._item_id in change.edited_items
        if mine or change.items_changed or change.sources or "style" in change.header:
            self._refresh()

    def _refresh(self) -> None:
        item = self._current_item()
        if item is None:
            self._rebuild(None)
            return
        graded = self._document.briefing.style.grading and item.kind in GRADED_KINDS
        if item.kind != self._kind or graded != self._graded:
            self._rebuild(item.kind, graded=graded)
        for name, widget in self.editors.items():
            if isinstance(widget, WordingBox) and isinstance(item, Statement):
                widget.show_statement(item, self._document.briefing.style.statement_form)
            else:
                _set_value(widget, getattr(item, name))
        self._message.setText(self._status_text(item))

    def _current_item(self) -> Item | None:
        if self._item_id is None:
            return None
        try:
            return edits.find_item(self._document.briefing, self._item_id)
        except edits.EditError:
            return None  # undone or deleted

    def _rebuild(self, kind: str | None, *, graded: bool = False) -> None:
        while self._layout.rowCount() > 1:
            self._layout.removeRow(1)
        self.editors, self._kind, self._graded = {}, kind, graded
        self.text_boxes = {}
        if kind is None:
            self._message.setText("Select an item of the briefing to edit it here.")
            return
        fields = FIELDS[kind] + (GRADE_FIELDS if graded else [])
        for name, label, editor in fields:
            widget = self._make_editor(name, editor)
            if not isinstance(widget, WordingBox):  # its text box names itself
                widget.setAccessibleName(label.replace("&", ""))
            self.editors[name] = widget
            self._layout.addRow(label, widget)
        # The keyboard lands in the wording's text box, not its frame.
        built = [w.text if isinstance(w, WordingBox) else w for w in self.editors.values()]
        # New rows show at the next turn of the event loop; then they are measured.
        QTimer.singleShot(0, self, self._hold_room)
        self.fields_built.emit(built)

    def sizeHint(self) -> QSize:
        # Ask for room for every field, as the form did before it scrolled ...
        return self._fields.sizeHint().grownBy(QMargins(0, 0, 0, 4))

    def minimumSizeHint(self) -> QSize:
        # ... but a small screen may squeeze it to two dozen lines and scroll the rest.
        hint = self._fields.minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), self.fontMetrics().lineSpacing() * 24))

    def _hold_room(self) -> None:
        # A minimum the splitter holds to (a hint alone it ignores): the fields get room.
        self.setMinimumHeight(self.minimumSizeHint().height())

    def focus_field(self, name: str) -> bool:
        """Put the keyboard cursor at the end of field name; False if it is not shown."""
        widget = self.editors.get(name)
        if isinstance(widget, WordingBox):
            widget = widget.text
        if widget is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QPlainTextEdit):
            widget.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def _make_editor(self, name: str, editor: object) -> QWidget:
        if editor == "check":
            box = QCheckBox()
            box.toggled.connect(lambda on, n=name: self._edit(n, on, merge=False))
            return box
        if isinstance(editor, dict):  # a grading scale: code -> meaning
            combo = QComboBox()
            combo.addItem("— not graded —", "")
            for code, meaning in editor.items():
                combo.addItem(f"{code} — {meaning}", code)
            combo.activated.connect(
                lambda _, n=name, c=combo: self._edit(n, c.currentData(), merge=False)
            )
            return combo
        if editor == "role":  # the analyst's own paragraphs: what kind of text they are
            combo = QComboBox()
            combo.addItem("(none)", "")
            for role, shown in NOTE_ROLES.items():
                if role:
                    combo.addItem(shown, role)
            combo.setToolTip("What this paragraph is; a template may print it as a label")
            combo.activated.connect(
                lambda _, n=name, c=combo: self._edit(n, c.currentData(), merge=False)
            )
            return combo
        if editor == "wording":
            wording = WordingBox()
            wording.edited.connect(self._edit_wording)
            wording.reset_requested.connect(self._reset_wording)
            self.text_boxes[name] = wording.text
            return wording
        if isinstance(editor, type) and issubclass(editor, StrEnum):
            combo = QComboBox()
            combo.addItems([member.value for member in editor])
            combo.currentTextChanged.connect(lambda v, n=name: self._edit(n, v, merge=False))
            return combo
        if editor in ("text", "long text"):
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            lines = 12 if editor == "long text" else 5
            text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 12)
            text.textChanged.connect(lambda n=name, w=text: self._edit(n, w.toPlainText()))
            self.text_boxes[name] = text
            return text
        line = QLineEdit()
        if editor == "number":
            line.setPlaceholderText("a number, e.g. 5000 or 1.2e9")
            line.textEdited.connect(lambda v, n=name: self._edit_number(n, v))
        else:
            line.textEdited.connect(lambda v, n=name: self._edit(n, v))
        return line

    def _edit(self, name: str, value: object, *, merge: bool = True) -> None:
        if self._item_id is None:
            return
        try:
            after = edits.update_item(self._document.briefing, self._item_id, **{name: value})
        except (ValueError, edits.EditError) as error:
            self._message.setText(f"Not changed: {error}")
            return
        key = (self._item_id, name) if merge else None
        self._document.apply(f"Edit {name.replace('_', ' ')}", after, merge_key=key)

    def _edit_number(self, name: str, text: str) -> None:
        cleaned = text.replace(",", "").replace("\u202f", "").replace(" ", "").strip()
        if not cleaned:
            self._edit(name, None)
            return
        try:
            number = float(cleaned)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            self._message.setText(f"“{text}” is not a number; the value was not changed.")
            return
        self._edit(name, number)

    def _edit_wording(self, text: str) -> None:
        item = self._current_item()
        if isinstance(item, Statement):
            form = self._document.briefing.style.statement_form
            self._edit("wording", wording_to_store(item, text, form))

    def _reset_wording(self) -> None:
        self._document.end_merging()
        self._edit("wording", "", merge=False)

    def _status_text(self, item: Item) -> str:
        """What the user should know about the item: a quote gone wrong, where a note is from."""
        if isinstance(item, Note):
            return _note_origin(item, self._document.briefing)
        if not isinstance(item, Statement):
            return ""
        anchor = item.anchor
        source = self._document.briefing.source(anchor.source_id) if anchor else None
        problems = statement_problems(item, source)
        if not problems:
            return ""
        if item.wording.strip():  # the briefing prints the wording: its quotes must hold
            return "⚠ Quoted words in the wording are not in the article:\n" + "\n".join(problems)
        return "⚠ This direct quote no longer matches the article word for word."


def _note_origin(note: Note, briefing: Briefing) -> str:
    if note.anchor is None:
        return "Your own text: printed as written, without a citation."
    source = briefing.source(note.anchor.source_id)
    paragraph = source.paragraph_number(note.anchor.start) if source else None
    where = f", ¶{paragraph}" if paragraph else ""
    return f"Kept from the article{where}: printed with its citation."


def _set_value(widget: QWidget, value: object) -> None:
    """Show value without echoing it back as an edit, and without moving the caret needlessly."""
    blocker = QSignalBlocker(widget)
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox) and widget.findData("") == 0:  # a grading scale
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(str(value.value if isinstance(value, StrEnum) else value))
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != (value or ""):
            widget.setPlainText(str(value or ""))
    elif isinstance(widget, QLineEdit):
        shown = _number_text(value) if isinstance(value, float) else str(value or "")
        if widget.text() != shown and not (widget.hasFocus() and _same_number(widget, value)):
            widget.setText(shown)
    del blocker


def _number_text(value: float) -> str:
    return f"{value:,.12g}"


def _same_number(widget: QLineEdit, value: object) -> bool:
    try:
        return float(widget.text().replace(",", "")) == value
    except ValueError:
        return False
