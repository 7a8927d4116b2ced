"""告业主书: at a 退场移交, the letter to one owner saying who manages the estate from when, and
what of theirs is settled how — arrears (still owed to the outgoing company), prepayments and
deposits (handed to the next company, or refunded) — in figures and in 大写."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from models.services.exit_letters import OwnerStatement
from models.services.fee_rows import FeeResults

from .base import Column, data_table, format_cn_date, format_decimal, styles, text
from .defect_common import sign_block
from .exit_common import ExitSection, in_words, period

ARREARS_COLUMNS = (Column("收费项目", 2.2), Column("所属期间", 3.2, "center", nowrap=True),
                   Column("欠费金额（元）", 1.6, "right", nowrap=True))
PREPAID_COLUMNS = (Column("收费项目", 2.2), Column("预交期间（交接基准日后）", 3.2, "center", nowrap=True),
                   Column("预收金额（元）", 1.6, "right", nowrap=True))
DEPOSIT_COLUMNS = (Column("押金项目", 1.5), Column("收取日期", 1.5, "center", nowrap=True),
                   Column("金额（元）", 1.2, "right", nowrap=True), Column("处理", 1.3, "center"),
                   Column("说明", 2.0))


class OwnerLetterForm(ExitSection):
    title = "告业主书"
    form_no = "HD-CW-03"
    prefix = "GYZ"

    def __init__(self, results: FeeResults, statement: OwnerStatement,
                 printed_on: dt.date | None = None) -> None:
        super().__init__(results, statement.number, statement.place, printed_on)
        self.statement = statement

    def story(self) -> list[Flowable]:
        st, s, r = styles(), self.statement, self.results
        owner = f"业主{s.owner}" if s.owner else "业主"
        out: list[Flowable] = [*self.draft_warning(), text(f"尊敬的{s.place}{owner}：", "heading"),
                               text(self.opening()), Spacer(1, 1 * mm), self.parties_table(),
                               Paragraph("一、欠费（交接基准日前，归原物业）", st["heading"]),
                               *self.arrears_part(),
                               Paragraph("二、预收款（移交新物业）", st["heading"]),
                               *self.prepaid_part(),
                               Paragraph("三、押金", st["heading"]), *self.deposit_part()]
        closing = [Paragraph("四、联系方式", st["heading"]), text(self.contact()), text("特此告知。")]
        day = f"日期：{format_cn_date(self.printed_on)}"
        return [*out, sign_block([("原物业", r.from_company, ["盖章：", day]),
                                  ("新物业", r.to_company, ["盖章：", day])], self.frame_width, lead=closing)]

    def opening(self) -> str:
        r = self.results
        return (f"{r.from_company}（以下简称“原物业”）在{r.project}的物业服务至交接基准日"
                f"{format_cn_date(r.cutoff)}止，自{format_cn_date(self.next_day)}起由{r.to_company}"
                f"（以下简称“新物业”）为本项目提供物业服务。现将截至交接基准日"
                f"您名下房屋的费用情况及其移交安排告知如下，请您核对：")

    def arrears_part(self) -> list[Flowable]:
        s = self.statement
        if not s.arrears:
            return [text("截至交接基准日，您没有欠费。")]
        rows = [[a.fee_item, period(a.period_start, a.period_end), format_decimal(a.amount)] for a in s.arrears]
        rows.append(["合计", f"{len(s.arrears)} 笔", format_decimal(s.arrears_total)])
        return [self.table(ARREARS_COLUMNS, rows, [
            text(in_words("欠费合计", s.arrears_total)),
            text("上述欠费为交接基准日（含）以前的费用，归原物业所有，不随物业服务移交，请您向原物业缴清。"
                 "物业服务企业更替，不免除业主的缴费义务。", "note")])]

    def prepaid_part(self) -> list[Flowable]:
        s = self.statement
        if not s.prepayments:
            return [text("您没有交接基准日之后期间的预交费用。")]
        rows = [[p.fee_item, period(p.period_start, p.period_end), format_decimal(p.amount)]
                for p in s.prepayments]
        rows.append(["合计", f"{len(s.prepayments)} 笔", format_decimal(s.prepaid_total)])
        return [self.table(PREPAID_COLUMNS, rows, [
            text(in_words("预收款合计", s.prepaid_total)),
            text("上述款项为您向原物业预交的交接基准日之后期间的费用，已由原物业移交新物业，"
                 "用于抵扣相应期间的费用，您无需重复缴纳。", "note")])]

    def deposit_part(self) -> list[Flowable]:
        s = self.statement
        if not s.deposits:
            return [text("您没有由原物业收取、尚未退还的押金。")]
        rows = [[d.fee_item, format_cn_date(d.received_on), format_decimal(d.amount),
                 "移交新物业" if d.is_handed_over else "已退还业主", d.note] for d in s.deposits]
        totals: list[Flowable] = []
        if s.handed_over:
            totals += [text(in_words("移交新物业的押金合计", s.deposits_handed_total)),
                       text("移交的押金由新物业保管，日后由新物业按原约定办理退还。", "note")]
        if s.refunded:
            totals.append(text(in_words("已退还您的押金合计", s.deposits_refunded_total)))
        return [self.table(DEPOSIT_COLUMNS, rows, totals)]

    def table(self, columns: Sequence[Column], rows: list[list[str]], totals: list[Flowable]) -> Flowable:
        """The lines, closed by their totals in figures and 大写 on the page of the last lines."""
        return data_table(columns, rows, self.frame_width, tail=KeepTogether(totals))

    def contact(self) -> str:
        r = self.results
        office = self.letterhead or r.from_company
        return (f"如对上述金额有异议，请持缴费凭证与原物业联系核对（{office}）；"
                f"{format_cn_date(self.next_day)}起的日常物业服务请联系新物业（{r.to_company}）。")
