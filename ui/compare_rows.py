"""What the Sources Compared view shows, as plain rows: a comparison read aloud.

Figure groups and corroborations become two-level rows (a group, then its values), each
cell in words, so the Qt model stays a thin adapter and the wording can be tested alone.
A mark ("discrepancy", "confirmed", "denied") always comes with words in a cell: the icon
the view draws for it is a second cue, never the only one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.compare.types import ClaimRef, Comparison, Corroboration, FigureGroup, FigureRef

Mark = Literal["", "discrepancy", "confirmed", "denied"]
Target = FigureRef | ClaimRef

FIGURE_COLUMNS = ("Figure", "Source", "Notes")
CLAIM_COLUMNS = ("Claim", "Sources", "Notes")
_CLAIM_TITLE_LIMIT = 120


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a tree: a group (with children) or a value (with a target passage)."""

    key: str
    cells: tuple[str, ...]
    tip: str = ""
    mark: Mark = ""
    children: tuple[Row, ...] = ()
    target: Target | None = None

    def child_keys(self) -> frozenset[str]:
        return frozenset(child.key for child in self.children)


# ----- figures --------------------------------------------------------------------------------
def figure_rows(comparison: Comparison) -> tuple[Row, ...]:
    """One row per figure group, discrepancies first, each with its values below."""
    ordered = sorted(comparison.groups, key=lambda g: (not g.discrepancy, -g.source_count))
    return tuple(_group_row(group) for group in ordered)


def _group_row(group: FigureGroup) -> Row:
    return Row(
        key=group.key,
        cells=(_group_label(group), _articles(group.source_count), _agreement(group)),
        tip=_group_tip(group),
        mark="discrepancy" if group.discrepancy else "",
        children=tuple(_figure_row(figure) for figure in group.figures),
    )


def _group_label(group: FigureGroup) -> str:
    label = group.label or "Figures"
    unit = group.unit.strip()
    return f"{label} ({unit})" if unit and unit.lower() not in label.lower() else label


def _articles(count: int) -> str:
    return f"from {count} article" if count == 1 else f"from {count} articles"


def _agreement(group: FigureGroup) -> str:
    said = _analyst_grouping(group)
    if said == "split":
        return "Split off by you"
    words = _figures_agreement(group)
    return f"Merged by you; {words[0].lower()}{words[1:]}" if said == "merged" else words


def _analyst_grouping(group: FigureGroup) -> Literal["", "split", "merged"]:
    """Whether the analyst made this group: a figure split off alone, or groups merged."""
    if not any(figure.group == group.key for figure in group.figures):
        return ""
    alone = len(group.figures) == 1 and group.figures[0].group == group.figures[0].key
    return "split" if alone else "merged"  # a figure split off is grouped by its own id


def _figures_agreement(group: FigureGroup) -> str:
    if group.discrepancy:
        return f"Discrepancy: {group.discrepancy_note}" if group.discrepancy_note else "Discrepancy"
    if group.source_count > 1:
        return "The figures agree"
    return "One article only"


def _group_tip(group: FigureGroup) -> str:
    origins = group.origin_count
    independent = f"{origins} independent origin" + ("" if origins == 1 else "s")
    parts = [f"{_articles(group.source_count).capitalize()}, {independent}."]
    if group.discrepancy:
        parts.append(group.discrepancy_note or "The values disagree beyond their rounding.")
    parts.append("Select two or more groups and choose Merge Groups if they count one thing.")
    return " ".join(parts)


def _figure_row(figure: FigureRef) -> Row:
    return Row(
        key=figure.key,
        cells=(figure.text, figure.source_name, _given_by(figure)),
        tip=_figure_tip(figure),
        target=figure,
    )


def _given_by(figure: FigureRef) -> str:
    return f"given by {figure.asserted_by}" if figure.asserted_by else "the article's own figure"


def _figure_tip(figure: FigureRef) -> str:
    counted = f" {figure.counts}" if figure.counts else ""
    tip = f"“{figure.text}”{counted}, in {figure.source_name}."
    origin = shown_origin(figure.origin)
    if origin:
        tip += f" Counted as coming from {origin} when sources are counted."
    return tip + " Double-click to see the passage."


def shown_origin(origin: str) -> str:
    """The independent origin as a reader reads it ("who:the nis" keys lose their prefix)."""
    kind, colon, name = origin.partition(":")
    return name if colon and kind in ("who", "outlet") else origin


# ----- claims ---------------------------------------------------------------------------------
def claim_rows(comparison: Comparison) -> tuple[Row, ...]:
    """One row per claim carried by several articles, with each article's wording below."""
    return tuple(_corroboration_row(c) for c in comparison.corroborations if c.claims)


def _corroboration_row(corroboration: Corroboration) -> Row:
    first = corroboration.claims[0]
    mark: Mark = corroboration.confirmation
    return Row(
        key=f"claim:{first.key}",
        cells=(_shortened(first.text), corroboration.label, _confirmation(corroboration)),
        tip=_claim_tip(corroboration),
        mark=mark,
        children=tuple(_claim_row(claim) for claim in corroboration.claims),
    )


def _confirmation(corroboration: Corroboration) -> str:
    if corroboration.confirmation == "confirmed":
        return "Confirmed by another source"
    if corroboration.confirmation == "denied":
        return "Denied by another source"
    return ""


def _claim_tip(corroboration: Corroboration) -> str:
    tip = (
        f"{corroboration.label.capitalize()}: a source quoting another counts as the one it quotes."
    )
    confirmation = _confirmation(corroboration)
    return f"{tip} {confirmation}." if confirmation else tip


def _claim_row(claim: ClaimRef) -> Row:
    origin = shown_origin(claim.origin)
    via = f"{claim.kind}, from {origin}" if origin and origin != claim.source_name else claim.kind
    return Row(
        key=claim.key,
        cells=(_shortened(claim.text), claim.source_name, via),
        tip=f"{claim.text}\n\nDouble-click to see the passage.",
        target=claim,
    )


def _shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _CLAIM_TITLE_LIMIT else line[: _CLAIM_TITLE_LIMIT - 1] + "…"
