"""The preview table of a ledger import: their lines as read, amounts right-aligned, problem rows tinted."""
from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from models.imports.cells import month_span
from models.imports.ledger import LedgerRow

from .preview_model import RowRole, SheetPreviewModel, SortRole

__all__ = ["LedgerPreviewModel", "RowRole", "SortRole"]


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """'2026.01–2026.06' for whole months, '2026.07' for one, else the days."""
    if start is None or end is None:
        return ""
    if start == month_span(start)[0] and end == month_span(end)[1]:
        first, last = f"{start:%Y.%m}", f"{end:%Y.%m}"
        return first if first == last else f"{first}–{last}"
    return f"{start:%Y.%m.%d}–{end:%Y.%m.%d}"


class LedgerPreviewModel(SheetPreviewModel):
    """Their ledger's lines; a cell that could not be read shows its text, the row its problems."""

    ROW, UNIT, OWNER, FEE_ITEM, PERIOD, BILLED, PAID, ARREARS, PAID_ON, RECEIPT_NO, REMARK, PROBLEMS = range(12)
    RIGHT_ALIGNED: ClassVar[tuple[int, ...]] = (ROW, BILLED, PAID, ARREARS)
    AMOUNT_KEYS: ClassVar[dict[int, str]] = {BILLED: "billed", PAID: "paid", ARREARS: "arrears"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("行号"), self.tr("房号"), self.tr("业主"), self.tr("收费项目"), self.tr("所属期"),
                          self.tr("应收"), self.tr("实收"), self.tr("欠费"), self.tr("收款日期"), self.tr("票据号"),
                          self.tr("说明"), self.tr("问题")], parent)

    def text(self, row: LedgerRow, column: int) -> str:
        if column in self.AMOUNT_KEYS:
            key = self.AMOUNT_KEYS[column]
            return row.bad[key] if key in row.bad else f"{self.raw(row, column):,.2f}"
        if column == self.PERIOD:
            bad = [row.bad[k] for k in ("period", "start", "end") if k in row.bad]
            return " / ".join(bad) if bad else period_text(row.period_start, row.period_end)
        if column == self.PAID_ON:
            return row.bad.get("paid_on") or (f"{row.paid_on:%Y-%m-%d}" if row.paid_on else "")
        value = self.raw(row, column)
        return "" if value is None else str(value)

    def raw(self, row: LedgerRow, column: int) -> Any:
        values: tuple[Any, ...] = (row.row, row.unit_number, row.owner, row.fee_item, row.period_start, row.billed,
                                   row.paid, row.arrears, row.paid_on, row.receipt_no, row.remark)
        value = values[column]
        if column == self.PERIOD or column == self.PAID_ON:
            return value.isoformat() if value else ""  # comparable with each other when sorting
        return value
