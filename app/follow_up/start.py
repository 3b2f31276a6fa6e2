"""start_follow_up: the next briefing of a series from the open one."""

from __future__ import annotations

import datetime as dt
import re

from app.anchors import make_anchor
from app.models import (
    Briefing,
    Figure,
    GlossaryEntry,
    PreviousBriefing,
    Question,
    QuestionStatus,
    Section,
    Source,
    TextRange,
    new_id,
)

DIGEST_OUTLET = "Previous briefing"


def start_follow_up(old: Briefing, *, file_name: str, today: dt.date) -> Briefing:
    """The next briefing: the old one's sections (empty), marking, author and look; its
    open questions carried with their history; the old briefing listed as a source."""
    carried = [(index, q) for index, q in _questions_by_section(old) if _still_open(q)]
    digest, passages = _digest(old, [q for _, q in carried], file_name)
    sections = [_empty_like(section) for section in old.sections]
    for (index, question), passage in zip(carried, passages, strict=True):
        moved = _carried(question, old, make_anchor(digest, *passage))
        section = sections[index]
        sections[index] = section.model_copy(update={"items": (*section.items, moved)})
    return Briefing(
        title=next_title(old.title),
        date=today,
        author=old.author,
        marking=old.marking,
        style=old.style,
        template=old.template,
        sections=tuple(sections),
        sources=(digest,),
        glossary=tuple(_unanchored(entry) for entry in old.glossary),
        previous=PreviousBriefing(
            title=old.title,
            date=old.date,
            file_name=file_name,
            source_id=digest.id,
            figures=tuple(
                f.model_copy(update={"anchor": None, "as_of": f.as_of or _cited(f, old)})
                for f in old.items()
                if isinstance(f, Figure)
            ),
            question_ids=tuple(q.id for _, q in carried),
        ),
    )


_NUMBER_AT_END = re.compile(r"(\d{1,6})(\W*)$")


def next_title(title: str) -> str:
    """The title of the next briefing of a series: "Korea watch 1" -> "Korea watch 2"; a
    title without a number at its end stays as it is, for the analyst to change."""
    found = _NUMBER_AT_END.search(title)
    if found is None:
        return title
    number = str(int(found.group(1)) + 1)
    return title[: found.start(1)] + number + found.group(2)


def _questions_by_section(briefing: Briefing) -> list[tuple[int, Question]]:
    return [
        (index, item)
        for index, section in enumerate(briefing.sections)
        for item in section.items
        if isinstance(item, Question)
    ]


def _still_open(question: Question) -> bool:
    return question.status is QuestionStatus.OPEN


def _empty_like(section: Section) -> Section:
    return Section(
        title=section.title,
        guidance=section.guidance,
        kinds=section.kinds,
        item_limit=section.item_limit,
    )


def _digest(
    old: Briefing, questions: list[Question], file_name: str
) -> tuple[Source, list[tuple[int, int]]]:
    """The previous briefing as a source: its title, date and bottom line, then one
    paragraph per carried question; and each question's passage in it."""
    lines = [old.title or "Untitled briefing"]
    if old.date:
        lines.append(f"Dated {old.date.day} {old.date.strftime('%B %Y')}.")
    if old.bottom_line.strip():
        lines.append("Bottom line: " + " ".join(old.bottom_line.split()))
    if questions:
        lines.append("Open questions:")
    passages, paragraphs, position = [], [], 0
    first_question = len(lines)
    lines += [" ".join(q.text.split()) or "(a question without words)" for q in questions]
    for number, line in enumerate(lines):
        paragraphs.append(TextRange(start=position, end=position + len(line)))
        if number >= first_question:
            passages.append((position, position + len(line)))
        position += len(line) + 1
    source = Source(
        title=old.title or "Untitled briefing",  # cited as: Previous briefing, “Title”, date
        outlet=DIGEST_OUTLET,
        published=old.date,
        origin=file_name,
        text="\n".join(lines),
        paragraphs=tuple(paragraphs),
        # Its heading lines are not an article's words: marked as furniture, so the
        # extractor proposes nothing from "Korea watch 1" or the date.
        boilerplate=tuple(paragraphs[:first_question]),
    )
    return source, passages


def _carried(question: Question, old: Briefing, anchor: object) -> Question:
    return question.model_copy(
        update={
            "anchor": anchor,
            "text": " ".join(question.text.split()) or question.text,
            "asked_on": question.asked_on or old.date,
            "asked_in": question.asked_in or old.title,
            "asked_by": question.asked_by or _asker(question, old),
            "carried": question.carried + 1,
        }
    )


def _asker(question: Question, old: Briefing) -> str:
    """Who raised the question: the outlet of the passage it came from, else the
    briefing's author (a question the analyst typed)."""
    source = old.source(question.anchor.source_id) if question.anchor else None
    if source is not None and source.outlet != DIGEST_OUTLET:
        return " ".join((source.outlet or source.author or source.title).split())
    return old.author


def _cited(figure: Figure, old: Briefing) -> str:
    """Where a previous figure came from, kept in words once its article stays behind."""
    source = old.source(figure.anchor.source_id) if figure.anchor else None
    if source is None:
        return ""
    name = source.outlet or source.title
    return f"{name}, {source.published:%d %b %Y}" if source.published else name


def _unanchored(entry: GlossaryEntry) -> GlossaryEntry:
    return entry.model_copy(update={"anchor": None, "id": new_id()})
