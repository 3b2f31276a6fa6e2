"""Where a laid-out PDF's pages fall, and what that says against a template's page budget.

The PDF writer records, in its one layout pass, the page each section heading (Heading 1)
lands on and the page its last block lands on. The Word export has no page layout of its
own, so it reports the PDF's count of the same layout as an estimate ("about").
"""

from __future__ import annotations

from dataclasses import dataclass

_TITLES_LISTED = 6  # section headings named in one warning
_TITLE_CHARS = 80  # of each


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARS else title[: _TITLE_CHARS - 1].rstrip() + "…"


@dataclass
class SectionPages:
    """A section of the laid-out document: its heading, and its first and last page."""

    title: str
    first: int
    last: int


@dataclass(frozen=True)
class PageReport:
    """The page count of an export against its budget (None: the template sets none)."""

    pages: int
    budget: int | None = None
    sections: tuple[SectionPages, ...] = ()
    estimate: bool = False  # counted on the PDF of the same layout (the Word export)

    def over_budget(self) -> bool:
        return self.budget is not None and self.pages > self.budget

    def overflowing(self) -> tuple[str, ...]:
        """Headings of the sections that run past the last page the budget allows."""
        if self.budget is None:
            return ()
        return tuple(s.title or "Untitled section" for s in self.sections if s.last > self.budget)

    def warning(self) -> str | None:
        """A sentence for the person exporting when the export runs over its budget, e.g.
        'The brief runs to 3 pages against a budget of 1; “Key points” runs past page 1.'"""
        if not self.over_budget():
            return None
        sentence = f"The brief runs to {self._count()} against a budget of {self.budget}"
        if self.estimate:
            sentence += " (counted on the PDF export)"
        past = self._past()
        return f"{sentence}; {past}." if past else f"{sentence}."

    def summary(self) -> str:
        """The page count for a status line: with the budget and what overflows it, if any."""
        if self.budget is None:
            return f"{self._count()}."
        if not self.over_budget():
            return f"{self._count()}, within the budget of {self.budget}."
        past = self._past()
        head = f"{self._count()} against a budget of {self.budget}"
        return f"{head}: {past}." if past else f"{head}."

    def _count(self) -> str:
        about = "about " if self.estimate else ""
        return f"{about}{self.pages} page{'' if self.pages == 1 else 's'}"

    def _past(self) -> str:
        overflowing = self.overflowing()
        titles = [f"“{_short(title)}”" for title in overflowing[:_TITLES_LISTED]]
        if not titles:
            return ""
        if len(overflowing) > _TITLES_LISTED:  # a warning names a few, and counts the rest
            titles.append(f"{len(overflowing) - _TITLES_LISTED} more sections")
        listed = titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"
        verb = "runs" if len(titles) == 1 else "run"
        return f"{listed} {verb} past page {self.budget}"
