"""`briefing-builder templates` and `export --template`, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf

from app.templates import TEMPLATE_FORMAT

ROOT = Path(__file__).resolve().parents[1]


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_BUILDER_DATA_DIR": str(data)}
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


def test_list_as_json_gives_name_and_description(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "templates", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 4 and all(row["name"] and row["description"] for row in rows)


def test_export_import_and_show_a_template_of_ones_own(tmp_path: Path) -> None:
    shared = tmp_path / "shared.bbtemplate"
    done = run_cli(tmp_path, "templates", "export", "information paper", str(shared))
    assert done.returncode == 0, done.stderr
    document = json.loads(shared.read_text(encoding="utf-8"))
    document["template"]["name"] = "Desk paper"
    shared.write_text(json.dumps(document), encoding="utf-8")

    assert run_cli(tmp_path, "templates", "import", str(shared)).returncode == 0
    listed = json.loads(run_cli(tmp_path, "templates", "list", "--format", "json").stdout)
    assert {"name": "Desk paper", "builtin": False}.items() <= listed[-1].items()
    shown = json.loads(run_cli(tmp_path, "templates", "show", "desk paper").stdout)
    assert [s["title"] for s in shown["sections"]] == ["Purpose", "Facts", "Discussion"]


def test_a_hostile_template_is_refused_with_a_message(tmp_path: Path) -> None:
    hostile = tmp_path / "evil.bbtemplate"
    body = {
        "name": "Evil",
        "reference_docx": "../../../home/user/secret.docx",
        "sections": [{"title": "A"}],
    }
    hostile.write_text(
        json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 1, "template": body}),
        encoding="utf-8",
    )

    done = run_cli(tmp_path / "data", "templates", "import", str(hostile))

    assert done.returncode == 1 and "not a valid template" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "data").exists()


def test_export_with_a_template_uses_its_sections_and_marking(tmp_path: Path) -> None:
    out = tmp_path / "sub.pdf"
    done = run_cli(
        tmp_path,
        "export",
        "resources/sample-article.txt",
        "--template",
        "Submission (UK style)",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Background" in text and "Argument" in text and "OFFICIAL-SENSITIVE" in text


def test_a_reader_that_goes_away_ends_the_listing_quietly(tmp_path: Path) -> None:
    # "templates list | head -0": the pipe is closed before anything is written.
    env = {**os.environ, "BRIEFING_BUILDER_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "templates", "list", "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    process.stdout.close()
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert errors == ""
