"""A web page saved as .xls (the HTML <table> a property system's "导出Excel" writes), read as a workbook.

Such a page is what Excel and WPS open as a sheet: each outermost <table> holding rows is a sheet
("表1", "表2"…, or the page's <title> when there is one table), each <td>/<th> a cell laid out as
the HTML table model lays it out (a rowspan keeps its columns busy in the rows below), and a
colspan/rowspan a merged range, so MergeFiller fills it as it fills an .xlsx merge. A cell's value
is its text as shown: <br> (and a nested table's rows, a <p> or <div>) a line break, runs of source
whitespace one space, the ends stripped; "0101" and "1,234.50" stay text, parsed later as the
importers parse any text cell (x:num, x:str and mso-number-format are not applied). A nested table
is not a sheet: its text is part of the outer cell. A <caption> is a row of its own above the table.

Safety: the file is within the .xls size limit (guard.py refuses a bigger one first). It is read
twice, streaming: once to find its encoding (a BOM; else the <meta charset> or http-equiv
content-type it declares; else UTF-8; else GB18030) and count its cells, refused over MAX_CELLS
before any tree is built; once parsed by lxml's HTML parser (no network, huge_tree off), each row
dropped from the tree once read, so memory holds only the rows' texts.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .cells import UnreadableCell
from .guard import MAX_OLD_CELLS
from .xml_stream import drop_read

log = logging.getLogger("handoverdesk")

CHUNK = 1 << 20
MAX_CELLS = MAX_OLD_CELLS  # as an .xls's: each cell's text is held, as calamine holds an .xls's
MAX_ELEMENTS_PER_ROW = 100_000
MAX_COLUMNS = 256  # as workbook.MAX_COLUMNS
MAX_ROWS = 1_048_576
MAX_MERGES = 200_000  # as workbook.MAX_MERGES (more are counted, not kept)
MAX_COLSPAN = 1_000  # the HTML standard's limits
MAX_ROWSPAN = 65_534
MAX_TEXT = 32_767
MAX_TITLE = 31  # Excel's limit for a sheet name
META_HEAD = 64 * 1024  # where a <meta> declaring the encoding is looked for
META_RE = re.compile(rb"<meta\b[^>]{0,400}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
CELL_TAG_RE = re.compile(r"<t[dh][\s>/]", re.I)
SPACE_RE = re.compile(r"[ \t\n\r\f]+")
DIGITS_RE = re.compile(r"\d{1,9}")
HTML_SPACE = " \t\n\r\f"
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CHINESE = frozenset({"gb2312", "gbk", "cp936", "gb18030", "x-gbk", "gb_2312-80", "csgb2312", "chinese",
                     "iso-ir-58"})  # GB2312 and GBK pages read as GB18030, their superset
FALLBACKS = ("utf-8", "gb18030")
NEW_LINE = "\n"
BREAKS = frozenset({"br", "tr", "p", "div", "li", "table", "caption"})
HIDDEN = frozenset({"script", "style", "head", "title"})
SAVE_AS = QT_TRANSLATE_NOOP("imports", "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。")


@dataclass(eq=False)
class HtmlSheet:
    """One table: the attributes sheet.py and workbook.py ask of a sheet."""

    title: str
    index: int
    data: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)  # (1-based row, values), rows with a value
    ranges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row, col, last row, last col), 1-based
    merge_count: int = 0
    max_row: int = 0
    wide_row: int | None = None  # the first row with a value beyond MAX_COLUMNS
    sheet_state: str = "visible"
    is_data: bool = True

    @property
    def _worksheet_path(self) -> str:
        return f"html:{self.index}"

    def rows(self, file_name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        for number, values in self.data:
            if self.wide_row is not None and number >= self.wide_row:
                break
            yield number, values
        if self.wide_row is not None:
            raise ValidationError(translate("imports", "无法读取“{file_name}”的工作表“{title}”：第 {wide_row} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列）"
                                                       "，请删去多余的列。").format(
                file_name=file_name, title=self.title, wide_row=self.wide_row, max_columns=MAX_COLUMNS))

    def merges(self) -> list[tuple[int, int, int, int]]:
        return list(self.ranges)


class HtmlBook:
    """The page: `worksheets`, `active`, `sheetnames` and `close()` as openpyxl's workbook has them."""

    def __init__(self, sheets: list[HtmlSheet]) -> None:
        self.worksheets = sheets
        self.active = sheets[0]
        self.sheetnames = [s.title for s in sheets]

    def close(self) -> None:
        """Nothing is kept open."""


def open_html(path: Path) -> HtmlBook:
    """The tables of an HTML page as sheets, or a ValidationError naming the file."""
    name = path.name
    codec, cells = _encoding(path)
    if cells > MAX_CELLS:
        raise ValidationError(translate("imports", "文件“{name}”是网页表格（HTML），共有 {cells:,} 个单元格（上限 {max_cells:,}），未导入："
                                                   "请拆分后再导入，或在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。").format(
            name=name, cells=cells, max_cells=MAX_CELLS))
    try:
        sheets = _Reader(name).read(path, codec)
    except ValidationError:
        raise
    except MemoryError:
        raise
    except (etree.LxmlError, ValueError, UnicodeError) as exc:
        log.warning("网页表格无法读取：%s", type(exc).__name__)  # the kind only; no file name (personal)
        raise ValidationError(translate("imports", "无法读取文件“{name}”：它是网页表格（HTML），但已损坏，无法读取。{save_as}").format(
            name=name, save_as=translate("imports", SAVE_AS))) from None
    if not sheets:
        raise ValidationError(translate("imports", "文件“{name}”是网页（HTML），但里面没有表格（<table>），没有可导入的内容：请确认导出的文件。").format(
            name=name))
    return HtmlBook(sheets)


# ---- encoding --------------------------------------------------------------------------------------

def _encoding(path: Path) -> tuple[str, int]:
    """The codec the whole file decodes with, and how many <td>/<th> tags it holds."""
    with path.open("rb") as stream:
        head = stream.read(META_HEAD)
    for bom, codec in BOMS:
        if head.startswith(bom):
            candidates = [codec]
            break
    else:
        declared = _declared(head)
        candidates = list(dict.fromkeys(([declared] if declared else []) + list(FALLBACKS)))
    for codec in candidates:
        cells = _decodes(path, codec)
        if cells is not None:
            return codec, cells
    match = META_RE.search(head)
    said = f"（文件声明的编码是“{match.group(1).decode('ascii', 'replace')}”）" if match else ""
    raise ValidationError(translate("imports", "无法读取文件“{name}”：它是网页表格（HTML），但文字编码无法识别{said}，既不是 UTF-8，也不是 GBK/GB18030。"
                                               "{save_as}").format(
        name=path.name, said=said, save_as=translate("imports", SAVE_AS)))


def _declared(head: bytes) -> str | None:
    """The codec a <meta charset> or http-equiv content-type names, if Python knows it."""
    match = META_RE.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in CHINESE:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    codec = info.name
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib...: no text encoding at all
        return None
    if codec in CHINESE:
        return "gb18030"
    return None if codec.startswith("utf-16") or codec.startswith("utf-32") else codec  # no BOM: not so


def _decodes(path: Path, codec: str) -> int | None:
    """The number of cell tags when the whole file decodes with `codec`, else None."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    cells, tail = 0, ""
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                text = tail + decoder.decode(chunk)
                cells += len(CELL_TAG_RE.findall(text))
                tail = text[-3:]  # a tag is 4 characters: none is counted twice, none across chunks missed
            text = tail + decoder.decode(b"", final=True)
    except (ValueError, TypeError):  # UnicodeDecodeError, or a codec that fails on this text
        return None
    return cells + len(CELL_TAG_RE.findall(text))


def _utf8_chunks(path: Path, codec: str) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            yield decoder.decode(chunk).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


# ---- tables ------------------------------------------------------------------------------------------

class _Reader:
    """One streaming pass of lxml's HTML parser: each outermost table's rows, laid out, as a sheet."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tables: list[_Grid] = []
        self.grid: _Grid | None = None
        self.depth = 0  # tables open around the element the parser is at
        self.loose: list[tuple[str, int, int]] = []  # cells written straight into the table (no <tr>)
        self.page_title = ""
        self.elements = 0

    def read(self, path: Path, codec: str) -> list[HtmlSheet]:
        parser = etree.HTMLPullParser(events=("start", "end"), encoding="utf-8", no_network=True, huge_tree=False,
                                      remove_comments=True, remove_pis=True)
        for chunk in _utf8_chunks(path, codec):
            parser.feed(chunk)
            self._events(parser)
            self._check(parser)
        parser.close()
        self._events(parser)
        self._check(parser)
        grids = [g for g in self.tables if g.row]
        sheets = []
        for index, grid in enumerate(grids):
            title = self.page_title if len(grids) == 1 and self.page_title else f"表{index + 1}"
            sheets.append(grid.sheet(title, index))
        return sheets

    def _check(self, parser: Any) -> None:
        """libxml2 stops at a fatal error (elements nested over 256 deep) and says so only in its log."""
        if any(e.level == etree.ErrorLevels.FATAL for e in parser.feed_error_log):
            row = self.grid.row + 1 if self.grid else 1
            raise ValidationError(translate("imports", "无法读取文件“{name}”：网页表格第 {row} 行附近结构异常（标签嵌套过深或已损坏），未导入。{save_as}").format(
                name=self.name, row=row, save_as=translate("imports", SAVE_AS)))

    def _events(self, parser: Any) -> None:
        for event, element in parser.read_events():
            tag = element.tag
            if event == "start":
                if tag == "table":
                    self.depth += 1
                    if self.depth == 1:
                        self.grid = _Grid()
                        self.tables.append(self.grid)
                elif tag == "tr" and self.depth == 1 and self.loose:
                    self._row(self.loose)
                continue
            if tag == "table" and self.depth:
                self.depth -= 1
                if self.depth == 0 and self.grid is not None:
                    if self.loose:
                        self._row(self.loose)
                    self.grid.close()
                    self.grid = None
                    self.elements = 0
                    drop_read(element)
                continue
            if self.depth == 0:
                if tag == "title" and not self.page_title:
                    self.page_title = _title(element)
                if tag != "html" and tag != "body":
                    drop_read(element)
                continue
            self.elements += 1
            if self.elements > MAX_ELEMENTS_PER_ROW:
                row = self.grid.row + 1 if self.grid else 1
                raise ValidationError(translate("imports", "无法读取文件“{name}”：网页表格第 {row} 行附近结构异常（元素过多），未导入。{save_as}").format(
                    name=self.name, row=row, save_as=translate("imports", SAVE_AS)))
            if self.depth != 1:
                continue
            if tag == "tr":
                self._row([_cell(c) for c in element if c.tag == "td" or c.tag == "th"])
                drop_read(element)
            elif tag == "caption":  # the table's title, a row above it as Excel shows it
                self._row([(_text(element), 1, 1)])
                drop_read(element)
            elif (tag == "td" or tag == "th") and element.getparent().tag != "tr":
                self.loose.append(_cell(element))  # a browser puts it in a row of its own making
                drop_read(element)

    def _row(self, cells: list[tuple[str, int, int]]) -> None:
        if self.grid is not None:
            self.grid.add(self.name, cells)
        self.loose = []
        self.elements = 0


def _cell(cell: Any) -> tuple[str, int, int]:
    return _text(cell), _span(cell, "colspan", MAX_COLSPAN), _span(cell, "rowspan", MAX_ROWSPAN)


class _Grid:
    """The HTML table model: cells placed left to right past columns a rowspan above keeps busy."""

    def __init__(self) -> None:
        self.row = 0
        self.data: list[tuple[int, tuple[Any, ...]]] = []
        self.ranges: list[tuple[int, int, int, int]] = []
        self.merge_count = 0
        self.busy: dict[int, int] = {}  # column → the last row a rowspan keeps it (columns ≤ MAX_COLUMNS + 1)
        self.wide_row: int | None = None

    def add(self, name: str, cells: list[tuple[str, int, int]]) -> None:
        self.row += 1
        row = self.row
        if row > MAX_ROWS:
            raise ValidationError(translate("imports", "无法读取文件“{name}”：网页表格超过 {max_rows:,} 行（Excel 的上限），未导入。").format(
                name=name, max_rows=MAX_ROWS))
        found: dict[int, Any] = {}
        col = 1
        for text, colspan, rowspan in cells:
            while self.busy.get(col, 0) >= row:
                col += 1
            if text:
                if col > MAX_COLUMNS:
                    self.wide_row = self.wide_row or row
                else:
                    found[col] = text if len(text) <= MAX_TEXT else UnreadableCell(
                        text[:40] + "…", translate("imports", "超过 Excel 单元格上限（{max_text} 个字），无法读取").format(
                            max_text=MAX_TEXT))
            last_row = row + rowspan - 1 if rowspan else row + MAX_ROWSPAN  # rowspan=0: to the table's end
            if (colspan > 1 or last_row > row) and col <= MAX_COLUMNS:
                self.merge_count += 1
                if self.merge_count <= MAX_MERGES:
                    self.ranges.append((row, col, last_row, col + colspan - 1))
            if last_row > row:
                for c in range(col, min(col + colspan, MAX_COLUMNS + 2)):
                    self.busy[c] = last_row
            col += colspan
        if found:
            self.data.append((row, tuple(found.get(c) for c in range(1, max(found) + 1))))

    def close(self) -> None:
        """A rowspan reaching past the last row ends with the table, as a browser shows it."""
        last = self.row
        self.ranges = [(r, c, min(r2, last), c2) for r, c, r2, c2 in self.ranges]
        self.ranges = [m for m in self.ranges if m[0:2] != m[2:4]]
        self.busy = {}

    def sheet(self, title: str, index: int) -> HtmlSheet:
        return HtmlSheet(title, index, self.data, self.ranges, self.merge_count, self.row, self.wide_row)


def _span(cell: Any, attribute: str, limit: int) -> int:
    """colspan/rowspan as a browser reads it: digits (a junk tail ignored), 1 when missing or wrong, ≤ limit."""
    raw = cell.get(attribute)
    if raw is None:
        return 1
    match = DIGITS_RE.match(raw.strip())
    if not match:
        return 1
    value = int(match.group())
    if value == 0:
        return 0 if attribute == "rowspan" else 1
    return min(value, limit)


def _text(cell: Any) -> str:
    """The cell's text as shown: source whitespace runs one space, <br> and block ends a line break."""
    if not len(cell):  # the usual cell: text only
        text = SPACE_RE.sub(" ", cell.text or "").strip(HTML_SPACE)
        return text if text.strip() else ""
    parts: list[str] = []
    skip = 0
    for event, element in etree.iterwalk(cell, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in HIDDEN:
                skip += 1
            elif element is not cell and tag == "br":
                parts.append(NEW_LINE)
            elif element is not cell and tag in BREAKS:
                _soft_break(parts)
            elif element is not cell and tag in ("td", "th"):
                parts.append(" ")
            if not skip and element.text:
                parts.append(SPACE_RE.sub(" ", element.text))
        else:
            if tag in HIDDEN:
                skip -= 1
            if element is not cell and tag in BREAKS and tag != "br":
                _soft_break(parts)
            if not skip and element is not cell and element.tail:
                parts.append(SPACE_RE.sub(" ", element.tail))
    lines = [line.strip(HTML_SPACE) for line in "".join(parts).split(NEW_LINE)]
    text = NEW_LINE.join(lines).strip(HTML_SPACE)
    return text if text.strip() else ""


def _soft_break(parts: list[str]) -> None:
    """A block's edge: a line break unless the text is at a line's start already."""
    for part in reversed(parts):
        if part.strip(HTML_SPACE):
            parts.append(NEW_LINE)
            return
        if part == NEW_LINE:
            return


def _title(element: Any) -> str:
    text = SPACE_RE.sub(" ", element.text or "").strip()
    text = re.sub(r"[\\/?*\[\]:]", " ", text).strip()  # characters Excel refuses in a sheet name
    return text[:MAX_TITLE].strip()
