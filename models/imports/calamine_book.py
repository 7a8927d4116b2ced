"""An .xls (Excel 97–2003, WPS) or .xlsb workbook read with python-calamine, shaped as the openpyxl path is.

sheet.py reads every workbook through workbook.py (open_workbook, stream_rows, sheet_merges,
row_count, data_sheets); for an .xls these come from here, so each importer reads an .xls as it
reads an .xlsx. Values come out as the .xlsx path gives them: text byte for byte, numbers as
int (a whole number Excel would write without an exponent) or float, dates as datetime, empty as
None, an error cell (#DIV/0!, which calamine gives as "") as UnreadableCell from the BIFF scan.

Memory: calamine reads the whole file and keeps every sheet as a dense grid (about 64 bytes a
cell, plus the text), so the guard refuses a file whose sheets' used boxes exceed MAX_CELLS
before calamine sees it (biff.py measures the boxes).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from . import biff
from .biff import BiffBook, BiffSheet
from .cells import UnreadableCell

log = logging.getLogger("handoverdesk")
NO_RESULT = QT_TRANSLATE_NOOP("imports", "没有计算结果（文件由程序生成、未经 Excel 保存）：请在 Excel 中打开、保存后再导入，或改填数值")
SUFFIXES = {"xls": (".xls", ".et"), "xlsb": (".xlsb",)}
EXACT_INTEGER = 1e15  # Excel writes a whole number below this without an exponent, read back as int


@dataclass(eq=False)
class CalamineSheet:
    """One sheet: the attributes sheet.py and workbook.py ask of an openpyxl read-only sheet."""

    book: Any  # calamine's workbook, kept open by CalamineBook
    title: str
    index: int
    is_data: bool  # a worksheet (not a chart, macro or dialog sheet), hidden or not as with .xlsx
    max_row: int
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    sheet_state: str = "visible"  # "hidden" or "veryHidden", as openpyxl says it
    scanned_merges: list[tuple[int, int, int, int]] | None = None  # an .xlsb's (calamine has none)

    @property
    def _worksheet_path(self) -> str | None:
        """What openpyxl's read-only sheet has when it is a sheet of cells (for code that asks so)."""
        return f"xls:{self.index}" if self.is_data else None

    def rows(self) -> Iterator[tuple[int, int, list[Any]]]:
        """(0-based row, 0-based first column, raw calamine values) of each row of the sheet's grid."""
        grid = self.book.get_sheet_by_index(self.index)
        start = grid.start
        if start is None:
            return
        for offset, values in enumerate(grid.iter_rows()):
            yield start[0] + offset, start[1], values

    def merges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column), 1-based, of each merged range."""
        if self.scanned_merges is not None:
            return list(self.scanned_merges)
        ranges = self.book.get_sheet_by_index(self.index).merged_cell_ranges or []
        return [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges]


class CalamineBook:
    """The workbook: `worksheets`, `active` and `close()` as openpyxl's read-only workbook has them."""

    def __init__(self, path: Path, scan: BiffBook, kind: str) -> None:
        self._book = _load(path, kind)
        self.worksheets = [self._sheet(i, meta, scan) for i, meta in enumerate(self._book.sheets_metadata)]
        self.active = self.worksheets[scan.active] if 0 <= scan.active < len(self.worksheets) else self.worksheets[0]

    def _sheet(self, index: int, meta: Any, scan: BiffBook) -> CalamineSheet:
        found: BiffSheet | None = next((s for s in scan.sheets if s.name == meta.name), None)
        is_data = meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        rows = found.last_row + 1 if found else 0
        state = _state(meta.visible)
        return CalamineSheet(self._book, meta.name, index, is_data, rows, dict(found.errors) if found else {}, state,
                             found.merges if found else None)

    def close(self) -> None:
        self._book.close()


def _state(visible: Any) -> str:
    """openpyxl's word for a sheet's visibility (calamine's enum cannot be a dict key)."""
    if visible == python_calamine.SheetVisibleEnum.Hidden:
        return "hidden"
    return "veryHidden" if visible == python_calamine.SheetVisibleEnum.VeryHidden else "visible"


def _load(path: Path, kind: str) -> Any:
    """calamine's workbook. calamine picks its reader by the file's suffix, so a file named for
    another kind (an .xls saved as 名册.xlsx) is handed over as bytes, which calamine sniffs."""
    if path.suffix.lower() in SUFFIXES[kind]:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    with path.open("rb") as stream:
        return python_calamine.CalamineWorkbook.from_filelike(stream)


def open_calamine(path: Path, scan: BiffBook, kind: str) -> CalamineBook:
    """An .xls or .xlsb the guard has scanned, or a ValidationError naming the file."""
    try:
        return CalamineBook(path, scan, kind)
    except MemoryError:
        raise
    except Exception as exc:  # calamine raises CalamineError or a plain one on a broken record
        log.warning("xls 文件无法打开：%s", type(exc).__name__)  # the kind only; no file name (personal)
        what = translate("imports", "旧版 .xls") if kind == "xls" else ".xlsb"
        raise ValidationError(translate("imports", "无法读取 Excel 文件“{name}”：文件已损坏或不完整（{what}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。").format(
            name=path.name, what=what)) from exc


@dataclass
class Cells:
    """Turns a calamine row into the values the .xlsx path gives, error cells put back."""

    errors: dict[tuple[int, int], str]

    def values(self, row: int, first: int, raw: list[Any]) -> dict[int, Any]:
        """1-based column → value, for the cells holding one."""
        found: dict[int, Any] = {}
        for offset, value in enumerate(raw):
            value = self._value(row, first + offset, value)
            if value is not None:
                found[first + offset + 1] = value
        return found

    def _value(self, row: int, col: int, value: Any) -> Any:
        error = self.errors.get((row, col))
        if error == biff.NO_RESULT:
            return UnreadableCell("=", translate("imports", "公式") + translate("imports", NO_RESULT))
        if error is not None:
            return UnreadableCell(error, translate("imports", "单元格是错误值 {error}（公式出错），无法读取").format(
                error=error))
        if isinstance(value, str):
            return value or None
        if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_INTEGER:
            return int(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return dt.datetime(value.year, value.month, value.day)  # openpyxl's from_excel gives datetime
        return value
