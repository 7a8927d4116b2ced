"""The tabular key forms: 钥匙借用登记表, 备用钥匙封存表 and 钥匙交接表."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from models.queries.key_forms import EventInfo, KeyInfo, Loan

from .base import Column, FormBase, Parties, data_table, signature_block, styles
from .defect_common import BLANK_DATE, OUR_SIDE, cn_date, sign_block, signer_lines


def stamp(at: dt.datetime | None) -> str:
    """'2026-07-01 09:30': one line in its column, or broken at the space, never inside."""
    return "" if at is None else f"{at:%Y-%m-%d %H:%M}"


class KeyLendingForm(FormBase):
    """Every loan in a date range with its return: the register a supervisor signs off."""

    title = "钥匙借用登记表"
    form_no = "HD-YS-03"
    landscape = True
    # Widths in points of the landscape frame (757): a tag, 1栋1单元101（入户门）, a name and
    # each 2026-07-01 09:30 on one line, and room for the borrower to sign.
    COLUMNS = (Column("标签号", 70, nowrap=True), Column("开启对象", 103),
               Column("借用人", 50, nowrap=True), Column("部门", 42), Column("事由", 79),
               Column("批准人", 48, nowrap=True), Column("借出时间", 77, "center", nowrap=True),
               Column("应还时间", 77, "center", nowrap=True), Column("借用人签字", 57),
               Column("归还时间", 77, "center", nowrap=True), Column("归还人", 48, nowrap=True),
               Column("状况", 29))

    def __init__(self, loans: Sequence[Loan], project_name: str, start: dt.date, end: dt.date,
                 *, our_company: str = "", printed_on: dt.date | None = None) -> None:
        super().__init__(project_name, printed_on=printed_on)
        self.loans, self.start, self.end = list(loans), start, end
        self.our_company = our_company or OUR_SIDE

    def header_lines(self) -> list[tuple[str, str]]:
        return super().header_lines() + [(f"期间：{cn_date(self.start)} 至 {cn_date(self.end)}",
                                          f"共 {len(self.loans)} 次借用")]

    @staticmethod
    def reason(loan: Loan) -> str:
        """事由, and under it the 延期原因 of a loan due after the lending day."""
        lent = loan.lent
        reason = lent.reason_words
        if not loan.extension_reason:
            return reason
        return f"{reason}\n延期原因：{loan.extension_reason}"

    def row(self, loan: Loan) -> list[str | Flowable]:
        lent, back = loan.lent, loan.returned
        return [loan.key.tag, loan.key.opens_text, lent.person, lent.department, self.reason(loan),
                lent.approved_by, stamp(lent.at), stamp(lent.due_at), "",  # 借用人签字: by hand
                stamp(back.at) if back else "未归还", back.person if back else "",
                back.condition if back else ""]

    def story(self) -> list[Flowable]:
        signatures = sign_block([("登记人", self.our_company, signer_lines("登记人")),
                                 ("审核", self.our_company, signer_lines("主管"))],
                                self.frame_width)
        if not self.loans:
            return [Paragraph("本期间没有借用记录。", styles()["body"]), signatures]
        rows = [self.row(loan) for loan in self.loans]
        return [data_table(self.COLUMNS, rows, self.frame_width, tail=signatures)]


class KeySealForm(FormBase):
    """Spare keys now under seal, with the seal numbers a later 启封 is checked against."""

    title = "备用钥匙封存表"
    form_no = "HD-YS-04"
    # Widths that hold a tag, G01-01-16, FC-2026-00001-2 and a time each on one line.
    COLUMNS = (Column("序号", 0.5, "center", nowrap=True), Column("标签号", 1.35, nowrap=True),
               Column("开启对象", 1.9), Column("数量", 0.5, "center", nowrap=True),
               Column("柜-格", 0.85, nowrap=True), Column("封条编号", 1.3, nowrap=True),
               Column("封存时间", 1.35, "center", nowrap=True),
               Column("经办人", 0.8, nowrap=True))

    def __init__(self, sealed: Sequence[tuple[KeyInfo, EventInfo | None]], project_name: str,
                 *, our_company: str = "", printed_on: dt.date | None = None) -> None:
        super().__init__(project_name, printed_on=printed_on)
        self.sealed = list(sealed)
        self.our_company = our_company or OUR_SIDE

    def story(self) -> list[Flowable]:
        rows = [[str(i), k.tag, k.opens_text, str(k.count), k.place,
                 ev.seal_no if ev else "", stamp(ev.at) if ev else "", ev.by if ev else ""]
                for i, (k, ev) in enumerate(self.sealed, start=1)]
        witness = ["封存人：", "监封人：", f"日期：{BLANK_DATE}"]
        signatures = sign_block([("封存单位", self.our_company, witness)], self.frame_width)
        if not rows:
            return [Paragraph("目前没有封存的钥匙。", styles()["body"]), signatures]
        return [data_table(self.COLUMNS, rows, self.frame_width, tail=signatures)]


class KeyHandoverForm(FormBase):
    """The keys of one handover, signed by 移交方 / 接收方 / 监交方."""

    title = "钥匙交接表"
    form_no = "HD-YS-01"
    COLUMNS = (Column("序号", 0.5, "center", nowrap=True), Column("标签号", 1.6, nowrap=True),
               Column("开启对象", 2.2), Column("数量", 0.5, "center", nowrap=True),
               Column("柜-格", 0.8, nowrap=True), Column("状态", 0.7, "center"), Column("备注", 1.2))

    def __init__(self, keys: Sequence[KeyInfo], project_name: str, handover_caption: str,
                 parties: Parties, *, printed_on: dt.date | None = None) -> None:
        super().__init__(project_name, handover_caption, printed_on)
        self.keys, self.parties = list(keys), parties

    def story(self) -> list[Flowable]:
        rows = [[str(i), k.tag, k.opens_text, str(k.count), k.place, k.status.label, ""]
                for i, k in enumerate(self.keys, start=1)]
        total = sum(k.count for k in self.keys)
        lead = [Paragraph(f"合计：{len(self.keys)} 套，{total} 把。", styles()["body"])]
        signatures = signature_block(self.parties, self.frame_width, lead=lead)
        if not rows:
            return [Paragraph("该交接没有登记钥匙。", styles()["body"]), signatures]
        return [data_table(self.COLUMNS, rows, self.frame_width, tail=signatures)]
