"""The item editor shows the hedged marker of statements and figures as a checkbox, and
unticking it is an undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from app import edits
from app.models import Figure, Statement
from ui.main_window import MainWindow


def test_a_hedged_statement_shows_ticked_and_can_be_unticked(window: MainWindow) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    hedged = next(i for i in window.briefing.items() if isinstance(i, Statement) and i.hedged)
    window.editor.select_item(hedged.id)
    box = window.editor.item_editor.editors["hedged"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    assert box.accessibleName() == "Hedged (a possibility or forecast)"
    box.setChecked(False)
    saved = edits.find_item(window.briefing, hedged.id)
    assert isinstance(saved, Statement) and not saved.hedged
    window.undo_action.trigger()
    saved = edits.find_item(window.briefing, hedged.id)
    assert isinstance(saved, Statement) and saved.hedged
    assert box.isChecked()


def test_a_figure_has_the_hedged_checkbox(window: MainWindow) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    figure = next(i for i in window.briefing.items() if isinstance(i, Figure))
    window.editor.select_item(figure.id)
    box = window.editor.item_editor.editors["hedged"]
    assert isinstance(box, QCheckBox) and box.isChecked() == figure.hedged
