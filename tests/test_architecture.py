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


def ui_imports(path: Path) -> set[str]:
    """The ui modules a ui module imports, anywhere in it (lazily or for type checking too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "ui":
            found.update(f"ui.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ui."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ui."))
    return found


def import_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle in graph (module -> modules it imports), or [] when there is none."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for target in sorted(graph.get(module, ())):
            if cycle := visit(target, [*path, module]):
                return cycle
        done.add(module)
        return []

    for module in sorted(graph):
        if cycle := visit(module, []):
            return cycle
    return []


def test_no_import_cycle_inside_ui() -> None:
    graph = {
        f"ui.{path.stem}": ui_imports(path)
        for path in sorted((ROOT / "ui").glob("*.py"))
        if path.stem != "__init__"
    }
    assert len(graph) > 10
    assert import_cycle(graph) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert import_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert import_cycle({"a": {"b"}, "b": set()}) == []


def test_every_package_is_installed() -> None:
    """A package missing from pyproject's list works in the checkout and vanishes from a
    wheel: every folder with an __init__.py must be named there."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("app", "ui", "exporters", "cli", "resources")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
