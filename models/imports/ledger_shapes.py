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

EndReading decides once per sheet whether 计费截止 is the last day of the period or, as some billing
systems write it (2025-07-01 → 2026-01-01 for six months), the first day of the next one.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..rules.numbers import MONEY
from .cells import CellError, Span, cell_text, is_blank, money_cell, month_span, parse_period
from .sheet import FieldSpec, Header, RowProblem, SheetRow, SkippedRow

if TYPE_CHECKING:
    from .ledger import LedgerRow

AMOUNTS = ("billed", "paid", "arrears")
KIND_WORDS = {"billed": "应收", "paid": "实收", "arrears": "欠费"}
SPAN = "@span"  # a virtual row's period, already known (a month column, the clerk's period); None: unknown
BEFORE = "@before"  # a 前期 column: the line is the month before the row's period
TOTAL = "@total"  # the 合计 column
YEAR = "@year"  # the 年度 column of a ledger by month
MISSING_COLUMN = "表头中找不到这一列，请在“列对应”中指定"
SEPARATORS_RE = re.compile(r"[_\-—–/|·:：()（）\[\]【】\s]+")
BEFORE_WORDS = ("以前年度", "以前", "前期", "上期", "往期", "历年", "历史", "上年", "上月", "期初")
CURRENT_WORDS = ("本年度", "本期", "当期", "本月", "当月", "本年")
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "合计金额", "金额合计", "总额", "总金额", "合计数"})
GENERIC = frozenset({"金额", "费用", "款项", "款", "额", "费", "收费", "数", "元", "项", "项目"})
NOT_AN_ITEM_RE = re.compile(r"(月数|天数|年限|年数|期数|月份|日期|时间|期间|时段|周期|账龄|原因|说明|备注|状态|起始|截止"
                            r"|开始|结束|率|次数|人|号|电话|姓名|名称)$")
MONTH_LABEL_RE = re.compile(r"(?:(\d{4})年?度?[-/.]?)?(\d{1,2})月份?")
YEAR_LABELS = frozenset({"年度", "年份", "所属年度", "收费年度", "年", "账期年度"})
TITLE_YEAR_RE = re.compile(r"(\d{4})\s*年")
ARREARS_WORDS = ("欠费", "欠缴", "未缴", "欠款", "未收", "尚欠", "应缴未缴")
ONE_DAY = dt.timedelta(days=1)
ZERO = Decimal("0.00")


def span_text(span: Span) -> str:
    first, last = span
    if month_span(first) == span:
        return f"{first:%Y-%m}"
    return f"{first:%Y-%m-%d} 至 {last:%Y-%m-%d}"


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
            self.notes.append(f"本表没有所属期列：各行按导入时指定的所属期 {span_text(self.period)} 导入")
        present = [k for k in AMOUNTS if k in header.columns]
        if present == ["arrears"]:
            self.notes.append(ARREARS_ONLY_NOTE)

    def lines(self, row: SheetRow) -> Iterator[SheetRow]:
        yield SheetRow(row.row, {**row.values, SPAN: self.period}) if self.period else row

    def check(self, row: SheetRow, lines: Sequence[LedgerRow], problems: list[RowProblem]) -> None:
        """Nothing to check beyond the lines themselves."""

    def header_problems(self) -> list[RowProblem]:
        """A period from some column (or the clerk), and two of the three amounts (or 欠费 alone)."""
        header, at, problems = self.header, self.header.last_row, []
        if not any(k in header.columns for k in ("period", "start")) and self.period is None:
            problems.append(RowProblem(at, self.labels["period"], MISSING_COLUMN + "（或指定计费起始、计费截止）"))
        absent = [k for k in AMOUNTS if k not in header.columns]
        if len(absent) > 1 and absent != ["billed", "paid"]:
            problems += [RowProblem(at, self.labels[k], MISSING_COLUMN + "（应收、实收、欠费至少要有两列）")
                         for k in absent]
        return problems


ARREARS_ONLY_NOTE = ("本表只有欠费金额，没有应收、实收：每行按 应收 = 欠费、实收 = 0 导入"
                     "（欠费为负数即多缴的，按 实收 = 多缴金额、应收 = 0 导入）；收缴率不能由本表得出")


# ---- one column per fee item or per month ----------------------------------------------------------

@dataclass(frozen=True)
class AmountColumn:
    index: int
    label: str
    kind: str  # billed / paid / arrears
    item: str = ""  # the fee item as the header writes it ("" in a ledger by month: the row's 收费项目)
    early: bool = False  # 前期/上期: owed before the row's period
    month: int = 0  # a ledger by month: 1…12
    year: int = 0  # the year its label writes, 0 if none

    @property
    def key(self) -> str:
        return f"@c{self.index}"


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

    def lines(self, row: SheetRow) -> Iterator[SheetRow]:
        base = {k: v for k, v in row.values.items() if not k.startswith("@")}
        made = 0
        for group in self.groups:
            cells = {c.kind: row.get(c.key) for c in group.columns}
            if all(_nothing(v) for v in cells.values()):
                self.nothing += 1
                continue
            made += 1
            yield SheetRow(row.row, {**base, **cells, **self._where(row, group)})
        if not made:
            self.skipped.append(SkippedRow(row.row, "各项金额均为空或 0 的行"))

    def _where(self, row: SheetRow, group: Group) -> dict[str, Any]:
        column = group.first
        out: dict[str, Any] = {} if self.by_month else {"fee_item": column.item}
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
            problems.append(RowProblem(row.row, label, f"合计 {stated:,.2f} 与各项{KIND_WORDS[kind]}之和 "
                                                       f"{summed:,.2f} 不符"))

    def header_problems(self) -> list[RowProblem]:
        at, problems = self.header.last_row, []
        if self.by_month:
            if self.groups[0].first.kind != "arrears":
                problems.append(RowProblem(at, self.groups[0].first.label, MONTH_BILLED))
            if not self.year and YEAR not in self.header.columns and not all(g.first.year for g in self.groups):
                problems.append(RowProblem(at, self.groups[0].first.label, MONTH_NO_YEAR))
            return problems
        if self.period is None and not any(k in self.header.columns for k in ("period", "start")):
            problems.append(RowProblem(at, self.labels["period"], ITEMS_NO_PERIOD))
        for group in self.groups:
            if len(group.columns) == 1 and group.first.kind != "arrears":
                word = KIND_WORDS[group.first.kind]
                problems.append(RowProblem(at, group.first.label, f"「{group.first.item}」只有{word}一列，缺实收或欠费，"
                                                                  "无法得出欠费（每个收费项目要有应收、实收、欠费中的两列，或只有欠费）"))
        return problems


MONTH_BILLED = ("按月分列的金额：标题和表头都没有写“欠费”，金额应是各月应收，但表中没有实收，无法得出欠费；"
                "如果这些金额是欠费，请在标题中写明（如“2025年欠费明细”）后再导入")
MONTH_NO_YEAR = "按月分列的台账没有写年份：请在标题中写明（如“2025年度”），或增加“年度”列，或在导入时指定所属期"
ITEMS_NO_PERIOD = "按收费项目分列的台账没有所属期列（或计费起始、计费截止）：请在导入时指定本表的所属期，或增加所属期列"


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
        months = _month_columns(header)
        if len(months) >= 2:
            return _spread(header, above, period, labels, months, True)
    else:
        items = _item_columns(header, fields)
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
    total = _total_column(header, taken, columns)
    year_column = _year_column(header, taken) if by_month else None
    kept = {k: i for k, i in header.columns.items() if k not in AMOUNTS and i not in taken}
    specs = [FieldSpec(c.key, c.label) for c in columns]
    virtual = {c.key: c.index for c in columns}
    if total is not None:
        virtual[TOTAL] = total[0]
        specs.append(FieldSpec(TOTAL, total[1], not_stored=f"只用于核对各项{KIND_WORDS[total[2]]}之和，不作为收费项目导入"))
    if year_column is not None:
        virtual[YEAR] = year_column
        specs.append(FieldSpec(YEAR, header.labels[year_column], not_stored="只用于确定各月份列属于哪一年"))
    missing = tuple(k for k in header.missing if k != "fee_item" or by_month) + tuple(k for k in AMOUNTS
                                                                                      if k in header.columns)
    # As recognised, so the mapping remembered for the company keeps no virtual column and no 不导入
    # for the 应收/实收/欠费 a two-level header seemed to name (gui: remember_mapping after an import).
    recognised = {**{k: i for k, i in header.recognised.items() if k not in AMOUNTS and i not in taken}, **virtual}
    new = replace(header, columns={**kept, **virtual}, missing=missing, fields=(*header.fields, *specs),
                  recognised=recognised)
    groups = _groups(columns, by_month)
    year = _title_year(words) or (period[0].year if period else 0)
    shape = Spread(new, labels, groups, by_month, total, year if by_month else 0,
                   None if any(k in kept for k in ("period", "start", "end")) or by_month else period)
    shape.notes += _spread_notes(shape, columns, year_column)
    return new, shape


def _groups(columns: list[AmountColumn], by_month: bool) -> tuple[Group, ...]:
    if by_month:
        return tuple(Group((c,)) for c in columns)
    grouped: dict[tuple[str, bool], list[AmountColumn]] = {}
    for column in columns:
        if column.item:
            grouped.setdefault((column.item, column.early), []).append(column)
    return tuple(Group(tuple(cs)) for cs in grouped.values())


def _spread_notes(shape: Spread, columns: list[AmountColumn], year_column: int | None) -> list[str]:
    if shape.by_month:
        what = "欠费（按 应收 = 欠费、实收 = 0 导入）" if columns[0].kind == "arrears" else "应收"
        year = ("“年度”列" if year_column is not None else f"{shape.year} 年") if not columns[0].year else "表头"
        return [f"本表按月分列：{len(columns)} 个月份列，每个房屋、收费项目、月份一行；各月金额按{what}读取，年份取自{year}"]
    items = list(dict.fromkeys(g.first.item for g in shape.groups))
    notes = [f"本表按收费项目分列：{'、'.join(items)}，每个房屋、收费项目一行"]
    if shape.period is not None:
        notes.append(f"本表没有所属期列：本期各项按导入时指定的所属期 {span_text(shape.period)} 导入")
    early = [g.first.label for g in shape.groups if g.first.early]
    if early:
        notes.append(f"{'、'.join(early)}：前期金额按本期之前一个月（所属期的上一个月）导入，实际可能更早")
    if any(g.kinds == ("arrears",) for g in shape.groups):
        notes.append("只有欠费一列的收费项目：按 应收 = 欠费、实收 = 0 导入")
    return notes


def _total_column(header: Header, taken: set[int], columns: list[AmountColumn]) -> tuple[int, str, str] | None:
    """合计, 应收合计, 欠费合计, 合计/实收: the column and the kind it sums. A 合计 naming no kind totals
    the one kind the columns hold, or, when they hold several, what the row's lines owe (欠费)."""
    kinds = {c.kind for c in columns}
    for index, label in enumerate(header.labels):
        if index in taken or index in header.columns.values() or not label:
            continue
        text = "".join(_parts(label))
        kind = next((k for k, ws in TOTAL_KIND_WORDS.items() if any(w in text for w in ws)), None)
        rest = text
        for word in (*(w for ws in TOTAL_KIND_WORDS.values() for w in ws), *CURRENT_WORDS, "金额"):
            rest = rest.replace(word, "")
        if rest in TOTAL_WORDS:
            return index, label, kind or (next(iter(kinds)) if len(kinds) == 1 else "arrears")
    return None


TOTAL_KIND_WORDS = {"billed": ("应收", "应缴"), "paid": ("实收", "已收", "实缴", "已缴"),
                    "arrears": ("欠费", "欠缴", "未缴", "欠款")}


def _year_column(header: Header, taken: set[int]) -> int | None:
    for index, label in enumerate(header.labels):
        if index not in taken and index not in header.columns.values() and _norm(label) in YEAR_LABELS:
            return index
    return None


def _title_year(words: str) -> int:
    years = {int(y) for y in TITLE_YEAR_RE.findall(words) if 1900 <= int(y) <= 2099}
    return years.pop() if len(years) == 1 else 0


def _norm(label: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", label)).lower()


def _parts(label: str) -> list[str]:
    return [p for p in SEPARATORS_RE.split(_norm(label)) if p]


def _item_columns(header: Header, fields: Mapping[str, FieldSpec]) -> list[AmountColumn]:
    """Columns whose label names an amount and a fee item: 本期应收_管理费, 管理费/实收, 前期欠费-水费."""
    names = {(n, k) for k in AMOUNTS if k in fields for n in fields[k].names() | {_norm(fields[k].label)}}
    words = sorted(names, key=lambda nk: len(nk[0]), reverse=True)  # 应收未收 (欠费) before 应收
    mapped = {i for k, i in header.columns.items() if k not in AMOUNTS}
    out = []
    for index, label in enumerate(header.labels):
        if index not in mapped and label:
            found = _item_label(label, words)
            if found is not None:
                kind, item, early = found
                out.append(AmountColumn(index, label, kind, item, early))
    return out


def _item_label(label: str, words: Sequence[tuple[str, str]]) -> tuple[str, str, bool] | None:
    """(kind, item, early) of a label such as '本期应收_管理费', or None if it is not one."""
    kind, early, items = "", False, []
    for part in _parts(label):
        part, was_early = _strip_period(part)
        early = early or was_early
        name, key = next(((n, k) for n, k in words if part.startswith(n) or part.endswith(n)), ("", ""))
        if name and not kind:
            kind = key
            part = part.removeprefix(name) if part.startswith(name) else part.removesuffix(name)
            part, was_early = _strip_period(part)
            early = early or was_early
        if part:
            items.append(part)
    item = "".join(items)
    if not kind or not item or item in GENERIC or item in TOTAL_WORDS or NOT_AN_ITEM_RE.search(item):
        return None
    return kind, _as_written(label, item), early


def _strip_period(part: str) -> tuple[str, bool]:
    for word in BEFORE_WORDS:
        if part.startswith(word):
            return part[len(word):], True
    for word in CURRENT_WORDS:
        if part.startswith(word):
            return part[len(word):], False
    return part, False


def _as_written(label: str, item: str) -> str:
    """The item's name as the header writes it (its own width and case), found in the label."""
    text = unicodedata.normalize("NFKC", label)
    start = text.lower().find(item)
    return label[start:start + len(item)].strip() if start >= 0 and len(text) == len(label) else item


def _month_columns(header: Header) -> list[AmountColumn]:
    mapped = set(header.columns.values())
    out = []
    for index, label in enumerate(header.labels):
        if index in mapped or not label:
            continue
        month = _month_label(label)
        if month is not None:
            out.append(AmountColumn(index, label, "billed", month=month[1], year=month[0]))
    return out


def _month_label(label: str) -> tuple[int, int] | None:
    """(year or 0, month) of '2025-01', '2025年1月', '1月', '2025年/1月' (a year merged over months)."""
    text = "".join(_parts(label))
    match = MONTH_LABEL_RE.fullmatch(text)
    if match and 1 <= int(match.group(2)) <= 12 and (match.group(1) or "月" in text):
        year = int(match.group(1)) if match.group(1) else 0
        return (year, int(match.group(2))) if year == 0 or 1900 <= year <= 2099 else None
    try:
        span = parse_period(label)
    except CellError:
        return None
    if span is None or month_span(span[0]) != span:
        return None
    return span[0].year, span[0].month


# ---- exclusive ends ----------------------------------------------------------------------------------

class EndReading:
    """Whether the sheet's 计费截止 is the period's last day, or the next period's first (decided per sheet).

    A row votes "exclusive" when its start and its written end day are both a month's first day
    (2025-07-01 → 2026-01-01); "inclusive" when the written end day is any other day (2025-12-31,
    2025-01-15). Only a sheet with exclusive votes and no inclusive one is read as exclusive: a
    sheet mixing the two keeps the days as written, and the preview says which rows look odd.
    """

    def __init__(self) -> None:
        self.exclusive: list[int] = []
        self.inclusive: list[tuple[int, dt.date]] = []

    def vote(self, row: SheetRow, lines: Sequence[LedgerRow]) -> None:
        start = next((line.period_start for line in lines if line.period_start is not None), None)
        end = _written_end(row)
        if start is None or end is None:
            return
        if start.day == 1 and end.day == 1 and end > start:
            self.exclusive.append(row.row)
        else:
            self.inclusive.append((row.row, end))

    def apply(self, rows: Sequence[LedgerRow]) -> tuple[tuple[LedgerRow, ...], list[str]]:
        if not self.exclusive:
            return tuple(rows), []
        if self.inclusive:
            row, day = self.inclusive[0]
            return tuple(rows), [f"计费截止按所写日期为最后一天（含当日）读取：有 {len(self.exclusive)} 行的计费起始、"
                                 f"计费截止都是月初（如第 {self.exclusive[0]} 行），但第 {row} 行等截止于 {day:%Y-%m-%d}；"
                                 "如果月初的截止日是下一期的第一天，请改为前一天后重新导入"]
        marked = set(self.exclusive)
        shifted = tuple(replace(r, period_end=r.period_end - ONE_DAY)
                        if r.row in marked and r.period_end is not None and r.period_end.day == 1
                        and r.period_start is not None and r.period_end > r.period_start else r for r in rows)
        example = next(r for r in rows if r.row in marked and r.period_end is not None)
        return shifted, [f"计费截止按“下一期第一天”（不含当日）读取：本表的计费起始、计费截止都是月初（如 "
                         f"{example.period_start:%Y-%m-%d} → {example.period_end:%Y-%m-%d}），各行截止日按前一天"
                         f"（{example.period_end - ONE_DAY:%Y-%m-%d}）导入"]


def _written_end(row: SheetRow) -> dt.date | None:
    """The end day the row writes: a day in 计费截止, or the right end of a range ("2025-07-01至2026-01-01")."""
    for key in ("end", "period", "start"):
        value = row.get(key)
        if is_blank(value):
            continue
        try:
            span = parse_period(value, key == "period")
        except CellError:
            return None
        if span is None:
            continue
        if key == "end":
            return span[1] if span[0] == span[1] else None  # a month written: its last day, no question
        if span[1].day == 1 and span[0] != span[1]:
            return span[1]  # a range ending on a first day
    return None
