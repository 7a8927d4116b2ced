"""The preview table of a roster import: parsed rows, problem rows tinted, personal data masked."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from models.imports.roster import RosterPreview, RosterRow
from models.rules.idcard import mask_id_number, mask_mobile

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1  # the raw value for sorting
RowRole = Qt.ItemDataRole.UserRole + 2  # the RosterRow behind a table row
PROBLEM_BACKGROUND = QColor("#fde2e1")


class RosterPreviewModel(QAbstractTableModel):
    """The parsed rows of a roster; rows with problems are tinted and carry their messages."""

    ROW, NUMBER, BUILDING, OWNER, MOBILE, AREA, USE, OCCUPANCY, ID_NUMBER, PROBLEMS = range(10)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RosterRow] = []
        self._problems: dict[int, list[str]] = {}
        self._headers = [self.tr("行号"), self.tr("房号"), self.tr("楼栋"), self.tr("业主姓名"),
                         self.tr("联系电话"), self.tr("建筑面积"), self.tr("房屋用途"), self.tr("入住状态"),
                         self.tr("身份证号"), self.tr("问题")]

    def set_preview(self, preview: RosterPreview | None) -> None:
        self.beginResetModel()
        self._rows = list(preview.rows) if preview else []
        self._problems = {}
        for problem in preview.problems if preview else ():
            self._problems.setdefault(problem.row, []).append(f"「{problem.field}」{problem.message}")
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == SortRole:
            return self._raw(row, index.column())
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and row.row in self._problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and row.row in self._problems:
            return "\n".join(self._problems[row.row])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (self.ROW, self.AREA):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of_excel_row(self, excel_row: int) -> int:
        """The table row showing Excel row `excel_row`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.row == excel_row), -1)

    def _text(self, row: RosterRow, column: int) -> str:
        if column == self.MOBILE:
            return mask_mobile(row.mobile) if row.mobile else ""  # personal data masked by default
        if column == self.ID_NUMBER:
            return mask_id_number(row.id_number) if row.id_number else ""
        if column == self.AREA:
            return f"{row.area:,.2f}" if row.area is not None else row.area_text
        if column == self.PROBLEMS:
            return "；".join(self._problems.get(row.row, []))
        return str(self._raw(row, column) or "")

    def _raw(self, row: RosterRow, column: int) -> Any:
        return (row.row, row.number, row.building, row.owner, row.mobile, row.area, row.use,
                row.occupancy, row.id_number, len(self._problems.get(row.row, [])))[column]
