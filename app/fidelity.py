"""Quote fidelity: a direct quote must still read word for word as the article has it.

Paraphrase inside quotation marks is a classic briefing error, so an edited quote that no
longer matches its source is flagged. Differences of white space and quotation-mark style
are not differences of wording, so they are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.models import Source, Statement

_SPACE = re.compile(r"\s+")
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip().strip("\"'").strip()


def quote_is_faithful(statement: Statement, source: Source | None) -> bool:
    """False only for a direct quote whose words are no longer found in its source."""
    if not statement.direct or source is None:
        return True
    words = normalised(statement.content)
    return not words or words in _normalised_article(source.text)


@lru_cache(maxsize=8)
def _normalised_article(text: str) -> str:
    # Every item of a source is checked against the same article text: normalise it once.
    return normalised(text)
