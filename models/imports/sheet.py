"""The one spreadsheet import pipeline: find the header, map columns to fields, stream data rows."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .cells import (  # noqa: F401  (re-exported: importers use sheet.py as the one entry point)
    CellError,
    ImportCancelled,
    RowProblem,
    UnreadableCell,
    cell_text,
    check_places,
    clean_text,
    is_blank,
    money_cell,
    normalise_header,
    number_cell,
    parse_amount,
    parse_date,
    parse_decimal,
    parse_month,
    stored_text,
)
from .layout import Blocks, SheetInfo, chosen_sheets, find_blocks
from .places import RowRef, place
from .workbook import (
    Merge,
    MergeFiller,
    is_data_sheet,
    open_workbook,
    row_count,
    sheet_merges,
    stream_rows,
)

SCAN_ROWS = 30
NUMBERING_HEADERS = frozenset({"序号", "序", "no", "no.", "项次", "行号"})  # a column that only numbers the lines
LETTERS_RE = re.compile(r"^[A-Za-z]{1,3}$")
TOTAL_WORDS = ("小计", "合计", "总计")
# Skip reasons stay these Chinese words (counted and compared as such) and are translated where shown.
BLANK = QT_TRANSLATE_NOOP("imports", "空行")
PROGRESS_EVERY = 500
Progress = Callable[[int, int], object]  # (done, total); returning False cancels
# A row with one text only, "注：…", "说明：…", "以下空白": a note, not a line of the table.
NOTE_RE = re.compile(r"^(注|说明|备注|附注)\s*\d*\s*[:：]|^以下(空白|无正文)")
# "移交人：", "制表：张三", "审核人：": a signature row, every cell of it.
SIGNATURE_RE = re.compile(r"签字|签章|签名|盖章|移交人|接收人|监交人|经办人|移交方|接收方|监交方|日期|制表|审核|复核|填表|负责人")


@dataclass(frozen=True)
class FieldSpec:
    """A target field of an import and the column names that mean it."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    # Read to understand the row but not stored ("序号": the list is numbered afresh); the preview
    # says so for its column, with this reason.
    not_stored: str = ""

    def names(self) -> frozenset[str]:
        return frozenset(normalise_header(n) for n in (self.label, *self.synonyms))

    def ranks(self) -> dict[str, int]:
        """Each name → its place (0: the label): a column named by an earlier one is the better match."""
        ranks: dict[str, int] = {}
        for rank, name in enumerate((self.label, *self.synonyms)):
            ranks.setdefault(normalise_header(name), rank)
        return ranks


@dataclass(frozen=True)
class Header:
    """Where the header is, what each column is called and which field it feeds."""

    sheet: str
    first_row: int
    last_row: int
    labels: tuple[str, ...]
    columns: Mapping[str, int]  # field key → 0-based column index
    missing: tuple[str, ...]  # field keys with no column
    recognised: Mapping[str, int] = field(default_factory=dict)  # before the caller's mapping
    fields: tuple[FieldSpec, ...] = ()
    # Columns with no header text that feed no field, and how many data rows have something in them
    # (a 说明 block beside the table, numbers with no title): counted as the rows stream, so nothing
    # the sheet holds is left out without a word.
    stray: dict[int, int] = field(default_factory=dict, compare=False)
    # The same header repeated across (序号|栋号|房号 ‖ 序号|栋号|房号): each block's rows are rows of the table.
    blocks: Blocks | None = None
    # With several sheets taken: the header of each further sheet (this one is the first's), and every
    # sheet of the workbook that holds something, taken or not (the preview lists those not taken).
    others: tuple[Header, ...] = field(default=(), compare=False)
    sheets: tuple[SheetInfo, ...] = field(default=(), compare=False)

    def column_name(self, index: int) -> str:
        """'C 列「联系电话」' — how the clerk finds the column in Excel."""
        label = self.labels[index] if index < len(self.labels) else ""
        letter = get_column_letter(index + 1)
        return (translate("imports", "{letter} 列「{label}」").format(letter=letter, label=label) if label
                else translate("imports", "{letter} 列").format(letter=letter))

    @property
    def imported_columns(self) -> dict[int, str]:
        """Every column read → its field key: `columns`, and the same columns of each block taken."""
        if self.blocks is None:
            return {i: k for k, i in self.columns.items()}
        blocks = self.blocks
        return {i + blocks.offset(b): k for k, i in self.columns.items() for b in blocks.taken}

    @property
    def left_out_columns(self) -> tuple[int, ...]:
        """The columns of the blocks the clerk did not take."""
        blocks = self.blocks
        if blocks is None:
            return ()
        return tuple(i for b in blocks.left_out for i in blocks.span(b))

    @property
    def unused_columns(self) -> tuple[int, ...]:
        """Columns with a header that feed no field (duplicates and blocks not taken included)."""
        used = self.imported_columns
        return tuple(i for i, label in enumerate(self.labels) if label and i not in used)

    @property
    def duplicate_columns(self) -> dict[int, int]:
        """An unused column named as a column that is imported → that column ("数量" twice)."""
        out = {}
        for index in self.unused_columns:
            if self.blocks is not None and self.blocks.block_of(index):
                continue  # a block's own column is that block's, not a twin
            twin = self._twin(index)
            if twin is not None:
                out[index] = twin
        return out

    def _twin(self, index: int) -> int | None:
        names = _label_names(self.labels[index])
        by_key = {f.key: f for f in self.fields}
        for key, column in self.columns.items():
            spec = by_key.get(key)
            accepted = spec.names() if spec else frozenset()
            if names & accepted or names & _label_names(self.labels[column]):
                return column
        return None

    @property
    def not_stored_columns(self) -> dict[int, str]:
        """Columns read but not kept, with why."""
        reasons = {f.key: f.not_stored for f in self.fields if f.not_stored}
        return {i: reasons[k] for i, k in self.imported_columns.items() if k in reasons}

    @property
    def headers(self) -> tuple[Header, ...]:
        """This sheet's header and those of the further sheets taken."""
        return (self, *self.others)

    @property
    def sheets_left_out(self) -> tuple[SheetInfo, ...]:
        """The sheets of the workbook that hold something and are not imported (hidden ones too)."""
        return tuple(s for s in self.sheets if not s.taken)

    def column_notes(self) -> list[str]:
        """What the preview and the report say about columns, blocks and sheets not imported."""
        notes = self._own_column_notes()
        for other in self.others:  # a further sheet's columns, where they differ from the first's
            notes += [translate("imports", "工作表「{sheet}」{note}").format(sheet=other.sheet, note=n)
                      for n in other._own_column_notes() if n not in notes]
        return notes + [str(s) for s in self.sheets_left_out]

    def _own_column_notes(self) -> list[str]:
        notes = [self.blocks.note()] if self.blocks is not None else []
        duplicates = self.duplicate_columns
        left_out = set(self.left_out_columns)
        unused = [self.column_name(i) for i in self.unused_columns if i not in duplicates and i not in left_out]
        if unused:
            notes.append(translate("imports", "未导入的列：{columns}（没有对应的字段，可在“列对应”中指定）").format(
                columns="、".join(unused)))
        if self.stray:
            stray = "、".join(translate("imports", "{letter} 列（没有表头，{count} 行有内容）").format(
                letter=get_column_letter(i + 1), count=n) for i, n in sorted(self.stray.items()))
            notes.append(translate("imports", "未导入的列：{columns}（可在“列对应”中指定）").format(columns=stray))
        if duplicates:
            notes.append(translate("imports", "重复的列：{columns}").format(
                columns="、".join(self._duplicate_note(i, t) for i, t in duplicates.items())))
        notes += [f"{self.column_name(i)}：{translate('imports', why)}" for i, why in self.not_stored_columns.items()]
        return notes


    def _duplicate_note(self, index: int, twin: int) -> str:
        same = _label_names(self.labels[index]) & _label_names(self.labels[twin])
        field_label = next((f.label for f in self.fields if self.columns.get(f.key) == twin), "")
        how = (translate("imports", "同名") if same or not field_label
               else translate("imports", "同为「{field}」").format(field=translate("imports", field_label)))
        return translate("imports", "{column}（与 {twin}{how}，只导入 {letter} 列）").format(
            column=self.column_name(index), twin=self.column_name(twin), how=how, letter=get_column_letter(twin + 1))


def _label_names(label: str) -> frozenset[str]:
    """'金额/应收' is known as '金额/应收' and '应收'."""
    text = normalise_header(label)
    return frozenset({text, text.rsplit("/", 1)[-1]} - {""})


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    reason: str  # 空行 / 合计行 / 小计行 / 重复的表头 / 说明行 / 签字栏 / 表头上方 …
    last: int = 0  # a run of blank rows ends here
    detail: str = ""

    @property
    def rows(self) -> range:
        return range(self.row, max(self.row, self.last) + 1)

    @property
    def sheet(self) -> str:
        """The sheet's name when the import takes several sheets, else ""."""
        return getattr(self.row, "sheet", "")

    def __str__(self) -> str:
        where = place(self.row, self.last)  # 工作表「C区」第 3–5 行（E–H 列） with several sheets or blocks
        detail = f"（{self.detail}）" if self.detail else ""
        return translate("imports", "{where}：{reason}{detail}，已跳过").format(
            where=where, reason=translate("imports", self.reason), detail=detail)


@dataclass(frozen=True, slots=True)
class TotalRow:
    """A 小计/合计/总计 row of the sheet: what it says in each imported column, to check the lines against."""

    row: int
    word: str
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row: its Excel row number and the raw value of each mapped field."""

    row: int
    values: Mapping[str, Any]

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class Table:
    """An opened sheet: its header, and its data rows streamed once through `rows()`.

    What `rows()` does not yield is accounted for as it streams: `skipped` (blank runs, totals,
    notes, signatures, repeated headers, the title above the header), `totals` (what each total
    row says), `cell_problems` (a formula without a value, #DIV/0!, NaN in an imported column).
    """

    header: Header
    skipped: list[SkippedRow]
    _rows: Iterator[tuple[int, list[Any]]]
    _total_rows: int
    above: list[tuple[int, str]] = field(default_factory=list)  # (row, first text) above the header
    totals: list[TotalRow] = field(default_factory=list)
    cell_problems: list[RowProblem] = field(default_factory=list)
    # (row number, block) → the row's place: the number itself for one sheet of one block, else a
    # RowRef naming the sheet and the block, so that rows of A区 and C区 never share a key
    place: Callable[[int, int], int] = field(default=lambda number, _block: number)  # noqa: E731
    others: list[Table] = field(default_factory=list)  # further sheets taken, streamed after this one

    @property
    def headers(self) -> tuple[Header, ...]:
        return (self.header, *(t.header for t in self.others))

    def rows(self, progress: Progress | None = None) -> Iterator[SheetRow]:
        """Data rows of every sheet taken; `progress(done, rows)` every few hundred rows,
        ImportCancelled if it says False."""
        total = self._total_rows + sum(t._total_rows for t in self.others)
        done = 0
        for table in (self, *self.others):
            yield from table._sheet_rows(progress, done, total)
            done += table._total_rows

    def _sheet_rows(self, progress: Progress | None, done: int, total: int) -> Iterator[SheetRow]:
        parts = self._parts()
        blocks = self.header.blocks is not None
        used = set(self.header.imported_columns)
        headless = [i for i, label in enumerate(self.header.labels) if not label and i not in used]
        width = max(len(self.header.labels), max(used, default=-1) + 1)
        previous = self.header.last_row
        reported = 0
        # Block 1 streams; the later blocks' rows wait (a printed form, small) and follow block by
        # block, so that a heading row (一、竣工图纸) still governs the rows under it in its own block.
        later: list[list[SheetRow]] = [[] for _ in parts[1:]]
        for number, values in self._rows:
            if progress and number // PROGRESS_EVERY > reported:
                reported = number // PROGRESS_EVERY
                if progress(done + number, total) is False:
                    raise ImportCancelled()
            gap = previous + 1 if number > previous + 1 else 0  # rows the file leaves out are blank rows
            previous = number
            if blocks:  # beside the blocks: counted on every row, as a block's part may be empty
                self._count_stray(values, headless, width)
            for index, part in enumerate(parts):
                row = part.read(number, values, gap)
                if row is None:
                    continue
                if index:
                    later[index - 1].append(row)
                    continue
                if not blocks:
                    self._count_stray(values, headless, width)
                yield row
        for rows in later:
            yield from rows

    def _parts(self) -> list[_Part]:
        """The whole row, or one part per block taken: each has its own blank runs, skips and totals."""
        header, blocks = self.header, self.header.blocks
        if blocks is None:
            return [_Part(self, header.labels, header.columns, None, lambda n: self.place(n, 0))]
        labels = header.labels[blocks.start:blocks.start + blocks.width]
        return [_Part(self, labels, {k: i + blocks.offset(b) for k, i in header.columns.items()},
                      slice(blocks.start + blocks.offset(b), blocks.start + blocks.offset(b) + blocks.width),
                      partial(_placed, self.place, b))
                for b in blocks.taken]

    def _count_stray(self, values: Sequence[Any], headless: list[int], width: int) -> None:
        stray = self.header.stray
        for i in headless:
            if i < len(values) and not is_blank(values[i]):
                stray[i] = stray.get(i, 0) + 1
        for i in range(width, len(values)):
            if not is_blank(values[i]):
                stray[i] = stray.get(i, 0) + 1

    def _checked(self, number: int, values: dict[str, Any]) -> dict[str, Any]:
        """An unreadable cell in an imported column is the row's problem; the field reads it as empty."""
        for key, value in values.items():
            if isinstance(value, UnreadableCell):
                label = next((f.label for f in self.header.fields if f.key == key), key)
                self.cell_problems.append(RowProblem(number, label, value.reason))
                values[key] = None
        return values


def _placed(place: Callable[[int, int], int], block: int, number: int) -> int:
    return place(number, block)


class _Part:
    """The part of each row a block covers (or the whole row): a blank part is no row, only that
    block's part is empty; a 合计 in one block is that block's."""

    def __init__(self, table: Table, labels: Sequence[str], columns: Mapping[str, int], span: slice | None,
                 place: Callable[[int], int]) -> None:
        self.table, self.labels, self.columns, self.span, self.place = table, list(labels), columns, span, place
        self.numbering = frozenset(i for i, label in enumerate(labels) if normalise_header(label) in NUMBERING_HEADERS)
        self.blank_from = 0  # first row of the blank run before this row (0: none)

    def read(self, number: int, values: Sequence[Any], gap: int) -> SheetRow | None:
        """The row's data, or None when it is skipped (and accounted for in the table)."""
        if gap and not self.blank_from:
            self.blank_from = gap
        reason, word = _skip_reason(values if self.span is None else values[self.span], self.labels, self.numbering)
        if reason == BLANK:
            self.blank_from = self.blank_from or number  # reported only if data follows: trailing blanks end it
            return None
        table, at = self.table, self.place(number)
        if self.blank_from:
            table.skipped.append(SkippedRow(self.place(self.blank_from), BLANK, number - 1))
            self.blank_from = 0
        mapped = {k: _at(values, i) for k, i in self.columns.items()}
        if reason:
            table.skipped.append(SkippedRow(at, reason))
            if word:
                table.totals.append(TotalRow(at, word, mapped))
            return None
        return SheetRow(at, table._checked(at, mapped))


def _at(values: Sequence[Any], index: int) -> Any:
    return values[index] if index < len(values) else None


def _is_total_label(text: str, word: str) -> bool:
    """"合计", "合计：", "2号楼 小计", "本页小计" — but not an item named "综合计量表" or "小计算器"."""
    text = text.replace(" ", "").rstrip(":：")
    if text.endswith(word):
        return True
    return text.startswith(word) and not ("\u4e00" <= text[len(word):len(word) + 1] <= "\u9fff")


def _skip_reason(values: Sequence[Any], labels: list[str], numbering: frozenset[int] = frozenset()) -> tuple[str, str]:
    """(why the row is not a line of the table or "", the total word of a total row or "")."""
    texts = [cell_text(v) for v in values]
    filled = [t for t in texts if t]
    if not filled:
        return BLANK, ""
    if len(filled) == 1 and filled[0].isdigit() and texts.index(filled[0]) in numbering:
        return QT_TRANSLATE_NOOP("imports", "只有序号的空行"), ""  # a form numbered 1…50 with ten lines filled in
    for word in TOTAL_WORDS:
        if any(_is_total_label(t, word) for t in filled):
            return (QT_TRANSLATE_NOOP("imports", "小计行") if word == "小计" else QT_TRANSLATE_NOOP("imports", "合计行")), word
    if texts[: len(labels)] == labels[: len(texts)] and len(filled) > 1:
        return QT_TRANSLATE_NOOP("imports", "重复的表头"), ""  # a sheet laid out for printing repeats its header on every page
    if len(filled) == 1 and NOTE_RE.match(filled[0]):
        return QT_TRANSLATE_NOOP("imports", "说明行"), ""
    if all(SIGNATURE_RE.search(t) and re.search("[:：]", t) and len(t) < 60 for t in filled):
        return QT_TRANSLATE_NOOP("imports", "签字栏"), ""
    return "", ""


class ColumnMap(dict):
    """What the clerk said of the columns where the sheet's own header does not say it: field (its
    key or its Chinese label) → column (0-based index, the header's text, or a column letter such
    as "C" for a column with no header), or None for "do not import"; and `header_row`, the
    sheet's row number of the header when it cannot be found by itself (the command line's
    --map 字段=列名 and --header-row N); and the sheets and side-by-side blocks to take
    (--sheets, --all-sheets, --blocks). A plain dict of key → index is still a mapping."""

    def __init__(self, columns: Mapping[str, int | str | None] | None = None, header_row: int | None = None, *,
                 sheets: Sequence[str] | None = None, all_sheets: bool = False,
                 blocks: Sequence[int] | None = None) -> None:
        super().__init__(columns or {})
        self.header_row = header_row
        # The sheets to import as one table (--sheets A区,B区; --all-sheets: every visible sheet with a
        # header), and the side-by-side blocks to take (--blocks 1,3; 1-based). None: the defaults.
        self.sheets = tuple(sheets) if sheets else None
        self.all_sheets = all_sheets
        self.blocks = tuple(blocks) if blocks else None

    @property
    def chooses_layout(self) -> bool:
        """Whether the clerk chose sheets or blocks (a mapping of columns aside)."""
        return bool(self.sheets or self.all_sheets or self.blocks)


@contextmanager
def open_table(path: str | Path, fields: Sequence[FieldSpec],
               mapping: Mapping[str, int | None] | None = None) -> Iterator[Table]:
    """Open the first visible sheet (the active one first) whose header names at least two fields,
    or the sheets a ColumnMap chooses, read as one table; a header repeated across is read as blocks.

    `mapping` (field key → 0-based column, or None for "do not import"; a ColumnMap may also name
    fields and columns in words and fix the header row) overrides what was recognised. Raises
    ValidationError with a clerk-readable message when the file cannot be read or no sheet has a
    recognisable header.
    """
    path = Path(path)
    workbook = open_workbook(path)
    try:
        yield _first_table(path, workbook, fields, mapping if mapping is not None else {})
    finally:
        workbook.close()


def _first_table(path: Path, workbook: Any, fields: Sequence[FieldSpec],
                 mapping: Mapping[str, int | None]) -> Table:
    """The sheets the clerk chose (ColumnMap.sheets / all_sheets) read as one table, else the first
    visible sheet with a header; every other sheet with something in it is listed on the header."""
    header_row = getattr(mapping, "header_row", None)
    fields = _with_named_columns(fields, mapping)
    table = None
    sheets = _data_sheets(workbook)
    if getattr(mapping, "sheets", None) or getattr(mapping, "all_sheets", False):
        table = _several(path, workbook, sheets, fields, mapping, header_row)
    else:
        for worksheet in [ws for ws in sheets if not _hidden(ws)]:  # a hidden sheet only when chosen
            table = _table(path, workbook, worksheet, fields, mapping, header_row)
            if table is not None or header_row is not None:  # a row named is a row of the sheet shown first
                break
    if table is not None:
        table.header = replace(table.header, sheets=_survey_sheets(path, workbook, sheets, table, fields))
        return table
    names = "、".join(translate("imports", f.label) for f in fields[:4])
    raise ValidationError(translate("imports", "“{file}”中找不到表头：前 {rows} 行里没有可识别的列名"
                                    "（如 {names}）。请确认表头文字，或指明表头在第几行并逐列对应。").format(
                                        file=path.name, rows=SCAN_ROWS, names=names))


def _data_sheets(workbook: Any) -> list[Any]:
    """The one list every choice of sheets comes from: the sheets that hold rows, the active one first."""
    sheets = [workbook.active] + [ws for ws in workbook.worksheets if ws is not workbook.active]
    return [ws for ws in sheets if is_data_sheet(ws)]


def _hidden(worksheet: Any) -> bool:
    return getattr(worksheet, "sheet_state", "visible") != "visible"


def _in_workbook_order(workbook: Any, sheets: list[Any]) -> list[Any]:
    names = list(getattr(workbook, "sheetnames", []))
    return sorted(sheets, key=lambda ws: names.index(ws.title) if ws.title in names else len(names))


def _several(path: Path, workbook: Any, sheets: list[Any], fields: Sequence[FieldSpec],
             mapping: Mapping[str, Any], header_row: int | None) -> Table | None:
    """The sheets chosen, each with its own header, streamed one after another as one table.

    The clerk's column mapping applies to the sheets whose header is the first's; a sheet with a
    different header is read by its own. Named sheets must have a header; `all_sheets` takes every
    visible sheet that has one."""
    ordered = _in_workbook_order(workbook, sheets)
    wanted = getattr(mapping, "sheets", None)
    if wanted:
        names = chosen_sheets([ws.title for ws in ordered], wanted)
        ordered = [ws for ws in ordered if ws.title in names]
    else:
        ordered = [ws for ws in ordered if not _hidden(ws)]
    tables: list[Table] = []
    for worksheet in ordered:
        table = _sheet_table(path, workbook, worksheet, fields, mapping, header_row, tables[0] if tables else None)
        if table is None and wanted:
            raise ValidationError(translate("imports", "工作表「{sheet}」中找不到表头：前 {rows} 行里没有可识别的列名。"
                                            "请不选这张工作表，或指明表头在第几行。").format(
                                                sheet=worksheet.title, rows=SCAN_ROWS))
        if table is not None:
            tables.append(table)
    if len(tables) > 1:
        return _joined(tables)
    return tables[0] if tables else None


def _sheet_table(path: Path, workbook: Any, worksheet: Any, fields: Sequence[FieldSpec], mapping: Mapping[str, Any],
                 header_row: int | None, first: Table | None) -> Table | None:
    if first is None:
        return _table(path, workbook, worksheet, fields, mapping, header_row)
    layout = ColumnMap(header_row=header_row, sheets=getattr(mapping, "sheets", None),
                       all_sheets=getattr(mapping, "all_sheets", False), blocks=getattr(mapping, "blocks", None))
    own = _table(path, workbook, worksheet, fields, layout, header_row)  # its own header, the blocks chosen
    if own is None or not dict(mapping) or _shape(own.header.labels) != _shape(first.header.labels[:len(own.header.labels)]):
        return own
    return _table(path, workbook, worksheet, fields, mapping, header_row)  # the first's shape: the clerk's mapping


def _shape(labels: Sequence[str]) -> tuple[str, ...]:
    named = [i for i, label in enumerate(labels) if label]
    return tuple(normalise_header(label) for label in labels[:named[-1] + 1]) if named else ()


def _joined(tables: list[Table]) -> Table:
    """The first table streams the others after its own rows; one account of skips, totals, problems."""
    first, others = tables[0], tables[1:]
    for order, table in enumerate(tables):
        table.place = _place_of(table.header.sheet, order, table.header.blocks)
        table.above = [(table.place(n, 0), text) for n, text in table.above]
    for table in others:
        table.skipped, table.totals, table.cell_problems = first.skipped, first.totals, first.cell_problems
        first.above += table.above
    first.others = others
    first.header = replace(first.header, others=tuple(t.header for t in others))
    return first


def _place_of(sheet: str, order: int, blocks: Blocks | None) -> Callable[[int, int], int]:
    """How a row of this sheet is named: its number alone for one sheet of one block."""
    if not sheet and blocks is None:
        return lambda number, _block: number
    names = {b: blocks.name(b) for b in range(1, blocks.count + 1)} if blocks else {}
    return lambda number, block: RowRef(number, sheet, order, block, names.get(block, ""))


def _survey_sheets(path: Path, workbook: Any, sheets: list[Any], table: Table,
                   fields: Sequence[FieldSpec]) -> tuple[SheetInfo, ...]:
    """Every sheet of the workbook that holds something: those taken, and each other one counted
    and looked at for a header, so that the preview can say what it holds and that it is left out."""
    if len(sheets) < 2:
        return ()
    taken = {h.sheet: h for h in table.headers}
    infos = []
    for worksheet in _in_workbook_order(workbook, sheets):
        header = taken.get(worksheet.title)
        if header is not None:
            infos.append(SheetInfo(worksheet.title, row_count(worksheet), header.first_row, _hidden(worksheet), True))
            continue
        info = _survey(path, workbook, worksheet, fields)
        if info is not None:
            infos.append(info)
    return tuple(infos)


def _survey(path: Path, workbook: Any, worksheet: Any, fields: Sequence[FieldSpec]) -> SheetInfo | None:
    """A sheet not taken: how many rows hold something and whether its header is recognised (None: empty)."""
    hidden = _hidden(worksheet)
    try:
        rows = sum(1 for _ in stream_rows(workbook, worksheet, path.name))
        found = _table(path, workbook, worksheet, fields, {}, None) if rows else None
    except ValidationError:  # a damaged sheet not taken: said, not refused
        return SheetInfo(worksheet.title, -1, 0, hidden)
    if not rows:
        return None
    return SheetInfo(worksheet.title, rows, found.header.first_row if found else 0, hidden)


def _table(path: Path, workbook: Any, worksheet: Any, fields: Sequence[FieldSpec],
           mapping: Mapping[str, int | None], header_row: int | None = None) -> Table | None:
    merges = sheet_merges(path, worksheet)
    filler = MergeFiller(merges)
    total = row_count(worksheet)
    stream = stream_rows(workbook, worksheet, path.name)
    window, following = _window(stream)
    filled = {n: (filler.fill(n, raw, True), filler.fill(n, raw, False)) for n, raw in window}
    dense = [filled[n][0] if n in filled else [] for n in range(1, max(filled, default=0) + 1)]
    if header_row is not None:
        found: Found | None = _named_header(dense, fields, header_row)
    else:
        found = find_header(dense, fields, [m for m in merges if m.min_row <= SCAN_ROWS + 1])
    if found is None:
        return None
    first, last, labels, recognised = found
    header = _with_blocks(_header(worksheet.title, first + 1, last + 1, labels, recognised, fields, mapping), mapping)
    rest = ((n, filler.fill(n, raw, False)) for n, raw in _chain(following, stream))
    data = [(n, filled[n][1]) for n, _ in window if n > last + 1]
    place = _place_of("", 0, header.blocks)
    above = [(place(n, 0), next(t for t in map(cell_text, filled[n][1]) if t)) for n, raw in window
             if n < first + 1 and any(map(cell_text, raw))]
    return Table(header, [], _chain(data, rest), total, above, place=place)


def _with_blocks(header: Header, mapping: Mapping[str, Any]) -> Header:
    """The header read as blocks when its names repeat across (the clerk may take only some)."""
    chosen = getattr(mapping, "blocks", None)
    blocks = find_blocks(header.labels, set(header.columns.values()), chosen)
    if blocks is None and chosen and not getattr(mapping, "sheets", None) and not getattr(mapping, "all_sheets", False):
        raise ValidationError(translate("imports", "并排块：这张表的表头没有并排重复，不能选择块；请去掉块的选择。"))
    return replace(header, blocks=blocks) if blocks is not None else header


def _window(stream: Iterator[tuple[int, tuple[Any, ...]]]) -> tuple[list[Any], list[Any]]:
    """The rows numbered up to SCAN_ROWS (where a header may be), and the first row after them."""
    window: list[Any] = []
    for number, raw in stream:
        if number > SCAN_ROWS:
            return window, [(number, raw)]
        window.append((number, raw))
    return window, []


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _with_named_columns(fields: Sequence[FieldSpec], mapping: Mapping[str, Any]) -> list[FieldSpec]:
    """A column the clerk named for a field ("业主姓名=户主") also finds the header row: 户主 is then
    one of that field's names. Column letters name no header."""
    extra: dict[str, list[str]] = {}
    for named, ref in mapping.items():
        if isinstance(ref, str) and not LETTERS_RE.match(ref.strip()):
            extra.setdefault(_field_key(fields, named), []).append(ref.strip())
    return [replace(f, synonyms=(*f.synonyms, *extra[f.key])) if f.key in extra else f for f in fields]


def _named_header(rows: list[list[Any]], fields: Sequence[FieldSpec], header_row: int) -> Found:
    """The header in the row the clerk named (1-based), whatever it recognises."""
    if not 1 <= header_row <= len(rows):
        raise ValidationError(translate("imports", "表头行：第 {row} 行不在表的前 {count} 行中（表头须在前 {limit} 行）。").format(
            row=header_row, count=len(rows), limit=SCAN_ROWS))
    row = rows[header_row - 1]
    names = [f.names() for f in fields]
    return header_row - 1, header_row - 1, [cell_text(v) for v in row], _match(fields, names, [_options(v) for v in row])


def _field_key(fields: Sequence[FieldSpec], named: str) -> str:
    """A field by its key ("owner") or by what the clerk calls it (业主姓名, or a synonym)."""
    if any(f.key == named for f in fields):
        return named
    text = normalise_header(named)
    for f in fields:
        if text in f.names():
            return f.key
    raise ValidationError(translate("imports", "列对应：没有字段“{named}”；可对应的字段有：{fields}。").format(
        named=named, fields="、".join(translate("imports", f.label) for f in fields)))


def _column_index(ref: int | str, labels: Sequence[str]) -> int:
    """A column by index, by its header's text, or by its letter ("C": also a column with no header)."""
    if isinstance(ref, int):
        if not 0 <= ref < len(labels):
            raise ValidationError(translate("imports", "列对应无效：第 {column} 列不在表中。").format(column=ref + 1))
        return ref
    text = normalise_header(ref)
    named = [i for i, label in enumerate(labels) if label and normalise_header(label) == text]
    if named:
        return named[0]
    if LETTERS_RE.match(ref.strip()):
        return column_index_from_string(ref.strip().upper()) - 1
    shown = "、".join(f"{get_column_letter(i + 1)}「{label}」" for i, label in enumerate(labels) if label)
    raise ValidationError(translate("imports", "列对应：表头中没有“{ref}”这一列（也不是列字母 A、B…）。表头各列：{shown}。").format(
        ref=ref, shown=shown))


def _header(sheet: str, first: int, last: int, labels: list[str], recognised: dict[str, int],
            fields: Sequence[FieldSpec], mapping: Mapping[str, int | None]) -> Header:
    columns = dict(recognised)
    chosen = {_field_key(fields, named) for named in mapping}
    for named, ref in mapping.items():
        key = _field_key(fields, named)
        if ref is None:
            columns.pop(key, None)
            continue
        index = _column_index(ref, labels)
        # A column feeds one field: the clerk's choice wins over a recognised one. Two fields the
        # clerk both names one column both read it (a payment history's 缴费金额 is 应收 and 实收).
        for other, column in list(columns.items()):
            if column == index and other != key and other not in chosen:
                del columns[other]
        columns[key] = index
    labels = labels + [""] * (max(columns.values(), default=-1) + 1 - len(labels))
    missing = tuple(f.key for f in fields if f.key not in columns)
    return Header(sheet, first, last, tuple(labels), columns, missing, recognised, tuple(fields))


# ---- header detection -------------------------------------------------------------------------

Found = tuple[int, int, list[str], dict[str, int]]  # first, last (0-based), labels, field → column


def find_header(rows: list[list[Any]], fields: Sequence[FieldSpec], merges: Sequence[Merge] = ()) -> Found | None:
    """The best header among `rows` (merged cells already filled): one row, or two with a group row.

    A pair of rows wins when it recognises more fields than either row alone, or as
    many when merged cells show a two-level header ("金额" merged over 应收/实收/欠费).
    """
    names = [f.names() for f in fields]
    best: tuple[tuple[int, int], Found] | None = None
    for i, row in enumerate(rows):
        for found, rank in _candidates(rows, i, row, fields, names, merges):
            if best is None or rank > best[0]:
                best = (rank, found)
    needed = min(2, len(fields))
    return best[1] if best and best[0][0] >= needed else None


def _candidates(rows: list[list[Any]], i: int, row: list[Any], fields: Sequence[FieldSpec],
                names: list[frozenset[str]], merges: Sequence[Merge]) -> Iterator[tuple[Found, tuple[int, int]]]:
    single = _match(fields, names, [_options(v) for v in row])
    yield (i, i, [cell_text(v) for v in row], single), (len(single), 0)
    if i + 1 >= len(rows):
        return
    lower = rows[i + 1]
    width = max(len(row), len(lower))
    row = _carried(row, lower, width)
    pair_opts = [_pair_options(_at(row, c), _at(lower, c)) for c in range(width)]
    pair = _match(fields, names, pair_opts)
    alone = max(len(single), len(_match(fields, names, [_options(v) for v in lower])))
    grouped = _is_group_header(i + 1, row, lower, merges)
    if len(pair) > alone or (grouped and len(pair) == alone):
        labels = [_pair_label(_at(row, c), _at(lower, c)) for c in range(width)]
        yield (i, i + 1, labels, pair), (len(pair), 1)


def _carried(upper: Sequence[Any], lower: Sequence[Any], width: int) -> list[Any]:
    """A group name typed once over its columns, not merged (管理费 over 应收 | 实收 | 欠费, the next two
    upper cells blank), carried right over the columns beneath it: they read 管理费/实收, 管理费/欠费.
    A group is an upper cell with a name beneath it; an empty column, or a new upper cell, ends it."""
    out: list[Any] = []
    group: Any = None
    for c in range(width):
        up, low = _at(upper, c), cell_text(_at(lower, c))
        if cell_text(up):
            group = up if low else None
            out.append(up)
        elif low and group is not None:
            out.append(group)
        else:
            group = None
            out.append(up)
    return out


def _options(value: Any) -> list[str]:
    text = normalise_header(value)
    return [text] if text else []


def _pair_options(upper: Any, lower: Any) -> list[str]:
    """'金额' over '应收' is recognised as '金额/应收', '应收', '应收金额' or '金额应收'."""
    up, low = normalise_header(upper), normalise_header(lower)
    if not up or not low or up == low:
        return [up or low] if (up or low) else []
    return [f"{up}/{low}", low, low + up, up + low]


def _pair_label(upper: Any, lower: Any) -> str:
    up, low = cell_text(upper), cell_text(lower)
    return f"{up}/{low}" if up and low and up != low else (up or low)


def _match(fields: Sequence[FieldSpec], names: list[frozenset[str]], options: list[list[str]]) -> dict[str, int]:
    """Field → the free column whose header means it best: its label before its synonyms, the earlier
    synonym before the later, the leftmost column of equals. '单元号' is a 房号 only in a sheet with no
    '房号' column; beside one it is left for 单元."""
    found: dict[str, int] = {}
    for spec, accepted in zip(fields, names, strict=True):
        ranks = spec.ranks()
        best: tuple[int, int] | None = None
        for col, opts in enumerate(options):
            if col in found.values():
                continue
            rank = min((ranks[o] for o in opts if o in accepted and o in ranks), default=None)
            if rank is None and any(o in accepted for o in opts):
                rank = len(ranks)  # a name the caller added (a column the clerk named)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, col)
        if best is not None:
            found[spec.key] = best[1]
    return found


def _is_group_header(upper_row: int, upper: list[Any], lower: list[Any], merges: Sequence[Merge]) -> bool:
    """Merged cells make rows `upper_row` and the next one a two-level header.

    Either a cell merged down over both rows, or a group cell merged across some
    (not all) columns with distinct names beneath it. A title merged across the
    whole sheet is neither.
    """
    for m in merges:
        if m.min_row == upper_row and m.max_row > upper_row:
            return True
        if m.min_row == m.max_row == upper_row and m.max_col > m.min_col:
            inside = {cell_text(_at(lower, c - 1)) for c in range(m.min_col, m.max_col + 1)} - {""}
            outside = [c for c in range(len(upper)) if not m.min_col - 1 <= c < m.max_col
                       and cell_text(_at(upper, c))]
            if len(inside) > 1 and outside:
                return True
    return False
