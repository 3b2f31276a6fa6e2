"""Cues that mark a claim as not established: the article's 'unconfirmed' open questions.

Four families, from the grammar of news reporting rather than from any one article:

* verification: a claim nobody could check ("could not be independently verified",
  "unconfirmed", "has yet to be confirmed");
* allegation and accusation: "allegedly", "an alleged plot", "X accused Y of ...";
* contestation: a claim someone denies or disputes ("denied the report", "ruled out foul
  play", "rejected the claims as false", "baseless", "unsubstantiated");
* hearsay with no identifiable source: "reportedly", "is said to", "according to reports",
  "rumours".

A claim attributed to a named outlet or person is a statement, not an unconfirmed one, unless
one of these markers comes with it.
"""

from __future__ import annotations

import re

from app.extraction.cue_scan import CueList

_CHECK = r"(?:confirm|verif|corroborat)\w*"
_ADVERBS = r"(?:(?:immediately|independently|officially|yet|publicly)\s+){0,2}"
_NEG = r"(?:\s+not|\s+never|n[’']t)"
_BE = r"(?:be|been|being|is|are|was|were|get|gets|got|getting|am)"

_CUE_PATTERN = (
    r"\b(?:"
    # verification
    r"unconfirmed|unverified|unverifiable|uncorroborated|unsubstantiated|unproven|unfounded"
    r"|baseless|unevidenced|groundless|debunked|no\s+confirmation"
    rf"|(?:could|can|did|does|do|would|will|has|have|had){_NEG}\s+(?:yet\s+)?(?:be\s+|been\s+)?"
    rf"{_ADVERBS}{_CHECK}"
    rf"|cannot\s+(?:be\s+)?{_ADVERBS}{_CHECK}"
    rf"|(?:unable|impossible|not\s+possible)\s+to\s+{_ADVERBS}{_CHECK}"
    rf"|yet\s+to\s+(?:be\s+)?{_ADVERBS}{_CHECK}"
    rf"|(?:is|are|was|were|been){_NEG}\s+{_ADVERBS}(?:confirmed|verified|corroborated)"
    # allegation and accusation
    r"|alleg(?:e|es|ed|edly|ing|ation|ations)|accus(?:e|es|ed|ing|ation|ations|er|ers|atory)"
    r"|purported|purportedly|supposedly|reportedly"
    # contestation
    r"|deny|denies|denied|denying|denials?(?!-)"
    r"|disputed|disputing|disputes?\s+that|refuted|refutes|refuting|rebutted|rebuts|rebutting"
    r"|(?:rule|rules|ruled|ruling)\s+out"
    r"|(?:reject|rejects|rejected|rejecting|dismiss|dismisses|dismissed|dismissing)"
    r"\s+(?:[^\s.;]+\s+){0,6}?as\s+(?:false|untrue|baseless|unfounded|fake|nonsense|lies|a\s+lie"
    r"|fabricat\w*|groundless|absurd|ridiculous|inaccurate|misleading|politically\s+motivated)"
    r"|(?:reject|rejects|rejected|rejecting|dismissed|dismisses)\s+(?:the\s+|these\s+|those\s+"
    r"|such\s+|all\s+|any\s+|his\s+|her\s+|their\s+|its\s+)?(?:claims?|allegations?"
    r"|accusations?|reports?|charges?|suggestions?)"
    r"|not\s+credible|no\s+basis\s+(?:in|for)|(?:false|fake|bogus)\s+(?:claims?|rumou?rs?"
    r"|reports?|stories|story|news)|fabricated"
    # hearsay
    r"|(?:is|are|was|were)\s+said\s+to"
    r"|according\s+to\s+(?:unconfirmed\s+|unverified\s+|some\s+|media\s+|local\s+|press\s+"
    r"|news\s+|several\s+|other\s+)*reports"
    r"|(?:some|unconfirmed|media|local|press|news|other|several)\s+reports\s+(?:suggest|claim"
    r"|say|said|indicate)\w*"
    r"|rumou?r\w*|speculation\s+(?:that|about|over|of)|if\s+(?:confirmed|true|verified)"
    r"|it\s+(?:is|was|has\s+been)\s+(?:claimed|alleged|rumou?red|reported)"
    r")\b"
)
# A cue of each family holds one of these (lower case): a fast gate before the pattern.
KEYS = (
    "confirm",
    "verif",
    "corroborat",
    "substantiat",
    "unproven",
    "unfounded",
    "baseless",
    "unevidenced",
    "groundless",
    "debunk",
    "alleg",
    "accus",
    "purport",
    "supposedly",
    "reportedly",
    "deni",
    "deny",
    "disput",
    "refut",
    "rebut",
    " out",
    " as ",
    "reject",
    "dismiss",
    "credible",
    "no basis",
    "false",
    "fake",
    "bogus",
    "fabricat",
    "said to",
    "reports",
    "rumo",
    "speculation",
    "if true",
    "it is",
    "it was",
    "it has",
)
# "was denied bail", "has been ruled out for the season": a refusal or an injury, not a
# contested claim.
_PASSIVE_BEFORE = re.compile(rf"\b{_BE}\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_NOT_A_CLAIM_AFTER = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|him|them|me|us)\s+)?(?:bail|entry|access|permission"
    r"|a\s+visa|visas?|parole|motion|request|appeal|application|petition|licen[cs]e|asylum"
    r"|for|of|until|with|from)\b",
    re.IGNORECASE,
)
_REFUSAL_WORDS = ("deny", "denies", "denied", "denying", "rule", "rules", "ruled", "ruling")


def unconfirmed_cue(
    text: str, start: int, end: int, lowered: str | None = None
) -> re.Match[str] | None:
    """The first cue in text[start:end] marking a claim as unconfirmed, if any; lowered is
    text.lower() when that keeps every offset (see spans.lower_case_copy), or None."""
    return _CUE_LIST.first(text, start, end, lowered)


def _is_refusal(text: str, cue: re.Match[str], start: int) -> bool:
    """'was denied entry', 'denied the appeal', 'ruled out for the season'."""
    first = cue.group().split()[0].lower()
    if first not in _REFUSAL_WORDS:
        return False
    before = text[max(start, cue.start() - 24) : cue.start()]
    return bool(_PASSIVE_BEFORE.search(before) or _NOT_A_CLAIM_AFTER.match(text, cue.end()))


_CUE_LIST = CueList(_CUE_PATTERN, KEYS, _is_refusal)
