"""The briefing's glossary: terms proposed from the articles, accepted, rejected and edited.

Pure functions on a Briefing, like app/edits: each returns a new Briefing. A term proposed
by an article is named by its passage (term_key), so that rejecting it survives a reload.
Acronyms are matched as written ("NIS" is not "Nis"); other terms ignoring case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.anchors import make_anchor
from app.edits import EditError, reject_proposals, restore_proposals
from app.extraction import Extraction, ProposedTerm
from app.models import Briefing, GlossaryEntry, Source, passage_key

TermState = Literal["proposed", "accepted", "rejected"]
MAX_TERM = GlossaryEntry.model_fields["term"].metadata[-1].max_length
MAX_EXPANSION = GlossaryEntry.model_fields["expansion"].metadata[-1].max_length


@dataclass(frozen=True, slots=True)
class TermProposal:
    """A term an article proposes, as the review lists it."""

    term: str
    expansion: str
    start: int
    end: int
    key: str
    state: TermState = "proposed"


def term_key(source_id: str, start: int, end: int) -> str:
    """The stable name of a proposed term: its article and passage."""
    return passage_key("term", source_id, start, end)


def glossary_proposals(
    briefing: Briefing, source: Source, extraction: Extraction
) -> list[TermProposal]:
    """The terms source proposes, each marked accepted (the glossary has it, explained
    unless the article cannot explain it either), rejected, or still proposed."""
    entries = {_matching_key(entry.term): entry for entry in briefing.glossary}
    rejected = set(briefing.rejected)
    proposals = []
    for found in extraction.glossary:
        key = term_key(source.id, found.start, found.end)
        entry = entries.get(_matching_key(found.term))
        state: TermState = "proposed"
        if entry is not None and (entry.expansion or not found.expansion):
            state = "accepted"
        elif key in rejected:
            state = "rejected"
        proposals.append(
            TermProposal(found.term, found.expansion, found.start, found.end, key, state)
        )
    return proposals


def accept_terms(
    briefing: Briefing, source: Source, proposals: Iterable[TermProposal | ProposedTerm]
) -> Briefing:
    """Add the proposed terms to the glossary, anchored to their passages in source. A term
    the glossary has already is not added again; if it has no expansion yet, this one's
    fills it. Accepting a rejected proposal takes back its rejection."""
    glossary = list(briefing.glossary)
    keys = []
    for proposal in proposals:
        keys.append(term_key(source.id, proposal.start, proposal.end))
        index = _index_of(glossary, proposal.term)
        anchor = make_anchor(source, proposal.start, proposal.end)
        if index is None:
            glossary.append(
                GlossaryEntry(term=proposal.term, expansion=proposal.expansion, anchor=anchor)
            )
        elif not glossary[index].expansion and proposal.expansion:
            update = {"expansion": proposal.expansion, "anchor": anchor}
            glossary[index] = glossary[index].model_copy(update=update)
    changed = briefing.model_copy(update={"glossary": tuple(glossary)})
    return restore_proposals(changed, keys)


def reject_terms(
    briefing: Briefing, source: Source, proposals: Iterable[TermProposal | ProposedTerm]
) -> Briefing:
    """Set proposed terms aside; restore_terms brings them back."""
    return reject_proposals(briefing, [term_key(source.id, p.start, p.end) for p in proposals])


def restore_terms(
    briefing: Briefing, source: Source, proposals: Iterable[TermProposal | ProposedTerm]
) -> Briefing:
    """Bring rejected terms back into review."""
    return restore_proposals(briefing, [term_key(source.id, p.start, p.end) for p in proposals])


def add_entry(briefing: Briefing, term: str, expansion: str = "") -> Briefing:
    """Add a term typed by the analyst; one already listed only gets a missing expansion."""
    term, expansion = _checked_term(term), _checked_expansion(expansion)
    index = _index_of(briefing.glossary, term)
    if index is None:
        entry = GlossaryEntry(term=term, expansion=expansion)
        return briefing.model_copy(update={"glossary": (*briefing.glossary, entry)})
    if briefing.glossary[index].expansion or not expansion:
        raise EditError(f"{term} is in the glossary already.")
    return _replace_entry(briefing, index, expansion=expansion)


def edit_entry(
    briefing: Briefing, entry_id: str, *, term: str | None = None, expansion: str | None = None
) -> Briefing:
    """Change an entry's term or expansion (what is not given stays as it is)."""
    index = _index_of_id(briefing, entry_id)
    changes: dict[str, str] = {}
    if term is not None:
        changes["term"] = _checked_term(term)
        other = _index_of(briefing.glossary, changes["term"])
        if other is not None and other != index:
            raise EditError(f"{changes['term']} is in the glossary already.")
    if expansion is not None:
        changes["expansion"] = _checked_expansion(expansion)
    return _replace_entry(briefing, index, **changes)


def remove_entry(briefing: Briefing, entry_id: str) -> Briefing:
    """Take an entry out of the glossary."""
    index = _index_of_id(briefing, entry_id)
    kept = briefing.glossary[:index] + briefing.glossary[index + 1 :]
    return briefing.model_copy(update={"glossary": kept})


def missing_expansions(briefing: Briefing) -> list[GlossaryEntry]:
    """The entries still waiting for the analyst to say what they stand for."""
    return [entry for entry in briefing.glossary if not entry.expansion.strip()]


def glossary_for_export(briefing: Briefing) -> list[GlossaryEntry]:
    """The glossary in alphabetical order of its terms, as a reader looks them up: case and
    accents aside ("État" beside "Etat", "Nato" beside "NATO")."""
    return sorted(briefing.glossary, key=lambda entry: (_lookup_key(entry.term), entry.term))


# ----- helpers --------------------------------------------------------------------------


def _lookup_key(term: str) -> str:
    decomposed = unicodedata.normalize("NFKD", term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _matching_key(term: str) -> str:
    # An acronym (two capitals or more) is matched as written, anything else ignoring case.
    return term if sum(c.isupper() for c in term) >= 2 else term.casefold()


def _index_of(entries: Sequence[GlossaryEntry], term: str) -> int | None:
    wanted = _matching_key(term)
    return next((i for i, e in enumerate(entries) if _matching_key(e.term) == wanted), None)


def _index_of_id(briefing: Briefing, entry_id: str) -> int:
    for index, entry in enumerate(briefing.glossary):
        if entry.id == entry_id:
            return index
    raise EditError("That glossary term is no longer in the briefing.")


def _replace_entry(briefing: Briefing, index: int, **changes: str) -> Briefing:
    glossary = list(briefing.glossary)
    glossary[index] = glossary[index].model_copy(update=changes)
    return briefing.model_copy(update={"glossary": tuple(glossary)})


def _checked_term(term: str) -> str:
    term = " ".join(term.split())
    if not term:
        raise EditError("A glossary term cannot be empty.")
    if len(term) > MAX_TERM:
        raise EditError(f"A glossary term can be at most {MAX_TERM} characters long.")
    return term


def _checked_expansion(expansion: str) -> str:
    expansion = " ".join(expansion.split())
    if len(expansion) > MAX_EXPANSION:
        raise EditError(f"An expansion can be at most {MAX_EXPANSION:,} characters long.")
    return expansion
