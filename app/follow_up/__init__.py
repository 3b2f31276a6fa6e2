"""Follow-up briefings: the next briefing in a series, carrying the questions still open.

The previous briefing becomes a source of the new one: a digest of its bottom line and
carried questions, so a carried question stays traceable to where it was asked. Figures of
the previous briefing are kept (without their articles) for "Since the last briefing".
"""

from app.follow_up.answers import answer_hints, hints_for_item, mark_answered, mark_open
from app.follow_up.since_last import SinceLast, changes_since_last
from app.follow_up.start import start_follow_up

__all__ = [
    "SinceLast",
    "answer_hints",
    "changes_since_last",
    "hints_for_item",
    "mark_answered",
    "mark_open",
    "start_follow_up",
]
