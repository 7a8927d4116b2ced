"""A sheet's own 小计/合计/总计 rows checked against the lines it holds.

A 合计 row that disagrees with its lines means a line was lost, added or typed twice, or the other
company's total is wrong: either way the clerk should know before signing anything. The rows are
not imported; what they say is compared, column by column, with what the import will write.
A 小计 covers the lines since the previous total row, a 合计 those since the previous 合计 (its
小计s included), a 总计 every line.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import translate
from .cells import CellError, UnreadableCell, cell_text, parse_decimal
from .places import part_of, place
from .sheet import TotalRow

LEVELS = {"小计": 0, "合计": 1, "总计": 2}
Values = Mapping[str, Decimal | None]  # field key → the line's value (None: unknown, no check)


@dataclass(frozen=True)
class TotalMismatch:
    """One column of one total row that is not the sum of its lines."""

    row: int
    word: str
    field: str
    stated: str
    summed: Decimal

    def __str__(self) -> str:
        return translate("imports", "{row}（{word}行）「{field}」为 {stated}，明细相加为 {summed}").format(
            row=place(self.row), word=self.word, field=translate("imports", self.field), stated=self.stated, summed=_shown(self.summed))


def _shown(number: Decimal) -> str:
    return f"{number:,}"


def total_mismatches(totals: Sequence[TotalRow], lines: Iterable[tuple[int, Values]],
                     labels: Mapping[str, str], problem_rows: Iterable[int] = ()) -> tuple[TotalMismatch, ...]:
    """Each total row's columns in `labels` against the sum of the lines it covers (one pass).

    A line with a problem makes its columns unknown: its total is not checked (the problem is said).
    """
    bad = set(problem_rows)
    if not totals:
        return ()
    parts: dict[tuple[int, int], _Part] = {}  # a total covers the lines of its own sheet and block
    for total in sorted(totals, key=lambda t: t.row):
        parts.setdefault(part_of(total.row), _Part(labels)).pending.append(total)
    for row, values in lines:
        part = parts.get(part_of(row))
        if part is not None:
            part.add(row, {k: None for k in values} if row in bad else values)
    return tuple(m for part in parts.values() for m in part.close())


class _Part:
    """The totals of one sheet (or one side-by-side block), checked as its lines stream past."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels
        self.sums = [_Sums(), _Sums(), _Sums()]  # since the last 小计, 合计, 总计
        self.pending: list[TotalRow] = []
        self.index = 0
        self.out: list[TotalMismatch] = []

    def add(self, row: int, values: Values) -> None:
        while self.index < len(self.pending) and self.pending[self.index].row < row:
            self.out += _close(self.pending[self.index], self.sums, self.labels)
            self.index += 1
        for level in self.sums:
            level.add(values)

    def close(self) -> list[TotalMismatch]:
        for total in self.pending[self.index:]:
            self.out += _close(total, self.sums, self.labels)
        self.index = len(self.pending)
        return self.out


class _Sums:
    def __init__(self) -> None:
        self.sums: dict[str, Decimal] = {}
        self.unknown: set[str] = set()
        self.lines = 0

    def add(self, values: Values) -> None:
        self.lines += 1
        for key, value in values.items():
            if value is None:
                self.unknown.add(key)
            else:
                self.sums[key] = self.sums.get(key, Decimal(0)) + value


def _close(total: TotalRow, sums: list[_Sums], labels: Mapping[str, str]) -> list[TotalMismatch]:
    level = LEVELS.get(total.word, 1)
    covered = sums[level]
    out = []
    for key, label in labels.items():
        stated = _stated(total.values.get(key))
        if stated is None or key in covered.unknown or not covered.lines:
            continue
        summed = covered.sums.get(key, Decimal(0))
        if stated != summed:
            out.append(TotalMismatch(total.row, total.word, label, cell_text(total.values.get(key)), summed))
    for lower in range(level + 1):
        sums[lower] = _Sums()
    return out


def _stated(value: Any) -> Decimal | None:
    """What the total row says, if it is a number at all (a label or a note is no total)."""
    if value is None or isinstance(value, (UnreadableCell, bool)):
        return None
    try:
        number = parse_decimal(value)
    except CellError:
        return None
    if number is None or not number.is_finite():
        return None
    return number.quantize(Decimal("0.01")) if abs(number) < 10**15 else number


def line_values(rows: Iterable[Any], read: Callable[[Any], Values]) -> Iterable[tuple[int, Values]]:
    return ((r.row, read(r)) for r in rows)
