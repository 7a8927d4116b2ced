"""What the exit paperwork shares: both companies and the cut-off at the top, amounts in figures and
大写, the owner's signature lines, and the 草稿 mark while the settlement is not signed."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from models.base import DocStatus
from models.money import to_capital
from models.services.fee_rows import FeeResults

from ..fonts import cn_font
from .base import format_cn_date, format_decimal, styles
from .book import Section
from .certificate import key_value_table
from .defect_common import BLANK_DATE
from .styles import draw_draft_mark

WARN = colors.HexColor("#B00020")
ONE_DAY = dt.timedelta(days=1)
# What the owner writes by hand: the system prints no ID number or phone of theirs (SPEC 2).
OWNER_LINES = ("业主签字：", "身份证号后四位／联系电话：", f"日期：{BLANK_DATE}")
COMPANY_LINES = ("经办人：", "盖章：", f"日期：{BLANK_DATE}")


def money(amount: Decimal) -> str:
    return f"¥{format_decimal(amount)}"


def in_words(label: str, amount: Decimal) -> str:
    """'欠费合计：¥1,234.56（大写：人民币壹仟贰佰叁拾肆元伍角陆分）' — a total as a form states it."""
    return f"{label}：{money(amount)}（大写：{to_capital(amount)}）"


def period(start: dt.date, end: dt.date) -> str:
    return f"{format_cn_date(start)}至{format_cn_date(end)}"


class ExitSection(Section):
    """One owner's (or one refund's) document of a 退场移交, from the results as signed."""

    prefix = ""  # of the 编号: GYZ-<handover>-0001

    def __init__(self, results: FeeResults, number: int, place: str,
                 printed_on: dt.date | None = None) -> None:
        super().__init__(results.project, results.handover_caption, printed_on,
                         document_no=f"{self.prefix}-{results.handover_id}-{number:04d}")
        self.results = results
        self.place = place
        self.footer_note = f"房号：{place}"
        self.letterhead = results.letterhead  # as signed, once signed

    @property
    def signed(self) -> bool:
        return self.results.is_signed

    @property
    def next_day(self) -> dt.date:
        """The incoming company's first day: the cut-off is the outgoing company's last."""
        return self.results.cutoff + ONE_DAY

    def parties_table(self, extra: tuple[tuple[str, str], ...] = ()) -> Flowable:
        r = self.results
        return key_value_table([("原物业", r.from_company), ("新物业", r.to_company),
                                ("交接基准日", format_cn_date(r.cutoff)),
                                ("接管日期", format_cn_date(self.next_day)), *extra], self.frame_width)

    def draft_warning(self) -> list[Flowable]:
        """While the settlement is not signed its figures may still change: said in a red box."""
        if self.signed:
            return []
        style = styles()["note"].clone("exit_warning", textColor=WARN)
        box = Table([[Paragraph("财务结算尚未签署，本件金额可能变动，仅供核对，不得发出。", style)]],
                    colWidths=[self.frame_width])
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()),
                                 ("BOX", (0, 0), (-1, -1), 1, WARN),
                                 ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return [box, Spacer(1, 2 * mm)]

    def _draw_header(self, canvas: Canvas) -> None:
        super()._draw_header(canvas)
        if not self.signed:
            self._draw_mark(canvas)

    def _draw_mark(self, canvas: Canvas) -> None:
        draw_draft_mark(canvas, self.page_size, DocStatus.DRAFT.label)  # as on the settlement report
