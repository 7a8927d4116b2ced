"""A key's history (历史): every event of one key, oldest first — from the card or a double-click on its row."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.i18n import QT_TRANSLATE_NOOP
from models.queries.key_forms import EventInfo
from models.services.key_custody import KeyRow

from .panels import ERROR_STYLE

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1


class HistoryModel(QAbstractTableModel):
    """The events of one key: 时间, 操作, 经办人, 相关人, 说明."""

    COLUMNS = (QT_TRANSLATE_NOOP("HistoryModel", "时间"), QT_TRANSLATE_NOOP("HistoryModel", "操作"),
               QT_TRANSLATE_NOOP("HistoryModel", "经办人"), QT_TRANSLATE_NOOP("HistoryModel", "借用人/归还人/业主/接收方"),
               QT_TRANSLATE_NOOP("HistoryModel", "说明"))

    def __init__(self, events: list[EventInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev, column = self.events[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{ev.at:%Y-%m-%d %H:%M}", ev.kind.label, ev.by, ev.who, ev.details)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and ev.details:
            return ev.details
        if role == SortRole:
            return (ev.at, ev.kind.label, ev.by, ev.who, ev.details)[column]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None


class KeyHistoryDialog(QDialog):
    """The key (tag, what it opens, where it hangs, status) over its events; 关闭 only."""

    def __init__(self, key: KeyRow, events: list[EventInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(self.tr("钥匙历史 — {tag}").format(tag=key.tag))
        self.resize(900, 420)
        place = key.place or "—"
        heading = QLabel(self.tr("{tag}　开启：{opens}　{where}：{place}　状态：{status}　共 {n} 条记录").format(
            tag=key.tag, opens=key.opens or "—", where=self.tr("柜格") if key.holds_slot else self.tr("原柜格"),
            place=place, status=key.status.label, n=len(events)), self)
        heading.setWordWrap(True)
        self.model = HistoryModel(events, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 56, 90, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.note_label = QLabel(self)  # a scan while this is open: said here, shown after closing
        self.note_label.setStyleSheet(ERROR_STYLE)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(buttons)
        self.table.setFocus()
        if events:
            self.table.scrollToBottom()  # the latest event in view

    def kinds(self) -> list[str]:
        """The events' kinds, in order (what a test or a reader checks first)."""
        return [ev.kind.label for ev in self.model.events]
