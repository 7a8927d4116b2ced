"""The one spreadsheet import pipeline: find the header, map columns to fields, stream data rows."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from ..errors import ValidationError
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
from .workbook import (
    Merge,
    MergeFiller,
    open_workbook,
    row_count,
    sheet_merges,
    stream_rows,
)

SCAN_ROWS = 30
NUMBERING_HEADERS = frozenset({"序号", "序", "no", "no.", "项次", "行号"})  # a column that only numbers the lines
LETTERS_RE = re.compile(r"^[A-Za-z]{1,3}$")
TOTAL_WORDS = ("小计", "合计", "总计")
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

    def column_name(self, index: int) -> str:
        """'C 列「联系电话」' — how the clerk finds the column in Excel."""
        label = self.labels[index] if index < len(self.labels) else ""
        return f"{get_column_letter(index + 1)} 列「{label}」" if label else f"{get_column_letter(index + 1)} 列"

    @property
    def unused_columns(self) -> tuple[int, ...]:
        """Columns with a header that feed no field (duplicates included)."""
        used = set(self.columns.values())
        return tuple(i for i, label in enumerate(self.labels) if label and i not in used)

    @property
    def duplicate_columns(self) -> dict[int, int]:
        """An unused column named as a column that is imported → that column ("数量" twice)."""
        out = {}
        for index in self.unused_columns:
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
        return {i: reasons[k] for k, i in self.columns.items() if k in reasons}

    def column_notes(self) -> list[str]:
        """What the preview and the report say about columns that are not imported."""
        notes = []
        duplicates = self.duplicate_columns
        unused = [self.column_name(i) for i in self.unused_columns if i not in duplicates]
        if unused:
            notes.append("未导入的列：" + "、".join(unused) + "（没有对应的字段，可在“列对应”中指定）")
        if self.stray:
            notes.append("未导入的列：" + "、".join(f"{get_column_letter(i + 1)} 列（没有表头，{n} 行有内容）"
                                                 for i, n in sorted(self.stray.items()))
                         + "（可在“列对应”中指定）")
        if duplicates:
            notes.append("重复的列：" + "、".join(self._duplicate_note(i, t) for i, t in duplicates.items()))
        notes += [f"{self.column_name(i)}：{why}" for i, why in self.not_stored_columns.items()]
        return notes


    def _duplicate_note(self, index: int, twin: int) -> str:
        same = _label_names(self.labels[index]) & _label_names(self.labels[twin])
        field_label = next((f.label for f in self.fields if self.columns.get(f.key) == twin), "")
        how = "同名" if same or not field_label else f"同为「{field_label}」"
        return f"{self.column_name(index)}（与 {self.column_name(twin)}{how}，只导入 {get_column_letter(twin + 1)} 列）"


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

    def __str__(self) -> str:
        where = f"第 {self.row}–{self.last} 行" if self.last > self.row else f"第 {self.row} 行"
        detail = f"（{self.detail}）" if self.detail else ""
        return f"{where}：{self.reason}{detail}，已跳过"


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

    def rows(self, progress: Progress | None = None) -> Iterator[SheetRow]:
        """Data rows; `progress(row, rows)` every few hundred rows, ImportCancelled if it says False."""
        labels = list(self.header.labels)
        numbering = frozenset(i for i, label in enumerate(labels) if normalise_header(label) in NUMBERING_HEADERS)
        used = set(self.header.columns.values())
        headless = [i for i, label in enumerate(labels) if not label and i not in used]
        width = max(len(labels), max(used, default=-1) + 1)
        previous = self.header.last_row
        blank_from = 0  # first row of the blank run before this row (0: none)
        reported = 0
        for number, values in self._rows:
            if progress and number // PROGRESS_EVERY > reported:
                reported = number // PROGRESS_EVERY
                if progress(number, self._total_rows) is False:
                    raise ImportCancelled()
            if number > previous + 1 and not blank_from:
                blank_from = previous + 1  # rows the file leaves out are blank rows
            previous = number
            reason, word = _skip_reason(values, labels, numbering)
            if reason == "空行":
                blank_from = blank_from or number  # reported only if data follows: trailing blanks end it
                continue
            if blank_from:
                self.skipped.append(SkippedRow(blank_from, "空行", number - 1))
                blank_from = 0
            if reason:
                self.skipped.append(SkippedRow(number, reason))
                if word:
                    self.totals.append(TotalRow(number, word, self._mapped(values)))
                continue
            self._count_stray(values, headless, width)
            yield SheetRow(number, self._checked(number, self._mapped(values)))

    def _count_stray(self, values: Sequence[Any], headless: list[int], width: int) -> None:
        stray = self.header.stray
        for i in headless:
            if i < len(values) and not is_blank(values[i]):
                stray[i] = stray.get(i, 0) + 1
        for i in range(width, len(values)):
            if not is_blank(values[i]):
                stray[i] = stray.get(i, 0) + 1

    def _mapped(self, values: Sequence[Any]) -> dict[str, Any]:
        return {k: _at(values, i) for k, i in self.header.columns.items()}

    def _checked(self, number: int, values: dict[str, Any]) -> dict[str, Any]:
        """An unreadable cell in an imported column is the row's problem; the field reads it as empty."""
        for key, value in values.items():
            if isinstance(value, UnreadableCell):
                label = next((f.label for f in self.header.fields if f.key == key), key)
                self.cell_problems.append(RowProblem(number, label, value.reason))
                values[key] = None
        return values


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
        return "空行", ""
    if len(filled) == 1 and filled[0].isdigit() and texts.index(filled[0]) in numbering:
        return "只有序号的空行", ""  # a form numbered 1…50 with ten lines filled in
    for word in TOTAL_WORDS:
        if any(_is_total_label(t, word) for t in filled):
            return ("小计行" if word == "小计" else "合计行"), word
    if texts[: len(labels)] == labels[: len(texts)] and len(filled) > 1:
        return "重复的表头", ""  # a sheet laid out for printing repeats its header on every page
    if len(filled) == 1 and NOTE_RE.match(filled[0]):
        return "说明行", ""
    if all(SIGNATURE_RE.search(t) and re.search("[:：]", t) and len(t) < 60 for t in filled):
        return "签字栏", ""
    return "", ""


class ColumnMap(dict):  # type: ignore[type-arg]
    """What the clerk said of the columns where the sheet's own header does not say it: field (its
    key or its Chinese label) → column (0-based index, the header's text, or a column letter such
    as "C" for a column with no header), or None for "do not import"; and `header_row`, the
    sheet's row number of the header when it cannot be found by itself (the command line's
    --map 字段=列名 and --header-row N). A plain dict of key → index is still a mapping."""

    def __init__(self, columns: Mapping[str, int | str | None] | None = None, header_row: int | None = None) -> None:
        super().__init__(columns or {})
        self.header_row = header_row


@contextmanager
def open_table(path: str | Path, fields: Sequence[FieldSpec],
               mapping: Mapping[str, int | None] | None = None) -> Iterator[Table]:
    """Open the first sheet (the active one first) whose header names at least two fields.

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
    header_row = getattr(mapping, "header_row", None)
    fields = _with_named_columns(fields, mapping)
    table = None
    sheets = [workbook.active] + [ws for ws in workbook.worksheets if ws is not workbook.active]
    for worksheet in [ws for ws in sheets if getattr(ws, "_worksheet_path", None)]:
        table = _table(path, workbook, worksheet, fields, mapping, header_row)
        if table is not None or header_row is not None:  # a row named is a row of the sheet shown first
            break
    if table is not None:
        return table
    names = "、".join(f.label for f in fields[:4])
    raise ValidationError(f"“{path.name}”中找不到表头：前 {SCAN_ROWS} 行里没有可识别的列名"
                          f"（如 {names}）。请确认表头文字，或指明表头在第几行并逐列对应。")


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
    header = _header(worksheet.title, first + 1, last + 1, labels, recognised, fields, mapping)
    rest = ((n, filler.fill(n, raw, False)) for n, raw in _chain(following, stream))
    data = [(n, filled[n][1]) for n, _ in window if n > last + 1]
    above = [(n, next(t for t in map(cell_text, filled[n][1]) if t)) for n, raw in window
             if n < first + 1 and any(map(cell_text, raw))]
    return Table(header, [], _chain(data, rest), total, above)


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
        raise ValidationError(f"表头行：第 {header_row} 行不在表的前 {len(rows)} 行中（表头须在前 {SCAN_ROWS} 行）。")
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
    raise ValidationError(f"列对应：没有字段“{named}”；可对应的字段有：{'、'.join(f.label for f in fields)}。")


def _column_index(ref: int | str, labels: Sequence[str]) -> int:
    """A column by index, by its header's text, or by its letter ("C": also a column with no header)."""
    if isinstance(ref, int):
        if not 0 <= ref < len(labels):
            raise ValidationError(f"列对应无效：第 {ref + 1} 列不在表中。")
        return ref
    text = normalise_header(ref)
    named = [i for i, label in enumerate(labels) if label and normalise_header(label) == text]
    if named:
        return named[0]
    if LETTERS_RE.match(ref.strip()):
        return column_index_from_string(ref.strip().upper()) - 1
    shown = "、".join(f"{get_column_letter(i + 1)}「{label}」" for i, label in enumerate(labels) if label)
    raise ValidationError(f"列对应：表头中没有“{ref}”这一列（也不是列字母 A、B…）。表头各列：{shown}。")


def _header(sheet: str, first: int, last: int, labels: list[str], recognised: dict[str, int],
            fields: Sequence[FieldSpec], mapping: Mapping[str, int | None]) -> Header:
    columns = dict(recognised)
    for named, ref in mapping.items():
        key = _field_key(fields, named)
        if ref is None:
            columns.pop(key, None)
            continue
        index = _column_index(ref, labels)
        for other, column in list(columns.items()):  # a column feeds one field: the clerk's choice wins
            if column == index and other != key:
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
    pair_opts = [_pair_options(_at(row, c), _at(lower, c)) for c in range(width)]
    pair = _match(fields, names, pair_opts)
    alone = max(len(single), len(_match(fields, names, [_options(v) for v in lower])))
    grouped = _is_group_header(i + 1, row, lower, merges)
    if len(pair) > alone or (grouped and len(pair) == alone):
        labels = [_pair_label(_at(row, c), _at(lower, c)) for c in range(width)]
        yield (i, i + 1, labels, pair), (len(pair), 1)


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
    """Field → the first free column whose header means it."""
    found: dict[str, int] = {}
    for spec, accepted in zip(fields, names, strict=True):
        for col, opts in enumerate(options):
            if col not in found.values() and any(o in accepted for o in opts):
                found[spec.key] = col
                break
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
