"""Statements: direct quotes, mixed quotes and reported speech, with speaker and cue."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.extraction.lexicon import ADDRESSEE_VERBS, REPORTING_FORMS
from app.extraction.quotes import quote_ranges
from app.extraction.sentences import sentence_ranges
from app.extraction.speakers import SPEAKER, SpeakerResolver, is_plausible_speaker
from app.extraction.types import ProposedStatement
from app.models import TextRange

_CUE = r"(?:" + "|".join(sorted(REPORTING_FORMS, key=len, reverse=True)) + r")\b"
_ADVERBS = (
    r"(?:(?:also|then|later|previously|has|have|had|once|again|repeatedly|publicly|"
    r"privately|reportedly|recently|earlier|would|will)\s+)*"
)
_AFTER_QUOTE = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?P<sp>{SPEAKER})\s+{_ADVERBS}(?P<cue>{_CUE})"
    rf"|(?P<cue2>{_CUE})\s+(?P<sp2>{SPEAKER}))"
)
_BEFORE_QUOTE = re.compile(
    rf"(?<![\w’'])(?P<sp>{SPEAKER})\s+{_ADVERBS}(?P<cue>{_CUE})(?![^\"“”]*\bthat\b)"
    r"[^\"“”.!?]{0,80}?[:,]?\s*$"
)
_SPEAKER_CUE = re.compile(rf"(?<![\w’'])(?P<sp>{SPEAKER})\s+{_ADVERBS}(?P<cue>{_CUE})")
_ANY_CUE = re.compile(rf"\b{_CUE}")
_REPORTED = re.compile(
    rf"(?:[^,\"“”]{{0,60}},\s+)?(?P<sp>{SPEAKER})\s+{_ADVERBS}(?P<cue>{_CUE})"
    r"(?P<gap>[^,.;\"“”]{0,60}?)\s+(?P<content>that\s.+)$",
    re.DOTALL,
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<sp>{SPEAKER})")
_TRAILING_PUNCT = ".;:!?,"


@dataclass(frozen=True, slots=True)
class _Candidate:
    content: TextRange
    speaker: TextRange | None
    cue: TextRange | None
    direct: bool
    inherits_speaker: bool = False
    mixed: bool = False


def find_statements(text: str, paragraphs: list[TextRange]) -> list[ProposedStatement]:
    """Every statement in the given paragraphs (boilerplate already left out)."""
    candidates: list[_Candidate] = []
    for paragraph in paragraphs:
        candidates.extend(_paragraph_candidates(text, paragraph))
    candidates.sort(key=lambda c: c.content.start)
    return _resolve(text, candidates)


def _paragraph_candidates(text: str, paragraph: TextRange) -> list[_Candidate]:
    # Quotes attributed right beside them win; reported speech comes next and absorbs the
    # quoted fragments it holds ('revealed that "tactical personnel" ...').
    quoted = _quoted_candidates(text, paragraph)
    attributed = [c for c in quoted if not c.mixed]
    reported = _reported_candidates(text, paragraph, attributed)
    mixed = [c for c in quoted if c.mixed and not _covered(c, reported)]
    return attributed + reported + mixed


def _covered(candidate: _Candidate, others: list[_Candidate]) -> bool:
    return any(
        o.content.start <= candidate.content.start and candidate.content.end <= o.content.end
        for o in others
    )


def _quoted_candidates(text: str, paragraph: TextRange) -> list[_Candidate]:
    found: list[_Candidate] = []
    quotes = quote_ranges(text, paragraph.start, paragraph.end)
    for index, quote in enumerate(quotes):
        candidate = _attribute_quote(text, paragraph, quote)
        if candidate is None and index == 0 and quote.start == paragraph.start:
            candidate = _Candidate(quote, None, None, True, inherits_speaker=True)
        if candidate is not None:
            found.append(candidate)
    return found


def _attribute_quote(text: str, paragraph: TextRange, quote: TextRange) -> _Candidate | None:
    after = _AFTER_QUOTE.match(text, quote.end, paragraph.end)
    if after and is_plausible_speaker(after.group("sp") or after.group("sp2")):
        content = TextRange(start=_clause_start(text, paragraph, quote), end=quote.end)
        return _Candidate(content, _group(after, "sp", "sp2"), _group(after, "cue", "cue2"), True)
    window_start = max(paragraph.start, quote.start - 200)
    before = _BEFORE_QUOTE.search(text, window_start, quote.start)
    if before and is_plausible_speaker(before.group("sp")):
        return _Candidate(quote, _group(before, "sp"), _group(before, "cue"), True)
    return _mixed_quote(text, paragraph, quote)


def _mixed_quote(text: str, paragraph: TextRange, quote: TextRange) -> _Candidate | None:
    # Reported speech holding a quoted fragment: 'X warned ..., calling it "..."'.
    sentence_start = _clause_start(text, paragraph, quote)
    cues = list(_ANY_CUE.finditer(text, sentence_start, quote.start))
    subject = _SPEAKER_CUE.search(text, sentence_start, quote.start)
    if not cues or subject is None or not is_plausible_speaker(subject.group("sp")):
        return None
    cue = cues[-1]
    cue_range = TextRange(start=cue.start(), end=cue.end())
    return _Candidate(quote, _group(subject, "sp"), cue_range, True, mixed=True)


def _clause_start(text: str, paragraph: TextRange, quote: TextRange) -> int:
    """Start of the sentence holding quote, or the quote itself when it opens the sentence."""
    start = paragraph.start
    for sentence in sentence_ranges(text, paragraph.start, quote.start):
        start = sentence.start
    prefix = text[start : quote.start]
    if not prefix.strip() or any(mark in prefix for mark in '"“”'):
        return quote.start
    return start


def _reported_candidates(
    text: str, paragraph: TextRange, quoted: list[_Candidate]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for sentence in sentence_ranges(text, paragraph.start, paragraph.end):
        if any(c.content.overlaps(sentence.start, sentence.end) for c in quoted):
            continue
        candidate = _reported_speech(text, sentence) or _according_to(text, sentence)
        if candidate is not None:
            found.append(candidate)
    return found


def _reported_speech(text: str, sentence: TextRange) -> _Candidate | None:
    match = _REPORTED.match(text, sentence.start, sentence.end)
    if not match or not is_plausible_speaker(match.group("sp")):
        return None
    cue = match.group("cue")
    if cue in ADDRESSEE_VERBS and not match.group("gap").strip():
        return None
    content = _trim(text, match.start("content"), sentence.end)
    direct = _has_long_quote(text[content.start : content.end])
    return _Candidate(content, _group(match, "sp"), _group(match, "cue"), direct)


def _according_to(text: str, sentence: TextRange) -> _Candidate | None:
    match = _ACCORDING.search(text, sentence.start, sentence.end)
    if not match or not is_plausible_speaker(match.group("sp")):
        return None
    if match.start() - sentence.start > 3:
        content = _trim(text, sentence.start, match.start())
    else:
        content = _trim(text, match.end(), sentence.end)
    content = _trim(text, content.start + _leading_comma(text, content), content.end)
    if content.end - content.start < 10:
        return None
    return _Candidate(content, _group(match, "sp"), None, False)


def _leading_comma(text: str, content: TextRange) -> int:
    return 1 if text[content.start : content.start + 1] == "," else 0


def _has_long_quote(content: str) -> bool:
    fragments = re.findall(r"[\"“]([^\"”]+)[\"”]", content)
    return any(len(fragment.split()) >= 4 for fragment in fragments)


def _trim(text: str, start: int, end: int) -> TextRange:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_PUNCT):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return TextRange(start=start, end=end)


def _group(match: re.Match[str], *names: str) -> TextRange | None:
    for name in names:
        if match.group(name):
            return TextRange(start=match.start(name), end=match.end(name))
    return None


def _resolve(text: str, candidates: list[_Candidate]) -> list[ProposedStatement]:
    resolver = SpeakerResolver(text)
    statements: list[ProposedStatement] = []
    for candidate in candidates:
        statement = _to_statement(text, candidate, resolver)
        if candidate.inherits_speaker:
            if not statements:
                continue
            statement = replace(statement, speaker=statements[-1].speaker)
        statements.append(statement)
    return statements


def _to_statement(text: str, candidate: _Candidate, resolver: SpeakerResolver) -> ProposedStatement:
    content, speaker, cue = candidate.content, candidate.speaker, candidate.cue
    mention = text[speaker.start : speaker.end] if speaker else None
    return ProposedStatement(
        start=content.start,
        end=content.end,
        text=text[content.start : content.end],
        speaker=resolver.resolve(mention, speaker.start) if mention and speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue=text[cue.start : cue.end] if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        direct=candidate.direct,
    )
