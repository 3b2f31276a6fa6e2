"""Modal hedges and forecasts: the words that say a claim only may be so.

"Prices could rise", "the plant is expected to open in May", "the toll is likely higher",
"the researchers think it can be scaled up". These are not open questions (the article does
not say anything is unknown or contested); they make the statement or figure they sit in
*hedged*: a possibility or forecast rather than a fact. The classes are the usual ones of
epistemic modality in English: modal verbs, modal adverbs and adjectives, verbs of
expectation and prediction, and cognition verbs that present a claim as belief.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from app.extraction.sentences import sentence_ranges
from app.extraction.spans import Span
from app.extraction.types import ProposedFigure, ProposedStatement

_MODALS = "may might could mightn't couldn't should"
_ADVERBS = """possibly probably perhaps maybe likely unlikely potentially conceivably presumably
    seemingly supposedly plausibly"""
_ADJECTIVES = "possible probable potential hypothetical"
_FORECAST_VERBS = """expect expects expected expecting forecast forecasts forecasting forecasted
    predict predicts predicted predicting anticipate anticipates anticipated anticipating
    project projects projected projecting"""
_COGNITION_VERBS = """think thinks believe believes suspect suspects seem seems seemed appear
    appears appeared"""
HEDGE_WORDS = frozenset(
    " ".join((_MODALS, _ADVERBS, _ADJECTIVES, _FORECAST_VERBS, _COGNITION_VERBS)).split()
)
# Words that hedge only when an infinitive or clause follows: "projects to" vs "the projects".
_NEED_COMPLEMENT = frozenset(
    "project projects projected projecting appear appears appeared seem seems seemed".split()
)
_COMPLEMENT = re.compile(r"\s+(?:to|that|as\s+if|likely)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][a-z'’]*")
_PHRASES = re.compile(
    r"\b(?:poised|on\s+track|on\s+course|set\s+to\s+(?:rise|fall|grow|double|reach|top|hit))\b",
    re.IGNORECASE,
)
_NOT_HEDGE_AFTER = re.compile(r"\s+(?:be\s+)?(?:noted|said)\b", re.IGNORECASE)  # "should be noted"
# "better than expected", "as expected": the outcome is known.
_NOT_HEDGE_BEFORE = re.compile(r"(?:than|as)[\s-]+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s*(?:\d|of\b|and\b|to\b|through\b|,\s*\d)", re.IGNORECASE)


def hedge_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first modal hedge or forecast word in text[start:end], if any (a set look-up per
    word: linear and fast)."""
    for word in _WORD.finditer(text, start, end):
        lower = word.group().lower()
        if lower in HEDGE_WORDS and _hedges(text, word, start):
            return word
    return _PHRASES.search(text, start, end)


def _hedges(text: str, word: re.Match[str], start: int) -> bool:
    lower = word.group().lower()
    if lower == "may" and word.group() == "May" and (word.start() > start or _month(text, word)):
        return False  # the month
    if lower == "should" and _NOT_HEDGE_AFTER.match(text, word.end()):
        return False
    if lower in _NEED_COMPLEMENT and not _COMPLEMENT.match(text, word.end()):
        return False
    return not (
        lower.startswith("expect")
        and _NOT_HEDGE_BEFORE.search(text, max(0, word.start() - 6), word.start())
    )


def _month(text: str, word: re.Match[str]) -> bool:
    return bool(_MONTH_AFTER.match(text, word.end()))


def mark_hedged(
    text: str,
    statements: Sequence[ProposedStatement],
    figures: Sequence[ProposedFigure],
    sentences: Sequence[Span],
) -> tuple[list[ProposedStatement], list[ProposedFigure]]:
    """statements whose content, and figures whose clause, holds a hedge, marked hedged.

    sentences are the article's sentences in text order (quotations kept whole); a figure is
    judged by the clause it sits in: its plain sentence (inside a long quotation, the quoted
    sentence) cut at clause breaks such as '; ' and ', but '. Each clause is split and
    scanned once, however many figures it holds.
    """
    marked_statements = [
        dataclasses.replace(s, hedged=True) if hedge_cue(text, s.start, s.end) else s
        for s in statements
    ]
    starts = [s.start for s in sentences]
    clauses: dict[int, _Clauses] = {}  # sentence index -> its clauses, made once
    marked_figures = []
    for figure in figures:
        index = bisect.bisect_right(starts, figure.start) - 1
        if index >= 0 and figure.start < sentences[index].end:
            if index not in clauses:
                clauses[index] = _Clauses(text, sentences[index])
            if clauses[index].hedged_at(figure.start):
                figure = dataclasses.replace(figure, hedged=True)
        marked_figures.append(figure)
    return marked_statements, marked_figures


# A run of white space is tried from its first character only (the look-behind), and read
# once (possessive): tried from each of its characters, a run of 100,000 spaces that ends in
# no conjunction took minutes.
_CLAUSE_BREAK = re.compile(
    r"[;:]\s++|,?(?<!\s)\s++(?:but|while|whereas|although|though)\s++"
    r"|,\s++(?:and|after|before|since)\s++",
    re.IGNORECASE,
)


class _Clauses:
    """The clauses of one sentence, in text order, each scanned for a hedge when first asked."""

    def __init__(self, text: str, sentence: Span) -> None:
        self._text = text
        self._spans: list[Span] = []
        for plain in sentence_ranges(text, sentence.start, sentence.end):
            start = plain.start
            for brk in _CLAUSE_BREAK.finditer(text, plain.start, plain.end):
                self._spans.append(Span(start, brk.start()))
                start = brk.end()
            self._spans.append(Span(start, plain.end))
        self._starts = [span.start for span in self._spans]
        self._hedged: dict[int, bool] = {}

    def hedged_at(self, position: int) -> bool:
        index = max(0, bisect.bisect_right(self._starts, position) - 1)
        if not self._spans:
            return False
        if index not in self._hedged:
            clause = self._spans[index]
            self._hedged[index] = hedge_cue(self._text, clause.start, clause.end) is not None
        return self._hedged[index]
