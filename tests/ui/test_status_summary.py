"""The status bar's count of proposals agrees with each number."""

from app.extraction import Extraction, ProposedFigure, ProposedQuestion
from ui.status import extraction_summary


def test_counts_agree_with_their_nouns() -> None:
    found = Extraction(
        figures=(ProposedFigure(0, 1, "1", 1.0),),
        questions=(
            ProposedQuestion(0, 1, "?", "explicit"),
            ProposedQuestion(2, 3, "?", "explicit"),
        ),
    )
    assert extraction_summary(found) == "0 statements, 1 figure, 2 open questions proposed."
