"""The preview table every import dialog shows: parsed rows, problem rows tinted with their messages."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from models.imports.places import RowRef, short_place
from models.imports.preview import SheetPreview

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1  # the raw value for sorting
RowRole = Qt.ItemDataRole.UserRole + 2  # the parsed row behind a table row
PROBLEM_BACKGROUND = QColor("#fde2e1")


class SheetPreviewModel(QAbstractTableModel):
    """Rows of a SheetPreview; subclasses name the columns and say what each shows.

    The last column lists the row's problems; rows with problems are tinted.
    """

    RIGHT_ALIGNED: ClassVar[tuple[int, ...]] = (0,)  # the Excel row number, and numbers

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._problems: dict[int, list[str]] = {}
        self._headers = headers

    @property
    def problems_column(self) -> int:
        return len(self._headers) - 1

    def set_preview(self, preview: SheetPreview[Any] | None) -> None:
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
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0 and isinstance(row.row, RowRef):  # several sheets or blocks: which one
                return short_place(row.row)
            return self.problem_text(row) if column == self.problems_column else self.text(row, column)
        if role == SortRole:
            return len(self._problems.get(row.row, [])) if column == self.problems_column else self.raw(row, column)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and row.row in self._problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and row.row in self._problems:
            return "\n".join(self._problems[row.row])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of_excel_row(self, excel_row: int) -> int:
        """The table row showing Excel row `excel_row`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.row == excel_row), -1)

    def problem_text(self, row: Any) -> str:
        return "；".join(self._problems.get(row.row, []))

    def text(self, row: Any, column: int) -> str:
        """What a cell shows; the raw value as text unless a subclass says otherwise."""
        value = self.raw(row, column)
        return "" if value is None else str(value)

    def raw(self, row: Any, column: int) -> Any:  # pragma: no cover - every subclass says
        raise NotImplementedError
