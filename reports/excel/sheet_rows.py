"""A table's rows written as SpreadsheetML text instead of through openpyxl's cell objects.

openpyxl's write-only sheet makes a cell object, binds its value and opens lxml elements for every
cell: on the accountant's workbook (8 million cells) that was most of the export's time, far more
than the file itself costs. Here the rows go as text into a file of their own, in the markup
openpyxl writes (inline strings, dates as serial numbers, numbers as "%.16g", the number formats'
style ids taken from openpyxl's own style table), and are put into the sheet's XML when it closes.
openpyxl still writes everything else: styles, widths, frozen header, filter, print titles.

A value without a fast form here (a remark starting with '=', a control character, a date in a
number column...) is written by openpyxl's own cell writer, so it comes out as it always did.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell._writer import etree_write_cell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.functions import tostring

# Excel (and LibreOffice, and any CSV a user saves from it) may run text starting with these.
FORMULA_PREFIXES = ("=", "+", "-", "@")
# Text openpyxl stores otherwise than as a plain string: an error value.
SPECIAL_TEXT = frozenset(ERROR_CODES)
MAX_TEXT = 32_767  # openpyxl cuts a cell's text there
BUFFER = 1 << 20
# An openpyxl value or cell for (value, kind): the export's own typed_cell, the reference.
CellOf = Callable[[Any, str], Any]
Encoder = Callable[[Any, str], str]


class _Sink(list[Any]):
    """What openpyxl's element-based cell writer writes its <c> elements into."""

    def write(self, element: Any) -> None:
        self.append(element)


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class SheetRows:
    """The rows of one write-only sheet, as text; `close()` puts them into the sheet.

    `kinds` are the columns' kinds (keys of the writer's FORMATS), `style_ids` the openpyxl
    style id each kind's cells carry (0: none), `cell_of` how the export makes a cell of a value.
    """

    def __init__(self, ws: WriteOnlyWorksheet, kinds: Sequence[str], style_ids: Sequence[int],
                 cell_of: CellOf) -> None:
        self.ws, self.kinds, self.cell_of = ws, list(kinds), cell_of
        self.count = 0  # rows written, header and totals too
        fd, self.path = tempfile.mkstemp(prefix="handoverdesk-rows-", suffix=".xml")
        self.out: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="", buffering=BUFFER)
        self.encoders = [self._encoder(i, kind, sid)
                         for i, (kind, sid) in enumerate(zip(kinds, style_ids, strict=True))]

    # ---- rows ----------------------------------------------------------------------------------

    def write(self, values: Sequence[Any]) -> None:
        """One row of plain values (None: an empty cell), each typed by its column's kind."""
        self.count += 1
        r = str(self.count)
        parts = ['<row r="', r, '">']
        for value, encode in zip(values, self.encoders, strict=True):
            if value is not None:
                parts.append(encode(value, r))
        parts.append("</row>")
        self.out.write("".join(parts))

    def write_cells(self, cells: Sequence[Any]) -> None:
        """One row of openpyxl cells or values (a header, a totals row), as openpyxl writes them."""
        self.count += 1
        r = str(self.count)
        parts = ['<row r="', r, '">']
        for col, value in enumerate(cells, start=1):
            if value is not None:
                parts.append(self._openpyxl(value, col))
        parts.append("</row>")
        self.out.write("".join(parts))

    def _openpyxl(self, value: Any, col: int) -> str:
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self.ws, value)
        cell.row, cell.column = self.count, col
        if cell._value is None and not cell.has_style:
            return ""
        sink = _Sink()
        etree_write_cell(sink, self.ws, cell, cell.has_style)
        return "".join(tostring(e).decode("utf-8") for e in sink)

    def _slow(self, value: Any, col: int, kind: str) -> str:
        cell = self.cell_of(value, kind)
        return "" if cell is None else self._openpyxl(cell, col)

    # ---- a fast form per kind ------------------------------------------------------------------

    def _encoder(self, index: int, kind: str, sid: int) -> Encoder:
        col, letter = index + 1, get_column_letter(index + 1)
        head = f'<c r="{letter}'
        styled = f'" s="{sid}" t="n"><v>'
        slow = self._slow

        if kind == "text":
            def text(value: Any, r: str) -> str:
                s = value if type(value) is str else str(value)
                if not s:
                    return ""
                if (not s.isprintable() or s.startswith(FORMULA_PREFIXES) or s in SPECIAL_TEXT
                        or len(s) > MAX_TEXT):
                    return slow(value, col, kind)
                space = ' xml:space="preserve"' if s[0] == " " or s[-1] == " " else ""
                return f'{head}{r}" t="inlineStr"><is><t{space}>{_escape(s)}</t></is></c>'
            return text

        if kind == "date":
            serials: dict[dt.date, str] = {}  # a handover's periods repeat on every line

            def date(value: Any, r: str) -> str:
                if type(value) is not dt.date:
                    return slow(value, col, kind)
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = "%.16g" % to_excel(value)  # noqa: UP031 (openpyxl's form)
                return f"{head}{r}{styled}{serial}</v></c>"
            return date

        if kind == "datetime":
            def moment(value: Any, r: str) -> str:
                if type(value) is not dt.datetime or value.tzinfo is not None:
                    return slow(value, col, kind)
                return f"{head}{r}{styled}{'%.16g' % to_excel(value)}</v></c>"  # noqa: UP031
            return moment

        def number(value: Any, r: str) -> str:
            t = type(value)
            if t is int or (t is Decimal and value.is_finite()):
                # "%.16g" as openpyxl writes it (a Decimal's format() would keep "12.30", "1E+3")
                return f"{head}{r}{styled}{'%.16g' % value}</v></c>"  # noqa: UP031
            return slow(value, col, kind)  # a float is refused there; a bool is not a number
        return number

    # ---- into the sheet ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the sheet (openpyxl writes it, rows empty) and put these rows in its place."""
        self.out.close()
        self.ws.close()
        path = self.ws._writer.out
        with open(path, "rb") as f:
            xml = f.read()
        for empty in (b"<sheetData></sheetData>", b"<sheetData/>", b"<sheetData />"):
            at = xml.find(empty)
            if at >= 0:
                break
        else:
            raise RuntimeError("openpyxl wrote rows into a sheet SheetRows fills")
        spliced = path + ".rows"
        try:
            with open(spliced, "wb") as out, open(self.path, "rb") as rows:
                out.write(xml[:at] + b"<sheetData>")
                while chunk := rows.read(BUFFER):
                    out.write(chunk)
                out.write(b"</sheetData>" + xml[at + len(empty):])
            os.replace(spliced, path)
        finally:
            self.discard()
            if os.path.exists(spliced):
                os.remove(spliced)

    def discard(self) -> None:
        """Drop the rows file (a failed export, or once spliced)."""
        if not self.out.closed:
            self.out.close()
        if os.path.exists(self.path):
            os.remove(self.path)
