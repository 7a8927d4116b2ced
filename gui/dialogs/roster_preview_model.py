"""The preview table of a roster import: parsed rows, problem rows tinted, personal data masked."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from models.imports.roster import RosterRow
from models.labels import Coded
from models.rules.idcard import mask_id_number, mask_phones

from .preview_model import RowRole, SheetPreviewModel, SortRole

__all__ = ["RosterPreviewModel", "RowRole", "SortRole"]


class RosterPreviewModel(SheetPreviewModel):
    """The parsed rows of a roster; rows with problems are tinted and carry their messages."""

    ROW, NUMBER, BUILDING, OWNER, MOBILE, AREA, USE, OCCUPANCY, ID_NUMBER, PROBLEMS = range(10)
    RIGHT_ALIGNED: ClassVar[tuple[int, ...]] = (ROW, AREA)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("行号"), self.tr("房号"), self.tr("楼栋"), self.tr("业主姓名"),
                          self.tr("联系电话"), self.tr("建筑面积"), self.tr("房屋用途"), self.tr("入住状态"),
                          self.tr("身份证号"), self.tr("问题")], parent)

    def text(self, row: RosterRow, column: int) -> str:
        if column == self.MOBILE:
            return mask_phones(row.mobile)  # personal data masked by default; several phones joined by "、"
        if column == self.ID_NUMBER:  # co-owners' numbers joined by "、", each masked
            return "、".join(mask_id_number(n) for n in row.id_number.split("、")) if row.id_number else ""
        if column == self.AREA:
            return f"{row.area:,.2f}" if row.area is not None else row.area_text
        return str(self.raw(row, column) or "")

    def raw(self, row: RosterRow, column: int) -> Any:
        return (row.row, row.number, row.building, row.owner, row.mobile, row.area, _shown(row.use),
                _shown(row.occupancy), row.id_number)[column]


def _shown(value: Coded | str) -> str:
    """A use or occupancy read as its label in the desk's language; a word no member has, as written."""
    return value.label if isinstance(value, Coded) else value
