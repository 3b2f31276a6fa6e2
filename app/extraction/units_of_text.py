"""Paragraphs read once for every extractor: their quotations and their sentences."""

from __future__ import annotations

from dataclasses import dataclass

from app.extraction.quotes import quote_containing, quote_ranges
from app.extraction.sentences import sentence_ranges
from app.extraction.spans import Span


@dataclass(frozen=True, slots=True)
class Paragraph:
    span: Span
    quotes: list[Span]
    sentences: list[Span]  # never split inside a quotation


def read_paragraphs(text: str, paragraphs: list[Span]) -> list[Paragraph]:
    """Quotations and quote-aware sentences of each paragraph."""
    read = []
    for paragraph in paragraphs:
        quotes = quote_ranges(text, paragraph.start, paragraph.end)
        read.append(Paragraph(paragraph, quotes, quote_aware_sentences(text, paragraph, quotes)))
    return read


def quote_aware_sentences(text: str, paragraph: Span, quotes: list[Span]) -> list[Span]:
    """Sentences of paragraph, never split inside a quotation."""
    merged: list[Span] = []
    for sentence in sentence_ranges(text, paragraph.start, paragraph.end):
        if merged and quote_containing(quotes, sentence.start) is not None:
            merged[-1] = Span(merged[-1].start, sentence.end)
        else:
            merged.append(sentence)
    return merged
