"""A long synthetic news document for the responsiveness test and the benchmarks."""

from __future__ import annotations

PARAGRAPHS = (
    "“We will hold the line whatever it costs,” the defence minister, Anna Kowalska, said "
    "on Monday, adding that 5,000 to 7,000 reservists had been called up.",
    "Officials said the convoy of 120 trucks travelled 400 kilometres in two days, but it "
    "could not be independently verified whether it carried ammunition.",
    "Is the ceasefire holding? It remains to be seen whether talks resume next week, "
    "according to a senior diplomat who spoke on condition of anonymity.",
    "Prices rose 3.5 per cent in October, while the budget deficit grew by £600m to £4.2bn, "
    "the statistics office reported.",
)


def long_article(characters: int = 300_000) -> str:
    """A headline and numbered paragraphs of ordinary news prose, about characters long."""
    parts = ["Long report on the border crisis"]
    size, number = len(parts[0]), 0
    while size < characters:
        paragraph = f"{number + 1}. {PARAGRAPHS[number % len(PARAGRAPHS)]}"
        parts.append(paragraph)
        size += len(paragraph) + 1
        number += 1
    return "\n".join(parts)
