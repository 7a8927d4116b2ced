"""押金退还确认单 and 预收款移交确认单: at a 退场移交, what the owner signs for each deposit the outgoing
company refunded to them, and for the prepayments it hands to the next company."""
from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from models.money import to_capital
from models.services.exit_letters import DepositRefund, OwnerStatement
from models.services.fee_rows import FeeResults

from .base import Column, data_table, format_cn_date, format_decimal, styles, text
from .defect_common import facts_grid, sign_block
from .exit_common import COMPANY_LINES, OWNER_LINES, ExitSection, in_words, money, period

PREPAID_COLUMNS = (Column("序号", 0.6, "center"), Column("收费项目", 2.0),
                   Column("预交期间（交接基准日后）", 3.2, "center", nowrap=True),
                   Column("金额（元）", 1.5, "right", nowrap=True))


class DepositRefundForm(ExitSection):
    """One refunded deposit: the owner signs that they received it, the outgoing company stamps."""

    title = "押金退还确认单"
    form_no = "HD-CW-04"
    prefix = "YJTH"

    def __init__(self, results: FeeResults, refund: DepositRefund,
                 printed_on: dt.date | None = None) -> None:
        super().__init__(results, refund.number, refund.place, printed_on)
        self.refund = refund

    def story(self) -> list[Flowable]:
        st, d, r = styles(), self.refund.deposit, self.results
        pairs = [("业主", d.owner or "—"), ("房号", self.place), ("押金项目", d.fee_item),
                 ("收取日期", format_cn_date(d.received_on)), ("退还金额", money(d.amount)),
                 ("处理", "已退还业主")]
        grid = facts_grid(pairs, self.frame_width, [("大写金额", to_capital(d.amount)),
                                                   ("退还方式", d.note or "—")])
        confirm = [Paragraph("业主确认", st["heading"]), text(self.wording())]
        return [*self.draft_warning(), self.parties_table(), Spacer(1, 2 * mm), grid,
                sign_block([("业主（收款人）", d.owner, list(OWNER_LINES)),
                            ("原物业（退款单位）", r.from_company, list(COMPANY_LINES))],
                           self.frame_width, lead=confirm)]

    def wording(self) -> str:
        d = self.refund.deposit
        return (f"本人确认已收到原物业退还的上述{d.fee_item}{money(d.amount)}（{to_capital(d.amount)}），"
                f"金额无误。该押金已由原物业退还，不移交新物业；本人不再就该押金向原物业或新物业主张权利。")


class PrepaymentTransferForm(ExitSection):
    """One owner's prepayments for periods after the cut-off, moved from the outgoing company to the
    next: the owner and both companies sign."""

    title = "预收款移交确认单"
    form_no = "HD-CW-05"
    prefix = "YSYJ"

    def __init__(self, results: FeeResults, statement: OwnerStatement,
                 printed_on: dt.date | None = None) -> None:
        super().__init__(results, statement.number, statement.place, printed_on)
        self.statement = statement

    def story(self) -> list[Flowable]:
        st, s, r = styles(), self.statement, self.results
        rows = [[str(n), p.fee_item, period(p.period_start, p.period_end), format_decimal(p.amount)]
                for n, p in enumerate(s.prepayments, start=1)]
        rows.append(["", "合计", f"{len(s.prepayments)} 笔", format_decimal(s.prepaid_total)])
        confirm = [Paragraph("各方确认", st["heading"]), text(self.wording())]
        signatures = sign_block([("业主", s.owner, list(OWNER_LINES)),
                                 ("原物业（移交方）", r.from_company, list(COMPANY_LINES)),
                                 ("新物业（接收方）", r.to_company, list(COMPANY_LINES))],
                                self.frame_width, lead=confirm)
        return [*self.draft_warning(), self.parties_table((("业主", s.owner or "—"), ("房号", self.place))),
                Paragraph("预收款明细", st["heading"]), data_table(PREPAID_COLUMNS, rows, self.frame_width),
                Spacer(1, 1 * mm), text(in_words("预收款合计", s.prepaid_total)), signatures]

    def wording(self) -> str:
        total = self.statement.prepaid_total
        return (f"业主已向原物业预交上述交接基准日之后期间的费用，合计{money(total)}（{to_capital(total)}）。"
                f"业主同意由原物业将该款项移交新物业，由新物业用于抵扣上述期间的相应费用；原物业确认已移交，"
                f"新物业确认已收到。移交后业主就该款项向新物业主张权利，不再向原物业主张。")
