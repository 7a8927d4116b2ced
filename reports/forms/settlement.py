"""财务结算报告: what each company owes the other at the cut-off, in figures and in 大写, with the
breakdown, the collection figures and the state of the reconciliation, signed by every party."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from models.base import DocStatus
from models.money import to_capital
from models.services.fee_rows import (
    TO_INCOMING,
    TO_OUTGOING,
    FeeResults,
)

from ..fonts import cn_font
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
from .certificate import key_value_table
from .styles import draw_draft_mark

# Widths in points of the A4 frame (510): a 大写 up to 千万 and figures up to 9,999,999.99
# stay on one line, so a settlement of real size still fits one page with its signatures.
DIRECTION_COLUMNS = (Column("项目", 166), Column("支付方向", 70, "center"),
                     Column("金额（元）", 66, "right"), Column("大写金额", 208))
FIGURE_COLUMNS = (Column("项目", 142), Column("笔数", 86, "right"),
                  Column("金额（元）", 66, "right"), Column("大写金额", 216))
WARN = colors.HexColor("#B00020")


def money(amount: Decimal) -> str:
    return format_decimal(amount)


def direction_text(direction: str) -> str:
    """The breakdown's direction as the clerk reads it; a line without one is only listed."""
    return direction or "仅列示"


def payer_sentence(net: Decimal) -> str:
    """结算结论 in words: '原物业应付新物业人民币…（¥…）' — never a negative number."""
    if not net:
        return "双方互不找付（人民币零元整）"
    payer = "原物业应付新物业" if net > 0 else "新物业应付原物业"
    return f"{payer}{to_capital(abs(net))}（¥{money(abs(net))}）"


def percent(rate: Decimal | None) -> str:
    """0.87344 → '87.34%'; no billing → '—' (a rate of nothing is not 0%)."""
    if rate is None:
        return "—"
    return f"{format_decimal(rate * 100)}%"


def overall_rate(results: FeeResults) -> Decimal | None:
    """收缴率 over every building and fee item (FeeResults.overall_rate)."""
    return results.overall_rate


class SettlementForm(FormBase):
    """One handover's settlement; a draft until signed, and marked as such on every page."""

    title = "财务结算报告"
    form_no = "HD-CW-01"

    def __init__(self, results: FeeResults, handover_caption: str = "",
                 printed_on: dt.date | None = None) -> None:
        super().__init__(results.project, handover_caption, printed_on)
        self.results = results

    @property
    def signed(self) -> bool:
        return self.results.is_signed

    def status_text(self) -> str:
        r = self.results
        revision = f"（第 {r.settlement_revision} 版）" if r.settlement_revision > 1 else ""
        if self.signed and r.signed_at is not None:
            return f"状态：已签署 {r.signed_at:%Y-%m-%d}{revision}"
        return f"状态：{self.mark}{revision}"

    @property
    def mark(self) -> str:
        """What an unsigned report is stamped with: 草稿, or 作废 for a cancelled revision."""
        return (DocStatus.CANCELLED if self.results.is_cancelled else DocStatus.DRAFT).label

    def header_lines(self) -> list[tuple[str, str]]:
        caption = f"交接：{self.handover_caption}" if self.handover_caption else ""
        return [(f"项目：{self.project_name}", f"表号：{self.form_no}"),
                (caption, self.status_text())]

    def _draw_header(self, canvas: Canvas) -> None:
        super()._draw_header(canvas)
        if not self.signed:
            self._draw_watermark(canvas)

    def _draw_watermark(self, canvas: Canvas) -> None:
        draw_draft_mark(canvas, self.page_size, self.mark)

    # ---- the story -----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        st, width = styles(), self.frame_width
        r = self.results
        out: list[Flowable] = [self.parties_table(), Spacer(1, 1 * mm), *self.warning()]
        out += [Paragraph("一、结算明细", st["heading"]),
                data_table(DIRECTION_COLUMNS, self.breakdown_rows() + self.result_rows(), width),
                Spacer(1, 1 * mm), text(self.net_formula(), "note"),
                Paragraph("二、收费情况", st["heading"])]
        # The wording and the conclusion go over with the signatures, never apart from them,
        # and they close the last table on the page of its last lines.
        lead = [Spacer(1, 1 * mm), text(self.wording()),
                text(f"结算结论：{payer_sentence(r.net_to_incoming)}。")]
        signatures = signature_block(self.parties(), width, self.signers(), self.signed_on(),
                                     lead=lead)
        return [*out, data_table(FIGURE_COLUMNS, self.figure_rows(), width, tail=signatures)]

    def parties(self) -> Parties:
        r = self.results
        return Parties(r.from_company, r.to_company, r.witness or None)

    def parties_table(self) -> Flowable:
        r = self.results
        pairs = [("移交方", r.from_company), ("接收方", r.to_company)]
        if r.witness:
            pairs.append(("监交方", r.witness))
        pairs += [("交接基准日", format_cn_date(r.cutoff)), ("对账差异", self.differences_text()),
                  ("对账台账", f"原物业 {r.lines_theirs} 行，我方 {r.lines_ours} 行")]
        return key_value_table(pairs, self.frame_width)

    def warning(self) -> list[Flowable]:
        """A boxed red line while differences are open: such a report cannot be signed."""
        n = self.results.differences_open
        if not n:
            return []
        style = styles()["heading"].clone("warning", textColor=WARN, spaceBefore=0, spaceAfter=0)
        box = Table([[Paragraph(f"尚有 {n} 项差异未处理，本报告为草稿，不能作为结算依据。", style)]],
                    colWidths=[self.frame_width])
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()),  # not Helvetica
                                 ("BOX", (0, 0), (-1, -1), 1, WARN),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        return [box]

    def breakdown_rows(self) -> list[list[str]]:
        return [[item.label + (f"（{item.note}）" if item.note else ""), direction_text(item.direction),
                 money(item.amount), to_capital(item.amount)] for item in self.results.settlement]

    def result_rows(self) -> list[list[str]]:
        r = self.results
        net = r.net_to_incoming
        return [["原物业应付新物业合计", TO_INCOMING, money(r.due_to_incoming),
                 to_capital(r.due_to_incoming)],
                ["新物业应付原物业合计", TO_OUTGOING, money(r.due_to_outgoing),
                 to_capital(r.due_to_outgoing)],
                ["结算净额（轧差后）", r.net_direction, money(abs(net)), to_capital(abs(net))]]

    def net_formula(self) -> str:
        r = self.results
        net = r.net_to_incoming
        sign = "−" if net < 0 else ""
        tail = {1: "，原物业付新物业", -1: "，即新物业付原物业", 0: "，互不找付"}
        return (f"注：净额 = 原物业应付新物业合计 − 新物业应付原物业合计 = {money(r.due_to_incoming)}"
                f" − {money(r.due_to_outgoing)} = {sign}{money(abs(net))}"
                f"{tail[(net > 0) - (net < 0)]}。")

    def figure_rows(self) -> list[list[str]]:
        r = self.results
        units = len({(a.building, a.unit) for a in r.arrears})
        handed = [d for d in r.deposits if d.is_handed_over]
        held = sum(1 for f in r.for_others if f.balance > 0)
        owed = sum(1 for f in r.for_others if f.balance < 0)
        lines: Sequence[tuple[str, str, Decimal]] = (
            ("业主欠费（归原物业）", f"{len(r.arrears)} 笔 / {units} 户", r.arrears_total),
            ("预收款（移交新物业）", f"{len(r.prepayments)} 笔", r.prepaid_total),
            ("押金：移交新物业", f"{len(handed)} 笔", r.deposits_total),
            ("押金：退还业主", f"{len(r.deposits) - len(handed)} 笔", r.deposits_refunded),
            ("代收代缴：代业主暂存（移交）", f"{held} 笔", r.for_others_total),
            ("代收代缴：业主尚欠（仅列示）", f"{owed} 笔", r.for_others_owed),
            ("抄表费用（基准日前未结）", f"{len(r.meters)} 块表", r.meters_total),
            ("基准日前应收合计", f"{len(r.rates)} 项", r.billed_total),
            ("基准日前实收合计", "", r.paid_total),
        )
        rows = [[label, count, money(amount), to_capital(amount)] for label, count, amount in lines]
        return rows + [["收缴率（实收 ÷ 应收）", "", percent(overall_rate(r)), ""]]

    def differences_text(self) -> str:
        r = self.results
        return (f"{r.differences_total} 项（已处理 {r.differences_resolved}，"
                f"未处理 {r.differences_open}）")

    def wording(self) -> str:
        who = "移交方、接收方" + ("及监交方" if self.results.witness else "")
        copies = "三" if self.results.witness else "两"
        return (f"经{who}共同核对，以上金额无误，双方按结算净额一次结清；业主欠费归移交方，"
                f"由其自行追缴（见《欠费明细表》）。本报告一式{copies}份，各方各执一份，"
                f"经各方签字盖章后生效。")

    def signers(self) -> list[str]:
        """Blank signature lines, but a date on each, once the signing is recorded.

        The system records when the report was signed, not who signed for each company:
        the names are the wet signatures, so only the date is printed (a non-breaking space
        tells signature_block the party has signed without printing a name).
        """
        return ["\u00a0"] * len(self.parties().columns()) if self.signed_on() else []

    def signed_on(self) -> dt.date | None:
        r = self.results
        return r.signed_at.date() if self.signed and r.signed_at is not None else None
