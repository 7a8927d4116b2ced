"""Print preview: the PDF is made in the background, its pages previewed, saved and printed."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget
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


def aim_at_file(printer: QPrinter, out: Path, dpi: int = 100) -> None:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)  # a fast test; the image is still fitted to the page


def print_and_wait(preview: PrintPreviewDialog, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    preview.print_button.click()
    assert preview.print_task is not None
    with qtbot.waitSignal(preview.print_task.ended, timeout=60000):
        pass


def test_print_to_a_pdf_printer(preview: PrintPreviewDialog, tmp_path: Path, qtbot, monkeypatch) -> None:
    out = tmp_path / "printed.pdf"
    aim_at_file(preview.printer, out)
    print_and_wait(preview, qtbot, monkeypatch)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 3
        assert len(pdf.pages[0].images) == 1  # each page painted as one picture
        assert pdf.pages[0].width < pdf.pages[0].height


def test_a_black_and_white_form_prints_grey_and_a_photo_in_colour(preview: PrintPreviewDialog, qtbot,
                                                                    tmp_path: Path, monkeypatch) -> None:
    """Grey pages spool a third of colour ones (Qt writes colour as JPEG): a form without colour
    goes out grey unless the clerk picks colour in the print dialog."""
    assert preview.printer.colorMode() == QPrinter.ColorMode.GrayScale
    out = tmp_path / "grey.pdf"
    aim_at_file(preview.printer, out)
    print_and_wait(preview, qtbot, monkeypatch)
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert [line.split()[5] for line in listing] == ["gray"] * 3  # the colour column

    def with_a_red_seal(path: Path, progress=None) -> None:
        canvas = Canvas(str(path), pagesize=A4)
        canvas.setFillColorRGB(0.8, 0, 0)
        canvas.circle(300, 400, 60, fill=1)
        canvas.save()

    parent = QWidget()
    qtbot.addWidget(parent)
    task = show_print_dialog(parent, with_a_red_seal, "整改通知单")
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=10000)
    assert task.preview.printer.colorMode() == QPrinter.ColorMode.Color


def many_pages(count: int):
    def write(path: Path, progress=None) -> None:
        canvas = Canvas(str(path), pagesize=A4)
        for n in range(1, count + 1):
            canvas.setFont(cn_font(), 14)
            for line in range(40):
                canvas.drawString(60, 780 - line * 18, f"欠费明细表 第 {n} 页 第 {line + 1} 行 物业服务费 1,234.56")
            canvas.showPage()
        canvas.save()
    return write


def test_printing_forty_pages_keeps_the_event_loop_running(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The pages go to the printer from the worker: the GUI thread's timer keeps firing and the
    progress bar moves while 40 pages are rasterised and sent."""
    from PySide6.QtCore import QTimer

    parent = QWidget()
    qtbot.addWidget(parent)
    task = show_print_dialog(parent, many_pages(40), "欠费明细表")
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=30000)
    preview = task.preview
    out = tmp_path / "forty.pdf"
    aim_at_file(preview.printer, out, dpi=150)
    ticks, reports = [], []
    timer = QTimer(parent, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    preview.print_button.click()
    printing = preview.print_task
    printing.progressed.connect(lambda *report: reports.append(report))
    ticks_at_start = len(ticks)
    with qtbot.waitSignal(printing.ended, timeout=120000):
        pass
    timer.stop()
    assert len(ticks) - ticks_at_start > 10  # the event loop ran all along
    assert len(reports) > 3 and reports[-1][:2] == (40, 40)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 40


def test_cancel_stops_the_printing(qtbot, tmp_path: Path, monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    task = show_print_dialog(parent, many_pages(40), "欠费明细表")
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=30000)
    preview = task.preview
    aim_at_file(preview.printer, tmp_path / "cancelled.pdf", dpi=150)
    errors = []
    monkeypatch.setattr(print_preview, "show_error", lambda exc, parent=None: errors.append(exc))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    preview.print_button.click()
    printing = preview.print_task
    cancel_button = printing.dialog.findChild(QPushButton)
    sent = []
    printing.progressed.connect(lambda done, total, what: sent.append(done))
    printing.progressed.connect(lambda *report: cancel_button.click())  # 取消 at the first page
    with qtbot.waitSignal(printing.cancelled, timeout=60000):
        pass
    assert errors == []
    assert printing.is_cancelled
    assert max(sent) < 40  # stopped, not printed to the end


def test_page_range_copies_and_order_from_the_print_dialog(qtbot) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # makes no copies itself
    assert print_preview.page_order(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)  # past the end: up to the last page
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert print_preview.page_order(printer, 4) == [1, 2, 3, 1, 2, 3]
    printer.setCollateCopies(False)
    assert print_preview.page_order(printer, 4) == [1, 1, 2, 2, 3, 3]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    printer.setCopyCount(1)
    assert print_preview.page_order(printer, 4) == [3, 2, 1]


def test_a_page_range_with_copies_prints_those_pages(preview: PrintPreviewDialog, tmp_path: Path, qtbot,
                                                     monkeypatch) -> None:
    out = tmp_path / "range.pdf"
    aim_at_file(preview.printer, out)
    preview.printer.setPrintRange(QPrinter.PrintRange.PageRange)
    preview.printer.setFromTo(2, 3)
    preview.printer.setCopyCount(2)
    print_and_wait(preview, qtbot, monkeypatch)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 4


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
