"""Attribution: from each reporting cue to its speaker and its content, within one sentence.

Handles the orders English news uses:
  SPEAKER CUE (that) CONTENT        He also revealed that ...
  SPEAKER CUE OBJECT that CONTENT   ... told reporters that ...
  CONTENT, SPEAKER CUE (PP)         "...," Mr Zelenskyy said at a news conference.
  CONTENT, CUE SPEAKER              "...," said a spokesman.
  ..., CUE-ing CONTENT              ..., calling it "the first step to a world war"
  according to SPEAKER, CONTENT     and CONTENT, according to SPEAKER.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction.lexicon import (
    ADDRESSEE_VERBS,
    CLAUSE_VERBS,
    DETERMINERS,
    NAMING_VERBS,
    REPORTING_FORMS,
)
from app.extraction.noun_phrases import (
    is_plausible_speaker,
    noun_phrase_after,
    noun_phrase_before,
    tokens_before,
)
from app.extraction.numbers import trie_pattern
from app.extraction.quotes import next_quote, quote_containing
from app.extraction.spans import Span

_CUE_WORD = re.compile(
    r"(?<![a-zA-Z])(?:"
    + trie_pattern(sorted({form.lower() for form in REPORTING_FORMS} | {"according"}))
    + r")(?![a-zA-Z])"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ACCORDING_TO = re.compile(r"\s+to\b")
_PARTICLE = re.compile(r"\s+(?:for|on|out|to)\b")
_PARTICLE_VERBS = frozenset("call calls called calling point points pointed pointing".split())
_HEADLINE_CUES = frozenset("Says Said Tells Warns Claims Admits Insists Denies".split())
_LOOKBACK = 160
# Words between a speaker and the cue: "has also", "had previously", "did not", "is".
_AUXILIARIES = frozenset(
    """
    has have had also later previously once again repeatedly then now publicly privately
    recently earlier would will did does do is are was were not never often long already still
    even just first reportedly further quickly flatly simply been n't
    """.split()
)
_BE_FORMS = frozenset("is are was were be been being".split())
_ADVERBIAL_OPENING = re.compile(
    r"\s*[\"“]?(?:during|in|at|on|after|before|as|when|while|since|despite|following|amid|"
    r"by|for|with|under|over|from|until|once|if|although|though|because)\b",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,40}\)[\s,]*$")
_PREPOSITION_BEFORE = re.compile(r"\s(?:from|in|at|of|with|for|on)\s+$")
_DISCOURSE_OPENING = re.compile(
    r"\s*(?:(?:but|and|yet|so|still|meanwhile|however|instead|now|then|later|earlier|also|"
    r"in\s+addition|for\s+example)\b,?\s*)+",
    re.IGNORECASE,
)
_QUOTE_OR_COLON_AHEAD = re.compile(r"[^.;!?\"“”]{0,80}?(?:,\s*(?=[\"“'])|:\s+)")
_THAT_AHEAD = re.compile(r"[^.;!?\"“”]{0,90}?\bthat\b")
_TAIL_START = re.compile(
    r"\s*(?:in|on|at|during|after|before|with|to|from|for|of|by|last|this|earlier|late|"
    r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"when|as|while|afterward|afterwards|later|then|recently|repeatedly|publicly|privately|"
    r"again|also|though|however)\b|\s*(?:,|\.|$)",
    re.IGNORECASE,
)
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:by|after|before|while|when|in))\s*$")
_PARTICIPLE_BREAK = re.compile(
    r",\s+(?:adding|saying|noting|arguing|claiming|insisting|warning|explaining|calling|"
    r"citing|according)\b"
)
_QUOTE_OPEN = "\"“‘'"
_COMMA = re.compile(r"\s*,\s*(?=\w)")
_PART_OF_WHOM = re.compile(
    r"\b(?:many|most|some|all|several|few|none|one|two|three|each|both|half)\s+of\s+whom\s*$",
    re.IGNORECASE,
)
_TRIM = " \t\n,;:"
_RESUMES_PROSE = re.compile(
    r"(?:\s+[^,.;:!?\"“”]{1,40})?,\s+(?!(?:adding|saying|noting|arguing|claiming|insisting|"
    r"warning|explaining|calling|citing|according|referring|who|which|but|and)\b)[\w“\"]"
)
_RESUMES_QUOTE = re.compile(r"^[^.;!?]*,\s*(?:but\s+|and\s+)?$")


@dataclass(frozen=True, slots=True)
class Attribution:
    content: Span
    speaker: Span | None
    cue: Span | None


def find_cues(
    text: str, sentence: Span, quotes: list[Span], lowered: str | None = None
) -> list[_Cue]:
    """Reporting cues of sentence that stand outside quotation marks.

    Candidate words are found by one case-sensitive scan of the lower-case text (lowered,
    which must keep text's offsets) for the cue lexicon as a prefix tree: a case-blind scan,
    or a look-up of every word, costs several times more on long documents.
    """
    if lowered is not None:
        words = ((m.start(), m.end()) for m in _CUE_WORD.finditer(lowered, *sentence))
    else:  # only ASCII letters matter to the lexicon: others keep their place
        part = text[sentence.start : sentence.end].translate(_ASCII_LOWER)
        words = (
            (sentence.start + m.start(), sentence.start + m.end()) for m in _CUE_WORD.finditer(part)
        )
    cues: list[_Cue] = []
    for start, stop in words:
        cue = _cue_at(text, start, stop, sentence.end)
        if cue and quote_containing(quotes, cue.start()) is None:
            cues.append(cue)
    return cues


def _cue_at(text: str, start: int, stop: int, end: int) -> _Cue | None:
    surface = text[start:stop]
    lower = surface.lower()
    if lower == "according":
        to = _ACCORDING_TO.match(text, stop, end)
        return _Cue(start, to.end(), text) if to else None
    if lower not in REPORTING_FORMS or (surface[0].isupper() and surface not in _HEADLINE_CUES):
        return None
    particle = _PARTICLE.match(text, stop, end) if lower in _PARTICLE_VERBS else None
    return _Cue(start, particle.end() if particle else stop, text)


class _Cue:
    """A reporting cue's span, with the small part of re.Match the rules use."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


def attribute_sentence(
    text: str, sentence: Span, quotes: list[Span], lowered: str | None = None
) -> list[Attribution]:
    """Every attribution whose cue lies in sentence (lowered: text.lower(), if at hand)."""
    found: list[Attribution] = []
    last_speaker: Span | None = None
    for cue in find_cues(text, sentence, quotes, lowered):
        attribution, speaker = _attribute_cue(text, sentence, quotes, cue, last_speaker)
        last_speaker = speaker or last_speaker
        if attribution is not None:
            found.append(attribution)
    return _stop_at_later_speakers(text, found)


def _stop_at_later_speakers(text: str, found: list[Attribution]) -> list[Attribution]:
    """A content ends where another attribution's speaker begins: in 'When the firm announced
    that it had a deal, Mr Barrett said, "we were floored."' the firm did not say the quote."""
    trimmed = []
    for attribution in found:
        content = attribution.content
        for other in found:
            speaker = other.speaker
            if (
                other is not attribution
                and speaker is not None
                and content.start < speaker.start < content.end
                and attribution.speaker != speaker
            ):
                content = _trim(text, content.start, speaker.start)
        trimmed.append(Attribution(content, attribution.speaker, attribution.cue))
    return [a for a in trimmed if len(text[a.content.start : a.content.end].split()) >= 2]


def _attribute_cue(
    text: str,
    sentence: Span,
    quotes: list[Span],
    cue: _Cue,
    last_speaker: Span | None,
) -> tuple[Attribution | None, Span | None]:
    cue_range = Span(cue.start(), cue.end())
    word = cue.group().split()[0].lower()
    if word == "according":
        return _according_to(text, sentence, cue_range), None
    if word.endswith("ing") and _PARTICIPLE_LEAD.search(
        text, _tail(sentence.start, cue.start()), cue.start()
    ):
        # "..., adding that ...": the speaker is the subject of the main clause.
        speaker = last_speaker or subject_of(text, sentence.start, cue.start())
        content = _content_after(text, word, cue.end(), sentence.end, quotes)
        return _make(text, content, speaker, cue_range), None
    speaker = _speaker_before(text, sentence.start, cue.start())
    if speaker is not None:
        phrase_start = _role_start(text, sentence.start, speaker)
        content = (
            _content_before(text, sentence, phrase_start, cue.end(), quotes)
            if (_follows_quote(text, sentence.start, phrase_start))
            else None
        )
        content = content or _content_after(text, word, cue.end(), sentence.end, quotes)
        content = content or _content_before(text, sentence, phrase_start, cue.end(), quotes)
        return _make(text, content, speaker, cue_range), speaker
    inverted = _speaker_after(text, sentence, cue)
    if inverted is not None:
        content = _content_before(text, sentence, cue.start(), inverted.end, quotes)
        return _make(text, content, inverted, cue_range), inverted
    return None, None


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last word before end, looking past a comma ("Smith, who")."""
    for token in tokens_before(text, start, end):
        if token.group() != ",":
            return token if token.group()[0].isalnum() else None
    return None


def _opens_with_determiner(text: str, phrase: Span) -> bool:
    first = text[phrase.start : phrase.end].split()[0].lower()
    return first in DETERMINERS


def _follows_quote(text: str, start: int, position: int) -> bool:
    """'"...," he said': the attribution comes right after a closing quotation mark."""
    return text[start:position].rstrip().rstrip(",").endswith(("”", '"', "''"))


def _tail(start: int, end: int) -> int:
    """Start of the stretch before end that end-anchored patterns need to look at."""
    return max(start, end - _LOOKBACK)


def _make(text: str, content: Span | None, speaker: Span | None, cue: Span) -> Attribution | None:
    if content is None or len(text[content.start : content.end].split()) < 2:
        return None
    return Attribution(content=content, speaker=speaker, cue=cue)


def _speaker_before(text: str, start: int, cue_start: int) -> Span | None:
    end, skipped = _skip_auxiliaries(text, start, cue_start)
    if skipped & _BE_FORMS and not text[cue_start : cue_start + 20].split()[0].endswith("ing"):
        return None  # passive "X is expected to ...": X is not speaking
    end = _before_parenthetical(text, start, end)
    last_word = _last_word(text, start, end)
    if last_word and last_word.group().lower() == "it":
        return Span(last_word.start(), last_word.end())
    if last_word and last_word.group().lower() in ("who", "and"):
        return _antecedent(text, start, last_word.start(), last_word.group().lower())
    whom = text.find("whom", _tail(start, end), end) != -1
    part_of = _PART_OF_WHOM.search(text, _tail(start, end), end) if whom else None
    if part_of:  # "the families, many of whom say ...": the families speak
        return _antecedent(text, start, part_of.start(), "who")
    phrase = noun_phrase_before(text, start, end)
    if phrase is not None and is_plausible_speaker(text, phrase):
        return phrase
    if phrase is not None and not _opens_with_determiner(text, phrase):
        return _head_before_preposition(text, start, phrase.start) or _appositive_head(
            text, start, end
        )
    if phrase is not None:
        return None  # "the totalitarian state were": the cue word is a noun here
    return _appositive_head(text, start, end)


def _skip_auxiliaries(text: str, start: int, cue_start: int) -> tuple[int, set[str]]:
    """End of the words before the auxiliaries and adverbs that precede a cue."""
    skipped: set[str] = set()
    end = cue_start
    for token in tokens_before(text, start, cue_start):
        word = token.group().lower()
        if word not in _AUXILIARIES:
            break
        skipped.add(word)
        end = token.start()
    return end, skipped


def _before_parenthetical(text: str, start: int, end: int) -> int:
    """End of the text before a trailing '(R-Ga.)' or '(pictured)'."""
    match = _PARENTHETICAL.search(text, _tail(start, end), end)
    return match.start() if match else end


def _antecedent(text: str, start: int, word_start: int, word: str) -> Span | None:
    # "an architect who said ..." names the architect; "X ... and said" names the subject.
    if word == "and":
        return subject_of(text, start, word_start)
    end = _before_parenthetical(text, start, text[:word_start].rstrip(" ,").__len__())
    phrase = noun_phrase_before(text, start, end)
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


def subject_of(text: str, start: int, end: int) -> Span | None:
    """The noun phrase opening a sentence, after discourse words ('But', 'Meanwhile,')."""
    opening = _DISCOURSE_OPENING.match(text, start, end)
    begin = opening.end() if opening else start
    phrase = noun_phrase_after(text, begin, end)
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


def _head_before_preposition(text: str, start: int, phrase_start: int) -> Span | None:
    # "officials from both parties say": the speaker is the noun before the preposition.
    match = _PREPOSITION_BEFORE.search(text, _tail(start, phrase_start), phrase_start)
    if not match:
        return None
    phrase = noun_phrase_before(text, start, match.start())
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


def _appositive_head(text: str, start: int, end: int) -> Span | None:
    # "David Kamin, an adviser to the campaign, said": the name stands before the appositive.
    before = text[start:end].rstrip()
    if not before.endswith(","):
        return None
    inner_end = start + len(before) - 1
    comma = text.rfind(",", start, inner_end)
    if comma == -1 or inner_end - comma > 200:
        return None
    name_end = _before_parenthetical(text, start, comma)
    phrase = noun_phrase_before(text, start, name_end)
    if phrase is not None and (phrase.end != name_end or not is_plausible_speaker(text, phrase)):
        phrase = None
    # "A lawyer for the outlets, David Schulz, said", "the minister, Elena Petrova, said":
    # the appositive is the name, and a name says more than the role before it.
    appositive = noun_phrase_before(text, comma + 1, _before_parenthetical(text, start, inner_end))
    names_speaker = (
        appositive is not None
        and text[appositive.start].isupper()
        and is_plausible_speaker(text, appositive)
        and not text[comma + 1 : appositive.start].strip()
    )
    if names_speaker and (phrase is None or not _ends_in_name(text, phrase)):
        return appositive
    return phrase


def _role_start(text: str, start: int, speaker: Span) -> int:
    """Start of the speaker's phrase: before 'the minister, ' when the speaker is its
    appositive name, so that the role is not read as part of what was said."""
    before = text[start : speaker.start].rstrip()
    if not before.endswith(","):
        return speaker.start
    role = noun_phrase_before(text, start, start + len(before) - 1)
    if role is not None and not is_plausible_speaker(text, role):
        role = _head_before_preposition(text, start, role.start)  # "a lawyer for the firm, X"
    if role is None or _ends_in_name(text, role) or not _opens_with_determiner(text, role):
        return speaker.start
    return role.start


def _ends_in_name(text: str, phrase: Span) -> bool:
    return text[phrase.start : phrase.end].split()[-1][0].isupper()


def _speaker_after(text: str, sentence: Span, cue: _Cue) -> Span | None:
    before = text[sentence.start : cue.start()].rstrip()
    if not before.endswith((",", "”", '"', "’", "'")):
        return None
    start = cue.end()
    while start < sentence.end and text[start].isspace():
        start += 1
    phrase = noun_phrase_after(text, start, sentence.end)
    if phrase is not None and is_plausible_speaker(text, phrase):
        return phrase
    return None


def _content_after(text: str, word: str, start: int, end: int, quotes: list[Span]) -> Span | None:
    end = _cut_at_participle(text, start, end)
    rest = text[start:end]
    stripped = rest.lstrip(" ,")
    if not stripped.strip(" .;"):
        return None
    if stripped.startswith(":") or stripped[0] in _QUOTE_OPEN:
        return _trim(text, start + (len(rest) - len(stripped)), _quote_end(end, quotes))
    if word in CLAUSE_VERBS and not _TAIL_START.match(text, start, end):
        return _trim(text, start, _quote_end(end, quotes))  # "said (that) the plan ..."
    that = _THAT_AHEAD.match(text, start, end)
    if that:  # "said on Tuesday that ...", "told reporters that ..."
        return _trim(text, that.end() - 4, _quote_end(end, quotes))
    quote_or_colon = _QUOTE_OR_COLON_AHEAD.match(text, start, end)
    if quote_or_colon:  # "says of Clinton, “If she ...”", "said in a statement: ..."
        return _trim(text, quote_or_colon.end(), _quote_end(end, quotes))
    if word in NAMING_VERBS or text[start - 4 : start] in (" for", "r on"):
        return _trim(text, start, end)
    if word in ADDRESSEE_VERBS:
        return _after_addressee(text, start, end)
    if not _TAIL_START.match(text, start, end):
        return _trim(text, start, end)  # "cited the report", "questioned the plan"
    return None


def _after_addressee(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    addressee = noun_phrase_after(text, start, end)
    if addressee is None:
        return None
    rest = text[addressee.end : end]
    stripped = rest.lstrip(" ,")
    if not stripped.strip(" .;"):
        return None
    if stripped.startswith(("to ", ":")) or stripped[0] in _QUOTE_OPEN:
        return _trim(text, addressee.end + len(rest) - len(stripped), end)
    ahead = _QUOTE_OR_COLON_AHEAD.match(text, addressee.end, end)
    if ahead:
        return _trim(text, ahead.end(), end)
    if not _TAIL_START.match(text, addressee.end, end) and len(stripped.split()) >= 3:
        return _trim(text, addressee.end, end)  # "told the forum he was against the war"
    return None


def _content_before(
    text: str,
    sentence: Span,
    attribution_start: int,
    attribution_end: int,
    quotes: list[Span],
) -> Span | None:
    before = text[sentence.start : attribution_start].rstrip()
    if not before.endswith((",", "”", '"', "’", "'", ":")) or len(before.split()) < 3:
        return None
    if before.endswith(",") and _is_opening_adverbial(text, sentence.start, before):
        # "In 1995, at age seventeen, she told ...": scene-setting, not speech; but in
        # "During his term, Mr Obama said, a majority came to agree" the speech follows.
        resumed = _COMMA.match(text, attribution_end, sentence.end)
        return _trim(text, resumed.end(), sentence.end) if resumed else None
    content_end = sentence.start + len(before)
    continuation = _quote_continuing_after(text, attribution_end, sentence.end, quotes)
    if (
        continuation is None
        and _RESUMES_PROSE.match(text, attribution_end, sentence.end)
        and (not any(mark in before for mark in '"“”'))
    ):
        continuation = sentence.end  # "He has a plan, he said, for the industry.": both parts
    return _trim(text, sentence.start, continuation or content_end)


def _is_opening_adverbial(text: str, start: int, before: str) -> bool:
    return (
        bool(_ADVERBIAL_OPENING.match(text, start))
        and not any(mark in before for mark in '"“”')
        and before.count(",") <= 2
        and len(before) < 90
    )


def _quote_continuing_after(text: str, position: int, end: int, quotes: list[Span]) -> int | None:
    """End of a quote resumed after the attribution: '"A," he said, "B."' or
    '"A," he said, referring to X, "B."'."""
    quote = next_quote(quotes, position)
    if quote is None or quote.start >= end:
        return None
    between = text[position : quote.start]
    if len(between) <= 120 and _RESUMES_QUOTE.search(between):
        return quote.end
    return None


def _according_to(text: str, sentence: Span, cue: Span) -> Attribution | None:
    start = cue.end
    while start < sentence.end and text[start].isspace():
        start += 1
    speaker = noun_phrase_after(text, start, sentence.end)
    if speaker is None:
        return None
    content: Span | None
    if text[sentence.start : cue.start].strip():
        content = _trim(text, sentence.start, cue.start)
    else:
        after = text.find(",", speaker.end, sentence.end)
        content = _trim(text, after + 1, sentence.end) if after != -1 else None
    return _make(text, content, speaker, cue)


def _cut_at_participle(text: str, start: int, end: int) -> int:
    match = _PARTICIPLE_BREAK.search(text, start, end)
    return match.start() if match else end


def _quote_end(end: int, quotes: list[Span]) -> int:
    around = quote_containing(quotes, end)
    return around.end if around else end


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        end -= 1
    return Span(start, end)
