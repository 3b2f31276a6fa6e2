"""The `briefing-builder` command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def test_extract_jsonl_one_line_per_path(tmp_path: Path) -> None:
    first = tmp_path / "one.txt"
    first.write_text("“Hold the line,” the general said.\nIs help coming?", encoding="utf-8")
    second = tmp_path / "two.md"
    second.write_text("# Title\n\nThe cost was $1.13bn, officials said.", encoding="utf-8")
    done = run_cli("extract", str(first), str(second), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().split("\n")
    objects = [json.loads(line) for line in lines]
    assert [o["path"] for o in objects] == [str(first), str(second)]
    assert set(objects[0]) == {"path", "text", "statements", "figures", "questions", "glossary"}
    statement = objects[0]["statements"][0]
    assert statement["speaker"] == "the general" and statement["cue"] == "said"
    assert statement["direct"] is True
    assert objects[0]["questions"][0]["text"] == "Is help coming?"
    figure = objects[1]["figures"][0]
    assert figure["value"] == 1_130_000_000 and figure["unit"] == "dollar"


def test_unreadable_input_is_reported_and_the_rest_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Plain words.", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    done = run_cli("extract", str(bad), str(tmp_path / "missing.txt"), str(good))
    assert done.returncode != 0
    assert [json.loads(line)["path"] for line in done.stdout.strip().split("\n")] == [str(good)]
    errors = done.stderr.strip().split("\n")
    assert len(errors) == 2 and "bad.docx" in errors[0] and "does not exist" in errors[1]
    assert "Traceback" not in done.stderr


def test_json_format_is_indented_for_people(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ελληνικά: “Γεια,” he said.", encoding="utf-8")
    done = run_cli("extract", str(article), "--format", "json")
    assert done.returncode == 0
    assert done.stdout.startswith("{\n")
    assert json.loads(done.stdout)["text"] == "Ελληνικά: “Γεια,” he said."


def test_encoding_override(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("Сказал он.".encode("cp1251"))
    done = run_cli("extract", str(article), "--encoding", "cp1251")
    assert json.loads(done.stdout)["text"] == "Сказал он."


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.startswith("briefing-builder ")
    help_text = run_cli("extract", "--help").stdout
    assert "--format" in help_text and "jsonl" in help_text


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“Hold the line,” the general said. " * 2000, encoding="utf-8")
    command = f"{sys.executable} -m cli extract {article} {article} {article} | head -c 10"
    done = subprocess.run(
        command, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_several_paths_as_json_make_one_document(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the road was closed.", encoding="utf-8")
    done = run_cli("extract", str(article), str(article), "--format", "json")
    assert [o["path"] for o in json.loads(done.stdout)] == [str(article), str(article)]


def test_a_mistyped_command_is_an_error_not_a_window() -> None:
    done = run_cli("extrat")
    assert done.returncode == 2 and "extrat" in done.stderr
    assert "unrecognized arguments" in run_cli("-V").stderr


def test_no_display_gets_a_clear_message(tmp_path: Path) -> None:
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "cli"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2 and "no display" in done.stderr
