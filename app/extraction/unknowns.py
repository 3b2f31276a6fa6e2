"""Cues of what the article says is not known: the 'uncertainty' open questions.

* stated unknowns: "it is unclear whether", "remains unknown", "it remains to be seen",
  "questions remain", "no one knows", "waiting to hear when", "it is impossible to know";
* missing evidence or detail: "no evidence", "no indication", "no details were given",
  "the price was not announced", "an undisclosed sum";
* open inquiries: "is under investigation", "looking into whether", "trying to determine";
* non-answers: "declined to comment", "did not immediately respond to a request for
  comment", "would not say", "did not provide further information".

Modal hedges and forecasts ("may", "could", "is expected to", "likely") and beliefs ("is
thought to") are not unknowns: they mark the statement or figure they sit in as hedged
(see hedges.py). Nor is a person's own ignorance ("I did not know").
"""

from __future__ import annotations

import re

from app.extraction.cue_scan import CueList

_NEG = r"(?:\s+not|\s+never|n[’']t)"
_SOON = r"(?:(?:yet|immediately|publicly|officially|fully|exactly|entirely|still|really)\s+){0,2}"
_ANSWER_VERBS = (
    r"(?:say|comment|respond(?!\s+(?:well\s+)?to\s+(?:treatment|medication|therapy|drugs))|reply|answer|disclose|reveal|provide|give|specify|elaborate"
    r"|estimate|identify|name|offer|discuss|explain|detail|indicate|announce|clarify|address"
    r"|confirm|return\s+(?:(?:a|an|the|his|her|their|several|repeated)\s+)?"
    r"(?:calls?|messages?|requests?|emails?|e-mails?|phone\s+calls?|inquiries))"
)
_ANSWERED = (
    r"(?:said|commented|responded|replied|answered|disclosed|revealed|provided|given|specified"
    r"|elaborated|estimated|identified|named|offered|discussed|explained|detailed|indicated"
    r"|announced|clarified|addressed|committed\s+to|decided|determined|detected"
    r"|returned\s+(?:(?:a|an|the|his|her|their|several|repeated)\s+)?(?:calls?|messages?"
    r"|requests?|emails?))"
)
_NOT = r"(?:not|never|\w+n[’']t)"  # a branch's first word: "not", "isn't"
_WH = r"(?:whether|if|how|what|when|where|why|who|whom|which)"

_CUE_PATTERN = (
    r"\b(?:"
    # stated unknowns
    r"unclear|uncertain\w*|unknown|unexplained|unanswered|undisclosed|unspecified|undetermined"
    r"|murky|only\s+speculati\w+|speculative\s+(?:estimates?|figures?|guess\w*|numbers?)"
    rf"|(?:is|are|was|were|remains?|remained|be|been|it[’']s){_NEG}?\s+{_SOON}undecided"
    rf"|{_NOT}\s+{_SOON}(?:clear|known)(?![-\w])(?!\s+(?:for|as|of)\b)"
    r"|remains?\s+to\s+be\s+seen|remained\s+to\s+be\s+seen"
    r"|(?:remain|remains|remained)\s+(?:a\s+|an\s+)?(?:mystery|open\s+question|in\s+doubt"
    r"|unsolved|unresolved|unanswered)"
    r"|questions?\s+(?:still\s+)?(?:remain|remains|remained|linger\w*|persist\w*|hang\w*)"
    r"|open\s+questions?|unsolved\s+(?:puzzles?|myster\w+)"
    r"|(?:rais\w+|pos\w+|prompt\w*|spark\w*)\s+(?:\w+\s+){0,2}?(?:questions?|doubts?)\s+"
    r"(?:about|over|as\s+to|on|regarding|whether|around)"
    r"|(?:is|are|was|were|remains?|now|still)\s+in\s+(?:question|doubt)"
    r"|(?:there\s+(?:is|are|was|were|remains?)\s+(?:also\s+|still\s+)?(?:questions|doubts"
    rf"|uncertainty|confusion)\s+(?:about|over|as\s+to|around|{_WH}))"
    rf"|(?:is|are|was|were)\s+(?:still\s+)?(?:wondering|unsure|not\s+sure)\s+{_WH}"
    r"|waiting\s+to\s+(?:hear|see|learn|find\s+out|know)"
    r"|(?:no\s+one|nobody|no-one)\s+(?:yet\s+|really\s+|fully\s+)?knows?"
    r"|(?:impossible|difficult|hard|too\s+early|too\s+soon|premature)\s+to\s+(?:know|say|tell"
    r"|predict|determine|assess|judge|draw|gauge|quantify|estimate|establish|forecast)"
    r"|(?:unable|not\s+able)\s+to\s+(?:predict|say|determine|explain|establish|identify|trace"
    r"|locate|account\s+for)"
    rf"|the\s+(?:big\s+|key\s+|real\s+|main\s+|open\s+)?question\s+(?:is|was|remains|now\s+is)"
    rf"\s+{_WH}"
    r"|(?:trying|seeking|attempting|working|struggling|scrambling)\s+to\s+(?:(?:assess|determine"
    r"|figure\s+out|find\s+out|work\s+out|piece\s+together|pin\s+down)"
    rf"|(?:establish|understand|learn|identify)\s+(?:\w+\s+){{0,2}}?{_WH})"
    # open inquiries
    r"|(?:under|pending)\s+investigation|being\s+investigated"
    rf"|(?:investigat\w+|looking\s+into|probing|examining|studying)\s+{_WH}"
    # missing evidence or detail
    r"|no\s+(?:(?:hard|further|other|more|immediate|clear|concrete|firm|direct|credible|official"
    r"|public|additional|new|reliable|real)\s+){0,2}(?:evidence|indication|indications|proof"
    r"|data|details|detail|information|word|explanation|timeline|timetable|comment|answers?"
    r"|response|reason\s+was\s+given|motive)"
    r"|offered\s+no|gave\s+no|given\s+no|provided\s+no"
    r"|(?:information|details|data|figures?|numbers?)\s+(?:was|were|is|are)\s+(?:not\s+"
    r"(?:immediately\s+)?available|unavailable)"
    r"|unavailable\s+for\s+comment|no\s+(?:immediate\s+)?claim\s+of\s+responsibility"
    rf"|(?:could|can|ca){_NEG}\s+(?:immediately\s+)?be\s+reached"
    rf"|{_NOT}\s+(?:immediately\s+)?(?:available|reachable)\s+(?:for|to)\s+comment"
    rf"|{_NOT}\s+{_SOON}(?:been\s+)?(?:announced|disclosed|revealed|made\s+public"
    r"|specified|determined|cleared|released\s+(?:publicly|yet))"
    # non-answers
    rf"|(?:did|does|would|will|could|can|wo|ca){_NEG}\s+{_SOON}{_ANSWER_VERBS}"
    rf"|cannot\s+{_SOON}{_ANSWER_VERBS}"
    rf"|(?:has|have|had){_NEG}\s+{_SOON}(?:yet\s+)?{_ANSWERED}"
    rf"|(?:declin\w+|refus\w+)\s+(?:\w+\s+)?to\s+{_SOON}(?:{_ANSWER_VERBS}|speculate"
    r"|be\s+interviewed)"
    r"|declined\s+(?:further\s+|immediate\s+)?comment"
    r"|(?:sidestep|dodg|evad|duck|deflect|parr)\w*\s+(?:\w+\s+){0,2}?questions?"
    r"|will\s+update\s+(?:this|the)\s+(?:article|story|report|post)"
    r")\b"
)
# Each cue above holds one of these (lower case): a fast gate before the pattern.
KEYS = (
    "unclear",
    "uncertain",
    "unknown",
    "unexplained",
    "unanswered",
    "undisclosed",
    "unspecified",
    "undetermined",
    "murky",
    "speculative",
    "undecided",
    "clear",
    "known",
    "to be seen",
    "remain",
    "question",
    "doubt",
    "unsolved",
    "wondering",
    "unsure",
    "not sure",
    "waiting to",
    "knows",
    "impossible",
    "difficult",
    "hard to",
    "too early",
    "too soon",
    "premature",
    "unable",
    "not able",
    "trying",
    "seeking",
    "attempting",
    "working to",
    "struggling",
    "scrambling",
    "investigat",
    "looking into",
    "probing",
    "examining",
    "studying",
    "no ",
    " gave no",
    "not",
    "n't",
    "n’t",
    "never",
    "declin",
    "refus",
    "unavailable",
    "reached",
    "responsibility",
    "will update",
)
# The cue words of the non-answer branches whose verb also has other senses.
_NOT_ANSWERS = re.compile(r"\s+(?:up|in|away|back|way|birth|chase)\b", re.IGNORECASE)


def unknown_cue(
    text: str, start: int, end: int, lowered: str | None = None
) -> re.Match[str] | None:
    """The first cue in text[start:end] stating that something is not known, if any; lowered is
    text.lower() when that keeps every offset (see spans.lower_case_copy), or None."""
    return _CUE_LIST.first(text, start, end, lowered)


def _other_sense(text: str, cue: re.Match[str], _start: int) -> bool:
    """'declined up', 'gave birth': the non-answer verb in another sense."""
    return _NOT_ANSWERS.match(text, cue.end()) is not None


_CUE_LIST = CueList(_CUE_PATTERN, KEYS, _other_sense)
