"""The proposals panel: what the extractor found in the current article, by kind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.extraction import Extraction, ProposedFigure, ProposedQuestion, ProposedStatement

_RANGE_ROLE = Qt.ItemDataRole.UserRole


class ProposalsPanel(QTreeWidget):
    """Statements, figures and open questions, each linked to its passage."""

    passage_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels(["Proposal", "Details"])
        self.setAccessibleName("Proposals")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.header().resizeSection(1, 260)
        self.currentItemChanged.connect(self._on_current_changed)

    def show_extraction(self, extraction: Extraction | None) -> None:
        """Replace the list with extraction's proposals, grouped under one heading per kind."""
        self.clear()
        if extraction is None:
            return
        self._add_group("Key statements", [_statement_row(s) for s in extraction.statements])
        self._add_group("Figures", [_figure_row(f) for f in extraction.figures])
        self._add_group("Open questions", [_question_row(q) for q in extraction.questions])
        self.expandAll()

    def _add_group(self, title: str, rows: list[tuple[str, str, int, int]]) -> None:
        group = QTreeWidgetItem(self, [f"{title} ({len(rows)})", ""])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for text, details, start, end in rows:
            item = QTreeWidgetItem(group, [text, details])
            item.setData(0, _RANGE_ROLE, (start, end))
            item.setToolTip(0, text)
            item.setToolTip(1, details)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        passage = current.data(0, _RANGE_ROLE) if current else None
        if passage:
            self.passage_requested.emit(*passage)


def _statement_row(statement: ProposedStatement) -> tuple[str, str, int, int]:
    who = statement.speaker or "unattributed"
    how = f"{statement.cue} ({'direct' if statement.direct else 'reported'})"
    details = f"{who} · {how}" if statement.cue else f"{who} · direct"
    return _one_line(statement.text), details, statement.start, statement.end


def _figure_row(figure: ProposedFigure) -> tuple[str, str, int, int]:
    value = f"{figure.value:,.12g}" if figure.value is not None else "?"
    parts = [value, figure.unit or "", figure.counts or ""]
    details = " · ".join(p for p in parts if p) + (" (approx.)" if figure.approximate else "")
    return figure.text, details, figure.start, figure.end


def _question_row(question: ProposedQuestion) -> tuple[str, str, int, int]:
    return _one_line(question.text), question.kind, question.start, question.end


def _one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
