"""Opening a workbook for import: checked first, then streamed row by row with merged cells filled in.

An .xlsx is read with openpyxl and lxml as below; an .xls (Excel 97–2003, WPS) with python-calamine
(calamine_book.py), and an HTML table saved as .xls with lxml's HTML parser (html_book.py), behind
the same functions, so every importer reads them alike.

openpyxl opens the workbook (sheet names, shared strings, date formats) in read-only mode, but the
rows of a sheet are read here, with lxml, for three reasons openpyxl's reader cannot serve:
a formula cell whose cached value is missing must be told apart from an empty cell (openpyxl's
data_only gives None for both), a cell holding NaN or INF or a broken shared-string index must be a
message on its row (openpyxl raises and the rest of the sheet is lost), and a row numbered
1,000,000,000 must not make a billion empty rows. Memory stays bounded: each row is dropped from
the tree once read, and so is every element outside the rows.
"""
from __future__ import annotations

import datetime as dt
import heapq
import logging
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.utils import range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .calamine_book import NO_RESULT, CalamineSheet, Cells, open_calamine
from .cells import UnreadableCell
from .guard import check_file
from .html_book import HtmlSheet, open_html
from .xml_stream import drop_read

log = logging.getLogger("handoverdesk")

MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^<>]{0,200}?ref=\"([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)\"")
CHUNK = 1 << 20
TAG_TAIL = 300  # a <mergeCell ...> tag is shorter: a longer tail is text, never a tag to finish
MAX_MERGES = 200_000
MAX_COLUMNS = 256
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_ELEMENTS_PER_ROW = 100_000
MAX_TEXT = 32_767  # Excel's limit for one cell
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL, VALUE, FORMULA, INLINE, TEXT, RUN = (NS + t for t in ("row", "c", "v", "f", "is", "t", "r"))
SHEET_DATA = NS + "sheetData"
ROW_PARTS = frozenset(NS + t for t in ("c", "v", "f", "is", "t", "r", "rPr", "rPh", "phoneticPr", "extLst",
                                        "b", "i", "u", "sz", "color", "rFont", "family", "charset", "scheme",
                                        "strike", "vertAlign", "outline", "shadow", "condense", "extend"))
COLUMN_RE = re.compile(r"([A-Z]{1,3})(\d*)")
INTEGER_RE = re.compile(r"-?\d{1,30}")


@dataclass(frozen=True, slots=True)
class Merge:
    """A merged range, 1-based rows and columns as Excel counts them."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


def open_workbook(path: Path) -> Any:
    """The workbook in read-only (streaming) mode, or a clerk-readable ValidationError."""
    checked = check_file(path)
    if checked.kind == "html":
        return open_html(path)
    if checked.scan is not None:
        return open_calamine(path, checked.scan, checked.kind)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl raises anything on a broken package: the clerk gets the file named
        log.warning("Excel 文件无法打开：%s", type(exc).__name__)  # the kind for a bug report; no file name (personal)
        raise ValidationError(translate("imports", "无法读取 Excel 文件“{name}”：文件已损坏或不是 Excel 保存的 .xlsx（请在 Excel 中打开并另存后再导入）"
                                                   "。").format(
            name=path.name)) from exc


def is_data_sheet(worksheet: Any) -> bool:
    """A sheet of cells, hidden or not (a chart sheet, or a macro or dialog sheet of an .xls, is not)."""
    if isinstance(worksheet, (CalamineSheet, HtmlSheet)):
        return worksheet.is_data
    return bool(getattr(worksheet, "_worksheet_path", None))


def data_sheets(workbook: Any) -> list[Any]:
    """The sheets an import may read, the active one first."""
    sheets = [workbook.active] + [ws for ws in workbook.worksheets if ws is not workbook.active]
    return [ws for ws in sheets if is_data_sheet(ws)]


def sheet_merges(path: Path, worksheet: Any) -> list[Merge]:
    """The merged ranges of a read-only sheet.

    openpyxl's read-only sheets do not expose merged ranges, and its normal mode
    loads every cell into memory (a 1,000,000-line fee ledger would not fit), so
    we scan the sheet's XML part for <mergeCell ref="..."> ourselves, streaming,
    in time linear in the part's size whatever it holds.
    """
    if isinstance(worksheet, CalamineSheet):
        return _calamine_merges(worksheet)
    if isinstance(worksheet, HtmlSheet):
        _check_merge_count(worksheet, worksheet.merge_count)
        return [Merge(*r) for r in worksheet.merges()]
    part = getattr(worksheet, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        refs = _scan_refs(stream)
    _check_merge_count(worksheet, len(refs))
    return [_merge(ref) for ref in refs if ":" in ref]


def _check_merge_count(worksheet: Any, count: int) -> None:
    if count > MAX_MERGES:
        raise ValidationError(translate("imports", "工作表“{title}”有 {count} 处合并单元格（上限 {max_merges}）：请取消合并后另存再导入。").format(
            title=worksheet.title, count=count, max_merges=MAX_MERGES))


def _calamine_merges(worksheet: CalamineSheet) -> list[Merge]:
    ranges = worksheet.merges()
    _check_merge_count(worksheet, len(ranges))
    return [Merge(*r) for r in ranges if r[0:2] != r[2:4]]


def _scan_refs(stream: Any) -> list[str]:
    refs: list[str] = []
    tail = b""
    while chunk := stream.read(CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<", max(0, len(data) - TAG_TAIL))
        cut = cut if cut >= 0 else len(data)  # no tag starts near the end: nothing to carry over
        refs += [m.decode() for m in MERGE_RE.findall(data, 0, cut)]
        tail = data[cut:]
        if len(refs) > MAX_MERGES:
            break
    refs += [m.decode() for m in MERGE_RE.findall(tail)]
    return refs


def _merge(ref: str) -> Merge:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return Merge(min_row, min_col, max_row, max_col)


class MergeFiller:
    """Fills merged cells row by row as the rows stream past.

    A header row gets the anchor's value in every cell of the range ("金额" over
    应收/实收/欠费); a data row only down the anchor's column (a 楼栋 cell merged
    over ten units), so a note merged across the sheet does not fill every field.
    A data row costs at most one look-up per column, however many ranges there are.
    """

    def __init__(self, merges: list[Merge]) -> None:
        self._pending = sorted(merges, key=lambda m: m.min_row, reverse=True)
        self._active: dict[Merge, Any] = {}
        self._ending: list[tuple[int, int, Merge]] = []  # heap of (max_row, order, merge)
        self._down: dict[int, tuple[Merge, Any]] = {}  # column → the latest range anchored there
        self._order = 0

    def fill(self, row: int, raw: tuple[Any, ...], header: bool) -> list[Any]:
        self._advance(row, raw)
        values = list(raw)
        if header:
            for merge, anchor in self._active.items():
                self._fill_one(values, row, merge, anchor, header)
        else:
            for merge, anchor in self._down.values():
                self._fill_one(values, row, merge, anchor, header)
        return values

    def _advance(self, row: int, raw: tuple[Any, ...]) -> None:
        while self._pending and self._pending[-1].min_row <= row:
            merge = self._pending.pop()
            if merge.max_row < row:
                continue  # a range on rows already passed (a gap in the file)
            anchor = raw[merge.min_col - 1] if merge.min_row == row and merge.min_col <= len(raw) else None
            self._active[merge] = anchor
            self._down[merge.min_col] = (merge, anchor)
            self._order += 1
            heapq.heappush(self._ending, (merge.max_row, self._order, merge))
        while self._ending and self._ending[0][0] < row:
            merge = heapq.heappop(self._ending)[2]
            del self._active[merge]
            if self._down.get(merge.min_col, (None,))[0] == merge:
                del self._down[merge.min_col]

    @staticmethod
    def _fill_one(values: list[Any], row: int, merge: Merge, anchor: Any, header: bool) -> None:
        last = min(merge.max_col if header else merge.min_col, MAX_COLUMNS)
        if len(values) < last:
            values.extend([None] * (last - len(values)))
        for col in range(merge.min_col, last + 1):
            if (row, col) != (merge.min_row, merge.min_col):
                values[col - 1] = anchor


def row_count(worksheet: Any) -> int:
    """The row count the file declares (for progress only: some writers get it wrong)."""
    try:
        return int(worksheet.max_row or 0)
    except (TypeError, ValueError):
        return 0


# ---- the rows of a sheet ----------------------------------------------------------------------------

def stream_rows(workbook: Any, worksheet: Any, file_name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, values) for every row the file holds that has a value, in order.

    Rows the file leaves out (gaps) are not made up: the caller sees the numbers jump.
    """
    if isinstance(worksheet, CalamineSheet):
        yield from _calamine_rows(worksheet, file_name)
        return
    if isinstance(worksheet, HtmlSheet):
        yield from worksheet.rows(file_name)
        return
    reader = _RowReader(workbook, worksheet, file_name)
    with workbook._archive.open(worksheet._worksheet_path) as source:
        yield from reader.rows(source)


def _calamine_rows(worksheet: CalamineSheet,
                   file_name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    cells = Cells(worksheet.errors)
    for row, first, raw in worksheet.rows():
        found = cells.values(row, first, raw)
        if not found:
            continue
        if max(found) > MAX_COLUMNS:
            raise ValidationError(translate("imports", "无法读取“{file_name}”的工作表“{title}”：第 {row} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列）"
                                                       "，请删去多余的列。").format(
                file_name=file_name, title=worksheet.title, row=row + 1, max_columns=MAX_COLUMNS))
        yield row + 1, tuple(found.get(c) for c in range(1, max(found) + 1))


class _RowReader:
    """One pass over a worksheet's XML: rows as value tuples, problems as UnreadableCell or a refusal."""

    def __init__(self, workbook: Any, worksheet: Any, file_name: str) -> None:
        # The sheet's table: openpyxl's read-only workbook leaves its own `shared_strings` empty
        # (a file Excel saved keeps its texts there; openpyxl writes inline strings instead).
        self.strings = worksheet._shared_strings
        self.dates = set(workbook._date_formats)
        self.durations = set(workbook._timedelta_formats)
        self.epoch = workbook.epoch
        self.sheet, self.file_name = worksheet.title, file_name

    def rows(self, source: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        parser = etree.iterparse(source, events=("end",), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
        previous, elements = 0, 0
        try:
            for _, element in parser:
                tag = element.tag
                if tag == ROW:
                    previous = self._row_number(element, previous)
                    values = self._values(element, previous)
                    drop_read(element)
                    elements = 0
                    if values:
                        yield previous, values
                elif tag == SHEET_DATA:
                    return  # nothing after the rows is read (merges are scanned apart)
                elif tag in ROW_PARTS or _in_row(element):
                    elements += 1  # kept until its row ends (an unknown one emptied now)
                    if tag not in ROW_PARTS:
                        element.clear()
                    if elements > MAX_ELEMENTS_PER_ROW:
                        raise self._refusal(translate("imports", "第 {previous} 行附近结构异常（元素过多）").format(
                            previous=previous + 1))
                else:
                    drop_read(element)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise self._refusal(translate("imports", "第 {previous} 行附近已损坏（{exc}）").format(
                previous=previous + 1, exc=str(exc)[:80])) from None

    def _refusal(self, what: str) -> ValidationError:
        return ValidationError(translate("imports", "无法读取“{file_name}”的工作表“{sheet}”：{what}。请在 Excel 中打开并另存后再导入。").format(
            file_name=self.file_name, sheet=self.sheet, what=what))

    def _row_number(self, element: Any, previous: int) -> int:
        ref = element.get("r")
        number = int(ref) if ref and ref.isdigit() and len(ref) < 9 else previous + 1 if not ref else -1
        if number <= previous or number > MAX_ROWS:
            raise self._refusal(translate("imports", "行号“{ref}”异常（在第 {previous} 行之后）").format(
                ref=ref, previous=previous))
        return number

    def _values(self, row: Any, number: int) -> tuple[Any, ...]:
        found: dict[int, Any] = {}
        column = 0
        for cell in row.iterchildren(CELL):
            column = _column(cell.get("r"), column)
            value = self._value(cell)
            if value is None:
                continue
            if column > MAX_COLUMNS or column < 1:
                raise self._refusal(translate("imports", "第 {number} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列）"
                                                         "，请删去多余的列").format(
                    number=number, max_columns=MAX_COLUMNS))
            found[column] = value
        if not found:
            return ()
        return tuple(found.get(c) for c in range(1, max(found) + 1))

    def _value(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        formula = cell.find(FORMULA)
        text = _inline(cell.find(INLINE)) if kind == "inlineStr" else cell.findtext(VALUE)
        if not text:
            if formula is not None:
                shown = f"={formula.text}" if formula.text else ""
                where = (translate("imports", "公式“{formula}”").format(formula=_short(shown)) if shown
                         else translate("imports", "公式"))
                return UnreadableCell(_short(shown) or "=", where + translate("imports", NO_RESULT))
            return None
        if len(text) > MAX_TEXT:
            return UnreadableCell(_short(text), translate("imports", "超过 Excel 单元格上限（{max_text} 个字），无法读取").format(
                max_text=MAX_TEXT))
        try:
            return self._typed(kind, text, cell.get("s"))
        except (ValueError, IndexError, OverflowError, TypeError):
            return UnreadableCell(_short(text), translate("imports", "“{text}”无法读取为{kind}").format(
                text=_short(text), kind=translate("imports", _KINDS.get(kind, _KINDS["n"]))))

    def _typed(self, kind: str, text: str, style: str | None) -> Any:
        if kind == "n":
            return self._number(text, int(style) if style and style.isdigit() else 0)
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("str", "inlineStr"):
            return text
        if kind == "b":
            if text not in ("0", "1"):
                raise ValueError(text)
            return text == "1"
        if kind == "e":
            return UnreadableCell(text, translate("imports", "单元格是错误值 {text}（公式出错），无法读取").format(
                text=_short(text)))
        if kind == "d":
            return _in_years(from_ISO8601(text))
        raise ValueError(kind)

    def _number(self, text: str, style: int) -> Any:
        if INTEGER_RE.fullmatch(text):
            number: float | int = int(text)
        else:
            number = float(text)
            if not math.isfinite(number):
                return UnreadableCell(_short(text), translate("imports", "“{text}”不是数字").format(
                    text=_short(text)))
        if style in self.dates:
            return _in_years(from_excel(number, self.epoch, timedelta=style in self.durations))
        return number


_KINDS = {"n": QT_TRANSLATE_NOOP("imports", "数值"), "s": QT_TRANSLATE_NOOP("imports", "文字"),
          "b": QT_TRANSLATE_NOOP("imports", "是/否"), "d": QT_TRANSLATE_NOOP("imports", "日期")}


def _in_years(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)) and not 1 < value.year < 9999:
        raise ValueError("date out of range")
    return value


def _column(ref: str | None, previous: int) -> int:
    if not ref:
        return previous + 1
    match = COLUMN_RE.match(ref)
    if not match:
        return previous + 1
    number = 0
    for letter in match.group(1):
        number = number * 26 + ord(letter) - 64
    return number


def _inline(element: Any) -> str:
    """An inline string: its text, or its runs' texts (phonetic guides left out)."""
    if element is None:
        return ""
    parts = []
    for child in element:
        if child.tag == TEXT:
            parts.append(child.text or "")
        elif child.tag == RUN:
            parts.append(child.findtext(TEXT) or "")
    return "".join(parts)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _in_row(element: Any) -> bool:
    parent = element.getparent()
    return parent is not None and (parent.tag == ROW or parent.tag in ROW_PARTS)
