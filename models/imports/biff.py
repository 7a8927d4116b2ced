"""What an .xls Workbook stream (BIFF8) holds, read before python-calamine reads it whole.

calamine gives an error cell (#DIV/0!, #N/A) as an empty string and keeps every sheet as a dense
grid from its first to its last cell, so this scan, one pass over the records, finds what the
import needs besides the values: the error cells (to show them, never to drop them), each sheet's
kind and the active tab, whether the file is encrypted, and each sheet's used box (rows × columns,
what the dense grid will cost in memory).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field

BOF, EOF, FILEPASS, BOUNDSHEET, WINDOW1 = 0x0809, 0x000A, 0x002F, 0x0085, 0x003D
FORMULA, BOOLERR, MULRK = 0x0006, 0x0205, 0x00BD
# Records that hold a value at (row, column) in their first four bytes (BLANK/MULBLANK hold none:
# calamine leaves them out of the grid, and so does the box here).
VALUE_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, BOOLERR, FORMULA})
ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
BOF_BYTES = struct.pack("<H", BOF)
HEADER = struct.Struct("<HH")  # a record's type and length; a cell's row and column
ROWS, COLUMNS = 65_536, 256
CELL_KINDS = VALUE_CELLS | {MULRK}
CHECKED = frozenset({BOOLERR, FORMULA})
NO_RESULT = ""
KINDS = {0x00: "worksheet", 0x01: "macro", 0x02: "chart", 0x06: "vba"}


class BiffError(ValueError):
    """The Workbook stream is not BIFF8 or is cut short."""


@dataclass(slots=True)
class BiffSheet:
    name: str
    kind: str
    hidden: bool
    offset: int
    # (row, column), 0-based → "#DIV/0!", or NO_RESULT for a formula whose result is empty
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    part: str = ""  # an .xlsb's sheet part
    merges: list[tuple[int, int, int, int]] | None = None  # an .xlsb's, 1-based (calamine gives an .xls's)
    first_row: int = -1
    last_row: int = -1
    first_col: int = -1
    last_col: int = -1

    @property
    def cells(self) -> int:
        """The cells of the sheet's used box: what calamine's dense grid holds."""
        if self.last_row < 0:
            return 0
        return (self.last_row - self.first_row + 1) * (self.last_col - self.first_col + 1)

    def _see(self, row: int, first: int, last: int) -> None:
        if self.last_row < 0:
            self.first_row = self.last_row = row
            self.first_col, self.last_col = first, last
            return
        self.first_row, self.last_row = min(self.first_row, row), max(self.last_row, row)
        self.first_col, self.last_col = min(self.first_col, first), max(self.last_col, last)


@dataclass(slots=True)
class BiffBook:
    sheets: list[BiffSheet]
    active: int
    encrypted: bool
    version: int


def scan(data: bytes) -> BiffBook:
    """The book's sheets with their boxes and error cells. BiffError when the stream is not BIFF8.

    One pass over the stream, whatever the sheets' offsets say (two sheets naming one offset
    cannot make the scan read the stream twice)."""
    kind, size = _record_at(data, 0)
    if kind != BOF or size < 4:
        raise BiffError("no BOF")
    version, = struct.unpack_from("<H", data, 4)
    book = BiffBook([], 0, False, version)
    offset = _globals(data, book)
    if not book.encrypted:
        by_offset = {s.offset: s for s in reversed(book.sheets)}  # a macro sheet's cells cost memory too
        while data[offset:offset + 2] == BOF_BYTES:  # what follows the last substream is padding
            offset = _substream(data, offset, by_offset.get(offset))
    return book


def _record_at(data: bytes, offset: int) -> tuple[int, int]:
    if offset + 4 > len(data):
        raise BiffError("cut short")
    kind, size = struct.unpack_from("<HH", data, offset)
    if offset + 4 + size > len(data):
        raise BiffError("cut short")
    return kind, size


def _globals(data: bytes, book: BiffBook) -> int:
    """Read the globals substream; the offset after its EOF."""
    offset = 0
    while True:
        kind, size = _record_at(data, offset)
        body = data[offset + 4:offset + 4 + size]
        if kind == FILEPASS:
            book.encrypted = True
        elif kind == BOUNDSHEET and size >= 8:
            book.sheets.append(_boundsheet(body))
        elif kind == WINDOW1 and size >= 12:
            book.active, = struct.unpack_from("<H", body, 10)
        offset += 4 + size
        if kind == EOF:
            return offset


def _boundsheet(body: bytes) -> BiffSheet:
    position, state, kind, length, wide = struct.unpack_from("<IBBBB", body, 0)
    raw = body[8:8 + length * (2 if wide & 1 else 1)]
    name = raw.decode("utf-16-le" if wide & 1 else "latin-1", "replace")
    return BiffSheet(name, KINDS.get(kind, "other"), bool(state & 0x03), position)


def _substream(data: bytes, offset: int, sheet: BiffSheet | None) -> int:
    """One substream from its BOF to its EOF (an embedded chart's BOF…EOF inside it skipped);
    its cells noted on `sheet` when it is a worksheet's. The offset after it.

    The hot loop of the scan (a record per cell): locals only, no call per record."""
    header, end, depth = HEADER.unpack_from, len(data), 0
    top, bottom, left, right = ROWS, -1, COLUMNS, -1
    while True:
        if offset + 4 > end:
            raise BiffError("cut short")
        kind, size = header(data, offset)
        at, offset = offset + 4, offset + 4 + size
        if offset > end:
            raise BiffError("cut short")
        if kind in CELL_KINDS:
            if sheet is None or depth != 1 or size < 6:
                continue
            row, col = header(data, at)
            if row < top:
                top = row
            if row > bottom:
                bottom = row
            if col < left:
                left = col
            if kind in CHECKED:
                _error(data, at, kind, size, sheet, row, col)
            elif kind == MULRK:
                col = max(col, header(data, offset - 2)[0])
            if col > right:
                right = col
        elif kind == BOF:
            depth += 1
        elif kind == EOF:
            depth -= 1
            if depth <= 0:
                break
    if sheet is not None and bottom >= 0:
        sheet._see(top, left, left)
        sheet._see(bottom, right, right)
    return offset


def _error(data: bytes, at: int, kind: int, size: int, sheet: BiffSheet, row: int, col: int) -> None:
    """An error value of a BOOLERR cell (fError set) or of a formula's cached result."""
    if kind == BOOLERR and size >= 8 and data[at + 7] == 1:
        sheet.errors[(row, col)] = ERRORS.get(data[at + 6], "#ERROR")
    elif kind == FORMULA and size >= 14 and data[at + 12:at + 14] == b"\xff\xff":
        if data[at + 6] == 2:
            sheet.errors[(row, col)] = ERRORS.get(data[at + 8], "#ERROR")
        elif data[at + 6] == 3:
            sheet.errors[(row, col)] = NO_RESULT  # an empty result, as the .xlsx path reads <f> with no <v>
