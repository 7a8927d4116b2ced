"""Ledgers as offices keep them: one column per fee item or per month, arrears-only lists, exclusive ends.

ledger.py reads one kind of row: a unit, a fee item, a period and two or three of 应收/实收/欠费.
A sheet of another shape is turned here into rows of that kind — "virtual" SheetRows carrying the
same raw cells — so every line is read and checked on ledger.py's one path:

- By fee item (本期应收_管理费 | 本期实收_管理费 | 前期欠费_水费 | 合计, or 管理费 merged over
  应收/实收/欠费): one line per unit and item. A 前期/上期 column is what was owed before the
  sheet's period: its line is given the month just before the row's period — the latest month it
  can be, so the years overdue are never overstated — and the preview says so. The period comes
  from the row (所属期 or 计费起始/截止), or from the clerk when the sheet has no period column.
- By month (房号 | 收费项目 | 1月 | 2月 … with the year in the label, a 年度 column or the title):
  one line per unit, item and month. The month cells are arrears when the title or header says
  欠费/欠缴; otherwise they would be 应收 with nothing paid, which says nothing of arrears: refused.
- A 合计 column is checked against the row's lines (a mismatch is the row's problem), never imported.
- Only 欠费 (a 欠费明细表): each line is 应收 = 欠费, 实收 = 0 (a negative 欠费, money paid ahead, is
  实收 with nothing billed) — the amounts the sheet gives, and the 欠费 the results need.

The header is read for its shape in ledger_labels.py; whether 计费截止 is the period's last day or
the next period's first is decided per sheet in ledger_ends.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..rules.numbers import MONEY
from .cells import CellError, Span, cell_text, money_cell, month_span, parse_period
from .ledger_labels import (
    AMOUNTS,
    AmountColumn,
    item_columns,
    month_columns,
    title_period,
    title_year,
    total_column,
    year_column,
)
from .preview import MISSING_COLUMN
from .sheet import FieldSpec, Header, RowProblem, SheetRow, SkippedRow

if TYPE_CHECKING:
    from .ledger import LedgerRow

KIND_WORDS = {"billed": QT_TRANSLATE_NOOP("imports", "应收"), "paid": QT_TRANSLATE_NOOP("imports", "实收"),
              "arrears": QT_TRANSLATE_NOOP("imports", "欠费")}
SPAN = "@span"  # a virtual row's period, already known (a month column, the clerk's period); None: unknown
BEFORE = "@before"  # a 前期 column: the line is the month before the row's period
TOTAL = "@total"  # the 合计 column
YEAR = "@year"  # the 年度 column of a ledger by month
ARREARS_WORDS = ("欠费", "欠缴", "未缴", "欠款", "未收", "尚欠", "应缴未缴")
ONE_DAY = dt.timedelta(days=1)
ZERO = Decimal("0.00")
Values = dict[str, Decimal | None]  # column key → what a row's lines put in it (None: unknown)


def span_text(span: Span) -> str:
    first, last = span
    if month_span(first) == span:
        return f"{first:%Y-%m}"
    return translate("imports", "{first:%Y-%m-%d} 至 {last:%Y-%m-%d}").format(first=first, last=last)


def before(span: Span) -> Span:
    """The month just before `span`: where a 前期 amount is put."""
    return month_span(span[0] - ONE_DAY)


# ---- a sheet of lines -----------------------------------------------------------------------------

class Plain:
    """A sheet whose every row is one line (ledger.py's own shape), with the clerk's period if it has none."""

    def __init__(self, header: Header, period: Span | None, labels: Mapping[str, str]) -> None:
        self.header, self.labels = header, labels
        has_period = any(k in header.columns for k in ("period", "start", "end"))
        self.period = None if has_period else period
        self.notes: list[str] = []
        self.skipped: list[SkippedRow] = []
        if self.period:
            self.notes.append(translate("imports", "本表没有所属期列：各行按导入时指定的所属期 {period} 导入").format(
                period=span_text(self.period)))
        present = [k for k in AMOUNTS if k in header.columns]
        if present == ["arrears"]:
            self.notes.append(translate("imports", ARREARS_ONLY_NOTE))

    def lines(self, row: SheetRow) -> Iterator[SheetRow]:
        yield SheetRow(row.row, {**row.values, SPAN: self.period}) if self.period else row

    @property
    def from_headers(self) -> tuple[str, ...]:
        """Fields the sheet gives in its column headers, not in a column of their own ("管理费" over an
        amount is the 收费项目): none for a sheet of lines."""
        return ()

    def check(self, row: SheetRow, lines: Sequence[LedgerRow], problems: list[RowProblem]) -> None:
        """Nothing to check beyond the lines themselves."""

    def summed(self, rows: Sequence[LedgerRow]) -> tuple[Iterable[tuple[int, Values]], dict[str, str]]:
        """What each line adds to the sheet's own 小计/合计 rows, by column, and those columns' labels."""
        labels = {k: self.labels[k] for k in AMOUNTS if k in self.header.columns}
        return ((r.row, _amounts(r)) for r in rows), labels

    def header_problems(self) -> list[RowProblem]:
        """A period from some column (or the clerk), and two of the three amounts (or 欠费 alone)."""
        header, at, problems = self.header, self.header.last_row, []
        if not any(k in header.columns for k in ("period", "start")) and self.period is None:
            problems.append(RowProblem(at, self.labels["period"], translate("imports", MISSING_COLUMN) + translate("imports", "（或指定计费起始、计费截止）")))
        absent = [k for k in AMOUNTS if k not in header.columns]
        if len(absent) > 1 and absent != ["billed", "paid"]:
            problems += [RowProblem(at, self.labels[k], translate("imports", MISSING_COLUMN) + translate("imports", "（应收、实收、欠费至少要有两列）"))
                         for k in absent]
        return problems


ARREARS_ONLY_NOTE = QT_TRANSLATE_NOOP("imports", "本表只有欠费金额，没有应收、实收：每行按 应收 = 欠费、实收 = 0 导入"
                     "（欠费为负数即多缴的，按 实收 = 多缴金额、应收 = 0 导入）；收缴率不能由本表得出")


# ---- one column per fee item or per month ----------------------------------------------------------

@dataclass(frozen=True)
class Group:
    """The columns that make one line of a row: an item's 应收/实收/欠费, or one month."""

    columns: tuple[AmountColumn, ...]

    @property
    def first(self) -> AmountColumn:
        return self.columns[0]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(c.kind for c in self.columns)


@dataclass
class Spread(Plain):
    """A sheet with one amount column per fee item (`by_month` False) or per month (True)."""

    header: Header
    labels: Mapping[str, str]
    groups: tuple[Group, ...]
    by_month: bool
    total: tuple[int, str, str] | None  # (column, label, kind it sums)
    year: int = 0  # the year of month columns that do not write one (title, or the clerk's period)
    period: Span | None = None
    notes: list[str] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    nothing: int = 0  # item cells all empty, '-' or 0: no line made
    made: list[Group] = field(default_factory=list)  # the groups the current row made lines of
    by_row: list[tuple[int, Values]] = field(default_factory=list)  # each row's column sums, for 合计 rows

    def lines(self, row: SheetRow) -> Iterator[SheetRow]:
        base = {k: v for k, v in row.values.items() if not k.startswith("@")}
        self.made = []
        for group in self.groups:
            cells = {c.kind: row.get(c.key) for c in group.columns}
            if all(_nothing(v) for v in cells.values()):
                self.nothing += 1
                continue
            self.made.append(group)
            yield SheetRow(row.row, {**base, **cells, **self._where(row, group)})
        if not self.made:
            self.skipped.append(SkippedRow(row.row, QT_TRANSLATE_NOOP("imports", "各项金额均为空或 0 的行")))

    @property
    def from_headers(self) -> tuple[str, ...]:
        """The amounts always; the 收费项目 where the columns name items; the 所属期 where they are months."""
        keys = sorted({k for g in self.groups for k in g.kinds}, key=AMOUNTS.index)
        if any(g.first.item for g in self.groups):
            keys.insert(0, "fee_item")
        if self.by_month:
            keys.insert(0, "period")
        return tuple(keys)

    def _where(self, row: SheetRow, group: Group) -> dict[str, Any]:
        column = group.first
        out: dict[str, Any] = {"fee_item": column.item} if column.item else {}  # "": the row's 收费项目
        if column.early:
            out[BEFORE] = True
        if self.by_month:
            year = column.year or _year_of(row.get(YEAR)) or self.year
            out[SPAN] = month_span(dt.date(year, column.month, 1)) if year else None
        elif self.period is not None:
            out[SPAN] = self.period
        return out

    def check(self, row: SheetRow, lines: Sequence[LedgerRow], problems: list[RowProblem]) -> None:
        """The row's 合计 against the sum of its lines' amounts of the kind it totals."""
        if lines:
            self.by_row.append((row.row, self._column_values(lines)))
        if self.total is None:
            return
        _index, label, kind = self.total
        try:
            stated = money_cell(row.get(TOTAL), label, MONEY) if cell_text(row.get(TOTAL)) not in ("-", "—") else ZERO
        except CellError as exc:
            problems.append(RowProblem(row.row, label, str(exc)))
            return
        if stated is None or not lines or any(k in line.bad for line in lines for k in AMOUNTS):
            return
        summed = sum((getattr(line, kind) for line in lines), ZERO)
        if summed != stated:
            problems.append(RowProblem(row.row, label, translate("imports", "合计 {stated:,.2f} 与各项{kind_words}之和 {summed:,.2f} 不符").format(
                stated=stated, kind_words=translate("imports", KIND_WORDS[kind]), summed=summed)))

    def _column_values(self, lines: Sequence[LedgerRow]) -> Values:
        """Each item or month column's amount as the lines read it: what a 合计 row at the foot sums."""
        values: Values = {c.key: ZERO for g in self.groups for c in g.columns}
        for group, line in zip(self.made, lines, strict=True):
            values.update({c.key: None if c.kind in line.bad else getattr(line, c.kind) for c in group.columns})
        if self.total is not None:
            kind = self.total[2]
            values[TOTAL] = None if any(kind in line.bad for line in lines) else sum(
                (getattr(line, kind) for line in lines), ZERO)
        return values

    def summed(self, rows: Sequence[LedgerRow]) -> tuple[Iterable[tuple[int, Values]], dict[str, str]]:
        labels = {c.key: c.label for g in self.groups for c in g.columns}
        if self.total is not None:
            labels[TOTAL] = self.total[1]
        return self.by_row, labels

    def header_problems(self) -> list[RowProblem]:
        at, problems = self.header.last_row, []
        if self.by_month:
            if self.groups[0].first.kind != "arrears":
                problems.append(RowProblem(at, self.groups[0].first.label, translate("imports", MONTH_BILLED)))
            if not self.year and YEAR not in self.header.columns and not all(g.first.year for g in self.groups):
                problems.append(RowProblem(at, self.groups[0].first.label, translate("imports", MONTH_NO_YEAR)))
            return problems
        if self.period is None and not any(k in self.header.columns for k in ("period", "start")):
            problems.append(RowProblem(at, self.labels["period"], translate("imports", ITEMS_NO_PERIOD)))
        for group in self.groups:
            first = group.first
            if len(group.columns) == 1 and first.kind != "arrears":
                problems.append(RowProblem(at, first.label, translate("imports", "「{value}」只有{kind_words}一列，缺实收或欠费，无法得出欠费（每个收费项目要有应收、实收、欠费中的两列，"
                                                                                 "或只有欠费）").format(
                    value=first.item or first.label, kind_words=translate("imports", KIND_WORDS[first.kind]))))
        return problems


MONTH_BILLED = QT_TRANSLATE_NOOP("imports", "按月分列的金额：标题和表头都没有写“欠费”，金额应是各月应收，但表中没有实收，无法得出欠费；"
                "如果这些金额是欠费，请在标题中写明（如“2025年欠费明细”）后再导入")
MONTH_NO_YEAR = QT_TRANSLATE_NOOP("imports", "按月分列的台账没有写年份：请在标题中写明（如“2025年度”），或增加“年度”列，或在导入时指定所属期")
ITEMS_NO_PERIOD = QT_TRANSLATE_NOOP("imports", "按收费项目分列的台账没有所属期列（或计费起始、计费截止）：请在导入时指定本表的所属期，或增加所属期列")


def _amounts(row: LedgerRow) -> Values:
    """What a line adds to a 合计 row; nothing where a cell could not be read."""
    return {k: (None if k in row.bad else getattr(row, k)) for k in AMOUNTS}


def _nothing(value: Any) -> bool:
    """An item cell that charges nothing: empty, '-', or 0."""
    text = cell_text(value)
    if text in ("", "-", "--", "—", "——", "－", "/"):
        return True
    try:
        return money_cell(value, "", MONEY) == 0
    except CellError:
        return False  # a bad cell makes a line, whose problem is said


def _year_of(value: Any) -> int:
    try:
        span = parse_period(value)
    except CellError:
        return 0
    return span[0].year if span else 0


# ---- recognising the shape --------------------------------------------------------------------------

def sheet_shape(header: Header, above: Sequence[tuple[int, str]], period: Span | None,
                labels: Mapping[str, str]) -> tuple[Header, Plain]:
    """The sheet's shape, and the header with the item or month columns as virtual fields."""
    fields = {f.key: f for f in header.fields}
    if "fee_item" in header.columns:
        months = month_columns(header)
        if len(months) >= 2:
            return _spread(header, above, period, labels, months, True)
        split = item_columns(header, fields, bare=True)  # 前期欠费 | 本期应收 | 本期实收 beside 收费项目
        if any(c.early for c in split):
            return _spread(header, above, period, labels, split, False)
    else:
        items = item_columns(header, fields)
        if any(c.item for c in items):
            return _spread(header, above, period, labels, items, False)
    return header, Plain(header, period, labels)


def _spread(header: Header, above: Sequence[tuple[int, str]], period: Span | None, labels: Mapping[str, str],
            columns: list[AmountColumn], by_month: bool) -> tuple[Header, Plain]:
    words = " ".join([header.sheet, *(t for _n, t in above), *header.labels])
    if by_month:
        kind = "arrears" if any(w in words for w in ARREARS_WORDS) else "billed"
        columns = [replace(c, kind=kind) for c in columns]
    taken = {c.index for c in columns}
    total = total_column(header, taken, columns)
    year_at = year_column(header, taken) if by_month else None
    kept = {k: i for k, i in header.columns.items() if k not in AMOUNTS and i not in taken}
    specs = [FieldSpec(c.key, c.label) for c in columns]
    virtual = {c.key: c.index for c in columns}
    if total is not None:
        virtual[TOTAL] = total[0]
        specs.append(FieldSpec(TOTAL, total[1], not_stored=f"只用于核对各项{KIND_WORDS[total[2]]}之和，不作为收费项目导入"))
    if year_at is not None:
        virtual[YEAR] = year_at
        specs.append(FieldSpec(YEAR, header.labels[year_at], not_stored="只用于确定各月份列属于哪一年"))
    missing = tuple(k for k in header.missing if k != "fee_item" or by_month) + tuple(k for k in AMOUNTS
                                                                                      if k in header.columns)
    # As recognised, so the mapping remembered for the company keeps no virtual column and no 不导入
    # for the 应收/实收/欠费 a two-level header seemed to name (gui: remember_mapping after an import).
    recognised = {**{k: i for k, i in header.recognised.items() if k not in AMOUNTS and i not in taken}, **virtual}
    new = replace(header, columns={**kept, **virtual}, missing=missing, fields=(*header.fields, *specs),
                  recognised=recognised)
    groups = _groups(columns, by_month)
    year = title_year(words) or (period[0].year if period else 0)
    dated = any(k in kept for k in ("period", "start", "end"))
    titled = None if dated or by_month or period else title_period([header.sheet, *(t for _n, t in above)])
    shape = Spread(new, labels, groups, by_month, total, year if by_month else 0,
                   None if dated or by_month else (titled[1] if titled else period))
    shape.notes += _spread_notes(shape, columns, year_at, titled[0] if titled else "")
    return new, shape


def _groups(columns: list[AmountColumn], by_month: bool) -> tuple[Group, ...]:
    if by_month:
        return tuple(Group((c,)) for c in columns)
    grouped: dict[tuple[str, bool], list[AmountColumn]] = {}
    for column in columns:
        grouped.setdefault((column.item, column.early), []).append(column)
    return tuple(Group(tuple(cs)) for cs in grouped.values())


def _spread_notes(shape: Spread, columns: list[AmountColumn], year_at: int | None, titled: str = "") -> list[str]:
    if shape.by_month:
        what = (translate("imports", "欠费（按 应收 = 欠费、实收 = 0 导入）") if columns[0].kind == "arrears"
                else translate("imports", "应收"))
        year = ((translate("imports", "“年度”列") if year_at is not None
                 else translate("imports", "{year} 年").format(year=shape.year))
                if not columns[0].year else translate("imports", "表头"))
        return [translate("imports", "本表按月分列：{count} 个月份列，每个房屋、收费项目、月份一行；各月金额按{what}读取，"
                                     "年份取自{year}").format(count=len(columns), what=what, year=year)]
    items = list(dict.fromkeys(g.first.item for g in shape.groups if g.first.item))
    notes = [translate("imports", "本表按收费项目分列：{items}，每个房屋、收费项目一行").format(items="、".join(items)) if items
             else translate("imports", "本表分列前期、本期金额：每行的本期金额与前期金额各导入为一行")]
    if shape.period is not None and titled:
        notes.append(translate("imports", "本表没有所属期列：本期各项按标题中的“{titled}”（{period}）导入；"
                                          "不对时请在导入时指定所属期").format(titled=titled, period=span_text(shape.period)))
    elif shape.period is not None:
        notes.append(translate("imports", "本表没有所属期列：本期各项按导入时指定的所属期 {period} 导入").format(
            period=span_text(shape.period)))
    early = [g.first.label for g in shape.groups if g.first.early]
    if early:
        notes.append(translate("imports", "{items}：前期金额按本期之前一个月（所属期的上一个月）导入，实际可能更早").format(
            items="、".join(early)))
    if any(g.kinds == ("arrears",) for g in shape.groups):
        notes.append(translate("imports", "只有欠费一列的收费项目：按 应收 = 欠费、实收 = 0 导入"))
    return notes


