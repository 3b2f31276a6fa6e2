"""Reporting verbs as a briefing prints them: in the simple past, with the grammar they take.

An extracted cue is whatever form the article used ("calling", "claim", "says", "has
warned"); a briefing reports it in the simple past ("called", "claimed", "said", "warned").
The forms come from the extraction's lexicon of reporting verbs and regular English
morphology; a cue that is not a reporting verb becomes "said", the neutral choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.extraction.lexicon import REPORTING_VERBS
from app.layout.wording import clean

_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "think": "thought",
    "find": "found",
    "feel": "felt",
    "know": "knew",
    "swear": "swore",
    "forecast": "forecast",
    "speak": "spoke",
    "hold": "held",
}
# Verbs ending in a stressed consonant-vowel-consonant, whose last letter doubles.
_DOUBLING = frozenset("admit commit regret quip slam plan stop drop refer prefer occur".split())
_MORE_VERBS = frozenset("speak hold point spell".split())

# Verbs followed by an object, a question or an infinitive rather than a that-clause:
# "called the move a farce", "asked how", "urged allies to act".
OBJECT_VERBS = frozenset(
    """
    call describe urge ask accuse blame praise criticise criticize label brand dub liken
    compare attack slam blast defend tout demand question reject dismiss welcome applaud
    cite endorse back support oppose accept charge order direct instruct thank condemn
    mention decline refuse want remind advise wonder hail spell
    """.split()
)
# Verbs that need a listener before the that-clause ("told reporters that"): without one
# the sentence reads "said".
_LISTENER_VERBS = frozenset("tell inform brief assure notify reassure convince persuade".split())
# Verbs that tag a quote naturally ("…,” she warned); the others tag it with "said".
_NOT_TAGS = (OBJECT_VERBS - {"ask", "urge", "demand", "question", "wonder"}) | frozenset(
    "believe think hope fear worry want expect feel know learn find show signal indicate "
    "estimate mention".split()
)
_AUXILIARIES = frozenset(
    "has have had 've is was are were will would did does do also later then again once "
    "previously earlier".split()
)
_PARTICLES = frozenset("out up on back in".split())


@dataclass(frozen=True)
class Cue:
    """A reporting verb in the simple past, and the grammar its base form takes."""

    past: str  # "said", "pointed out"
    base: str  # "say", "point"; "" for an unknown cue and for "according to"

    @property
    def according_to(self) -> bool:
        return self.past == "according to"

    @property
    def takes_that(self) -> bool:
        """True when the verb introduces a that-clause: "warned that ...", not "called"."""
        return self.base not in OBJECT_VERBS and not self.according_to

    @property
    def as_tag(self) -> str:
        """The verb after a quote ("…,” she warned): one that needs an object says "said"."""
        return "said" if self.base in _NOT_TAGS or self.according_to else self.past


SAID = Cue("said", "say")


def past_tense(verb: str) -> str:
    """The simple past of a regular or irregular English verb: claim → claimed."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb in _DOUBLING:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _forms(verb: str) -> set[str]:
    """Every form an article may use: base, -s, past and -ing."""
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb in _DOUBLING:
        ing = verb + verb[-1] + "ing"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return {verb, third, ing, past_tense(verb)}


@cache
def _base_of_form() -> dict[str, str]:
    verbs = REPORTING_VERBS | OBJECT_VERBS | _LISTENER_VERBS | _MORE_VERBS
    return {form: verb for verb in sorted(verbs) for form in _forms(verb)}


def reporting_cue(cue: str) -> Cue:
    """The cue as the briefing prints it: "calling" → called, "has warned" → warned,
    "according to" stays; an empty or unknown cue is "said"."""
    words = [word.strip(",.;:") for word in clean(cue).lower().split()]
    skipped = 0  # counted, not sliced off one by one: a cue of many "has" stays linear
    while skipped < len(words) and words[skipped] in _AUXILIARIES:
        skipped += 1
    words = words[skipped:]
    if not words:
        return SAID
    if words[0] == "according":
        return Cue("according to", "")
    base = _base_of_form().get(words[0])
    if base is None:
        return SAID
    if base in _LISTENER_VERBS:
        return SAID
    particle = f" {words[1]}" if len(words) > 1 and words[1] in _PARTICLES else ""
    return Cue(past_tense(base) + particle, base)
