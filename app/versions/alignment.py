"""Two texts of one article aligned word by word, and the passages that differ.

Lines (an article's paragraphs) are matched first, whole: most of a re-published article
is unchanged, and matching lines is cheap. Only the lines that differ are then matched
word by word, so a long article with a corrected figure costs little more than reading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from app.versions.tokens import Token, tokens

Opcode = tuple[str, int, int, int, int]  # difflib's: tag, old from/to, new from/to (tokens)
LineOpcode = tuple[str, int, int, int, int, list[Opcode]]  # lines' opcode with its words'

# Word-by-word matching of a block of changed lines is quadratic at worst; past this many
# words a side, difflib's heuristic for frequent words keeps it fast (a rewrite, anyway).
_EXACT_WORDS = 3_000


@dataclass(frozen=True)
class Alignment:
    """Both texts, their words, and difflib opcodes over the words covering both wholly."""

    old_text: str
    new_text: str
    old: list[Token]
    new: list[Token]
    opcodes: list[Opcode]
    line_opcodes: list[LineOpcode]  # over the same words, a line at a time

    @property
    def same_words(self) -> bool:
        """True when the texts differ at most in spacing, quotation marks and dashes."""
        return all(tag == "equal" for tag, *_ in self.opcodes)


def align(old_text: str, new_text: str) -> Alignment:
    """old_text and new_text aligned (lines first, then the words of lines that differ)."""
    old, new = tokens(old_text), tokens(new_text)
    old_lines, new_lines = _lines(old), _lines(new)
    matcher = SequenceMatcher(
        None, [key for key, _, _ in old_lines], [key for key, _, _ in new_lines], autojunk=False
    )
    opcodes: list[Opcode] = []
    line_opcodes: list[LineOpcode] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        i1, i2 = _token_span(old_lines, a1, a2, len(old))
        j1, j2 = _token_span(new_lines, b1, b2, len(new))
        words = _word_opcodes(old, new, i1, i2, j1, j2) if tag == "replace" else []
        opcodes += words or [(tag, i1, i2, j1, j2)]
        line_opcodes.append((tag, i1, i2, j1, j2, words))
    if not opcodes:  # two texts without words
        opcodes = [("equal", 0, 0, 0, 0)]
    return Alignment(old_text, new_text, old, new, opcodes, line_opcodes)


def _lines(found: list[Token]) -> list[tuple[str, int, int]]:
    """Each line holding words: its words joined (the key compared), first and end token."""
    lines: list[tuple[str, int, int]] = []
    start = 0
    for index in range(1, len(found) + 1):
        if index == len(found) or found[index].line != found[start].line:
            key = "\x1f".join(token.key for token in found[start:index])
            lines.append((key, start, index))
            start = index
    return lines


def _token_span(
    lines: list[tuple[str, int, int]], first: int, end: int, count: int
) -> tuple[int, int]:
    """The tokens of lines[first:end]; an empty span where those lines would begin."""
    if first < end:
        return lines[first][1], lines[end - 1][2]
    position = lines[first][1] if first < len(lines) else count
    return position, position


def _word_opcodes(
    old: list[Token], new: list[Token], i1: int, i2: int, j1: int, j2: int
) -> list[Opcode]:
    a = [token.key for token in old[i1:i2]]
    b = [token.key for token in new[j1:j2]]
    exact = max(len(a), len(b)) <= _EXACT_WORDS
    matcher = SequenceMatcher(None, a, b, autojunk=not exact)
    return [
        (tag, i1 + a1, i1 + a2, j1 + b1, j1 + b2) for tag, a1, a2, b1, b2 in matcher.get_opcodes()
    ]


# ----- what a person reads -------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A run of a changed passage: kept, removed or added words, with their spacing."""

    kind: Literal["same", "removed", "added"]
    text: str


@dataclass(frozen=True)
class Difference:
    """Paragraphs added, removed or changed, with offsets into each text."""

    kind: Literal["added", "removed", "changed"]
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str
    pieces: tuple[Piece, ...]


def differences(alignment: Alignment) -> tuple[Difference, ...]:
    """The paragraphs that differ, in order, each with its words marked kept, removed or
    added; paragraphs that differ only in spacing or quotation marks are left out."""
    found = []
    for tag, i1, i2, j1, j2, words in alignment.line_opcodes:
        if tag == "equal":
            continue
        for ops in _paragraph_runs(alignment, words or [(tag, i1, i2, j1, j2)]):
            found.append(_difference(alignment, ops))
    return tuple(found)


def _paragraph_runs(alignment: Alignment, ops: list[Opcode]) -> list[list[Opcode]]:
    """The word opcodes of a block of changed lines, cut where both texts start a new line,
    so a changed paragraph and a paragraph added after it are two differences; runs with
    no change left out."""
    runs: list[list[Opcode]] = [[]]
    for op in (part for whole in ops for part in _by_line(alignment, whole)):
        if runs[-1] and _line_starts(alignment.old, op[1]) and _line_starts(alignment.new, op[3]):
            runs.append([])
        runs[-1].append(op)
    return [run for run in runs if any(op[0] != "equal" for op in run)]


def _by_line(alignment: Alignment, op: Opcode) -> list[Opcode]:
    """A removal or addition of several paragraphs, one paragraph at a time."""
    tag, i1, i2, j1, j2 = op
    if tag not in ("delete", "insert"):
        return [op]
    found, low, high = (alignment.old, i1, i2) if tag == "delete" else (alignment.new, j1, j2)
    cuts = [k for k in range(low + 1, high) if found[k].line != found[k - 1].line]
    bounds = list(zip([low, *cuts], [*cuts, high], strict=True))
    if tag == "delete":
        return [(tag, a, b, j1, j2) for a, b in bounds]
    return [(tag, i1, i2, a, b) for a, b in bounds]


def _line_starts(found: list[Token], index: int) -> bool:
    return index in (0, len(found)) or found[index].line != found[index - 1].line


def _difference(alignment: Alignment, ops: list[Opcode]) -> Difference:
    i1, i2 = ops[0][1], ops[-1][2]
    j1, j2 = ops[0][3], ops[-1][4]
    old_start, old_end = _extent(alignment.old, i1, i2, alignment.old_text)
    new_start, new_end = _extent(alignment.new, j1, j2, alignment.new_text)
    kind: Literal["added", "removed", "changed"] = "changed"
    if i1 == i2:
        kind = "added"
    elif j1 == j2:
        kind = "removed"
    return Difference(
        kind=kind,
        old_start=old_start,
        old_end=old_end,
        new_start=new_start,
        new_end=new_end,
        old_text=alignment.old_text[old_start:old_end],
        new_text=alignment.new_text[new_start:new_end],
        pieces=tuple(_pieces(alignment, ops, i2, j2)),
    )


def _extent(found: list[Token], first: int, end: int, text: str) -> tuple[int, int]:
    if first < end:
        return found[first].start, found[end - 1].end
    position = found[first].start if first < len(found) else len(text)
    return position, position


def _pieces(alignment: Alignment, ops: list[Opcode], i_end: int, j_end: int) -> list[Piece]:
    """Runs of text between token starts, so the spacing between words stays with them."""
    pieces = []
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("equal", "delete", "replace") and i1 < i2:
            kind = "same" if tag == "equal" else "removed"
            text = _run(alignment.old, alignment.old_text, i1, i2, i_end)
            pieces.append(Piece(kind, text))  # type: ignore[arg-type]
        if tag in ("insert", "replace") and j1 < j2:
            pieces.append(Piece("added", _run(alignment.new, alignment.new_text, j1, j2, j_end)))
    return pieces


def _run(found: list[Token], text: str, first: int, end: int, block_end: int) -> str:
    """The text from token first up to the next run's first token (its own last word's end
    when it closes the block)."""
    stop = found[end].start if end < block_end else found[end - 1].end
    return text[found[first].start : stop]
