"""The one spreadsheet import pipeline: find the header, map columns to fields, stream data rows."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..errors import ValidationError
from .cells import (  # noqa: F401  (re-exported: importers use sheet.py as the one entry point)
    CellError,
    ImportCancelled,
    RowProblem,
    cell_text,
    check_places,
    clean_text,
    is_blank,
    normalise_header,
    parse_amount,
    parse_date,
    parse_decimal,
    parse_month,
)
from .workbook import Merge, MergeFiller, open_workbook, row_count, sheet_merges, stream_rows

SCAN_ROWS = 30
TOTAL_WORDS = ("小计", "合计", "总计")
PROGRESS_EVERY = 500
Progress = Callable[[int, int], object]  # (done, total); returning False cancels


@dataclass(frozen=True)
class FieldSpec:
    """A target field of an import and the column names that mean it."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False

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

    def column_name(self, index: int) -> str:
        """'C 列「联系电话」' — how the clerk finds the column in Excel."""
        label = self.labels[index] if index < len(self.labels) else ""
        return f"{get_column_letter(index + 1)} 列「{label}」" if label else f"{get_column_letter(index + 1)} 列"

    @property
    def unused_columns(self) -> tuple[int, ...]:
        used = set(self.columns.values())
        return tuple(i for i, label in enumerate(self.labels) if label and i not in used)


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str  # 空行 / 合计行 / 小计行 / 重复的表头

    def __str__(self) -> str:
        return f"第 {self.row} 行：{self.reason}，已跳过"


@dataclass(frozen=True)
class SheetRow:
    """One data row: its Excel row number and the raw value of each mapped field."""

    row: int
    values: Mapping[str, Any]

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class Table:
    """An opened sheet: its header, and its data rows streamed once through `rows()`."""

    header: Header
    skipped: list[SkippedRow]
    _rows: Iterator[tuple[int, list[Any]]]
    _total_rows: int

    def rows(self, progress: Progress | None = None) -> Iterator[SheetRow]:
        """Data rows; `progress(row, rows)` every few hundred rows, ImportCancelled if it says False."""
        labels = list(self.header.labels)
        blanks: list[int] = []
        for number, values in self._rows:
            if progress and number % PROGRESS_EVERY == 0 and progress(number, self._total_rows) is False:
                raise ImportCancelled()
            reason = _skip_reason(values, labels)
            if reason == "空行":
                blanks.append(number)  # reported only if data follows: trailing blanks end the table
                continue
            self.skipped.extend(SkippedRow(n, "空行") for n in blanks)
            blanks.clear()
            if reason:
                self.skipped.append(SkippedRow(number, reason))
                continue
            yield SheetRow(number, {k: _at(values, i) for k, i in self.header.columns.items()})


def _at(values: Sequence[Any], index: int) -> Any:
    return values[index] if index < len(values) else None


def _is_total_label(text: str, word: str) -> bool:
    """"合计", "合计：", "2号楼 小计", "本页小计" — but not an item named "综合计量表" or "小计算器"."""
    text = text.replace(" ", "").rstrip(":：")
    if text.endswith(word):
        return True
    return text.startswith(word) and not ("\u4e00" <= text[len(word):len(word) + 1] <= "\u9fff")


def _skip_reason(values: Sequence[Any], labels: list[str]) -> str:
    texts = [cell_text(v) for v in values]
    if not any(texts):
        return "空行"
    for word in TOTAL_WORDS:
        if any(_is_total_label(t, word) for t in texts):
            return "小计行" if word == "小计" else "合计行"
    if texts[: len(labels)] == labels[: len(texts)] and sum(1 for t in texts if t) > 1:
        return "重复的表头"  # a sheet laid out for printing repeats its header on every page
    return ""


@contextmanager
def open_table(path: str | Path, fields: Sequence[FieldSpec],
               mapping: Mapping[str, int | None] | None = None) -> Iterator[Table]:
    """Open the first sheet (the active one first) whose header names at least two fields.

    `mapping` (field key → 0-based column, or None for "do not import") overrides
    what was recognised. Raises ValidationError with a clerk-readable message when
    the file cannot be read or no sheet has a recognisable header.
    """
    path = Path(path)
    workbook = open_workbook(path)
    try:
        yield _first_table(path, workbook, fields, mapping or {})
    finally:
        workbook.close()


def _first_table(path: Path, workbook: Any, fields: Sequence[FieldSpec],
                 mapping: Mapping[str, int | None]) -> Table:
    sheets = [workbook.active] + [ws for ws in workbook.worksheets if ws is not workbook.active]
    for worksheet in sheets:
        table = _table(path, worksheet, fields, mapping)
        if table is not None:
            return table
    names = "、".join(f.label for f in fields[:4])
    raise ValidationError(f"“{path.name}”中找不到表头：前 {SCAN_ROWS} 行里没有可识别的列名"
                          f"（如 {names}）。请确认表头文字，或另存为只含一张表的 .xlsx。")


def _table(path: Path, worksheet: Any, fields: Sequence[FieldSpec],
           mapping: Mapping[str, int | None]) -> Table | None:
    merges = sheet_merges(path, worksheet)
    filler = MergeFiller(merges)
    total = row_count(worksheet)
    stream = stream_rows(worksheet)
    window = [(n, filler.fill(n, raw, True), filler.fill(n, raw, False))
              for n, raw in _take(stream, SCAN_ROWS)]
    found = find_header([w[1] for w in window], fields, merges)
    if found is None:
        return None
    first, last, labels, recognised = found
    header = _header(worksheet.title, first + 1, last + 1, labels, recognised, fields, mapping)
    rest = ((n, filler.fill(n, raw, False)) for n, raw in stream)
    data = [(n, vertical) for n, _, vertical in window if n > last + 1]
    return Table(header, [], _chain(data, rest), total)


def _take(stream: Iterator[Any], count: int) -> list[Any]:
    return [row for _, row in zip(range(count), stream, strict=False)]


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _header(sheet: str, first: int, last: int, labels: list[str], recognised: dict[str, int],
            fields: Sequence[FieldSpec], mapping: Mapping[str, int | None]) -> Header:
    columns = dict(recognised)
    for key, index in mapping.items():
        if index is None:
            columns.pop(key, None)
        elif 0 <= index < len(labels):
            columns[key] = index
        else:
            raise ValidationError(f"列对应无效：第 {index + 1} 列不在表中。")
    missing = tuple(f.key for f in fields if f.key not in columns)
    return Header(sheet, first, last, tuple(labels), columns, missing, recognised)


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
