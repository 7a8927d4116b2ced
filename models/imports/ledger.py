"""The outgoing company's fee ledger (原物业收费台账): preview their Excel file, then import it all-or-nothing."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import ClassVar

from sqlalchemy import select

from ..db import Database
from ..errors import ValidationError
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..project import Building, Unit
from ..rules.numbers import MONEY
from ..rules.unit_match import UnitMatcher
from ..services.common import get
from ..services.ledger_mappings import mapping_for_header, remembered_mapping
from .address import BUILDING_FIELD, ENTRANCE_FIELD, NUMBER_NAMES, address_note, read_address
from .cells import Span, money_cell, month_span, parse_period, stored_text
from .ledger_check import TariffCheck, TariffMismatch, tariff_mismatches
from .ledger_ends import EndReading
from .ledger_shapes import BEFORE, SPAN, Plain, before, sheet_shape
from .ledger_write import (
    FeeItemNames,
    LedgerImportReport,
    Progress,
    new_fee_items,
    new_item_note,
    write_ledger,
)
from .preview import SheetPreview, missing_columns, sheet_problems
from .sheet import (
    CellError,
    FieldSpec,
    Header,
    RowProblem,
    SheetRow,
    Table,
    clean_text,
    is_blank,
    open_table,
)
from .text_limits import too_long
from .totals import total_mismatches

__all__ = ["LEDGER_FIELDS", "LedgerImportReport", "LedgerPreview", "LedgerRow", "LedgerTotals", "clerk_period",
           "import_ledger", "import_ledger_file", "preview_ledger"]

# The order matters: a column goes to the first field that names it, and the "no header"
# message quotes the first four labels.
LEDGER_FIELDS = (
    FieldSpec("unit", QT_TRANSLATE_NOOP("imports", "房号"), (*NUMBER_NAMES[:-1], "房间名称", "房产名称", "房产编号", "单元号"),
              required=True),
    FieldSpec("fee_item", QT_TRANSLATE_NOOP("imports", "收费项目"), ("费用名称", "费用项目", "收费科目", "收费名称", "费项", "费项名称", "费用类型",
                                       "费用类别", "收费类别", "费用科目", "收费项目名称", "费用项"), required=True),
    FieldSpec("billed", QT_TRANSLATE_NOOP("imports", "应收金额"), ("应收", "应缴金额", "应收款", "应缴", "应收费用", "应交金额", "应收款额",
                                     "应收费额", "计费金额", "应计金额")),
    FieldSpec("paid", QT_TRANSLATE_NOOP("imports", "实收金额"), ("实收", "已收", "已缴金额", "已收金额", "实缴金额", "已缴", "实缴", "收款金额",
                                   "实收款", "已交金额", "缴费金额")),
    FieldSpec("arrears", QT_TRANSLATE_NOOP("imports", "欠费金额"), ("欠费", "未收", "欠缴金额", "未收金额", "欠缴", "欠款", "欠款金额", "未缴金额",
                                      "未缴", "尚欠金额", "应收未收", "应缴未缴", "应收未缴", "欠费额", "欠缴额", "尚欠")),
    FieldSpec("period", QT_TRANSLATE_NOOP("imports", "所属期"), ("账期", "所属月份", "费用月份", "所属期间", "计费月份", "收费月份", "月份",
                                   "费用期间", "账单月份", "所属年月", "费用所属期", "收费期间", "计费周期")),
    FieldSpec("start", QT_TRANSLATE_NOOP("imports", "计费起始"), ("开始日期", "起始日期", "起始时间", "计费开始", "计费起始日期", "起始月份",
                                    "开始时间", "费用开始日期", "计费起始日", "起始日", "开始月份", "计费起", "起",
                                    "计费开始时间", "计费开始日期", "费用开始时间", "账单开始时间", "计费起始时间")),
    FieldSpec("end", QT_TRANSLATE_NOOP("imports", "计费截止"), ("结束日期", "截止日期", "截止时间", "计费结束", "计费截止日期", "结束时间",
                                  "截止月份", "结束月份", "费用结束日期", "计费截止日", "截止日", "计费止", "止", "计费终止日期",
                                  "终止日期", "计费终止", "计费结束时间", "计费结束日期", "费用结束时间",
                                  "账单结束时间", "计费截止时间", "计费终止时间")),
    FieldSpec("owner", QT_TRANSLATE_NOOP("imports", "业主姓名"), ("业主", "客户名称", "客户姓名", "业主名称", "姓名", "户主", "缴费人", "产权人",
                                    "住户姓名", "客户")),
    FieldSpec("contact", QT_TRANSLATE_NOOP("imports", "联系电话"), ("手机", "手机号", "手机号码", "电话", "联系方式", "电话号码", "业主电话")),
    replace(BUILDING_FIELD, not_stored=QT_TRANSLATE_NOOP("imports", "楼栋只用于查找房屋（与房号合起来），不单独保存")),
    replace(ENTRANCE_FIELD, not_stored=QT_TRANSLATE_NOOP("imports", "单元只用于查找房屋（与楼栋、房号合起来），不单独保存")),
    FieldSpec("paid_on", QT_TRANSLATE_NOOP("imports", "收款日期"), ("缴费日期", "收费日期", "实收日期", "缴款日期", "收款时间", "缴费时间",
                                      "付款日期", "入账日期")),
    FieldSpec("receipt_no", QT_TRANSLATE_NOOP("imports", "票据号"), ("收据号", "票据号码", "收据编号", "收据号码", "发票号", "发票号码", "单据号",
                                       "凭证号", "票号", "收款单号")),
    FieldSpec("remark", QT_TRANSLATE_NOOP("imports", "备注"), ("说明", "备注说明")),
)
LABELS = {f.key: f.label for f in LEDGER_FIELDS}
AMOUNTS = ("billed", "paid", "arrears")
# field → (table, column) its text is stored in, as the sheet writes it
STORED = {"owner": ("ledger_lines", "owner_name"), "contact": ("ledger_lines", "contact"),
          "fee_item": ("fee_items", "name"), "receipt_no": ("ledger_lines", "receipt_no"),
          "remark": ("ledger_lines", "remark")}
DASHES = frozenset({"-", "--", "—", "——", "－"})
ZERO = Decimal("0.00")
Check = Callable[[str, str], None]  # (field key, message): records a problem of the current row


@dataclass(frozen=True, slots=True)  # hundreds of thousands of them: no __dict__ each
class LedgerRow:
    """A ledger row as read; a cell that could not be read keeps its text in `bad` for the preview."""

    row: int
    building: str
    unit_number: str
    unit_id: int | None  # None: not a unit of the project (a problem)
    owner: str
    contact: str
    fee_item: str
    period_start: dt.date | None  # None only on a row with a problem
    period_end: dt.date | None
    billed: Decimal
    paid: Decimal
    arrears: Decimal
    paid_on: dt.date | None
    receipt_no: str
    remark: str
    bad: Mapping[str, str] = field(default_factory=dict)  # field key → the cell's text


@dataclass(frozen=True)
class LedgerTotals:
    billed: Decimal
    paid: Decimal
    arrears: Decimal
    lines: int


@dataclass(frozen=True)
class LedgerPreview(SheetPreview[LedgerRow]):
    """Their ledger as read and checked against the project, before anything is written."""

    NOUN: ClassVar[str] = QT_TRANSLATE_NOOP("imports", "台账")

    handover_id: int = 0
    company: str = ""  # the handover's 移交方, whose mapping is remembered
    remembered: bool = False  # read with the mapping remembered for `company`
    new_fee_items: tuple[str, ...] = ()
    tariff_mismatches: tuple[TariffMismatch, ...] = ()  # 应收 other than the tariffs say: to question
    shape_notes: tuple[str, ...] = ()  # how a sheet of another shape was read (ledger_shapes.py)
    from_headers: tuple[str, ...] = ()  # fields given by column headers (管理费 | 水费: the 收费项目)

    @cached_property
    def totals(self) -> LedgerTotals:
        """What the import will write; compare with the sheet's own 合计 row."""
        rows = self.rows
        return LedgerTotals(sum((r.billed for r in rows), ZERO), sum((r.paid for r in rows), ZERO),
                            sum((r.arrears for r in rows), ZERO), len(rows))

    @property
    def notes(self) -> tuple[str, ...]:
        """Not problems, but what the clerk should know before importing."""
        joined = address_note(self.header)
        return (*super().notes, *([joined] if joined else []), *self.shape_notes,
                *(new_item_note(name) for name in self.new_fee_items),
                *(str(m) for m in self.tariff_mismatches))


@dataclass(frozen=True)
class _Project:
    """What a preview checks rows against, loaded once."""

    handover_id: int
    company: str
    units: UnitMatcher[tuple[int, str]]  # (id, number) of each of the project's units
    fee_items: FeeItemNames


def preview_ledger(db: Database, handover_id: int, path: str | Path,
                   mapping: Mapping[str, int | None] | None = None, progress: Progress | None = None,
                   period: Span | None = None) -> LedgerPreview:
    """Read and check their ledger; nothing is written.

    Without a `mapping` the columns recognised are corrected by the mapping remembered for
    the handover's 移交方. `period` (first day, last day) is the clerk's 所属期 for a sheet that
    has no period column. A sheet with a column per fee item or per month is read as lines
    (ledger_shapes.py). Raises ValidationError if the file cannot be read.
    """
    path = Path(path)
    project = _load_project(db, handover_id)
    remembered = remembered_mapping(db, project.company) if mapping is None else None
    with open_table(path, LEDGER_FIELDS, mapping) as table:
        used = _apply_remembered(table, remembered)
        table.header, shape = sheet_shape(table.header, table.above, period, LABELS)  # before rows()
        reader = _RowReader(project, table.header)
        read, ends = _read_rows(table, shape, reader, progress)
        rows, end_notes = ends.apply(read)
        header, above = table.header, tuple(table.above)
        skipped = tuple(sorted((*table.skipped, *shape.skipped), key=lambda s: s.row))
        problems = sheet_problems(table, (), _header_problems(header, shape), reader.problems)
        mismatches = total_mismatches(table.totals, *shape.summed(rows), {p.row for p in problems})
    return LedgerPreview(path, header, rows, problems, skipped, mismatches, above, handover_id=handover_id,
                         company=project.company, remembered=used,
                         new_fee_items=tuple(new_fee_items(project.fee_items, rows)),
                         tariff_mismatches=_against_tariffs(db, project, rows),
                         shape_notes=(*shape.notes, *end_notes), from_headers=shape.from_headers)


def _read_rows(table: Table, shape: Plain, reader: _RowReader,
               progress: Progress | None) -> tuple[list[LedgerRow], EndReading]:
    """Each sheet row as its lines (one, or one per fee item or month), its 合计 checked, its end day weighed."""
    rows: list[LedgerRow] = []
    ends = EndReading()
    for sheet_row in table.rows(progress):
        first = len(rows)
        rows += [reader.read(line) for line in shape.lines(sheet_row)]
        shape.check(sheet_row, rows[first:], reader.problems)
        ends.vote(sheet_row, rows[first:])
    return rows, ends


def _against_tariffs(db: Database, project: _Project, rows: tuple[LedgerRow, ...]) -> tuple[TariffMismatch, ...]:
    with db.read() as s:
        check = TariffCheck(s, get(s, Handover, project.handover_id).project_id)
    return tariff_mismatches(check, rows, [project.fee_items.find(r.fee_item) for r in rows])


def import_ledger(db: Database, handover_id: int, preview: LedgerPreview,
                  progress: Progress | None = None, append: bool = False) -> LedgerImportReport:
    """Replace the handover's imported lines with the previewed ones in one transaction, or refuse;
    `append` adds them to the lines imported before (a ledger that came as two files)."""
    if not preview.ok:
        raise ValidationError(preview.refusal())
    if preview.handover_id != handover_id:
        raise ValidationError(translate("imports", "台账是为另一次交接读取的，请重新读取后再导入。"))
    return write_ledger(db, handover_id, preview.rows, preview.path.name, preview.skipped, progress,
                        notes=preview.notes, append=append)


def clerk_period(text: str) -> Span | None:
    """The 所属期 the clerk gives for a sheet with no period column ('2025年06月', '2025年度', '2025Q2',
    '2025年上半年', '2025.01-2025.06'); None when blank; ValidationError naming the field otherwise."""
    if not text.strip():
        return None
    try:
        return parse_period(text.strip())
    except CellError as exc:
        raise ValidationError(translate("imports", "「所属期」{exc}。").format(exc=exc)) from exc


def import_ledger_file(db: Database, handover_id: int, path: str | Path,
                       mapping: Mapping[str, int | None] | None = None,
                       period: Span | None = None, append: bool = False) -> LedgerImportReport:
    """`main.py import ledger FILE --handover ID [--append]`: preview, then import; ValidationError if
    refused. `period`: the clerk's 所属期 for a sheet without a period column."""
    return import_ledger(db, handover_id, preview_ledger(db, handover_id, path, mapping, period=period),
                         append=append)


# ---- the project and the header ---------------------------------------------------------------

def _load_project(db: Database, handover_id: int) -> _Project:
    with db.read() as s:
        handover = get(s, Handover, handover_id)
        query = (select(Unit.id, Unit.number, Building.name, Unit.entrance)
                 .outerjoin(Building, Unit.building_id == Building.id)
                 .where(Unit.project_id == handover.project_id))
        units = UnitMatcher(((i, n), n, b or "", e) for i, n, b, e in s.execute(query))
        return _Project(handover_id, handover.from_company, units, FeeItemNames.load(s, handover.project_id))


def _apply_remembered(table: Table, remembered: Mapping[str, str] | None) -> bool:
    """Correct the recognised columns by the company's remembered mapping; True if it named any."""
    mapping = mapping_for_header(remembered, table.header.labels)
    if not mapping:
        return False
    table.header = _remapped(table.header, mapping)  # before rows() is called: it reads header.columns
    return True


def _remapped(header: Header, mapping: Mapping[str, int | None]) -> Header:
    columns = dict(header.columns)
    for key, index in mapping.items():
        for other in [k for k, i in columns.items() if i == index and k not in mapping]:
            del columns[other]  # the column now feeds the remembered field, not the one that guessed it
        if index is None:
            columns.pop(key, None)
        else:
            columns[key] = index
    missing = tuple(f.key for f in LEDGER_FIELDS if f.key not in columns)
    return replace(header, columns=columns, missing=missing)


def _header_problems(header: Header, shape: Plain) -> list[RowProblem]:
    """Required columns; a period and enough amounts, as the sheet's shape says (ledger_shapes.py)."""
    return missing_columns(header, LEDGER_FIELDS) + shape.header_problems()


# ---- one row ------------------------------------------------------------------------------------

class _RowReader:
    """Reads rows against the project's units; collects every row's problems."""

    def __init__(self, project: _Project, header: Header) -> None:
        self.project = project
        self.problems: list[RowProblem] = []

    def read(self, row: SheetRow) -> LedgerRow:
        bad: dict[str, str] = {}

        def check(key: str, message: str) -> None:
            self.problems.append(RowProblem(row.row, LABELS[key], message))

        texts = {key: self._text(row, key, check) for key in STORED}
        building, number = stored_text(row.get("building")), stored_text(row.get("unit"))
        unit_id = self._unit(row, check)
        if not texts["fee_item"]:
            check("fee_item", translate("imports", "收费项目不能为空"))
        start, end = _period(row, check, bad)
        billed, paid, arrears = self._amounts(row, check, bad)
        paid_on = _day(row, "paid_on", check, bad)
        return LedgerRow(row.row, building, number, unit_id, texts["owner"], texts["contact"], texts["fee_item"],
                         start, end, billed, paid, arrears, paid_on, texts["receipt_no"], texts["remark"], bad)

    @staticmethod
    def _text(row: SheetRow, key: str, check: Check) -> str:
        """The text as written (their 说明 word for word); longer than its column is the row's problem."""
        text = stored_text(row.get(key))
        message = too_long(*STORED[key], text)
        if message:
            check(key, message)
        return text

    def _unit(self, row: SheetRow, check: Check) -> int | None:
        """The unit by its number however written ('1-1-0101' is 1栋1单元101), or by 楼栋 + 单元 + 房号
        where the ledger splits them."""
        if not stored_text(row.get("unit")):
            check("unit", translate("imports", "房号不能为空"))
            return None
        address = read_address(row, "unit", check)
        if address.problem:
            return None
        found, candidates = self.project.units.find(address.number, address.building, address.entrance)
        if candidates:
            which = "、".join(f"“{n}”" for _, n in candidates[:5])
            check("unit", translate("imports", "“{number}”可对应本项目的 {which}，请写明单元").format(
                number=address.number, which=which))
        elif found is None:
            check("unit", translate("imports", "“{number}”不是本项目的房屋；请先导入业主名册，或核对房号写法").format(
                number=address.number))
        return found[0] if found else None

    def _amounts(self, row: SheetRow, check: Check, bad: dict[str, str]) -> tuple[Decimal, Decimal, Decimal]:
        """Two of 应收/实收/欠费 give the third; all three must agree (应收 − 实收 = 欠费); 欠费 alone is
        an arrears list's line."""
        given = {k: _money(row, k, check, bad) for k in AMOUNTS}
        if any(k in bad for k in AMOUNTS):
            return tuple(given[k] or ZERO for k in AMOUNTS)  # type: ignore[return-value]
        present = [k for k in AMOUNTS if k in row.values]
        if present == ["arrears"]:
            return _arrears_only(given["arrears"], check)
        if len(present) < 3:  # a line with two of the columns: an empty cell is 0
            given = {k: v if v is not None else (ZERO if k in row.values else None) for k, v in given.items()}
        return _settle(given["billed"], given["paid"], given["arrears"], check)


def _arrears_only(arrears: Decimal | None, check: Check) -> tuple[Decimal, Decimal, Decimal]:
    """A 欠费明细表 line: billed what is owed, nothing paid; a negative 欠费 (paid ahead) is paid, not billed."""
    if arrears is None:
        check("arrears", translate("imports", "欠费金额为空（本表只有欠费一列，每行都要有欠费金额）"))
        return ZERO, ZERO, ZERO
    return (arrears, ZERO, arrears) if arrears >= 0 else (ZERO, -arrears, arrears)


def _settle(billed: Decimal | None, paid: Decimal | None, arrears: Decimal | None,
            check: Check) -> tuple[Decimal, Decimal, Decimal]:
    if billed is not None and paid is not None and arrears is not None:
        if billed - paid != arrears:
            check("arrears", translate("imports", "应收 {billed:,.2f} − 实收 {paid:,.2f} = {difference:,.2f}，与欠费 {arrears:,.2f} 不符").format(
                billed=billed, paid=paid, difference=billed - paid, arrears=arrears))
        return billed, paid, arrears
    if billed is not None and paid is not None:
        return billed, paid, billed - paid
    if billed is not None and arrears is not None:
        return billed, billed - arrears, arrears
    if paid is not None and arrears is not None:
        return paid + arrears, paid, arrears
    check("billed", translate("imports", "应收、实收、欠费至少要填两项，才能算出第三项"))
    return billed or ZERO, paid or ZERO, arrears or ZERO


def _money(row: SheetRow, key: str, check: Check, bad: dict[str, str]) -> Decimal | None:
    """None for an empty cell (not given); '-' is a written 0 (as accountants write it); the rest by
    the shared rules (models/rules/numbers.py MONEY: 1o00, 1e20, NaN, ９９ are the row's problem)."""
    value = row.get(key)
    if is_blank(value):
        return None
    if stored_text(value) in DASHES:
        return ZERO
    try:
        return money_cell(value, LABELS[key], MONEY)
    except CellError as exc:
        check(key, str(exc))
        bad[key] = clean_text(value)
        return None


def _period(row: SheetRow, check: Check, bad: dict[str, str]) -> tuple[dt.date | None, dt.date | None]:
    """The line's period; a 前期 column's line (ledger_shapes.BEFORE) is the month before it."""
    start, end = _own_period(row, check, bad)
    if row.get(BEFORE) and start is not None and end is not None:
        return before((start, end))
    return start, end


def _own_period(row: SheetRow, check: Check, bad: dict[str, str]) -> tuple[dt.date | None, dt.date | None]:
    """A period already decided (a month column, the clerk's), else 计费起始/计费截止 when given, else
    所属期 (a month, a date's month, a year, a quarter, a half-year, or a range)."""
    if SPAN in row.values:
        span = row.get(SPAN)
        if span is None:
            check("period", translate("imports", "没有年份，无法确定月份列属于哪一年"))
            return None, None
        return span
    month = _span(row, "period", True, check, bad)
    first = _span(row, "start", False, check, bad)
    last = _span(row, "end", False, check, bad)
    if any(k in bad for k in ("period", "start", "end")):
        return None, None
    if first and not last and not month and first[0] != first[1]:
        last = first  # 计费起始 "2025.07" alone: that month
    start = first[0] if first else (month[0] if month else None)
    end = last[1] if last else (month[1] if month else None)
    if start is None and end is None:
        check("period", translate("imports", "没有所属期（或计费起始、计费截止），无法确定属于哪段时间"))
    elif start is None or end is None:
        check("start" if start is None else "end", translate("imports", "为空，无法确定计费期间（另一端已填）"))
    elif end < start:
        check("end", translate("imports", "计费截止 {end:%Y-%m-%d} 早于计费起始 {start:%Y-%m-%d}").format(
            end=end, start=start))
    return start, end


def _span(row: SheetRow, key: str, day_is_month: bool, check: Check,
          bad: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    value = row.get(key)
    try:
        return parse_period(value, day_is_month)
    except CellError as exc:
        check(key, str(exc))
        bad[key] = clean_text(value)
        return None


def _day(row: SheetRow, key: str, check: Check, bad: dict[str, str]) -> dt.date | None:
    """A day (收款日期); a month gives its first day, but a year or a quarter is no day at all."""
    span = _span(row, key, False, check, bad)
    if span and span[1] > month_span(span[0])[1]:
        bad[key] = clean_text(row.get(key))
        check(key, translate("imports", "“{bad}”不是日期（应为 2025-07-01、2025/7/1 或 2025年7月1日）").format(
            bad=bad[key]))
        return None
    return span[0] if span else None

