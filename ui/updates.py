"""Article → Check for Updates and Article → Versions…: an article read again, the newer
version compared with the one before, and the items whose passage changed, each answered
by taking the new wording, keeping the version it cites, or removing it (all undoable).

The check runs off the GUI thread (one request for an address, or one read of a file);
what it found goes in as one undoable edit, and the Versions window opens on it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.extraction import Extraction
from app.models import Briefing, Item, Source
from app.versions import (
    Difference,
    align,
    differences,
    keep_cited_version,
    source_name,
    update_source,
    use_new_wording,
)
from app.versions.reread import update_location
from ui import shortcuts
from ui.briefing_model import item_label
from ui.context import WindowContext
from ui.loading import JobRunner, ReadAgainJob
from ui.review import ArticleReviews

_SHOWN_DIFFERENCES = 300  # paragraphs listed; a rewritten report says how many more


class UpdateActions(QObject):
    """The Article menu's Check for Updates and Versions… commands."""

    def __init__(self, context: WindowContext, reviews: ArticleReviews, jobs: JobRunner) -> None:
        super().__init__(context.parent)
        self.context = context
        self.reviews = reviews
        self.jobs = jobs
        self.dialog: VersionsDialog | None = None
        self.check_action = self._action(
            "Check for &Updates",
            "Read the article in view again from its address or file, and show what changed",
            self.check_for_updates,
            shortcuts.CHECK_FOR_UPDATES,
        )
        self.versions_action = self._action(
            "&Versions…",
            "Compare the article's versions and answer the items whose passage changed",
            self.show_versions,
        )

    def _action(
        self, text: str, tip: str, slot: Callable[[], None], key: shortcuts.Key | None = None
    ) -> QAction:
        action = QAction(text, self.context.parent)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False: slot())
        self.context.parent.addAction(action)
        return action

    # ----- checking -----------------------------------------------------------------------
    def check_for_updates(self) -> None:
        source = self.reviews.current_source()
        if source is None:
            self.context.messages.say("Open an article first, then check it for updates.")
            return
        beside = self.context.document.path.parent if self.context.document.path else None
        if not update_location(source, beside):
            self.context.messages.warn(
                "Check for updates",
                f"{source_name(source)} was pasted, so there is no address or file to read it "
                "again from. Give it its address in Article → Properties, then check again.",
            )
            return
        job = ReadAgainJob(source, beside)
        job.finished.connect(lambda fresh, found: self._arrived(source.id, fresh, found))
        self.jobs.start(job, on_failure=self._failed)

    def _failed(self, message: str) -> None:
        self.context.messages.warn("Cannot check for updates", message)

    def _arrived(self, source_id: str, fresh: Source, extraction: Extraction) -> None:
        document = self.context.document
        if document.briefing.source(source_id) is None:  # removed while it was read
            return
        update = update_source(document.briefing, source_id, fresh)
        if not update.changed:
            self.context.messages.say(
                f"No changes: {update.name} says the same, word for word.", 10000
            )
            return
        document.apply("Check for updates", update.briefing)
        newer = update.briefing.source(source_id)
        if newer is not None:
            session = self.reviews.session(source_id)
            self.reviews.register(newer, extraction, session.path)
            self.reviews.show(source_id)
        self.context.messages.say(update.summary(), 15000)
        self.show_versions(source_id)

    # ----- the Versions window ------------------------------------------------------------
    def show_versions(self, source_id: str | None = None) -> None:
        source_id = source_id or self.reviews.current_id
        source = self.context.document.briefing.source(source_id) if source_id else None
        if source is None or not source.earlier:
            self.context.messages.say(
                "This article has one version: Check for Updates (F5) looks for a newer one."
            )
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = VersionsDialog(self.context, source.id, self._extraction, self.context.parent)
        self.dialog.show()
        if self.dialog.table.rowCount():
            self.dialog.select_rows([0])

    def _extraction(self, source: Source) -> Extraction | None:
        """The proposals of the article's current text, when known (they read an item's
        new wording the way proposals are read)."""
        session = self.reviews.session(source.id)
        return session.extraction if session.is_extracted(source) else None


class VersionsDialog(QDialog):
    """One article's versions side by side: the paragraphs that differ, and the items whose
    passage changed, with their cited and new wording."""

    def __init__(
        self,
        context: WindowContext,
        source_id: str,
        extraction: Callable[[Source], Extraction | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.source_id = source_id
        self._extraction = extraction
        self._compared: tuple[str, str, int] | None = None  # the texts the view shows
        self.setWindowTitle("Article Versions")
        self.resize(1000, 720)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.versions = QComboBox(self)
        self.versions.setAccessibleName("Earlier version compared")
        self.versions.currentIndexChanged.connect(lambda _i: self._show_differences())
        self.changes = QTextBrowser(self)
        self.changes.setAccessibleName("Differences between the versions")
        self.items_label = QLabel(self)
        self.table = _items_table(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.use_new = QPushButton("&Use New Wording", self)
        self.use_new.setToolTip("The item cites the newer version, its words read from there")
        self.keep = QPushButton("&Keep Cited Version", self)
        self.keep.setToolTip("The item keeps citing the version it was taken from")
        self.remove = QPushButton("&Remove Item", self)
        self.use_new.clicked.connect(lambda: self._answer("Use new wording", _use_new))
        self.keep.clicked.connect(lambda: self._answer("Keep cited version", _keep))
        self.remove.clicked.connect(lambda: self._answer("Remove item", _remove))
        self._layout()
        context.document.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def _layout(self) -> None:
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Compared with:", self))
        choose.addWidget(self.versions, 1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.items_label)
        lower_layout.addWidget(self.table, 1)
        answers = QHBoxLayout()
        for button in (self.use_new, self.keep, self.remove):
            answers.addWidget(button)
        answers.addStretch(1)
        lower_layout.addLayout(answers)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.changes)
        splitter.addWidget(lower)
        splitter.setSizes([360, 300])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(choose)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

    # ----- showing ------------------------------------------------------------------------
    @property
    def source(self) -> Source | None:
        return self.context.document.briefing.source(self.source_id)

    def refresh(self) -> None:
        source = self.source
        if source is None or not source.earlier:
            self.close()
            return
        when = _when(source.retrieved)
        self.heading.setText(
            f"{source_name(source)}: the briefing holds {source.version} versions of this "
            f"article; version {source.version}{f' ({when})' if when else ''} is its text now."
        )
        chosen = self.versions.currentData()
        self.versions.blockSignals(True)
        self.versions.clear()
        for version in reversed(source.earlier):
            when = _when(version.retrieved)
            self.versions.addItem(
                f"Version {version.number}" + (f" ({when})" if when else ""), version.number
            )
        found = self.versions.findData(chosen) if chosen is not None else -1
        self.versions.setCurrentIndex(max(0, found))
        self.versions.blockSignals(False)
        self._show_differences()
        self._show_items()

    def _show_differences(self) -> None:
        source = self.source
        number = self.versions.currentData()
        if source is None or number is None:
            return
        earlier = source.at_version(number)
        # Every edit of the briefing refreshes this window; the texts rarely change, and
        # comparing a long article again for each keystroke would slow typing.
        shown = (earlier.text, source.text, number)
        if shown == self._compared:  # the same text objects compare at once
            return
        self._compared = shown
        found = differences(align(earlier.text, source.text))
        self.changes.setHtml(_differences_html(found, number, source.version))

    def _show_items(self) -> None:
        briefing = self.context.document.briefing
        flagged = _flagged(briefing, self.source_id)
        selected = set(self.selected_ids())
        self.table.setRowCount(len(flagged))
        for row, item in enumerate(flagged):
            change = item.passage_change
            assert change is not None and item.anchor is not None
            cited = item.anchor.text
            new = change.text if change.status == "changed" else "(gone from this version)"
            cells = (
                item_label(item, briefing),
                cited,
                new,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(" ".join(text.split()))
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.setHorizontalHeaderLabels(_column_titles(self.source, flagged))
        self.select_rows([r for r, item in enumerate(flagged) if item.id in selected])
        self.items_label.setText(
            f"{len(flagged)} item{'' if len(flagged) == 1 else 's'} whose passage changed or is "
            "gone: take the new wording, keep the version the item cites, or remove it."
            if flagged
            else "No item waits for an answer: every cited passage is unchanged or answered."
        )
        self._update_buttons()

    def select_rows(self, rows: list[int]) -> None:
        """Exactly these rows selected (selectRow would add to the selection while a
        modifier key is held)."""
        chosen = QItemSelection()
        model = self.table.model()
        for row in rows:
            chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(chosen, flags)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        ids = []
        for row in rows:
            cell = self.table.item(row, 0)
            if cell is not None:
                ids.append(str(cell.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _update_buttons(self) -> None:
        briefing = self.context.document.briefing
        chosen = [_find(briefing, item_id) for item_id in self.selected_ids()]
        items = [item for item in chosen if item is not None]
        changed = [i for i in items if i.passage_change and i.passage_change.status == "changed"]
        self.use_new.setEnabled(bool(changed))
        self.keep.setEnabled(bool(items))
        self.remove.setEnabled(bool(items))

    # ----- answering ----------------------------------------------------------------------
    def _answer(self, label: str, answer: _Answer) -> None:
        document = self.context.document
        briefing = document.briefing
        source = self.source
        ids = self.selected_ids()
        if source is None or not ids:
            return
        extraction = self._extraction(source)
        done = 0
        for item_id in ids:
            try:
                briefing = answer(briefing, item_id, extraction)
                done += 1
            except edits.EditError as error:
                self.context.messages.say(f"Not changed: {error}.", 8000)
        if done:
            document.apply(label if done == 1 else f"{label} ({done} items)", briefing)


_Answer = Callable[[Briefing, str, Extraction | None], Briefing]


def _use_new(briefing: Briefing, item_id: str, extraction: Extraction | None) -> Briefing:
    item = edits.find_item(briefing, item_id)
    if item.passage_change is None or item.passage_change.status != "changed":
        return briefing  # a gone passage has no new wording: left for Keep or Remove
    return use_new_wording(briefing, item_id, extraction)


def _keep(briefing: Briefing, item_id: str, _extraction: Extraction | None) -> Briefing:
    return keep_cited_version(briefing, item_id)


def _remove(briefing: Briefing, item_id: str, _extraction: Extraction | None) -> Briefing:
    return edits.remove_item(briefing, item_id)


def _flagged(briefing: Briefing, source_id: str) -> list[Item]:
    return [
        item
        for item in briefing.items()
        if item.passage_change is not None
        and item.anchor is not None
        and item.anchor.source_id == source_id
    ]


def _find(briefing: Briefing, item_id: str) -> Item | None:
    try:
        return edits.find_item(briefing, item_id)
    except edits.EditError:
        return None


def _items_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 3, parent)
    table.setAccessibleName("Items whose passage changed")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    rows = table.verticalHeader()
    rows.setVisible(False)
    # Heights follow the wrapped text as the columns widen (a row sized before the window
    # is laid out would keep the height of a narrow column).
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    for column in range(3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def _column_titles(source: Source | None, flagged: list[Item]) -> list[str]:
    current = source.version if source else 0
    cited = {item.anchor.version for item in flagged if item.anchor}
    cited_title = f"Cited wording (version {min(cited)})" if len(cited) == 1 else "Cited wording"
    return ["Item", cited_title, f"New wording (version {current})"]


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return f"retrieved {moment.day} {moment:%B %Y, %H:%M} UTC"


def _differences_html(found: tuple[Difference, ...], old: int, new: int) -> str:
    if not found:
        return (
            f"<p>Versions {old} and {new} say the same, word for word (only spacing or "
            "quotation marks differ).</p>"
        )
    blocks = [
        f"<p style='color:#555'>{len(found)} paragraph{'' if len(found) == 1 else 's'} "
        f"differ between version {old} and version {new}. "
        "<span style='color:#b91c1c;text-decoration:line-through'>Struck out</span>: "
        "removed; <span style='color:#15803d;text-decoration:underline'>underlined</span>: "
        "added.</p>"
    ]
    for difference in found[:_SHOWN_DIFFERENCES]:
        caption = {"added": "Added", "removed": "Removed", "changed": "Changed"}[difference.kind]
        blocks.append(
            f"<p><span style='color:#555;font-size:small'>{caption}</span><br>"
            f"{_pieces_html(difference)}</p>"
        )
    if len(found) > _SHOWN_DIFFERENCES:
        blocks.append(f"<p>… and {len(found) - _SHOWN_DIFFERENCES} more.</p>")
    return "".join(blocks)


_STYLES = {
    "same": "",
    "removed": "color:#b91c1c;text-decoration:line-through",
    "added": "color:#15803d;text-decoration:underline",
}


def _pieces_html(difference: Difference) -> str:
    parts = []
    previous = ""
    for piece in difference.pieces:
        text = piece.text
        # Runs from two texts meet without the space between them: put one back.
        gap = " " if previous and not previous[-1].isspace() and text[:1].isalnum() else ""
        escaped = html.escape(text).replace("\n", "<br>")
        style = _STYLES[piece.kind]
        parts.append(gap + (f"<span style='{style}'>{escaped}</span>" if style else escaped))
        previous = text
    return "".join(parts)
