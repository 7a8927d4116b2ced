"""Printing from the GUI: make the PDF in the background, preview its pages, print or save it.

Pages are rendered with pdfium (pypdfium2): Qt's own PDF module is not in PySide6-Essentials.
The PDF is the single source of truth, so what is previewed, printed and saved is the same file.
Sending pages to the printer runs in the worker too (QPainter may paint on a QPrinter in any
thread), with progress and cancel: a 49-page 欠费明细表 rasterised on the GUI thread froze the
window for 19 s.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError

from . import file_dialogs, tasks
from .errors import show_error
from .widgets.screen_fit import fit_to_screen

PREVIEW_WIDTH = 860       # pixels: a page, portrait or landscape, fits the dialog's width
MAX_PREVIEW_PAGES = 60    # a 300-page list previews its first pages; print and save take all
MAX_PRINT_DPI = 300       # enough for text; a 600 dpi A4 page would be a 140 MB image
# Forms are black on white: sent as grey pages they spool about a third of colour ones (40 pages of
# 欠费明细表 at 300 dpi to a PDF printer: 16 MB against 55 MB, where Qt writes colour as JPEG).
# pdfium is not thread-safe: one page render at a time, worker or GUI thread.
_PDFIUM = threading.Lock()


class PrinterError(DomainError):
    """The printer could not be opened: the clerk's message, not a bug."""


@dataclass(frozen=True)
class PageImage:
    """One rendered page as raw RGBX bytes, made off the GUI thread (no Qt object there)."""

    width: int
    height: int
    stride: int
    data: bytes
    landscape: bool

    def to_qimage(self) -> QImage:
        image = QImage(self.data, self.width, self.height, self.stride,
                       QImage.Format.Format_RGBX8888)
        return image.copy()  # own the pixels: `data` may go away

    @property
    def has_colour(self) -> bool:
        """Any pixel whose red, green and blue differ (a photo, a coloured seal)."""
        return not (self.data[0::4] == self.data[1::4] == self.data[2::4])


class PdfFile:
    """A PDF opened with pdfium, every call under the one lock, closed on leaving `with`."""

    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium  # loaded at the first preview, not while the window opens

        with _PDFIUM:
            self._pdf = pdfium.PdfDocument(str(path))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        with _PDFIUM:
            self._pdf.close()  # closes its pages too

    def __len__(self) -> int:
        with _PDFIUM:
            return len(self._pdf)

    def size(self, index: int) -> tuple[float, float]:
        """Width and height in points."""
        with _PDFIUM:
            return self._pdf[index].get_size()

    def render(self, index: int, scale: float | None = None) -> PageImage:
        """At `scale` pixels per point, or PREVIEW_WIDTH pixels wide when not given."""
        with _PDFIUM:
            page = self._pdf[index]
            width, height = page.get_size()
            bitmap = page.render(scale=scale or PREVIEW_WIDTH / width, rev_byteorder=True,
                                 prefer_bgrx=True)
            return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer),
                             width > height)


def render_previews(path: Path, limit: int = MAX_PREVIEW_PAGES) -> tuple[list[PageImage], int]:
    """The first `limit` pages as images, and how many pages there are."""
    with PdfFile(path) as pdf:
        return [pdf.render(i) for i in range(min(len(pdf), limit))], len(pdf)


def safe_file_name(title: str) -> str:
    """A default file name from the title: no characters Windows refuses."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_")
    return (name or QCoreApplication.translate("PrintPreviewDialog", "打印")) + ".pdf"


class PrintPreviewDialog(QDialog):
    """Page previews of a finished PDF, with 打印…, 另存为 PDF… and 关闭."""

    def __init__(self, pdf_path: Path, previews: list[PageImage], pages: int, title: str,
                 parent: QWidget | None = None, colour: bool | None = None) -> None:
        super().__init__(parent)
        self.pdf_path, self.pages, self.title_text = pdf_path, pages, title
        self.setWindowTitle(self.tr("打印预览 - %1").replace("%1", title))
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # kept: tests aim it at a file
        # Grey unless a previewed page has colour (`colour`, found in the worker by show_print_dialog;
        # looked at here only when not given); the print dialog lets the clerk choose either.
        if colour is None:
            colour = any(p.has_colour for p in previews)
        self.printer.setColorMode(QPrinter.ColorMode.Color if colour else QPrinter.ColorMode.GrayScale)
        self.print_task: tasks.Task | None = None  # the one running, for callers and tests
        self.page_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_pages(previews))
        layout.addWidget(self._build_buttons())
        fit_to_screen(self, 980, 760)

    def _build_pages(self, previews: list[PageImage]) -> QScrollArea:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for number, page in enumerate(previews, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(page.to_qimage()))
            label.setToolTip(self.tr("第 %1 页").replace("%1", str(number)))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            column.addWidget(label)
            self.page_labels.append(label)
        if self.pages > len(previews):
            column.addWidget(QLabel(self.tr("其余 %1 页未预览；打印和另存为包含全部 %2 页。")
                                    .replace("%1", str(self.pages - len(previews)))
                                    .replace("%2", str(self.pages))))
        scroll = QScrollArea()
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return scroll

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        return buttons

    def on_save_clicked(self) -> None:
        target, _ = file_dialogs.get_save_file_name(self, self.tr("另存为 PDF"),
                                                    safe_file_name(self.title_text),
                                                    self.tr("PDF 文件 (*.pdf)"))
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            show_error(exc, self)

    def on_print_clicked(self) -> None:
        self._match_orientation()
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, self.pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_task = self.print_in_background(self.printer)

    def print_in_background(self, printer: QPrinter) -> tasks.Task:
        """Send the pages the print dialog chose to `printer` in the worker, with progress and cancel."""
        order = page_order(printer, self.pages)
        path = self.pdf_path
        failure = self.tr("无法开始打印，请检查打印机是否可用。")
        sending = self.tr("正在打印第 %1 / %2 页…")

        def job(progress: tasks.Progress) -> int:
            def page_progress(done: int, total: int) -> bool:
                shown = str(min(done + 1, total))
                return progress(done, total, sending.replace("%1", shown).replace("%2", str(total)))
            return send_pages(path, printer, order, page_progress, failure)

        # Window-modal over this dialog: the preview (and its printer and file) stays until the end.
        return tasks.run_with_progress(self, self.tr("正在打印…"), job,
                                       on_error=lambda exc: show_error(exc, self))

    def _match_orientation(self) -> None:
        """A4, turned like the document (the 交接清单 is landscape), before the dialog shows it."""
        with PdfFile(self.pdf_path) as pdf:
            width, height = pdf.size(0)
        turned = QPageLayout.Orientation.Landscape if width > height else \
            QPageLayout.Orientation.Portrait
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(turned)
        self.printer.setFullPage(True)  # the PDF carries its own margins


def page_order(printer: QPrinter, pages: int) -> list[int]:
    """The 0-based pages to send, in order: the dialog's range (pages from … to …), last page first
    when asked, and each copy the printer cannot make itself (a PDF printer, some drivers),
    collated (1 2 3 1 2 3) or not (1 1 2 2 3 3) as the dialog says."""
    first, last = 0, pages - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage(), pages) - 1
    chosen = list(range(first, last + 1))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return chosen * copies
    return [page for page in chosen for _ in range(copies)]


def send_pages(pdf_path: Path, printer: QPrinter, order: list[int],
               progress: Callable[[int, int], bool], failure: str) -> int:
    """Each page of `order` drawn as an image at the printer's resolution (capped), fitted to the
    paper, grey when the printer is set to grey. Runs in the worker; returns the pages sent, or
    stops (and aborts the print job) when the clerk cancels."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(failure)
    sent = 0
    try:
        with PdfFile(pdf_path) as pdf:
            for index in order:
                if not progress(sent, len(order)):
                    printer.abort()
                    break
                if sent:
                    printer.newPage()
                image = pdf.render(index, dpi / 72).to_qimage()
                if grey:
                    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
                painter.drawImage(fitted(painter.viewport().size(), image.size()), image)
                sent += 1
            progress(sent, len(order))
    finally:
        painter.end()
    return sent


def fitted(area: QSize, image: QSize) -> QRectF:
    """The largest rectangle of the image's shape centred in `area`."""
    scale = min(area.width() / image.width(), area.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    return QRectF((area.width() - w) / 2, (area.height() - h) / 2, w, h)


def show_print_dialog(parent: QWidget | None, make_pdf: Callable[[Path, tasks.Progress], Any],
                      title: str) -> tasks.Task:
    """Make the PDF in the background (with progress and cancel), then show the preview.

    `make_pdf(path, progress)` writes the PDF, reporting progress (a 30,000-row summary takes
    a while); it runs in a worker, so it opens its own session and touches no widget. The temporary file is removed when the preview closes.
    """
    folder = Path(tempfile.mkdtemp(prefix="handoverdesk-print-"))
    path = folder / safe_file_name(title)

    def job(progress: tasks.Progress) -> tuple[list[PageImage], int, bool]:
        make_pdf(path, progress)
        previews, pages = render_previews(path)
        # In the worker: comparing the channels of 60 previews took ~0.3 s on the GUI thread.
        return previews, pages, any(p.has_colour for p in previews)

    def on_done(result: tuple[list[PageImage], int, bool]) -> None:
        previews, pages, colour = result
        dialog = PrintPreviewDialog(path, previews, pages, title, parent, colour)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: shutil.rmtree(folder, ignore_errors=True))
        task.preview = dialog  # type: ignore[attr-defined]  # callers and tests can reach it
        dialog.open()

    def on_error(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        show_error(exc, parent)

    label = QCoreApplication.translate("PrintPreviewDialog", "正在生成 PDF…")
    task = tasks.run_with_progress(parent, label, job, on_done, on_error)
    task.cancelled.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
    return task
