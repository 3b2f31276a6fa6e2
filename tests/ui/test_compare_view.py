"""View → Sources Compared in the real window: the sample and a second article of our own,
figure groups with their discrepancy, merging and splitting (undoable), and passages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.models import Figure
from tests.ui.conftest import wait_loaded
from ui import shortcuts
from ui.compare_tree import CompareTree
from ui.main_window import MainWindow

# Our own short report on the same story: another count of the troops, and an acronym.
SECOND_ARTICLE = """Seoul says North Korean troops are already in Russia
South Korea's National Intelligence Service (NIS) said on Friday that North Korea has sent 12,000 North Korean troops to Russia, in what it called a dangerous escalation.
The NIS said the soldiers were flown from the port city of Chongjin over the past week and were being trained at bases in Russia's far east.
"The dispatch has begun," an NIS official told reporters in Seoul.
Pyongyang has also shipped 8 million artillery shells to Moscow since last year, the agency said.
Western officials said that Russian forces lost 1,271 military personnel a day in September, killed or injured in Ukraine.
It is not clear when the troops could reach the front line in Ukraine.
"""  # noqa: E501 - an article's paragraphs are long lines


def add_article(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    article = tmp_path / "seoul-report.txt"
    article.write_text(SECOND_ARTICLE, encoding="utf-8")
    monkeypatch.setattr(window, "_ask_open_path", lambda **_: article)
    window.add_article_action.trigger()
    wait_loaded(qtbot, window)


def open_two_with_figures(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    """The sample and the second article, every figure of both accepted."""
    window.open_sample()
    window.proposals.accept_all("figure")
    add_article(window, qtbot, tmp_path, monkeypatch)
    window.proposals.accept_all("figure")


def cell(index: QModelIndex, column: int) -> str:
    return str(index.siblingAtColumn(column).data())


def group_named(tab: CompareTree, label: str) -> QModelIndex:
    model = tab.model
    found = [
        model.index(r, 0) for r in range(model.rowCount()) if cell(model.index(r, 0), 0) == label
    ]
    assert len(found) == 1, [cell(model.index(r, 0), 0) for r in range(model.rowCount())]
    return found[0]


def values_of(group: QModelIndex) -> list[tuple[str, str]]:
    model = group.model()
    return [
        (cell(model.index(r, 0, group), 0), cell(model.index(r, 0, group), 1))
        for r in range(model.rowCount(group))
    ]


def value_index(group: QModelIndex, text: str, source: str) -> QModelIndex:
    model = group.model()
    for row in range(model.rowCount(group)):
        index = model.index(row, 0, group)
        if cell(index, 0) == text and cell(index, 1).startswith(source):
            return index
    raise AssertionError(f"{text} from {source} not in {values_of(group)}")


def figures(window: MainWindow) -> list[Figure]:
    return [item for item in window.briefing.items() if isinstance(item, Figure)]


def groups_of(window: MainWindow, ids: set[str]) -> set[str]:
    """The groups the briefing saves for the figures with ids."""
    return {figure.group for figure in figures(window) if figure.id in ids}


TROOPS = "North Korean troops"


# ----- showing ----------------------------------------------------------------------------
def test_a_second_article_opens_the_view_and_the_status_bar_says_so(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared = window.sources_compared
    window.open_sample()
    assert compared.dock.isHidden()  # one article: nothing to compare
    add_article(window, qtbot, tmp_path, monkeypatch)
    assert not compared.dock.isHidden() and compared.toggle_action.isChecked()
    qtbot.waitUntil(lambda: "Sources Compared" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert message.startswith("Opened seoul-report.txt.")  # the article's own news stays
    assert "compares the 2 articles" in message and "Ctrl+Shift+C" in message
    # Nothing accepted yet: the tab says what to do.
    assert not compared.figures.tree.isVisible()
    assert "Accept figures" in compared.figures.empty.text()


def test_one_article_says_to_add_a_second(window: MainWindow, qtbot) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    window.sources_compared.toggle_action.trigger()
    compared = window.sources_compared
    assert compared.dock.isVisible()
    assert compared.figures.empty.isVisible()
    assert compared.figures.empty.text().startswith(
        "Add a second article to compare figures across sources"
    )
    assert "second article" in compared.claims.empty.text()


def test_the_figures_tab_shows_the_discrepancy_in_words_and_an_icon(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_two_with_figures(window, qtbot, tmp_path, monkeypatch)
    tab = window.sources_compared.figures
    assert tab.tree.isVisible()
    troops = group_named(tab, TROOPS)
    assert troops.row() == 0  # discrepancies come first
    assert cell(troops, 1) == "from 2 articles"
    notes = troops.siblingAtColumn(2)
    assert str(notes.data()).startswith("Discrepancy: ")
    assert "10,000" in str(notes.data()) and "12,000" in str(notes.data())
    assert not notes.data(Qt.ItemDataRole.DecorationRole).isNull()
    values = values_of(troops)
    assert ("12,000", "Seoul says North Korean troops are already in Russia") in values
    assert ("10,000", "Sky News") in values
    assert tab.tree.isExpanded(troops)
    given = cell(value_index(troops, "10,000", "Sky News"), 2)
    assert given in ("the article's own figure", "given by Volodymyr Zelenskyy")
    # A group of one article agrees with nothing: said so, no warning icon.
    single = next(
        tab.model.index(r, 0)
        for r in range(tab.model.rowCount())
        if cell(tab.model.index(r, 0), 1) == "from 1 article"
    )
    assert cell(single, 2) == "One article only"
    assert single.siblingAtColumn(2).data(Qt.ItemDataRole.DecorationRole) is None


def test_activating_a_value_selects_its_passage_in_the_reader(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_two_with_figures(window, qtbot, tmp_path, monkeypatch)
    assert window.reader.toPlainText().startswith("Seoul says")
    tab = window.sources_compared.figures
    sky = value_index(group_named(tab, TROOPS), "10,000", "Sky News")
    tab.tree.setFocus()
    tab.tree.setCurrentIndex(sky)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)  # activates the value
    assert window.reader.toPlainText().startswith("Are 10,000")  # the sample is in view
    assert window.reader.textCursor().selectedText() == "10,000"
    seoul = value_index(group_named(tab, TROOPS), "12,000", "Seoul")
    tab.tree.activated.emit(seoul)
    assert window.reader.toPlainText().startswith("Seoul says")
    assert window.reader.textCursor().selectedText() == "12,000"


# ----- merging and splitting --------------------------------------------------------------
def test_merge_two_groups_undo_and_redo(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_two_with_figures(window, qtbot, tmp_path, monkeypatch)
    compared = window.sources_compared
    tab = compared.figures
    before = tab.model.rowCount()
    assert before >= 2 and not compared.merge_action.isEnabled()
    first, second = tab.model.index(0, 0), tab.model.index(1, 0)
    merged = tab.model.rows()[0].child_keys() | tab.model.rows()[1].child_keys()
    tab.tree.collapse(tab.model.index(before - 1, 0))  # the user shut the last group
    last_label = cell(tab.model.index(before - 1, 0), 0)
    tab.select([first, second])
    assert compared.merge_action.isEnabled()
    compared.merge_action.trigger()
    assert window.undo_action.text().replace("&", "") == "Undo Merge Figure Groups"
    shared = groups_of(window, merged)
    assert len(shared) == 1 and shared != {""}  # one group, by the analyst's say
    assert {f.group for f in figures(window) if f.id not in merged} == {""}
    assert tab.model.rowCount() == before - 1
    selected = tab.selected_groups()
    assert len(selected) == 1 and selected[0].child_keys() == merged
    assert selected[0].cells[2].startswith("Merged by you; discrepancy")
    assert not tab.tree.isExpanded(group_named(tab, last_label))  # still shut
    window.undo_action.trigger()
    assert {g for f in figures(window) for g in [f.group]} == {""}
    assert tab.model.rowCount() == before
    assert window.redo_action.text().replace("&", "") == "Redo Merge Figure Groups"
    window.redo_action.trigger()
    assert groups_of(window, merged) == shared
    assert tab.model.rowCount() == before - 1


def test_split_a_figure_off_undo_and_redo(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_two_with_figures(window, qtbot, tmp_path, monkeypatch)
    compared = window.sources_compared
    tab = compared.figures
    seoul = value_index(group_named(tab, TROOPS), "12,000", "Seoul")
    seoul_id = seoul.data(Qt.ItemDataRole.UserRole)
    tab.select([seoul])
    assert compared.split_action.isEnabled() and not compared.merge_action.isEnabled()
    compared.split_action.trigger()
    assert window.undo_action.text().replace("&", "") == "Undo Split Off Figure"
    split = next(f for f in figures(window) if f.id == seoul_id)
    assert split.group.endswith(seoul_id)
    assert {f.group for f in figures(window) if f.id != seoul_id} == {""}
    # The figure is still selected, in a group of its own; the troops group lost its
    # discrepancy.
    alone = tab.tree.currentIndex().parent()
    assert [row.key for row in tab.selected_values()] == [seoul_id]
    assert values_of(alone) == [("12,000", "Seoul says North Korean troops are already in Russia")]
    assert cell(alone, 0) == TROOPS and cell(alone, 2) == "Split off by you"
    troops = next(
        tab.model.index(r, 0)
        for r in range(tab.model.rowCount())
        if cell(tab.model.index(r, 0), 0) == TROOPS and tab.model.index(r, 0) != alone
    )
    assert "12,000" not in [text for text, _ in values_of(troops)]
    assert cell(troops, 2) == "One article only"
    assert not compared.split_action.isEnabled()  # alone already
    window.undo_action.trigger()
    assert {f.group for f in figures(window)} == {""}
    assert "12,000" in [text for text, _ in values_of(group_named(tab, TROOPS))]
    assert cell(group_named(tab, TROOPS), 2).startswith("Discrepancy")
    window.redo_action.trigger()
    assert next(f for f in figures(window) if f.id == seoul_id).group == split.group


# ----- keys, state and models -------------------------------------------------------------
def test_the_view_menu_toggles_the_dock_with_its_own_shortcut(window: MainWindow) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = window.sources_compared.toggle_action
    assert toggle in view_menu.actions() and toggle.text() == "Sources &Compared"
    keys = QKeySequence(shortcuts.SOURCES_COMPARED)
    assert toggle.shortcut() == keys
    others = [a for a in window.findChildren(QAction) if a is not toggle and keys in a.shortcuts()]
    assert others == []
    toggle.trigger()
    assert window.sources_compared.dock.isVisible()
    toggle.trigger()
    assert window.sources_compared.dock.isHidden()


def test_a_dock_the_user_closed_stays_closed_and_the_layout_is_remembered(
    qtbot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.open_sample()
    add_article(first, qtbot, tmp_path, monkeypatch)
    assert first.sources_compared.dock.isVisible()
    first.sources_compared.dock.close()  # its own close button
    first.new_briefing()
    first.open_sample()
    add_article(first, qtbot, tmp_path, monkeypatch)
    assert first.sources_compared.dock.isHidden()  # not pushed on the user again
    first.sources_compared.toggle_action.trigger()  # asked for it again
    assert first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert second.sources_compared.dock.isVisible()
    assert second.sources_compared.dock.objectName() == "sources_compared"


def test_the_compare_models_are_sound_qt_models(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtmodeltester
) -> None:
    open_two_with_figures(window, qtbot, tmp_path, monkeypatch)
    window.proposals.accept_all("statement")
    compared = window.sources_compared
    qtmodeltester.check(compared.figures.model, force_py=True)
    qtmodeltester.check(compared.claims.model, force_py=True)


def test_the_claims_tab_counts_independent_sources_and_links_passages(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    window.proposals.accept_all("statement")
    add_article(window, qtbot, tmp_path, monkeypatch)
    window.proposals.accept_all("statement")
    tab = window.sources_compared.claims
    model = tab.model
    casualties = next(
        model.index(r, 0) for r in range(model.rowCount()) if "1,271" in cell(model.index(r, 0), 0)
    )
    # Both articles have it from Western officials: one independent source, not two.
    assert cell(casualties, 1) == "reported by 1 of 2 sources"
    assert {source for _, source in values_of(casualties)} == {
        "Sky News",
        "Seoul says North Korean troops are already in Russia",
    }
    claims = [model.index(r, 0, casualties) for r in range(2)]
    seoul = next(claim for claim in claims if cell(claim, 1).startswith("Seoul"))
    sky = next(claim for claim in claims if cell(claim, 1) == "Sky News")
    assert cell(sky, 2) == "statement, from Western officials"
    window.pane.sources.activated.emit(0)  # the sample in view
    tab.tree.activated.emit(seoul)
    assert window.reader.toPlainText().startswith("Seoul says")
    assert window.reader.textCursor().selectedText().startswith("that Russian forces lost 1,271")
    tab.tree.activated.emit(sky)
    assert window.reader.toPlainText().startswith("Are 10,000")
    assert "daily casualty rate" in window.reader.textCursor().selectedText()
