"""View → Sources Compared: the briefing's articles side by side, in a dock of three tabs.

Figures: the figures the briefing holds, grouped by what they count across articles, a
discrepancy marked with an icon and in words; the analyst merges and splits groups, as
undoable edits. Claims: what several articles carry, and by how many independent sources.
Glossary: the acronyms and their expansions (ui/glossary_view.py).

The comparison is derived from the briefing, never saved: it is computed again whenever the
briefing changes, and only while the dock is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

from app import edits
from app.changes import BriefingChange
from app.compare import compare_briefing, merge_groups, split_figure
from app.compare.types import Comparison
from app.models import Briefing
from ui import shortcuts
from ui.compare_rows import CLAIM_COLUMNS, FIGURE_COLUMNS, Target, claim_rows, figure_rows
from ui.compare_tree import CompareTree
from ui.context import WindowContext
from ui.glossary_view import GlossaryView
from ui.reader import ArticleReader
from ui.review import ArticleReviews

DOCK_NAME = "sources_compared"  # the objectName the window's saved state knows it by
HIDDEN_BY_USER_KEY = "compare/hidden_by_user"
_SLOW_COMPARISON = 0.05  # seconds; slower comparisons wait for a pause in typing
_PAUSE_MS = 300
_TABS = ("Fig&ures", "C&laims", "&Glossary")  # Alt+F is the File menu's


class CompareDock(QDockWidget):
    """The dock itself; it says when the user closes it with its own button."""

    closed_by_user = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed_by_user.emit()
        super().closeEvent(event)


class SourcesCompared(QObject):
    """The Sources Compared dock of one window, kept in step with the briefing."""

    def __init__(
        self,
        context: WindowContext,
        reviews: ArticleReviews,
        reader: ArticleReader,
        reveal_item: Callable[[str], None],
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._document = context.document
        self._reviews = reviews
        self._reader = reader
        self._reveal_item = reveal_item
        self._shown: Briefing | None = None  # the briefing the tabs show
        self._source_count = 0
        self._last_cost = 0.0
        self.comparison = Comparison()
        self._pause = _single_shot(self, self.refresh)
        self._make_actions()
        self.figures = self._figures_tab()
        self.claims = CompareTree(
            CLAIM_COLUMNS,
            name="Claims corroborated",
            empty_text="",
            widths=(640, 220),  # a claim is a sentence
            parent=window,
        )
        self.claims.value_activated.connect(self.reveal)
        self.glossary = GlossaryView(context, reviews, window)
        self.tabs = self._tabs(window)
        self.dock = self._dock(window)
        self.toggle_action = self._toggle_action()
        self._document.changed.connect(self._on_document_changed)
        reviews.current_changed.connect(self.glossary.refresh_proposals)

    # ----- building -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.merge_action = _action(
            "&Merge Groups",
            "Put the selected groups' figures in one group: they count the same thing",
            self,
        )
        self.merge_action.triggered.connect(lambda _=False: self.merge_selected())
        self.split_action = _action(
            "Split &Off",
            "Take the selected figure out of its group: it counts something else",
            self,
        )
        self.split_action.triggered.connect(lambda _=False: self.split_selected())

    def _figures_tab(self) -> CompareTree:
        tab = CompareTree(
            FIGURE_COLUMNS,
            name="Figure groups",
            empty_text="",
            actions=(self.merge_action, self.split_action),
        )
        tab.value_activated.connect(self.reveal)
        tab.selection_changed.connect(self._enable_actions)
        self._enable_actions_of(tab)
        return tab

    def _tabs(self, window: QMainWindow) -> QTabWidget:
        tabs = QTabWidget(window)
        tabs.setAccessibleName("Sources compared")
        for widget, title in zip((self.figures, self.claims, self.glossary), _TABS, strict=True):
            tabs.addTab(widget, title)
        tabs.setTabToolTip(0, "Figures that count the same thing, from each article")
        tabs.setTabToolTip(1, "Claims several articles carry, and how many sources confirm them")
        tabs.setTabToolTip(2, "Acronyms and short names, and what they stand for")
        return tabs

    def _dock(self, window: QMainWindow) -> CompareDock:
        dock = CompareDock("Sources Compared", window)
        dock.setObjectName(DOCK_NAME)
        dock.setWidget(self.tabs)
        dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()  # until the briefing holds two articles, or the user asks for it
        dock.visibilityChanged.connect(self._on_visibility_changed)
        dock.closed_by_user.connect(lambda: self._remember_hidden(True))
        return dock

    def _toggle_action(self) -> QAction:
        action = self.dock.toggleViewAction()
        action.setText("Sources &Compared")
        action.setShortcut(QKeySequence(shortcuts.SOURCES_COMPARED))
        tip = "Show or hide the figures, claims and glossary of all the articles, side by side"
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({shortcuts.key_text(shortcuts.SOURCES_COMPARED)})")
        action.triggered.connect(lambda shown: self._remember_hidden(not shown))
        return action

    # ----- showing ------------------------------------------------------------------------
    def show_dock(self, tab: int | None = None) -> None:
        self.dock.show()
        self.dock.raise_()
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def refresh(self) -> None:
        """Compare the briefing's articles again and show the result."""
        self._pause.stop()
        briefing = self._document.briefing
        started = time.perf_counter()
        self.comparison = compare_briefing(briefing)
        self._last_cost = time.perf_counter() - started
        sources = len(briefing.articles())
        comparing = sources >= 2  # one article's figures side by side compare nothing
        shown = self.comparison if comparing else Comparison()
        self.figures.show_rows(figure_rows(shown), _figures_empty_text(sources))
        self.claims.show_rows(claim_rows(shown), _claims_empty_text(sources))
        self.glossary.refresh()
        self._shown = briefing
        self._enable_actions()

    def _on_document_changed(self, change: BriefingChange) -> None:
        briefing = self._document.briefing
        self._offer_when_second_article_arrives(len(briefing.articles()))
        if change.path or self.dock.isHidden() or self._shown is briefing:
            return  # shown again when the dock opens
        if self._last_cost > _SLOW_COMPARISON and not change.everything:
            self._pause.start()  # a long briefing: wait for a pause in typing
        else:
            self.refresh()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._shown is not self._document.briefing:
            self.refresh()

    def _offer_when_second_article_arrives(self, count: int) -> None:
        before, self._source_count = self._source_count, count
        if before >= 2 or count < 2 or not self.dock.isHidden() or self._hidden_by_user():
            return
        self.show_dock(0)
        # Said after the news of the article itself ("Opened …, 7 statements proposed"),
        # which the window gives once the article is in: both stay in the status bar.
        QTimer.singleShot(0, self, lambda: self._say_shown(count))

    def _say_shown(self, count: int) -> None:
        key = shortcuts.key_text(shortcuts.SOURCES_COMPARED)
        before = self._window.statusBar().currentMessage()
        self._context.messages.say(
            f"{before} Sources Compared now compares the {count} articles "
            f"(View → Sources Compared, {key}).".strip(),
            12000,
        )

    def _hidden_by_user(self) -> bool:
        return bool(self._context.settings.value(HIDDEN_BY_USER_KEY, False, type=bool))

    def _remember_hidden(self, hidden: bool) -> None:
        self._context.settings.setValue(HIDDEN_BY_USER_KEY, hidden)

    # ----- passages -----------------------------------------------------------------------
    def reveal(self, target: Target) -> None:
        """Show the passage a figure or claim comes from, in the reader."""
        try:
            edits.find_item(self._document.briefing, target.key)
        except edits.EditError:
            self._reveal_passage(target)  # not an item: a passage of an article
            return
        self._reveal_item(target.key)

    def _reveal_passage(self, target: Target) -> None:
        if self._document.briefing.source(target.source_id) is None:
            self._context.messages.say("That article is no longer in the briefing.", 6000)
            return
        if target.source_id != self._reviews.current_id:
            self._reviews.show(target.source_id)
        self._reader.reveal(target.start, target.end)

    # ----- merging and splitting ----------------------------------------------------------
    def merge_selected(self) -> None:
        keys = [row.key for row in self.figures.selected_groups()]
        if len(keys) < 2:
            self._context.messages.say("Select two or more groups to merge.", 6000)
            return
        self._apply("Merge Figure Groups", lambda b: merge_groups(b, keys))

    def split_selected(self) -> None:
        values = self.figures.selected_values()
        if len(values) != 1:
            self._context.messages.say("Select one figure to split off its group.", 6000)
            return
        key = values[0].key
        self._apply("Split Off Figure", lambda b: split_figure(b, key))

    def _apply(self, label: str, edit: Callable[[Briefing], Briefing]) -> None:
        try:
            after = edit(self._document.briefing)
        except edits.EditError as error:
            self._context.messages.say(f"{label}: {error}", 8000)
            return
        self._document.apply(label, after)
        if self._shown is not self._document.briefing:
            self.refresh()  # the result at once, even while a long briefing waits for a pause

    def _enable_actions(self) -> None:
        self._enable_actions_of(self.figures)

    def _enable_actions_of(self, tab: CompareTree) -> None:
        self.merge_action.setEnabled(len(tab.selected_groups()) >= 2)
        values = tab.selected_values()
        self.split_action.setEnabled(len(values) == 1 and self._in_shared_group(tab, values[0].key))

    @staticmethod
    def _in_shared_group(tab: CompareTree, key: str) -> bool:
        return any(
            key in group.child_keys() and len(group.children) > 1 for group in tab.model.rows()
        )


def _figures_empty_text(sources: int) -> str:
    if sources < 2:
        return (
            "Add a second article to compare figures across sources (File → Add Article): "
            "the figures you accept from each article are grouped here by what they count."
        )
    return (
        "Accept figures from the articles to compare them: each figure in the briefing is "
        "grouped with the figures of the other articles that count the same thing."
    )


def _claims_empty_text(sources: int) -> str:
    if sources < 2:
        return "Add a second article to see which claims other sources carry too."
    return (
        "No claim in the briefing is carried by more than one article yet. Accept statements "
        "and figures from each article to see which sources corroborate them."
    )


def _action(text: str, tip: str, parent: QObject) -> QAction:
    action = QAction(text, parent)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def _single_shot(parent: QObject, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(_PAUSE_MS)
    timer.timeout.connect(slot)
    return timer
