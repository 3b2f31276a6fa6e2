"""An article and a later version of it, for the version tests: what a newsroom changes
when it updates a story (a corrected figure, a quote cut, spacing and typography, a new
paragraph, paragraphs moved), each change known, so tests can name the items it touches."""

from __future__ import annotations

FIRST = (
    "Troops reach the border\n"
    "About 12,000 North Korean troops have reached the border, South Korea's spy agency said "
    "on Friday.\n"
    "“The first group has already left for the front,” the agency said in a statement.\n"
    "Officials in Kyiv said the move was a dangerous escalation of the war.\n"
    "It is not known whether the troops will fight inside Ukraine.\n"
    "The defence minister said 300 soldiers were wounded in the fighting near Kursk.\n"
    "Analysts said Pyongyang was paid in oil and weapons technology for the deployment."
)

# The same story updated: the figure corrected (12,000 -> 15,000), the minister's line cut,
# the quote's marks made straight and its spacing changed, a paragraph added, and the
# last paragraph moved up; "Officials in Kyiv said ..." is untouched.
SECOND = (
    "Troops reach the border\n"
    "About 15,000 North Korean troops have reached the border, South Korea's spy agency said "
    "on Friday.\n"
    "Analysts said Pyongyang was paid in oil and weapons technology for the deployment.\n"
    '"The first group has  already left for the front,"  the agency said in a statement.\n'
    "Officials in Kyiv said the move was a dangerous escalation of the war.\n"
    "Russia has not commented on the reports.\n"
    "It is not known whether the troops will fight inside Ukraine."
)

CHANGED_WORDS = ("12,000",)  # passages holding these changed
GONE_SENTENCE = "The defence minister said 300 soldiers were wounded in the fighting near Kursk."
