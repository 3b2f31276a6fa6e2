"""Dialogs for templates: choosing one (with what it holds), and managing the user's own."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import template_library as library
from app.storage import StorageError
from app.templates import TEMPLATE_SUFFIX, Template, builtin_templates, load_template
from ui.context import as_shown
from ui.file_dialogs import ask_save_name

NAME_ROLE = Qt.ItemDataRole.UserRole
T = TypeVar("T")


def describe(template: Template) -> str:
    """What a template holds, as HTML for the dialogs' detail pane (all text escaped)."""
    rows = [f"<h3>{escape(template.name)}</h3>"]
    if template.description:
        rows.append(f"<p>{escape(template.description)}</p>")
    sections = "".join(
        f"<li><b>{escape(s.title)}</b>"
        + (f" — takes {escape(', '.join(f'{k}s' for k in s.kinds))}" if s.kinds else "")
        + (f", at most {s.item_limit}" if s.item_limit else "")
        + (f"<br><i>{escape(s.guidance)}</i>" if s.guidance else "")
        + "</li>"
        for s in template.sections
    )
    rows.append(f"<p>Sections:</p><ol>{sections}</ol>")
    style = template.style
    look = [
        style.page_size,
        "numbered paragraphs" if style.numbered_items else "",
        "inline citations" if style.citation_style == "inline" else "",
        "Admiralty grading" if style.grading else "",
        f"marking {template.marking}" if template.marking else "",
        f"Word look {style.reference_docx}" if style.reference_docx else "",
    ]
    rows.append(f"<p>Look: {escape(', '.join(part for part in look if part))}</p>")
    if style.likelihood_terms:
        rows.append(f"<p>Likelihood terms: {escape(', '.join(style.likelihood_terms))}</p>")
    rows.append(f"<p>The export adds: {escape(_added_sections(template))}</p>")
    return "".join(rows)


def _added_sections(template: Template) -> str:
    """The sections the export adds when they have something to show, in their order."""
    style = template.style
    added = [
        name
        for name, wanted in (
            ("Since the last briefing (on a follow-up)", style.since_last_briefing),
            ("Figures compared", style.figures_compared),
            ("Glossary", style.glossary),
        )
        if wanted
    ]
    return ", ".join(added) if added else "nothing"


def show_message(parent: QWidget, title: str, text: str, *, warning: bool = True) -> None:
    """A warning (or, with warning=False, a note) showing text as written."""
    if warning:
        QMessageBox.warning(parent, title, as_shown(text))
    else:
        QMessageBox.information(parent, title, as_shown(text))


class _TemplateList(QWidget):
    """Templates on the left, the chosen one's contents on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Templates")
        self.details = QTextBrowser(self)
        self.details.setAccessibleName("Template details")
        self.details.setOpenLinks(False)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.details)
        split.setSizes([260, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._templates: dict[str, Template] = {}
        self.list.currentItemChanged.connect(self._show_current)

    def fill(self, templates: list[Template], select: str | None = None) -> None:
        self._templates = {t.name: t for t in templates}
        self.list.clear()
        for template in templates:
            kind = "built-in" if library.is_builtin(template) else "yours"
            entry = QListWidgetItem(f"{template.name}  ({kind})")
            entry.setData(NAME_ROLE, template.name)
            # Escaped inside a paragraph: a tooltip shows markup it finds as rich text.
            entry.setToolTip(
                f"<p>{escape(template.description)}</p>" if template.description else ""
            )
            self.list.addItem(entry)
        names = [t.name for t in templates]
        self.list.setCurrentRow(names.index(select) if select in names else 0)

    def current(self) -> Template | None:
        entry = self.list.currentItem()
        return self._templates.get(entry.data(NAME_ROLE)) if entry else None

    def _show_current(self) -> None:
        template = self.current()
        self.details.setHtml(describe(template) if template else "")


class TemplatePicker(QDialog):
    """Choose a template for a new briefing, or to apply to this one."""

    def __init__(
        self,
        templates: list[Template],
        *,
        title: str,
        action: str,
        current: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 460)
        self.templates = _TemplateList(self)
        self.templates.fill(templates, select=current or None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.templates.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.templates)
        layout.addWidget(buttons)

    def chosen(self) -> Template | None:
        return self.templates.current()


class TemplateManager(QDialog):
    """The user's templates: edit, rename, duplicate, delete (confirmed), import and export.

    Built-in templates are listed too, to duplicate (and edit the copy) or export, but
    never change.
    """

    def __init__(self, parent: QWidget | None = None, *, last_folder: Callable[[], str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Manage Templates")
        self.resize(780, 500)
        self._last_folder = last_folder
        self.templates = _TemplateList(self)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.problems.setStyleSheet("color: #b91c1c")
        self.buttons: dict[str, QPushButton] = {}
        self._deleted: list[bytes] = []  # files deleted while the manager is open, to restore
        column = QVBoxLayout()
        for key, text, slot in (
            ("edit", "&Edit…", self.edit),
            ("rename", "&Rename…", self.rename),
            ("duplicate", "D&uplicate", self.duplicate),
            ("delete", "&Delete…", self.delete),
            ("import", "&Import…", self.import_file),
            ("export", "&Export…", self.export_file),
            ("undo", "&Undo Delete", self.undo_delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.templates, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.problems)
        layout.addWidget(close)
        self.templates.list.currentItemChanged.connect(self._enable)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        own, problems = library.user_templates()
        self.templates.fill([*builtin_templates(), *own], select)
        self.problems.setText("\n".join(f"Skipped: {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self._enable()

    def _enable(self) -> None:
        template = self.templates.current()
        own = template is not None and not library.is_builtin(template)
        self.buttons["edit"].setEnabled(template is not None)
        self.buttons["edit"].setText("&Edit…" if own or template is None else "Duplicate to &Edit…")
        self.buttons["edit"].setToolTip(
            "Change the template's name, description and sections"
            if own
            else "Built-in templates never change: edit a copy of your own"
        )
        self.buttons["rename"].setEnabled(own)
        self.buttons["delete"].setEnabled(own)
        self.buttons["duplicate"].setEnabled(template is not None)
        self.buttons["export"].setEnabled(template is not None)
        self.buttons["undo"].setEnabled(bool(self._deleted))

    # ----- commands -----------------------------------------------------------------------
    def edit(self) -> None:
        """Edit one of the user's templates; a built-in one is duplicated and the copy edited."""
        template = self.templates.current()
        if template is None:
            return
        if library.is_builtin(template):
            name = template.name
            copy = self._run(lambda: library.duplicate_template(name))
            if copy is None:
                return
            self.reload(copy.name)
            template = copy
        saved = self._edit_template(template)
        self.reload(saved.name if saved is not None else template.name)

    def rename(self) -> None:
        template = self.templates.current()
        if template is None or library.is_builtin(template):
            return
        name = self._ask_name("Rename Template", template.name)
        if name and name != template.name:
            renamed = self._run(lambda: library.rename_user_template(template.name, name))
            if renamed is not None:
                self.reload(renamed.name)

    def duplicate(self) -> None:
        template = self.templates.current()
        if template is not None:
            copy = self._run(lambda: library.duplicate_template(template.name))
            if copy is not None:
                self.reload(copy.name)

    def delete(self) -> None:
        template = self.templates.current()
        if template is None or library.is_builtin(template):
            return
        question = (
            f"Delete the template “{template.name}”? Briefings made from it keep their "
            "sections and look; only the template goes."
        )
        if not self._confirm(question):
            return
        data = self._run(lambda: library.delete_user_template(template.name))
        if data is not None:
            self._deleted.append(data)
            self.reload()

    def undo_delete(self) -> None:
        """Put back the template deleted last (while this manager is open)."""
        if not self._deleted:
            return
        restored = self._run(lambda: library.restore_user_template(self._deleted[-1]))
        if restored is not None:
            self._deleted.pop()
            self.reload(restored.name)

    def import_file(self) -> None:
        path = self._ask_import_path()
        if path is None:
            return
        known = [t.name for t in library.user_templates()[0]]
        incoming = self._run(lambda: load_template(path, known=known))
        if incoming is None:
            return
        # Only a template of exactly that name is replaced; a look-alike name is refused.
        own = library.is_own_name(incoming.name)
        if own and not self._confirm(
            f"You already have a template called “{incoming.name}”. "
            "Replace it with the imported one?"
        ):
            return
        imported = self._run(lambda: library.import_template(path, replace=own))
        if imported is not None:
            self.reload(imported.name)

    def export_file(self) -> None:
        template = self.templates.current()
        path = self._ask_export_path(template.name) if template else None
        if template is None or path is None:
            return
        # The save dialog has asked before replacing a file of that name.
        written = self._run(lambda: library.export_template(template.name, path, overwrite=True))
        if written is not None:
            show_message(self, "Templates", f"Wrote {written}.", warning=False)

    def _run(self, operation: Callable[[], T]) -> T | None:
        """operation's result, or None after telling the user why it could not be done."""
        try:
            return operation()
        except StorageError as error:
            show_message(self, "Templates", str(error))
        except OSError as error:
            reason = error.strerror or "the system refused"
            show_message(self, "Templates", f"The template folder could not be changed: {reason}.")
        return None

    # ----- questions (tests replace these) ------------------------------------------------
    def _edit_template(self, template: Template) -> Template | None:
        """The template as saved from its editor, or None when the editor was cancelled."""
        from ui.template_editor import TemplateEditor

        def save(edited: Template) -> None:
            library.replace_user_template(template.name, edited)

        editor = TemplateEditor(template, save, self)
        try:
            editor.exec()
            return editor.saved
        finally:
            editor.deleteLater()

    def _ask_name(self, title: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, "Template name:", text=current)
        return name.strip() if ok else None

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Templates",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Template", self._last_folder(), f"Templates (*{TEMPLATE_SUFFIX})"
        )
        return Path(name) if name else None

    def _ask_export_path(self, name: str) -> Path | None:
        suggested = str(Path(self._last_folder()) / f"{name}{TEMPLATE_SUFFIX}")
        chosen = ask_save_name(
            self,
            title="Export Template",
            suggested=suggested,
            file_filter=f"Templates (*{TEMPLATE_SUFFIX})",
            suffix=TEMPLATE_SUFFIX.lstrip("."),
        )
        return Path(chosen) if chosen else None
