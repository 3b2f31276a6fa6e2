"""The briefing domain: immutable pydantic models shared by every part of the app."""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import itertools
import re
import uuid
import zlib
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

# A lone surrogate (a half of a UTF-16 pair, "\ud800" in JSON, or a byte of a file name
# that is not UTF-8) is a str character that UTF-8 cannot carry: a briefing holding one
# could never be saved again. Replaced one for one, so no offset into a text moves.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"


def carriable_text(text: str) -> str:
    """text with every character a UTF-8 file cannot hold replaced by U+FFFD."""
    if _LONE_SURROGATE.search(text) is None:  # the usual case: a scan in C, no copy
        return text
    return _LONE_SURROGATE.sub(REPLACEMENT_CHARACTER, text)


def new_id() -> str:
    """A fresh identifier for sources, sections and items."""
    return uuid.uuid4().hex


class Frozen(BaseModel):
    """Base for all domain models: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TextRange(Frozen):
    """A half-open range [start, end) of character offsets into a source's text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> TextRange:
        if self.end < self.start:
            raise ValueError("range end lies before its start")
        return self

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


class Snapshot(Frozen):
    """The page or PDF exactly as fetched from its address, kept with the article so the
    briefing opens and exports offline and says which version it used."""

    media_type: str  # "text/html", "application/pdf", "text/plain"
    charset: str = ""  # as the server declared it
    final_url: str = ""  # after redirects
    retrieved: dt.datetime
    data: str  # the body, zlib-compressed then base64 (JSON holds text)

    @classmethod
    def of(
        cls, body: bytes, *, media_type: str, charset: str, final_url: str, retrieved: dt.datetime
    ) -> Snapshot:
        packed = base64.b64encode(zlib.compress(body, 9)).decode("ascii")
        return cls(
            media_type=media_type,
            charset=charset,
            final_url=final_url,
            retrieved=retrieved,
            data=packed,
        )

    def body(self, max_bytes: int = 64 * 1024 * 1024) -> bytes:
        """The bytes as fetched; ValueError when the stored data is damaged (or would unpack
        to more than max_bytes: a hand-made file must not be a zip bomb)."""
        try:
            packed = base64.b64decode(self.data, validate=True)
            unpacker = zlib.decompressobj()
            body = unpacker.decompress(packed, max_bytes + 1)
        except (ValueError, zlib.error) as error:
            raise ValueError("the stored copy of the page is damaged") from error
        if len(body) > max_bytes or unpacker.unconsumed_tail:
            raise ValueError("the stored copy of the page is too large")
        return body


class SourceVersion(Frozen):
    """An earlier text of an article, kept when Check for Updates found a newer one: items
    that still cite it (their anchor's version) are read against this text."""

    number: int = Field(ge=1)
    text: str
    paragraphs: tuple[TextRange, ...] = ()
    boilerplate: tuple[TextRange, ...] = ()
    retrieved: dt.datetime | None = None
    snapshot: Snapshot | None = None
    encoding: str | None = None

    @field_validator("text")
    @classmethod
    def _carriable(cls, text: str) -> str:
        return carriable_text(text)


# What differs from one version of an article to the next (the rest is the article's).
VERSION_FIELDS = ("text", "paragraphs", "boilerplate", "retrieved", "snapshot", "encoding")


class Source(Frozen):
    """An imported article: its metadata, its normalised text and the structure of that text.

    text is the article's current version (number version); earlier versions found by
    Check for Updates stay in earlier, oldest first, for the items that cite them."""

    id: str = Field(default_factory=new_id)
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: dt.date | None = None
    retrieved: dt.datetime | None = None
    origin: str = ""  # file name, "pasted" or the URL it was fetched from
    encoding: str | None = None  # how a text file was decoded, for the override dialog
    text: str
    paragraphs: tuple[TextRange, ...] = ()
    boilerplate: tuple[TextRange, ...] = ()
    snapshot: Snapshot | None = None  # the page as fetched, for an article opened by address
    file_path: str = ""  # the file it was read from, so Check for Updates can read it again
    version: int = Field(default=1, ge=1)
    earlier: tuple[SourceVersion, ...] = ()

    @field_validator("title", "outlet", "author", "url", "origin", "text", "file_path")
    @classmethod
    def _carriable(cls, text: str) -> str:
        # An article's name comes from its file, whose name may hold bytes that are not
        # UTF-8: cleaned here, where sources are made, so the briefing can always be saved.
        return carriable_text(text)

    def at_version(self, number: int) -> Source:
        """The article as it read at version number (0 or the current number: itself); a
        copy with that version's text, structure and retrieval. KeyError if it is not kept."""
        if number in (0, self.version):
            return self
        for kept in self.earlier:
            if kept.number == number:
                update = {name: getattr(kept, name) for name in VERSION_FIELDS}
                return self.model_copy(update={**update, "version": number, "earlier": ()})
        raise KeyError(number)

    def as_kept_version(self) -> SourceVersion:
        """This text of the article, to keep as an earlier version when a newer one comes."""
        fields = {name: getattr(self, name) for name in VERSION_FIELDS}
        return SourceVersion(number=self.version, **fields)

    def cited(self, anchor: Anchor) -> Source:
        """The version of this article that anchor cites; the current one if that version
        is not kept (a hand-edited file)."""
        try:
            return self.at_version(anchor.version)
        except KeyError:
            return self

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) touches a range the import marked as site furniture."""
        # Asked for every paragraph: a bisection over the ranges in start order, with the
        # furthest end reached so far, instead of a scan of all of them (quadratic on pages
        # of thousands of furniture lines).
        starts, furthest_ends = self._furniture_index
        before_end = bisect.bisect_left(starts, end)  # ranges starting before `end`
        return before_end > 0 and furthest_ends[before_end - 1] > start

    @property
    def _furniture_index(self) -> tuple[list[int], list[int]]:
        return _furniture_index(self.boilerplate)

    def paragraph_number(self, offset: int) -> int | None:
        """1-based number of the paragraph holding offset, for citations."""
        # Paragraphs are in text order: a binary search, since views ask this for every
        # item they show and a long report has thousands of paragraphs.
        found = bisect.bisect_right(self.paragraphs, offset, key=_range_start) - 1
        for index in (found - 1, found):  # an offset on a shared border is the first's
            if index >= 0 and self.paragraphs[index].start <= offset <= self.paragraphs[index].end:
                return index + 1
        return None


def _range_start(text_range: TextRange) -> int:
    return text_range.start


# The index of the last few furniture tuples asked about, kept with the tuple itself so
# its id cannot be reused while cached (and outside the model, so equality and copies are
# untouched).
_FURNITURE_INDEXES: dict[int, tuple[tuple[TextRange, ...], list[int], list[int]]] = {}
_FURNITURE_INDEXES_KEPT = 8


def _furniture_index(ranges: tuple[TextRange, ...]) -> tuple[list[int], list[int]]:
    """Range starts in order, with the furthest end reached up to each."""
    cached = _FURNITURE_INDEXES.get(id(ranges))
    if cached is None or cached[0] is not ranges:
        ordered = sorted(ranges, key=_range_start)
        starts = [r.start for r in ordered]
        furthest_ends = list(itertools.accumulate((r.end for r in ordered), max))
        if len(_FURNITURE_INDEXES) >= _FURNITURE_INDEXES_KEPT:
            _FURNITURE_INDEXES.pop(next(iter(_FURNITURE_INDEXES)))
        cached = _FURNITURE_INDEXES[id(ranges)] = (ranges, starts, furthest_ends)
    return cached[1], cached[2]


class Anchor(Frozen):
    """Where an item came from: offsets plus the quoted text and its surroundings.

    The context lets an item be found again when offsets shift (re-import, edits).
    """

    source_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    prefix: str = ""
    suffix: str = ""
    # 0: the article's current text. n: its earlier version n, which the item still cites
    # because Check for Updates found its passage changed and the analyst kept it.
    version: int = Field(default=0, ge=0)


class VerificationStatus(StrEnum):
    CLAIMED = "claimed"
    UNCONFIRMED = "unconfirmed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


class QuestionKind(StrEnum):
    EXPLICIT = "explicit"
    UNCONFIRMED = "unconfirmed"
    UNCERTAINTY = "uncertainty"


class QuestionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    DROPPED = "dropped"


Reliability = Literal["", "A", "B", "C", "D", "E", "F"]
Credibility = Literal["", "1", "2", "3", "4", "5", "6"]

# The Admiralty (NATO) system: how far the source is trusted, and how far this piece of
# information is, judged separately. The wording follows NATO AJP-2.1 (public).
RELIABILITY_SCALE = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY_SCALE = {
    "1": "Confirmed by other sources",
    "2": "Probably true",
    "3": "Possibly true",
    "4": "Doubtful",
    "5": "Improbable",
    "6": "Truth cannot be judged",
}


class PassageChange(Frozen):
    """What Check for Updates found where an item's passage stood in a newer version of its
    article, until the analyst takes the new wording or keeps the version the item cites."""

    status: Literal["changed", "gone"]
    version: int = Field(ge=1)  # the newer version
    start: int = Field(default=0, ge=0)  # the passage in the newer version (where it stood)
    end: int = Field(default=0, ge=0)
    text: str = ""  # its new wording; "" when it is gone


class ItemBase(Frozen):
    id: str = Field(default_factory=new_id)
    anchor: Anchor | None = None
    passage_change: PassageChange | None = None  # flagged by Check for Updates
    note: str = ""  # the analyst's own remark, never exported as the source's words
    reliability: Reliability = ""  # Admiralty grading, when the briefing's style grades items
    credibility: Credibility = ""

    @property
    def grade(self) -> str:
        """ "B2", "B?" or "" for an ungraded item."""
        if not (self.reliability or self.credibility):
            return ""
        return f"{self.reliability or '?'}{self.credibility or '?'}"


class Statement(ItemBase):
    kind: Literal["statement"] = "statement"
    content: str
    speaker: str = ""
    speaker_role: str = ""
    cue: str = ""
    direct: bool = False
    verification: VerificationStatus = VerificationStatus.CLAIMED
    # The sentence the briefing prints, as the analyst edited it; "" means the sentence is
    # written from the fields above. Its quoted words are still checked against the article.
    wording: str = ""
    hedged: bool = False  # the passage says it only may be so ("could", "is expected to")


class Figure(ItemBase):
    kind: Literal["figure"] = "figure"
    text: str  # the figure as written in the article, e.g. "5,000 to 7,000"
    # Not-a-number and infinity are not figures, and JSON cannot store them.
    value: float | None = Field(default=None, allow_inf_nan=False)
    value_high: float | None = Field(default=None, allow_inf_nan=False)  # top of a range
    unit: str = ""
    counts: str = ""
    approximate: bool = False
    as_of: str = ""
    asserted_by: str = ""
    verification: VerificationStatus = VerificationStatus.CLAIMED
    hedged: bool = False  # a forecast or possibility ("could reach 5,000"), not a fact
    # The analyst's say on which figures count the same thing, across articles: "" lets the
    # comparison group the figure by what it counts; any other text puts every figure with
    # the same text in one group (a merge), and a figure's own id alone splits it off.
    group: str = ""


class Question(ItemBase):
    kind: Literal["question"] = "question"
    text: str
    question_kind: QuestionKind = QuestionKind.EXPLICIT
    owner: str = ""
    status: QuestionStatus = QuestionStatus.OPEN
    # Its history across a series of briefings: the briefing that first asked it and when,
    # who asked it (the analyst, or the outlet whose passage raised it), and how many
    # follow-ups carried it. A new question has none of these yet.
    asked_on: dt.date | None = None
    asked_in: str = ""
    asked_by: str = ""
    carried: int = Field(default=0, ge=0)
    # The id of the item in this briefing that answers it, once the analyst says one does.
    answered_by: str = ""
    answered_on: dt.date | None = None


NoteRole = Literal["", "assessment", "comment", "recommendation", "background"]
NOTE_ROLES: dict[NoteRole, str] = {
    "": "Analyst's note",
    "assessment": "Assessment",
    "comment": "Comment",
    "recommendation": "Recommendation",
    "background": "Background",
}


class Note(ItemBase):
    """A passage kept from an article, or (with no anchor) the analyst's own paragraphs.

    Its text may hold several paragraphs and "- " bullet lines."""

    kind: Literal["note"] = "note"
    text: str
    role: NoteRole = ""


Item = Annotated[Statement | Figure | Question | Note, Field(discriminator="kind")]
ItemKind = Literal["statement", "figure", "question", "note"]


class Section(Frozen):
    id: str = Field(default_factory=new_id)
    title: str
    guidance: str = ""
    kinds: tuple[ItemKind, ...] = ()  # kinds that land here by default when accepted
    item_limit: int | None = Field(default=None, ge=1, le=999)  # most items the guidance wants
    items: tuple[Item, ...] = ()


def passage_key(kind: str, source_id: str, start: int, end: int) -> str:
    """A stable name for a proposal, and for an item taken from one: the same kind of item
    on the same passage of the same article has the same key."""
    return f"{kind}:{source_id}:{start}:{end}"


FORBIDDEN_IN_FILE_NAMES = frozenset('/\\:*?"<>|\0')


def bare_docx_name(name: str) -> str:
    """name itself if it is a .docx file name without folders (or ""); ValueError if not."""
    if name and (
        set(name) & FORBIDDEN_IN_FILE_NAMES
        or name.startswith(".")
        or not name.lower().endswith(".docx")
        or not name.isprintable()
        or len(name.encode("utf-8")) > 120
    ):
        raise ValueError("the reference document must be a .docx file name, without folders")
    return name


class GlossaryEntry(Frozen):
    """An acronym or short name and what it stands for, as the export's glossary lists it.

    An empty expansion is a term the articles use without explaining, left for the analyst.
    """

    id: str = Field(default_factory=new_id)
    term: str = Field(min_length=1, max_length=200)
    expansion: str = Field(default="", max_length=1000)
    anchor: Anchor | None = None  # the passage that explains (or first uses) the term


class PreviousBriefing(Frozen):
    """The briefing a follow-up continues from: what \"Since the last briefing\" compares with.

    Its figures are copies without anchors (their articles stay with the old file); the
    digest source holds its bottom line and carried questions, so they can be cited.
    """

    title: str = ""
    date: dt.date | None = None
    file_name: str = ""
    source_id: str = ""  # the digest Source of this briefing listing the previous one
    figures: tuple[Figure, ...] = ()
    question_ids: tuple[str, ...] = ()  # the questions carried over, by their (kept) ids


class BriefingStyle(Frozen):
    """How a briefing is exported, set from its template and kept with the briefing so a
    colleague opening the file exports the same document."""

    page_size: Literal["A4", "Letter"] = "A4"
    header_text: str = Field(default="", max_length=200)
    footer_text: str = Field(default="", max_length=200)
    reference_docx: str = ""  # a Word look from the user's template folder, "" for ours
    numbered_items: bool = False  # paragraph numbers running through the document
    citation_style: Literal["numbered", "inline"] = "numbered"
    organisation: str = Field(default="", max_length=120)
    grading: bool = False  # Admiralty grades on statements and figures, with a legend
    likelihood_terms: tuple[Annotated[str, Field(max_length=60)], ...] = Field(
        default=(), max_length=12
    )
    page_budget: int | None = Field(default=None, ge=1, le=200)  # pages the export should fit
    # "reported": Mark Rutte said that ...; "speaker_first": Mark Rutte: “...”
    statement_form: Literal["reported", "speaker_first"] = "reported"
    statement_order: Literal["briefing", "speaker", "source"] = "briefing"
    label_analyst_text: bool = True  # "Assessment:" before the analyst's own paragraphs
    mark_hedged: bool = True  # "(hedged)" after a statement or figure the source only hedged
    # Sections the export adds after the template's own, each only when it has something
    # to say: figures from several articles side by side, the glossary, and what changed
    # since the briefing this one follows up.
    figures_compared: bool = True
    glossary: bool = True
    since_last_briefing: bool = True

    @field_validator("reference_docx")
    @classmethod
    def _bare_file_name(cls, name: str) -> str:
        return bare_docx_name(name)


class Briefing(Frozen):
    """A whole briefing: what is saved in a .briefing file."""

    title: str = ""
    date: dt.date | None = None
    author: str = ""
    marking: str = ""
    bottom_line: str = ""
    likelihood: str = ""  # one of style.likelihood_terms, qualifying the bottom line
    style: BriefingStyle = BriefingStyle()
    sections: tuple[Section, ...] = ()
    sources: tuple[Source, ...] = ()
    template: str = ""
    rejected: tuple[str, ...] = ()  # keys of proposals the user rejected, to restore later
    glossary: tuple[GlossaryEntry, ...] = ()
    previous: PreviousBriefing | None = None  # set on a follow-up briefing

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def articles(self) -> tuple[Source, ...]:
        """The sources that are articles: all but a follow-up's digest of the briefing it
        follows (which is cited, but is not one more article to compare)."""
        digest = self.previous.source_id if self.previous else None
        return tuple(source for source in self.sources if source.id != digest)


def default_sections() -> tuple[Section, ...]:
    """The section layout of a new briefing until the template issue brings real templates."""
    return (
        Section(title="Key statements", kinds=("statement",)),
        Section(title="Key figures", kinds=("figure",)),
        Section(title="Open questions", kinds=("question",)),
        Section(title="Notes", kinds=("note",)),
    )
