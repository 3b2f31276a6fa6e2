"""The "Since the last briefing" section of a follow-up: what changed since the briefing it
continues from. Placed straight after the bottom line, since a reader of a series asks
"what is new?" first.

It names the previous briefing with its date, then lists new figures, figures whose value
changed (with the old value), the carried questions answered since (each with its answer
and citation), and how many of the carried questions remain open.
"""

from __future__ import annotations

from app.follow_up import SinceLast
from app.layout import blocks as b
from app.layout.citation import figure_sentence, item_sentence
from app.layout.figures import figure_value
from app.layout.limits import HEADING_CHARS, TEXT_CHARS, cut_spans
from app.layout.parts import LayoutParts, at_most
from app.layout.prose import capitalised, end_sentence
from app.layout.wording import clean, long_date, typographic
from app.models import Briefing, Figure, Item, PreviousBriefing, Question


def since_last_section(
    briefing: Briefing, parts: LayoutParts, *, heading: str, changes: SinceLast
) -> list[b.Block]:
    """The section, or nothing for a briefing that follows up none. changes: what
    app.follow_up.changes_since_last found."""
    previous = briefing.previous
    if previous is None:
        return []
    blocks: list[b.Block] = [b.Heading(heading), _follows(previous, parts)]
    blocks += _listed(
        "New figures",
        [_new_figure(figure, parts) for figure in changes.new_figures],
        parts,
        cut_title=heading,
    )
    blocks += _listed(
        "Changed figures",
        [_changed_figure(now, then, previous, parts) for then, now in changes.changed_figures],
        parts,
        cut_title=heading,
    )
    blocks += _listed(
        "Questions answered",
        [_answered(question, answer, briefing, parts) for question, answer in changes.answered],
        parts,
        cut_title=heading,
    )
    still_open = still_open_sentence(changes.still_open)
    blocks.append(b.Paragraph((*parts.number(), b.Span(still_open)), b.BODY))
    return blocks


def previous_name(previous: PreviousBriefing) -> str:
    """ "“Korea watch 3” of 17 October 2024", or the file's name, or "the previous briefing"."""
    title = typographic(clean(previous.title)) or clean(previous.file_name)
    named = f"“{title}”" if title else "the previous briefing"
    date = long_date(previous.date)
    return f"{named} of {date}" if date else named


def _follows(previous: PreviousBriefing, parts: LayoutParts) -> b.Paragraph:
    # The previous briefing's title and figures come from its file, not through the caps
    # bounded_briefing applies to this one's own fields: bounded here.
    title = parts.cuts.cut(previous.title, HEADING_CHARS, "heading")
    named = previous_name(previous.model_copy(update={"title": title}))
    spans = (*parts.number(), b.Span(f"This briefing follows {named}."))
    return b.Paragraph(spans, b.BODY)


def _listed(
    lead: str, entries: list[b.Spans], parts: LayoutParts, *, cut_title: str
) -> list[b.Block]:
    """ "New figures:" in bold with its paragraph number, then its entries as bullets;
    nothing when there are none."""
    if not entries:
        return []
    kept, cut_note = at_most(entries, f"{cut_title}: {lead}", parts.cuts)
    kept = [_bounded(entry, parts) for entry in kept]
    introduction = b.Paragraph((*parts.number(), b.Span(f"{lead}:", "strong")), b.BODY)
    return [introduction, b.BulletList(tuple(kept)), *cut_note]


def _bounded(entry: b.Spans, parts: LayoutParts) -> b.Spans:
    """An entry within TEXT_CHARS: an old figure's text is as long as its file made it."""
    kept, more = cut_spans(entry, TEXT_CHARS)
    if more:
        parts.cuts.counts["text"] += 1
    return kept


def _new_figure(figure: Figure, parts: LayoutParts) -> b.Spans:
    """ "12,000 North Korean soldiers, according to South Korea. [2, ¶1]" """
    return (b.Span(capitalised(figure_sentence(figure))), *parts.citations.reference(figure))


def _changed_figure(
    now: Figure, then: Figure, previous: PreviousBriefing, parts: LayoutParts
) -> b.Spans:
    """ "North Korean troops: 12,000, was 10,000 on 17 October 2024. [2, ¶1]" """
    what = capitalised(typographic(clean(now.counts) or clean(then.counts))) or "A figure"
    date = long_date(previous.date)
    when = f"on {date}" if date else "in the previous briefing"
    text = f"{what}: {_with_unit(now)}, was {_with_unit(then)} {when}."
    return (b.Span(text), *parts.citations.reference(now))


def _with_unit(figure: Figure) -> str:
    return " ".join(part for part in (figure_value(figure), clean(figure.unit)) if part) or "—"


def _answered(
    question: Question, answer: Item | None, briefing: Briefing, parts: LayoutParts
) -> b.Spans:
    """The question, then "Answer:" and the answering item's words with its citation."""
    asked = end_sentence(typographic(clean(question.text))) if clean(question.text) else ""
    spans: list[b.Span] = [b.Span(asked or "A question")]
    if answer is None:
        answered_on = long_date(question.answered_on)
        spans.append(b.Span(f" Answered{f' on {answered_on}' if answered_on else ''}."))
        return tuple(spans)
    words = item_sentence(answer, briefing).replace("\n", " ")
    spans += [b.Span(" Answer: ", "strong"), b.Span(words), *parts.citations.reference(answer)]
    return tuple(spans)


def still_open_sentence(count: int) -> str:
    """How many questions carried from the previous briefing are still open."""
    if count <= 0:
        return "No question carried from the previous briefing remains open."
    if count == 1:
        return "1 question carried from the previous briefing remains open."
    return f"{count:,} questions carried from the previous briefing remain open."
