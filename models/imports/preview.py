"""What every import preview holds: the header found, parsed rows, problems and skipped rows."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from ..i18n import QT_TRANSLATE_NOOP, translate
from .places import RowRef, sheet_of
from .sheet import FieldSpec, Header, RowProblem, SkippedRow, Table
from .totals import TotalMismatch

R = TypeVar("R")
MISSING_COLUMN = QT_TRANSLATE_NOOP("imports", "表头中找不到这一列，请在“列对应”中指定")


@dataclass(frozen=True)
class SheetPreview(Generic[R]):
    """What the sheet holds and what is wrong with it, before anything is written."""

    NOUN: ClassVar[str] = QT_TRANSLATE_NOOP("imports", "表格")  # how the refusal names the sheet: 名册, 清单

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
    def skipped_rows(self) -> int:
        """How many rows are skipped (a blank run counts each of its rows)."""
        return sum(len(s.rows) for s in self.skipped)

    @property
    def skipped_summary(self) -> str:
        """'5 行（空行 3 行、合计行 1 行、签字栏 1 行）', or '' when nothing is skipped."""
        if not self.skipped:
            return ""
        counts: Counter[str] = Counter()
        for s in self.skipped:
            counts[s.reason] += len(s.rows)
        return translate("imports", "{rows} 行（{reasons}）").format(rows=self.skipped_rows, reasons=skipped_counts(counts))

    @property
    def rows_by_sheet(self) -> tuple[tuple[str, int], ...]:
        """With several sheets taken: each sheet's name and how many of the rows come from it."""
        if not self.header.others:
            return ()
        counts = Counter(sheet_of(r.row) for r in self.rows)  # type: ignore[attr-defined]
        return tuple((h.sheet, counts.get(h.sheet, 0)) for h in self.header.headers)

    @property
    def sheets_text(self) -> str:
        """'工作表「A区」12 行、「B区」14 行' with several sheets taken, else ''."""
        return "、".join(translate("imports", "「{sheet}」{rows} 行").format(sheet=name, rows=n) for name, n in self.rows_by_sheet)

    @property
    def notes(self) -> tuple[str, ...]:
        """Not problems, but what the clerk should know before importing (and finds in the report)."""
        flagged = [translate("imports", "合计行与明细不符：{mismatch}").format(mismatch=m) for m in self.mismatches]
        return (*self.column_notes, *flagged)

    def refusal(self) -> str:
        """One line naming every refused row and why."""
        if not self.rows and not self.problems:
            return translate("imports", "“{file}”中没有可导入的数据行，未写入任何数据。").format(file=self.path.name)
        listed = translate("imports", "；").join(str(p) for p in self.problems)
        return translate("imports", "{noun}有 {problems} 处问题（{rows} 行），未导入任何数据：{listed}").format(
            noun=translate("imports", self.NOUN), problems=len(self.problems), rows=len(self.problem_rows), listed=listed)


def skipped_counts(counts: Counter[str]) -> str:
    """'空行 3 行、合计行 1 行': each skip reason in the desk's language with its count."""
    return "、".join(translate("imports", "{reason} {count} 行").format(reason=translate("imports", r), count=n)
                    for r, n in counts.items())


def missing_columns(header: Header, fields: Sequence[FieldSpec]) -> list[RowProblem]:
    """A problem on the header row for each required field the sheet (each sheet taken) has no column for."""
    headers = header.headers
    problems = []
    for order, h in enumerate(headers):
        at = RowRef(h.last_row, h.sheet, order) if len(headers) > 1 else h.last_row
        problems += [RowProblem(at, f.label, translate("imports", MISSING_COLUMN)) for f in fields if f.required and f.key in h.missing]
    return problems


def sheet_problems(table: Table, fields: Sequence[FieldSpec], *more: list[RowProblem]) -> tuple[RowProblem, ...]:
    """Every problem of the sheet in row order: missing columns, unreadable cells, the importer's own."""
    found = [*missing_columns(table.header, fields), *table.cell_problems]
    for problems in more:
        found += problems
    # Once each: a row read as several lines (a column per fee item) finds the same fault once per line.
    return tuple(sorted(dict.fromkeys(found), key=lambda p: p.row))
