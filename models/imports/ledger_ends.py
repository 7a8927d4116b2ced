"""计费截止 as the period's last day or as the next period's first day: decided once per sheet.

Some billing systems write six months as 2025-07-01 → 2026-01-01: the end is the first day of the
next period. Read as written, that line reaches a day past a 2025-12-31 cut-off and the day's share
of what was paid becomes a 预收款 nobody received.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..i18n import translate
from .cells import CellError, is_blank, parse_period
from .sheet import SheetRow

if TYPE_CHECKING:
    from .ledger import LedgerRow

ONE_DAY = dt.timedelta(days=1)


class EndReading:
    """Whether the sheet's 计费截止 is the period's last day, or the next period's first (decided per sheet).

    A row votes "exclusive" when its start and its written end day are both a month's first day
    (2025-07-01 → 2026-01-01); "inclusive" when the written end day is any other day (2025-12-31,
    2025-01-15). Only a sheet with exclusive votes and no inclusive one is read as exclusive: a
    sheet mixing the two keeps the days as written, and the preview says which rows look odd.
    """

    def __init__(self) -> None:
        self.exclusive: list[int] = []
        self.inclusive: list[tuple[int, dt.date]] = []
        # A ledger repeats its periods on thousands of rows: each cell text is parsed once.
        self._ends: dict[tuple[str, Any], dt.date | None] = {}

    def vote(self, row: SheetRow, lines: Sequence[LedgerRow]) -> None:
        start = next((line.period_start for line in lines if line.period_start is not None), None)
        end = self._written_end(row)
        if start is None or end is None:
            return
        if start.day == 1 and end.day == 1 and end > start:
            self.exclusive.append(row.row)
        else:
            self.inclusive.append((row.row, end))

    def apply(self, rows: Sequence[LedgerRow]) -> tuple[tuple[LedgerRow, ...], list[str]]:
        if not self.exclusive:
            return tuple(rows), []
        if self.inclusive:
            row, day = self.inclusive[0]
            return tuple(rows), [translate(
                "imports", "计费截止按所写日期为最后一天（含当日）读取：有 {count} 行的计费起始、"
                "计费截止都是月初（如第 {example} 行），但第 {row} 行等截止于 {day}；"
                "如果月初的截止日是下一期的第一天，请改为前一天后重新导入").format(
                    count=len(self.exclusive), example=self.exclusive[0], row=row, day=f"{day:%Y-%m-%d}")]
        marked = set(self.exclusive)
        shifted = tuple(replace(r, period_end=r.period_end - ONE_DAY)
                        if r.row in marked and r.period_end is not None and r.period_end.day == 1
                        and r.period_start is not None and r.period_end > r.period_start else r for r in rows)
        start, end = next((r.period_start, r.period_end) for r in rows if r.row in marked and r.period_end is not None)
        return shifted, [translate("imports", "计费截止按“下一期第一天”（不含当日）读取：本表的计费起始、计费截止都是月初（如 "
                                              "{start} → {end}），各行截止日按前一天（{last}）导入").format(
                             start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}", last=f"{end - ONE_DAY:%Y-%m-%d}")]


    def _written_end(self, row: SheetRow) -> dt.date | None:
        """The end day the row writes: a day in 计费截止, or the right end of a range ("2025-07-01至2026-01-01")."""
        for key in ("end", "period", "start"):
            value = row.get(key)
            if value is None:
                continue
            try:
                seen = (key, value)
                if seen not in self._ends:
                    self._ends[seen] = _end_of(key, value)
                end = self._ends[seen]
            except TypeError:  # a cell value that cannot be a key
                end = _end_of(key, value)
            if end is not None or key == "end" and not is_blank(value):
                return end
        return None


def _end_of(key: str, value: Any) -> dt.date | None:
    try:
        span = parse_period(value, key == "period")
    except CellError:
        return None
    if span is None:
        return None
    if key == "end":
        return span[1] if span[0] == span[1] else None  # a month written: its last day, no question
    return span[1] if span[1].day == 1 and span[0] != span[1] else None  # a range ending on a first day
