"""Source -> proposed statements, figures and questions (pure, deterministic, offline)."""

from __future__ import annotations

from app.extraction.acronyms import find_terms
from app.extraction.figure_attribution import attribute_figures
from app.extraction.figures import find_figures
from app.extraction.hedges import mark_hedged
from app.extraction.questions import find_questions
from app.extraction.spans import Span, lower_case_copy
from app.extraction.statements import find_statements
from app.extraction.types import (
    Extraction,
    ProposedFigure,
    ProposedQuestion,
    ProposedStatement,
    ProposedTerm,
)
from app.extraction.units_of_text import read_paragraphs
from app.models import Source, TextRange

__all__ = [
    "Extraction",
    "ProposedFigure",
    "ProposedQuestion",
    "ProposedStatement",
    "ProposedTerm",
    "extract",
]


def extract(source: Source) -> Extraction:
    """Propose the items a briefing needs, each with exact offsets into source.text."""
    paragraphs = content_paragraphs(source)
    read = read_paragraphs(source.text, [Span(p.start, p.end) for p in paragraphs])
    lowered = lower_case_copy(source.text)  # made once, for the scans of both finders
    statements = find_statements(source.text, read, lowered)
    questions = find_questions(source.text, read, lowered)
    sentences = [sentence for paragraph in read for sentence in paragraph.sentences]
    figures = attribute_figures(
        find_figures(source.text, paragraphs, lowered), statements, questions, sentences
    )
    # Modal hedges and forecasts mark the statements and figures they sit in.
    statements, figures = mark_hedged(source.text, statements, figures, sentences)
    return Extraction(
        statements=tuple(statements),
        figures=tuple(figures),
        questions=tuple(questions),
        glossary=find_terms(source.text, paragraphs),
    )


def content_paragraphs(source: Source) -> list[TextRange]:
    """The paragraphs extraction reads: all of them except site boilerplate."""
    paragraphs = source.paragraphs or (TextRange(start=0, end=len(source.text)),)
    return [p for p in paragraphs if not source.is_boilerplate(p.start, p.end)]
