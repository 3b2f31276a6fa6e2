"""The analyst's own writing: paragraphs and bullet lists, uncited, labelled by role.

A Note without an anchor holds text the analyst typed. Each line is a paragraph (blank
lines are only spacing); lines opening with "- ", "* " or "• " are bullets, and bullets in
a row make one list.
"""

from __future__ import annotations

from collections.abc import Callable

from app.layout import blocks as b
from app.layout.wording import clean, typographic
from app.models import NOTE_ROLES, Note

ANALYST_NOTE = "Analyst’s note"
ANALYST_LABEL = f"{ANALYST_NOTE}: "  # before the analyst's remark on any item
_BULLETS = ("- ", "* ", "• ", "•\t", "-\t", "*\t")


def own_text(note: Note, number: Callable[[], b.Spans], *, labelled: bool) -> list[b.Block]:
    """The note's paragraphs and bullet lists. number() gives the item's paragraph number
    (or nothing); it is called once, for the first block, as one note is one item."""
    runs = _runs(note.text)
    if not runs:
        return []
    label = _label(note) if labelled else ()
    lead = (*number(), *label)
    blocks: list[b.Block] = []
    if lead and isinstance(runs[0], list):
        if label:  # "Recommendation:" on its own line above the list it introduces
            blocks.append(b.Paragraph(lead, b.BODY))
        else:  # only a number: it goes before the first bullet
            first, *others = runs[0]
            runs[0] = [(*lead, *first), *others]
        lead = ()
    for run in runs:
        if isinstance(run, list):
            blocks.append(b.BulletList(tuple(run)))
        else:
            blocks.append(b.Paragraph((*lead, b.Span(run)), b.BODY))
        lead = ()
    return blocks


def _label(note: Note) -> b.Spans:
    """ "Assessment: " in bold for a note with a role; a note without one is plain text."""
    if not note.role:
        return ()
    return (b.Span(f"{typographic(NOTE_ROLES[note.role])}: ", "strong"),)


def _runs(text: str) -> list[str | list[b.Spans]]:
    """Paragraph texts, and lists of bullet entries, in reading order."""
    runs: list[str | list[b.Spans]] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        is_bullet = stripped.startswith(_BULLETS)
        line = typographic(clean(stripped[2:] if is_bullet else stripped))
        if not line:
            continue
        if is_bullet:
            if runs and isinstance(runs[-1], list):
                runs[-1].append((b.Span(line),))
            else:
                runs.append([(b.Span(line),)])
        else:
            runs.append(line)
    return runs
