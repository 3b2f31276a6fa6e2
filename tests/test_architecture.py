"""The dependency rule: app/ is pure domain; exporters/ never reach into Qt or the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "app": {"PySide6", "shiboken6", "docx", "reportlab", "ui", "exporters", "cli"},
    "exporters": {"PySide6", "shiboken6", "ui", "cli"},
}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_the_architecture_allows(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no Python files to check"
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_top_level_modules(path) & FORBIDDEN[package])
        for path in files
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_checker_sees_nested_and_lazy_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from PySide6.QtCore import Qt\n    import docx.shared\n")
    assert imported_top_level_modules(module) == {"PySide6", "docx"}
