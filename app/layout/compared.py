"""The "Figures compared" section: figures that count the same thing, side by side across
the briefing's articles, with disagreements said in words.

Each group gets what it counts as a subheading, a sentence saying how many articles and
independent sources give it (and any discrepancy), and a table with a row per figure. Only
groups drawn from two or more articles are shown: a figure alone has nothing to compare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from app.compare.types import Comparison, FigureGroup, FigureRef
from app.layout import blocks as b
from app.layout.figures import asserted_by, figure_value
from app.layout.limits import HEADING_CHARS
from app.layout.parts import LayoutParts, at_most, bounded_row, in_cell
from app.layout.prose import capitalised
from app.layout.wording import clean, typographic
from app.models import Briefing, Figure

FIGURES_COMPARED = "Figures compared"
COMPARED_COLUMNS = ("Figure", "Given by", "Source")
COMPARED_WIDTHS = (0.3, 0.45, 0.25)
GRADE_COLUMN = ("Grade", 0.09)
_DISCREPANCY = "the figures disagree beyond their own rounding or vagueness"


def compared_groups(comparison: Comparison) -> tuple[FigureGroup, ...]:
    """The groups worth showing: figures from two articles or more."""
    return tuple(group for group in comparison.groups if group.source_count >= 2)


def figures_compared(
    comparison: Comparison, briefing: Briefing, parts: LayoutParts, *, heading: str
) -> list[b.Block]:
    """The heading, then for each group what it counts (a subheading), how many sources
    give it and any discrepancy in words, and a table of its figures; nothing when no
    figure is given by two articles."""
    groups, cut_note = at_most(list(compared_groups(comparison)), heading, parts.cuts)
    if not groups:
        return []
    figures = {item.id: item for item in briefing.items() if isinstance(item, Figure)}
    order = _reading_order(briefing, parts)
    articles = _articles(comparison, briefing)
    blocks: list[b.Block] = [b.Heading(heading)]
    for group in groups:
        ordered = sorted(group.figures, key=order)
        blocks += _group(replace(group, figures=tuple(ordered)), articles, figures, parts)
    return [*blocks, *cut_note]


def _articles(comparison: Comparison, briefing: Briefing) -> int:
    """The articles compared: on a follow-up, the digest of the previous briefing is a
    source but not an article ("in 2 of 3 articles" would count it)."""
    return comparison.source_count  # compare_briefing leaves a follow-up's digest out


def _reading_order(
    briefing: Briefing, parts: LayoutParts
) -> Callable[[FigureRef], tuple[int, ...]]:
    """A group's rows by their source's citation number (the sections above have cited
    them), then by place in the article: citations read [1], [1], [2], [3], not in
    whatever order the comparison found them. A source not cited yet follows, in the
    briefing's order of articles."""
    places = {source.id: index for index, source in reversed(list(enumerate(briefing.sources)))}
    last = len(places) + 1

    def key(ref: FigureRef) -> tuple[int, ...]:
        number = parts.citations.number_of(ref.source_id)
        place = places.get(ref.source_id, last)
        return (0, number, ref.start) if number is not None else (1, place, ref.start)

    return key


def _group(
    group: FigureGroup, of_sources: int, figures: dict[str, Figure], parts: LayoutParts
) -> list[b.Block]:
    """One group as a short passage: a subheading, one paragraph (numbered when the
    style numbers paragraphs) and its table. A table of every group at once left a group's
    name in one tall cell beside rows that looked like separate entries."""
    label = capitalised(typographic(clean(group.label))) or "Figures"
    summary = b.Paragraph((*parts.number(), *group_summary(group, of_sources)), b.BODY)
    rows = tuple(
        bounded_row(_row(ref, figures.get(ref.key), parts), parts.cuts) for ref in group.figures
    )
    header, widths = _columns(parts)
    return [
        b.Heading(parts.cuts.cut(label, HEADING_CHARS, "heading"), level=2),
        summary,
        b.FigureTable(header, rows, widths),
    ]


def _columns(parts: LayoutParts) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The columns, with a grade last when the style grades items."""
    if not parts.grading:
        return COMPARED_COLUMNS, COMPARED_WIDTHS
    scale = 1 - GRADE_COLUMN[1]
    widths = (*(width * scale for width in COMPARED_WIDTHS), GRADE_COLUMN[1])
    return (*COMPARED_COLUMNS, GRADE_COLUMN[0]), widths


def _row(ref: FigureRef, figure: Figure | None, parts: LayoutParts) -> tuple[b.Spans, ...]:
    cells = _figure_cells(ref, figure, parts)
    if parts.grading:
        return (*cells, (b.Span(figure.grade if figure and figure.grade else "—"),))
    return cells


def group_summary(group: FigureGroup, of_sources: int) -> b.Spans:
    """ "In 2 of 3 articles, from 1 independent source. Discrepancy: 10,000 and 12,000
    differ beyond their rounding." """
    spans = [b.Span(capitalised(reported_by(group, of_sources)) + ".")]
    if group.discrepancy:
        note = typographic(clean(group.discrepancy_note)) or _DISCREPANCY
        spans += [b.Span(" Discrepancy: ", "strong"), b.Span(_sentence(note))]
    return tuple(spans)


def reported_by(group: FigureGroup, of_sources: int) -> str:
    """ "in 2 of 3 articles, from 1 independent source": articles relaying one origin
    ("Reuters, citing the NIS") count once, and one article may quote several origins."""
    origins = group.origin_count
    noun = "source" if origins == 1 else "sources"
    articles = max(of_sources, group.source_count)
    return f"in {group.source_count} of {articles} articles, from {origins} independent {noun}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _figure_cells(
    ref: FigureRef, figure: Figure | None, parts: LayoutParts
) -> tuple[b.Spans, b.Spans, b.Spans]:
    """Figure | Given by | Source, from the briefing's own item when there is one (its
    edits, verification and citation), else from what the comparison saw."""
    if figure is None:
        value = typographic(clean(ref.text))
        who = capitalised(typographic(clean(ref.asserted_by)))
        source: b.Spans = (b.Span(clean(ref.source_name) or "—"),)
    else:
        value = figure_value(figure)
        who = asserted_by(figure, mark_hedged=parts.mark_hedged)
        source = in_cell(parts.citations.reference(figure))
    unit = clean(figure.unit if figure else ref.unit)
    shown = " ".join(part for part in (value, unit) if part) or "—"
    # A figure the article gives in its own voice is given by the article's outlet.
    who = who or _outlet(ref) or "—"
    return (b.Span(shown),), (b.Span(who),), source


def _outlet(ref: FigureRef) -> str:
    """ "Sky News" from the comparison's "Sky News, 17 Oct" (the date is the Source's)."""
    return clean(ref.source_name.split(",")[0])
