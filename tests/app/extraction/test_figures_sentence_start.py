"""A figure that opens a sentence or a line with a word of quantity ("About 12,000 troops")
is a figure, not a label like "Boeing 787"."""

import pytest

from app.extraction import extract
from app.importing import import_text


@pytest.mark.parametrize("opening", ["About", "Some", "Nearly", "Almost", "Roughly", "Over"])
def test_a_quantity_word_opening_a_line_keeps_its_figure(opening: str) -> None:
    source = import_text(f"Troops move\n\n{opening} 12,000 troops have reached the border.")
    (figure,) = extract(source).figures
    assert (figure.value, figure.counts) == (12000, "troops")


def test_a_capitalised_name_before_a_number_is_still_a_label() -> None:
    source = import_text("Planes\n\nThe airline flew a Boeing 787 to Seoul. It was Game 2.")
    assert extract(source).figures == ()
