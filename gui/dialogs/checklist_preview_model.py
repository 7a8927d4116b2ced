"""The preview table of a checklist import: category, item, quantity, form; problem rows tinted."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from models.imports.checklist import ChecklistRow
from models.labels import Coded

from .preview_model import SheetPreviewModel


class ChecklistPreviewModel(SheetPreviewModel):
    """The items a checklist sheet holds, in the order they will be numbered."""

    ROW, CATEGORY, NAME, SPEC, UOM, QUANTITY, FORM, PAGES, REMARKS, PROBLEMS = range(10)
    RIGHT_ALIGNED: ClassVar[tuple[int, ...]] = (ROW, QUANTITY, PAGES)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("行号"), self.tr("类别"), self.tr("名称"), self.tr("规格型号"), self.tr("单位"),
                          self.tr("数量"), self.tr("原件/复印件"), self.tr("页数"), self.tr("备注"),
                          self.tr("问题")], parent)

    def text(self, row: ChecklistRow, column: int) -> str:
        if column == self.QUANTITY and row.qty_text:
            return row.qty_text  # the refused cell as the clerk typed it
        if column == self.PAGES and row.pages_text:
            return row.pages_text
        value = self.raw(row, column)
        if isinstance(value, Coded):
            return value.label  # 原件/复印件 in the desk's language
        return "" if value is None else str(value)

    def raw(self, row: ChecklistRow, column: int) -> Any:
        return (row.row, row.category, row.name, row.spec, row.uom, row.expected_qty, row.original_or_copy,
                row.pages, row.remarks)[column]
