"""The one streaming .xlsx writer every export uses: typed cells, frozen header, filter, totals."""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..progress import Progress, report
from .sheet_rows import FORMULA_PREFIXES, SheetRows

EXCEL_MAX_ROWS = 1_048_576
FORMATS = {"text": None, "int": "0", "money": "#,##0.00", "area": "0.00", "percent": "0.00%",
           "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}
SAMPLE_ROWS = 200        # rows looked at to fit widths; write-only needs widths before row 1
PROGRESS_EVERY = 2000
MIN_WIDTH, MAX_WIDTH = 6, 60
# Rows after the sample (and the totals row) can be longer; Excel shows '####' for a number
# that does not fit, so numbers get room for their largest likely value up front.
KIND_MIN_WIDTH = {"money": 15, "area": 11, "int": 8, "percent": 9, "date": 12, "datetime": 18}
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_END: Any = object()


@dataclass(frozen=True)
class XlColumn:
    """A column declared up front: Chinese title, kind (a key of FORMATS), optional fixed width."""

    title: str
    kind: str = "text"
    width: float | None = None
    total: bool | None = None   # in the totals row; by default money and area are summed

    def __post_init__(self) -> None:
        if self.kind not in FORMATS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def summed(self) -> bool:
        return self.total if self.total is not None else self.kind in ("money", "area")


def display_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character is about two Latin ones."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shown_text(value: Any, kind: str) -> str:
    """Roughly what Excel will show, for fitting widths."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, (Decimal, int)):
        return f"{value:,.2f}"
    if kind == "datetime":
        return "0000-00-00 00:00"
    if kind == "date":
        return "0000-00-00"
    return str(value)


def fitted_widths(columns: Sequence[XlColumn], sample: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for i, col in enumerate(columns):
        seen = [display_width(shown_text(row[i], col.kind)) for row in sample]
        fit = max([display_width(col.title) + 2, *seen]) + 2  # +2: the filter button, a margin
        floor = KIND_MIN_WIDTH.get(col.kind, MIN_WIDTH)
        widths.append(col.width or min(max(fit, floor), MAX_WIDTH))
    return widths


def sheet_title(name: str, part: int) -> str:
    """'名称', then '名称(2)', '名称(3)'...; Excel allows 31 characters and no []:*?/\\."""
    suffix = f"({part})" if part > 1 else ""
    clean = BAD_SHEET_CHARS.sub("_", name) or "Sheet"
    return clean[:31 - len(suffix)] + suffix


def text_cell(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """Text stays text: a remark '=1+1' is stored as a string Excel will not evaluate."""
    text = "" if value is None else str(value)
    if not text:
        return None  # an empty cell, which Excel's filter lists as (空白)
    if not text.startswith(FORMULA_PREFIXES):
        return text  # openpyxl stores a plain str as a string cell
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"     # openpyxl would have taken '=' for a formula
    cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited
    return cell


def typed_cell(ws: WriteOnlyWorksheet, value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "text":
        return text_cell(ws, value)
    if isinstance(value, float):
        raise TypeError("exports take Decimal or int, never float")  # money must stay exact
    cell = WriteOnlyCell(ws, value)  # Decimal is written as its exact digits
    cell.number_format = FORMATS[kind]
    return cell


@dataclass
class _Part:
    """One sheet of a table and how many data rows it holds."""

    ws: WriteOnlyWorksheet
    sheet: SheetRows
    rows: int = 0


class ExcelWriter:
    """A write-only workbook: `with ExcelWriter(path) as xw: xw.add_table(...)`.

    The file appears only when the block ends without error: a failed or
    cancelled export leaves no half-written workbook behind.
    """

    def __init__(self, out: Path, progress: Progress | None = None,
                 max_rows: int = EXCEL_MAX_ROWS) -> None:
        self.out = out
        self.progress = progress
        self.max_rows = max_rows
        self.wb = Workbook(write_only=True)
        self.done = 0
        self.tables: list[SheetRows] = []  # each table sheet's rows, put in when it is saved

    def __enter__(self) -> ExcelWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.save()
        else:
            self._abandon()

    def _abandon(self) -> None:
        """Close each sheet's stream and delete its temp file now, not at garbage collection."""
        for rows in self.tables:
            rows.discard()
        for ws in self.wb.worksheets:
            if ws._writer is None:
                continue
            if not ws.closed:
                ws.close()
            ws._writer.cleanup()

    def save(self) -> None:
        tmp = self.out.with_name(self.out.name + ".part")
        try:
            for rows in self.tables:
                rows.close()
        except BaseException:
            self._abandon()  # no sheet is saved yet: every temp file goes
            raise
        try:
            self.wb.save(tmp)
            os.replace(tmp, self.out)
        finally:
            tmp.unlink(missing_ok=True)

    def add_table(self, name: str, columns: Sequence[XlColumn], rows: Iterable[Sequence[Any]],
                  total: int = 0, totals: bool = False) -> int:
        """Write one table (over several sheets past Excel's row limit); returns rows written.

        `total` is the expected row count for progress (0 if unknown).
        """
        data = iter(rows)
        sample = list(islice(data, SAMPLE_ROWS))
        widths = fitted_widths(columns, sample)
        capacity = self.max_rows - 1 - (2 if totals else 0)  # header; 小计 and 合计 rows
        pending: Iterator[Sequence[Any]] = chain(sample, data)
        parts: list[_Part] = []
        while True:
            ws = self._new_sheet(sheet_title(name, len(parts) + 1), columns, widths)
            part = _Part(ws, self._rows_of(ws, columns))
            parts.append(part)
            pending, more = self._fill(part, columns, pending, capacity, total)
            self._finish(parts, columns, totals, last=not more)
            if not more:
                break
        report(self.progress, self.done, total)
        return sum(p.rows for p in parts)

    def _new_sheet(self, title: str, columns: Sequence[XlColumn],
                   widths: Sequence[float]) -> WriteOnlyWorksheet:
        ws = self.wb.create_sheet(title)
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"          # must be set before the first row is written
        ws.print_title_rows = "1:1"     # a printed sheet repeats the header too
        return ws

    def _rows_of(self, ws: WriteOnlyWorksheet, columns: Sequence[XlColumn]) -> SheetRows:
        """The sheet's rows, from its header on, written as text (see sheet_rows)."""
        def style_id(kind: str) -> int:
            if FORMATS[kind] is None:
                return 0
            cell = WriteOnlyCell(ws)
            cell.number_format = FORMATS[kind]
            return int(cell.style_id)

        rows = SheetRows(ws, [c.kind for c in columns], [style_id(c.kind) for c in columns],
                         lambda value, kind: typed_cell(ws, value, kind))
        self.tables.append(rows)
        rows.write_cells([self._head_cell(ws, c.title) for c in columns])
        return rows

    @staticmethod
    def _head_cell(ws: WriteOnlyWorksheet, title: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, title)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        return cell

    def _fill(self, part: _Part, columns: Sequence[XlColumn], rows: Iterator[Sequence[Any]],
              capacity: int, total: int) -> tuple[Iterator[Sequence[Any]], bool]:
        """Append rows until the sheet is full; returns the rest and whether any is left."""
        write = part.sheet.write
        for row in islice(rows, capacity):
            write(row)
            part.rows += 1
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                report(self.progress, self.done, total)
        nxt = next(rows, _END)
        return (rows if nxt is _END else chain([nxt], rows)), nxt is not _END

    def _finish(self, parts: list[_Part], columns: Sequence[XlColumn], totals: bool,
                last: bool) -> None:
        part = parts[-1]
        last_col = get_column_letter(len(columns))
        part.ws.auto_filter.ref = f"A1:{last_col}{part.rows + 1}"  # data only, not the totals
        if not totals:
            return
        if len(parts) > 1 or not last:
            self._totals_row(part, columns, "小计", [parts[-1]])
        if last:
            self._totals_row(part, columns, "合计", parts)

    def _totals_row(self, part: _Part, columns: Sequence[XlColumn], label: str,
                    parts: Sequence[_Part]) -> None:
        """SUM formulas an accountant can audit; over every sheet for the grand total."""
        ws = part.ws
        cells: list[Any] = []
        for i, col in enumerate(columns, start=1):
            if col.summed:
                cells.append(self._sum_cell(ws, col, sum_ranges(get_column_letter(i), parts, ws)))
            else:
                cells.append(None)
        first_free = next((i for i, c in enumerate(columns) if not c.summed), None)
        if first_free is not None:
            cells[first_free] = self._label_cell(ws, label)
        part.sheet.write_cells(cells)

    @staticmethod
    def _sum_cell(ws: WriteOnlyWorksheet, col: XlColumn, ranges: str) -> WriteOnlyCell:
        # No data rows: a literal 0, since any range would include the totals row itself.
        cell = WriteOnlyCell(ws, f"=SUM({ranges})" if ranges else 0)
        cell.number_format, cell.font = FORMATS[col.kind] or "General", BOLD
        return cell

    @staticmethod
    def _label_cell(ws: WriteOnlyWorksheet, label: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, label)
        cell.font = BOLD
        return cell


def sum_ranges(letter: str, parts: Sequence[_Part], here: WriteOnlyWorksheet) -> str:
    """'D2:D41' on this sheet; other sheets are named ('名称(2)'!D2:D9)."""
    out = []
    for part in (p for p in parts if p.rows):
        prefix = "" if part.ws is here else quote_sheetname(part.ws.title) + "!"
        out.append(f"{prefix}{letter}2:{letter}{part.rows + 1}")
    return ",".join(out)


def write_xlsx(out: Path, name: str, columns: Sequence[XlColumn], rows: Iterable[Sequence[Any]],
               total: int = 0, totals: bool = False, progress: Progress | None = None,
               max_rows: int = EXCEL_MAX_ROWS) -> int:
    """One table to one workbook; returns the number of data rows written."""
    with ExcelWriter(out, progress, max_rows) as writer:
        return writer.add_table(name, columns, rows, total, totals)

