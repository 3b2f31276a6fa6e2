"""Start-up of the desktop app: QApplication, settings, the first window."""

from __future__ import annotations


def run_application(*, file: str | None, qt_args: list[str]) -> int:
    """Create the application and the main window, and run the event loop."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication(["briefing-builder", *qt_args])
    app.setApplicationName("Briefing Builder")
    app.setOrganizationName("Briefing Builder")
    window = MainWindow()
    window.open_initial(file)
    window.show()
    return app.exec()
