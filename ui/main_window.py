"""The main window: open an article or a briefing, read it with its proposals, save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from app.extraction import Extraction, extract
from app.importing import SUPPORTED_SUFFIXES, ImportFailure, import_file, import_text
from app.models import Briefing, Source, default_sections
from app.sample import load_sample
from app.storage import BRIEFING_SUFFIX, StorageError, load_briefing, save_briefing
from ui.proposals import ProposalsPanel
from ui.reader import ArticleReader

APP_NAME = "Briefing Builder"
ENCODINGS = (
    "utf-8",
    "cp1252",
    "latin-1",
    "iso-8859-15",
    "cp1251",
    "koi8-r",
    "utf-16",
    "mac-roman",
    "shift_jis",
    "gb18030",
    "big5",
)
_SAMPLE_SHOWN_KEY = "onboarding/sample_shown"


class MainWindow(QMainWindow):
    """One briefing per window: its articles in the reader, proposals beside them."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.briefing = Briefing(sections=default_sections())
        self.path: Path | None = None
        self.current_source: Source | None = None
        self._article_path: Path | None = None  # the file the current article came from
        self._extractions: dict[str, Extraction] = {}
        self.reader = ArticleReader(self)
        self.proposals = ProposalsPanel(self)
        self.proposals.passage_requested.connect(self.reader.reveal)
        self._build_layout()
        self._build_menus()
        self.resize(1400, 900)
        self._refresh_title()

    # ----- building -----------------------------------------------------------------------
    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.reader)
        splitter.addWidget(self.proposals)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.statusBar().showMessage("Ready")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action(
            "&Open…",
            self.ask_and_open,
            QKeySequence.StandardKey.Open,
            "Open an article or a saved briefing",
        )
        self.paste_action = self._action(
            "&Paste Article",
            self.paste_article,
            "Ctrl+Shift+V",
            "Import the article text on the clipboard",
        )
        self.reencode_action = self._action(
            "Reopen with &Encoding…",
            self.ask_reopen_encoding,
            None,
            "Read the current text file in another encoding",
        )
        self.save_action = self._action(
            "&Save", self.save, QKeySequence.StandardKey.Save, "Save the briefing"
        )
        self.save_as_action = self._action(
            "Save &As…",
            self.save_as,
            QKeySequence.StandardKey.SaveAs,
            "Save the briefing under a new name",
        )
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, None)
        for action in (self.open_action, self.paste_action, self.reencode_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(
            self._action(
                "Open &Sample Article", self.open_sample, None, "Open the sample article (Sky News)"
            )
        )

    def _action(self, text: str, slot: object, shortcut: object, tip: str | None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # ----- opening ------------------------------------------------------------------------
    def open_initial(self, file: str | None) -> None:
        """What a start shows: the given file, else the sample at first start, else nothing."""
        if file:
            self.open_path(Path(file))
        elif not self.settings.value(_SAMPLE_SHOWN_KEY, False, type=bool):
            self.open_sample()
            self.settings.setValue(_SAMPLE_SHOWN_KEY, True)

    def ask_and_open(self) -> None:
        path = self._ask_open_path()
        if path and self._may_discard_changes():
            self.open_path(path)

    def open_path(self, path: Path, *, encoding: str | None = None) -> bool:
        """Open a .briefing file or import an article; a clear message if it cannot be read."""
        try:
            with _BusyCursor():
                if path.suffix.lower() == BRIEFING_SUFFIX:
                    self._show_briefing(load_briefing(path), path)
                else:
                    self._start_briefing_with(import_file(path, encoding=encoding))
                    self._article_path = path
        except (ImportFailure, StorageError) as error:
            self._warn("Cannot open file", str(error))
            return False
        self.statusBar().showMessage(f"Opened {path.name}. {self._summary()}", 8000)
        return True

    def open_sample(self) -> None:
        if self._may_discard_changes():
            self._start_briefing_with(load_sample())
            self.statusBar().showMessage(f"Opened the sample article. {self._summary()}", 8000)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not self._may_discard_changes():
            return
        try:
            self._start_briefing_with(import_text(text))
        except ImportFailure as error:
            self._warn("Cannot paste article", f"{error} Copy the article's text first.")
            return
        self.setWindowModified(True)  # pasted text exists nowhere else yet

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
            self.open_path(self._article_path, encoding=encoding)

    def _start_briefing_with(self, source: Source) -> None:
        briefing = Briefing(title=source.title, sections=default_sections(), sources=(source,))
        self._show_briefing(briefing, None)

    def _show_briefing(self, briefing: Briefing, path: Path | None) -> None:
        self.briefing, self.path = briefing, path
        self._article_path = None
        self._extractions.clear()
        self.current_source = briefing.sources[0] if briefing.sources else None
        extraction = self.extraction_for(self.current_source) if self.current_source else None
        self.reader.show_source(self.current_source, extraction)
        self.proposals.show_extraction(extraction)
        self.setWindowModified(False)
        self._refresh_title()

    def extraction_for(self, source: Source) -> Extraction:
        """Proposals for source, computed once per source."""
        if source.id not in self._extractions:
            self._extractions[source.id] = extract(source)
        return self._extractions[source.id]

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
        self.path = path
        self.setWindowModified(False)
        self._refresh_title()
        self.statusBar().showMessage(f"Saved {path.name}.", 5000)
        return True

    # ----- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_discard_changes():
            event.accept()
        else:
            event.ignore()

    def _may_discard_changes(self) -> bool:
        """Ask to save unsaved work; False when the user cancels."""
        if not self.isWindowModified():
            return True
        answer = self._ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ----- dialogs (tests replace these) --------------------------------------------------
    def _ask_open_path(self) -> Path | None:
        patterns = " ".join(f"*{s}" for s in (*SUPPORTED_SUFFIXES, BRIEFING_SUFFIX))
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open article or briefing",
            self._last_folder(),
            f"Articles and briefings ({patterns});;All files (*)",
        )
        return self._remember_folder(name)

    def _ask_save_path(self) -> Path | None:
        suggested = str(Path(self._last_folder()) / f"{self._file_stem()}{BRIEFING_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save briefing", suggested, f"Briefings (*{BRIEFING_SUFFIX})"
        )
        return self._remember_folder(name)

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self,
            APP_NAME,
            "Save changes to this briefing?",
            buttons,
            QMessageBox.StandardButton.Save,
        )

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

    def _summary(self) -> str:
        if self.current_source is None:
            return ""
        found = self.extraction_for(self.current_source)
        return (
            f"{len(found.statements)} statements, {len(found.figures)} figures, "
            f"{len(found.questions)} open questions proposed."
        )

    def _refresh_title(self) -> None:
        name = self.path.name if self.path else (self.briefing.title or "Untitled briefing")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")


class _BusyCursor:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_: object) -> None:
        QApplication.restoreOverrideCursor()
