"""欠费明细表: every arrears line up to the cut-off, grouped by building with a 小计 each, a 合计 and
its 大写; laid out a page at a time (PagedTable), so the large demo's 100,000 lines stay linear."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, TableStyle

from models.money import to_capital
from models.rules.idcard import mask_phones
from models.services.fee_rows import ArrearsLine, FeeResults, money_sum
from models.services.roster import natural_key

from ..progress import Progress, report
from .base import (
    Column,
    FormBase,
    Parties,
    data_table,
    format_cn_date,
    format_decimal,
    signature_block,
    styles,
    text,
)
from .defect_summary import CountedTable
from .table import HEAD_FILL, Band, Row

COLUMNS = (Column("楼栋", 1.0), Column("房号", 1.5, nowrap=True), Column("业主", 1.3, nowrap=True),
           Column("联系电话", 1.3, "center", nowrap=True), Column("收费项目", 1.3),
           Column("所属期间", 2.1, "center", nowrap=True),
           Column("欠费金额（元）", 1.3, "right", nowrap=True), Column("欠费年限", 0.9, "center"))
SUMMARY_COLUMNS = (Column("楼栋", 1.4), Column("欠费户数", 1.0, "right"),
                   Column("欠费笔数", 1.0, "right"), Column("其中一年以上（笔）", 1.4, "right"),
                   Column("欠费金额（元）", 1.6, "right"))
NO_BUILDING = "（未分楼栋）"


class TotalRow(list[str]):
    """A 小计 or 合计 line: shaded, so the eye finds it among thousands of lines."""

    keeps_with_previous = True  # never alone at the top of a page (PagedTable.split)


class ArrearsTable(CountedTable):
    """CountedTable whose 小计/合计 rows are shaded, on every page it continues onto."""

    def _table_of(self, body: Sequence[Row]) -> LongTable:
        table = super()._table_of(body)
        shade = [("BACKGROUND", (0, k), (-1, k), HEAD_FILL)
                 for k, row in enumerate(body, start=1) if isinstance(row, TotalRow)]
        if shade:
            table.setStyle(TableStyle(shade))
        return table


def period_text(line: ArrearsLine) -> str:
    return f"{line.period_start:%Y-%m-%d}至{line.period_end:%Y-%m-%d}"


def years_text(years: int) -> str:
    """0 → 不足1年, 3 → 3年以上: whole years from the period's end to the cut-off."""
    return f"{years}年以上" if years > 0 else "不足1年"


masked = mask_phones  # every phone number in the ledger's contact text masked (138****8000)


def line_key(line: ArrearsLine) -> tuple[object, ...]:
    """Building, unit, fee item, period: '2栋' before '10栋', lines without a building last."""
    return (not line.building, natural_key(line.building), natural_key(line.unit),
            line.fee_item, line.period_start, line.period_end)


@dataclass(frozen=True)
class BuildingGroup:
    """One building's lines, in print order, and what its 小计 says."""

    name: str
    lines: Sequence[ArrearsLine]

    @property
    def total(self) -> Decimal:
        return money_sum(a.amount for a in self.lines)

    @property
    def units(self) -> int:
        return len({a.unit for a in self.lines})

    @property
    def old(self) -> int:
        return sum(1 for a in self.lines if a.years_overdue > 0)


def by_building(lines: Iterable[ArrearsLine]) -> list[BuildingGroup]:
    ordered = sorted(lines, key=line_key)
    return [BuildingGroup(name or NO_BUILDING, list(group))
            for name, group in groupby(ordered, key=lambda a: a.building)]


class ArrearsForm(FormBase):
    """The outgoing company's claims on owners, for both companies to sign as the agreed list."""

    title = "欠费明细表"
    form_no = "HD-CW-02"
    landscape = True

    def __init__(self, results: FeeResults, handover_caption: str = "",
                 printed_on: dt.date | None = None, show_personal: bool = False) -> None:
        super().__init__(results.project, handover_caption, printed_on)
        self.results = results
        self.groups = by_building(results.arrears)
        # Phones print masked unless the caller (who checked the role and audited it) says so.
        self.show_personal = show_personal
        self.placed = [0]  # detail rows laid out so far, for the progress callback

    def header_lines(self) -> list[tuple[str, str]]:
        caption = f"交接：{self.handover_caption}" if self.handover_caption else ""
        return [(f"项目：{self.project_name}", f"表号：{self.form_no}"),
                (caption, f"交接基准日：{format_cn_date(self.results.cutoff)}")]

    @property
    def units(self) -> int:
        return sum(g.units for g in self.groups)

    def story(self) -> list[Flowable]:
        st, width = styles(), self.frame_width
        out: list[Flowable] = [Paragraph("一、按楼栋汇总", st["heading"]),
                               data_table(SUMMARY_COLUMNS, self.summary_rows(), width * 0.7),
                               Paragraph("二、欠费明细", st["heading"])]
        total = [Spacer(1, 3 * mm), text(self.total_line()), text(self.note(), "note")]
        r = self.results
        parties = Parties(r.from_company, r.to_company, r.witness or None)
        signatures = signature_block(parties, width, lead=total)
        if not self.groups:
            return [*out, Paragraph("截至交接基准日没有业主欠费。", st["body"]), signatures]
        weights = sum(c.weight for c in COLUMNS)
        return [*out, ArrearsTable(COLUMNS, self.detail_rows(),
                                   [width * c.weight / weights for c in COLUMNS],
                                   placed=self.placed, tail=signatures)]

    def summary_rows(self) -> list[Row]:
        rows: list[Row] = [[g.name, str(g.units), str(len(g.lines)), str(g.old),
                            format_decimal(g.total)] for g in self.groups]
        old = sum(g.old for g in self.groups)
        return rows + [["合计", str(self.units), str(len(self.results.arrears)), str(old),
                        format_decimal(self.results.arrears_total)]]

    def detail_rows(self) -> list[Row]:
        rows: list[Row] = []
        for g in self.groups:
            rows.append(Band(f"{g.name}（{len(g.lines)} 笔）"))
            rows.extend(self.cells(a) for a in g.lines)
            rows.append(TotalRow([g.name, "小计", f"{g.units} 户", "", f"{len(g.lines)} 笔", "",
                                  format_decimal(g.total), ""]))
        rows.append(TotalRow(["合计", "", f"{self.units} 户", "", f"{len(self.results.arrears)} 笔",
                              "", format_decimal(self.results.arrears_total), ""]))
        return rows

    def cells(self, a: ArrearsLine) -> list[str]:
        contact = a.contact if self.show_personal else masked(a.contact)
        return [a.building, a.unit, a.owner, contact, a.fee_item, period_text(a),
                format_decimal(a.amount), years_text(a.years_overdue)]

    def total_line(self) -> str:
        total = self.results.arrears_total
        return (f"合计：欠费 {len(self.results.arrears)} 笔，涉及 {self.units} 户，金额 "
                f"¥{format_decimal(total)}（大写：{to_capital(total)}）。")

    def note(self) -> str:
        phones = ("" if self.show_personal
                  else "联系电话已作脱敏处理（如 138****8000），完整信息请在系统内按权限查看；")
        return (f"注：{phones}欠费为交接基准日（含）前各期间业主尚未缴纳的费用，归移交方所有，"
                f"由移交方自行追缴；欠费年限按期间结束日至基准日的整年数计。")

    def render(self, out: Path | BinaryIO, progress: Progress | None = None) -> int:
        """As the base, but progress counts detail rows laid out, so the bar moves evenly."""
        if progress is None:
            return super().render(out)
        total = len(self.results.arrears) + 2 * len(self.groups) + 1  # lines, bands, 小计, 合计
        self.placed[0] = 0

        def by_rows(_page: int, _pages: int) -> bool:
            return progress(min(self.placed[0], total - 1), total)

        written = super().render(out, by_rows)
        report(progress, total, total)
        return written
