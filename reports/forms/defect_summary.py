"""遗留问题汇总表 of a handover: counts by category and status, then every defect, grouped by
category and status; laid out a page at a time (PagedTable) so 30,000 defects stay quick."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from models.defect import DefectCategory, DefectStatus
from models.rules.escalation import DefectFacts, overdue_days

from ..progress import Progress, report
from .base import Column, FormBase, Parties, data_table, signature_block, styles, text
from .defect_common import cn_date
from .handover_list import cn_ordinal
from .table import Band, PagedTable, Piece, Row

if TYPE_CHECKING:
    from models.services.defect_rows import DefectRow

STATUSES = tuple(DefectStatus)  # 待通知 整改中 待复验 已关闭 无法整改, the lifecycle's order
OVERDUE = "逾期"
COUNT_COLUMNS = (Column("类别", 1.6), *(Column(s.label, 1.0, "right") for s in STATUSES),
                 Column(OVERDUE, 1.0, "right"), Column("合计", 1.0, "right"))
DETAIL_COLUMNS = (
    Column("序号", 0.6, "center", nowrap=True), Column("问题编号", 1.3, nowrap=True),
    Column("位置", 1.6), Column("问题描述", 4.0), Column("严重程度", 0.9, "center"),
    Column("责任方", 0.85, "center"), Column("发现日期", 1.45, "center", nowrap=True),
    Column("整改期限", 1.45, "center", nowrap=True), Column("状态", 0.85, "center"),
    Column("逾期天数", 0.9, "right", nowrap=True),
)


class CountedTable(PagedTable):
    """A PagedTable that tells `placed[0]` how many of its rows are laid out: the progress."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], widths: Sequence[float],
                 *, placed: list[int], tail: Flowable | None = None) -> None:
        super().__init__(columns, rows, widths, tail=tail)
        self.placed = placed

    def _rest(self, start: int, carry: Piece | None = None) -> PagedTable:
        self.placed[0] = start
        return super()._rest(start, carry)


def late_days(row: DefectRow, now: dt.datetime) -> int:
    """The escalation rules' overdue days (0 unless still open and past the deadline)."""
    return overdue_days(DefectFacts(row.severity, row.status, row.found_at, row.notice_at,
                                    row.deadline), now)


def category_order(rows: Sequence[DefectRow]) -> list[DefectCategory]:
    """The categories these rows have, in the form's order (土建装饰, 给排水…)."""
    seen = {r.category for r in rows}
    return [c for c in DefectCategory if c in seen]


class DefectSummaryForm(FormBase):
    title = "遗留问题汇总表"
    form_no = "HD-YL-04"
    landscape = True

    def __init__(self, rows: Sequence[DefectRow], project_name: str, handover_caption: str = "",
                 *, now: dt.datetime | None = None, parties: Parties | None = None,
                 printed_on: dt.date | None = None) -> None:
        """`now` decides what is overdue (default: the start of `printed_on`, or today)."""
        super().__init__(project_name, handover_caption, printed_on)
        self.now = now or dt.datetime.combine(self.printed_on, dt.time())
        self.parties = parties or Parties()
        self.rows = rows
        self.late = [late_days(r, self.now) for r in rows]
        self.groups = self._group()
        self.placed = [0]  # detail rows laid out so far, for the progress callback

    def _group(self) -> dict[DefectCategory, dict[DefectStatus, list[int]]]:
        """category → status → indexes into self.rows, each list in number order."""
        groups: dict[DefectCategory, dict[DefectStatus, list[int]]] = {
            c: {s: [] for s in STATUSES} for c in category_order(self.rows)}
        for i, r in enumerate(self.rows):
            groups[r.category][r.status].append(i)
        for by_status in groups.values():
            for idx in by_status.values():
                idx.sort(key=lambda i: self.rows[i].number)
        return groups

    def counts(self) -> dict[str, Counter[str]]:
        """Per category: how many in each status (by its label, the column it prints in), overdue, and in all."""
        out: dict[str, Counter[str]] = {}
        for category, by_status in self.groups.items():
            c: Counter[str] = Counter({s.label: len(idx) for s, idx in by_status.items()})
            c[OVERDUE] = sum(1 for idx in by_status.values() for i in idx if self.late[i])
            c["合计"] = sum(len(idx) for idx in by_status.values())
            out[category.label] = c
        return out

    def count_rows(self) -> list[Row]:
        keys = [c.title for c in COUNT_COLUMNS[1:]]
        counts = self.counts()
        total: Counter[str] = sum(counts.values(), Counter())
        rows: list[Row] = [[cat, *(str(c[k]) for k in keys)] for cat, c in counts.items()]
        return rows + [["合计", *(str(total[k]) for k in keys)]]

    def detail_rows(self) -> list[Row]:
        rows: list[Row] = []
        no = 0
        for k, (category, by_status) in enumerate(self.groups.items(), start=1):
            for status, idx in by_status.items():
                if not idx:
                    continue
                rows.append(Band(f"{cn_ordinal(k)}、{category.label} — {status.label}（{len(idx)} 项）"))
                for i in idx:
                    no += 1
                    rows.append(self.cells(no, i))
        return rows

    def cells(self, no: int, i: int) -> list[str]:
        r = self.rows[i]
        return [str(no), r.number, r.location, r.description, r.severity.label, r.responsible.label,
                cn_date(r.found_at), cn_date(r.deadline), r.status.label,
                str(self.late[i]) if self.late[i] else ""]

    def story(self) -> list[Flowable]:
        st, width = styles(), self.frame_width
        out: list[Flowable] = [Paragraph("一、按类别、状态统计", st["heading"]),
                               data_table(COUNT_COLUMNS, self.count_rows(), width * 0.75),
                               Spacer(1, 1 * mm), text(self.basis(), "note"),
                               Paragraph("二、遗留问题明细", st["heading"])]
        # The total goes over with the signatures: a page of signatures alone says nothing;
        # and they close the table on the page of its last rows.
        total = [Spacer(1, 3 * mm), text(self.total_line())]
        signatures = signature_block(self.parties, width, lead=total)
        if not self.rows:
            return [*out, Paragraph("本次交接没有登记遗留问题。", st["body"]), signatures]
        weights = sum(c.weight for c in DETAIL_COLUMNS)
        return [*out, CountedTable(DETAIL_COLUMNS, self.detail_rows(),
                                   [width * c.weight / weights for c in DETAIL_COLUMNS],
                                   placed=self.placed, tail=signatures)]

    def total_line(self) -> str:
        done = (DefectStatus.CLOSED, DefectStatus.UNFIXABLE)
        still = sum(1 for r in self.rows if r.status not in done)
        late = sum(1 for d in self.late if d)
        return (f"合计：遗留问题共 {len(self.rows)} 项，已关闭或无法整改 {len(self.rows) - still} 项，"
                f"尚未关闭 {still} 项（其中逾期 {late} 项）。")

    def basis(self) -> str:
        return (f"注：共 {len(self.rows)} 项；“逾期”为截至{cn_date(self.now)}已超过整改期限且尚未"
                f"关闭的问题（已计入各状态中），逾期天数按自然日计。")

    def render(self, out: Path | BinaryIO, progress: Progress | None = None) -> int:
        """As the base, but progress counts detail rows laid out (the base knows pages only,
        and not how many there will be), so the bar moves evenly."""
        if progress is None:
            return super().render(out)
        total = len(self.rows) + len(self.groups) * len(STATUSES) + 1  # rows and headings, at most
        self.placed[0] = 0

        def by_rows(_page: int, _pages: int) -> bool:
            return progress(min(self.placed[0], total - 1), total)

        written = super().render(out, by_rows)
        report(progress, total, total)
        return written
