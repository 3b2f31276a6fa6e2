"""An unexpected exception: the work is autosaved first, then a plain message is shown."""

from __future__ import annotations

from ui.application import _report_unexpected
from ui.main_window import MainWindow


def test_unexpected_error_autosaves_and_explains(window: MainWindow, messages: list) -> None:
    window.open_sample()
    window.proposals.accept_all("figure")
    assert not window.autosaver.path.exists()  # the timer has not fired yet
    try:
        raise KeyError("boom")
    except KeyError as error:
        _report_unexpected(type(error), error, error.__traceback__, window=window)
    assert window.autosaver.path.exists()
    _title, text = messages[-1]
    assert "Something went wrong" in text and "work was saved automatically" in text
    assert "Traceback" not in text
