"""A small horizontal bar chart painted with QPainter (QtCharts is not in PySide6-Essentials)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 16
ROW_GAP = 6
TRACK = QColor("#e8ecf1")
DEFAULT_COLOR = "#3b7dd8"


@dataclass(frozen=True)
class Bar:
    """One row: a label, the filled amount, its share of `maximum` (None = the chart's largest)."""

    label: str
    value: float
    text: str
    maximum: float | None = None
    color: str = DEFAULT_COLOR  # a CSS colour name or #rrggbb


class BarChart(QWidget):
    """Labels on the left, a bar on a light track, the value text on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self._bars, self._empty_text = bars, empty_text
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self._bars)) * (BAR_HEIGHT + ROW_GAP) + ROW_GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        label_w, text_w = self._column_widths(painter)
        largest = max((b.value for b in self._bars), default=0) or 1
        for i, bar in enumerate(self._bars):
            self._paint_row(painter, bar, i, label_w, text_w, bar.maximum or largest)

    def _column_widths(self, painter: QPainter) -> tuple[int, int]:
        metrics = painter.fontMetrics()
        label_w = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 10
        text_w = max(metrics.horizontalAdvance(b.text) for b in self._bars) + 10
        # Long labels must not squeeze the bars away on a narrow window.
        return min(label_w, self.width() // 2), text_w

    def _paint_row(self, painter: QPainter, bar: Bar, i: int, label_w: int, text_w: int,
                   maximum: float) -> None:
        y = ROW_GAP + i * (BAR_HEIGHT + ROW_GAP)
        track = QRectF(label_w, y, max(10, self.width() - label_w - text_w), BAR_HEIGHT)
        painter.setPen(self.palette().text().color())
        elided = painter.fontMetrics().elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
        painter.drawText(QRectF(0, y, label_w - 8, BAR_HEIGHT), Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.drawText(QRectF(track.right() + 8, y, text_w, BAR_HEIGHT), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, bar.text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 3, 3)
        share = min(1.0, max(0.0, bar.value / maximum)) if maximum > 0 else 0.0
        if share > 0:
            painter.setBrush(QColor(bar.color))
            painter.drawRoundedRect(QRectF(track.x(), y, max(3.0, track.width() * share), BAR_HEIGHT), 3, 3)
