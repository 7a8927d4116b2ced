"""One results table (欠费明细, 押金...) with its filter box, a count and the total the results give."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..browse_tab import FILTER_DELAY_MS
from .records_model import Col, ShownProxy, ShownRecordsModel, records_view


class RecordsPage(QWidget):
    """Filter as you type (over the text columns); the total line is the results' own total."""

    def __init__(self, columns: Sequence[Col], parent: QWidget | None = None, stretch: int | None = -1) -> None:
        super().__init__(parent)
        self.model = ShownRecordsModel(columns, self)
        self.proxy = ShownProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.tr("按楼栋、房号、业主、项目筛选"))
        self.count_label = QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setStyleSheet("font-weight: bold;")
        self.table = records_view(self.proxy, self, stretch)
        self.buttons = QHBoxLayout()  # a page may add its actions here (押金: 改为退还业主…)
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.on_filter_settled)
        self.filter_edit.textEdited.connect(lambda _t: self._debounce.start())
        self.filter_edit.returnPressed.connect(self.on_filter_settled)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("筛选："), self))
        top.addWidget(self.filter_edit, 1)
        top.addLayout(self.buttons)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        self.setFocusProxy(self.filter_edit)

    def set_records(self, records: Sequence[Any], total_text: str = "") -> None:
        self.model.set_records(records)
        self.total_label.setText(total_text)
        self.total_label.setVisible(bool(total_text))
        self._show_count()

    def on_filter_settled(self) -> None:
        self._debounce.stop()
        self.proxy.set_filter_text(self.filter_edit.text())
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total
        text = self.tr("共 {n} 条").format(n=f"{total:,}") if shown == total else \
            self.tr("筛选出 {m} 条 / 共 {n} 条").format(m=f"{shown:,}", n=f"{total:,}")
        self.count_label.setText(text)

    def current_record(self) -> Any:
        index = self.table.currentIndex()
        return self.proxy.record(index.row()) if index.isValid() else None
