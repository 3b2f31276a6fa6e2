"""Hedge cues: the words that mark a claim as speculative rather than asserted.

The classes follow the usual taxonomy of semantic uncertainty in English (epistemic modals,
hedging adverbs and adjectives, verbs of belief and conjecture, and words of inquiry), as
described in the linguistic literature on hedging; conditionals ('if', 'unless') are left out
because they frame a claim rather than doubt it.
"""

from __future__ import annotations

import re

_MODALS = "may might could couldn't mightn't should"
_ADVERBS = """possibly probably perhaps maybe likely unlikely apparently presumably supposedly
    seemingly potentially conceivably arguably purportedly ostensibly allegedly reportedly
    evidently doubtless plausibly"""
_ADJECTIVES = """possible probable uncertain unclear doubtful questionable potential alleged
    suspected presumed apparent unconfirmed unverified speculative hypothetical rumored
    rumoured unknown expected anticipated projected estimated predicted forecast"""
_NOUNS = """possibility possibilities probability probabilities likelihood chance chances
    speculation suspicion suspicions rumor rumors rumour rumours hypothesis hypotheses
    assumption assumptions allegation allegations prospect prospects investigation
    investigations inquiry inquiries doubt doubts uncertainty uncertainties estimate estimates
    forecast forecasts prediction predictions expectation expectations accusation accusations
    suggestion suggestions whether"""
# Verbs of belief, conjecture and inquiry, with their inflections.
_VERBS = """believe think suspect suppose assume expect estimate guess speculate doubt presume
    seem appear suggest indicate imply predict anticipate hypothesise hypothesize fear hope
    reckon wonder investigate probe examine inquire enquire consider allege"""
_IRREGULAR = {"think": ("thought",)}


def _verb_forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", stem + "ing", stem + "ed" if verb.endswith("e") else verb + "ed"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith("e"):
        forms.add(verb + "d")
    return forms | set(_IRREGULAR.get(verb, ()))


HEDGE_WORDS = frozenset(" ".join((_MODALS, _ADVERBS, _ADJECTIVES, _NOUNS)).split()) | frozenset(
    form for verb in _VERBS.split() for form in _verb_forms(verb)
)
_PHRASES = re.compile(r"\b(?:to\s+determine|to\s+find\s+out|to\s+see\s+if)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][a-z']*")
_NOT_HEDGES = re.compile(r"\s+(?:be\s+)?(?:noted|said)\b")  # "it should be noted"


def first_hedge(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first hedge cue in text[start:end], if any (a set lookup per word: fast)."""
    for word in _WORD.finditer(text, start, end):
        lower = word.group().lower()
        if lower in HEDGE_WORDS and not (lower == "should" and _NOT_HEDGES.match(text, word.end())):
            return word
    return _PHRASES.search(text, start, end)
