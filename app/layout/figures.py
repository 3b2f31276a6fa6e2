"""How a figure reads: its value, the words a vague quantity used, and who asserted it."""

from __future__ import annotations

from app.layout.prose import capitalised
from app.layout.wording import clean, typographic, value_range
from app.models import Figure, VerificationStatus


def figure_value(figure: Figure) -> str:
    """'5,000–7,000', or for a vague quantity the article's words with the range the words
    stand for beside them: 'thousands of (≈ 1,000–10,000)'."""
    words = typographic(clean(figure.text))
    value = value_range(figure.value, figure.value_high, approximate=figure.approximate)
    if value and words and not any(char.isdigit() for char in words):
        return f"{words} ({value})"
    return value or words


def asserted_by(figure: Figure, *, mark_hedged: bool = True) -> str:
    """Who asserted the figure, and its verification when it is more than a claim, and
    whether the source only hedged it: 'NIS — unconfirmed', 'Ministry — hedged'."""
    who = capitalised(typographic(clean(figure.asserted_by)))  # a cell reads as a sentence
    cautions = (
        [] if figure.verification is VerificationStatus.CLAIMED else [figure.verification.value]
    )
    cautions += ["hedged"] if figure.hedged and mark_hedged else []
    if not cautions:
        return who
    status = ", ".join(cautions)
    return f"{who} — {status}" if who else status.capitalize()
