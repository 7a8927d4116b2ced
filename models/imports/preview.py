"""What every import preview holds: the header found, parsed rows, problems and skipped rows."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from .sheet import FieldSpec, Header, RowProblem, SkippedRow, Table
from .totals import TotalMismatch

R = TypeVar("R")
MISSING_COLUMN = "表头中找不到这一列，请在“列对应”中指定"


@dataclass(frozen=True)
class SheetPreview(Generic[R]):
    """What the sheet holds and what is wrong with it, before anything is written."""

    NOUN: ClassVar[str] = "表格"  # how the refusal names the sheet: 名册, 清单

    path: Path
    header: Header
    rows: tuple[R, ...]
    problems: tuple[RowProblem, ...]
    skipped: tuple[SkippedRow, ...]
    mismatches: tuple[TotalMismatch, ...] = ()  # the sheet's own total rows against its lines
    above: tuple[tuple[int, str], ...] = ()  # rows above the header (a title, 制表单位): (row, first text)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def problem_rows(self) -> frozenset[int]:
        return frozenset(p.row for p in self.problems)

    @property
    def unrecognised(self) -> tuple[str, ...]:
        """Target fields with no column (field keys)."""
        return self.header.missing

    @property
    def unused_columns(self) -> tuple[int, ...]:
        return self.header.unused_columns

    @property
    def column_notes(self) -> list[str]:
        """Columns not imported (unused, duplicate, read only to understand the rows)."""
        return self.header.column_notes()

    @property
    def notes(self) -> tuple[str, ...]:
        """Not problems, but what the clerk should know before importing (and finds in the report)."""
        flagged = [f"合计行与明细不符：{m}" for m in self.mismatches]
        return (*self.column_notes, *flagged)

    def refusal(self) -> str:
        """One line naming every refused row and why."""
        if not self.rows and not self.problems:
            return f"“{self.path.name}”中没有可导入的数据行，未写入任何数据。"
        listed = "；".join(str(p) for p in self.problems)
        return (f"{self.NOUN}有 {len(self.problems)} 处问题（{len(self.problem_rows)} 行），"
                f"未导入任何数据：{listed}")


def missing_columns(header: Header, fields: Sequence[FieldSpec]) -> list[RowProblem]:
    """A problem on the header row for each required field the sheet has no column for."""
    return [RowProblem(header.last_row, f.label, MISSING_COLUMN)
            for f in fields if f.required and f.key in header.missing]


def sheet_problems(table: Table, fields: Sequence[FieldSpec], *more: list[RowProblem]) -> tuple[RowProblem, ...]:
    """Every problem of the sheet in row order: missing columns, unreadable cells, the importer's own."""
    found = [*missing_columns(table.header, fields), *table.cell_problems]
    for problems in more:
        found += problems
    return tuple(sorted(found, key=lambda p: p.row))
