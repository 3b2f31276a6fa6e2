"""A heading followed straight by a subheading asks for room for both and the first lines
below them, so "Figures compared" never stays alone at a page's foot."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.layout import blocks as b
from exporters.pdf import HEADING_ROOM, _RoomForSection, _tell_rooms_what_follows


def test_a_heading_room_reaches_past_a_subheading_to_the_first_content() -> None:
    heading = Paragraph("Figures compared", ParagraphStyle(b.HEADING_1))
    subheading = Paragraph("North Korean troops", ParagraphStyle(b.HEADING_2))
    body = Paragraph("In 3 of 3 articles.", ParagraphStyle(b.BODY))
    later = Paragraph("More.", ParagraphStyle(b.BODY))
    first, second, third = (_RoomForSection(HEADING_ROOM) for _ in range(3))
    next_heading = Paragraph("Glossary", ParagraphStyle(b.HEADING_1))

    _tell_rooms_what_follows([first, heading, second, subheading, body, later, third, next_heading])

    assert first.following == [heading, subheading, body, later]
    assert second.following == [subheading, body, later]
    assert third.following == [next_heading]
