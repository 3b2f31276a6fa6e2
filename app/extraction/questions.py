"""Open questions: explicit questions, unconfirmed claims and stated uncertainty."""

from __future__ import annotations

import re

from app.extraction.hedges import first_hedge
from app.extraction.spans import Span
from app.extraction.types import ProposedQuestion
from app.extraction.units_of_text import Paragraph

_UNCONFIRMED = re.compile(
    r"\b(?:(?:has|have|had)\s+yet\s+to\s+be\s+(?:independently\s+)?(?:confirmed|verified)"
    r"|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*"
    r"|cannot\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*"
    r"|(?:has|have|had)\s+not\s+been\s+(?:independently\s+)?(?:confirmed|verified)"
    r"|not\s+(?:been\s+)?independently\s+(?:confirmed|verified)"
    r"|unverified|unconfirmed|reportedly|allegedly|purportedly|alleged"
    r"|(?:is|are|was|were)\s+(?:said|reported|believed|thought|understood)\s+to\s+(?:be|have)"
    r"|it\s+is\s+(?:claimed|alleged|rumou?red)|rumou?rs?\s+(?:that|of))\b",
    re.IGNORECASE,
)
_UNCERTAINTY = re.compile(
    r"\b(?:it\s+(?:is|was|remains)\s+(?:still\s+)?(?:unclear|not\s+clear|uncertain|unknown|"
    r"not\s+known)|(?:remains?|remained)\s+(?:unclear|uncertain|unknown|to\s+be\s+seen)"
    r"|there\s+(?:are|were|is|was|remain)\s+(?:also\s+|still\s+)?(?:questions|doubts|"
    r"uncertainty|concerns)\s+(?:about|over|as\s+to|whether)"
    r"|questions?\s+(?:remain|linger)|no\s+evidence\s+(?:that|of)|unclear\s+(?:whether|if|how"
    r"|what|when|why|who)|(?:not|never)\s+(?:been\s+)?(?:clear|known)\s+(?:whether|if|how|why)"
    r"|the\s+potential\s+for|whether\s+or\s+not)\b",
    re.IGNORECASE,
)
_TAG_QUESTION = re.compile(
    r",\s*(?:right|no|yes|eh|ok|okay|correct|true|yeah|surely)\?$"
    r"|,\s*(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|wo|ca)"
    r"n[’']t\s+\w+\?$",
    re.IGNORECASE,
)
# A question typed without its mark, as interview questions and headlines sometimes are:
# interrogative word order on a line of its own with no closing punctuation.
_UNMARKED_QUESTION = re.compile(
    r"(?:How|What|Why|When|Where|Who|Which|Is|Are|Do|Does|Did|Can|Could|Would|Will|Should|"
    r"Have|Has)\s+(?:did|do|does|is|are|was|were|can|could|would|will|should|have|has|you|we|"
    r"they|he|she|it|I|there)\b[^.!?;:\n\"“”]{3,200}[\w)]"
)
# Substrings every match of the patterns above contains.
_UNCONFIRMED_KEYS = (
    "confirm",
    "verif",
    "reported",
    "alleged",
    "purported",
    " said to",
    " be ",
    "believed",
    "thought",
    "understood",
    "claimed",
    "rumo",
)
_UNCERTAINTY_KEYS = (
    "clear",
    "uncertain",
    "unknown",
    "known",
    "to be seen",
    "questions",
    "doubts",
    "concerns",
    "evidence",
    "whether",
    "potential",
    "question",
)
# A question mark ends a question only before a space, punctuation or the end: the '?' of
# "example.org/report?id=5" opens a web address's query.
_QUESTION_MARK = re.compile(r"\?+[\"”’')\]]*(?![^\s.,;:!?…–—-])")
_QUESTION_OPENER = re.compile(r"(?:(?<=[\s:,(])[“\"]|;\s*)(?=[^“\";]*$)")
_CLAUSE_BREAK = re.compile(r",?\s+(?:but|while|whereas|although|though)\s+|;\s+")
_OPENING_MARKS = "\"“‘'(["
_CLOSING_MARKS = "\"”’')]"


def find_questions(text: str, paragraphs: list[Paragraph]) -> list[ProposedQuestion]:
    """Every question item in the given paragraphs, in text order."""
    found: list[ProposedQuestion] = []
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            found.extend(_questions_in(text, sentence))
    return found


def _questions_in(text: str, sentence: Span) -> list[ProposedQuestion]:
    explicit = [_question(text, span, "explicit") for span in _question_spans(text, sentence)]
    if explicit:
        return explicit
    span = _strip_marks(text, sentence)
    unpunctuated = text[sentence.end - 1].isalnum()
    if unpunctuated and _UNMARKED_QUESTION.fullmatch(text, span.start, span.end):
        return [_question(text, span, "explicit")]
    lowered = text[span.start : span.end].lower()
    for pattern, kind, keys in (
        (_UNCONFIRMED, "unconfirmed", _UNCONFIRMED_KEYS),
        (_UNCERTAINTY, "uncertainty", _UNCERTAINTY_KEYS),
    ):
        if not any(key in lowered for key in keys):
            continue  # a substring test first: the full patterns are slow
        cue = pattern.search(text, span.start, span.end)
        if cue:
            return [_question(text, _clause_around(text, span, cue.start()), kind)]
    hedge = first_hedge(text, span.start, span.end)
    if hedge:
        return [_question(text, _clause_around(text, span, hedge.start()), "uncertainty")]
    return []


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


def _clause_around(text: str, sentence: Span, offset: int) -> Span:
    """The clause of sentence holding offset, split at 'but', 'while', ';' and the like."""
    start, end = sentence.start, sentence.end
    for brk in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if brk.end() <= offset:
            start = brk.end()
        elif brk.start() >= offset:
            end = brk.start()
            break
    return Span(start, end)


def _question(text: str, span: Span, kind: str) -> ProposedQuestion:
    return ProposedQuestion(span.start, span.end, text[span.start : span.end], kind)
