"""A sheet of key tag labels (钥匙标签): an A4 grid, each label with the tag, what it opens and a
QR code that a scanner types back as exactly the tag."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..fonts import cn_font
from .text import TextBlock, text_width

COLS, ROWS = 3, 8
MARGIN_X, MARGIN_Y = 9 * mm, 12.5 * mm
LABEL_W = (A4[0] - 2 * MARGIN_X) / COLS
LABEL_H = (A4[1] - 2 * MARGIN_Y) / ROWS
PAD = 2.5 * mm
QR_SIZE = LABEL_H - 2 * PAD     # square, quiet zone included
QR_BORDER = 4                   # the quiet zone the QR standard asks for, in modules
QR_LEVEL = "M"                  # 15 % of the code may be scuffed and still scan
CUT_LINE = colors.HexColor("#BBBBBB")


@dataclass(frozen=True)
class Label:
    tag: str
    opens: str
    place: str = ""   # cabinet-slot


@dataclass(frozen=True)
class QrBox:
    """Where a label's QR code is printed: page (from 0), lower-left corner and side, in points."""

    page: int
    x: float
    y: float
    size: float


def label_origin(index: int) -> tuple[int, float, float]:
    """(page, x, y) of the lower-left corner of label `index`, filled row by row from the top."""
    page, at = divmod(index, COLS * ROWS)
    row, col = divmod(at, COLS)
    return page, MARGIN_X + col * LABEL_W, A4[1] - MARGIN_Y - (row + 1) * LABEL_H


def qr_box(index: int) -> QrBox:
    page, x, y = label_origin(index)
    return QrBox(page, x + PAD, y + PAD, QR_SIZE)


def qr_drawing(tag: str, size: float) -> Drawing:
    """ReportLab's own QR widget: the encoded text is the tag and nothing else."""
    widget = QrCodeWidget(tag, barLevel=QR_LEVEL, barBorder=QR_BORDER, barWidth=size,
                          barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


def _style(size: float, leading: float) -> ParagraphStyle:
    return ParagraphStyle(f"label{size}", fontName=cn_font(), fontSize=size, leading=leading)


TEXT_PARTS = ((10.0, 12.0, True), (8.0, 10.0, False), (7.0, 9.0, True))  # tag, opens, place
TEXT_GAP = 1 * mm
SMALLEST = 0.5  # the text shrinks to half its size before it would leave the label
ONE_LINE = 0.85  # a text up to 1/0.85 of the line prints that much smaller, on one line


def label_text(label: Label, width: float, height: float) -> list[TextBlock]:
    """The tag (never broken inside), what the key opens and its place, as large as fits the
    label: a 145-character 开启对象 prints smaller rather than over the next label."""
    texts = [label.tag, label.opens] + ([f"位置：{label.place}"] if label.place else [])
    scale = 1.0
    while True:
        blocks = [_block(t, size * scale, leading * scale, words, width)
                  for t, (size, leading, words) in zip(texts, TEXT_PARTS, strict=False)]
        used = sum(b.wrap(width, height)[1] for b in blocks) + TEXT_GAP * (len(blocks) - 1)
        if used <= height or scale <= SMALLEST:
            return blocks
        scale = max(SMALLEST, scale - 0.05)


def _block(text: str, size: float, leading: float, words: bool, width: float) -> TextBlock:
    """A text a little too wide for one line (1栋1单元101（入户门）) is printed smaller, to the
    quarter point, rather than broken; a longer one is broken at its size."""
    wide = text_width(text, cn_font(), size)
    if width < wide <= width / ONE_LINE:
        factor = int(size * width / wide * 4) / 4 / size
        size, leading = size * factor, leading * factor
    return TextBlock(text, _style(size, leading), words=words, shrink=words)


class KeyLabelSheet:
    """Labels for a set of keys, 24 to an A4 page, to print on plain or self-adhesive paper."""

    def __init__(self, labels: Sequence[Label]) -> None:
        self.labels = list(labels)

    def render(self, out: Path) -> int:
        """Write the PDF (replacing `out` only when complete); returns the number of pages."""
        tmp = out.with_name(out.name + ".part")
        try:
            pages = self._draw(Canvas(str(tmp), pagesize=A4, initialFontName=cn_font()))
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        return pages

    def _draw(self, canvas: Canvas) -> int:
        canvas.setTitle("钥匙标签")
        canvas.setAuthor("物业交接台")
        pages = 0
        for i, label in enumerate(self.labels):
            page, _, _ = label_origin(i)
            if page != pages - 1:
                if pages:
                    canvas.showPage()
                pages += 1
            self._label(canvas, i, label)
        canvas.showPage()
        canvas.save()
        return max(pages, 1)

    def _label(self, canvas: Canvas, index: int, label: Label) -> None:
        _, x, y = label_origin(index)
        canvas.setStrokeColor(CUT_LINE)
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 2)
        canvas.rect(x, y, LABEL_W, LABEL_H)
        canvas.setDash()
        box = qr_box(index)
        renderPDF.draw(qr_drawing(label.tag, box.size), canvas, box.x, box.y)
        self._text(canvas, label, x + PAD + QR_SIZE + 1.5 * mm, y)

    def _text(self, canvas: Canvas, label: Label, left: float, bottom: float) -> None:
        width = LABEL_W - QR_SIZE - 2 * PAD - 1.5 * mm
        top = bottom + LABEL_H - PAD
        for block in label_text(label, width, LABEL_H - 2 * PAD):
            _, h = block.wrapOn(canvas, width, LABEL_H)
            top -= h
            block.drawOn(canvas, left, top)
            top -= TEXT_GAP
