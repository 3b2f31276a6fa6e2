"""Statements: direct quotes, mixed quotes and reported speech, with speaker and cue."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.extraction.attribution import Attribution, attribute_sentence, lead_in_attribution
from app.extraction.quotes import inner_quotes, quote_starting_at
from app.extraction.spans import Span
from app.extraction.speakers import SpeakerResolver
from app.extraction.types import ProposedStatement
from app.extraction.units_of_text import Paragraph, quote_aware_sentences

_QUOTE_MARKS = '"“”‟«»„'
_SINGLE_OPENERS = "‘'"  # a quotation nested in another opens with a single mark
_MAX_NESTING = 3  # quotations inside quotations read this deep
# A transcript speaker label in capitals at a paragraph's start: "WALLACE:", "MR. SMITH:".
_SPEAKER_LABEL = re.compile(r"[“\"]?(?P<sp>[A-Z][A-Z.'’ -]{1,30}[A-Z.])(?P<colon>:)\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class _Candidate:
    content: Span
    speaker: Span | None
    cue: Span | None
    inherits_speaker: bool = False
    open_ended: bool = False  # a quote left open at its paragraph's end


def find_statements(
    text: str, paragraphs: list[Paragraph], lowered: str | None = None
) -> list[ProposedStatement]:
    """Every statement in the given paragraphs (boilerplate already left out); lowered is
    `spans.lower_case_copy(text)` when the caller has it."""
    candidates: list[_Candidate] = []
    previous_had_statement = False
    lead_in: tuple[Span, Span] | None = None
    for paragraph in paragraphs:
        found = _paragraph_candidates(text, paragraph, previous_had_statement, lowered)
        if lead_in is not None:
            found = _after_lead_in(text, paragraph, lead_in, found)
        candidates.extend(found)
        previous_had_statement = bool(found)
        last = paragraph.sentences[-1] if paragraph.sentences else None
        lead_in = lead_in_attribution(text, last, paragraph.quotes, lowered) if last else None
    return _resolve(text, candidates)


def _after_lead_in(
    text: str, paragraph: Paragraph, lead_in: tuple[Span, Span], found: list[_Candidate]
) -> list[_Candidate]:
    """'Roe added:' then a paragraph: the paragraph is what Roe added, unless it has its own
    attribution."""
    if any(c.speaker is not None and not c.inherits_speaker for c in found):
        return found
    speaker, cue = lead_in
    content = _trimmed(text, paragraph.span)
    if content.end - content.start < 2:
        return found
    kept = [c for c in found if not c.inherits_speaker or c.content.start != content.start]
    return [_Candidate(content, speaker, cue), *kept]


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _paragraph_candidates(
    text: str, paragraph: Paragraph, previous_had_statement: bool, lowered: str | None
) -> list[_Candidate]:
    label = _SPEAKER_LABEL.match(text, paragraph.span.start, paragraph.span.end)
    if label:  # a transcript: "WALLACE: Let's start with ..."
        content = Span(label.end(), paragraph.span.end)
        speaker = Span(label.start("sp"), label.end("sp"))
        return [_Candidate(content, speaker, Span(label.start("colon"), label.end("colon")))]
    quotes = paragraph.quotes
    found: list[_Candidate] = []
    for sentence in paragraph.sentences:
        attributions = attribute_sentence(text, sentence, quotes, lowered)
        found.extend(_from_attribution(a) for a in _distinct(attributions))
        if not attributions:
            found.extend(
                _unattributed_quotes(
                    text, sentence, paragraph, bool(found) or previous_had_statement
                )
            )
    for quote in quotes:
        found.extend(_nested(text, quote, lowered, 1))
    return found


def _nested(text: str, quote: Span, lowered: str | None, depth: int) -> list[_Candidate]:
    """Quoted speech inside a quotation: '"He told me, 'I will never resign'," she said' has
    one quotation inside the other, each with its own speaker; so, at the next level, may the
    inner one. Reported speech inside a quotation stays part of the speaker's own words."""
    interior = Span(quote.start + 1, quote.end - 1)
    if interior.end - interior.start < 8:
        return []
    inner = inner_quotes(text, quote)
    found: list[_Candidate] = []
    for sentence in quote_aware_sentences(text, interior, inner):
        attributions = attribute_sentence(text, sentence, inner, lowered)
        found.extend(
            _from_attribution(a)
            for a in _distinct(attributions)
            if a.speaker is not None
            and (
                quote_starting_at(inner, a.content.start) is not None
                or _reported_in_quote(text, a.speaker, a.cue)
            )
        )
    if depth < _MAX_NESTING:
        for deeper in inner:
            found.extend(_nested(text, deeper, lowered, depth + 1))
    return found


_FIRST_PERSON = frozenset("i we you i’ve we’ve we're we’re i'm i’m".split())


def _reported_in_quote(text: str, speaker: Span, cue: Span | None) -> bool:
    """Inside a quotation, 'the minister told us the deal was off' reports a third party's
    words; 'we demand ...' and 'they say ...' are the quoted speaker's own."""
    if cue is None:
        return False
    word = text[cue.start : cue.end].split()[0].lower()
    named = text[speaker.start : speaker.end].lower() not in _FIRST_PERSON | {"they", "it"}
    return named and (word.endswith("ed") or word in ("said", "says", "told", "tells", "wrote"))


def _distinct(attributions: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for attribution in attributions:
        key = (attribution.content.start, attribution.content.end)
        if key not in seen:
            seen.add(key)
            kept.append(attribution)
    return kept


def _from_attribution(attribution: Attribution) -> _Candidate:
    return _Candidate(attribution.content, attribution.speaker, attribution.cue)


def _unattributed_quotes(
    text: str, sentence: Span, paragraph: Paragraph, speaker_known: bool
) -> list[_Candidate]:
    # A quotation opening a sentence with no cue continues the last speaker's words, as in
    # '"A," she said. "B."' or a paragraph that is only a quotation. One left open at the
    # paragraph's end begins a multi-paragraph quote whose speaker may come later.
    quote = quote_starting_at(paragraph.quotes, sentence.start)
    if quote is None:
        return []
    open_ended = quote.end == paragraph.span.end and text[quote.end - 1] not in "”\"'"
    if not (speaker_known or open_ended):
        return []
    return [_Candidate(quote, None, None, inherits_speaker=True, open_ended=open_ended)]


def _resolve(text: str, candidates: list[_Candidate]) -> list[ProposedStatement]:
    resolver = SpeakerResolver(text)
    ordered = sorted(candidates, key=lambda c: c.content.start)
    made = [_to_statement(text, c, resolver) for c in ordered]
    statements: list[ProposedStatement] = []
    for index, (candidate, statement) in enumerate(zip(ordered, made, strict=True)):
        if candidate.inherits_speaker:
            source = _next_speaker(text, ordered, made, index) if candidate.open_ended else None
            source = source or (statements[-1] if statements else None)
            if source is None:
                continue
            statement = _continuing(statement, source)
        statements.append(statement)
    return statements


def _next_speaker(
    text: str, ordered: list[_Candidate], made: list[ProposedStatement], index: int
) -> ProposedStatement | None:
    """The attributed statement that continues an open quote in the next paragraph."""
    if index + 1 >= len(made) or ordered[index + 1].inherits_speaker:
        return None
    gap = text[ordered[index].content.end : ordered[index + 1].content.start]
    return made[index + 1] if not gap.strip() else None


def _continuing(statement: ProposedStatement, previous: ProposedStatement) -> ProposedStatement:
    """A quotation that goes on with the previous speaker's words takes their attribution."""
    return replace(
        statement,
        speaker=previous.speaker,
        speaker_start=previous.speaker_start,
        speaker_end=previous.speaker_end,
        cue=previous.cue,
        cue_start=previous.cue_start,
        cue_end=previous.cue_end,
    )


def _to_statement(text: str, candidate: _Candidate, resolver: SpeakerResolver) -> ProposedStatement:
    content, speaker, cue = candidate.content, candidate.speaker, candidate.cue
    mention = text[speaker.start : speaker.end] if speaker else None
    content_text = text[content.start : content.end]
    return ProposedStatement(
        start=content.start,
        end=content.end,
        text=content_text,
        speaker=resolver.resolve(mention, speaker.start) if mention and speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue=text[cue.start : cue.end] if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        direct=any(mark in content_text for mark in _QUOTE_MARKS)
        or content_text[:1] in _SINGLE_OPENERS,
    )
