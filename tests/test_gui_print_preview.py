"""Print preview: the PDF is made in the background, its pages previewed, saved and printed."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from gui import print_preview
from gui.print_preview import PrintPreviewDialog, show_print_dialog
from reports.fonts import cn_font

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def three_pages(path: Path, progress=None) -> None:
    canvas = Canvas(str(path), pagesize=A4)
    for n in range(1, 4):
        canvas.setFont(cn_font(), 20)
        canvas.drawString(100, 700, f"交接清单 第 {n} 页")
        canvas.showPage()
    canvas.save()


@pytest.fixture
def preview(qtbot) -> PrintPreviewDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    task = show_print_dialog(parent, three_pages, "物业原始资料移交清单")
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=10000)
    dialog = task.preview
    qtbot.waitExposed(dialog)
    return dialog


def test_previews_every_page(preview: PrintPreviewDialog) -> None:
    assert preview.pages == 3
    assert len(preview.page_labels) == 3
    pixmap = preview.page_labels[0].pixmap()
    assert pixmap.height() > pixmap.width() > 500  # A4 portrait, large enough to read
    assert preview.pdf_path.exists()


def test_save_as_copies_the_pdf(preview: PrintPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "保存的清单"  # no suffix: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF 文件 (*.pdf)")))
    preview.save_button.click()
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == preview.pdf_path.read_bytes()


def test_print_to_a_pdf_printer(preview: PrintPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    preview.printer.setResolution(100)  # a fast test; the image is still fitted to the page
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    preview.print_button.click()
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 3
        assert len(pdf.pages[0].images) == 1  # each page painted as one picture
        assert pdf.pages[0].width < pdf.pages[0].height


def test_temp_file_goes_when_closed(preview: PrintPreviewDialog, qtbot) -> None:
    path = preview.pdf_path
    preview.reject()
    qtbot.waitUntil(lambda: not path.exists(), timeout=3000)


def test_failed_pdf_reports_the_error(qtbot, monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(print_preview, "show_error", lambda exc, parent=None: errors.append(exc))

    def broken(path: Path, progress=None) -> None:
        raise ValueError("坏了")

    task = show_print_dialog(None, broken, "x")
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    assert getattr(task, "preview", None) is None


def test_a_long_summary_reports_progress_while_the_window_keeps_painting(qtbot, sqlite_db, tmp_path) -> None:
    """The defect summary of many rows runs in the worker: the progress bar moves and the GUI
    thread keeps handling events the whole time (the window never freezes)."""
    import datetime as dt

    from PySide6.QtCore import QTimer

    from models.services import defect_register, projects
    from reports.print_commands import print_defect_summary

    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业", "本公司", dt.date(2026, 6, 30))
    for n in range(600):
        defect_register.record_new(sqlite_db, project.id, handover_id=handover.id, location=f"{n % 9 + 1}栋",
                                   category="土建装饰", severity="一般", responsible="开发商",
                                   description=f"外墙瓷砖空鼓第 {n} 处", found_at=dt.datetime(2026, 7, 1, 9))
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks, values = [], []
    timer = QTimer(parent, interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def make_pdf(path: Path, progress) -> None:
        print_defect_summary(sqlite_db, handover.id, path, progress=progress)

    task = show_print_dialog(parent, make_pdf, "遗留问题汇总表")
    task.progressed.connect(lambda *report: values.append(report))
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=60000)
    assert task.preview.pages > 10
    assert len(ticks) > 5  # the GUI thread ran its timer while the PDF was being made
    assert len(values) > 3  # and the progress bar was told, page after page
