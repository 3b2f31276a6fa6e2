"""Template commands of the window: new from a template, apply one, save as one, manage them."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app import template_library as library
from app.edits import UNSORTED
from app.models import Briefing
from app.storage import StorageError
from app.templates import (
    Template,
    apply_template,
    template_from_briefing,
    template_updated_from,
)
from ui.context import WindowContext


class TemplateActions(QObject):
    """Owns the template commands; the dialogs are methods so tests can answer them."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context

    @property
    def _briefing(self) -> Briefing:
        return self.context.document.briefing

    def new_from_template(self) -> None:
        template = self._pick("New Briefing from Template", "&Create")
        if template is not None and self.context.may_discard_changes():
            self.context.start_briefing(template.new_briefing())
            self._say(f"New briefing from “{template.name}”.")

    def apply(self) -> None:
        """Lay the open briefing out in another template's sections, as one undoable step."""
        template = self._pick("Apply Template", "&Apply", current=self._briefing.template)
        if template is None:
            return
        after = apply_template(self._briefing, template)
        self.context.document.apply(f"Apply template {template.name}", after)
        unsorted = next((s for s in after.sections if s.title == UNSORTED), None)
        moved = (
            f" {len(unsorted.items)} item(s) had no matching section: see “{UNSORTED}”."
            if unsorted and unsorted.items
            else ""
        )
        self._say(
            f"Applied “{template.name}” to {len(after.items())} item(s).{moved} "
            "Undo puts the briefing back as it was."
        )

    def save_as_template(self) -> Template | None:
        """Keep this briefing's sections, marking and look (not its articles or items)."""
        current = self._briefing.template
        answer = self._ask_template_name("" if library.is_builtin(current) else current)
        if answer is None:
            return None
        name, description = answer
        try:
            template = template_from_briefing(self._briefing, name, description)
        except ValidationError as error:  # the name is unusable, or poses as a template's
            self._warn(library.template_refusal(name, error))
            return None
        replace = False
        # Only a template of exactly this name may be replaced; a look-alike is refused.
        if library.is_own_name(template.name):
            if not self._confirm_replace(name):
                return None
            replace = True
        try:
            library.save_user_template(template, replace=replace)
        except (StorageError, OSError) as error:
            self._warn(str(error))
            return None
        self._say(f"Saved the template “{name}”. New briefings can start from it.")
        return template

    def update_from_briefing(self) -> Template | None:
        """Give one of the user's templates this briefing's sections and look, after asking."""
        own, _problems = library.user_templates()
        if not own:
            self._warn(
                "You have no templates of your own to update yet. Use Save as Template… to "
                "keep this briefing's sections and look as a new one."
            )
            return None
        chosen = self._pick_own(own, current=self._briefing.template)
        if chosen is None or not self._confirm_update(chosen.name):
            return None
        updated = template_updated_from(chosen, self._briefing)
        try:
            library.replace_user_template(chosen.name, updated)
        except (StorageError, OSError) as error:
            self._warn(str(error))
            return None
        self._say(
            f"Updated “{chosen.name}” with this briefing's {len(updated.sections)} sections "
            "and look. New briefings from it start that way."
        )
        return updated

    def manage(self) -> None:
        from ui.template_dialogs import TemplateManager  # the dialogs load when first shown

        manager = TemplateManager(self.context.parent, last_folder=self.context.folders.last_folder)
        try:
            self._show_manager(manager)
        finally:
            manager.deleteLater()

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _pick(self, title: str, action: str, current: str = "") -> Template | None:
        templates = library.all_templates()
        from ui.template_dialogs import TemplatePicker

        picker = TemplatePicker(
            templates, title=title, action=action, current=current, parent=self.context.parent
        )
        try:
            accepted = picker.exec() == QDialog.DialogCode.Accepted
            return picker.chosen() if accepted else None
        finally:
            picker.deleteLater()

    def _pick_own(self, own: list[Template], current: str) -> Template | None:
        from ui.template_dialogs import TemplatePicker

        picker = TemplatePicker(
            own,
            title="Update Template from Briefing",
            action="&Update",
            current=current,
            parent=self.context.parent,
        )
        try:
            accepted = picker.exec() == QDialog.DialogCode.Accepted
            return picker.chosen() if accepted else None
        finally:
            picker.deleteLater()

    def _confirm_update(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.context.parent,
            "Update Template from Briefing",
            f"Replace the sections and look of “{name}” with this briefing's? Its name, "
            "description, marking and author stay; briefings already made from it do not "
            "change.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_template_name(self, suggested: str) -> tuple[str, str] | None:
        name, ok = QInputDialog.getText(
            self.context.parent,
            "Save as Template",
            "Name for the template (its sections, marking and look are kept; its articles "
            "and items are not):",
            text=suggested,
        )
        return (name.strip(), "") if ok and name.strip() else None

    def _confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.context.parent,
            "Save as Template",
            f"You already have a template called “{name}”. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_manager(self, manager: QDialog) -> None:
        manager.exec()

    def _say(self, message: str) -> None:
        self.context.messages.say(message, 10000)

    def _warn(self, message: str) -> None:
        self.context.messages.warn("Templates", message)
