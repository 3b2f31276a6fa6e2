"""The Glossary tab of Sources Compared: the briefing's terms, and the terms the articles
propose.

Left, the glossary itself: term and expansion edited in place (F2 or a double-click),
Delete removes, and a line below adds a term by hand. A term the articles never explain
says "no expansion yet" in its cell. Right, the acronyms found in the articles, accepted
(Enter) or rejected (Delete) like other proposals. Every change is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import edits, glossary
from app.compare.refs import source_name
from app.models import Briefing
from ui import compare_widgets as make
from ui import shortcuts
from ui.context import WindowContext
from ui.glossary_model import GlossaryEntriesModel, TermProposalsModel
from ui.review import ArticleReviews

_FIELD_NAMES = {"term": "Term", "expansion": "Expansion"}


class GlossaryView(QWidget):
    """The glossary and the proposed terms, side by side."""

    def __init__(
        self, context: WindowContext, reviews: ArticleReviews, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._document = context.document
        self._reviews = reviews
        self.entries_model = GlossaryEntriesModel(self)
        self.entries_model.edit_requested.connect(self.edit_entry)
        self.entries = make.table(self, self.entries_model, "Glossary terms")
        self.entries.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.proposals_model = TermProposalsModel(self)
        self.proposals = make.table(self, self.proposals_model, "Proposed terms")
        self.missing = make.note_label(self)
        self.unread = make.note_label(self)
        self.term_field = make.field("Term, such as NIS", "New term", self)
        self.expansion_field = make.field("What it stands for", "Expansion of the new term", self)
        self._make_actions()
        self._lay_out()
        for field in (self.term_field, self.expansion_field):
            field.returnPressed.connect(self.add_typed_term)
            field.textChanged.connect(self._enable_actions)
        self.entries.selectionModel().selectionChanged.connect(self._enable_actions)
        self.proposals.selectionModel().selectionChanged.connect(self._enable_actions)
        self._enable_actions()

    # ----- building -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.add_action = make.action("A&dd Term", "Add the typed term to the glossary", self)
        self.add_action.triggered.connect(lambda _=False: self.add_typed_term())
        self.remove_action = make.action(
            "Rem&ove", "Remove the selected terms from the glossary (Delete)", self
        )
        make.table_keys(self.remove_action, shortcuts.DELETE_ITEM, self.entries)
        self.remove_action.triggered.connect(lambda _=False: self.remove_selected())
        self.accept_action = make.action(
            "A&ccept", "Add the selected proposed terms to the glossary (Enter)", self
        )
        make.table_keys(self.accept_action, shortcuts.ACCEPT, self.proposals)
        self.accept_action.triggered.connect(lambda _=False: self.accept_selected())
        self.reject_action = make.action(
            "Reject", "Leave the selected proposed terms out of the glossary (Delete)", self
        )
        make.table_keys(self.reject_action, shortcuts.REJECT, self.proposals)
        self.reject_action.triggered.connect(lambda _=False: self.reject_selected())
        self.restore_action = make.action(
            "Restore", "Bring the selected rejected terms back into review (Insert)", self
        )
        make.table_keys(self.restore_action, shortcuts.RESTORE, self.proposals)
        self.restore_action.triggered.connect(lambda _=False: self.restore_selected())
        self.show_rejected = QCheckBox("Show rejected", self)
        self.show_rejected.setToolTip("List rejected terms too, so they can be restored")
        self.show_rejected.toggled.connect(lambda _on: self.refresh_proposals())

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._entries_side())
        splitter.addWidget(self._proposals_side())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _entries_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(make.heading("In the briefing's glossary", side))
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.missing)
        adding = QHBoxLayout()
        adding.addWidget(self.term_field, 1)
        adding.addWidget(self.expansion_field, 3)
        for action in (self.add_action, self.remove_action):
            adding.addWidget(make.button(action, side))
        layout.addLayout(adding)
        return side

    def _proposals_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(make.heading("Proposed from the articles", side))
        layout.addWidget(self.proposals, 1)
        layout.addWidget(self.unread)
        buttons = QHBoxLayout()
        for action in (self.accept_action, self.reject_action, self.restore_action):
            buttons.addWidget(make.button(action, side))
        buttons.addStretch(1)
        buttons.addWidget(self.show_rejected)
        layout.addLayout(buttons)
        return side

    # ----- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the glossary and the proposals as the briefing has them now."""
        briefing = self._document.briefing
        found_in = {
            entry.id: _article_name(briefing, entry.anchor.source_id)
            if entry.anchor
            else "typed by you"
            for entry in briefing.glossary
        }
        self.entries_model.show_entries(briefing.glossary, found_in)
        self._say_missing(briefing)
        self.refresh_proposals()

    def refresh_proposals(self) -> None:
        """The terms proposed by every article whose proposals are known."""
        briefing = self._document.briefing
        rows = []
        unread = 0
        for source in briefing.sources:
            extraction = self._reviews.extraction(source.id)
            if extraction is None:
                unread += 1
                continue
            for proposal in glossary.glossary_proposals(briefing, source, extraction):
                if not self._listed(proposal):
                    continue
                term = (
                    f"{proposal.term} (rejected)" if proposal.state == "rejected" else proposal.term
                )
                cells = (term, proposal.expansion, source_name(source))
                rows.append((proposal.key, cells, (source.id, proposal)))
        row = self._current_row(self.proposals)
        self.proposals_model.show_proposals(rows)
        self._select_row(self.proposals, min(row, len(rows) - 1))
        self.unread.setText(_proposals_note(len(rows), unread))
        self.unread.setVisible(bool(self.unread.text()))
        self._enable_actions()

    def _say_missing(self, briefing: Briefing) -> None:
        missing = [entry.term for entry in glossary.missing_expansions(briefing)]
        self.missing.setText(_missing_note(missing, empty=not briefing.glossary))
        self.missing.setVisible(bool(self.missing.text()))

    # ----- commands -----------------------------------------------------------------------
    def add_typed_term(self) -> None:
        term = " ".join(self.term_field.text().split())
        if not term:
            self._context.messages.say("Type the term first, then what it stands for.", 6000)
            return
        expansion = " ".join(self.expansion_field.text().split())
        if self._apply("Add Glossary Term", lambda b: glossary.add_entry(b, term, expansion)):
            self.term_field.clear()
            self.expansion_field.clear()
            self.term_field.setFocus()
            self._select_row(self.entries, self.entries_model.rowCount() - 1)

    def edit_entry(self, entry_id: str, field: str, text: str) -> None:
        label = f"Edit Glossary {_FIELD_NAMES.get(field, field.title())}"
        changes = {field: text}
        self._apply(label, lambda b: glossary.edit_entry(b, entry_id, **changes))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.entries.selectionModel().selectedRows()})
        ids = [e.id for r in rows if (e := self.entries_model.entry_at(self._row(r))) is not None]
        if not ids:
            return
        label = "Remove Glossary Term" if len(ids) == 1 else f"Remove {len(ids)} Glossary Terms"
        if self._apply(label, lambda b: _each(b, ids, glossary.remove_entry)):
            self._select_row(self.entries, min(rows[0], self.entries_model.rowCount() - 1))

    def accept_selected(self) -> None:
        chosen = self._chosen_proposals()
        if chosen:
            label = "Accept Term" if len(chosen) == 1 else f"Accept {len(chosen)} Terms"
            self._apply(label, lambda b: _by_source(b, chosen, glossary.accept_terms))

    def reject_selected(self) -> None:
        chosen = [(s, p) for s, p in self._chosen_proposals() if p.state == "proposed"]
        if chosen:
            label = "Reject Term" if len(chosen) == 1 else f"Reject {len(chosen)} Terms"
            self._apply(label, lambda b: _by_source(b, chosen, glossary.reject_terms))

    def restore_selected(self) -> None:
        chosen = [(s, p) for s, p in self._chosen_proposals() if p.state == "rejected"]
        if chosen:
            label = "Restore Term" if len(chosen) == 1 else f"Restore {len(chosen)} Terms"
            self._apply(label, lambda b: _by_source(b, chosen, glossary.restore_terms))

    def _listed(self, proposal: glossary.TermProposal) -> bool:
        """Terms still to decide, and the rejected ones when the user asks to see them."""
        if proposal.state == "rejected":
            return self.show_rejected.isChecked()
        return proposal.state == "proposed"

    def _chosen_proposals(self) -> list[tuple[str, glossary.TermProposal]]:
        indexes = self.proposals.selectionModel().selectedRows()
        return [self.proposals_model.proposal_at(index) for index in indexes]

    def _apply(self, label: str, edit: Callable[[Briefing], Briefing]) -> bool:
        try:
            after = edit(self._document.briefing)
        except (edits.EditError, ValueError) as error:
            self._context.messages.say(f"{label}: {error}", 8000)
            return False
        self._document.apply(label, after)
        return True

    # ----- selection ----------------------------------------------------------------------
    def _row(self, row: int) -> QModelIndex:
        return self.entries_model.index(row, 0)

    @staticmethod
    def _current_row(table: QTableView) -> int:
        return max(table.currentIndex().row(), 0)

    @staticmethod
    def _select_row(table: QTableView, row: int) -> None:
        index = table.model().index(row, 0)
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            table.selectionModel().setCurrentIndex(index, flags)

    def select_entry(self, term: str) -> bool:
        """Select the glossary's entry for term; False if it has none."""
        for row in range(self.entries_model.rowCount()):
            entry = self.entries_model.entry_at(self._row(row))
            if entry is not None and entry.term == term:
                self._select_row(self.entries, row)
                return True
        return False

    def _enable_actions(self) -> None:
        self.add_action.setEnabled(bool(self.term_field.text().strip()))
        self.remove_action.setEnabled(self.entries.selectionModel().hasSelection())
        states = {proposal.state for _, proposal in self._chosen_proposals()}
        self.accept_action.setEnabled(bool(states))
        self.reject_action.setEnabled("proposed" in states)
        self.restore_action.setEnabled("rejected" in states)


def _each(
    briefing: Briefing, ids: list[str], edit: Callable[[Briefing, str], Briefing]
) -> Briefing:
    for entry_id in ids:
        briefing = edit(briefing, entry_id)
    return briefing


def _by_source(briefing: Briefing, chosen: list, edit: Callable) -> Briefing:  # type: ignore[type-arg]
    """One edit per article of the chosen proposals, folded into one briefing."""
    by_source: dict[str, list] = {}  # type: ignore[type-arg]
    for source_id, proposal in chosen:
        by_source.setdefault(source_id, []).append(proposal)
    for source_id, proposals in by_source.items():
        source = briefing.source(source_id)
        if source is not None:
            briefing = edit(briefing, source, proposals)
    return briefing


def _missing_note(missing: list[str], *, empty: bool) -> str:
    """What the analyst still has to do with the glossary, or ""."""
    if empty:
        return "No terms yet: accept the proposed ones, or type a term and its expansion below."
    if not missing:
        return ""
    names = ", ".join(missing[:6]) + (" and more" if len(missing) > 6 else "")
    verb = "has" if len(missing) == 1 else "have"
    return f"{names} {verb} no expansion yet: select the cell and press F2 to add one."


def _proposals_note(shown: int, unread: int) -> str:
    """Why the proposals list is short: articles not read yet, or nothing left to decide."""
    if unread:
        articles = (
            "1 more article appear once you open it"
            if unread == 1
            else (f"{unread} more articles appear once you open them")
        )
        return f"Terms of {articles} in the reader."
    if not shown:
        return "No terms left to decide: every acronym found is in the glossary or rejected."
    return ""


def _article_name(briefing: Briefing, source_id: str) -> str:
    source = briefing.source(source_id)
    return source_name(source) if source else ""
