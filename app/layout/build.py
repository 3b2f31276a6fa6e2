"""layout(): the one place that decides what an exported briefing says and in what order."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from itertools import groupby
from typing import TypeVar, assert_never

from app.layout import blocks as b
from app.layout.analyst_text import ANALYST_LABEL, ANALYST_NOTE, own_text
from app.layout.checks import export_warnings
from app.layout.citation import short_name, source_entry
from app.layout.extra_sections import closing_sections, opening_sections
from app.layout.figures import asserted_by, figure_value
from app.layout.limits import (
    HEADING_CHARS,
    MARKING_CHARS,
    SECTION_ITEMS,
    Cuts,
    bounded_briefing,
    items_cut_note,
)
from app.layout.parts import bounded_row
from app.layout.prose import statement_sentence
from app.layout.wording import clean, clean_block, long_date, quoted, typographic
from app.models import (
    CREDIBILITY_SCALE,
    NOTE_ROLES,
    RELIABILITY_SCALE,
    Briefing,
    Figure,
    Item,
    Note,
    Question,
    QuestionKind,
    QuestionStatus,
    Section,
    Source,
    Statement,
    VerificationStatus,
)

FIGURE_COLUMNS = ("Figure", "Unit", "What it counts", "Asserted by", "Source")
FIGURE_WIDTHS = (0.19, 0.11, 0.32, 0.2, 0.18)  # the Source column fits "(Sky News, ¶14)"
_UNBROKEN_NAME = 24  # an outlet's name up to this long is never broken across lines
NUMBER_COLUMN = ("No.", 0.07)  # paragraph numbers, when the style numbers items
GRADE_COLUMN = ("Grade", 0.09)  # Admiralty grade, when the style grades items
_QUESTION_KINDS = {
    QuestionKind.UNCONFIRMED: "Unconfirmed claim",
    QuestionKind.UNCERTAINTY: "Stated uncertainty",
}


@dataclass(frozen=True)
class LayoutSettings:
    """What a template decides about the document beyond its sections."""

    sources_heading: str = "Sources"
    bottom_line_heading: str = "Bottom line"
    grading_heading: str = "Grading"
    since_last_heading: str = "Since the last briefing"
    figures_compared_heading: str = "Figures compared"
    glossary_heading: str = "Glossary"


class _Citations:
    """Numbers sources in the order the briefing first cites them.

    The numbered style cites "[1, ¶4]"; the inline style names the outlet: "(Sky News, ¶4)".
    """

    def __init__(self, briefing: Briefing) -> None:
        self._briefing = briefing
        # By id, once: a briefing may cite thousands of times from hundreds of sources.
        self._sources = {source.id: source for source in reversed(briefing.sources)}
        self._numbers: dict[str, int] = {}
        self.inline = briefing.style.citation_style == "inline"

    def reference(self, item: Item) -> b.Spans:
        """' [1, ¶4]' for an anchored item; nothing for one typed by hand."""
        anchor = item.anchor
        source = self._sources.get(anchor.source_id) if anchor else None
        if anchor is None or source is None:
            return ()
        # Each version of an article that items cite is a source of its own in the list.
        cited = source.cited(anchor)
        key = source.id if cited is source else f"{source.id}@{cited.version}"
        number = self._numbers.setdefault(key, len(self._numbers) + 1)
        paragraph = cited.paragraph_number(anchor.start)
        name = short_name(source, number) if self.inline else str(number)
        if len(name) <= _UNBROKEN_NAME:
            name = name.replace(" ", "\u00a0")  # "Sky / News" split over two lines misleads
        where = f"{name},\u00a0¶{paragraph}" if paragraph else name  # kept on one line
        return (b.Span(" "), b.Span(f"({where})" if self.inline else f"[{where}]", "reference"))

    def number_of(self, source_id: str) -> int | None:
        """The source's number if the briefing has cited it so far."""
        return self._numbers.get(source_id)

    def superseded(self, source: Source) -> bool:
        """True for an earlier version of an article that has a newer one in the briefing."""
        current = self._sources.get(source.id)
        return current is not None and current.version != source.version

    def numbered_sources(self) -> list[tuple[int, Source]]:
        """Cited sources by number, then any the briefing holds but never cites; an earlier
        version an item still cites is listed as that version (its text and retrieval)."""
        for source in self._briefing.sources:
            self._numbers.setdefault(source.id, len(self._numbers) + 1)
        numbered = []
        for key, number in self._numbers.items():
            source_id, _, version = key.partition("@")
            found = self._sources.get(source_id)
            if found is not None:
                numbered.append((number, found.at_version(int(version)) if version else found))
        return sorted(numbered, key=lambda pair: pair[0])


class _Context:
    """What every part of the layout consults: citations, the style, and paragraph numbers."""

    def __init__(self, briefing: Briefing, cuts: Cuts) -> None:
        self.citations = _Citations(briefing)
        self.cuts = cuts  # what was cut to fit the page, for the export's warnings
        self.numbered = briefing.style.numbered_items
        self.grading = briefing.style.grading
        self.next_number = 1
        self.statement_form = briefing.style.statement_form
        self.statement_order = briefing.style.statement_order
        self.label_analyst_text = briefing.style.label_analyst_text
        self.mark_hedged = briefing.style.mark_hedged
        self._roles = _speaker_roles(briefing)
        self._introduced: set[str] = set()

    def with_known_role(self, statement: Statement) -> Statement:
        """The statement with its speaker's role from another statement if it has none, so
        the role is given at the speaker's first mention whichever statement that is."""
        role = self._roles.get(_speaker_key(statement), "")
        if clean(statement.speaker_role) or not role:
            return statement
        return statement.model_copy(update={"speaker_role": role})

    def role_given(self, statement: Statement) -> bool:
        """True when the speaker was already introduced; the first call introduces them."""
        key = _speaker_key(statement)
        if not key or clean(statement.wording):  # edited wording may not name the role
            return False
        given = key in self._introduced
        self._introduced.add(key)
        return given

    def take_number(self) -> int | None:
        """The next paragraph number, or None when items are unnumbered."""
        if not self.numbered:
            return None
        self.next_number += 1
        return self.next_number - 1

    def number(self) -> b.Spans:
        """The next paragraph number as a leading span, or nothing when items are unnumbered."""
        number = self.take_number()
        return () if number is None else (b.Span(f"{number}.\u00a0"),)

    def grade(self, item: Item) -> b.Spans:
        """ " [B2]" in the text's own weight; an ungraded item shows nothing (the export's
        warning counts them)."""
        if not self.grading or not item.grade:
            return ()
        return (b.Span(f" [{item.grade}]"),)


def _speaker_key(statement: Statement) -> str:
    return clean(statement.speaker).casefold()


def _speaker_roles(briefing: Briefing) -> dict[str, str]:
    """Each speaker's role, from the first statement that gives one."""
    roles: dict[str, str] = {}
    for item in briefing.items():
        if isinstance(item, Statement) and clean(item.speaker_role):
            roles.setdefault(_speaker_key(item), clean(item.speaker_role))
    return roles


def layout(briefing: Briefing, settings: LayoutSettings | None = None) -> b.DocumentLayout:
    """The briefing as neutral blocks: title block, bottom line, sections, then sources.
    Text over the caps of app.layout.limits is cut, with a note in the text and a warning."""
    settings = _bounded_settings(settings or LayoutSettings())
    cuts = Cuts()
    checked = briefing  # quotes are checked against their articles as the analyst wrote them
    briefing = bounded_briefing(briefing, cuts)
    context = _Context(briefing, cuts)
    blocks: list[b.Block] = [*_title_block(briefing), *_bottom_line(briefing, settings, context)]
    blocks += opening_sections(briefing, context, since_last_heading=settings.since_last_heading)
    for section in briefing.sections:
        blocks += _section(section, context)
    blocks += closing_sections(
        briefing,
        context,
        compared_heading=settings.figures_compared_heading,
        glossary_heading=settings.glossary_heading,
    )
    blocks += _source_list(context.citations, settings)
    if briefing.style.grading and any(item.grade for item in briefing.items()):
        blocks += _grading_legend(settings)  # a legend for grades nobody gave is noise
    return b.DocumentLayout(
        title=_title(briefing),
        subject=_subject(briefing),
        author=clean(briefing.author),
        marking=_marking(briefing, cuts),
        page_size=briefing.style.page_size,
        blocks=tuple(blocks),
        header_text=clean(briefing.style.header_text),
        footer_text=clean(briefing.style.footer_text),
        warnings=(*export_warnings(checked), *cuts.warnings()),
    )


def _marking(briefing: Briefing, cuts: Cuts) -> str:
    """The marking whole (for document properties); the writers print it on the pages
    within MARKING_CHARS (limits.page_marking), and a longer one is warned of here."""
    marking = clean(briefing.marking)
    if len(marking) > MARKING_CHARS:
        cuts.counts["marking"] += 1
    return marking


def _bounded_settings(settings: LayoutSettings) -> LayoutSettings:
    """A template's headings, cleaned and within the heading cap like the briefing's own."""
    return LayoutSettings(
        *(clean(heading)[:HEADING_CHARS] for heading in astuple(settings)),
    )


def _title(briefing: Briefing) -> str:
    return clean(briefing.title) or "Briefing"


def _subject(briefing: Briefing) -> str:
    titles = [clean(s.title) for s in briefing.sources if clean(s.title)]
    subject = "; ".join(titles) if titles else "Meeting briefing"
    return subject if len(subject) <= 250 else subject[:249] + "…"


def _title_block(briefing: Briefing) -> list[b.Block]:
    blocks: list[b.Block] = [b.Paragraph((b.Span(_title(briefing)),), b.TITLE)]
    details = [long_date(briefing.date), clean(briefing.author), clean(briefing.style.organisation)]
    if any(details):
        line = " · ".join(d for d in details if d)
        blocks.append(b.Paragraph((b.Span(line),), b.SUBTITLE))
    return blocks


def _bottom_line(briefing: Briefing, settings: LayoutSettings, context: _Context) -> list[b.Block]:
    text = clean_block(briefing.bottom_line)
    if not text:
        return []
    paragraphs = [
        b.Paragraph((*context.number(), b.Span(line)), b.BOTTOM_LINE) for line in text.split("\n")
    ]
    likelihood = clean(briefing.likelihood)
    if likelihood:
        paragraphs.append(
            b.Paragraph((b.Span("Likelihood: ", "strong"), b.Span(likelihood)), b.BOTTOM_LINE)
        )
    return [b.Heading(settings.bottom_line_heading), *paragraphs]


def _section(section: Section, context: _Context) -> list[b.Block]:
    if not section.items:
        return []  # a hand-made briefing has no empty headings
    title = clean(section.title) or "Untitled section"
    blocks: list[b.Block] = [b.Heading(title)]
    questions_so_far = 0  # numbering runs on through a section, past notes between questions
    ordered = _in_statement_order(section.items, context.statement_order)
    more = len(ordered) - SECTION_ITEMS
    if more > 0:  # a flood of items: the export stays a document, and says what it left out
        ordered = ordered[:SECTION_ITEMS]
        context.cuts.sections.append((_short_title(title), more))
    for _, run in groupby(ordered, key=lambda item: item.kind):
        items = list(run)
        match first := items[0]:
            case Figure():
                blocks += _figure_table(_all(Figure, items), context)
            case Question():
                questions = _all(Question, items)
                blocks.append(_question_list(questions, context, start=questions_so_far + 1))
                questions_so_far += len(questions)
            case Statement():
                for statement in _all(Statement, items):
                    blocks += _statement(statement, context)
            case Note():
                for note in _all(Note, items):
                    blocks += _note(note, context, section_title=section.title)
            case _:  # a new kind of item must be laid out here, not silently left out
                assert_never(first)
    if more > 0:
        blocks.append(b.Paragraph((b.Span(items_cut_note(more), "emphasis"),), b.BODY))
    return blocks


def _short_title(title: str, limit: int = 80) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _in_statement_order(items: tuple[Item, ...], order: str) -> list[Item]:
    """The section's items with its statements grouped by speaker or by source article (in
    order of first appearance) when the style asks; other items keep their places."""
    if order not in ("speaker", "source"):
        return list(items)

    def key(statement: Statement) -> str:
        if order == "speaker":
            return _speaker_key(statement)
        return statement.anchor.source_id if statement.anchor else ""

    statements = [item for item in items if isinstance(item, Statement)]
    first_seen: dict[str, int] = {}
    for index, statement in enumerate(statements):
        first_seen.setdefault(key(statement), index)
    grouped = iter(sorted(statements, key=lambda s: first_seen[key(s)]))  # sorted() is stable
    return [next(grouped) if isinstance(item, Statement) else item for item in items]


_Kind = TypeVar("_Kind", Statement, Figure, Question, Note)


def _all(kind: type[_Kind], items: list[Item]) -> list[_Kind]:
    """items, a run of one kind, typed as that kind."""
    return [item for item in items if isinstance(item, kind)]


def _statement(statement: Statement, context: _Context) -> list[b.Block]:
    """A statement as a body paragraph of prose, its citation after the sentence, then the
    grade and any verification quietly, and the analyst's note below."""
    sentence = statement_sentence(
        context.with_known_role(statement),
        role_given=context.role_given(statement),
        form=context.statement_form,
    )
    spans = (
        *context.number(),
        b.Span(sentence),
        *context.citations.reference(statement),
        *context.grade(statement),
        *_verification(statement.verification, hedged=statement.hedged and context.mark_hedged),
    )
    return [b.Paragraph(spans, b.BODY), *_item_note(statement)]


def _verification(status: VerificationStatus, *, hedged: bool = False) -> b.Spans:
    """ "(unconfirmed)" or "(hedged)" after the citation: a reader's caution, not a headline.
    Hedged: the source only says it may be so (a possibility or a forecast)."""
    cautions = [status.value] if status is not VerificationStatus.CLAIMED else []
    cautions += ["hedged"] if hedged else []
    return (b.Span(f" ({', '.join(cautions)})", "emphasis"),) if cautions else ()


def _item_note(item: Item) -> list[b.Block]:
    """The analyst's remark on an item, always under the same label."""
    note = typographic(clean(item.note))
    if not note:
        return []
    return [
        b.Paragraph((b.Span(ANALYST_LABEL, "strong"), b.Span(note, "emphasis")), b.ANALYST_NOTE)
    ]


def _figure_table(figures: list[Figure], context: _Context) -> list[b.Block]:
    """The table, then the analyst's notes on its figures: long remarks would swamp a cell."""
    rows = tuple(_figure_row(figure, context) for figure in figures)
    # The label names the figure, since the note stands apart from its row.
    notes = [
        b.Paragraph(
            (
                b.Span(f"{ANALYST_NOTE} on {_figure_name(figure)}: ", "strong"),
                b.Span(typographic(clean(figure.note)), "emphasis"),
            ),
            b.ANALYST_NOTE,
        )
        for figure in figures
        if clean(figure.note)
    ]
    header, widths = _figure_columns(context)
    rows = tuple(bounded_row(row, context.cuts) for row in rows)
    return [b.FigureTable(header, rows, widths), *notes]


def _figure_columns(context: _Context) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The table's columns: a number first and a grade last when the style asks for them."""
    extra = [
        column
        for column, wanted in ((NUMBER_COLUMN, context.numbered), (GRADE_COLUMN, context.grading))
        if wanted
    ]
    scale = 1 - sum(width for _, width in extra)
    header = list(FIGURE_COLUMNS)
    widths = [width * scale for width in FIGURE_WIDTHS]
    if context.numbered:
        header.insert(0, NUMBER_COLUMN[0])
        widths.insert(0, NUMBER_COLUMN[1])
    if context.grading:
        header.append(GRADE_COLUMN[0])
        widths.append(GRADE_COLUMN[1])
    return tuple(header), tuple(widths)


def _figure_name(figure: Figure) -> str:
    name = " ".join(part for part in (figure_value(figure), clean(figure.counts)) if part)
    return name or "a figure"


def _figure_row(figure: Figure, context: _Context) -> tuple[b.Spans, ...]:
    counts = clean(figure.counts)
    if clean(figure.as_of):
        counts = f"{counts} (as of {clean(figure.as_of)})".strip()
    counts_cell = (b.Span(counts),)
    reference = context.citations.reference(figure)
    number = context.take_number()
    cells: tuple[b.Spans, ...] = (
        (b.Span(figure_value(figure)),),
        (b.Span(clean(figure.unit)),),
        counts_cell,
        (b.Span(asserted_by(figure, mark_hedged=context.mark_hedged)),),
        _in_cell(reference) if reference else (b.Span("—"),),
    )
    if number is not None:
        cells = ((b.Span(str(number)),), *cells)
    if context.grading:
        cells = (*cells, (b.Span(figure.grade or "—"),))
    return cells


def _in_cell(reference: b.Spans) -> b.Spans:
    """A citation alone in the Source column: no leading space; "[2, ¶3]" as in the text,
    but an inline "(Sky News, ¶3)" loses its brackets, which only set it off from prose."""
    text = reference[-1].text
    text = text[1:-1] if text.startswith("(") else text
    return (b.Span(text, "reference"),)


def _question_list(questions: list[Question], context: _Context, *, start: int) -> b.NumberedList:
    """Questions numbered within their section, or on with the document's paragraph numbers."""
    entries = tuple(_question(question, context.citations) for question in questions)
    if context.numbered:
        start = context.next_number
        context.next_number += len(questions)
    return b.NumberedList(entries, start=start)


def _question(question: Question, citations: _Citations) -> b.Spans:
    """The question, its citation, then only what was decided about it: its kind when it is
    not a plain question, an owner when one was named, a status other than open."""
    text = typographic(clean(question.text))
    if not text.endswith(("?", "!", ".", "…", "”")):
        # An unconfirmed claim or stated uncertainty reads as a sentence, without the dash
        # or comma where the passage was cut.
        text = text.rstrip(" ,;:-–—") + "."
    spans: list[b.Span] = [b.Span(text), *citations.reference(question)]
    details = [_QUESTION_KINDS.get(question.question_kind, "")]
    if clean(question.owner):
        details.append(f"Owner: {clean(question.owner)}")
    if question.status is not QuestionStatus.OPEN:
        details.append(f"Status: {question.status.value}")
    if any(details):
        spans.append(b.Span(" — " + " · ".join(d for d in details if d), "emphasis"))
    note = typographic(clean(question.note))
    if note:
        spans += [b.Span(f" {ANALYST_LABEL}", "strong"), b.Span(note, "emphasis")]
    return tuple(spans)


def _note(note: Note, context: _Context, *, section_title: str) -> list[b.Block]:
    """A passage kept from an article, in quotation marks with its citation; or the
    analyst's own paragraphs and bullets, uncited, labelled by role when the style says
    (but not under a heading that already says it: "Recommendation" over "Recommendation:")."""
    if note.anchor is None:
        said_by_heading = clean(section_title).casefold() == NOTE_ROLES[note.role].casefold()
        labelled = context.label_analyst_text and not said_by_heading
        blocks = own_text(note, context.number, labelled=labelled)
        return [*blocks, *_item_note(note)]
    words = clean(note.text)
    if not words:
        return _item_note(note)
    spans = (*context.number(), b.Span(quoted(words)), *context.citations.reference(note))
    return [b.Paragraph(spans, b.BODY), *_item_note(note)]


def _source_list(citations: _Citations, settings: LayoutSettings) -> list[b.Block]:
    numbered = citations.numbered_sources()
    if not numbered:
        return []
    entries = tuple(
        b.SourceEntry(
            0 if citations.inline else n, source_entry(source, earlier=citations.superseded(source))
        )
        for n, source in numbered
    )
    return [b.Heading(settings.sources_heading), b.SourceList(entries)]


def _grading_legend(settings: LayoutSettings) -> list[b.Block]:
    """What "B2" means, for readers who do not grade intelligence every day."""

    def scale(label: str, meanings: dict[str, str]) -> b.Paragraph:
        listed = "; ".join(f"{code} {meaning.lower()}" for code, meaning in meanings.items())
        return b.Paragraph((b.Span(label, "strong"), b.Span(listed + ".")), b.BODY)

    return [
        b.Heading(settings.grading_heading),
        b.Paragraph(
            (
                b.Span(
                    "Each statement and figure carries a letter for how reliable its source "
                    "is and a number for how credible the information is (Admiralty system)."
                ),
            ),
            b.BODY,
        ),
        scale("Source reliability: ", RELIABILITY_SCALE),
        scale("Information credibility: ", CREDIBILITY_SCALE),
    ]
