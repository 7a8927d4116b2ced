"""催办函 (reminder) to one responsible party: every defect of theirs past its deadline."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from models.defect import DefectStatus, Responsible, responsible_of

from .base import Column, FormBase, data_table, text
from .defect_common import OUR_SIDE, cn_date, sign_block, signer_lines

if TYPE_CHECKING:
    from models.services.defect_rows import DueRow

COLUMNS = (
    Column("序号", 0.5, "center", nowrap=True), Column("问题编号", 1.3, nowrap=True),
    Column("位置", 1.4), Column("问题描述", 3.0), Column("通知日期", 1.55, "center", nowrap=True),
    Column("整改期限", 1.55, "center", nowrap=True), Column("逾期天数", 0.85, "right", nowrap=True),
)
DEFAULT_DAYS = 3


def reminder_cells(no: int, row: DueRow) -> list[str]:
    d = row.defect
    return [str(no), d.number, d.location, d.description, cn_date(d.notice_at),
            cn_date(d.deadline), str(row.overdue_days)]


class DefectReminderForm(FormBase):
    title = "催办函"
    form_no = "HD-YL-02"

    def __init__(self, party: Responsible | str, rows: Sequence[DueRow], project_name: str, *,
                 addressee: str = "", our_company: str = "", days: int = DEFAULT_DAYS,
                 handover_caption: str = "", document_no: str = "",
                 printed_on: dt.date | None = None) -> None:
        """`rows`: the party's overdue defects (the register's overdue_of_party). Only those
        being rectified (整改中) are dunned: one still 待通知 was never notified (send the notice
        first), and one 待复验 waits on us, not them; nor another party's, nor one not overdue."""
        super().__init__(project_name, handover_caption, printed_on, document_no)
        self.party = responsible_of(party)
        self.rows = [r for r in rows if r.defect.responsible is self.party and r.overdue_days > 0
                     and r.defect.status == DefectStatus.RECTIFYING]
        self.addressee = addressee or self.party.label
        self.our_company = our_company or OUR_SIDE
        self.days = days

    def story(self) -> list[Flowable]:
        width = self.frame_width
        out: list[Flowable] = [text(f"致：{self.addressee}"), text(self.wording()),
                               Spacer(1, 2 * mm)]
        closing = [Spacer(1, 3 * mm), text(self.closing()),
                   text(f"特此函告。\n发函日期：{cn_date(self.printed_on)}")]
        signatures = sign_block([("发函单位", self.our_company, signer_lines("经办人")),
                                 ("签收（责任方）", self.addressee,
                                  ["签收人：", "盖章：", "签收日期："])], width, lead=closing)
        if not self.rows:
            return [*out, signatures]
        rows = [reminder_cells(i, r) for i, r in enumerate(self.rows, 1)]
        return [*out, data_table(COLUMNS, rows, width, tail=signatures)]

    def wording(self) -> str:
        if not self.rows:
            return f"经核查，截至{cn_date(self.printed_on)}，贵方负责整改的遗留问题均未超过整改期限。"
        worst = max(r.overdue_days for r in self.rows)
        return (f"我方已就下列遗留问题向贵方发出《整改通知单》，截至{cn_date(self.printed_on)}，"
                f"共 {len(self.rows)} 项已超过整改期限仍未整改完毕（最长逾期 {worst} 天），"
                f"影响业主正常使用及物业管理工作。")

    def closing(self) -> str:
        return (f"请贵方于收到本函后{self.days}日内整改完毕，并书面通知我方复验。逾期仍未整改的，"
                f"我方将上报公司领导，并报开发商工程部及开发商领导协调处理，由此产生的责任由贵方承担。")
