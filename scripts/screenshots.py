"""Re-take the README's screenshots: the window at 1600x1000 on the sample article.

Run under a virtual screen: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python
scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> int:
    app = QApplication(sys.argv)
    from ui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.open_initial(None)  # a first start: the sample article
    window.show()

    def shoot() -> None:
        statements = window.proposals.topLevelItem(0)
        window.proposals.setCurrentItem(statements.child(2))
        app.processEvents()
        window.grab().save(str(DOCS / "main-window.png"))
        app.quit()

    QTimer.singleShot(800, shoot)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
