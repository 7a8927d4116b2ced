"""Opening an .xlsx for import: streamed rows (read-only mode) with merged cells filled in."""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import ValidationError

MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
CHUNK = 1 << 20


@dataclass(frozen=True)
class Merge:
    """A merged range, 1-based rows and columns as Excel counts them."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


def open_workbook(path: Path) -> Any:
    """The workbook in read-only (streaming) mode, or a clerk-readable ValidationError."""
    if not path.exists():
        raise ValidationError(f"找不到文件：{path}")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        hint = "（.xls 旧格式请先在 Excel 中另存为 .xlsx）" if path.suffix.lower() == ".xls" else ""
        raise ValidationError(f"无法读取 Excel 文件“{path.name}”：不是有效的 .xlsx 文件{hint}。") from exc


def sheet_merges(path: Path, worksheet: Any) -> list[Merge]:
    """The merged ranges of a read-only sheet.

    openpyxl's read-only sheets do not expose merged ranges, and its normal mode
    loads every cell into memory (a 1,000,000-line fee ledger would not fit), so
    we scan the sheet's XML part for <mergeCell ref="..."> ourselves, streaming.
    """
    part = getattr(worksheet, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        refs = _scan_refs(stream)
    return [_merge(ref) for ref in refs if ":" in ref]


def _scan_refs(stream: Any) -> list[str]:
    refs: list[str] = []
    tail = b""
    while chunk := stream.read(CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<")  # the last tag may straddle the chunk boundary: keep it for the next round
        cut = cut if cut >= 0 else len(data)
        refs += [m.decode() for m in MERGE_RE.findall(data, 0, cut)]
        tail = data[cut:]
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
    """

    def __init__(self, merges: list[Merge]) -> None:
        self._pending = sorted(merges, key=lambda m: m.min_row, reverse=True)
        self._active: dict[Merge, Any] = {}

    def fill(self, row: int, raw: tuple[Any, ...], header: bool) -> list[Any]:
        self._advance(row, raw)
        values = list(raw)
        for merge, anchor in self._active.items():
            self._fill_one(values, row, merge, anchor, header)
        return values

    def _advance(self, row: int, raw: tuple[Any, ...]) -> None:
        while self._pending and self._pending[-1].min_row <= row:
            merge = self._pending.pop()
            self._active[merge] = raw[merge.min_col - 1] if merge.min_col <= len(raw) else None
        for merge in [m for m in self._active if m.max_row < row]:
            del self._active[merge]

    @staticmethod
    def _fill_one(values: list[Any], row: int, merge: Merge, anchor: Any, header: bool) -> None:
        last = merge.max_col if header else merge.min_col
        if len(values) < last:
            values.extend([None] * (last - len(values)))
        for col in range(merge.min_col, last + 1):
            if (row, col) != (merge.min_row, merge.min_col):
                values[col - 1] = anchor


def row_count(worksheet: Any) -> int:
    """The row count the file declares (for progress only: some writers get it wrong)."""
    return int(worksheet.max_row or 0)


def stream_rows(worksheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, raw values) for every row, gaps included.

    The declared dimension is dropped first: some writers declare "A1" and a
    read-only sheet would then stop after the first row.
    """
    worksheet.reset_dimensions()
    for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
        yield number, tuple(values)
