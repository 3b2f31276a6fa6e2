"""What every message for a user must be: a sentence in words, without the internals."""

from __future__ import annotations

import re

# Exception class names, tracebacks and library internals (reportlab frames, codec and JSON
# parser positions, errno numbers, object reprs) never belong in a message for a user.
INTERNALS = re.compile(
    r"Traceback|\b[A-Z][a-zA-Z]+(Error|Exception|Warning)\b|\bErrno\b|\berrno\b"
    r"|frame '|object at 0x|codec can't|line \d+ column \d+|\(char \d+\)|File \""
)
MAX_MESSAGE_CHARS = 1200


def message_problem(message: str) -> str | None:
    """Why message is not a clear sentence for a user, or None when it is one."""
    message = message.removeprefix("warning: ").strip()
    if not message:
        return "there is no message"
    found = INTERNALS.search(message)
    if found is not None:
        return f"it shows internals ({found.group(0)!r})"
    if message[-1] not in ".!?)”\"'":
        return "it does not end like a sentence"
    if len(message) > MAX_MESSAGE_CHARS:
        return f"it runs to {len(message)} characters"
    return None


def assert_clear_sentence(message: str, where: str) -> None:
    problem = message_problem(message)
    assert problem is None, f"{where}: {problem}: {message[:300]}"
