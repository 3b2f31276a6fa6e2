"""The review of the briefing's articles: one ReviewSession per article, and which one is
in view. The window wires its widgets to this object and keeps no review state itself.

Decisions (accept, reject, restore) are edits of the briefing, so they are undoable and
saved; what a session adds is what the briefing does not hold: the file an article was read
from and the extractor's proposals, which are derived and never saved.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app import edits
from app.changes import BriefingChange
from app.extraction import Extraction, extract
from app.models import Item, Source
from app.review import ProposalRow, ReviewSession, ReviewState, items_from_rows
from ui.document import BriefingDocument
from ui.loading import JobRunner, extract_job
from ui.steps import StepPump

SYNC_EXTRACT_LIMIT = 60_000  # characters; longer articles are read off the GUI thread
_ITEMS_PER_STEP = 250  # proposals turned into items between two turns of the event loop


class ArticleReviews(QObject):
    """Every article's ReviewSession, and the article in view."""

    current_changed = Signal()  # another article is in view, or its proposals arrived
    states_changed = Signal()  # decisions on the current article's proposals changed
    sources_changed = Signal()  # the list of articles changed

    def __init__(self, document: BriefingDocument, jobs: JobRunner) -> None:
        super().__init__(document)
        self._document = document
        self._jobs = jobs
        self._sessions: dict[str, ReviewSession] = {}
        self.current_id: str | None = None
        self._shown: Source | None = None  # the article as it was last put in view
        self._known: set[str] = set()  # the articles the briefing held at the last change
        document.changed.connect(self._on_changed)

    # ----- sessions -----------------------------------------------------------------------
    def session(self, source_id: str) -> ReviewSession:
        if source_id not in self._sessions:
            self._sessions[source_id] = ReviewSession(source_id)
        return self._sessions[source_id]

    def register(self, source: Source, extraction: Extraction, path: Path | None) -> None:
        """Remember a freshly read article: where it came from and what was proposed."""
        session = self.session(source.id)
        session.path = path
        session.set_extraction(source, extraction)
        settle_memory()

    def current_source(self) -> Source | None:
        return self._document.briefing.source(self.current_id) if self.current_id else None

    def current_session(self) -> ReviewSession | None:
        source = self.current_source()
        return self.session(source.id) if source else None

    def states(self) -> dict[str, ReviewState]:
        session = self.current_session()
        return session.states(self._document.briefing) if session else {}

    def extraction(self, source_id: str) -> Extraction | None:
        return self._sessions[source_id].extraction if source_id in self._sessions else None

    # ----- the article in view ------------------------------------------------------------
    def show(self, source_id: str | None) -> None:
        """Put one of the briefing's articles in view, finding its proposals if needed."""
        source = self._document.briefing.source(source_id) if source_id else None
        self.current_id = source.id if source else None
        self._shown = source
        if source is not None and not self.session(source.id).is_extracted(source):
            if len(source.text) > SYNC_EXTRACT_LIMIT:
                self._extract_in_background(source)
            else:
                self.session(source.id).set_extraction(source, extract(source))
        self.current_changed.emit()

    def _extract_in_background(self, source: Source) -> None:
        job = extract_job(source)
        job.finished.connect(self._extraction_ready)
        self._jobs.start(job)

    def _extraction_ready(self, source: Source, extraction: Extraction) -> None:
        self.session(source.id).set_extraction(source, extraction)
        settle_memory()
        if source.id == self.current_id and self.current_source() is source:
            self.current_changed.emit()

    def _on_changed(self, change: BriefingChange) -> None:
        briefing = self._document.briefing
        if change.everything:
            present = {s.id for s in briefing.sources}
            self._sessions = {k: v for k, v in self._sessions.items() if k in present}
        if change.everything or change.sources:
            in_order = [s.id for s in briefing.sources]
            arrived = [i for i in in_order if i not in self._known]
            self._known = set(in_order)
            self.sources_changed.emit()
            if arrived and not change.everything:
                # An article came (back) into the briefing, say by redoing "Add article":
                # it is what the user is working on, as when it was first added.
                self.show(arrived[-1])
                return
            if self.current_source() is not self._shown or change.everything:
                # A reset, the article went away (undo of "Add article") or was read again.
                first = briefing.sources[0].id if briefing.sources else None
                self.show(self.current_id if self.current_source() else first)
                return
        if change.review_changed:
            self.states_changed.emit()


class Acceptance(QObject):
    """Turns accepted proposals into items a slice at a time, then applies them as one
    undoable edit: accepting 25,000 proposals never freezes the window."""

    finished = Signal(int)  # how many were accepted

    def __init__(self, document: BriefingDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._pump = StepPump(self)

    def accept(self, source: Source, rows: Sequence[ProposalRow]) -> None:
        self._pump.start(self._steps(source, list(rows)))
        if len(rows) <= _ITEMS_PER_STEP:
            self._pump.finish()

    def busy(self) -> bool:
        return self._pump.busy()

    def cancel(self) -> None:
        self._pump.start(iter(()))

    def _steps(self, source: Source, rows: list[ProposalRow]) -> Iterator[None]:
        items: list[Item] = []
        for start in range(0, len(rows), _ITEMS_PER_STEP):
            items += items_from_rows(source, rows[start : start + _ITEMS_PER_STEP])
            yield
        if self._document.briefing.source(source.id) is None:
            return  # the article went away meanwhile (undo): nothing to anchor to
        label = "Accept proposal" if len(rows) == 1 else f"Accept {len(rows)} proposals"
        after = edits.accept_proposals(self._document.briefing, items, [r.key for r in rows])
        self._document.apply(label, after)
        settle_memory()  # the new items live as long as the briefing
        self.finished.emit(len(rows))


def settle_memory() -> None:
    """Keep what is loaded now out of the garbage collector's full sweeps.

    A long report brings hundreds of thousands of long-lived objects (its proposals, the
    briefing's items), and each full sweep of them stops the window for about 100 ms while
    the user accepts or edits. Frozen objects are still freed when nothing refers to them;
    only reference cycles among them wait, and the domain's immutable models form none.
    """
    gc.freeze()
