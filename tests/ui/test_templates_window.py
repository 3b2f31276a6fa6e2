"""The window's template commands, driven through its menus and real dialogs."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import edits
from app import template_library as library
from app.models import Statement
from app.templates import builtin_templates, save_template
from ui.main_window import MainWindow
from ui.template_dialogs import TemplateManager, TemplatePicker


def choose_in_picker(name: str, seen: dict | None = None) -> None:
    """When the template picker opens: pick name in its list and press its main button."""

    def act() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, TemplatePicker):
            QTimer.singleShot(20, act)
            return
        entries = picker.templates.list
        rows = [entries.item(i).text() for i in range(entries.count())]
        entries.setCurrentRow(next(i for i, row in enumerate(rows) if row.startswith(name)))
        if seen is not None:
            seen["rows"] = rows
            seen["details"] = picker.templates.details.toPlainText()
        picker.choose_button.click()

    QTimer.singleShot(0, act)


def accept_everything(window: MainWindow) -> None:
    window.open_sample()
    for kind in ("statement", "figure", "question"):
        window.proposals.accept_all_actions[kind].trigger()


def test_new_from_template_starts_with_its_sections_marking_and_look(
    window: MainWindow, qtbot
) -> None:
    seen: dict = {}
    choose_in_picker("Submission (UK style)", seen)
    window.new_from_template_action.trigger()

    template = next(t for t in builtin_templates() if t.name == "Submission (UK style)")
    briefing = window.briefing
    assert [s.title for s in briefing.sections] == [s.title for s in template.sections]
    assert briefing.marking == "OFFICIAL-SENSITIVE" and briefing.style.numbered_items
    assert briefing.items() == () and briefing.template == template.name
    assert len(seen["rows"]) == 4 and "Recommendation" in seen["details"]
    assert window.editor.header.marking.currentText() == "OFFICIAL-SENSITIVE"


def test_selecting_a_section_shows_its_guidance_line(window: MainWindow, qtbot) -> None:
    choose_in_picker("Information paper")
    window.new_from_template_action.trigger()
    tree = window.editor.tree
    tree.setCurrentIndex(window.editor.model.index(1, 0))
    guidance = window.editor.guidance
    assert guidance.isVisible() and guidance.text().startswith("Facts: ")
    assert window.briefing.sections[1].guidance in guidance.text()


def test_cancelling_the_picker_changes_nothing(window: MainWindow, qtbot) -> None:
    accept_everything(window)
    before = window.briefing

    def cancel() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, TemplatePicker):
            QTimer.singleShot(20, cancel)
            return
        picker.reject()

    QTimer.singleShot(0, cancel)
    window.apply_template_action.trigger()
    assert window.briefing == before


@pytest.mark.parametrize("name", [t.name for t in builtin_templates()])
def test_apply_template_keeps_every_item_and_undo_puts_it_back(
    window: MainWindow, qtbot, name: str
) -> None:
    accept_everything(window)
    before = window.briefing
    choose_in_picker(name)
    window.apply_template_action.trigger()

    after = window.briefing
    assert sorted(i.id for i in after.items()) == sorted(i.id for i in before.items())
    template = next(t for t in builtin_templates() if t.name == name)
    titles = [s.title for s in after.sections]
    assert after.template == name and titles[: len(template.sections)] == [
        s.title for s in template.sections
    ]
    assert after.style == template.style
    assert "Apply template" in window.undo_action.text()
    window.undo_action.trigger()
    assert window.briefing == before
    window.redo_action.trigger()
    assert window.briefing == after


def test_save_as_template_keeps_structure_not_content_and_offers_it_next_time(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    accept_everything(window)
    window.editor.header.marking.setCurrentText("TLP:AMBER")
    monkeypatch.setattr(window.templates, "_ask_template_name", lambda _: ("Korea desk", ""))
    window.save_template_action.trigger()

    files = list((data_dir / "templates").glob("*.bbtemplate"))
    assert [f.name for f in files] == ["Korea desk.bbtemplate"]
    saved = json.loads(files[0].read_text("utf-8"))["template"]
    assert saved["marking"] == "TLP:AMBER"
    assert [s["title"] for s in saved["sections"]] == [s.title for s in window.briefing.sections]
    assert "Zelensky" not in files[0].read_text("utf-8")  # no statement made it in

    seen: dict = {}
    choose_in_picker("Korea desk", seen)
    window.new_from_template_action.trigger()
    assert any(row.startswith("Korea desk  (yours)") for row in seen["rows"])
    assert window.briefing.marking == "TLP:AMBER" and window.briefing.items() == ()


def test_save_as_template_refuses_a_builtin_name_and_asks_before_replacing(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, messages: list
) -> None:
    monkeypatch.setattr(window.templates, "_ask_template_name", lambda _: ("Information paper", ""))
    window.save_template_action.trigger()
    assert messages and "built-in" in messages[-1][1]
    assert library.user_templates()[0] == []

    monkeypatch.setattr(window.templates, "_ask_template_name", lambda _: ("Mine", ""))
    window.save_template_action.trigger()
    asked: list[str] = []
    monkeypatch.setattr(window.templates, "_confirm_replace", lambda n: asked.append(n) or False)
    window.editor.header.marking.setCurrentText("SECRET")
    window.save_template_action.trigger()
    assert asked == ["Mine"] and library.find_template("Mine").marking == ""


def open_manager(window: MainWindow, act) -> None:
    """Run act(manager) once the real manager dialog is showing, then close it."""

    def step() -> None:
        manager = QApplication.activeModalWidget()
        if not isinstance(manager, TemplateManager):
            QTimer.singleShot(20, step)
            return
        try:
            act(manager)
        finally:
            manager.reject()

    QTimer.singleShot(0, step)
    window.manage_templates_action.trigger()


def select(manager: TemplateManager, name: str) -> None:
    entries = manager.templates.list
    rows = [entries.item(i).text() for i in range(entries.count())]
    entries.setCurrentRow(next(i for i, row in enumerate(rows) if row.startswith(name + "  (")))


def test_manager_duplicates_renames_and_deletes_after_confirmation(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict = {}

    def act(manager: TemplateManager) -> None:
        select(manager, "Information paper")
        seen["builtin_rename"] = manager.buttons["rename"].isEnabled()
        manager.buttons["duplicate"].click()
        seen["after_duplicate"] = manager.templates.current().name
        monkeypatch.setattr(manager, "_ask_name", lambda *_: "Weekly paper")
        manager.buttons["rename"].click()
        seen["after_rename"] = manager.templates.current().name
        monkeypatch.setattr(manager, "_confirm", lambda _: False)
        manager.buttons["delete"].click()
        seen["kept"] = [t.name for t in library.user_templates()[0]]
        monkeypatch.setattr(manager, "_confirm", lambda _: True)
        manager.buttons["delete"].click()
        seen["count"] = manager.templates.list.count()

    open_manager(window, act)
    assert seen["builtin_rename"] is False
    assert seen["after_duplicate"] == "Information paper (copy)"
    assert seen["after_rename"] == "Weekly paper"
    assert seen["kept"] == ["Weekly paper"]
    assert seen["count"] == 4 and library.user_templates()[0] == []


def test_manager_imports_exports_and_refuses_a_hostile_file(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: list
) -> None:
    hostile = tmp_path / "hostile.bbtemplate"
    hostile.write_text(
        json.dumps(
            {
                "format": "briefing-builder/template",
                "schema_version": 1,
                "template": {"name": "../../evil", "sections": [{"title": "x"}], "run": "rm -rf /"},
            }
        ),
        encoding="utf-8",
    )
    shared = tmp_path / "shared.bbtemplate"
    save_template(builtin_templates()[1].model_copy(update={"name": "Shared brief"}), shared)
    exported = tmp_path / "out" / "mine.bbtemplate"
    exported.parent.mkdir()
    seen: dict = {}

    def act(manager: TemplateManager) -> None:
        monkeypatch.setattr(manager, "_ask_import_path", lambda: hostile)
        manager.buttons["import"].click()
        seen["after_hostile"] = manager.templates.list.count()
        monkeypatch.setattr(manager, "_ask_import_path", lambda: shared)
        manager.buttons["import"].click()
        seen["current"] = manager.templates.current().name
        monkeypatch.setattr(manager, "_ask_export_path", lambda _: exported)
        monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a: None)
        manager.buttons["export"].click()

    open_manager(window, act)
    assert seen["after_hostile"] == 4
    assert messages and "not a valid template" in messages[0][1]
    assert seen["current"] == "Shared brief"
    assert json.loads(exported.read_text("utf-8"))["template"]["name"] == "Shared brief"


def test_grading_template_shows_grade_fields_and_grades_go_to_the_word_export(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    accept_everything(window)
    choose_in_picker("Situation brief (BLUF)")
    window.apply_template_action.trigger()
    statement = next(i for i in window.briefing.items() if isinstance(i, Statement))
    window.editor.select_item(statement.id)
    editors = window.editor.item_editor.editors
    assert {"reliability", "credibility"} <= set(editors)
    reliability, credibility = editors["reliability"], editors["credibility"]
    reliability.setCurrentIndex(reliability.findData("B"))
    reliability.activated.emit(reliability.currentIndex())
    credibility.setCurrentIndex(credibility.findData("2"))
    credibility.activated.emit(credibility.currentIndex())
    graded = edits.find_item(window.briefing, statement.id)
    assert (graded.reliability, graded.credibility, graded.grade) == ("B", "2", "B2")
    qtbot.keyClicks(window.editor.header.bottom_line, "Deployment will grow.")

    likelihood = window.editor.header.likelihood
    assert likelihood.isVisibleTo(window)
    likelihood.setCurrentIndex(likelihood.findData("likely"))
    likelihood.activated.emit(likelihood.currentIndex())
    assert window.briefing.likelihood == "likely"

    target = tmp_path / "graded.docx"
    monkeypatch.setattr(window.exports, "_ask_export_path", lambda _: target)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a: None)
    with qtbot.waitSignal(window.exports.exported, timeout=60_000):  # built in the background
        window.export_word_action.trigger()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "[B2]" in text and "Likelihood: likely" in text and "Information credibility" in text
    assert docx.Document(str(target)).sections[0].header.paragraphs[1].text == "Situation brief"

    window.undo_action.trigger()  # the likelihood
    assert window.briefing.likelihood == ""


def test_grade_fields_are_hidden_when_the_template_does_not_grade(
    window: MainWindow, qtbot
) -> None:
    accept_everything(window)
    statement = next(i for i in window.briefing.items() if isinstance(i, Statement))
    window.editor.select_item(statement.id)
    assert "reliability" not in window.editor.item_editor.editors
    assert not window.editor.header.likelihood.isVisibleTo(window)


def test_manager_puts_back_a_deleted_template(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.duplicate_template("Information paper")
    seen: dict = {}

    def act(manager: TemplateManager) -> None:
        seen["undo_before"] = manager.buttons["undo"].isEnabled()
        select(manager, "Information paper (copy)")
        monkeypatch.setattr(manager, "_confirm", lambda _: True)
        manager.buttons["delete"].click()
        seen["after_delete"] = [t.name for t in library.user_templates()[0]]
        manager.buttons["undo"].click()
        seen["current"] = manager.templates.current().name
        seen["undo_after"] = manager.buttons["undo"].isEnabled()

    open_manager(window, act)
    assert seen["undo_before"] is False and seen["after_delete"] == []
    assert seen["current"] == "Information paper (copy)" and seen["undo_after"] is False
    assert [t.name for t in library.user_templates()[0]] == ["Information paper (copy)"]
