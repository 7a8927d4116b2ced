"""Where a row of an import is: its Excel row number, and its sheet and block when one number is not enough."""
from __future__ import annotations

from typing import Any

from ..i18n import translate


class RowRef(int):
    """An Excel row number that also knows its sheet and its side-by-side block.

    With several sheets (A区…G区) or blocks (序号|栋号|房号 three times across) a row number is no
    longer unique; importers key problems and lines by `row`, so the number itself carries the rest:
    it equals, hashes and sorts as (sheet, block, row), and still prints and counts as the number.
    A plain int stays a plain int for a one-sheet, one-block import (and its text is unchanged).
    """

    sheet: str  # the sheet's name when the import takes several sheets, else ""
    order: int  # the sheet's place in the import
    block: int  # 1-based block of the row, 0 when the sheet has one block
    columns: str  # the block's columns as the clerk finds them, "E–H 列"

    def __new__(cls, number: int, sheet: str = "", order: int = 0, block: int = 0, columns: str = "") -> RowRef:
        ref = super().__new__(cls, number)
        ref.sheet, ref.order, ref.block, ref.columns = sheet, order, block, columns
        return ref

    def __reduce__(self) -> Any:
        return RowRef, (int(self), self.sheet, self.order, self.block, self.columns)

    def _key(self) -> tuple[int, int, int]:
        return self.order, self.block, int(self)  # as the rows stream: sheet by sheet, block by block

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowRef):
            return self._key() == other._key()
        return int.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = int.__hash__  # equal refs have equal numbers: the hash of the number is consistent

    def __lt__(self, other: object) -> bool:
        return self._key() < other._key() if isinstance(other, RowRef) else int.__lt__(self, other)  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        return self == other or self < other

    def __gt__(self, other: object) -> bool:
        return not self <= other

    def __ge__(self, other: object) -> bool:
        return not self < other

    @property
    def part(self) -> tuple[int, int]:
        """The sheet and block: a 合计 row covers the lines of its own part only."""
        return self.order, self.block


def part_of(row: int) -> tuple[int, int]:
    return row.part if isinstance(row, RowRef) else (0, 0)


def sheet_of(row: int) -> str:
    return row.sheet if isinstance(row, RowRef) else ""


def place(row: int, last: int = 0) -> str:
    """'第 12 行', '第 3–5 行', '工作表「C区」第 12 行', '第 12 行（E–H 列）'."""
    number = (translate("imports", "第 {first}–{last} 行").format(first=int(row), last=last) if last > int(row)
              else translate("imports", "第 {row} 行").format(row=int(row)))
    if not isinstance(row, RowRef):
        return number
    sheet = translate("imports", "工作表「{sheet}」").format(sheet=row.sheet) if row.sheet else ""
    block = f"（{row.columns}）" if row.columns else ""
    return f"{sheet}{number}{block}"


def places(rows: list[int]) -> str:
    """'第 4、5 行'; with sheets or blocks each row named in full: '工作表「A区」第 3 行、工作表「B区」第 3 行'."""
    if not any(isinstance(r, RowRef) for r in rows):
        return translate("imports", "第 {rows} 行").format(rows="、".join(str(r) for r in rows))
    return "、".join(place(r) for r in rows)


def short_place(row: int) -> str:
    """What the preview's 行号 column shows: '12', 'A区 12', '12（G–K 列）'."""
    if not isinstance(row, RowRef):
        return str(row)
    sheet = f"{row.sheet} " if row.sheet else ""
    block = f"（{row.columns}）" if row.columns else ""
    return f"{sheet}{row}{block}"
