"""复验记录 (re-inspection record): the defect, every re-inspection so far, and the statement
that a re-inspection covers the whole unit or item; signed by both parties."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from models.defect import DefectStatus

from .base import Column, FormBase, data_table, styles, text
from .defect_common import (
    OUR_SIDE,
    cn_datetime,
    defect_pairs,
    facts_grid,
    sign_block,
    signer_lines,
)
from .table import RULE

if TYPE_CHECKING:
    from models.services.defect_rows import DefectDetail, HistoryRow

WHOLE_UNIT = "复验范围为整个房屋/项目，而不仅是本次整改部位。"
COLUMNS = (Column("次数", 0.8, "center", nowrap=True), Column("复验时间", 1.7, "center", nowrap=True),
           Column("结果", 1.4, "center"), Column("复验人", 1.0, "center", nowrap=True),
           Column("说明", 3.5))


def attempts(history: Sequence[HistoryRow]) -> list[HistoryRow]:
    """The re-inspections: each move out of 待复验, to 已关闭 (passed) or back to 整改中."""
    return [h for h in history if h.from_status == DefectStatus.PENDING_REINSPECTION
            and h.to_status in (DefectStatus.CLOSED, DefectStatus.RECTIFYING)]


def result_of(h: HistoryRow) -> str:
    return "合格" if h.to_status == DefectStatus.CLOSED else "不合格"


class DefectReinspectionForm(FormBase):
    title = "遗留问题复验记录"
    form_no = "HD-YL-03"

    def __init__(self, detail: DefectDetail, project_name: str, *, handover_caption: str = "",
                 rectifier: str = "", our_company: str = "",
                 printed_on: dt.date | None = None) -> None:
        super().__init__(project_name, handover_caption, printed_on,
                         document_no=detail.defect.number)
        self.detail = detail
        self.rectifier = rectifier or detail.defect.responsible.label
        self.our_company = our_company or OUR_SIDE

    def story(self) -> list[Flowable]:
        st, d, width = styles(), self.detail.defect, self.frame_width
        # The tally and the whole-unit statement go over with the signatures, and they
        # close the table on the page of its last re-inspection.
        signatures = sign_block([("复验单位", self.our_company, signer_lines("复验人")),
                                 ("整改单位（责任方）", self.rectifier, signer_lines("确认人"))],
                                width, lead=[Spacer(1, 2 * mm), text(self.tally()),
                                             Spacer(1, 3 * mm), statement_box(width)])
        return [facts_grid(defect_pairs(d), width, [("问题描述", d.description)]),
                Paragraph("复验经过", st["heading"]),
                data_table(COLUMNS, self.rows(), width, tail=signatures)]

    def rows(self) -> list[list[str]]:
        done = attempts(self.detail.history)
        rows = [[f"第 {i} 次", cn_datetime(h.at), result_of(h), h.by, h.note]
                for i, h in enumerate(done, 1)]
        if self.detail.defect.status == DefectStatus.PENDING_REINSPECTION:
            rows.append([f"第 {len(done) + 1} 次", "", "□合格 □不合格", "", ""])  # filled in on site
        return rows or [["—", "", "", "", "尚未复验"]]

    def tally(self) -> str:
        d = self.detail.defect
        done = attempts(self.detail.history)
        text = f"已复验 {len(done)} 次，其中不合格 {d.failed_reinspections} 次"
        if d.failed_reinspections >= 3:
            text += "（已达三次，应在24小时内报告公司领导）"
        return text + f"；当前状态：{d.status.label}。"


def statement_box(width: float) -> Flowable:
    """The whole-unit rule, boxed so neither party can say they missed it."""
    table = Table([[Paragraph(f"说明：{WHOLE_UNIT}复验时对该房屋/项目全面检查，"
                              "发现新的问题另行登记、另行通知整改。", styles()["body"])]],
                  colWidths=[width])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table
