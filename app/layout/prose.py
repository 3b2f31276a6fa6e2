"""Statements as briefing prose: the sentence a careful writer makes from a statement's facts.

Three shapes, chosen from what the article gave:

- a whole direct quote is set first and tagged, as newspapers do:
  “How do you integrate them?” a Western official asked.
- reported speech, or a fragment quoted inside it, follows its speaker and verb:
  Volodymyr Zelenskyy revealed that “tactical personnel” were already on the ground.
- a full sentence with a quoted fragment keeps its own order and is tagged at its end:
  That level of attrition means “not many days of casualties”, a Western official said.

The "speaker_first" form gives Mark Rutte: “…” instead. The sentence ends once: a comma the
article left inside a closing quotation mark becomes a full stop, "?" and "!" stay, and no
".." or ",." is ever printed.
"""

from __future__ import annotations

import re
from typing import Literal

from app.layout.cues import Cue, reporting_cue
from app.layout.wording import clean, typographic, unquoted
from app.models import Statement

StatementForm = Literal["reported", "speaker_first"]

UNNAMED = "an unnamed speaker"
_OPENING_MARKS = "“‘\"'«„"
_CLOSING_MARKS = "”’\"'»"
_ANY_MARKS = '"“”«»„'
_ENDS = (".", "?", "!", "…")
_PAUSES = ",;:"
# Words that open a sentence but are not names: lower-cased inside a longer sentence.
_STARTERS = frozenset(
    """
    the that this these those it its there a an some many most even such any all no our
    their his her we they he she what when while if as in on at for by with after before
    """.split()
)
# Content that already opens its own clause takes no "that": "promised to", "asked how".
_CLAUSE_OPENERS = tuple(
    f"{word} " for word in "that to whether if how why what when where who which".split()
)
# ".." (not an ellipsis), ",.", ",,", "?." and "!.": a sentence ends once.
_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,\.|,,|(?<=[?!])\.(?!\.)")


def statement_sentence(
    statement: Statement, *, role_given: bool = False, form: StatementForm = "reported"
) -> str:
    """The statement as one sentence without its citation, e.g.
    'Mark Rutte, NATO's secretary general, said that it was a matter for individual allies.'

    role_given: the speaker's role was already given at an earlier mention, so it is left out.
    A statement whose wording the analyst edited returns that wording (tidied).
    """
    if clean(statement.wording):
        return finish_wording(statement.wording)
    speaker = typographic(clean(statement.speaker)) or UNNAMED
    role = "" if role_given else typographic(clean(statement.speaker_role))
    named = f"{speaker}, {role}" if role else speaker  # "Mark Rutte, NATO's secretary general"
    subject = f"{named}," if role else named  # before a verb the role closes with a comma
    text = typographic(clean(statement.content)).rstrip(_PAUSES + " ")
    cue = reporting_cue(statement.cue)
    if not text:
        return capitalised(f"{subject} {cue.as_tag}.")
    inner = unquoted(text)
    if statement.direct and inner and not any(mark in inner for mark in _ANY_MARKS):
        sentence = _whole_quote(inner, named, subject, cue, form)
    else:
        sentence = _reported(text, named, subject, cue, form)
    return capitalised(tidy(sentence))


def _whole_quote(words: str, named: str, subject: str, cue: Cue, form: StatementForm) -> str:
    """A quote of the speaker's own sentence(s)."""
    words = words.rstrip(_PAUSES + " ")
    if form == "speaker_first":
        return f"{named}: “{end_sentence(words)}”"
    if not words[:1].isupper() and not words[:1].isdigit():
        # A fragment ("the first step to a world war") cannot open a sentence.
        verb = cue.past if not cue.according_to else "said"
        return end_sentence(f"{subject} {verb} “{words}”")
    verb = cue.as_tag
    if words.endswith("?") and verb in ("said", "added", "continued", "stated"):
        verb = "asked"
    return f"“{_tag_end(words)}” {subject} {verb}."


def _reported(text: str, named: str, subject: str, cue: Cue, form: StatementForm) -> str:
    """Reported speech, or a sentence holding quoted fragments."""
    full_sentence = _opens_a_sentence(text)
    if cue.according_to:
        text = _without_that(text)
        if _opens_a_sentence(text) and form == "reported":
            return end_sentence(f"{_comma_after(text)} according to {named}")
        return end_sentence(f"According to {named}, {_lower_starter(text)}")
    if full_sentence and form == "speaker_first":
        return end_sentence(f"{named}: {text}")
    if full_sentence and cue.takes_that:
        return f"{_comma_after(text)} {subject} {cue.as_tag}."
    if not cue.takes_that:
        return end_sentence(f"{subject} {cue.past} {text}")
    text = _lower_starter(text)
    joiner = " " if text.lower().startswith(_CLAUSE_OPENERS) else " that "
    return end_sentence(f"{subject} {cue.past}{joiner}{text}")


def _opens_a_sentence(text: str) -> bool:
    """True when text is a sentence of its own: it starts with a capital or a quotation."""
    first = text[:1]
    return first.isupper() or first in _OPENING_MARKS


def _without_that(text: str) -> str:
    return text[5:] if text.lower().startswith("that ") else text


def _lower_starter(text: str) -> str:
    """'That level of attrition' → 'that level of attrition' inside a sentence; names stay."""
    first, _, rest = text.partition(" ")
    if first.lower() in _STARTERS and first[:1].isupper():
        return f"{first.lower()} {rest}".rstrip()
    return text


def _tag_end(words: str) -> str:
    """A quote's last mark before its tag: "?" and "!" stay, a full stop becomes a comma."""
    if words.endswith(("?", "!", "…", "...")):
        return words
    return words.rstrip(".") + ","


def _comma_after(text: str) -> str:
    """A sentence that a tag will follow: its stop becomes a comma, inside or outside quotes.

    '…the gap.”' → '…the gap,”'; '…the gap”' → '…the gap”,' (the tag takes the comma)."""
    if text.endswith(tuple(_CLOSING_MARKS)):
        mark, inner = text[-1], text[:-1].rstrip()
        if inner.endswith(("?", "!", "…")):
            return text
        if inner.endswith((".", ",")):
            return inner[:-1] + "," + mark
        return text + ","
    if text.endswith(("?", "!")):
        return text
    return text.rstrip(".") + ","


def end_sentence(text: str) -> str:
    """text closed once: a pause left inside a closing quotation mark becomes a full stop
    ('…to Russia,”' → '…to Russia.”'); a quote ending in "?" or "!" ends the sentence; a
    fragment in quotation marks takes its stop outside ('“a world war”.')."""
    text = text.rstrip(_PAUSES + " ")
    if text.endswith(tuple(_CLOSING_MARKS)) and len(text) > 1:
        mark, inner = text[-1], text[:-1].rstrip()
        if inner.endswith(tuple(_PAUSES)):
            return inner.rstrip(_PAUSES + " ") + "." + mark
        return text if inner.endswith(_ENDS) else text + "."
    return text if text.endswith(_ENDS) else text + "."


def tidy(text: str) -> str:
    """No doubled stops or stray comma-stop pairs, whatever the parts brought."""
    while _DOUBLED.search(text):
        text = _DOUBLED.sub(_single, text)
    return text


def _single(match: re.Match[str]) -> str:
    doubled = match.group()
    return "" if doubled == "." else doubled[-1] if doubled != ",," else ","


def capitalised(text: str) -> str:
    """The first letter of the sentence in capitals ("a Western official" → "A Western …")."""
    # Only a plain lower-case word that opens the sentence: a letter inside an opening
    # quotation mark is the speaker's own, and "iPhone" or "https://…" are written so.
    first = text.split(" ", 1)[0]
    if first.replace("-", "").replace("’", "").isalpha() and first.islower():
        return text[:1].upper() + text[1:]
    return text


def finish_wording(wording: str) -> str:
    """The analyst's own sentence, typeset: typographic quotes, a capital and one end stop."""
    text = typographic(clean(wording))
    return capitalised(tidy(end_sentence(text))) if text else ""
