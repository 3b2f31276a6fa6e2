"""Who a speaker is: the role the article gives them, and "the" before a body ("the Pentagon").

A briefing names a speaker's role once, after the name: "Mark Rutte, the new secretary
general of NATO, said". The role is taken from the first mention of the speaker that carries
one, in one of three shapes English news prose uses:

- a title before the name: "Ukrainian President Volodymyr Zelenskyy",
  "Pentagon spokeswoman Sabrina Singh", "NATO Secretary General Mark Rutte";
- an appositive after it: "Mark Rutte, the new secretary general of NATO,";
- an appositive before it: "North Korea's reclusive leader, Kim Jong Un,".

Printing rule. An appositive is printed as the article wrote it, article and all. A title
before a name is not an appositive, so it is turned into one the way an editor would move it
behind the name: its common words go to lower case ("President" -> "president", "Defence
Secretary" -> "defence secretary"), proper words keep their capitals ("Ukrainian", "NATO",
"Pentagon"), abbreviations are spelled out ("Sen." -> "senator"), and it takes an article:
"the" for a post one person holds ("the Ukrainian president", "the NATO secretary general"),
"a"/"an" for a role many people share ("a Pentagon spokeswoman", "a Republican senator"),
none when it opens with a possessive ("Russia's foreign minister"). A rank or honour alone
("General", "Professor", "King") is part of how a person is addressed, not a role, and gives
none. When in doubt (two people share the surname, a list rather than an appositive) the role
is "".

Names are found through one index of the capitalised words of the text, built once per text
and cached, so that many statements of one long article each cost a few dictionary look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.extraction.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    REPORTING_FORMS,
    TIME_WORDS,
)

# Nouns that name a post or occupation a quoted person holds (singular: roles are a person's).
ROLE_NOUNS = frozenset(
    """
    president vice-president premier minister secretary secretary-general undersecretary
    under-secretary spokesman spokeswoman spokesperson chief director general commander
    ambassador envoy official analyst professor chancellor leader head governor senator mayor
    adviser advisor aide diplomat chairman chairwoman chair chairperson ceo cfo coo founder
    co-founder executive officer negotiator researcher fellow economist scientist expert
    lawmaker legislator congressman congresswoman representative mp mep commissioner
    prosecutor judge attorney lawyer nominee candidate strategist correspondent editor
    reporter journalist lecturer historian admiral colonel captain lieutenant sergeant marshal
    king queen prince princess emir pope archbishop bishop cardinal rabbi imam coach manager
    owner partner treasurer administrator inspector superintendent sheriff speaker whip
    councillor councilman councilwoman councilor ombudsman coordinator consul physician
    surgeon doctor deputy monarch dean provost rector curator pollster consultant specialist
    member activist campaigner organiser organizer lobbyist auditor controller
    """.split()
) | frozenset(
    # Occupations and descriptions an appositive gives ("Bob Smith, a local farmer,").
    """
    farmer teacher nurse engineer pilot soldier student resident worker shopkeeper volunteer
    priest pastor artist author writer novelist architect designer entrepreneur businessman
    businesswoman investor banker trader mechanic firefighter paramedic survivor veteran
    """.split()
)
# Roles many people hold at once: moved behind a name they take "a", not "the".
_SHARED_ROLES = frozenset(
    """
    official analyst expert researcher senator lawmaker legislator member adviser advisor aide
    professor fellow scientist economist lecturer historian diplomat spokesman spokeswoman
    spokesperson officer mp mep congressman congresswoman representative correspondent
    reporter journalist editor strategist consultant specialist activist campaigner lawyer
    attorney negotiator pollster lobbyist doctor physician surgeon judge prosecutor councillor
    councilor councilman councilwoman partner executive inspector commander organiser organizer
    farmer teacher nurse engineer pilot soldier student resident worker shopkeeper volunteer
    priest pastor artist author writer novelist architect designer entrepreneur businessman
    businesswoman investor banker trader mechanic firefighter paramedic survivor veteran
    """.split()
)
# Ranks and honours: said before a name they address the person, they do not describe a post.
_RANKS = frozenset(
    """
    general colonel captain lieutenant sergeant admiral marshal major king queen prince
    princess pope emir judge professor cardinal archbishop bishop rabbi imam doctor
    """.split()
)
# Common words that build a title with a role noun ("Foreign Ministry spokeswoman").
_TITLE_WORDS = frozenset(
    """
    prime vice deputy acting interim former senior chief top general press national security
    executive managing assistant associate principal state shadow junior first lead military
    intelligence foreign defence defense interior home finance health justice education trade
    energy culture transport environment economy economic armed forces staff joint supreme
    majority minority ministry department office agency new outgoing incoming longtime
    long-time veteran current communications policy political research affairs public media
    legal regional local city county federal district party opposition government army navy
    air force police campaign team club company group union embassy mission council committee
    board bank central development human rights war emergency climate digital science
    technology agriculture work pensions housing business industry commerce tourism sport
    sports information homeland solicitor cabinet spy counter-terrorism counterterrorism
    nuclear arms control peace humanitarian aid medical presidential parliamentary emeritus
    """.split()
)
# Words that qualify a role and are never part of a body's name.
_QUALIFIERS = frozenset(
    """
    prime vice deputy acting interim former senior chief top new outgoing incoming longtime
    long-time veteran current junior first lead assistant associate principal managing
    executive general emeritus shadow
    """.split()
)
# Military ranks: several hold each, so "a retired lieutenant general", "a Russian colonel".
_MILITARY_RANKS = frozenset(
    "general colonel captain lieutenant sergeant admiral marshal major".split()
)
# Bodies whose name a proper word before them makes proper ("Labour Party", "Security Council").
_BODY_WORDS = frozenset(
    """
    party council committee department ministry office agency union bank club group city
    county district state
    """.split()
)
_ABBREVIATED = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "maj": "major",
    "prof": "professor",
    "supt": "superintendent",
    "insp": "inspector",
    "pres": "president",
    "amb": "ambassador",
    "cmdr": "commander",
}
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady madam monsieur herr".split())
_OTHER_ABBREVIATIONS = frozenset("st jr sr inc co ltd no mt ft".split())
# Words that begin a relative clause or a verb phrase: an appositive never holds them.
_CLAUSE_WORDS = frozenset(
    """
    who whom whose which that where when said says told tells added warned claimed stated
    explained wrote asked noted is was are were has have had will would can could should
    """.split()
)
# Endings of adjectives that qualify a role ("athletic", "regional", "executive").
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary", "ian", "ese", "ish")
# Words that make a role one person's even when many hold it ("the chief negotiator").
_SINGULAR_MAKERS = frozenset("chief top lead principal head".split())
_ARTICLES = frozenset(("the", "a", "an"))
_PREPOSITIONS = frozenset("of at for in with from on to".split())
_ORIGIN_WORDS = frozenset("of at from".split())
# Proper words from their form: nationalities and acronyms ("Ukrainian", "NATO").
_NATIONALITY = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ch|ss|ek)$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,}|(?:[A-Z]\.){2,})$")
_SENTENCE_OPENERS = frozenset('.!?:;"“‘(')

_TOKEN = re.compile(r"[^\W_][\w’'.&/-]*|[^\w\s]")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_WINDOW = 160
_NAME_WINDOW = 80  # enough for the first names and initials before a surname
_MAX_TITLE_WORDS = 7
_MAX_APPOSITIVE_WORDS = 12
_MAX_ORIGIN_CHECKS = 40
_MAX_MENTIONS = 200  # mentions of a surname read to tell who it names
_MAX_ROLE_LOOKS = 50  # of those, mentions searched for a role


_Mention = tuple[int, int, tuple[str, ...]]  # a name's span and words
_Surname = tuple[list[_Mention], list[tuple[str, ...]]]  # its mentions and full names


@dataclass(frozen=True, slots=True)
class SpeakerIntro:
    """How the briefing introduces a speaker: name as printed, and role ("" when none)."""

    name: str
    role: str


def introduce_speaker(text: str, speaker: str) -> SpeakerIntro:
    """The speaker's printed name and role, from the article text.

    'Volodymyr Zelenskyy' -> role 'the Ukrainian president'; 'Pentagon' -> name 'the
    Pentagon' when the article writes "the Pentagon"; a speaker given with its title
    ('Ukrainian President Volodymyr Zelenskyy') is split into name and role.
    """
    speaker = " ".join(speaker.split())
    if not speaker or not text:
        return SpeakerIntro(speaker, "")
    return _names_of(text).introduce(speaker)


def speaker_role(text: str, speaker: str) -> str:
    """The role the article gives speaker at the first mention that carries one, or ""."""
    return introduce_speaker(text, speaker).role


@lru_cache(maxsize=4)
def _names_of(text: str) -> _ArticleNames:
    # Keyed on the text: the statements of one article share one index. A str caches its
    # hash and compares by identity first, so a 2 MB text costs nothing per look-up.
    return _ArticleNames(text)


class _ArticleNames:
    """The capitalised words of one text by position, and the answers already given."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._positions: dict[str, list[int]] | None = None
        self._answers: dict[str, SpeakerIntro] = {}
        self._proper: dict[str, bool] = {}
        self._names: dict[tuple[str, bool], _Surname] = {}

    def introduce(self, speaker: str) -> SpeakerIntro:
        if speaker not in self._answers:
            self._answers[speaker] = self._introduce(speaker)
        return self._answers[speaker]

    def positions(self, word: str) -> list[int]:
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for match in _CAPITALISED.finditer(self.text):
                positions.setdefault(_bare(match.group()), []).append(match.start())
            self._positions = positions
        return self._positions.get(word, [])

    def _introduce(self, speaker: str) -> SpeakerIntro:
        words = speaker.split()
        first = words[0].lower()
        if first in _ARTICLES and len(words) > 1:
            # "The White House" as a sentence opened it: inside a sentence it is "the".
            return SpeakerIntro(" ".join([first, *words[1:]]), "")
        if first in DETERMINERS or _is_possessive(words[0]) or not words[0][:1].isupper():
            return SpeakerIntro(speaker, "")  # "a Western official", "officials", "the ministry"
        title, name = _split_title(words, self.is_proper)
        named = [w for w in name if _bare(w).rstrip(".").lower() not in _HONORIFICS]
        if not named:
            return SpeakerIntro(speaker, "")
        printed = " ".join(name) if title else speaker
        role = title or self._role_in_text(named)
        if role or len(named) != len(name):  # a person: no article before their name
            return SpeakerIntro(printed, role)
        return SpeakerIntro(self._with_article(printed), "")

    def is_proper(self, word: str) -> bool:
        """A capitalised word is a name when its form says so or the text capitalises it
        inside a sentence; 'Meanwhile' or 'Speaking' only ever open one."""
        bare = _bare(word).rstrip(".")
        if _ACRONYM.match(bare) or (_NATIONALITY.search(bare.lower()) and len(bare) > 3):
            return True
        if bare not in self._proper:
            self._proper[bare] = any(
                not _opens_sentence(self.text, at)
                for at in self.positions(bare)[:_MAX_ORIGIN_CHECKS]
            )
        return self._proper[bare]

    # -- roles -------------------------------------------------------------------------

    def _role_in_text(self, speaker_words: list[str]) -> str:
        mentions = self._mentions(speaker_words)
        if mentions is None:
            return ""
        for start, end in mentions[:_MAX_ROLE_LOOKS]:
            role = (
                _title_before(self.text, start, self.is_proper)
                or _appositive_after(self.text, end)
                or _appositive_before(self.text, start, end)
            )
            if role:
                return role
        return ""

    def _mentions(self, speaker_words: list[str]) -> list[tuple[int, int]] | None:
        """Spans of the names that are this speaker, in text order; None when the surname
        may be someone else's (two different full names share it)."""
        wanted = tuple(_bare(w) for w in speaker_words)
        found, full = self._names_with(_bare(speaker_words[-1]), forward=len(wanted) == 1)
        if len(wanted) == 1 and len(full) > 1:
            return None
        all_agree = all(_within(wanted, n) or _within(n, wanted) for n in full)
        same = {
            words: _within(wanted, words)
            or (_within(words, wanted) and (len(words) > 1 or all_agree))
            for words in {words for _, _, words in found}
        }
        return [(start, end) for start, end, words in found if same[words]]

    def _names_with(self, key: str, *, forward: bool) -> _Surname:
        """Every name around the capitalised word key, and the different full names among
        them; shared by all speakers with this surname ("Anna Lee", "Mr Lee", "Lee")."""
        if (key, forward) not in self._names:
            # A person is introduced early: the first mentions decide, however long the text.
            positions = self.positions(key)[:_MAX_MENTIONS]
            found = [_name_around(self.text, at, forward) for at in positions]
            names = {words for _, _, words in found if len(words) > 1}
            full = [n for n in names if not any(n != m and _within(n, m) for m in names)]
            self._names[key, forward] = (found, full)
        return self._names[key, forward]

    # -- organisations -----------------------------------------------------------------

    def _with_article(self, speaker: str) -> str:
        """'Pentagon' -> 'the Pentagon' when the article's first mention of it as a phrase of
        its own (not a headline's, which drops articles) is 'the Pentagon'."""
        text = self.text
        for at in self.positions(_bare(speaker.split()[0]))[:_MAX_MENTIONS]:
            end = at + len(speaker)
            if not text.startswith(speaker, at) or (end < len(text) and text[end].isalnum()):
                continue
            if not _stands_alone(text, end) or _at_line_start(text, at):
                continue
            before = text[max(0, at - 4) : at]
            word_edge = at < 5 or not text[at - 5].isalnum()
            return f"the {speaker}" if before in ("the ", "The ") and word_edge else speaker
        return speaker


# -- names ---------------------------------------------------------------------------------


def _name_around(text: str, at: int, forward: bool) -> _Mention:
    """The person's name the capitalised word at `at` belongs to: its span and words
    ('Volodymyr Zelenskyy' in 'Ukrainian President Volodymyr Zelenskyy's')."""
    line_start = text.rfind("\n", max(0, at - _NAME_WINDOW), at) + 1
    before = list(_TOKEN.finditer(text, max(line_start, at - _NAME_WINDOW), at))
    key = _TOKEN.match(text, at)
    assert key is not None  # `at` starts a capitalised word
    start, end, words = at, key.end(), [_bare(key.group())]
    for token in reversed(before):
        word = token.group()
        if text[token.end() : start] != " " or not _is_name_word(word, initial_ok=True):
            break
        start, words = token.start(), [_bare(word), *words]
    if forward and not _is_possessive(key.group()):
        for token in _TOKEN.finditer(text, end, min(len(text), end + 60)):
            word = token.group()
            if text[end : token.start()] != " " or not _is_name_word(word, initial_ok=False):
                break
            end, words = token.end(), [*words, _bare(word)]
            if _is_possessive(word):
                break
    if text[end - 1] == "." and not _is_abbreviation(text[start:end].split()[-1]):
        end -= 1
    return start, end, tuple(w.rstrip(".") for w in words)


def _is_name_word(word: str, *, initial_ok: bool) -> bool:
    bare = _bare(word)
    lower = bare.rstrip(".").lower()
    if lower in NAME_PARTICLES:
        return True
    if not bare[:1].isupper() or (_is_possessive(word) and initial_ok):
        return False
    if word.endswith(".") and not (initial_ok and len(bare) == 2):  # "W." is an initial
        return False
    return not (
        lower in ROLE_NOUNS
        or lower in _TITLE_WORDS
        or lower in _HONORIFICS
        or lower in _ABBREVIATED
        or lower in FUNCTION_WORDS
        or lower in DETERMINERS
        or lower in TIME_WORDS
        or lower in REPORTING_FORMS
    )


def _split_title(words: list[str], is_proper: Callable[[str], bool]) -> tuple[str, list[str]]:
    """'Ukrainian President Volodymyr Zelenskyy' -> ('the Ukrainian president', name)."""
    cut = len(words) - 1
    while cut > 0 and _is_name_word(words[cut - 1], initial_ok=True):
        cut -= 1
    while cut > 0 and _bare(words[cut - 1]).rstrip(".").lower() in _HONORIFICS:
        cut -= 1
    if cut == 0:
        return "", words
    return _title_role(words[:cut], is_proper, first_opens_sentence=False), words[cut:]


def _within(part: Sequence[str], whole: Sequence[str]) -> bool:
    """part's words appear in a row in whole."""
    size = len(part)
    return any(tuple(whole[i : i + size]) == tuple(part) for i in range(len(whole) - size + 1))


# -- a title before the name --------------------------------------------------------------


def _title_before(text: str, start: int, is_proper: Callable[[str], bool]) -> str:
    """'Pentagon spokeswoman Sabrina Singh' -> 'a Pentagon spokeswoman'."""
    line_start = text.rfind("\n", max(0, start - _WINDOW), start) + 1
    floor = max(line_start, start - _WINDOW)
    tokens = list(_TOKEN.finditer(text, floor, start))
    index = len(tokens) - 1
    while index >= 0 and _bare(tokens[index].group()).rstrip(".").lower() in _HONORIFICS:
        index -= 1
    taken: list[str] = []
    while index >= 0 and len(taken) < _MAX_TITLE_WORDS:
        word = tokens[index].group()
        if _is_possessive(word):
            taken.insert(0, word)  # "Russia's foreign minister": the possessor opens it
            index -= 1
            while index >= 0 and tokens[index].group()[:1].isupper() and len(taken) < 9:
                if _ends_sentence(tokens[index]) or not is_proper(tokens[index].group()):
                    break
                taken.insert(0, tokens[index].group())
                index -= 1
            break
        if not _title_word(word, taken):
            break
        taken.insert(0, word)
        index -= 1
    if not taken:
        return ""
    opens = (index < 0 and floor == line_start) or (index >= 0 and _ends_sentence(tokens[index]))
    return _title_role(taken, is_proper, first_opens_sentence=opens)


def _title_word(word: str, after: list[str]) -> bool:
    """A word that can stand in a title before a name, given the words after it."""
    if not word[:1].isalnum():
        return False
    if word.endswith(".") and not _is_abbreviation(word):
        return False  # the end of the sentence before
    lower = word.rstrip(".").lower()
    if lower == "of":  # "Secretary of State": only between a role and a capitalised word
        return bool(after) and after[0][:1].isupper()
    if lower in ROLE_NOUNS or lower in _TITLE_WORDS or lower in _ABBREVIATED:
        return True
    if _ACRONYM.match(word):  # "US", "UN", "EU" before "us" the pronoun
        return True
    if lower in FUNCTION_WORDS or lower in DETERMINERS or lower in TIME_WORDS:
        return False
    if after and len(lower) > 4 and lower.endswith(_ADJECTIVE_ENDINGS):
        return True  # "athletic director", "regional commander"
    if lower in REPORTING_FORMS and not word[:1].isupper():
        return False
    return word[:1].isupper()


def _title_role(
    words: list[str], is_proper: Callable[[str], bool], *, first_opens_sentence: bool
) -> str:
    """A title as written before a name, as the appositive that follows the name."""
    words = list(words)
    # A capitalised word that only opens the sentence ("Meanwhile") is not part of a title.
    while words and first_opens_sentence and not _known_title_word(words[0]):
        if _is_possessive(words[0]) or is_proper(words[0]):
            break
        words = words[1:]
        first_opens_sentence = False
    while words and words[0].lower() == "of":
        words = words[1:]
    heads = [i for i, w in enumerate(words) if _role_noun(w)]
    if not heads:
        return ""
    head = heads[-1]
    if len({_role_noun(words[i]) for i in heads}) < len(heads):
        return ""  # "Minister Minister": not a title anyone writes
    if any(
        w.lower() == "of" and not _known_title_word(words[i - 1])
        for i, w in enumerate(words[:head])
    ):
        # "Welfare of Immigrants campaigner": the end of a longer name; keep only the role.
        words, head = words[head:], 0
    tail = words[head + 1 :]
    if tail and not (tail[0].lower() == "of" and all(w[:1].isupper() for w in tail[1:])):
        return ""
    if len(words) == 1 and _role_noun(words[0]) in _RANKS:
        return ""
    printed = _printed_title(words)
    if _is_possessive(words[0]):
        return printed
    role = _role_noun(words[head])
    # "Secretary General", "Attorney General": a post, not a rank.
    post = role in _MILITARY_RANKS and any(
        _role_noun(w) not in _MILITARY_RANKS for w in words[:head] if _role_noun(w)
    )
    singular = post or any(w.lower() in _SINGULAR_MAKERS for w in words[:head])
    article = "the" if singular else _article(role, printed)
    return f"{article} {printed}"


def _known_title_word(word: str) -> bool:
    lower = word.rstrip(".").lower()
    return lower in ROLE_NOUNS or lower in _TITLE_WORDS or lower in _ABBREVIATED


def _role_noun(word: str) -> str:
    """The role noun a word is, spelled out ('Sen.' -> 'senator'), or ""."""
    lower = word.rstrip(".").lower()
    if lower in _ABBREVIATED:
        return _ABBREVIATED[lower]
    return lower if lower in ROLE_NOUNS else ""


def _printed_title(words: list[str]) -> str:
    """Common words in lower case ("Defence Secretary" -> "defence secretary"). As written:
    proper words, acronyms, a possessor ("New Zealand's"), and a common word that is part of
    a body's name ("Environment Canada", "Labour Party", "State Department")."""
    owner = next((i + 1 for i, w in enumerate(words) if _is_possessive(w)), 0)
    printed: list[str] = words[:owner]
    previous_kept = False
    for index in range(owner, len(words)):
        word = words[index]
        lower = word.rstrip(".").lower()
        following = words[index + 1] if index + 1 < len(words) else ""
        keep = (
            not _known_title_word(word)
            or bool(_ACRONYM.match(word))
            or (word[:1].isupper() and _names_a_body(following, previous_kept, lower))
        )
        if lower == "of":
            keep = False
        printed.append(word if keep or lower == "of" else _ABBREVIATED.get(lower, lower))
        previous_kept = keep and word[:1].isupper()
    return " ".join(printed)


def _names_a_body(following: str, previous_kept: bool, lower: str) -> bool:
    """Whether a capitalised common word belongs to a name: a proper word or a body's
    name follows it ("Environment Canada", "State Department"), or it is the body after a
    proper word ("Labour Party")."""
    if lower in _QUALIFIERS:
        return False  # "Interim DNC chairwoman": a qualifier is never part of a name
    if following[:1].isupper() and (
        not _known_title_word(following) or following.lower() in _BODY_WORDS
    ):
        return True
    return previous_kept and lower in _BODY_WORDS


def _article(role: str, phrase: str) -> str:
    if role not in _SHARED_ROLES and role not in _MILITARY_RANKS:
        return "the"
    return "an" if _vowel_sound(phrase.split()[0]) else "a"


def _vowel_sound(word: str) -> bool:
    """Whether a word is spoken with a vowel first ('an MP', 'a Ukrainian', 'an Iraqi')."""
    if _ACRONYM.match(word) and len(word.replace(".", "")) <= 3:
        return word[0] in "AEFHILMNORSX"  # letters whose names begin with a vowel sound
    lower = word.lower()
    if lower.startswith(("eu", "uni", "uk", "usu", "ure", "uti", "one", "once", "ura")):
        return False
    return lower[:1] in "aeiou" or lower.startswith(("hour", "honest", "heir", "honour"))


# -- appositives ---------------------------------------------------------------------------


def _appositive_after(text: str, end: int) -> str:
    """'Mark Rutte, the new secretary general of NATO,' -> 'the new secretary general of
    NATO'; an age first is passed over ('Jane Doe, 54, a teacher,')."""
    opener = text[end : end + 2]
    if opener not in (", ", " ("):
        return ""
    start = end + 2
    for _ in range(2):  # the phrase, or an age and then the phrase
        phrase = _bounded_phrase(text, start, closing=")" if opener == " (" else ",;:—–-")
        if phrase is None:
            return ""
        first, last, close = phrase
        words = text[first:last].split()
        if len(words) == 1 and words[0].isdigit() and close == ",":
            start = _skip_spaces(text, last + 1)
            continue
        if close == "," and _next_word(text, last + 1) in ("and", "or"):
            return ""  # a list of people, not a description of one
        return text[first:last] if _describes_a_person(words) else ""
    return ""


def _bounded_phrase(text: str, start: int, closing: str) -> tuple[int, int, str] | None:
    """The words from start to a closing mark or the end of the sentence, at most
    _MAX_APPOSITIVE_WORDS of them: (start, end, the closing mark), or None."""
    limit = min(len(text), start + _WINDOW)
    first = last = -1
    count = 0
    for token in _TOKEN.finditer(text, start, limit):
        word = token.group()
        if "\n" in text[max(last, start) : token.start()]:
            return (first, last, ".") if count else None
        if not word[0].isalnum():
            if word in closing or word in ".!?":
                return (first, last, word) if count else None
            return None
        count += 1
        if count > _MAX_APPOSITIVE_WORDS:
            return None
        first = token.start() if first < 0 else first
        last = token.end()
        if word.endswith(".") and not _is_abbreviation(word):
            return first, last - 1, "."
    if count and limit == len(text):
        return first, last, "."
    return None


def _describes_a_person(words: list[str]) -> bool:
    """An appositive names a post ('a researcher at ...') or an origin ('of the Royal ...')."""
    lowered = [w.rstrip(".,").lower() for w in words]
    if len(lowered) < 2 or lowered[0] in _CLAUSE_WORDS:
        return False  # a lone word ("Director") says too little to print
    if lowered[0] in _ORIGIN_WORDS:
        rest = words[1:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        return bool(rest) and rest[0][:1].isupper() and not _CLAUSE_WORDS & set(lowered)
    cut = next((i for i, w in enumerate(lowered) if w in _PREPOSITIONS), len(lowered))
    head, tail = lowered[:cut], lowered[cut:]
    if not any(_role_noun(w) for w in head) or _CLAUSE_WORDS & set(lowered):
        return False
    return not any(w in FUNCTION_WORDS and w != "and" for w in head) and len(tail) < 10


def _appositive_before(text: str, start: int, end: int) -> str:
    """'North Korea's reclusive leader, Kim Jong Un, is' -> "North Korea's reclusive
    leader"; 'the minister, Elena Petrova, said' -> 'the minister'."""
    if text[max(0, start - 2) : start] != ", " or text[end : end + 1] not in (",", "."):
        return ""
    if text[end : end + 1] == "," and _next_word(text, end + 1) in ("and", "or"):
        return ""  # "the president, Mark Rutte, and Olaf Scholz": a list
    tokens = list(_TOKEN.finditer(text, max(0, start - 2 - _WINDOW // 2), start - 2))
    taken: list[re.Match[str]] = []
    opened = False
    for token in reversed(tokens):
        word = token.group()
        lower = word.lower()
        if not word[0].isalnum() or len(taken) >= 8:
            break
        if taken and lower in DETERMINERS:
            taken.insert(0, token)
            opened = True
            break
        if taken and _is_possessive(word):
            taken.insert(0, token)
            opened = True
            for more in reversed(tokens[: tokens.index(token)]):
                if not more.group()[:1].isupper() or len(taken) >= 8:
                    break
                taken.insert(0, more)
            break
        if lower in FUNCTION_WORDS or lower in _CLAUSE_WORDS or lower in DETERMINERS:
            break
        taken.insert(0, token)
    if not opened or len(taken) < 2 or not _role_noun(taken[-1].group()):
        return ""
    phrase = text[taken[0].start() : taken[-1].end()]
    if phrase.split()[0] in ("The", "A", "An", "His", "Her", "Their", "Its"):
        phrase = phrase[0].lower() + phrase[1:]  # it opened the sentence; here it does not
    return phrase


# -- small text helpers --------------------------------------------------------------------


def _bare(word: str) -> str:
    """A word without its possessive ending ("Putin's" -> "Putin")."""
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s"))


def _is_abbreviation(word: str) -> bool:
    """'Sen.', 'U.S.', 'J.' end in a full stop that does not end a sentence."""
    bare = word.rstrip(".")
    lower = bare.lower()
    return (
        len(bare) == 1
        or "." in bare
        or lower in _ABBREVIATED
        or lower in _HONORIFICS
        or lower in _OTHER_ABBREVIATIONS
    )


def _ends_sentence(token: re.Match[str]) -> bool:
    word = token.group()
    if word in _SENTENCE_OPENERS:
        return True
    return word.endswith(".") and not _is_abbreviation(word)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` is the first of its sentence or line."""
    before = text[max(0, at - 4) : at].rstrip(" ")
    return not before or before[-1] in _SENTENCE_OPENERS or before[-1] == "\n"


def _at_line_start(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] == "\n"


def _stands_alone(text: str, end: int) -> bool:
    """Whether a name ending at end is a phrase of its own ('the Pentagon said'), not a
    modifier of the next word ('the Pentagon spokeswoman')."""
    following = text[end : end + 2]
    if following[:1] in ("’", "'") or not following[:1].isspace():
        return True  # a possessive, punctuation or the end of the text
    word = _next_word(text, end)
    return not word or word in FUNCTION_WORDS or word in REPORTING_FORMS


def _next_word(text: str, at: int) -> str:
    match = _TOKEN.search(text, at, min(len(text), at + 40))
    return match.group().rstrip(".").lower() if match else ""


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at
