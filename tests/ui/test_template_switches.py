"""The template editor's three switches for the sections the export adds (figures compared,
glossary, since the last briefing): clicked, saved through the manager, read back from the
template file, and carried into a briefing made from the template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QWidget

from app import template_library as library
from app.templates import builtin_templates, load_template
from tests.ui.test_sections import when_modal
from ui.main_window import MainWindow
from ui.template_dialogs import TemplateManager, describe
from ui.template_editor import ADDED_SECTIONS, TemplateEditor

FLAGS = [flag for flag, _, _ in ADDED_SECTIONS]


def click(qtbot, box: QCheckBox) -> None:
    """A click on the box's indicator, where a user clicks (a wide box's middle is empty)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def user_file(name: str) -> Path:
    return next(path for path, t in library.user_template_files()[0] if t.name == name)


def test_switches_start_from_the_template_and_are_saved_to_its_file(
    window: MainWindow, qtbot, data_dir: Path
) -> None:
    builtin = builtin_templates()[0]
    manager = TemplateManager(window, last_folder=lambda: str(data_dir))
    qtbot.addWidget(manager)
    manager.reload(builtin.name)
    seen: dict[str, bool] = {}

    def answer(editor: QWidget) -> None:
        assert isinstance(editor, TemplateEditor)
        seen.update({flag: box.isChecked() for flag, box in editor.added.items()})
        # Clicked as a user does: glossary and figures compared off, since-last kept on.
        for flag in ("glossary", "figures_compared"):
            click(qtbot, editor.added[flag])
        editor.save_button.click()

    when_modal(TemplateEditor, answer)
    manager.buttons["edit"].click()
    assert seen == {flag: getattr(builtin.style, flag) for flag in FLAGS}
    copy_name = f"{builtin.name} (copy)"
    on_disk = load_template(user_file(copy_name))
    assert not on_disk.style.glossary
    assert not on_disk.style.figures_compared
    assert on_disk.style.since_last_briefing == builtin.style.since_last_briefing
    # Everything else about the look is kept as it was.
    assert (
        on_disk.style.model_copy(update={f: getattr(builtin.style, f) for f in FLAGS})
        == builtin.style
    )
    assert "Glossary" not in describe(on_disk).split("The export adds:")[1]
    # A briefing made from the saved template carries the switches into its export style.
    assert not on_disk.new_briefing().style.glossary


def test_a_switch_turned_back_on_is_saved_on(window: MainWindow, qtbot, data_dir: Path) -> None:
    copy = library.duplicate_template(builtin_templates()[0].name)
    library.replace_user_template(
        copy.name,
        copy.model_copy(update={"style": copy.style.model_copy(update={f: False for f in FLAGS})}),
    )
    template = load_template(user_file(copy.name))
    editor = TemplateEditor(
        template, lambda edited: library.replace_user_template(copy.name, edited), window
    )
    qtbot.addWidget(editor)
    assert not any(box.isChecked() for box in editor.added.values())
    assert describe(template).endswith("The export adds: nothing</p>")
    click(qtbot, editor.added["since_last_briefing"])
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    assert editor.saved is not None
    read_back = load_template(user_file(copy.name)).style
    assert (read_back.since_last_briefing, read_back.glossary, read_back.figures_compared) == (
        True,
        False,
        False,
    )


def test_every_shortcut_letter_in_the_editor_is_used_once(window: MainWindow, qtbot) -> None:
    editor = TemplateEditor(builtin_templates()[0], lambda _: None, window)
    qtbot.addWidget(editor)
    texts = [w.text() for w in editor.findChildren(QAbstractButton)]
    texts += [w.text() for w in editor.findChildren(QLabel)]
    letters = [
        text[text.index("&") + 1].casefold() for text in texts if "&" in text.replace("&&", "")
    ]
    assert len(letters) == len(set(letters)), sorted(letters)
    assert {"b", "o", "y"} <= set(letters)  # the three switches
