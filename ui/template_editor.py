"""Editing one of the user's templates: its name, description, sections, and the sections
the export adds to them.

Sections are added, renamed, deleted and reordered in a list; the chosen one's title,
guidance, default kinds and item limit are edited beside it, with the same fields as a
briefing's Section Properties. Three switches below say which sections the export adds
(figures compared, glossary, since the last briefing). Nothing is written until Save, and
then atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage import StorageError
from app.templates import Template, TemplateSection, template_problem
from ui.context import as_shown
from ui.section_dialogs import NEW_SECTION_TITLE, SectionFields, SectionValues

# The sections an export adds after the template's own: the BriefingStyle flag, the
# checkbox's words (their shortcut letters are free in this dialog), and what it does,
# for its tooltip.
ADDED_SECTIONS = (
    (
        "since_last_briefing",
        "“Since the last &briefing” on a follow-up",
        "After the bottom line: new and changed figures, questions answered since the "
        "previous briefing, and how many remain open.",
    ),
    (
        "figures_compared",
        "“Figures c&ompared” across articles",
        "A table of figures that count the same thing in two or more articles, with "
        "discrepancies said in words.",
    ),
    (
        "glossary",
        "Glossar&y of acronyms and short names",
        "At the end, before the sources: each term with what it stands for.",
    ),
)


class TemplateEditor(QDialog):
    """Edit a template; save(template) writes it (and may raise StorageError or OSError)."""

    def __init__(
        self,
        template: Template,
        save: Callable[[Template], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit Template — {template.name}")
        self.resize(820, 520)
        self._original = template
        self._save = save
        self._sections: list[SectionValues] = [
            SectionValues(s.title, s.guidance, s.kinds, s.item_limit) for s in template.sections
        ]
        self.saved: Template | None = None
        self.name = QLineEdit(template.name, self)
        self.description = QLineEdit(template.description, self)
        self.description.setMaxLength(500)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Template sections")
        self.fields = SectionFields(self)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b91c1c")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # section titles are not markup
        self.buttons: dict[str, QPushButton] = {}
        self.added: dict[str, QCheckBox] = {
            flag: self._switch(words, why, getattr(template.style, flag))
            for flag, words, why in ADDED_SECTIONS
        }
        self._build()
        self._fill_list(0)

    # ----- building -----------------------------------------------------------------------
    def _switch(self, words: str, why: str, checked: bool) -> QCheckBox:
        box = QCheckBox(words, self)
        box.setToolTip(why)
        box.setChecked(checked)
        return box

    def _added_sections_box(self) -> QGroupBox:
        group = QGroupBox("The export adds, when there is something to show", self)
        column = QVBoxLayout(group)
        for box in self.added.values():
            column.addWidget(box)
        return group

    def _build(self) -> None:
        head = QFormLayout()
        head.addRow("Na&me", self.name)
        head.addRow("&Description", self.description)
        column = QVBoxLayout()
        for key, text, slot in (
            ("add", "&Add Section", self.add_section),
            ("rename", "&Rename", self.rename_section),
            ("up", "Move &Up", lambda: self.move_section(-1)),
            ("down", "Move Do&wn", lambda: self.move_section(+1)),
            ("delete", "D&elete Section", self.delete_section),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, act=slot: act())
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(column)
        fields_column = QVBoxLayout()
        fields_column.addWidget(self.fields)
        fields_column.addStretch(1)
        body.addLayout(fields_column, 3)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = box.button(QDialogButtonBox.StandardButton.Save)
        # Enter ends typing a section's title in the list; it must not save the dialog.
        for any_button in (*box.buttons(), *self.buttons.values()):
            if isinstance(any_button, QPushButton):
                any_button.setAutoDefault(False)
                any_button.setDefault(False)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        layout.addWidget(self._added_sections_box())
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self.list.currentRowChanged.connect(self._show_section)
        self.list.itemChanged.connect(self._title_typed_in_list)
        self.fields.edited.connect(self._fields_edited)
        self.name.textEdited.connect(lambda _: self._check())
        self.description.textEdited.connect(lambda _: self._check())

    def _fill_list(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for values in self._sections:
            entry = QListWidgetItem(values.title)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(max(current, 0), len(self._sections) - 1))
        self._show_section(self.list.currentRow())

    # ----- the sections -------------------------------------------------------------------
    def sections(self) -> list[SectionValues]:
        return list(self._sections)

    def add_section(self) -> None:
        """A new section after the chosen one, its title ready to type."""
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self._sections)
        self._sections.insert(at, SectionValues(NEW_SECTION_TITLE, "", (), None))
        self._fill_list(at)
        self.rename_section()

    def rename_section(self) -> None:
        entry = self.list.currentItem()
        if entry is not None:
            self.list.setFocus()
            self.list.editItem(entry)

    def delete_section(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        if len(self._sections) == 1:
            self._show_problem("A template keeps at least one section.")
            return
        del self._sections[row]
        self._fill_list(row)

    def move_section(self, step: int) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self._sections) and 0 <= row + step < len(self._sections)):
            return
        moving = self._sections.pop(row)
        self._sections.insert(row + step, moving)
        self._fill_list(row + step)

    def _show_section(self, row: int) -> None:
        if 0 <= row < len(self._sections):
            self.fields.set_values(self._sections[row])
        self.fields.setEnabled(0 <= row < len(self._sections))
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < len(self._sections) - 1)
        self.buttons["delete"].setEnabled(row >= 0 and len(self._sections) > 1)
        self._check()

    def _fields_edited(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._sections):
            return
        self._sections[row] = self.fields.values()
        entry = self.list.item(row)
        self.list.blockSignals(True)
        entry.setText(self._sections[row].title)
        self.list.blockSignals(False)
        self._check()

    def _title_typed_in_list(self, entry: QListWidgetItem) -> None:
        row = self.list.row(entry)
        if 0 <= row < len(self._sections):
            self._sections[row] = replace(self._sections[row], title=entry.text())
            if row == self.list.currentRow():
                self.fields.set_values(self._sections[row])
            self._check()

    # ----- checking and saving ------------------------------------------------------------
    def template(self) -> Template:
        """The edited template; ValueError (pydantic's) or a problem text says what is wrong."""
        sections = tuple(
            TemplateSection(
                title=" ".join(v.title.split()),
                guidance=v.guidance.strip(),
                kinds=v.kinds,
                item_limit=v.item_limit,
            )
            for v in self._sections
        )
        original = self._original.model_dump()
        switches = {flag: box.isChecked() for flag, box in self.added.items()}
        return Template.model_validate(
            {
                **original,
                "name": self.name.text().strip(),
                "description": self.description.text().strip(),
                "sections": [s.model_dump() for s in sections],
                "style": {**original["style"], **switches},
            }
        )

    def problem_text(self) -> str:
        for number, values in enumerate(self._sections, start=1):
            if problem := values.problem():
                return f"Section {number}: {problem}"
        try:
            self.template()
        except ValidationError as error:
            return f"The template cannot be saved: {template_problem(error)}"
        return ""

    def _check(self) -> None:
        self._show_problem(self.problem_text())

    def _show_problem(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(not self.problem_text())

    def accept(self) -> None:
        if self.problem_text():
            return
        template = self.template()
        try:
            self._save(template)
        except StorageError as error:
            self._tell(str(error))
            return
        except OSError as error:
            self._tell(
                f"The template could not be saved: {error.strerror or 'the system refused'}."
            )
            return
        self.saved = template
        super().accept()

    def _tell(self, text: str) -> None:
        """A warning showing text as written (names are not markup)."""
        QMessageBox.warning(self, "Edit Template", as_shown(text))
