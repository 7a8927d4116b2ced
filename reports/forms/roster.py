"""业主名册 (owner roster) of a project: every unit, its area, use, occupancy and owners."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from models.rules.idcard import mask_mobile
from models.services.roster import RosterRow, by_building, tally

from .base import (
    Column,
    FormBase,
    Parties,
    data_table,
    format_decimal,
    signature_block,
    styles,
    text,
)

COLUMNS = (
    Column("序号", 0.7, "center", nowrap=True),
    Column("楼栋", 1.2),
    Column("房号", 2.0, nowrap=True),
    Column("建筑面积(㎡)", 1.3, "right", nowrap=True),
    Column("用途", 0.8, "center"),
    Column("入住状态", 1.0, "center"),
    Column("业主", 1.8, nowrap=True),  # names broken only after a 、
    Column("联系电话", 1.7, nowrap=True),
)
SUMMARY_COLUMNS = (Column("楼栋", 2.0), Column("户数", 1.0, "right", nowrap=True),
                   Column("建筑面积(㎡)", 1.5, "right", nowrap=True),
                   Column("已入住", 1.0, "right", nowrap=True))


class RosterForm(FormBase):
    title = "业主名册"
    form_no = "HD-YZ-01"

    def __init__(self, rows: Sequence[RosterRow], project_name: str, handover_caption: str = "",
                 printed_on: dt.date | None = None, parties: Parties | None = None,
                 show_personal: bool = False) -> None:
        super().__init__(project_name, handover_caption, printed_on)
        self.rows = rows
        self.parties = parties or Parties()
        # Phones print masked unless the caller (who checked the role and audited it) says so.
        self.show_personal = show_personal

    def story(self) -> list[Flowable]:
        width = self.frame_width
        # The note goes over with the signatures, which close the summary on its last page.
        signatures = signature_block(self.parties, width, lead=[
            Spacer(1, 2 * mm), Paragraph(self._privacy_note(), styles()["note"])])
        return [data_table(COLUMNS, [self._cells(i, r) for i, r in enumerate(self.rows, 1)], width),
                Spacer(1, 3 * mm),
                text(self.total_line()),
                Paragraph("按楼栋汇总", styles()["heading"]),
                data_table(SUMMARY_COLUMNS, self._building_summary(), width * 0.6,
                           tail=signatures)]

    def _cells(self, no: int, row: RosterRow) -> list[str]:
        return [str(no), row.building, row.unit, format_decimal(row.area), row.use.label, row.occupancy.label,
                row.owners, "、".join(self._phone(m) for m in row.mobiles)]

    def _phone(self, mobile: str) -> str:
        return mobile if self.show_personal else mask_mobile(mobile)

    def total_line(self) -> str:
        t = tally(self.rows)
        text = f"合计：共 {t.units} 户，建筑面积 {format_decimal(t.area)} ㎡"
        return text + (f"（其中 {t.without_area} 户未登记面积）" if t.without_area else "") + "。"

    def _building_summary(self) -> list[list[str]]:
        return [[name, str(t.units), format_decimal(t.area), str(t.occupied)] for name, t in by_building(self.rows)]

    def _privacy_note(self) -> str:
        if self.show_personal:
            return "注：本表含业主个人信息，请妥善保管，不得外传。"
        return "注：联系电话已作脱敏处理（如 138****8000）；完整信息请在系统内按权限查看。"
