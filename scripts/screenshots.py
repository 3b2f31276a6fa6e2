"""Re-take the README's screenshots of the window's main states, at 1600x1000.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))


def settle(app: QApplication, window) -> None:
    for _ in range(40):
        app.processEvents()
    while window.is_loading():
        app.processEvents()


def shoot(app: QApplication, window, name: str) -> None:
    settle(app, window)
    window.grab().save(str(DOCS / name))
    print("wrote", DOCS / name)


def select(window, passage: str) -> None:
    start = window.current_source.text.index(passage)
    window.reader.select_range(start, start + len(passage))


def shoot_pdf_preview(app: QApplication, window) -> None:
    """The Export as PDF preview, taken while it is open, then cancelled."""
    from PySide6.QtCore import QTimer

    def take() -> None:
        preview = window.exports.preview
        if preview is None or not preview.isVisible():
            QTimer.singleShot(50, take)  # the PDF is still being built in the background
            return
        preview.resize(900, 1000)
        preview.finish_rendering()
        for _ in range(20):
            app.processEvents()
        preview.grab().save(str(DOCS / "pdf-preview.png"))
        print("wrote", DOCS / "pdf-preview.png")
        preview.reject()

    QTimer.singleShot(50, take)
    window.exports.export_pdf()
    while window.exports.running() or window.exports.preview is not None:
        app.processEvents()


def shoot_templates(app: QApplication, window) -> None:
    """The template picker, the manager, and a briefing under a grading template."""
    from app import template_library as library
    from app.templates import apply_template, template_from_briefing
    from ui.template_dialogs import TemplateManager, TemplatePicker

    picker = TemplatePicker(
        library.all_templates(), title="Apply Template", action="Apply", parent=window
    )
    picker.templates.list.setCurrentRow(0)
    picker.show()
    for _ in range(40):
        app.processEvents()
    picker.grab().save(str(DOCS / "template-picker.png"))
    print("wrote", DOCS / "template-picker.png")
    chosen = picker.chosen()
    picker.close()
    library.save_user_template(template_from_briefing(window.briefing, "Eastern Europe desk"))
    manager = TemplateManager(window, last_folder=lambda: str(Path.home()))
    manager.show()
    manager.reload("Eastern Europe desk")
    for _ in range(40):
        app.processEvents()
    manager.grab().save(str(DOCS / "template-manager.png"))
    print("wrote", DOCS / "template-manager.png")
    manager.close()
    window.document.apply("Apply template", apply_template(window.briefing, chosen))
    window.editor.header.likelihood.setCurrentIndex(
        window.editor.header.likelihood.findData("realistic possibility")
    )
    window.editor.header.likelihood.activated.emit(window.editor.header.likelihood.currentIndex())
    statement = window.briefing.sections[0].items[1]
    window.editor.select_item(statement.id)
    editors = window.editor.item_editor.editors
    for name, code in (("reliability", "B"), ("credibility", "2")):
        editors[name].setCurrentIndex(editors[name].findData(code))
        editors[name].activated.emit(editors[name].currentIndex())
    shoot(app, window, "template-grading.png")


def grab_widget(app: QApplication, widget, name: str) -> None:
    widget.show()
    for _ in range(20):
        app.processEvents()
    widget.grab().save(str(DOCS / name))
    print("wrote", DOCS / name)
    widget.close()


def shoot_writing(app: QApplication, window) -> None:
    """The analyst's own paragraph (a spelling slip underlined), a statement's wording, and
    the Section and Article properties dialogs and the shortcut list."""
    from ui.section_dialogs import SectionPropertiesDialog
    from ui.source_dialog import SourceDialog

    notes = next(s for s in window.briefing.sections if s.title == "Notes")
    window.editor.tree.setCurrentIndex(
        window.editor.model.index(window.briefing.sections.index(notes), 0)
    )
    from app import edits

    paragraph = window.analyst_text.new_paragraph()
    window.document.apply(
        "Set role", edits.update_item(window.briefing, paragraph, role="assessment")
    )
    editor = window.editor.item_editor
    editor.text_boxes["text"].setPlainText(
        "A deployment would be a step change in North Korea's support to Russia. We have yet "
        "to recieve confirmation from allies.\n- Numbers: Ukraine's figure, unconfirmed.\n"
        "- Impact: small against Russia's losses, large as a signal."
    )
    shoot(app, window, "analyst-paragraph.png")
    statement = next(i for i in window.briefing.items() if i.kind == "statement" and not i.direct)
    window.editor.select_item(statement.id)
    shoot(app, window, "statement-wording.png")
    key_points = window.briefing.sections[0].model_copy(
        update={"guidance": "No more than five items.", "item_limit": 5}
    )
    dialog = SectionPropertiesDialog(key_points, window)
    grab_widget(app, dialog, "section-properties.png")
    grab_widget(app, SourceDialog(window.current_source, window), "article-properties.png")
    shortcuts = window.writing.show_shortcuts()
    shortcuts.resize(700, 800)
    grab_widget(app, shortcuts, "keyboard-shortcuts.png")


def main() -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["BRIEFING_BUILDER_DATA_DIR"] = str(tmp / "data")
    app = QApplication(sys.argv)
    from tests.ui.long_article import long_article
    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1600, 1000)
    window.show()
    window.open_initial(None)  # a first start: the sample article
    proposals = window.proposals
    model = proposals.model
    proposals.tree.setCurrentIndex(model.index(2, 0, model.index(0, 0)))
    shoot(app, window, "main-window.png")

    window.proposals.accept_all("statement")
    window.proposals.accept_all("figure")
    questions = model.all_rows("question")
    window.accept_proposals([questions[row] for row in (0, 2, 3)])
    header = window.editor.header
    header.marking.setCurrentText("OFFICIAL-SENSITIVE")
    header.author.setText("J. Analyst")
    header.author.textEdited.emit("J. Analyst")
    header.bottom_line.setPlainText(
        "North Korean troops are reported in Russia's Kursk region; numbers and their "
        "use in Ukraine are unconfirmed."
    )
    select(window, "large amounts of ammunition, including artillery shells and ballistic missiles")
    window.capture_selection("note", *window.reader.selected_range())
    quote = next(i for i in window.briefing.sections[0].items if i.direct)
    window.editor.select_item(quote.id)
    window.editor.item_editor.editors["content"].setPlainText(
        "We have information that North Korea sent soldiers to Ukraine."
    )
    window.editor.item_editor.editors["verification"].setCurrentText("unconfirmed")
    shoot(app, window, "briefing-editor.png")
    shoot_writing(app, window)
    shoot_pdf_preview(app, window)
    shoot_templates(app, window)

    window.pane.find_bar.open_bar()
    window.pane.find_bar.field.setText("casualty")
    window.pane.find_bar.find_next()
    shoot(app, window, "find-in-article.png")
    window.pane.find_bar.close_bar()

    document = tmp / "long-report.txt"
    document.write_text(long_article(300_000), encoding="utf-8")
    window.document.reset(window.briefing, None)  # no save question for the screenshot
    window.open_path(document)
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(DOCS / "long-document-loading.png"))
    print("wrote", DOCS / "long-document-loading.png")
    settle(app, window)
    window.document.reset(window.briefing, None)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
