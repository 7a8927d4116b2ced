"""The preview table of a key sheet import: one key per row, tags the program made shown as such."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from models.imports.key_sheet import KeySheetRow

from .preview_model import Index, SheetPreviewModel

MADE_TAG = QColor("#1e5fa8")  # a tag the program made: the clerk sees which labels are new


class KeyPreviewModel(SheetPreviewModel):
    """The keys a sheet holds, in the order they will be received."""

    ROW, TAG, NUMBER, OPENS, COUNT, CABINET, SLOT, REMARKS, PROBLEMS = range(9)
    RIGHT_ALIGNED: ClassVar[tuple[int, ...]] = (ROW, COUNT)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("行号"), self.tr("标签号"), self.tr("房号"), self.tr("开启对象"), self.tr("数量"),
                          self.tr("钥匙柜"), self.tr("格位"), self.tr("备注"), self.tr("问题")], parent)

    def text(self, row: KeySheetRow, column: int) -> str:
        if column == self.TAG and row.generated:
            return self.tr("{tag}（自动）").format(tag=row.tag)
        if column == self.COUNT and row.count_text:
            return row.count_text  # the refused cell as the clerk typed it
        value = self.raw(row, column)
        return "" if value is None else str(value)

    def raw(self, row: KeySheetRow, column: int) -> Any:
        return (row.row, row.tag, row.number, row.opens, row.count, row.cabinet, row.slot, row.remarks)[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.TAG and self._rows[index.row()].generated:
            if role == Qt.ItemDataRole.ForegroundRole:
                return MADE_TAG
            if role == Qt.ItemDataRole.ToolTipRole and self._rows[index.row()].row not in self._problems:
                return self.tr("表中未填标签号，导入时按此编号")
        return super().data(index, role)
