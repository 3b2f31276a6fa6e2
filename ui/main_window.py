"""The main window: articles and their proposals on the left, the briefing on the right.

The window is the composition root of the desktop app. It builds the document (the
briefing and its undo stack), the article reviews beside it and the autosaver, and wires
widgets to them; it keeps no briefing or review state of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from app import edits
from app.anchors import locate
from app.capture import capture
from app.changes import BriefingChange
from app.extraction import Extraction, extract
from app.fetching import is_address
from app.follow_up import answer_hints
from app.follow_up.answers import carried_questions
from app.importing import ImportFailure, import_text
from app.models import Briefing, Item, ItemKind, Source, default_sections
from app.review import ProposalRow
from app.sample import load_sample
from app.storage import BRIEFING_SUFFIX, StorageError, open_briefing, save_briefing
from ui import shortcuts
from ui.autosave import Autosaver, Recoverable, ask_recover, autosave_problem_label, left_behind
from ui.briefing_editor import BriefingEditor
from ui.compare_view import SourcesCompared
from ui.context import FolderMemory, Messages, WindowContext, file_stem
from ui.document import BriefingDocument
from ui.exporting import ExportActions
from ui.file_dialogs import ask_encoding, ask_save_changes, ask_save_name, open_filter
from ui.follow_up import FollowUpActions
from ui.loading import FetchJob, JobRunner, extract_job, import_job
from ui.menus import WindowActions, build_menus
from ui.new_paragraph import AnalystText
from ui.proposals import ProposalsPanel
from ui.reader_pane import ReaderPane
from ui.recent import RecentFiles
from ui.review import SYNC_EXTRACT_LIMIT, Acceptance, ArticleReviews
from ui.source_dialog import SourceProperties
from ui.status import BusyIndicator, extraction_summary
from ui.templates import TemplateActions
from ui.updates import UpdateActions
from ui.writing_tools import WritingTools

APP_NAME = "Briefing Builder"
_SAMPLE_SHOWN_KEY = "onboarding/sample_shown"


class MainWindow(QMainWindow, WindowActions):
    """One briefing per window: its articles in the reader, proposals beside them."""

    def __init__(
        self,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        autosave_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.document = BriefingDocument(self)
        self._hints_key: object = None  # what the proposals' answer hints were found for
        self.document.reset(Briefing(sections=default_sections()), None)
        self.autosaver = Autosaver(self.document, autosave_folder)
        self._autosave_folder = autosave_folder
        self.busy = BusyIndicator(self.statusBar(), self.cancel_loading)
        self.jobs = JobRunner(self.busy, self)
        self.reviews = ArticleReviews(self.document, self.jobs)
        self.acceptance = Acceptance(self.document, self)
        self.pane = ReaderPane(self)
        self.reader = self.pane.reader
        self.proposals = ProposalsPanel(self)
        self.editor = BriefingEditor(self.document, self)
        self.recent = RecentFiles(self.settings)
        self.messages = Messages(self, self.statusBar())
        self.folders = FolderMemory(self.settings)
        self.autosave_problem = autosave_problem_label(self.statusBar())
        self.context = WindowContext(
            parent=self,
            document=self.document,
            settings=self.settings,
            messages=self.messages,
            folders=self.folders,
            may_discard_changes=self._may_discard_changes,
            start_briefing=self._start_briefing,
        )
        self._connect()
        self._build_layout()
        self.exports = ExportActions(self.context, self.jobs)
        self.templates = TemplateActions(self.context)
        self.analyst_text = AnalystText(self.document, self.editor, self)
        self.article_properties = SourceProperties(self.document, self.reviews, self.messages, self)
        self.writing = WritingTools(self, self)  # spelling, print, drop, copy, shortcut list
        self.follow_up = FollowUpActions(self.context, self.editor)  # series of briefings
        self.sources_compared = SourcesCompared(
            self.context, self.reviews, self.reader, self._reveal_item, self
        )
        self.updates = UpdateActions(self.context, self.reviews, self.jobs)  # article versions
        self._build_menus()
        self._restore_window_state()
        self._show_current()
        self._update_title()

    @property
    def briefing(self) -> Briefing:
        return self.document.briefing

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def current_source(self) -> Source | None:
        return self.reviews.current_source()

    # ----- building -----------------------------------------------------------------------
    def _connect(self) -> None:
        self.document.changed.connect(self._on_document_changed)
        self.document.modified_changed.connect(self.setWindowModified)
        self.jobs.failed.connect(lambda message: self._warn("Cannot open file", message))
        self.reviews.current_changed.connect(self._show_current)
        self.reviews.states_changed.connect(self._show_states)
        self.reviews.sources_changed.connect(self._show_sources)
        self.proposals.passage_requested.connect(self.reader.reveal)
        self.proposals.accept_requested.connect(self.accept_proposals)
        self.proposals.reject_requested.connect(self._reject)
        self.proposals.restore_requested.connect(self._restore)
        self.acceptance.finished.connect(
            lambda count: self.messages.say(f"Accepted {count}: added to the briefing.", 4000)
        )
        self.reader.offset_clicked.connect(self.proposals.select_at)
        self.reader.capture_requested.connect(self.capture_selection)
        self.pane.source_chosen.connect(self.reviews.show)
        self.pane.add_requested.connect(self.ask_add_article)
        self.editor.item_selected.connect(self._reveal_item)
        self.editor.message.connect(lambda text: self.messages.say(text, 6000))
        self.autosaver.problem_changed.connect(self._show_autosave_problem)

    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.pane, self.proposals, self.editor):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([600, 500, 500])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage("Ready")

    def _build_menus(self) -> None:
        build_menus(self, self, self)  # the menu bar is long; it lives in its own module

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: shortcuts.Key | None = None,
        tip: str = "",
    ) -> QAction:
        """A window-wide command with its shortcut, tooltip and status-bar tip."""
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    # ----- starting -----------------------------------------------------------------------
    def open_initial(self, file: str | None) -> None:
        """What a start shows: recovered work if any, the given file, else the sample at
        first start, else an empty briefing."""
        if self.offer_recovery():
            return
        if file and is_address(file):
            self.open_address(file.strip())
        elif file:
            self.open_path(Path(file))
        elif not self.settings.value(_SAMPLE_SHOWN_KEY, False, type=bool):
            self.open_sample()
            self.settings.setValue(_SAMPLE_SHOWN_KEY, True)

    def offer_recovery(self) -> bool:
        """Offer briefings autosaved by sessions that never closed; True if one was restored."""
        for found in left_behind(self._autosave_folder):
            answer = self._ask_recover(found)
            if answer == QMessageBox.StandardButton.Yes:
                return self._recover(found)
            if answer == QMessageBox.StandardButton.Discard:
                found.discard()
        return False

    def _recover(self, found: Recoverable) -> bool:
        try:
            briefing = found.load()
        except StorageError as error:
            self._warn("Cannot recover briefing", str(error))
            return False
        self.document.reset(briefing, found.original, unsaved=True)
        found.discard()
        self.autosaver.save_now()  # the recovered work is this session's now
        self.messages.say("Recovered unsaved work. Save it to keep it.", 10000)
        return True

    # ----- opening ------------------------------------------------------------------------
    def new_briefing(self) -> None:
        if self._may_discard_changes():
            self._start_briefing(Briefing(sections=default_sections()))

    def _start_briefing(self, briefing: Briefing) -> None:
        self.acceptance.cancel()
        self.document.reset(briefing, None)

    def ask_and_open(self) -> None:
        path = self._ask_open_path()
        if path and (self._goes_into_this_briefing(path) or self._may_discard_changes()):
            self.open_path(path)

    def open_recent(self, path: Path) -> None:
        if self._goes_into_this_briefing(path) or self._may_discard_changes():
            self.open_path(path)

    def _goes_into_this_briefing(self, path: Path) -> bool:
        """An article opened into a blank briefing fills it, keeping its template."""
        return path.suffix.lower() != BRIEFING_SUFFIX and edits.is_blank(self.briefing)

    def open_path(self, path: Path, *, encoding: str | None = None, add: bool = False) -> bool:
        """Open a .briefing file, or read an article (off the GUI thread) into a new
        briefing, or into this one when add is true or this one is still blank."""
        if path.suffix.lower() == BRIEFING_SUFFIX:
            try:
                briefing, repairs = open_briefing(path)
            except StorageError as error:
                self._warn("Cannot open file", str(error))
                return False
            self.acceptance.cancel()
            # A repaired briefing differs from its file until saved: it counts as unsaved.
            self.document.reset(briefing, path, unsaved=bool(repairs))
            self.recent.add(path)
            self.messages.say(f"Opened {path.name}.")
            if repairs:
                self._warn("Briefing repaired", f"{path.name} was repaired: {' '.join(repairs)}")
            return True
        job = import_job(path, encoding)
        job.finished.connect(lambda s, e: self._article_loaded(s, e, path, add=add))
        self.jobs.start(job)
        return True

    def ask_open_url(self) -> None:
        """File → Open URL: an article from its address, read off the GUI thread with
        progress and Cancel; into this briefing when it is blank, else a new one."""
        address = self._ask_address()
        if address is None:
            return
        address = address.strip()
        if not is_address(address):
            self._warn(
                "Cannot open address",
                "Type or paste a web address starting with http:// or https://.",
            )
            return
        if edits.is_blank(self.briefing) or self._may_discard_changes():
            self.open_address(address)

    def open_address(self, address: str) -> None:
        """Fetch the article at address (one request, off the GUI thread) and open it."""
        job = FetchJob(address)
        job.finished.connect(lambda s, e: self._article_loaded(s, e, None, add=False))
        self.jobs.start(job)

    def ask_add_article(self) -> None:
        path = self._ask_open_path(articles_only=True)
        if path:
            self.open_path(path, add=True)

    def open_sample(self) -> None:
        if edits.is_blank(self.briefing) or self._may_discard_changes():
            source = load_sample()
            self._article_loaded(source, extract(source), None, add=False)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        try:
            source = import_text(text)
        except ImportFailure as error:
            self._warn("Cannot paste article", f"{error} Copy the article's text first.")
            return
        if len(source.text) <= SYNC_EXTRACT_LIMIT:
            self._article_loaded(source, extract(source), None, add=True)
        else:
            job = extract_job(source)
            job.finished.connect(lambda s, e: self._article_loaded(s, e, None, add=True))
            self.jobs.start(job)

    def ask_reopen_encoding(self) -> None:
        source = self.current_source
        session = self.reviews.current_session()
        path = session.path if session else None
        if source is None or not source.encoding or path is None:
            self._warn(
                "Reopen with encoding",
                "Only an article opened from a text file can be re-read in another encoding.",
            )
            return
        encoding = ask_encoding(self, source)
        if encoding:
            self._reread(source, path, encoding)

    def _reread(self, source: Source, path: Path, encoding: str) -> None:
        """Read one article of the briefing again in another encoding; the rest stays."""
        job = import_job(path, encoding)

        def replace(new: Source, extraction: Extraction) -> None:
            kept = new.model_copy(update={"id": source.id})
            try:
                after = edits.replace_source(self.briefing, kept)
            except edits.EditError as error:
                self._warn("Reopen with encoding", f"Not read again: {error}.")
                return
            self.reviews.register(kept, extraction, path)
            self.document.apply(f"Reopen as {encoding}", after)
            self.reviews.show(kept.id)

        job.finished.connect(replace)
        self.jobs.start(job)

    def _article_loaded(
        self, source: Source, extraction: Extraction, path: Path | None, *, add: bool
    ) -> None:
        """A new article: into this briefing when adding or when this one is blank (its
        template, marking and sections stay), else as a new briefing."""
        self.reviews.register(source, extraction, path)
        briefing = self.briefing
        if edits.is_blank(briefing) and self.document.is_pristine():
            # Nothing to undo to; a pasted text exists nowhere else, so it counts as unsaved.
            pasted = path is None and source.origin == "pasted"
            self.document.reset(edits.add_source(briefing, source), None, unsaved=pasted)
        elif add or edits.is_blank(briefing):
            self.document.apply("Add article", edits.add_source(briefing, source))
        else:  # the user was asked about unsaved work when the command began
            self._start_briefing(edits.add_source(Briefing(sections=default_sections()), source))
        self.reviews.show(source.id)
        if path is not None:
            self.recent.add(path)
        name = path.name if path else (source.title or "the article")
        self.messages.say(f"Opened {name}. {extraction_summary(extraction)}")

    # ----- showing the review -------------------------------------------------------------
    def _show_current(self) -> None:
        """The article in view changed, or its proposals arrived: show both."""
        self._show_sources()
        source = self.reviews.current_source()
        session = self.reviews.current_session()
        extraction = session.extraction if session and source else None
        self.reader.show_source(source, extraction)
        rows = session.rows if session and extraction is not None else {}
        self.proposals.model.show_review(rows, self.reviews.states())
        self._show_answer_hints()

    def _show_answer_hints(self) -> None:
        """Proposals that may answer a question carried from the last briefing say so."""
        source = self.reviews.current_source()
        session = self.reviews.current_session()
        extraction = session.extraction if session else None
        # Asked after every edit of a follow-up: the proposals are matched again only when
        # the article in view or the open carried questions changed, not for each keystroke.
        key = (
            source.id if source else None,
            id(extraction),
            tuple((q.id, q.text) for q in carried_questions(self.briefing)),
        )
        if key == self._hints_key:
            return
        self._hints_key = key
        hints: dict[str, tuple[str, ...]] = {}
        if source is not None and extraction is not None and self.briefing.previous:
            hints = answer_hints(self.briefing, source, extraction)
        self.proposals.model.set_answer_hints(hints, self.briefing)

    def _show_states(self) -> None:
        self.proposals.model.update_states(self.reviews.states())

    def _show_sources(self) -> None:
        self.pane.show_sources(self.briefing.sources, self.reviews.current_id)

    # ----- proposals and capture ----------------------------------------------------------
    def accept_proposals(self, rows: list[ProposalRow]) -> None:
        source = self.current_source
        if source is None or not rows:
            return
        if len(rows) > 1:
            self.messages.say(f"Accepting {len(rows):,} proposals…", 4000)
        self.acceptance.accept(source, rows)

    def _reject(self, keys: list[str]) -> None:
        label = "Reject proposal" if len(keys) == 1 else f"Reject {len(keys)} proposals"
        self.document.apply(label, edits.reject_proposals(self.briefing, keys))
        self.messages.say("Rejected. Tick “Show rejected” to see and restore it.", 5000)

    def _restore(self, keys: list[str]) -> None:
        label = "Restore proposal" if len(keys) == 1 else f"Restore {len(keys)} proposals"
        self.document.apply(label, edits.restore_proposals(self.briefing, keys))

    def capture_selection(self, kind: ItemKind, start: int, end: int) -> None:
        """Add the reader's selection to the briefing as an item of kind; a note with nothing
        selected is a paragraph of the analyst's own."""
        if kind == "note" and start == end:
            self.analyst_text.new_paragraph()
            return
        source = self.current_source
        if source is None:
            return
        try:
            item = capture(source, self.reviews.extraction(source.id), start, end, kind)
        except ValueError as error:
            self.messages.say(str(error), 6000)
            return
        self.document.apply(f"Add {kind}", edits.add_item(self.briefing, item))
        self.editor.select_item(item.id)
        self.messages.say(f"Added the selection as a {kind}.", 4000)

    def _reveal_item(self, item_id: str) -> None:
        try:
            item = edits.find_item(self.briefing, item_id)
        except edits.EditError:
            return
        if item.anchor is None or self.briefing.source(item.anchor.source_id) is None:
            return
        if item.anchor.source_id != self.reviews.current_id:
            self.reviews.show(item.anchor.source_id)
        source = self.current_source
        if source is not None and item.anchor.version not in (0, source.version):
            self._reveal_earlier(item, source)
            return
        found = locate(item.anchor, source.text) if source else None
        if found:
            self.reader.reveal(*found)
        else:
            self.messages.say("The item's passage is no longer in its article.", 6000)

    def _reveal_earlier(self, item: Item, source: Source) -> None:
        """An item citing an earlier version: where its passage stands now, if it changed."""
        cited = item.anchor.version if item.anchor else 0
        change = item.passage_change
        if change is not None and change.version == source.version:
            self.reader.reveal(change.start, max(change.end, change.start + 1))
        where = {"changed": "changed in", "gone": "is gone from"}
        state = where[change.status] if change else "differs in"
        self.messages.say(
            f"This item cites version {cited} of the article; its passage {state} version "
            f"{source.version}. Article → Versions… shows both.",
            10000,
        )

    # ----- long work ----------------------------------------------------------------------
    def cancel_loading(self) -> None:
        if self.jobs.cancel():
            self.messages.say("Cancelled.", 4000)

    def is_loading(self) -> bool:
        """True while a document is read, its text still goes in, or proposals are accepted."""
        return self.jobs.running() or not self.reader.is_ready() or self.acceptance.busy()

    # ----- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        path = self._ask_save_path()
        return self._save_to(path) if path else False

    def _save_to(self, path: Path) -> bool:
        if path.suffix.lower() != BRIEFING_SUFFIX:
            path = path.with_name(path.name + BRIEFING_SUFFIX)
        try:
            save_briefing(self.briefing, path)
        except StorageError as error:
            self._warn("Cannot save briefing", str(error))
            return False
        self.document.mark_saved(path)
        self.autosaver.remove()
        self.recent.add(path)
        self.messages.say(f"Saved {path.name}.", 5000)
        return True

    # ----- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard_changes():
            event.ignore()
            return
        self.cancel_loading()
        self.autosaver.remove()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/docks", self.saveState())  # Sources Compared
        event.accept()

    def _may_discard_changes(self) -> bool:
        """Ask to save unsaved work; False when the user cancels."""
        if not self.document.is_modified():
            return True
        answer = self._ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1600, 1000)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        docks = self.settings.value("window/docks")
        if isinstance(docks, QByteArray):
            self.restoreState(docks)

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _ask_address(self) -> str | None:
        clipboard = QGuiApplication.clipboard().text().strip()
        address, ok = QInputDialog.getText(
            self,
            "Open URL",
            "The article's web address (only the page itself is fetched: no images, scripts "
            "or linked pages; a copy is kept in the briefing):",
            text=clipboard if is_address(clipboard) else "https://",
        )
        return address if ok else None

    def _ask_open_path(self, *, articles_only: bool = False) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open", self.folders.last_folder(), open_filter(articles_only=articles_only)
        )
        return self.folders.remember(name)

    def _ask_save_path(self) -> Path | None:
        folder = Path(self.folders.last_folder())
        name = ask_save_name(
            self,
            title="Save briefing",
            suggested=str(folder / f"{file_stem(self.briefing)}{BRIEFING_SUFFIX}"),
            file_filter=f"Briefings (*{BRIEFING_SUFFIX})",
            suffix=BRIEFING_SUFFIX.lstrip("."),
        )
        return self.folders.remember(name)

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        return ask_save_changes(self, APP_NAME)

    def _ask_recover(self, found: Recoverable) -> QMessageBox.StandardButton:
        return ask_recover(self, found, APP_NAME)

    def _warn(self, title: str, message: str) -> None:
        self.messages.warn(title, message)

    # ----- following the document ---------------------------------------------------------
    def _on_document_changed(self, change: BriefingChange) -> None:
        if change.everything or change.path or "title" in change.header:
            self._update_title()
        self.setWindowModified(self.document.is_modified())
        if self.briefing.previous is not None or change.everything:
            self._show_answer_hints()  # a follow-up's questions were answered or opened

    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.briefing.title or "Untitled briefing")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    def _show_autosave_problem(self, problem: str) -> None:
        # Shown until autosave works again: unprotected work must not look protected.
        self.autosave_problem.setVisible(bool(problem))
        self.autosave_problem.setToolTip(
            f"Autosave cannot write its copy: {problem} Save the briefing (Ctrl+S) to keep "
            "your work."
            if problem
            else ""
        )
