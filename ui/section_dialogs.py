"""Dialogs for one section: its properties, and where its items go when it is deleted.

SectionFields (title, guidance, default kinds, item limit) serves both a briefing's section
and a template's, so the two are edited the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.models import ItemKind, Section

NEW_SECTION_TITLE = "New section"
KIND_LABELS: dict[ItemKind, str] = {
    "statement": "&Statements",
    "figure": "&Figures",
    "question": "&Questions",
    "note": "&Notes and own text",
}


@dataclass(frozen=True)
class SectionValues:
    """What SectionFields holds: a section's settings as the user typed them (unchecked)."""

    title: str
    guidance: str
    kinds: tuple[ItemKind, ...]
    item_limit: int | None

    @classmethod
    def of(cls, section: Section) -> SectionValues:
        return cls(section.title, section.guidance, section.kinds, section.item_limit)

    def problem(self) -> str:
        """Why these values cannot be a section's, or ""."""
        try:
            edits.checked_section_title(self.title)
            edits.checked_item_limit(self.item_limit)
        except edits.EditError as error:
            return f"{str(error)[:1].upper()}{str(error)[1:]}."
        if len(self.guidance) > edits.MAX_SECTION_GUIDANCE:
            return f"The guidance is too long (at most {edits.MAX_SECTION_GUIDANCE} characters)."
        return ""


class SectionFields(QWidget):
    """Title, guidance, the item kinds that land there by default, and the item limit."""

    edited = Signal()  # the user changed any field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit(self)
        self.title.setMaxLength(edits.MAX_SECTION_TITLE)
        self.guidance = QPlainTextEdit(self)
        self.guidance.setTabChangesFocus(True)
        self.guidance.setPlaceholderText("What belongs in this section, and how long it is.")
        self.guidance.setFixedHeight(self.guidance.fontMetrics().lineSpacing() * 4 + 14)
        kinds_row = QHBoxLayout()
        self.kinds: dict[ItemKind, QCheckBox] = {}
        for kind, label in KIND_LABELS.items():
            box = QCheckBox(label, self)
            box.setToolTip(f"Accepted {kind}s land here unless an earlier section takes them")
            self.kinds[kind] = box
            kinds_row.addWidget(box)
            box.toggled.connect(lambda _=False: self.edited.emit())
        kinds_row.addStretch(1)
        self.item_limit = QSpinBox(self)
        self.item_limit.setRange(0, edits.MAX_ITEM_LIMIT)
        self.item_limit.setSpecialValueText("No limit")  # shown for 0
        self.item_limit.setToolTip("The most items the section should hold; more are warned of")
        for label, widget in (
            ("&Title", self.title),
            ("&Guidance", self.guidance),
            ("Item &limit", self.item_limit),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.insertRow(2, "Takes by default", kinds_row)
        self.title.textEdited.connect(lambda _: self.edited.emit())
        self.guidance.textChanged.connect(self.edited.emit)
        self.item_limit.valueChanged.connect(lambda _: self.edited.emit())

    def set_values(self, values: SectionValues) -> None:
        """Show values without reporting them as edited."""
        self.blockSignals(True)
        try:
            self.title.setText(values.title)
            self.guidance.setPlainText(values.guidance)
            for kind, box in self.kinds.items():
                box.setChecked(kind in values.kinds)
            self.item_limit.setValue(values.item_limit or 0)
        finally:
            self.blockSignals(False)

    def values(self) -> SectionValues:
        limit = self.item_limit.value()
        return SectionValues(
            title=self.title.text(),
            guidance=self.guidance.toPlainText(),
            kinds=tuple(kind for kind, box in self.kinds.items() if box.isChecked()),
            item_limit=limit or None,
        )


class SectionPropertiesDialog(QDialog):
    """A briefing section's properties; OK only while they are valid."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Section Properties")
        self.resize(520, 300)
        self.fields = SectionFields(self)
        self.fields.set_values(SectionValues.of(section))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b91c1c")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.fields.edited.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = self.fields.values().problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def accept(self) -> None:
        if not self.fields.values().problem():
            super().accept()


class DeleteSectionDialog(QDialog):
    """Where a section's items go when it is deleted: another section, or nowhere."""

    def __init__(
        self,
        section: Section,
        others: Sequence[Section],
        suggested: Section | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete Section")
        count = len(section.items)
        items = "1 item" if count == 1 else f"{count} items"
        intro = QLabel(f"The section “{section.title}” holds {items}. Where should they go?")
        intro.setWordWrap(True)
        self.move_choice = QRadioButton(f"&Move the {items} to the end of", self)
        self.sections = QComboBox(self)
        self.sections.setAccessibleName("Section to move the items to")
        for other in others:
            self.sections.addItem(other.title, other.id)
        if suggested is not None:
            self.sections.setCurrentIndex(max(self.sections.findData(suggested.id), 0))
        self.delete_choice = QRadioButton(f"&Delete the {items} with the section", self)
        group = QButtonGroup(self)
        group.addButton(self.move_choice)
        group.addButton(self.delete_choice)
        can_move = bool(others)
        self.move_choice.setEnabled(can_move)
        self.sections.setEnabled(can_move)
        (self.move_choice if can_move else self.delete_choice).setChecked(True)
        self.move_choice.toggled.connect(self.sections.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button: QPushButton = buttons.addButton(
            "Delete Section", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_choice)
        move_row.addWidget(self.sections, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(move_row)
        layout.addWidget(self.delete_choice)
        layout.addWidget(QLabel("Undo brings the section back with its items.", self))
        layout.addWidget(buttons)

    def move_to(self) -> str | None:
        """The id of the section the items go to, or None when they are deleted."""
        if self.move_choice.isChecked() and self.sections.currentIndex() >= 0:
            return str(self.sections.currentData())
        return None
