"""Runs one hostile case in this (fresh) process: `python -m tests.hostile.run_case CASE OUT`.

CASE is the case as JSON (a file), OUT the case's scratch folder. Each step goes through a
real entry point; the outcome goes to OUT/result.json and the result text to OUT/result.txt.
Anything the app lets escape is left to escape: the interpreter then prints a traceback on
stderr, which is exactly what the test looks for.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import signal
import sys
import zipfile
from pathlib import Path
from typing import Any

from app.extraction import extract
from app.importing import ImportFailure, import_file, import_text
from app.models import Source
from app.storage import StorageError, load_briefing, save_briefing


class Refused(Exception):
    """A step stopped with a message meant for the user."""


def main(case_file: str, out: str) -> None:
    case = json.loads(Path(case_file).read_text(encoding="utf-8"))
    folder = Path(case_file).parent.parent  # the corpus folder holds cases/
    state: dict[str, Any] = {"text": "", "warnings": [], "problems": []}
    outcome, message = "ok", ""
    try:
        for step in case["steps"]:
            run_step(resolve(step, folder, Path(out)), state, Path(out))
    except Refused as refusal:
        outcome, message = "refused", str(refusal)
    finally:
        lift_size_limit()
    state["changed"] = [
        path
        for path, text in resolve(case["keeps"], folder, Path(out)).items()
        if Path(path).read_text(encoding="utf-8", errors="replace") != text
    ]
    result = {"outcome": outcome, "message": message, **state, "text": None}
    Path(out, "result.txt").write_text(state["text"], encoding="utf-8", errors="surrogatepass")
    Path(out, "result.json").write_text(json.dumps(result), encoding="utf-8")


def lift_size_limit() -> None:
    """Back to no file size limit, so the runner can write its own result files."""
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))


def resolve(step: dict[str, Any], folder: Path, out: Path) -> dict[str, Any]:
    """step with "{in}" and "{out}" in its values (and keys) made real paths."""

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("{in}", str(folder)).replace("{out}", str(out))
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    return {fill(key): fill(value) for key, value in step.items()}


def run_step(step: dict[str, Any], state: dict[str, Any], out: Path) -> None:
    op = step["op"]
    if op == "mkfifo":
        os.mkfifo(step["path"])
    elif op == "mkdir":
        os.mkdir(step["path"])
    elif op == "write":
        Path(step["path"]).write_text(step["text"], encoding="utf-8")
    elif op == "fsize_limit":
        # Writes past the limit fail with EFBIG, as they would with ENOSPC on a full disk;
        # the signal the kernel sends with it would otherwise end the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (step["bytes"], hard))
    elif op == "import":
        warnings: list[str] = []
        source = _imported(
            lambda: import_file(step["file"], encoding=step.get("encoding"), warnings=warnings)
        )
        state["warnings"] += warnings
        check_extraction(source, state)
    elif op == "paste":
        text = json.loads(Path(step["file"]).read_text(encoding="utf-8"))["text"]
        check_extraction(_imported(lambda: import_text(text)), state)
    elif op == "load_save":
        load_save(Path(step["file"]), out, state)
    elif op == "cli":
        run_cli(step["argv"], state)
    else:
        raise ValueError(op)


def _imported(read: Any) -> Source:
    try:
        source: Source = read()
    except ImportFailure as failure:
        raise Refused(str(failure)) from None
    return source


def check_extraction(source: Source, state: dict[str, Any]) -> None:
    """Extract, and record any proposal whose offsets or quoted text do not match the text."""
    state["text"] = source.text
    found = extract(source).as_contract()
    for kind, proposals in found.items():
        for proposal in proposals:
            start, end, quoted = proposal["start"], proposal["end"], proposal["text"]
            if not (0 <= start <= end <= len(source.text)) or source.text[start:end] != quoted:
                state["problems"].append(f"{kind} at {start}:{end} does not quote the text")
    state["proposals"] = sum(len(p) for p in found.values())


def load_save(path: Path, out: Path, state: dict[str, Any]) -> None:
    """Open, save elsewhere, edit, save again and reopen: nothing may be lost on the way."""
    try:
        first = load_briefing(path)
        copy = out / "copy.briefing"
        save_briefing(first, copy)
        again = load_briefing(copy)
        edited = again.model_copy(update={"title": again.title + " (edited)"})
        save_briefing(edited, copy)
        last = load_briefing(copy)
    except StorageError as error:
        raise Refused(str(error)) from None
    if again != first:
        state["problems"].append("the briefing changed between save and load")
    if last.title != first.title + " (edited)" or last.sections != first.sections:
        state["problems"].append("an edited briefing did not come back as saved")
    state["text"] = copy.read_text(encoding="utf-8")


def run_cli(argv: list[str], state: dict[str, Any]) -> None:
    from cli.main import main as cli_main

    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli_main(argv)
    except SystemExit as leaving:  # argparse refusing an argument
        status = leaving.code if isinstance(leaving.code, int) else 2
    finally:
        sys.stderr.write(stderr.getvalue())
    said = _messages(stderr.getvalue())
    state["warnings"] += [m for m in said if m.startswith("warning: ")]
    if status != 0:
        raise Refused(
            " ".join(m for m in said if not m.startswith("warning: "))
            or f"exit status {status} without a message"
        )
    state["text"] = cli_text(argv, stdout.getvalue())


def _messages(stderr: str) -> list[str]:
    # argparse's usage lines (and their indented continuations) come before its message.
    lines = [
        line.strip()
        for line in stderr.splitlines()
        if line.strip() and not line.startswith(("usage:", " "))
    ]
    return [re.sub(r"^[\w .-]*?briefing-builder[\w -]*: (error: )?", "", line) for line in lines]


def cli_text(argv: list[str], stdout: str) -> str:
    """The text a successful command produced: the article it read or the file it wrote."""
    if argv[0] == "extract":
        found = json.loads(stdout)
        return str(found.get("text", "")) if isinstance(found, dict) else ""
    if argv[0] == "export":
        output = Path(argv[argv.index("-o") + 1])
        return document_text(output) if output.is_file() else ""
    return stdout


def document_text(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        return re.sub(r"<[^>]+>", "", xml)
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    chosen = [*range(min(len(pages), 4)), *range(max(4, len(pages) - 2), len(pages))]
    return "\n".join(pages[n].extract_text() or "" for n in chosen)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
