"""A spreadsheet file checked before any parser sees it: what it really is, encryption, zip bombs, DTDs.

openpyxl trusts the file it is given: a 1 MB zip whose shared strings inflate to gigabytes is read
whole into memory, and an XML part may declare entities. Every import opens its file through
`check_file` first, which reads only the zip's directory and streams each XML part once (in
bounded chunks, linear in its size): a file outside the limits is refused with a message that
names the file and says what is wrong, before it can take time or memory.

An .xls (Excel 97–2003, and WPS's .et, both Compound Files) is read by python-calamine, which
reads the whole file and keeps each sheet as a dense grid from its first to its last cell (about
64 bytes a cell, plus the text): a 2-cell .xls with cells at A1 and IV65536 would cost 1 GB. So the
Workbook stream is scanned first (biff.py, one pass) and a file over MAX_OLD_FILE or whose used
boxes exceed MAX_OLD_CELLS is refused with a message. The HTML table a property system "exports as
xls" is read by html_book.py, within MAX_OLD_FILE; anything else — a renamed PDF, picture, .docx,
CSV, an XML Spreadsheet 2003 or an .mht page — is named for what it is.
"""
from __future__ import annotations

import logging
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from . import biff, sniff, xlsb
from .biff import BiffBook, BiffError
from .ole import OleError, OleFile
from .xlsb import XlsbError

log = logging.getLogger("handoverdesk")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File (CDF V2): .xls, .et, .doc, or an encrypted .xlsx
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ZIP_MAGIC = b"PK"
BIFF8 = 0x0600
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".xlsb")
SAVE_AS = QT_TRANSLATE_NOOP("imports", "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入。")
# What a file is instead, translated where named (translate("imports", what)).
OTHER_OFFICE = (("worddocument", QT_TRANSLATE_NOOP("imports", "Word 文档（.doc）")),
                ("powerpoint document", QT_TRANSLATE_NOOP("imports", "PowerPoint 演示文稿（.ppt）")),
                ("visiodocument", QT_TRANSLATE_NOOP("imports", "Visio 绘图")))
# Other Office files in a zip, told by their main part.
ZIP_KINDS = (("word/document.xml", QT_TRANSLATE_NOOP("imports", "Word 文档（.docx）")),
             ("ppt/presentation.xml", QT_TRANSLATE_NOOP("imports", "PowerPoint 演示文稿（.pptx）")),
             ("content.xml", QT_TRANSLATE_NOOP("imports", "OpenDocument 文件（WPS/LibreOffice）")))
MiB = 1 << 20
MAX_FILE = 512 * MiB
# An .xls: 65,536 rows × 256 columns at most; a real ledger of 60,000 lines is about 30 MB. calamine
# keeps the sheets whole, 64–84 bytes a cell: 4,000,000 cells (a 65,536-line sheet 60 columns wide)
# measured 260 MB of numbers and text, 318 MB of formulas. An .xlsb's sheet is held the same way.
MAX_OLD_FILE = 128 * MiB
MAX_OLD_CELLS = 4_000_000
MAX_MEMBERS = 5_000
MAX_SHEET = 1024 * MiB  # one worksheet's XML: a 1,000,000-line ledger is about 600 MB
MAX_PART = 64 * MiB  # any other part (shared strings, styles...): openpyxl reads these whole
MAX_TOTAL = 2048 * MiB
MAX_RATIO = 200  # real sheets compress 5–20 times; deflate bombs 1,000 times
RATIO_FROM = 4 * MiB  # small parts may compress oddly well without harm
CHUNK = MiB
DECLARATION = re.compile(rb"<!(?i:doctype|entity)")
ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
ASCII_SUPERSETS = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})
BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".wdp",
                   ".jfif", ".svg.bin")


@dataclass(frozen=True)
class Checked:
    """What the guard found the file to be: "xlsx" (openpyxl reads it), "html" (html_book.py reads
    it), or "xls" or "xlsb" (calamine reads it; `scan` holds what calamine does not give: error
    cells, merges of an .xlsb, the active tab)."""

    kind: str
    scan: BiffBook | None = None


def check_file(path: Path) -> Checked:
    """ValidationError naming `path` unless it is an .xlsx, .xls or .xlsb within every limit."""
    name = path.name
    if not path.is_file():
        raise ValidationError(translate("imports", "找不到文件：{path}").format(path=path))
    size = path.stat().st_size
    if size > MAX_FILE:
        raise ValidationError(translate("imports", "文件“{name}”有 {size}，超过导入上限 {max_file}：请拆分后再导入。").format(
            name=name, size=_size(size), max_file=_size(MAX_FILE)))
    if size == 0:
        raise ValidationError(translate("imports", "文件“{name}”是空文件（0 字节），没有任何内容：请确认选的文件，或重新导出后再导入。").format(
            name=name))
    with path.open("rb") as stream:
        head = stream.read(sniff.HEAD)
        if head.startswith(OLE_MAGIC):
            return Checked("xls", _check_ole(name, stream, size))
    if not head.startswith(ZIP_MAGIC):
        if sniff.describe(head) == sniff.HTML_PAGE:  # a web page named .xls: read by html_book.py
            return _check_html(name, size)
        raise ValidationError(_not_a_workbook(path, head))
    try:
        with zipfile.ZipFile(path) as archive:
            if _check_archive(name, archive) == "xlsb":
                return Checked("xlsb", _check_xlsb(name, archive))
    except zipfile.BadZipFile as exc:
        raise ValidationError(translate("imports", "无法读取 Excel 文件“{name}”：不是有效的 {path} 文件（压缩包已损坏或不完整）。{save_as}").format(
            name=name, path=_suffix(path), save_as=translate("imports", SAVE_AS))) from exc
    return Checked("xlsx")


def _check_html(name: str, size: int) -> Checked:
    """An HTML table "exported as xls": within the .xls size limit (html_book.py counts its cells)."""
    if size > MAX_OLD_FILE:
        raise ValidationError(translate("imports", "文件“{name}”是网页表格（HTML），有 {size}，超过导入上限 {max_old_file}：请拆分，或在 Excel 或 WPS 中打开，"
                                                   "另存为 .xlsx 后再导入。").format(
            name=name, size=_size(size), max_old_file=_size(MAX_OLD_FILE)))
    return Checked("html")


def _suffix(path: Path) -> str:
    return path.suffix.lower() if path.suffix.lower() in WORKBOOK_SUFFIXES else ".xlsx"


def _not_a_workbook(path: Path, head: bytes) -> str:
    what = sniff.describe(head)
    if what is None:
        return translate("imports", "无法读取 Excel 文件“{name}”：不是有效的 {path} 文件，也不是可识别的其他格式。{save_as}").format(
            name=path.name, path=_suffix(path), save_as=translate("imports", SAVE_AS))
    return translate("imports", "无法读取 Excel 文件“{name}”：不是有效的 {path} 文件，它实际上是{what}。{save_as}").format(
        name=path.name, path=_suffix(path), what=translate("imports", what), save_as=translate("imports", SAVE_AS))


def _check_ole(name: str, stream: IO[bytes], size: int) -> BiffBook:
    """The scan of an .xls (Excel 97–2003 or WPS), or a message saying what the Compound File is."""
    if size > MAX_OLD_FILE:
        raise ValidationError(translate("imports", "文件“{name}”有 {size}，超过旧版 .xls 的导入上限 {max_old_file}：请拆分，或另存为 .xlsx 后再导入。").format(
            name=name, size=_size(size), max_old_file=_size(MAX_OLD_FILE)))
    try:
        ole = OleFile(stream, size)
        names = {n.lower() for n in ole.names}
        if "encryptedpackage" in names:
            raise ValidationError(translate("imports", "文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。").format(
                name=name))
        if "workbook" not in names:
            raise ValidationError(_other_office(name, names))
        book = biff.scan(ole.stream("Workbook"))
    except (OleError, BiffError, struct.error, IndexError) as exc:
        log.warning("xls 文件无法读取：%s", type(exc).__name__)
        stream.seek(0)
        if _contains(stream, ENCRYPTED_STREAM):  # a directory we cannot follow still names its streams
            raise ValidationError(translate("imports", "文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。").format(
                name=name)) from None
        raise ValidationError(translate("imports", "文件“{name}”像是旧版 Excel 文件（.xls），但已损坏或不完整，无法读取：{save_as}").format(
            name=name, save_as=translate("imports", SAVE_AS))) from None
    _check_biff(name, book)
    return book


def _other_office(name: str, names: set[str]) -> str:
    if name.lower().endswith(".et"):  # a WPS 表格 file without the Excel-compatible Workbook stream
        return translate("imports", "文件“{name}”是 WPS 表格文件（.et），但不是能直接读取的格式：请在 WPS 中打开，另存为 .xlsx 后再导入。").format(
            name=name)
    if "book" in names:
        return translate("imports", "文件“{name}”是 Excel 5.0/95 格式的旧工作簿，无法直接读取：{save_as}").format(
            name=name, save_as=translate("imports", SAVE_AS))
    for stream, what in OTHER_OFFICE:
        if stream in names:
            return translate("imports", "文件“{name}”不是 Excel 工作簿，而是{what}：请确认选的文件；表格请在 Excel 或 WPS 中另存为 .xlsx 后再导入。").format(
                name=name, what=translate("imports", what))
    return translate("imports", "文件“{name}”是 Office 复合文档，但不是 Excel 工作簿：请确认选的文件；{save_as}").format(
        name=name, save_as=translate("imports", SAVE_AS))


def _check_biff(name: str, book: BiffBook) -> None:
    if book.encrypted:
        raise ValidationError(translate("imports", "文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。").format(
            name=name))
    if book.version != BIFF8:
        raise ValidationError(translate("imports", "文件“{name}”是 Excel 95 或更早的格式，无法直接读取：{save_as}").format(
            name=name, save_as=translate("imports", SAVE_AS)))
    _check_cells(name, book, QT_TRANSLATE_NOOP("imports", "旧版 .xls"))


def _check_cells(name: str, book: BiffBook, what: str) -> None:
    cells = sum(s.cells for s in book.sheets)
    if cells > MAX_OLD_CELLS:
        raise ValidationError(translate("imports", "文件“{name}”的工作表共占 {cells:,} 个单元格（含中间的空格子；{what} 上限 {max_old_cells:,}）"
                                                   "，未导入：请删去远处多余的内容，或另存为 .xlsx 后再导入。").format(
            name=name, cells=cells, what=translate("imports", what), max_old_cells=MAX_OLD_CELLS))


def _contains(stream: IO[bytes], needle: bytes) -> bool:
    """Whether the stream holds `needle`, read in chunks (the stream's directory may be anywhere)."""
    tail = b""
    while chunk := stream.read(CHUNK):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def _check_archive(name: str, archive: zipfile.ZipFile) -> str:
    """"xlsx" or "xlsb" when every part is within the limits."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValidationError(translate("imports", "文件“{name}”含 {members} 个部件（上限 {max_members}），不是正常的 Excel 工作簿，"
                                                   "未导入。").format(
            name=name, members=len(members), max_members=MAX_MEMBERS))
    parts = {m.filename for m in members}
    binary = "xl/workbook.bin" in parts and "xl/workbook.xml" not in parts
    if "xl/workbook.xml" not in parts and not binary:
        what = next((what for part, what in ZIP_KINDS if part in parts), QT_TRANSLATE_NOOP("imports", "ZIP 压缩包"))
        raise ValidationError(translate("imports", "文件“{name}”不是 Excel 工作簿（.xlsx），而是{what}：请确认选的文件；{save_as}").format(
            name=name, what=translate("imports", what), save_as=translate("imports", SAVE_AS)))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError(translate("imports", "文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。").format(
                name=name))
        _check_size(name, member)
        total += member.file_size
        if total > MAX_TOTAL:
            raise ValidationError(translate("imports", "文件“{name}”解压后超过 {max_total}，超过导入上限，未导入：请拆分后再导入。").format(
                name=name, max_total=_size(MAX_TOTAL)))
    for member in members:
        if _is_xml(member):
            _check_xml(name, archive, member)
    return "xlsb" if binary else "xlsx"


def _check_xlsb(name: str, archive: zipfile.ZipFile) -> BiffBook:
    """The scan of an .xlsb, whose parts calamine reads whole: each within MAX_OLD_FILE."""
    for member in archive.infolist():
        if member.filename.endswith(".bin") and member.file_size > MAX_OLD_FILE:
            raise ValidationError(translate("imports", "文件“{name}”中的部件“{filename}”解压后有 {file_size}，超过 .xlsb 的导入上限 {max_old_file}："
                                                       "请另存为 .xlsx 后再导入。").format(
                name=name, filename=member.filename, file_size=_size(member.file_size), max_old_file=_size(MAX_OLD_FILE)))
    try:
        book = xlsb.scan(archive, MAX_OLD_FILE)
    except (XlsbError, struct.error, IndexError, zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        log.warning("xlsb 文件无法读取：%s", type(exc).__name__)
        raise ValidationError(translate("imports", "文件“{name}”是 Excel 二进制工作簿（.xlsb），但已损坏或不完整，无法读取：{save_as}").format(
            name=name, save_as=translate("imports", SAVE_AS))) from None
    _check_cells(name, book, ".xlsb")
    return book


def _check_size(name: str, member: zipfile.ZipInfo) -> None:
    limit = MAX_SHEET if member.filename.startswith("xl/worksheets/") else MAX_PART
    if member.file_size > limit:
        raise ValidationError(translate("imports", "文件“{name}”中的部件“{filename}”解压后有 {file_size}，超过导入上限 {limit}，未导入："
                                                   "请确认文件来源，或拆分后再导入。").format(
            name=name, filename=member.filename, file_size=_size(member.file_size), limit=_size(limit)))
    if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        ratio = member.file_size // max(member.compress_size, 1)
        raise ValidationError(translate("imports", "文件“{name}”中的部件“{filename}”压缩比异常（1:{ratio}），可能是恶意构造的文件，未导入。").format(
            name=name, filename=member.filename, ratio=ratio))


def _is_xml(member: zipfile.ZipInfo) -> bool:
    return not member.is_dir() and not member.filename.lower().endswith(BINARY_SUFFIXES)


def _check_xml(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """No DTD and no entity declaration (Excel never writes one), in an encoding we can scan."""
    part = member.filename
    first = True
    for chunk in _chunks(archive, member):
        if first:
            _check_encoding(name, part, chunk[:256])
            first = False
        if DECLARATION.search(chunk):
            raise ValidationError(translate("imports", "文件“{name}”中的部件“{part}”含有 DTD 或实体声明（Excel 从不写入），可能是恶意构造的文件，未导入。").format(
                name=name, part=part))


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part in chunks that overlap by a few bytes, so a declaration across a boundary is seen."""
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                yield tail + chunk
                tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ValidationError(translate("imports", "无法读取 Excel 文件：部件“{filename}”已损坏或使用了不支持的压缩方式（{error}）。请在 Excel 中打开并另存后再导入。").format(
            filename=member.filename, error=type(exc).__name__)) from None


def _check_encoding(name: str, part: str, head: bytes) -> None:
    """A part in UTF-16 (or declared in an encoding that is not ASCII-based) could hide a DTD from the scan."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    declared = ENCODING.match(head)
    wide = head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]
    if wide or (declared and declared.group(1).lower() not in ASCII_SUPERSETS):
        raise ValidationError(translate("imports", "文件“{name}”中的部件“{part}”使用了不支持的编码，不是 Excel 保存的文件，未导入：请在 Excel 中打开并另存后再导入。").format(
            name=name, part=part))


def _size(n: int) -> str:
    return f"{n / MiB / 1024:.1f} GB" if n >= 1024 * MiB else f"{max(n / MiB, 0.1):.1f} MB"
