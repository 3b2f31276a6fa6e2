"""`briefing-builder compare`: articles or .briefing files in, the comparison out, with
plain messages for what cannot be read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.extraction import extract
from app.importing import import_file
from app.proposals import briefing_from_article
from app.sample import load_sample
from app.storage import save_briefing
from cli import compare_command
from tests.test_cli import run_cli

DATA = Path(__file__).parent / "data" / "compare"
HERALD = DATA / "northern-herald-2024-10-17.txt"
MERIDIAN = DATA / "meridian-post-2024-10-18.txt"


def test_json_output_reads_back_with_groups_discrepancies_and_corroborations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = compare_command.run([str(HERALD), str(MERIDIAN), "--format", "json"])
    assert status == 0
    document = json.loads(capsys.readouterr().out)
    assert document["source_count"] == 2
    troops = next(g for g in document["groups"] if g["label"] == "North Korean troops")
    assert troops["discrepancy"] is True
    assert {f["source"] for f in troops["figures"]} == {
        "Northern Herald, 17 Oct",
        "Meridian Post, 18 Oct",
    }
    for figure in troops["figures"]:  # each value links back to its passage
        path = HERALD if figure["source"].startswith("Northern") else MERIDIAN
        passage = import_file(path).text[figure["start"] : figure["end"]]
        assert passage and passage in figure["text"]
    assert document["discrepancies"][0]["group"] == troops["key"]
    assert any(c["confirmation"] == "denied" for c in document["corroborations"])


def test_text_output_lists_shared_figures_and_flags_the_discrepancy(tmp_path: Path) -> None:
    done = run_cli("compare", str(HERALD), str(MERIDIAN))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    troops = next(line for line in lines if line.startswith("North Korean troops: "))
    assert "10,000 (Volodymyr Zelenskyy, Northern Herald, 17 Oct)" in troops
    assert "12,000 (NIS, via the Capital Wire news agency, Meridian Post, 18 Oct)" in troops
    assert lines[lines.index(troops) + 1].startswith("  ! discrepancy: ")
    assert any(line.startswith("- reported by") and "confirmed" in line for line in lines)


def test_a_briefing_file_and_an_article_compare_together(tmp_path: Path) -> None:
    sample = load_sample()
    path = tmp_path / "sample.briefing"
    save_briefing(briefing_from_article(sample, extract(sample)), path)
    done = run_cli("compare", str(path), str(MERIDIAN), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["source_count"] == 2
    assert any(g["discrepancy"] for g in document["groups"])
    text = import_file(MERIDIAN).text
    article_keys = [
        f for g in document["groups"] for f in g["figures"] if f["source"].startswith("Meridian")
    ]
    for figure in article_keys:  # the article's proposals are named by their passage keys
        kind, _, start, end = figure["key"].split(":")
        assert kind == "figure" and (int(start), int(end)) == (figure["start"], figure["end"])
        assert text[figure["start"] : figure["end"]] in figure["text"]


def test_one_briefing_alone_is_enough(tmp_path: Path) -> None:
    sample = load_sample()
    path = tmp_path / "one.briefing"
    save_briefing(briefing_from_article(sample, extract(sample)), path)
    assert run_cli("compare", str(path)).returncode == 0


def test_one_article_alone_is_a_usage_error() -> None:
    done = run_cli("compare", str(HERALD))
    assert done.returncode == 2
    assert "two or more articles" in done.stderr


def test_unreadable_inputs_are_named_and_nothing_is_compared(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.briefing"
    damaged.write_text("{not json", encoding="utf-8")
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("text", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    done = run_cli("compare", str(HERALD), str(damaged), str(unknown), str(missing))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "damaged.briefing" in done.stderr
    assert "notes.xyz" in done.stderr
    assert "missing.txt" in done.stderr
    assert "nothing was compared" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_same_article_twice_is_no_discrepancy(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(HERALD, copy)
    done = run_cli("compare", str(HERALD), str(copy), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["discrepancies"] == []
