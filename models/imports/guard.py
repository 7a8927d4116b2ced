"""A spreadsheet file checked before any parser sees it: encrypted or old formats, zip bombs, DTDs.

openpyxl trusts the file it is given: a 1 MB zip whose shared strings inflate to gigabytes is read
whole into memory, and an XML part may declare entities. Every import opens its file through
`check_file` first, which reads only the zip's directory and streams each XML part once (in
bounded chunks, linear in its size): a file outside the limits is refused with a message that
names the file and says what is wrong, before it can take time or memory.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import ValidationError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File (CDF V2): .xls, or an encrypted .xlsx
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MiB = 1 << 20
MAX_FILE = 512 * MiB
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


def check_file(path: Path) -> None:
    """ValidationError naming `path` unless it is an .xlsx within every limit."""
    name = path.name
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise ValidationError(f"文件“{name}”有 {_size(size)}，超过导入上限 {_size(MAX_FILE)}：请拆分后再导入。")
    with path.open("rb") as stream:
        head = stream.read(len(OLE_MAGIC))
        if head == OLE_MAGIC:
            raise ValidationError(_ole_message(name, stream))
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(name, archive)
    except zipfile.BadZipFile as exc:
        hint = "（.xls 旧格式请先在 Excel 中另存为 .xlsx）" if path.suffix.lower() == ".xls" else ""
        raise ValidationError(f"无法读取 Excel 文件“{name}”：不是有效的 .xlsx 文件{hint}。") from exc


def _ole_message(name: str, stream: IO[bytes]) -> str:
    if _contains(stream, ENCRYPTED_STREAM):
        return f"文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。"
    return f"文件“{name}”是旧版 Excel 文件（.xls）或其他 Office 文件：请在 Excel 中另存为 .xlsx 后再导入。"


def _contains(stream: IO[bytes], needle: bytes) -> bool:
    """Whether the stream holds `needle`, read in chunks (the stream's directory may be anywhere)."""
    tail = b""
    while chunk := stream.read(CHUNK):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValidationError(f"文件“{name}”含 {len(members)} 个部件（上限 {MAX_MEMBERS}），不是正常的 Excel 工作簿，"
                              "未导入。")
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise ValidationError(f"文件“{name}”不是 Excel 工作簿（.xlsx）：其中没有工作簿部件。请在 Excel 中另存为 .xlsx。")
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError(f"文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。")
        _check_size(name, member)
        total += member.file_size
        if total > MAX_TOTAL:
            raise ValidationError(f"文件“{name}”解压后超过 {_size(MAX_TOTAL)}，超过导入上限，未导入：请拆分后再导入。")
    for member in members:
        if _is_xml(member):
            _check_xml(name, archive, member)


def _check_size(name: str, member: zipfile.ZipInfo) -> None:
    limit = MAX_SHEET if member.filename.startswith("xl/worksheets/") else MAX_PART
    if member.file_size > limit:
        raise ValidationError(f"文件“{name}”中的部件“{member.filename}”解压后有 {_size(member.file_size)}，"
                              f"超过导入上限 {_size(limit)}，未导入：请确认文件来源，或拆分后再导入。")
    if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        ratio = member.file_size // max(member.compress_size, 1)
        raise ValidationError(f"文件“{name}”中的部件“{member.filename}”压缩比异常（1:{ratio}），"
                              "可能是恶意构造的文件，未导入。")


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
            raise ValidationError(f"文件“{name}”中的部件“{part}”含有 DTD 或实体声明（Excel 从不写入），"
                                  "可能是恶意构造的文件，未导入。")


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part in chunks that overlap by a few bytes, so a declaration across a boundary is seen."""
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                yield tail + chunk
                tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ValidationError(f"无法读取 Excel 文件：部件“{member.filename}”已损坏或使用了不支持的压缩方式"
                              f"（{type(exc).__name__}）。请在 Excel 中打开并另存后再导入。") from None


def _check_encoding(name: str, part: str, head: bytes) -> None:
    """A part in UTF-16 (or declared in an encoding that is not ASCII-based) could hide a DTD from the scan."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    declared = ENCODING.match(head)
    wide = head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]
    if wide or (declared and declared.group(1).lower() not in ASCII_SUPERSETS):
        raise ValidationError(f"文件“{name}”中的部件“{part}”使用了不支持的编码，不是 Excel 保存的文件，未导入："
                              "请在 Excel 中打开并另存后再导入。")


def _size(n: int) -> str:
    return f"{n / MiB / 1024:.1f} GB" if n >= 1024 * MiB else f"{max(n / MiB, 0.1):.1f} MB"
