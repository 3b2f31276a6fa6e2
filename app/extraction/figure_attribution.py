"""Who asserts a figure, and whether the article marks it unconfirmed.

A figure inside an attributed statement ("The ministry said 1,200 soldiers had died") is
the speaker's claim, not the article's; so is a figure in the same sentence as an
attribution, outside the clause that names the speaker ("Mr Li, who leads 5,000 troops,
said ..." describes the speaker: that number is the reporter's). A figure overlapping a
passage the question finder marks as an unconfirmed claim is unconfirmed.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from app.extraction.sentences import sentence_ranges
from app.extraction.spans import Span
from app.extraction.types import (
    Extraction,
    ProposedFigure,
    ProposedQuestion,
    ProposedStatement,
)

_LOOK_BACK = 40  # statements that start before a figure and are tried for containing it


def attribute_figures(
    figures: Sequence[ProposedFigure],
    statements: Sequence[ProposedStatement],
    questions: Sequence[ProposedQuestion],
    sentences: Sequence[Span],
) -> list[ProposedFigure]:
    """figures with asserted_by and unconfirmed set; sentences in text order."""
    attributed = sorted((s for s in statements if s.speaker), key=lambda s: s.start)
    statement_starts = [s.start for s in attributed]
    unconfirmed = sorted((q for q in questions if q.kind == "unconfirmed"), key=lambda q: q.start)
    question_starts = [q.start for q in unconfirmed]
    sentence_starts = [s.start for s in sentences]
    clauses = [_attributing_clause(s) for s in attributed]  # once each, not once per figure
    result = []
    for figure in figures:
        speaker = _inside_statement(figure, attributed, statement_starts)
        if speaker is None:
            sentence = _sentence_of(figure, sentences, sentence_starts)
            if sentence is not None:
                speaker = _in_attributed_sentence(
                    figure, sentence, attributed, statement_starts, clauses
                )
        flagged = _overlaps_any(figure, unconfirmed, question_starts)
        if speaker is not None or flagged:
            figure = dataclasses.replace(figure, asserted_by=speaker, unconfirmed=flagged)
        result.append(figure)
    return result


def attribute_found_figures(
    text: str, figures: Sequence[ProposedFigure], extraction: Extraction | None
) -> list[ProposedFigure]:
    """attribute_figures for figures found outside `extract` (a passage the user selected),
    against the article's extraction; the sentences are read from each figure's line."""
    if extraction is None:
        return list(figures)
    sentences: dict[int, Span] = {}
    for figure in figures:
        line_start = text.rfind("\n", 0, figure.start) + 1
        line_end = text.find("\n", figure.end)
        for sentence in sentence_ranges(text, line_start, len(text) if line_end < 0 else line_end):
            sentences[sentence.start] = sentence
    return attribute_figures(
        figures,
        extraction.statements,
        extraction.questions,
        [sentences[start] for start in sorted(sentences)],
    )


def _inside_statement(
    figure: ProposedFigure, statements: list[ProposedStatement], starts: list[int]
) -> str | None:
    """The speaker of the narrowest statement whose content holds the figure."""
    index = bisect.bisect_right(starts, figure.start)
    best: ProposedStatement | None = None
    for statement in reversed(statements[max(0, index - _LOOK_BACK) : index]):
        holds = statement.start <= figure.start and figure.end <= statement.end
        if holds and (best is None or statement.end - statement.start < best.end - best.start):
            best = statement
    return best.speaker if best else None


def _sentence_of(
    figure: ProposedFigure, sentences: Sequence[Span], starts: list[int]
) -> Span | None:
    index = bisect.bisect_right(starts, figure.start) - 1
    if index >= 0 and sentences[index].start <= figure.start < sentences[index].end:
        return sentences[index]
    return None


def _in_attributed_sentence(
    figure: ProposedFigure,
    sentence: Span,
    statements: list[ProposedStatement],
    starts: list[int],
    clauses: list[Span | None],
) -> str | None:
    """The speaker of a statement attributed within the figure's sentence, unless the
    figure sits in the attributing clause itself (between the speaker and the cue);
    clauses[i] is the attributing clause of statements[i]."""
    index = bisect.bisect_left(starts, sentence.end)
    for i in range(index - 1, max(0, index - _LOOK_BACK) - 1, -1):
        statement, clause = statements[i], clauses[i]
        if clause is None or not (sentence.start <= clause.start and clause.end <= sentence.end):
            continue
        if clause.start <= figure.start < clause.end:
            return None  # "Mr Li, who leads 5,000 troops, said": about the speaker
        return statement.speaker
    return None


def _attributing_clause(statement: ProposedStatement) -> Span | None:
    """From the speaker's mention to the cue, whichever comes first."""
    ends = [
        (start, end)
        for start, end in (
            (statement.speaker_start, statement.speaker_end),
            (statement.cue_start, statement.cue_end),
        )
        if start is not None and end is not None
    ]
    if not ends:
        return None
    return Span(min(s for s, _ in ends), max(e for _, e in ends))


def _overlaps_any(
    figure: ProposedFigure, questions: list[ProposedQuestion], starts: list[int]
) -> bool:
    index = bisect.bisect_left(starts, figure.end)
    return any(
        q.start < figure.end and figure.start < q.end
        for q in questions[max(0, index - _LOOK_BACK) : index]
    )
