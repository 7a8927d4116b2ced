"""The accountant's fee workbook: 汇总 first, then 欠费明细, 预收款, 押金, 代收代缴, 差异, 收缴率 and
抄表费用 (the metered charges the settlement owes the outgoing company).

Every total on 汇总 is a formula over exact ranges of the detail sheets, so an accountant can
audit it; beside it, 系统金额 is the app's own figure and 差额 their difference (0 when they
agree). The detail sheets' sizes are known before anything is written, so 汇总 goes first with
its ranges already right, and the whole workbook streams (write-only) however long the sheets.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from models.errors import ValidationError
from models.fees import Decision, DepositAction
from models.i18n import in_chinese
from models.money import to_capital
from models.services.fee_rows import (
    TO_INCOMING,
    TO_OUTGOING,
    DifferenceRow,
    FeeResults,
    SettlementItem,
)

from ..forms.arrears import line_key, masked, years_text
from ..forms.settlement import overall_rate, payer_sentence
from ..progress import Progress
from .writer import (
    EXCEL_MAX_ROWS,
    FORMATS,
    HEAD_FILL,
    MAX_WIDTH,
    ExcelWriter,
    XlColumn,
    display_width,
    typed_cell,
)

SUMMARY_SHEET = "汇总"
SUMMARY_HEAD = ("项目", "公式金额", "系统金额", "差额", "说明")
BOLD = Font(bold=True)
# The workbook's cells hold labels; its formulas count them by the same words.
HANDED_OVER = DepositAction.HAND_OVER.label
OPEN = Decision.OPEN.label
NOTE = "“公式金额”由各明细表的公式计算，“系统金额”为系统的计算结果，“差额”为二者之差，应为 0。"


@dataclass(frozen=True)
class Detail:
    """One detail sheet: its columns, its lines and how a line becomes a row."""

    name: str
    columns: Sequence[XlColumn]
    lines: Iterable[Any]
    cells: Callable[[Any], list[Any]]
    totals: bool = True  # a 合计 row of SUM formulas under the money columns
    # For lines streamed from the database (700,000 differences), how many there will be: the
    # 汇总 formulas need the row count before the sheet is written.
    size: int | None = None

    @property
    def count(self) -> int:
        return self.size if self.size is not None else len(self.lines)  # type: ignore[arg-type]

    def span(self, title: str) -> str:
        """'欠费明细'!H2:H41: the data rows of one column (never the header or the 合计)."""
        col = get_column_letter([c.title for c in self.columns].index(title) + 1)
        return f"{quote_sheetname(self.name)}!{col}2:{col}{self.count + 1}"

    def rows(self) -> Iterable[list[Any]]:
        written = 0
        for line in self.lines:
            written += 1
            yield self.cells(line)
        if written != self.count:  # the formulas above would point at the wrong rows
            raise ValidationError(f"导出过程中“{self.name}”的数据发生了变化（应为 {self.count:,} 行，"
                                  f"实际 {written:,} 行），未生成文件。请重新导出。")


def money(title: str, **kw: Any) -> XlColumn:
    return XlColumn(title, "money", **kw)


def details(r: FeeResults, differences: Iterable[DifferenceRow],
            show_personal: bool) -> list[Detail]:
    phone: Callable[[str], str] = (lambda c: c) if show_personal else masked
    return [
        Detail("欠费明细", (XlColumn("楼栋"), XlColumn("房号"), XlColumn("业主"), XlColumn("联系电话"),
                        XlColumn("收费项目"), XlColumn("期间起", "date"), XlColumn("期间止", "date"),
                        money("欠费金额"), XlColumn("欠费整年数", "int"), XlColumn("欠费年限")),
               sorted(r.arrears, key=line_key),
               lambda a: [a.building, a.unit, a.owner, phone(a.contact), a.fee_item,
                          a.period_start, a.period_end, a.amount, a.years_overdue,
                          years_text(a.years_overdue)]),
        Detail("预收款", (XlColumn("楼栋"), XlColumn("房号"), XlColumn("业主"), XlColumn("收费项目"),
                       XlColumn("期间起", "date"), XlColumn("期间止", "date"), money("预收金额")),
               r.prepayments,
               lambda p: [p.building, p.unit, p.owner, p.fee_item, p.period_start, p.period_end,
                          p.amount]),
        Detail("押金", (XlColumn("楼栋"), XlColumn("房号"), XlColumn("业主"), XlColumn("押金项目"),
                      XlColumn("收取日期", "date"), money("押金金额"), XlColumn("处理"),
                      XlColumn("备注", width=30)),
               r.deposits,
               lambda d: [d.building, d.unit, d.owner, d.fee_item, d.received_on, d.amount,
                          d.action.label, d.note]),
        Detail("代收代缴", (XlColumn("楼栋"), XlColumn("房号"), XlColumn("业主"), XlColumn("代收项目"),
                        money("应缴"), money("已收"), money("余额")),
               r.for_others,
               lambda f: [f.building, f.unit, f.owner, f.fee_item, f.billed, f.paid, f.balance]),
        Detail("差异", DIFF_COLUMNS, differences, difference_cells, totals=False, size=r.differences_total),
        Detail("收缴率", (XlColumn("楼栋"), XlColumn("收费项目"), money("应收"), money("实收"),
                       XlColumn("收缴率", "percent")),
               r.rates, lambda c: [c.building, c.fee_item, c.billed, c.paid, c.rate]),
        Detail("抄表费用", METER_COLUMNS, r.meters,
               lambda m: [m.meter_no, m.kind.label, m.building, m.unit, m.location, m.fee_item,
                          m.prev_reading, m.prev_read_on, m.reading, m.read_on, m.quantity,
                          m.amount]),
    ]


# Readings and quantities are not money and mean nothing summed (吨 and 度 together).
METER_COLUMNS = (XlColumn("表号"), XlColumn("类型", width=6), XlColumn("楼栋"), XlColumn("房号"),
                 XlColumn("位置"), XlColumn("收费项目"), XlColumn("上次读数", "area", total=False),
                 XlColumn("上次抄表日", "date"), XlColumn("基准日读数", "area", total=False),
                 XlColumn("基准日抄表日", "date"), XlColumn("用量", "area", total=False),
                 money("金额"))
# 原物业说明 (their ledger's remark) stands beside the amounts it explains, before the decision taken
# on them; 说明 is our own note on the decision.
DIFF_COLUMNS = (XlColumn("楼栋"), XlColumn("房号"), XlColumn("收费项目"), XlColumn("期间起", "date"),
                XlColumn("期间止", "date"), XlColumn("差异类型"), money("原物业应收"),
                money("原物业实收"), money("我方应收"), money("我方实收"), XlColumn("原物业说明", width=30),
                XlColumn("处理结果"), money("调整后应收"), money("调整后实收"), XlColumn("说明", width=30),
                XlColumn("处理人"), XlColumn("处理时间", "datetime"))


def difference_cells(d: DifferenceRow) -> list[Any]:
    return [d.building, d.unit, d.fee_item, d.period_start, d.period_end, d.kind.label, d.their_billed,
            d.their_paid, d.our_billed, d.our_paid, d.their_remark, d.decision.label, d.adjusted_billed,
            d.adjusted_paid, d.note, d.decided_by, d.decided_at]


# --- 汇总 ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One row of 汇总. `formula` may name other lines as {key}, replaced by their B cell."""

    key: str
    label: str
    formula: str = ""
    system: Decimal | int | None = None
    kind: str = "money"
    note: str = ""


def formula_sum(span: str, n: int) -> str:
    """SUM over a detail range; a sheet without rows adds up to a plain 0 (its range would be
    the header row)."""
    return f"=SUM({span})" if n else "=0"


class Formulas:
    """The formulas of 汇总 over the detail sheets, by what they total."""

    def __init__(self, sheets: Sequence[Detail]) -> None:
        self.d = {s.name: s for s in sheets}

    def sum(self, sheet: str, title: str) -> str:
        d = self.d[sheet]
        return formula_sum(d.span(title), d.count)

    def sumif(self, sheet: str, test: str, criterion: str, title: str) -> str:
        """SUMIF(test column, criterion, summed column): e.g. the deposits marked 移交."""
        d = self.d[sheet]
        return f'=SUMIF({d.span(test)},"{criterion}",{d.span(title)})' if d.count else "=0"

    def signed(self, sheet: str, title: str, criterion: str, sign: str = "") -> str:
        """The positive (">0") or, negated, the negative ("<0") amounts of one column."""
        d = self.d[sheet]
        return f'={sign}SUMIF({d.span(title)},"{criterion}")' if d.count else "=0"

    def others(self, sheet: str, test: str, criterion: str, title: str) -> str:
        """SUM minus the SUMIF: the refunded deposits are every deposit not handed over."""
        d = self.d[sheet]
        if not d.count:
            return "=0"
        return f'=SUM({d.span(title)})-SUMIF({d.span(test)},"{criterion}",{d.span(title)})'

    def count(self, sheet: str, title: str, func: str = "COUNTA", criterion: str = "") -> str:
        d = self.d[sheet]
        if not d.count:
            return "=0"
        return f'={func}({d.span(title)},"{criterion}")' if criterion else f"={func}({d.span(title)})"

    def settlement(self, item: SettlementItem) -> str:
        """The formula of a breakdown line, by which total it is."""
        part = item.part
        if part == "prepaid":
            return self.sum("预收款", "预收金额")
        if part == "deposits":
            return self.sumif("押金", "处理", HANDED_OVER, "押金金额")
        if part == "for_others":
            return self.signed("代收代缴", "余额", ">0")
        if part == "meters":
            return self.sum("抄表费用", "金额")
        if part == "arrears":
            return self.sum("欠费明细", "欠费金额")
        raise ValueError(f"no formula for settlement line {item.label!r}")  # a new line: teach SettlementItem.part


def settlement_lines(r: FeeResults, f: Formulas) -> list[Line]:
    items = [Line(f"s{i}", item.label, f.settlement(item), item.amount,
                  note=item.direction or "仅列示，不参与结算")
             for i, item in enumerate(r.settlement)]

    def plus(direction: str) -> str:
        keys = [f"B{{s{i}}}" for i, it in enumerate(r.settlement) if it.direction == direction]
        return "=" + ("+".join(keys) if keys else "0")

    net = r.net_to_incoming
    return [Line("h1", "一、结算明细"), *items,
            Line("in", "原物业应付新物业合计", plus(TO_INCOMING), r.due_to_incoming, note=TO_INCOMING),
            Line("out", "新物业应付原物业合计", plus(TO_OUTGOING), r.due_to_outgoing,
                 note=TO_OUTGOING),
            Line("net", "结算净额（负数为新物业付原物业）", "=B{in}-B{out}", net,
                 note=f"大写：{to_capital(net)}"),
            Line("words", "结算净额（大写）", note=payer_sentence(net))]


def figure_lines(r: FeeResults, f: Formulas) -> list[Line]:
    return [Line("h2", "二、收费情况"),
            Line("a_n", "业主欠费笔数", f.count("欠费明细", "欠费金额", "COUNT"), len(r.arrears),
                 "int"),
            Line("a", "业主欠费金额", f.sum("欠费明细", "欠费金额"), r.arrears_total),
            Line("pre", "预收款", f.sum("预收款", "预收金额"), r.prepaid_total),
            Line("dep", "押金：移交新物业", f.sumif("押金", "处理", HANDED_OVER, "押金金额"),
                 r.deposits_total),
            Line("ref", "押金：退还业主", f.others("押金", "处理", HANDED_OVER, "押金金额"),
                 r.deposits_refunded),
            Line("held", "代收代缴：代业主暂存", f.signed("代收代缴", "余额", ">0"),
                 r.for_others_total),
            Line("owed", "代收代缴：业主尚欠", f.signed("代收代缴", "余额", "<0", sign="-"),
                 r.for_others_owed),
            Line("m", "抄表费用（基准日前未结）", f.sum("抄表费用", "金额"), r.meters_total),
            Line("billed", "基准日前应收合计", f.sum("收缴率", "应收"), r.billed_total),
            Line("paid", "基准日前实收合计", f.sum("收缴率", "实收"), r.paid_total),
            Line("rate", "收缴率（实收 ÷ 应收）", '=IF(B{billed}=0,"",B{paid}/B{billed})',
                 overall_rate(r), "percent", "系统金额为四位小数的比率")]


def difference_lines(r: FeeResults, f: Formulas) -> list[Line]:
    return [Line("h3", "三、对账差异"),
            Line("d_all", "差异总数", f.count("差异", "差异类型"), r.differences_total, "int"),
            Line("d_done", "已处理", "=B{d_all}-B{d_open}", r.differences_resolved, "int"),
            Line("d_open", "未处理", f.count("差异", "处理结果", "COUNTIF", OPEN),
                 r.differences_open, "int", "未处理差异为 0 时方可签署结算")]


def info_lines(r: FeeResults, exported_at: dt.datetime) -> list[tuple[str, Any, str]]:
    rows: list[tuple[str, Any, str]] = [
        ("项目", r.project, "text"), ("移交方", r.from_company, "text"),
        ("接收方", r.to_company, "text")]
    if r.witness:
        rows.append(("监交方", r.witness, "text"))
    return rows + [("交接基准日", r.cutoff, "date"),
                   ("结算状态", r.settlement_status.label if r.settlement_status else "未生成", "text"),
                   ("导出时间", exported_at, "datetime"),
                   ("说明", NOTE, "text")]


def summary_lines(r: FeeResults, sheets: Sequence[Detail]) -> list[Line]:
    f = Formulas(sheets)
    return settlement_lines(r, f) + figure_lines(r, f) + difference_lines(r, f)


def summary_widths(lines: Sequence[Line]) -> list[float]:
    """Labels and notes fitted (Chinese counts double); the numbers get room for 千万."""
    def fit(texts: Iterable[str]) -> float:
        return min(max(display_width(t) for t in texts) + 2, MAX_WIDTH)
    return [fit(line.label for line in lines), 18, 18, 12,
            fit([*(line.note for line in lines), SUMMARY_HEAD[-1]])]


def write_summary(ws: WriteOnlyWorksheet, lines: Sequence[Line],
                  info: Sequence[tuple[str, Any, str]]) -> None:
    for i, width in enumerate(summary_widths(lines), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"  # must be set before the first row is written
    ws.print_title_rows = "1:1"
    ws.append([head(ws, t) for t in SUMMARY_HEAD])
    rows = {line.key: n for n, line in enumerate(lines, start=2)}
    for n, line in enumerate(lines, start=2):
        ws.append(summary_row(ws, line, n, rows))
    ws.append([])
    for label, value, kind in info:
        ws.append([bold(ws, label), typed_cell(ws, value, kind)])


def summary_row(ws: WriteOnlyWorksheet, line: Line, n: int, rows: dict[str, int]) -> list[Any]:
    if not line.formula:  # a section heading, or the 大写 line
        return [bold(ws, line.label), None, None, None, typed_cell(ws, line.note, "text")]
    number = FORMATS[line.kind]
    diff = (f'=IF(B{n}="","",ROUND(B{n},4)-C{n})' if line.kind == "percent"
            else f"=ROUND(B{n}-C{n},2)")
    return [typed_cell(ws, line.label, "text"),
            formula(ws, line.formula.format(**rows), number, bold=True),
            typed_cell(ws, line.system, line.kind),
            formula(ws, diff, number),
            typed_cell(ws, line.note, "text")]


def formula(ws: WriteOnlyWorksheet, text: str, number_format: str | None,
            bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, text)
    cell.number_format = number_format or "General"
    if bold:
        cell.font = BOLD
    return cell


def head(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """A header cell as the detail sheets have them: bold on grey, centred."""
    cell = bold(ws, text)
    cell.fill, cell.alignment = HEAD_FILL, Alignment(horizontal="center", vertical="center")
    return cell


def bold(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, text)
    cell.font = BOLD
    return cell


# --- the workbook ----------------------------------------------------------------------------

def check_fits(sheets: Sequence[Detail], max_rows: int) -> None:
    """Each detail sheet must fit one worksheet: 汇总's ranges name one sheet each."""
    for d in sheets:
        room = max_rows - 1 - (2 if d.totals else 0)  # the header; the writer's 小计/合计 rows
        if d.count > room:
            raise ValidationError(f"“{d.name}”共 {d.count:,} 行，超过 Excel 单个工作表的上限"
                                  f"（{room:,} 行），无法导出。请按楼栋分别导出。")


@in_chinese
def export_fee_workbook(results: FeeResults, differences: Iterable[DifferenceRow], out: Path,
                        progress: Progress | None = None, *, show_personal: bool = False,
                        exported_at: dt.datetime | None = None,
                        max_rows: int = EXCEL_MAX_ROWS) -> int:
    """Write the workbook to `out`; returns the number of detail rows written (every sheet).

    Phones in 欠费明细 are masked unless the caller checked the role and audited it
    (show_personal), as on the printed forms.
    """
    sheets = details(results, differences, show_personal)
    check_fits(sheets, max_rows)
    total = sum(d.count for d in sheets)
    with ExcelWriter(out, progress, max_rows) as xw:
        xw.wb.calculation.fullCalcOnLoad = True  # no cached values: compute on opening
        write_summary(xw.wb.create_sheet(SUMMARY_SHEET), summary_lines(results, sheets),
                      info_lines(results, exported_at or dt.datetime.now()))
        return sum(xw.add_table(d.name, d.columns, d.rows(), total, d.totals) for d in sheets)

