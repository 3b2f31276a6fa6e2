"""The main window: articles and their proposals on the left, the briefing on the right.

The window is the composition root of the desktop app. It owns the document (the briefing
and its undo stack) and the autosaver, and turns user commands into edits from app.edits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
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
from app.extraction import Extraction, extract
from app.importing import ImportFailure, import_text
from app.models import Briefing, Source, default_sections
from app.proposals import Proposal, accepted_keys, item_from_proposal, proposal_key
from app.sample import load_sample
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing, save_briefing
from ui.autosave import Autosaver, Recoverable, ask_recover, left_behind
from ui.briefing_editor import BriefingEditor
from ui.document import BriefingDocument
from ui.exporting import ExportActions
from ui.file_dialogs import ask_save_changes, ask_save_name, open_filter
from ui.loading import JobRunner, extract_job, import_job
from ui.proposals import ProposalsPanel
from ui.reader_pane import ReaderPane
from ui.recent import RecentFiles
from ui.status import BusyIndicator, extraction_summary
from ui.templates import TemplateActions

APP_NAME = "Briefing Builder"
ENCODINGS = (
    "utf-8", "cp1252", "latin-1", "iso-8859-15", "cp1251", "koi8-r", "utf-16", "mac-roman",
    "shift_jis", "gb18030", "big5",
)  # fmt: skip
SYNC_EXTRACT_LIMIT = 60_000  # characters; longer articles are read off the GUI thread
_SAMPLE_SHOWN_KEY = "onboarding/sample_shown"


class MainWindow(QMainWindow):
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
        self.document.reset(Briefing(sections=default_sections()), None)
        self.autosaver = Autosaver(self.document, autosave_folder)
        self._autosave_folder = autosave_folder
        self.current_source_id: str | None = None
        self._article_path: Path | None = None  # the file the current article came from
        self._extractions: dict[str, Extraction] = {}
        self._proposals_shown: tuple | None = None
        self.pane = ReaderPane(self)
        self.reader = self.pane.reader
        self.proposals = ProposalsPanel(self)
        self.editor = BriefingEditor(self.document, self)
        self.busy = BusyIndicator(self.statusBar(), self.cancel_loading)
        self.jobs = JobRunner(self.busy, self)
        self.recent = RecentFiles(self.settings)
        self._connect()
        self._build_layout()
        self.exports = ExportActions(self)
        self.templates = TemplateActions(self)
        self._build_menus()
        self._restore_window_state()
        self._on_document_changed()

    @property
    def briefing(self) -> Briefing:
        return self.document.briefing

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def current_source(self) -> Source | None:
        return self.briefing.source(self.current_source_id) if self.current_source_id else None

    # ----- building -----------------------------------------------------------------------
    def _connect(self) -> None:
        self.document.changed.connect(self._on_document_changed)
        self.jobs.failed.connect(lambda message: self._warn("Cannot open file", message))
        self.document.modified_changed.connect(self.setWindowModified)
        self.proposals.passage_requested.connect(self.reader.reveal)
        self.proposals.accept_requested.connect(self.accept_proposals)
        self.proposals.reject_requested.connect(self._reject)
        self.proposals.restore_requested.connect(self._restore)
        self.reader.offset_clicked.connect(self.proposals.select_at)
        self.reader.capture_requested.connect(self.capture_selection)
        self.pane.source_chosen.connect(self.show_source)
        self.pane.add_requested.connect(self.ask_add_article)
        self.editor.item_selected.connect(self._reveal_item)

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
        from ui.menus import build_menus  # the menu bar is long; it lives in its own module

        build_menus(self)

    def action(self, text: str, slot: object, keys: object = None, tip: str = "") -> QAction:
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
        if file:
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
        self._show_briefing(briefing, found.original, unsaved=True)
        found.discard()
        self.autosaver.save_now()  # the recovered work is this session's now
        self.statusBar().showMessage("Recovered unsaved work. Save it to keep it.", 10000)
        return True

    # ----- opening ------------------------------------------------------------------------
    def new_briefing(self) -> None:
        if self._may_discard_changes():
            self._show_briefing(Briefing(sections=default_sections()), None)

    def ask_and_open(self) -> None:
        path = self._ask_open_path()
        if path and self._may_discard_changes():
            self.open_path(path)

    def open_path(self, path: Path, *, encoding: str | None = None, add: bool = False) -> bool:
        """Open a .briefing file, or read an article (off the GUI thread) into a new
        briefing, or into this one when add is true."""
        if path.suffix.lower() == BRIEFING_SUFFIX:
            try:
                briefing = load_briefing(path)
            except StorageError as error:
                self._warn("Cannot open file", str(error))
                return False
            self._show_briefing(briefing, path)
            self.recent.add(path)
            self.statusBar().showMessage(f"Opened {path.name}.", 8000)
            return True
        job = import_job(path, encoding)
        job.finished.connect(lambda s, e: self._article_loaded(s, e, path, add=add))
        self.jobs.start(job)
        return True

    def ask_add_article(self) -> None:
        path = self._ask_open_path(articles_only=True)
        if path:
            self.open_path(path, add=True)

    def open_sample(self) -> None:
        if self._may_discard_changes():
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
        if source is None or not source.encoding or self._article_path is None:
            self._warn(
                "Reopen with encoding",
                "Only an article opened from a text file can be re-read in another encoding.",
            )
            return
        current = ENCODINGS.index(source.encoding) if source.encoding in ENCODINGS else 0
        encoding, ok = QInputDialog.getItem(
            self, "Reopen with Encoding", f"Read {source.origin} as:", ENCODINGS, current, True
        )
        if ok and encoding:
            self._reread(source, self._article_path, encoding)

    def _reread(self, source: Source, path: Path, encoding: str) -> None:
        """Read one article of the briefing again in another encoding; the rest stays."""
        job = import_job(path, encoding)

        def replace(new: Source, extraction: Extraction) -> None:
            kept = new.model_copy(update={"id": source.id})
            self._extractions[kept.id] = extraction
            self.document.apply(f"Reopen as {encoding}", edits.replace_source(self.briefing, kept))
            self._proposals_shown = None
            self.show_source(kept.id)
            self._article_path = path

        job.finished.connect(replace)
        self.jobs.start(job)

    def _article_loaded(
        self, source: Source, extraction: Extraction, path: Path | None, *, add: bool
    ) -> None:
        self._extractions[source.id] = extraction
        if add and (self.briefing.sources or self.briefing.items()):
            self.document.apply("Add article", edits.add_source(self.briefing, source))
            self.show_source(source.id)
        else:
            if add and not self._may_discard_changes():
                return
            title = source.title
            briefing = Briefing(title=title, sections=default_sections(), sources=(source,))
            self._show_briefing(briefing, None, unsaved=path is None and source.origin == "pasted")
        self._article_path = path
        if path is not None:
            self.recent.add(path)
        name = path.name if path else (source.title or "the article")
        self.statusBar().showMessage(f"Opened {name}. {extraction_summary(extraction)}", 8000)

    def _show_briefing(
        self, briefing: Briefing, path: Path | None, *, unsaved: bool = False
    ) -> None:
        self._article_path = None
        self.current_source_id = briefing.sources[0].id if briefing.sources else None
        self.document.reset(briefing, path, unsaved=unsaved)
        self.show_source(self.current_source_id)

    # ----- the current article ------------------------------------------------------------
    def show_source(self, source_id: str | None) -> None:
        """Show one of the briefing's articles in the reader, with its proposals."""
        source = self.briefing.source(source_id) if source_id else None
        self.current_source_id = source.id if source else None
        self.pane.show_sources(self.briefing.sources, self.current_source_id)
        if source is not None and source.id not in self._extractions:
            if len(source.text) > SYNC_EXTRACT_LIMIT:
                self.reader.show_source(source, None)
                job = extract_job(source)
                job.finished.connect(self._extraction_ready)
                self.jobs.start(job)
                return
            self._extractions[source.id] = extract(source)
        extraction = self._extractions.get(source.id) if source else None
        self.reader.show_source(source, extraction)
        self._refresh_proposals()

    def extraction_for(self, source: Source) -> Extraction:
        if source.id not in self._extractions:
            self._extractions[source.id] = extract(source)
        return self._extractions[source.id]

    def _extraction_ready(self, source: Source, extraction: Extraction) -> None:
        self._extractions[source.id] = extraction
        if source.id == self.current_source_id:
            self.show_source(source.id)

    def _refresh_proposals(self) -> None:
        source = self.current_source
        extraction = self._extractions.get(source.id) if source else None
        if source is None or extraction is None:
            self._proposals_shown = None
            self.proposals.show_extraction(None, None)
            return
        every = [*extraction.statements, *extraction.figures, *extraction.questions]
        rejected = set(self.briefing.rejected)
        accepted = accepted_keys(source, self.briefing.items(), every)
        shown = (source.id, id(extraction), frozenset(rejected), frozenset(accepted))
        if shown == self._proposals_shown:
            return  # typing in a field changes neither list: keep the panel as it is
        self._proposals_shown = shown
        self.proposals.show_extraction(source, extraction, rejected=rejected, accepted=accepted)

    # ----- proposals and capture ----------------------------------------------------------
    def accept_proposals(self, proposals: list[Proposal]) -> None:
        source = self.current_source
        if source is None or not proposals:
            return
        briefing = self.briefing
        for proposal in proposals:
            briefing = edits.add_item(briefing, item_from_proposal(source, proposal))
            # Accepting a rejected proposal changes the user's mind: it is no longer rejected.
            briefing = edits.restore_proposal(briefing, proposal_key(source, proposal))
        label = "Accept proposal" if len(proposals) == 1 else f"Accept {len(proposals)} proposals"
        self.document.apply(label, briefing)
        self.statusBar().showMessage(f"{label}: added to the briefing.", 4000)

    def _reject(self, keys: list[str]) -> None:
        briefing = self.briefing
        for key in keys:
            briefing = edits.reject_proposal(briefing, key)
        self.document.apply("Reject proposal", briefing)
        self.statusBar().showMessage("Rejected. Tick “Show rejected” to see and restore it.", 5000)

    def _restore(self, keys: list[str]) -> None:
        briefing = self.briefing
        for key in keys:
            briefing = edits.restore_proposal(briefing, key)
        self.document.apply("Restore proposal", briefing)

    def capture_selection(self, kind: str, start: int, end: int) -> None:
        """Add the reader's selection to the briefing as an item of kind."""
        source = self.current_source
        if source is None:
            return
        try:
            item = capture(source, self._extractions.get(source.id), start, end, kind)
        except ValueError as error:
            self.statusBar().showMessage(str(error), 6000)
            return
        self.document.apply(f"Add {kind}", edits.add_item(self.briefing, item))
        self.editor.select_item(item.id)
        self.statusBar().showMessage(f"Added the selection as a {kind}.", 4000)

    def _reveal_item(self, item_id: str) -> None:
        try:
            item = edits.find_item(self.briefing, item_id)
        except edits.EditError:
            return
        if item.anchor is None or self.briefing.source(item.anchor.source_id) is None:
            return
        if item.anchor.source_id != self.current_source_id:
            self.show_source(item.anchor.source_id)
        found = locate(item.anchor, self.current_source.text)
        if found:
            self.reader.reveal(*found)
        else:
            self.statusBar().showMessage("The item's passage is no longer in its article.", 6000)

    # ----- long work ----------------------------------------------------------------------
    def cancel_loading(self) -> None:
        if self.jobs.cancel():
            self.statusBar().showMessage("Cancelled.", 4000)

    def is_loading(self) -> bool:
        """True while a document is read, or its text and proposals still go in."""
        return self.jobs.running() or not self.reader.is_ready() or self.proposals.busy()

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
        self.statusBar().showMessage(f"Saved {path.name}.", 5000)
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
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            pass
        else:
            self.resize(1600, 1000)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _ask_open_path(self, *, articles_only: bool = False) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open", self._last_folder(), open_filter(articles_only=articles_only)
        )
        return self._remember_folder(name)

    def _ask_save_path(self) -> Path | None:
        suggested = str(Path(self._last_folder()) / f"{self._file_stem()}{BRIEFING_SUFFIX}")
        name = ask_save_name(
            self,
            title="Save briefing",
            suggested=suggested,
            file_filter=f"Briefings (*{BRIEFING_SUFFIX})",
            suffix=BRIEFING_SUFFIX.lstrip("."),
        )
        return self._remember_folder(name)

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        return ask_save_changes(self, APP_NAME)

    def _ask_recover(self, found: Recoverable) -> QMessageBox.StandardButton:
        return ask_recover(self, found, APP_NAME)

    def _warn(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, title, message)

    # ----- small helpers ------------------------------------------------------------------
    def _last_folder(self) -> str:
        return str(self.settings.value("paths/last_folder", str(Path.home())))

    def _remember_folder(self, name: str) -> Path | None:
        if not name:
            return None
        self.settings.setValue("paths/last_folder", str(Path(name).parent))
        return Path(name)

    def _file_stem(self) -> str:
        title = self.briefing.title or "Untitled briefing"
        return "".join(ch for ch in title if ch.isalnum() or ch in " -_").strip()[:80] or "briefing"

    def _on_document_changed(self) -> None:
        if self.current_source_id and self.current_source is None:
            # The article went away (undo of "Add article"): show another one.
            first = self.briefing.sources[0].id if self.briefing.sources else None
            QTimer.singleShot(0, lambda: self.show_source(first))
        elif hasattr(self, "pane"):
            self.pane.show_sources(self.briefing.sources, self.current_source_id)
            self._refresh_proposals()
        self.setWindowModified(self.document.is_modified())
        name = self.path.name if self.path else (self.briefing.title or "Untitled briefing")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
