"""One line describing the machine a benchmark ran on, printed beside its figures."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version


def pyside_version() -> str:
    """The installed PySide6 version, without importing Qt (that would skew start-up)."""
    for distribution in ("PySide6", "PySide6_Essentials"):
        try:
            return version(distribution)
        except PackageNotFoundError:
            continue
    return "unknown"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            return next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        return platform.processor() or "unknown CPU"


def describe() -> str:
    """CPU, cores, system, Python, PySide6 and the display the figures were measured on."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    display = os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    return (
        f"{cpu_model()}, {os.cpu_count()} cores ({usable} usable), {platform.platform()}, "
        f"Python {platform.python_version()}, PySide6 {pyside_version()}, display: {display}"
    )
