"""`briefing-builder follow-up`, run as a user runs it: a separate process, real files."""

from __future__ import annotations

from pathlib import Path

from app.models import Briefing, Question, QuestionStatus, Section
from app.storage import load_briefing, save_briefing
from tests.test_cli import run_cli


def _old(tmp_path: Path) -> Path:
    briefing = Briefing(
        title="Grain corridor",
        marking="OFFICIAL-SENSITIVE",
        sections=(
            Section(
                title="Open questions",
                kinds=("question",),
                items=(
                    Question(text="Will shipping resume?"),
                    Question(text="Who insures the ships?", status=QuestionStatus.ANSWERED),
                    Question(text="Is the port mined?", status=QuestionStatus.DROPPED),
                ),
            ),
        ),
    )
    path = tmp_path / "week-1.briefing"
    save_briefing(briefing, path)
    return path


def test_follow_up_writes_the_next_briefing_with_the_open_questions(tmp_path: Path) -> None:
    old = _old(tmp_path)
    new = tmp_path / "week-2.briefing"

    done = run_cli("follow-up", str(old), "-o", str(new), "--date", "2024-10-24")

    assert done.returncode == 0, done.stderr
    assert "Carried 1 open question from week-1.briefing" in done.stdout
    briefing = load_briefing(new)
    assert [q.text for q in briefing.items() if isinstance(q, Question)] == [
        "Will shipping resume?"
    ]
    assert briefing.marking == "OFFICIAL-SENSITIVE"
    assert str(briefing.date) == "2024-10-24"
    assert briefing.previous is not None and briefing.previous.file_name == "week-1.briefing"


def test_follow_up_refuses_bad_input_clearly(tmp_path: Path) -> None:
    old = _old(tmp_path)
    same = run_cli("follow-up", str(old), "-o", str(old))
    assert same.returncode == 2 and "never overwritten" in same.stderr
    missing = run_cli(
        "follow-up", str(tmp_path / "nope.briefing"), "-o", str(tmp_path / "n.briefing")
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "nope.briefing" in missing.stderr
    junk = tmp_path / "junk.briefing"
    junk.write_bytes(b"\x00\x01 not json")
    bad = run_cli("follow-up", str(junk), "-o", str(tmp_path / "n.briefing"))
    assert bad.returncode == 1 and "junk.briefing" in bad.stderr
    assert not (tmp_path / "n.briefing").exists()
    article = tmp_path / "a.txt"
    article.write_text("Officials said 5 people were hurt.", encoding="utf-8")
    not_briefing = run_cli("follow-up", str(article), "-o", str(tmp_path / "n.briefing"))
    assert not_briefing.returncode == 2 and "must be a .briefing" in not_briefing.stderr
    wrong_suffix = run_cli("follow-up", str(old), "-o", str(tmp_path / "n.pdf"))
    assert wrong_suffix.returncode == 2
    bad_date = run_cli("follow-up", str(old), "-o", str(tmp_path / "n.briefing"), "--date", "soon")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
