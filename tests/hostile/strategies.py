"""Hypothesis strategies for hostile text: every code point (surrogates, controls, RTL and
combining marks included) and fragments that provoke this app's parsers in particular."""

from __future__ import annotations

from hypothesis import strategies as st

# Any code point at all: Hypothesis leaves lone surrogates out unless asked for them, and
# controls, format characters and combining marks are asked for more often than chance.
ANY_CHARACTER = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),
    st.characters(categories=["Cc", "Cf", "Mn", "Zl", "Zp"]),
)

FRAGMENTS = (
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2028",
    "\x00",
    "\x0b",
    "\x1b",
    "\x85",
    "\ufeff",
    "\ufffe",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u2067",
    "\u200f",
    "\u0301",
    "\u0308" * 40,
    "e\u0301",
    "ﬁ",
    "Ａ",
    "א",
    "عربي",
    "😀",
    "#",
    "# ",
    "*",
    "_",
    "[",
    "](",
    "`",
    "|",
    "<b>",
    "</p>",
    "&amp;",
    "&#0;",
    "<para>",
    "“",
    "”",
    '"',
    "'",
    "said",
    " said ",
    "according to",
    "Maria Lopez",
    "the minister",
    "5,000",
    "£45 million",
    "3.5%",
    "-",
    "–",
    "—",
    "...",
    "?",
    "!",
    ".",
    ",",
    ":",
    "Mr.",
    "(",
    ")",
    "1",
    "thousands of",
    "five hundred ",
    " million",
    "$1 ",
    "5% ",
    "1\n",
    " to ",
)
FRAGMENT = st.sampled_from(FRAGMENTS)
RUN = st.builds(lambda piece, times: piece * times, FRAGMENT, st.integers(1, 200))


def hostile_text(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text mixing random code points, provocative fragments and long runs of them."""
    part = st.one_of(st.text(ANY_CHARACTER, max_size=8), FRAGMENT, RUN)
    return st.lists(part, max_size=max_size).map("".join)


def prose_with_noise() -> st.SearchStrategy[str]:
    """Article-like sentences with hostile pieces between them (so extraction has work)."""
    sentence = st.sampled_from(
        (
            "The foreign minister, Maria Lopez, said on Tuesday that “the talks have failed”.",
            "Officials estimate that 5,000 to 7,000 troops remain near the border.",
            "“We will not retreat,” the general said.",
            "It is unclear whether the delegations will meet again?",
            "Prices could rise by 3.5% next year, according to the bank.",
        )
    )
    part = st.one_of(sentence, hostile_text(max_size=6), st.just("\n\n"))
    return st.lists(part, min_size=1, max_size=25).map(" ".join)
