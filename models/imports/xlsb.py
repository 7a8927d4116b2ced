"""What an .xlsb (Excel binary workbook) holds, read before python-calamine reads a sheet whole.

As for an .xls (biff.py): calamine gives an error cell as an empty string, keeps a sheet as a dense
grid and, for .xlsb, gives no merged ranges. So each sheet part is scanned once here, its records
walked without decoding any value: the used box (what the grid will cost), the error cells, the
merged ranges; and workbook.bin gives the sheets' names, visibility and the active tab.
"""
from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from posixpath import join, normpath

from .biff import ERRORS, NO_RESULT, BiffBook, BiffSheet

ROW_HEADER, CELL_ERROR, FORMULA_STRING, FORMULA_ERROR = 0x00, 0x03, 0x08, 0x0B
CELLS = frozenset(range(0x01, 0x0C))  # BrtCellBlank … BrtFmlaError: a Cell (column, style) first
MERGE, BUNDLE_SHEET, BOOK_VIEW = 0xB0, 0x9C, 0x9E
MAX_ROW, MAX_COL = 1_048_575, 16_383
RELATION = re.compile(rb"<Relationship\s[^>]*?>")
ATTRIBUTE = re.compile(rb"""(Id|Type|Target)\s*=\s*["']([^"']*)["']""")


class XlsbError(ValueError):
    """A part of the .xlsb is not what Excel writes."""


def scan(archive: zipfile.ZipFile, max_part: int) -> BiffBook:
    """The book's sheets with their boxes, error cells and merges; XlsbError when a part is broken."""
    targets = _relations(archive)
    book = BiffBook([], 0, False, 0)
    for kind, body in _records(_read(archive, "xl/workbook.bin", max_part)):
        if kind == BUNDLE_SHEET:
            book.sheets.append(_bundle_sheet(body, targets))
        elif kind == BOOK_VIEW and len(body) >= 28:
            book.active, = struct.unpack_from("<I", body, 24)
    for sheet in book.sheets:
        if sheet.kind == "worksheet":
            _sheet(_read(archive, sheet.part, max_part), sheet)
    return book


def _read(archive: zipfile.ZipFile, part: str, max_part: int) -> bytes:
    try:
        info = archive.getinfo(part)
    except KeyError:
        raise XlsbError(f"no part {part}") from None
    if info.file_size > max_part:
        raise XlsbError(f"part {part} too large")
    return archive.read(info)


def _relations(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """rId → (relationship type's last word, the part it names)."""
    try:
        xml = archive.read("xl/_rels/workbook.bin.rels")
    except KeyError:
        raise XlsbError("no workbook relations") from None
    found = {}
    for tag in RELATION.findall(xml):
        attributes = {k.decode(): v.decode("utf-8", "replace") for k, v in ATTRIBUTE.findall(tag)}
        target = attributes.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        found[attributes.get("Id", "")] = (attributes.get("Type", "").rsplit("/", 1)[-1], part)
    return found


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, body) of each record, in order."""
    offset, end = 0, len(data)
    while offset < end:
        kind, offset = _varint(data, offset, 2)
        size, offset = _varint(data, offset, 4)
        if offset + size > end:
            raise XlsbError("cut short")
        yield kind, data[offset:offset + size]
        offset += size


def _varint(data: bytes, offset: int, most: int) -> tuple[int, int]:
    value = 0
    for i in range(most):
        if offset >= len(data):
            raise XlsbError("cut short")
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            return value, offset
    return value, offset


def _wide(body: bytes, offset: int) -> tuple[str, int]:
    count, = struct.unpack_from("<I", body, offset)
    if count == 0xFFFFFFFF:
        return "", offset + 4
    end = offset + 4 + 2 * count
    if end > len(body):
        raise XlsbError("string cut short")
    return body[offset + 4:end].decode("utf-16-le", "replace"), end


def _bundle_sheet(body: bytes, targets: dict[str, tuple[str, str]]) -> BiffSheet:
    if len(body) < 12:
        raise XlsbError("sheet record cut short")
    state, = struct.unpack_from("<I", body, 0)
    relation, offset = _wide(body, 8)
    name, _ = _wide(body, offset)
    kind, part = targets.get(relation, ("", ""))
    kind = "worksheet" if kind == "worksheet" else "chart" if kind == "chartsheet" else "other"
    return BiffSheet(name, kind, bool(state & 0x03), 0, part=part, merges=[])


def _sheet(data: bytes, sheet: BiffSheet) -> None:
    merges = sheet.merges = sheet.merges or []  # _bundle_sheet made it a list; only an .xls's is None
    row = -1
    for kind, body in _records(data):
        if kind == ROW_HEADER and len(body) >= 4:
            row, = struct.unpack_from("<I", body, 0)
            if row > MAX_ROW:
                raise XlsbError("row out of range")
        elif kind in CELLS and len(body) >= 8:
            col, = struct.unpack_from("<I", body, 0)
            if row < 0 or col > MAX_COL:
                raise XlsbError("cell out of range")
            sheet._see(row, col, col)
            _error(kind, body, sheet, row, col)
        elif kind == MERGE and len(body) >= 16:
            first_row, last_row, first_col, last_col = struct.unpack_from("<IIII", body, 0)
            if last_row > MAX_ROW or last_col > MAX_COL:
                raise XlsbError("merge out of range")
            merges.append((first_row + 1, first_col + 1, last_row + 1, last_col + 1))


def _error(kind: int, body: bytes, sheet: BiffSheet, row: int, col: int) -> None:
    if kind in (CELL_ERROR, FORMULA_ERROR) and len(body) >= 9:
        sheet.errors[(row, col)] = ERRORS.get(body[8], "#ERROR")
    elif kind == FORMULA_STRING and len(body) >= 12 and body[8:12] == b"\0\0\0\0":
        sheet.errors[(row, col)] = NO_RESULT
