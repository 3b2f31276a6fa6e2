"""Hedge cues: the words that mark a claim as speculative rather than asserted.

The classes follow the usual taxonomy of semantic uncertainty in English (epistemic modals,
hedging adverbs and adjectives, verbs of belief and conjecture, and words of inquiry), as
described in the linguistic literature on hedging; conditionals ('if', 'unless') are left out
because they frame a claim rather than doubt it.
"""

from __future__ import annotations

import re

_MODALS = r"may|might|could|couldn't|mightn't|should(?!\s+(?:be\s+)?(?:noted|said))"
_ADVERBS = (
    r"possibly|probably|perhaps|maybe|likely|unlikely|apparently|presumably|supposedly|"
    r"seemingly|potentially|conceivably|arguably|purportedly|ostensibly|allegedly|reportedly|"
    r"evidently|doubtless|plausibly|in\s+all\s+likelihood|most\s+likely"
)
_ADJECTIVES = (
    r"possible|probable|uncertain|unclear|doubtful|questionable|potential|alleged|suspected|"
    r"presumed|apparent|unconfirmed|unverified|speculative|hypothetical|rumou?red|unknown|"
    r"expected|anticipated|projected|estimated|predicted|forecast"
)
_VERBS = (
    r"(?:believ|think|thought|suspect|suppos|assum|expect|estimat|guess|speculat|doubt|"
    r"presum|seem|appear|suggest|indicat|impl(?:y|ie)|predict|anticipat|hypothesi[sz]|"
    r"fear|hope|reckon|wonder|investigat|probe|examin|inquir|enquir|consider|alleg)"
    r"(?:s|es|ed|d|ing|e|ies|y)?"
)
_NOUNS = (
    r"possibilit(?:y|ies)|probabilit(?:y|ies)|likelihood|chances?|speculation|suspicions?|"
    r"rumou?rs?|hypothes[ie]s|assumptions?|allegations?|prospects?|investigations?|inquir(?:y|ies)|"
    r"doubts?|uncertaint(?:y|ies)|estimates?|forecasts?|predictions?|expectations?|"
    r"accusations?|suggestions?"
)
_INQUIRY = r"whether|to\s+determine|to\s+find\s+out|to\s+see\s+if"

HEDGE = re.compile(
    rf"\b(?:{_MODALS}|{_ADVERBS}|{_ADJECTIVES}|{_VERBS}|{_NOUNS}|{_INQUIRY})\b",
    re.IGNORECASE,
)


def first_hedge(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first hedge cue in text[start:end], if any."""
    return HEDGE.search(text, start, end)
