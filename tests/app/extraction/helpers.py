"""Run the extractor on a short text written for a test."""

from __future__ import annotations

from app.extraction import Extraction, extract
from app.importing import import_text


def run(text: str) -> Extraction:
    return extract(import_text(text))


def statements(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    """(content, speaker, cue, direct) of each statement found in text."""
    return [(s.text, s.speaker, s.cue, s.direct) for s in run(text).statements]


def figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(f.text, f.value, f.unit) for f in run(text).figures]


def questions(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in run(text).questions]
