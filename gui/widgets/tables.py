"""The two ways the app shows rows: a record list (pages of a browse model) and a small pick list."""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RecordsModel(QAbstractTableModel):
    """A short read-only list in a dialog (accounts, a unit's owners, fee items): one record a row,
    its cells from `cells(record)`; RecordRole gives the record. `right`: columns of figures;
    `muted(record)`: a row shown grey (a disabled account)."""

    RecordRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, titles: Sequence[str], cells: Callable[[Any], Sequence[Any]], parent: QWidget,
                 right: Collection[int] = (), muted: Callable[[Any], bool] | None = None) -> None:
        super().__init__(parent)
        self.titles, self.cells, self.right, self.muted = list(titles), cells, set(right), muted
        self.records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(record)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.muted is not None and self.muted(record):
            return Qt.GlobalColor.gray
        return record if role == self.RecordRole else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None


def record_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    """Whole rows selected, alternating colours, one line a row, no row numbers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    return table


def small_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    """A few rows in a dialog: one row chosen at a time, columns sharing the width."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view
