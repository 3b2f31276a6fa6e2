"""Versions of an article: a newer text compared with the one a briefing cites, items
placed in it, and the analyst's answers to the items whose passage changed."""

from app.versions.alignment import Difference, Piece, align, differences
from app.versions.resolve import keep_cited_version, use_new_wording
from app.versions.update import FlaggedItem, SourceUpdate, source_name, update_source

__all__ = [
    "Difference",
    "FlaggedItem",
    "Piece",
    "SourceUpdate",
    "align",
    "differences",
    "keep_cited_version",
    "source_name",
    "update_source",
    "use_new_wording",
]
