"""Building small odd .xlsx files for import tests (titles, merged headers, totals)."""
from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl

ROSTER_HEADER = ("房号", "业主姓名", "联系电话", "建筑面积", "房屋用途", "入住状态")
KEY_HEADER = ("标签号", "房号", "开启对象", "数量", "钥匙柜")


def write_sheet(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (),
                title: str = "Sheet1") -> Path:
    """rows[0] is Excel row 1; None leaves a cell empty; merges like 'A1:F1'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def roster_rows(count: int, start: int = 1) -> list[tuple[Any, ...]]:
    """`count` good roster rows: 1栋1单元101... with distinct owners and valid mobiles."""
    return [(f"1栋1单元{100 + i}", f"业主{i}", f"1380000{i:04d}", 88.5 + i, "住宅", "已入住")
            for i in range(start, start + count)]


LEDGER_HEADER = ("房号", "业主姓名", "收费项目", "所属期", "应收金额", "实收金额", "欠费金额")


def ledger_rows(numbers: Sequence[str], fee: str = "物业服务费", period: str = "2026年01月",
                billed: str = "100.00", paid: str = "100.00") -> list[tuple[Any, ...]]:
    """One line per unit number, every line the same fee, period and amounts (欠费 = 应收 − 实收)."""
    arrears = str(Decimal(billed) - Decimal(paid))
    return [(number, f"业主{i}", fee, period, billed, paid, arrears) for i, number in enumerate(numbers, start=1)]


# ---- raw packages: hostile and odd files made part by part --------------------------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '{strings}</Types>')
STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
ROOT_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'worksheet" Target="worksheets/sheet1.xml"/>{strings}</Relationships>')
STRINGS_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'sharedStrings" Target="sharedStrings.xml"/>')


def cell_xml(ref: str, value: Any) -> str:
    """An inline cell: text as an inline string, numbers as they are; ('raw', '<c …/>') as given."""
    if isinstance(value, tuple) and value[0] == "raw":
        return value[1]
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value!r}</v></c>' if isinstance(value, float) else f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(rows: Sequence[Sequence[Any]], before: str = "", after: str = "") -> str:
    """A worksheet part: rows[0] is Excel row 1; None leaves a cell out."""
    from openpyxl.utils import get_column_letter

    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{get_column_letter(c)}{r}", v) for c, v in enumerate(row, start=1)
                        if v is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f'<sheetData>{"".join(body)}</sheetData>{after}</worksheet>')


def raw_xlsx(path: Path, sheet: str | bytes, strings: str | bytes | None = None,
             replace: dict[str, str | bytes] | None = None, raw: dict[str, tuple[bytes, int, int]] | None = None) -> Path:
    """A minimal package from its parts. `replace` swaps a part's text; `raw` gives a part already
    deflated: name → (deflate stream, crc32, uncompressed size) — a zip bomb."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES.format(strings=STRINGS_TYPE if strings is not None or raw else ""),
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.format(strings=STRINGS_REL if strings is not None or raw else ""),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    parts.update(replace or {})
    for name in raw or {}:
        parts.pop(name, None)
    members = []
    for name, text in parts.items():
        data = text.encode() if isinstance(text, str) else text
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        members.append((name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)))
    members += [(name, *packed) for name, packed in (raw or {}).items()]
    path.write_bytes(_zip(members))
    return path


def deflate_repeated(chunk: bytes, copies: int, head: bytes = b"", tail: bytes = b"") -> tuple[bytes, int, int]:
    """head + `chunk` × `copies` + tail, deflated without ever holding the whole: each copy is a
    full-flush block (identical bytes), so a 1 GB part is a 1 MB stream. (deflate stream, crc32, size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    end = compressor.compress(tail) + compressor.flush(zlib.Z_FINISH)
    return start + block + again * (copies - 1) + end, crc, len(head) + len(chunk) * copies + len(tail)


def _zip(members: Sequence[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive of deflated members (method 8), written by hand so a member may be a bomb."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out += encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(encoded), 0, 0, 0, 0, 0, offset)
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a workbook with a password: a Compound File (OLE, "CDF V2 Encrypted")
    whose directory names the EncryptionInfo and EncryptedPackage streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    header = header.ljust(512, b"\x00")
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + struct.pack("<H", len(name) * 2 + 2)
                       + bytes(62) for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path.write_bytes(header + entries.ljust(1024, b"\x00") + bytes(4096))
    return path
