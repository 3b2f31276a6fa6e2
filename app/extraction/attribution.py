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
from bisect import bisect_right
from dataclasses import dataclass

from app.extraction.lexicon import (
    ADDRESSEE_VERBS,
    CLAUSE_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    NAMING_VERBS,
    NP_BREAKERS,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    TIME_WORDS,
)
from app.extraction.noun_phrases import (
    is_plausible_speaker,
    noun_phrase_after,
    noun_phrase_before,
    tokens_before,
)
from app.extraction.numbers import trie_pattern
from app.extraction.quotes import next_quote, quote_containing, quote_starting_at
from app.extraction.spans import Span, contains_any

# Letter classes are Unicode (\w): a cue next to a letter of any script is part of a word.
_CUE_WORD = re.compile(
    r"(?<![^\W\d_])(?:"
    + trie_pattern(sorted({form.lower() for form in SPEECH_FORMS} | {"according", "per"}))
    + r")(?![^\W\d_])"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ACCORDING_TO = re.compile(r"\s+to\b")
_PARTICLE = re.compile(r"\s+(?:for|on|out|to|with)\b")
_PARTICLE_VERBS = frozenset(
    "call calls called calling point points pointed pointing plead pleads pleaded pled "
    "pleading rule rules ruled".split()
)
# "ruled out foul play", "the court ruled on Monday that ...": 'rule' reports only so.
_RULE_FORMS = frozenset("rule rules ruled".split())
_RULED_THAT = re.compile(r"[^.;!?\"“”]{0,60}?\bthat\b")
# "state(s)" is a verb only before what is stated: "key states like Ohio" is a noun.
_STATE_FORMS = frozenset(("state", "states"))
_STATED_AHEAD = re.compile(r"\s*+(?:that\b|:|,?\s*+[\"“])")  # possessive: no re-reading of spaces
# "added 20.72 points", "adds to the pressure": 'add' before an amount or 'to' is not speech.
_ADD_FORMS = frozenset("add adds added adding".split())
_ADDED_AMOUNT = re.compile(r"\s+(?:[$€£¥+−-]?\d|(?:to|up)\b|(?:a|an|another)\s+(?:further\s+)?\d)")
# "per the WHO" names a source; "per cent", "per share" do not (see _per_source).
_PER_LEAD = re.compile(r"(?:^|[,(—–-])\s*$")
_HEADLINE_CUES = frozenset("Says Said Tells Warns Claims Admits Insists Denies".split())
_LOOKBACK = 160
# Words between a speaker and the cue: "has also", "had previously", "did not", "is".
_AUXILIARIES = frozenset(
    """
    has have had also later previously once again repeatedly then now publicly privately
    recently earlier would will did does do is are was were not never often long already still
    even just first reportedly further quickly flatly simply been n't
    isn't isn’t wasn't wasn’t aren't aren’t weren't weren’t hasn't hasn’t haven't haven’t
    hadn't hadn’t didn't didn’t doesn't doesn’t don't don’t won't won’t wouldn't wouldn’t
    often always usually sometimes generally frequently all both each
    """.split()
)
# Nouns that end in -ly, which the adverb rule below must not skip ("the family said").
_LY_NOUNS = frozenset(
    "family ally assembly rally supply monopoly anomaly bully daily weekly monthly quarterly "
    "fly belly jelly lily holly july italy".split()
)
_CONTRACTED_IS = ("’s", "'s")
_TIME_LEADS = frozenset("on this last next late early earlier".split())
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
_QUOTE_OPEN = "\"“‘'‟”"
_QUOTE_MARKS = '"“”‟«»„'
# Verbs of asking, whose content may be an indirect question: "asked whether it was safe".
_ASKING_VERBS = frozenset("ask asks asked asking question questions questioned questioning".split())
_WH_CLAUSE = re.compile(r"\s*(?:how|why|whether|if|what|when|where|who|which)\s+\w", re.IGNORECASE)
# Verbs whose content may be a noun phrase after "to": "confessed to the theft".
_NOUN_CONTENT_VERBS = frozenset(
    "confess confesses confessed confessing admit admits admitted admitting".split()
)
# "urged Vietnam and others in the region to push back": the to-clause after a longer object.
_DIRECTIVE_TO = re.compile(r"[^.;:!?,\"“”]{0,60}?\s(?:to)\s+(?!the\b|a\b|an\b|this\b)(?=[a-z])")
_OBJECT_PRONOUN = re.compile(r"(?:me|us|him|her|them|you|it)\b", re.IGNORECASE)
_CLAUSE_ONLY_VERBS = frozenset(
    form
    for verb in ("announce", "unveil", "post", "maintain", "continue", "release", "publish")
    for form in (verb, verb + "s", verb + "d", verb + "ed", verb.rstrip("e") + "ing")
)
# A clause after the cue: a subject pronoun or determiner and then a verb-like word is enough
# to tell "announced it would close" from "announced the exchange".
_CLAUSE_LIKE = re.compile(
    r"(?:it|he|she|they|we|i|there)\s+(?:\w+\s+)?(?:would|will|had|has|have|was|were|is|are|"
    r"could|can|should|might|may|plans?|planned|did|does|do)\b",
    re.IGNORECASE,
)
# Commissive speech acts: what is promised or threatened follows as "to ...".
_COMMISSIVE_VERBS = frozenset(
    form
    for verb in ("vow", "pledge", "promise", "threaten", "swear")
    for form in (verb, verb + "s", verb + "ed", verb + "d", verb + "ing", verb[:-1] + "ing")
) | frozenset(("swore", "sworn"))
_TO_CONTENT = re.compile(r"\s+to\s+(?=\w)")
# Agreeing and offering commit to an act only before a verb: "agreed to pay", "offered to
# resign"; "agreed to a ceasefire", "agreed to the terms" name what was accepted.
_AGREEING_VERBS = frozenset("agree agrees agreed agreeing offer offers offered offering".split())
_TO_VERB = re.compile(
    r"\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|"
    r"all|no|each|every|such|more|most|terms|talks|demands|it|them|him|us|me)\b)(?=[a-z]+\b)"
)
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
# The verb phrase that resumes an interrupted clause: ", is the threat", ", will not pass".
_RESUMES_CLAUSE = re.compile(
    r"(?:\s+[^,.;:!?\"“”]{1,50})?,\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|"
    r"do|did|remains?|remained)\b"
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
    if lower == "per":
        return _Cue(start, stop, text) if _PER_LEAD.search(text, max(0, start - 3), start) else None
    if lower not in SPEECH_FORMS or (surface[0].isupper() and surface not in _HEADLINE_CUES):
        return None
    if _after_determiner(text, start):
        return None  # "the support", "an offer", "her answer": a noun, never a verb
    if lower in _STATE_FORMS and not _STATED_AHEAD.match(text, stop, end):
        return None
    if lower in _ADD_FORMS and _ADDED_AMOUNT.match(text, stop, end):
        return None
    particle = _PARTICLE.match(text, stop, end) if lower in _PARTICLE_VERBS else None
    if lower in _RULE_FORMS:
        if particle and particle.group().split()[-1] == "out":
            return _Cue(start, particle.end(), text)
        return _Cue(start, stop, text) if _RULED_THAT.match(text, stop, end) else None
    if particle and lower.startswith("plead") and not particle.group().endswith("with"):
        particle = None  # "pleaded guilty to", "pleaded for calm": the cue is the verb
    return _Cue(start, particle.end() if particle else stop, text)


_NOUN_DETERMINERS = frozenset(
    "the a an his her its their our my your these those every each no another whose".split()
)
_POSSESSIVE = ("’s", "'s", "s’", "s'")
# After these a cue word is a noun ("of support", "for comment"), unless it ends in -ing.
_NOUN_PREPOSITIONS = frozenset(
    "of for in on with from about into under without against between among".split()
)


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and end - start < 24 and text[end].isalpha():
        end += 1
    return end


_CONTRACTING = frozenset(("he", "she", "it", "who", "that", "there", "what", "where"))


def _after_determiner(text: str, start: int) -> bool:
    """Whether the word before start is a determiner or a possessive ('the firm's')."""
    if start == 0 or text[start - 1] != " ":
        return False
    words = text[max(0, start - 16) : start].split()
    if not words:
        return False
    previous = words[-1].lower()
    if previous in _NOUN_DETERMINERS:
        return True
    if previous in _NOUN_PREPOSITIONS:
        return not text.startswith("ing", _word_end(text, start) - 3)  # "by saying" is a verb
    if previous.endswith(_POSSESSIVE) and previous[:-2] not in _CONTRACTING:
        return previous[:-2].isalpha() or previous.endswith(("s’", "s'"))
    return False


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


_LEAD_IN_TAIL = 40  # "added:", "said in a statement on Monday:"


def lead_in_attribution(
    text: str, sentence: Span, quotes: list[Span], lowered: str | None = None
) -> tuple[Span, Span] | None:
    """(speaker, cue) of a sentence that ends in a colon and introduces what the next
    paragraph says: 'In a statement, the ministry said:' or 'Roe added:'."""
    end = _stripped_end(text, sentence.start, sentence.end)
    if end == sentence.start or text[end - 1] != ":":
        return None
    window = Span(max(sentence.start, end - _LEAD_IN_TAIL - 20), end)
    cues = [c for c in find_cues(text, window, quotes, lowered) if end - c.end() <= _LEAD_IN_TAIL]
    if not cues:
        return None
    cue = cues[-1]
    between = text[cue.end() : end - 1]
    if any(mark in between for mark in ',;"“”') or cue.group().split()[0].lower() in (
        "according",
        "per",
    ):
        return None
    speaker = _speaker_before(text, sentence.start, cue.start())
    if speaker is None or not _speaker_in_one_sentence(text, speaker):
        return None
    return speaker, Span(cue.start(), cue.end())


def _stop_at_later_speakers(text: str, found: list[Attribution]) -> list[Attribution]:
    """A content ends where another attribution's speaker begins: in 'When the firm announced
    that it had a deal, Mr Barrett said, "we were floored."' the firm did not say the quote.
    Nor does it hold the cue of an attribution that encloses it: in 'A said B, said C' what
    A said is B. Marks are looked up by bisection, a few at a time, so that a sentence with
    thousands of cues stays linear."""
    marks = sorted(
        [(a.speaker.start, index, True) for index, a in enumerate(found) if a.speaker]
        + [(a.cue.start, index, False) for index, a in enumerate(found) if a.cue]
    )
    positions = [mark[0] for mark in marks]
    trimmed = []
    for index, attribution in enumerate(found):
        content = attribution.content
        at = bisect_right(positions, content.start)
        for position, other_index, is_speaker in marks[at : at + _MAX_MARKS_READ]:
            if position >= content.end:
                break
            other = found[other_index]
            if other_index == index:
                continue
            if (is_speaker and attribution.speaker != other.speaker) or (
                not is_speaker and other.content.start < content.start
            ):
                content = _trim(text, content.start, position)
                break
        trimmed.append(Attribution(content, attribution.speaker, attribution.cue))
    return [a for a in trimmed if _enough_words(text, a.content)]


_MAX_MARKS_READ = 16


def _enough_words(text: str, content: Span) -> bool:
    """Two words at least; a quotation may be shorter ('"War goes on," she said')."""
    words = text[content.start : min(content.end, content.start + 200)].split(maxsplit=2)
    return len(words) >= 2 or (bool(words) and text[content.start] in _QUOTE_MARKS)


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
    if word == "per":
        return _per_source(text, sentence, cue_range), None
    if word in EVIDENCE_VERBS and not _speech_of_evidence_verb(text, sentence.start, cue):
        return None, None
    if word.endswith("ing") and (
        _PARTICIPLE_LEAD.search(text, _tail(sentence.start, cue.start()), cue.start())
        or _PLACE_OF_POSTING.search(text, _tail(sentence.start, cue.start()), cue.start())
    ):
        # "..., adding that ...", "posted on Twitter accusing ...": the speaker is the
        # subject of the clause the participle hangs from.
        speaker = (
            last_speaker
            or _subject_of_subordinate(text, sentence.start, cue.start())
            or subject_of(text, sentence.start, cue.start())
        )
        content = _content_after(text, word, cue.end(), sentence.end, quotes)
        return _make(text, content, speaker, cue_range), None
    if word in _PASSIVE_BY_VERBS:
        passive = _passive_with_agent(text, sentence, cue)
        if passive is not None:
            return passive, None
    speaker = _speaker_before(text, sentence.start, cue.start()) or _informed_source(
        text, sentence.start, cue.start()
    )
    if speaker is not None and not _speaker_in_one_sentence(text, speaker):
        speaker = None  # "..., of 1119 Elm St., said Lt. Ann Roe": the name comes after
    if speaker is not None:
        speaker = _with_first_name(text, sentence.start, speaker)
        speaker = _with_head_before_preposition(text, sentence.start, speaker)
        phrase_start = (
            speaker.start  # "These workers, Roe said, were paid": no appositive role
            if _RESUMES_CLAUSE.match(text, cue.end(), sentence.end)
            else _role_start(text, sentence.start, speaker)
        )
        content = (
            _content_before(text, sentence, phrase_start, cue.end(), quotes)
            if (_follows_quote(text, sentence.start, phrase_start))
            else _as_parenthetical(text, sentence, phrase_start, cue.end())
        )
        content = content or _content_after(text, word, cue.end(), sentence.end, quotes)
        content = content or _content_before(text, sentence, phrase_start, cue.end(), quotes)
        if content is not None and _RELATIVE_WHO_BEFORE.search(
            text, _tail(sentence.start, cue.start()), cue.start()
        ):
            content = _end_of_relative(text, content, quotes)
        return _make(text, content, speaker, cue_range), speaker
    inverted = _speaker_after(text, sentence, cue)
    if inverted is not None:
        content = _content_before(text, sentence, cue.start(), inverted.end, quotes)
        return _make(text, content, inverted, cue_range), inverted
    return None, None


# ", who said ...", ", who has repeatedly warned ...": a relative clause set off by commas.
_RELATIVE_WHO_BEFORE = re.compile(r",\s+who\s+(?:[a-z]+\s+){0,2}$")
_CLAUSE_COMMA = re.compile(r",\s")


def _end_of_relative(text: str, content: Span, quotes: list[Span]) -> Span:
    """'A builder, who said he was never paid, sued the firm': the relative clause ends at
    its closing comma, and what follows belongs to the main clause."""
    if text[content.start] in _QUOTE_OPEN:
        return content
    comma = _CLAUSE_COMMA.search(text, content.start, content.end)
    if comma is None or quote_containing(quotes, comma.start()) is not None:
        return content
    return _trim(text, content.start, comma.start())


# Speech acts whose passive names the speaker after "by": "the plan was criticised by the
# union", "the story was first reported by the Post". Not "told/asked by" (the subject is
# then the addressee), nor "found/shown/backed/supported by" (evidence, money, structure).
_PASSIVE_BY_VERBS = frozenset(
    """endorsed reported criticized criticised praised rejected dismissed confirmed announced
    proposed recommended questioned disputed condemned denounced hailed lauded mocked
    ridiculed denied""".split()
)
_BY_AGENT = re.compile(r"\s+by\s+")


def _passive_with_agent(text: str, sentence: Span, cue: _Cue) -> Attribution | None:
    """'The plan has been endorsed by the union': the union speaks, about the subject."""
    by = _BY_AGENT.match(text, cue.end(), sentence.end)
    if by is None:
        return None
    aux_end, skipped = _skip_auxiliaries(text, sentence.start, cue.start())
    if not skipped & _BE_FORMS or aux_end - sentence.start > _LOOKBACK:
        return None
    speaker = _source_after(text, by.end(), sentence.end)
    if speaker is None:
        return None
    content = _trim(text, sentence.start, aux_end)
    return _make(text, content, speaker, Span(cue.start(), cue.end()))


_AS_CLAUSE = re.compile(r"\s*[Aa]s\s+(?:[\w’']+\s+){0,3}")
_END_MARKS = re.compile(r"[ .!]*+")  # "Prices rose, as she said." ends after the cue
_COMMENT_END = re.compile(r"(?:\s+[^,.;:!?\"“”]{1,50})?,\s*(?=\w)")


def _as_parenthetical(text: str, sentence: Span, phrase_start: int, cue_end: int) -> Span | None:
    """'As the minister noted, prices rose' and 'Prices, as she pointed out, rose': the
    attribution is a comment clause, and the sentence around it is what was said."""
    comma = text.rfind(",", max(sentence.start, phrase_start - 60), phrase_start)
    opening = comma == -1
    begin = sentence.start if opening else comma + 1
    clause = _AS_CLAUSE.match(text, begin, phrase_start)
    if clause is None or clause.end() != phrase_start:
        return None
    after = _COMMENT_END.match(text, cue_end, sentence.end)
    if after is None:
        if not opening and _run_end(_END_MARKS, text, cue_end, sentence.end) == sentence.end:
            return _trim(text, sentence.start, comma)  # "Prices rose, as she said."
        return None
    if opening:
        return _trim(text, after.end(), sentence.end)
    return _trim(text, sentence.start, sentence.end)


def _object_is_not_content(text: str, word: str, content: Span) -> bool:
    """'announced the exchange', 'posted a video', 'maintains an office', 'the story
    continues below': these verbs report speech only with a clause or a quotation."""
    if word in _AGREEING_VERBS and word.startswith("offer"):
        return not text.startswith("to ", content.start)  # "offered discounts": no speech
    if word not in _CLAUSE_ONLY_VERBS:
        return False
    opening = text[content.start : content.start + 6].lower()
    if opening.startswith("that ") or _CLAUSE_LIKE.match(text, content.start):
        return False
    # Looked up in an index of the marks: a scan of each content would cost a sentence of
    # thousands of cues a pass over itself per cue.
    return not contains_any(text, _QUOTE_MARKS, content.start, content.end)


def _only_scene_setting(text: str, content: Span) -> bool:
    """'Then, last week, she posted ...': the words before the cue only set the time."""
    if content.end - content.start > 60:
        return False
    words = [w.strip(",.;:").lower() for w in text[content.start : content.end].split()]
    return all(w in _SCENE_WORDS or w in TIME_WORDS for w in words)


def _speaker_in_one_sentence(text: str, speaker: Span) -> bool:
    """'Donald Trump. Shortly' is two sentences; 'Lt. Matt Harris' and 'U.S.' are one; an
    address ('1119 Eighth St.') or an amount never speaks."""
    phrase = text[speaker.start : speaker.end]
    if phrase[:1].isdigit():
        # "10 voters", "63 percent" speak; "1119 Elm St." or an amount does not
        head = phrase.split()[-1].lower()
        return head in SPEAKER_NOUNS and (head.endswith("s") or head == "percent")
    if speaker.start > 0 and text[speaker.start - 1] in ".^$" and phrase.isupper():
        return False  # a ticker: ".IXIC", "^GSPC"
    if _HEADING_RUN.search(phrase):
        return False  # "NISSAN SENTRA Nissan is ...": a heading or caption ran into the text
    for word in phrase.split()[:-1]:
        bare = word.rstrip(".")
        if word.endswith(".") and len(bare) >= 4 and bare.isalpha() and not bare.isupper():
            return False
    return True


def _speech_of_evidence_verb(text: str, start: int, cue: _Cue) -> bool:
    """'The report shows', 'officials revealed': speech; 'the video shows', 'data revealed',
    'macroeconomic data pointing to': evidence, nobody speaking. 'show' reports only the
    contents of a document ('TV shows' is a noun)."""
    end, _ = _skip_auxiliaries(text, start, cue.start())
    subject = noun_phrase_before(text, start, end)
    head = text[subject.start : subject.end].split()[-1].lower() if subject else ""
    head = head.strip(".,’'")
    if head in EVIDENCE_NOUNS:
        return False
    if cue.group().split()[0].lower().startswith("show"):
        return head in DOCUMENT_NOUNS
    return True


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
    end = _stripped_end(text, start, position)
    while end > start and text[end - 1] == ",":
        end -= 1
    return text[max(start, end - 2) : end].endswith(("”", '"', "''", "’’", "‟"))


def _stripped_end(text: str, start: int, end: int) -> int:
    """end moved back over whitespace, without copying text[start:end]."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _tail(start: int, end: int) -> int:
    """Start of the stretch before end that end-anchored patterns need to look at."""
    return max(start, end - _LOOKBACK)


def _make(text: str, content: Span | None, speaker: Span | None, cue: Span) -> Attribution | None:
    if content is None or not _enough_words(text, content):
        return None
    word = text[cue.start : cue.end].split()[0].lower()
    if _object_is_not_content(text, word, content) or _only_scene_setting(text, content):
        return None
    if speaker is not None and not _speaker_in_one_sentence(text, speaker):
        speaker = None
    return Attribution(content=content, speaker=speaker, cue=cue)


def _speaker_before(text: str, start: int, cue_start: int) -> Span | None:
    end, skipped = _skip_auxiliaries(text, start, cue_start)
    if skipped & _BE_FORMS and not text[cue_start : cue_start + 20].split()[0].endswith("ing"):
        return None  # passive "X is expected to ...": X is not speaking
    end = _before_parenthetical(text, start, end)
    last_word = _last_word(text, start, end)
    if last_word and last_word.group().lower() == "it":
        return Span(last_word.start(), last_word.end())
    if last_word and last_word.group().isupper() and last_word.group().lower() in NP_BREAKERS:
        # "the US welcomed", "the WHO said": an acronym that spells a function word
        at = last_word.start()
        the = at - 4 if at - 4 >= start and text[at - 4 : at].lower() == "the " else at
        return Span(the, last_word.end())
    if last_word and last_word.group().lower() in ("who", "and", "but"):
        return _antecedent(text, start, last_word.start(), last_word.group().lower())
    if last_word and last_word.group().lower() in ("that", "which"):
        # "a letter that says ...", "a report which found ...": a document speaks
        named = _antecedent(text, start, last_word.start(), "who")
        if named is not None:
            named = _with_head_before_preposition(text, start, named)
        return named if named is not None and _names_document(text, named) else None
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
        if word[:-2] in ("he", "she") and word.endswith(_CONTRACTED_IS) and end == cue_start:
            # "She's saying", "He’s claiming": the subject with a contracted 'is'
            if text[cue_start - 1 : cue_start].isspace() and _ING_WORD.match(text, cue_start):
                skipped.add("is")
                return token.end() - 2, skipped
            break
        if word in TIME_WORDS and word not in ("may", "march"):
            # "The firm on Monday said", "Roe last week announced": a time between the
            # subject and the cue, with its preposition or determiner
            skipped.add(word)
            end = token.start()
            continue
        if (
            word in _TIME_LEADS
            and end < cue_start
            and text[end:cue_start].split()[0].lower() in (TIME_WORDS)
        ):
            skipped.add(word)
            end = token.start()
            continue
        if word not in _AUXILIARIES and not _is_manner_adverb(token.group()):
            break
        skipped.add(word)
        end = token.start()
    return end, skipped


_ING_WORD = re.compile(r"[a-z]+ing\b")


def _is_manner_adverb(word: str) -> bool:
    """'strongly denied', 'repeatedly said': a lower-case -ly adverb before the cue."""
    return (
        len(word) >= 5
        and word.endswith("ly")
        and word.islower()
        and word.isalpha()
        and word not in _LY_NOUNS
    )


def _before_parenthetical(text: str, start: int, end: int) -> int:
    """End of the text before a trailing '(R-Ga.)' or '(pictured)'."""
    match = _PARENTHETICAL.search(text, _tail(start, end), end)
    return match.start() if match else end


def _antecedent(text: str, start: int, word_start: int, word: str) -> Span | None:
    # "an architect who said ..." names the architect; "X ... and said" names the subject.
    if word in ("and", "but"):
        return subject_of(text, start, word_start)
    end = word_start
    while end > 0 and text[end - 1] in " ,":  # no copy of the text before the word
        end -= 1
    end = _before_parenthetical(text, start, end)
    phrase = noun_phrase_before(text, start, end)
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


# Sources described by what they know: "people familiar with the matter", "those close to
# him", "a person briefed on the talks", "sources with knowledge of the plan".
_INFORMED_SOURCE = re.compile(
    r"\b(?:[Tt]hose|[Pp]eople|[Aa]\s+person|[Pp]ersons|[Ss]ources?|[Oo]fficials?|[Oo]ne)\s+"
    r"(?:close\s+to|familiar\s+with|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)\s+"
    r"[^,.;:!?\"“”()]{1,60}$"
)


_INFORMED_WORDS = ("close", "familiar", "briefed", "knowledge")


def _informed_source(text: str, start: int, cue_start: int) -> Span | None:
    window = max(start, cue_start - 120)
    if not any(text.find(word, window, cue_start) != -1 for word in _INFORMED_WORDS):
        return None  # the common case, without a scan of the words before the cue
    end, _ = _skip_auxiliaries(text, start, cue_start)
    end = _stripped_end(text, start, end)
    match = _INFORMED_SOURCE.search(text, max(start, end - 90), end)
    return Span(match.start(), match.end()) if match else None


def _names_document(text: str, phrase: Span) -> bool:
    """'a letter', 'a report from the agency': the phrase's head (before any preposition)
    names a piece of writing."""
    words = text[phrase.start : phrase.end].lower().split()
    for word in words:
        if word in _HEAD_ENDS:
            break
        head = word.strip(".,")
        if head in DOCUMENT_NOUNS or head in _WRITINGS:
            return True
    return False


_HEAD_ENDS = frozenset("from of by for at in on with".split())


_WRITINGS = frozenset("letter letters tweet tweets post posts message messages note email".split())


def subject_of(text: str, start: int, end: int) -> Span | None:
    """The noun phrase opening a sentence, after discourse words ('But', 'Meanwhile,')."""
    opening = _DISCOURSE_OPENING.match(text, start, end)
    begin = opening.end() if opening else start
    return _subject_at(text, begin, end)


def _subject_at(text: str, begin: int, end: int) -> Span | None:
    phrase = noun_phrase_after(text, begin, end)
    if phrase is not None and is_plausible_speaker(text, phrase):
        return phrase
    # "Swift got support last week, after accusing ...": the name that opens the clause,
    # when the phrase scan ran on past its verb.
    name = _LEADING_NAME.match(text, begin, end)
    if name and name.group().split()[-1].lower() not in NP_BREAKERS | TIME_WORDS:
        return Span(name.start(), name.end())
    return None


def _subject_of_subordinate(text: str, start: int, end: int) -> Span | None:
    """'They were close to a deal when President Roe scuttled the talks, citing ...': the
    participle hangs from the nearest clause, here the one after 'when'."""
    last = None
    for clause in _SUBORDINATOR.finditer(text, _tail(start, end), end):
        last = clause
    return None if last is None else _subject_at(text, last.end(), end)


_LEADING_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}(?=\s+[a-z])")
_SUBORDINATOR = re.compile(r"\b(?:when|as|after|because|while|since|until|before)\s+(?=[A-Z])")
# "posted on Twitter accusing", "said in a statement urging": a participle after the place
# where something was said hangs from the clause's subject, not from that place.
_PLACE_OF_POSTING = re.compile(
    r"\b(?:on|in|via)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w.-]*|statement|"
    r"post|tweet|video|interview|letter|release|message)\s*,?\s*$"
)
_SCENE_WORDS = frozenset(
    """then now later earlier meanwhile afterwards afterward also again still so but and yet
    on in at by over during last next this that past recent recently""".split()
)
_HEADING_RUN = re.compile(r"\b[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z][a-z]")
_NAMES_LIKE_WORDS = frozenset("will may june april august".split())
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")


def _with_first_name(text: str, start: int, speaker: Span) -> Span:
    """'Will Moy', 'May Ling', 'June Roe': a first name that spells a modal or a month."""
    if not text[speaker.start].isupper():
        return speaker
    match = _FIRST_NAME_BEFORE.search(text, max(start, speaker.start - 12), speaker.start)
    if match is not None and match.group(1).lower() in _NAMES_LIKE_WORDS:
        return Span(match.start(1), speaker.end)
    return speaker


_RELATIVE_OPENING = re.compile(r"\s*(?:which|who|whose|that|where)\b", re.IGNORECASE)
_OF_PHRASE_BEFORE = re.compile(r"\s(?:from|of|at|for|with|in)\s+$")


def _with_head_before_preposition(text: str, start: int, speaker: Span) -> Span:
    """'a spokesman for the ministry said', 'a statement from the ministry said', 'Jane Roe of
    Addison said': the speaker is the phrase before the preposition, with its complement."""
    match = _OF_PHRASE_BEFORE.search(text, _tail(start, speaker.start), speaker.start)
    if not match:
        return speaker
    head = noun_phrase_before(text, start, match.start())
    if head is None or not is_plausible_speaker(text, head):
        return speaker
    return Span(head.start, speaker.end)


def _head_before_preposition(text: str, start: int, phrase_start: int) -> Span | None:
    # "officials from both parties say": the speaker is the noun before the preposition.
    match = _PREPOSITION_BEFORE.search(text, _tail(start, phrase_start), phrase_start)
    if not match:
        return None
    phrase = noun_phrase_before(text, start, match.start())
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


def _appositive_head(text: str, start: int, end: int) -> Span | None:
    # "David Kamin, an adviser to the campaign, said": the name stands before the appositive.
    before_end = _stripped_end(text, start, end)
    if before_end == start or text[before_end - 1] != ",":
        return None
    inner_end = before_end - 1
    comma = text.rfind(",", start, inner_end)
    if comma == -1 or inner_end - comma > 200:
        return None
    name_end = _before_parenthetical(text, start, comma)
    if _RELATIVE_OPENING.match(text, comma + 1, inner_end):
        # "Dick Roe Productions, which runs the show, denies": the clause says who, it
        # does not speak.
        named = noun_phrase_before(text, start, name_end)
        return named if named is not None and is_plausible_speaker(text, named) else None
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
    before_end = _stripped_end(text, start, speaker.start)
    if before_end == start or text[before_end - 1] != ",":
        return speaker.start
    role = noun_phrase_before(text, start, before_end - 1)
    if role is not None and not is_plausible_speaker(text, role):
        role = _head_before_preposition(text, start, role.start)  # "a lawyer for the firm, X"
    if role is None or _ends_in_name(text, role) or not _opens_with_determiner(text, role):
        return speaker.start
    return role.start


def _ends_in_name(text: str, phrase: Span) -> bool:
    return text[phrase.start : phrase.end].split()[-1][0].isupper()


def _speaker_after(text: str, sentence: Span, cue: _Cue) -> Span | None:
    before_end = _stripped_end(text, sentence.start, cue.start())
    if before_end == sentence.start or text[before_end - 1] not in ",”\"’'":
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
    # Offsets, never a copy of the rest of the sentence: a sentence of thousands of cues
    # must not cost a copy of itself per cue.
    begin = _run_end(_SPACES_AND_COMMAS, text, start, end)
    if _only_stops(text, begin, end):
        return None
    if text[begin] == ":" or text[begin] in _QUOTE_OPEN:
        return _trim(text, begin, _utterance_end(text, begin, end, quotes))
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
    if word in _ASKING_VERBS and _WH_CLAUSE.match(text, start, end):
        return _trim(text, start, end)  # "asked how the plan would work"
    if word in ADDRESSEE_VERBS or text[start - 5 : start] == " with":
        return _after_addressee(text, start, end, quotes)  # "urged X to", "pleaded with X to"
    if word in _COMMISSIVE_VERBS and _TO_CONTENT.match(text, start, end):
        return _trim(text, start, end)  # "pledged to act", "threatened to leave"
    if word in _AGREEING_VERBS and _TO_VERB.match(text, start, end):
        return _trim(text, start, end)  # "agreed to pay"; not "agreed to a ceasefire"
    if word in _NOUN_CONTENT_VERBS:
        to = _TO_CONTENT.match(text, start, end)
        if to:  # "confessed to the theft", "admitted to lying"
            return _trim(text, to.end(), end)
    if not _TAIL_START.match(text, start, end):
        return _trim(text, start, end)  # "cited the report", "questioned the plan"
    return None


_SPACES_AND_COMMAS = re.compile(r"[ ,]*+")
_STOPS = re.compile(r"[ .;]*+")
# Three words at least (as str.split counts them), read no further than the third.
_THREE_WORDS = re.compile(r"\s*+\S++\s++\S++\s++\S")


def _only_stops(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but spaces, full stops and semicolons."""
    return _run_end(_STOPS, text, start, end) == end


def _run_end(run: re.Pattern[str], text: str, start: int, end: int) -> int:
    """End of the run of characters that run (a possessive class repeat) matches at start."""
    match = run.match(text, start, end)
    return match.end() if match else start


def _utterance_end(text: str, begin: int, end: int, quotes: list[Span]) -> int:
    """'told us, ‘We will never sign,’ and then left': a quotation that ends in its own
    punctuation is the whole utterance; one that does not ('said "the deal" was bad') goes on."""
    colon = text.startswith(":", begin)
    at = begin + 1 if colon else begin
    while colon and at < end and text[at].isspace():
        at += 1
    quote = quote_starting_at(quotes, at)
    if quote is not None and quote.end < end and text[quote.end - 2] in ",.!?":
        return quote.end
    return _quote_end(end, quotes)


def _after_addressee(text: str, start: int, end: int, quotes: list[Span]) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    pronoun = _OBJECT_PRONOUN.match(text, start, end)
    addressee = Span(start, pronoun.end()) if pronoun else noun_phrase_after(text, start, end)
    if addressee is None:
        return None
    begin = _run_end(_SPACES_AND_COMMAS, text, addressee.end, end)
    if _only_stops(text, begin, end):
        return None
    directive = text[addressee.start - 6 : addressee.start].strip() not in ("told", "tell")
    to_next = text.startswith("to ", begin, end)
    if directive and (to_next or _DIRECTIVE_TO.match(text, addressee.end, end)):
        # "urged colleagues to reject the bill": what is urged is "colleagues to reject it"
        return _trim(text, addressee.start, end)
    if to_next or text[begin] == ":" or text[begin] in _QUOTE_OPEN:
        return _trim(text, begin, _utterance_end(text, begin, end, quotes))
    ahead = _QUOTE_OR_COLON_AHEAD.match(text, addressee.end, end)
    if ahead:
        return _trim(text, ahead.end(), end)
    if not _TAIL_START.match(text, addressee.end, end) and _THREE_WORDS.match(text, begin, end):
        return _trim(text, addressee.end, end)  # "told the forum he was against the war"
    return None


def _content_before(
    text: str,
    sentence: Span,
    attribution_start: int,
    attribution_end: int,
    quotes: list[Span],
) -> Span | None:
    # Only the ends of the text before the attribution are read, never the whole of it: a
    # sentence of thousands of cues must not cost a copy of itself per cue.
    tail_start = max(sentence.start, attribution_start - _LOOKBACK)
    tail = text[tail_start:attribution_start].rstrip()
    before_end = tail_start + len(tail)
    head = text[sentence.start : min(before_end, sentence.start + _LOOKBACK)]
    quoted = head[:1] in _QUOTE_MARKS and tail.rstrip(",").endswith(("”", '"', "’", "'"))
    # "Climate change, she says, is the threat": a short subject is enough when the
    # sentence resumes after the attribution.
    interrupted = tail.endswith(",") and bool(_RESUMES_CLAUSE.match(text, attribution_end))
    if not tail.endswith((",", "”", '"', "’", "'", ":")) or len(head.split(maxsplit=3)) < (
        1 if quoted or interrupted else 3
    ):
        opening = _DISCOURSE_OPENING.match(text, sentence.start, before_end)
        resumed = _COMMA.match(text, attribution_end, sentence.end)
        scene = (opening and opening.end() == before_end) or _ADVERBIAL_OPENING.match(
            text, sentence.start, before_end
        )
        if scene and tail.endswith(",") and resumed:
            # "However, she said, the plan is dead": what follows the attribution
            return _trim(text, resumed.end(), sentence.end)
        return None
    has_quote = _has_quotation(quotes, sentence.start, before_end)
    if tail.endswith(",") and _is_opening_adverbial(
        text, sentence.start, before_end, head, has_quote
    ):
        # "In 1995, at age seventeen, she told ...": scene-setting, not speech; but in
        # "During his term, Mr Obama said, a majority came to agree" the speech follows.
        resumed = _COMMA.match(text, attribution_end, sentence.end)
        return _trim(text, resumed.end(), sentence.end) if resumed else None
    continuation = _quote_continuing_after(text, attribution_end, sentence.end, quotes)
    if (
        continuation is None
        and _RESUMES_PROSE.match(text, attribution_end, sentence.end)
        and not has_quote
    ):
        continuation = sentence.end  # "He has a plan, he said, for the industry.": both parts
    return _trim(text, sentence.start, continuation or before_end)


def _has_quotation(quotes: list[Span], start: int, end: int) -> bool:
    """Whether a quotation lies in (or reaches into) text[start:end]."""
    if quote_containing(quotes, start) is not None:
        return True
    following = next_quote(quotes, start)
    return following is not None and following.start < end


def _is_opening_adverbial(text: str, start: int, end: int, head: str, has_quote: bool) -> bool:
    return (
        bool(_ADVERBIAL_OPENING.match(text, start))
        and not has_quote
        and end - start < 90
        and head[: end - start].count(",") <= 2
    )


def _quote_continuing_after(text: str, position: int, end: int, quotes: list[Span]) -> int | None:
    """End of a quote resumed after the attribution: '"A," he said, "B."' or
    '"A," he said, referring to X, "B."'."""
    quote = next_quote(quotes, position)
    if quote is None or quote.start >= end:
        return None
    if quote.start - position > 120:  # checked before the copy: the quote may be far off
        return None
    if _RESUMES_QUOTE.search(text[position : quote.start]):
        return quote.end
    return None


def _per_source(text: str, sentence: Span, cue: Span) -> Attribution | None:
    """'..., per the WHO': a source named after 'per' at the end of a sentence or before a
    comma; 'per cent', 'per share', 'per day' name no one."""
    start = cue.end
    while start < sentence.end and text[start].isspace():
        start += 1
    speaker = _source_after(text, start, sentence.end)
    if speaker is None:
        return None
    after = speaker.end  # the first character after the source, without copying the rest
    while after < sentence.end and text[after].isspace():
        after += 1
    if after < sentence.end and text[after] not in ",.;)—–-":
        return None
    return _according_to(text, sentence, cue)


_ACRONYM_SOURCE = re.compile(r"(?:the\s+)?[A-Z][A-Z&.]+\b")


def _source_after(text: str, start: int, end: int) -> Span | None:
    """The source named after 'according to' or 'per': a noun phrase, or an acronym that
    spells a function word ('the WHO', 'US')."""
    acronym = _ACRONYM_SOURCE.match(text, start, end)
    if acronym and acronym.group().split()[-1].lower() in NP_BREAKERS:
        return Span(acronym.start(), acronym.end())
    phrase = noun_phrase_after(text, start, end)
    return phrase if phrase is not None and is_plausible_speaker(text, phrase) else None


def _according_to(text: str, sentence: Span, cue: Span) -> Attribution | None:
    start = cue.end
    while start < sentence.end and text[start].isspace():
        start += 1
    speaker = _source_after(text, start, sentence.end) or noun_phrase_after(
        text, start, sentence.end
    )
    if speaker is None:
        return None
    content: Span | None
    if _stripped_end(text, sentence.start, cue.start) > sentence.start:  # words before the cue
        content = _trim(text, sentence.start, cue.start)
    else:
        after = text.find(",", speaker.end, sentence.end)
        content = _trim(text, after + 1, sentence.end) if after != -1 else None
    return _make(text, content, speaker, cue)


def _cut_at_participle(text: str, start: int, end: int) -> int:
    # Within a bounded window: a sentence of thousands of cues must not cost a scan per cue.
    match = _PARTICIPLE_BREAK.search(text, start, min(end, start + _PARTICIPLE_WINDOW))
    return match.start() if match else end


_PARTICIPLE_WINDOW = 600


def _quote_end(end: int, quotes: list[Span]) -> int:
    around = quote_containing(quotes, end)
    return around.end if around else end


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        end -= 1
    return Span(start, end)
