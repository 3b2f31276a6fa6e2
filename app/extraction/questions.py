"""Open questions: explicit questions, unconfirmed claims and stated uncertainty.

An open question is what the article says we do not know: a question it asks or quotes; a
claim it marks as unconfirmed, alleged, denied or disputed (unconfirmed.py); or a thing it
says is unknown, including a source's non-answer (unknowns.py). Each item is one sentence, or
the quoted sentence when the cue sits inside a quotation. Modal hedges and forecasts ("may",
"is expected to") are not questions: they mark statements and figures hedged (hedges.py).
"""

from __future__ import annotations

import re

from app.extraction.quotes import quote_containing
from app.extraction.sentences import sentence_ranges
from app.extraction.spans import Span, lower_case_copy
from app.extraction.types import ProposedQuestion
from app.extraction.unconfirmed import unconfirmed_cue
from app.extraction.units_of_text import Paragraph
from app.extraction.unknowns import unknown_cue

_TAG_QUESTION = re.compile(
    r",\s*+(?:right|no|yes|eh|ok|okay|correct|true|yeah|surely)\?$"
    r"|,\s*+(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|wo|ca)"
    r"n[’']t\s++\w++\?$",
    re.IGNORECASE,
)
# A question typed without its mark, as interview questions and headlines sometimes are:
# interrogative word order on a line of its own with no closing punctuation.
_UNMARKED_QUESTION = re.compile(
    r"(?:How|What|Why|When|Where|Who|Which|Is|Are|Do|Does|Did|Can|Could|Would|Will|Should|"
    r"Have|Has)\s+(?:did|do|does|is|are|was|were|can|could|would|will|should|have|has|you|we|"
    r"they|he|she|it|I|there)\b[^.!?;:\n\"“”]{3,200}[\w)]"
)
# A question mark ends a question only before a space, punctuation or the end: the '?' of
# "example.org/report?id=5" opens a web address's query.
_QUESTION_MARK = re.compile(r"\?+[\"”’')\]]*(?![^\s.,;:!?…–—-])")
# Possessive, so that spaces after a semicolon are not re-read by the look-ahead once each.
_QUESTION_OPENER = re.compile(r"(?:(?<=[\s:,(])[“\"]|;\s*+)(?=[^“\";]*+$)")
# "WASHINGTON (AP) — New uncertainty ...": the sentence starts after the dateline's dash.
_DATELINE = re.compile(r"[A-Z][A-Z.,'’ -]{1,40}(?:\([A-Za-z .]{1,20}\)\s*)?\s*[—–-]{1,2}\s+")
_OPENING_MARKS = "\"“‘'(["
_CLOSING_MARKS = "\"”’')]"


def find_questions(
    text: str, paragraphs: list[Paragraph], lowered: str | None = None
) -> list[ProposedQuestion]:
    """Every question item in the given paragraphs, in text order; lowered is
    spans.lower_case_copy(text) if the caller has made it."""
    if lowered is None:
        lowered = lower_case_copy(text)
    found: list[ProposedQuestion] = []
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            found.extend(_questions_in(text, sentence, paragraph.quotes, lowered))
    return found


def _questions_in(
    text: str, sentence: Span, quotes: list[Span], lowered: str | None
) -> list[ProposedQuestion]:
    explicit = [_question(text, span, "explicit") for span in _question_spans(text, sentence)]
    if explicit:
        return explicit
    span = _strip_marks(text, sentence)
    unpunctuated = text[sentence.end - 1].isalnum()
    if unpunctuated and _UNMARKED_QUESTION.fullmatch(text, span.start, span.end):
        return [_question(text, span, "explicit")]
    dateline = _DATELINE.match(text, sentence.start, sentence.end)
    span = Span(dateline.end(), sentence.end) if dateline else sentence
    # A sentence gets one kind; a marked claim outweighs a stated unknown.
    for finder, kind in ((unconfirmed_cue, "unconfirmed"), (unknown_cue, "uncertainty")):
        cue = finder(text, span.start, span.end, lowered)
        if cue:
            return [_question(text, _quoted_sentence(text, span, quotes, cue.start()), kind)]
    return []


def _quoted_sentence(text: str, sentence: Span, quotes: list[Span], cue: int) -> Span:
    """sentence, or the quoted sentence holding the cue ('"We have no comment," he said.' ->
    'We have no comment'), without its quotation marks and reporting frame."""
    quote = quote_containing(quotes, cue)
    if quote is None or not (sentence.start <= quote.start and quote.end <= sentence.end):
        return _trim(text, sentence)
    for part in sentence_ranges(text, quote.start, quote.end):
        if part.start <= cue < part.end:
            return _trim(text, part)
    return _trim(text, quote)


def _trim(text: str, span: Span) -> Span:
    """span without opening and closing quotation marks, and without a comma that ends a
    quoted sentence before its attribution; a final full stop stays."""
    start, end = span.start, span.end
    while start < end and (text[start] in _OPENING_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _CLOSING_MARKS or text[end - 1] in ", "):
        end -= 1
    return Span(start, end)


def _question_spans(text: str, sentence: Span) -> list[Span]:
    """Each question of sentence, also inside quotes: '"Is it over?" the official asked.'"""
    spans = []
    start = sentence.start
    for mark in _QUESTION_MARK.finditer(text, sentence.start, sentence.end):
        begin = _question_start(text, start, mark.start())
        spans.append(_strip_marks(text, Span(begin, mark.start() + 1)))
        start = mark.end()
    return [s for s in spans if _is_open_question(text[s.start : s.end])]


def _is_open_question(question: str) -> bool:
    # Verbless fragments ("Why?", "Really?") and tag questions ("..., right?") ask nothing
    # a meeting has to answer.
    return len(question.split()) >= 3 and not _TAG_QUESTION.search(question)


def _question_start(text: str, start: int, mark: int) -> int:
    # A question quoted inside a statement ('asked: "Were you there?"') or after a
    # semicolon starts at that quotation mark or clause, not at the sentence's start.
    opener = _QUESTION_OPENER.search(text, start, mark)
    return opener.end() if opener else start


def _strip_marks(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (text[start] in _OPENING_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _CLOSING_MARKS or text[end - 1] in ",."):
        if text[end - 1] == "." and end - 2 >= start and text[end - 2] == "?":
            break
        end -= 1
    return Span(start, end)


def _question(text: str, span: Span, kind: str) -> ProposedQuestion:
    return ProposedQuestion(span.start, span.end, text[span.start : span.end], kind)
