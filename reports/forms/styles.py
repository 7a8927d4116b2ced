"""Named paragraph styles in the bundled font, and the text helpers forms share."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..fonts import cn_font
from .text import TextBlock

ALIGNS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
WATERMARK = colors.HexColor("#C8C8C8")


def draw_draft_mark(canvas: Canvas, page_size: tuple[float, float], mark: str) -> None:
    """A pale diagonal mark (草稿) under a page's content: a copy of a draft is never taken for the final."""
    w, h = page_size
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFillAlpha(0.35)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(35)
    canvas.setFont(cn_font(), 140)
    canvas.drawCentredString(0, -50, mark)
    canvas.restoreState()


def format_cn_date(day: dt.date) -> str:
    """2026年11月22日 — how dates are written on Chinese paperwork."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_decimal(value: Decimal | None, places: int = 2, grouping: bool = True) -> str:
    """Exact Decimal → '1,234.50' (half-up, as everywhere in the product); None → ''."""
    if value is None:
        return ""
    exact = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{exact:,.{places}f}" if grouping else f"{exact:.{places}f}"


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Named styles. wordWrap='CJK' is for ReportLab Paragraphs of fixed wording; data goes
    through TextBlock (text.py), which keeps identifiers whole."""
    font = cn_font()
    base = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("cell", base, fontSize=9, leading=11.5)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontSize=16, leading=22, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", base, fontSize=11, leading=16, spaceBefore=6,
                                  spaceAfter=3),
        "cell": cell,
        "cell_left": cell,
        "cell_center": ParagraphStyle("cell_center", cell, alignment=TA_CENTER),
        "cell_right": ParagraphStyle("cell_right", cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", cell, alignment=TA_CENTER),
        "note": ParagraphStyle("note", base, fontSize=9, leading=13),
        "sign": ParagraphStyle("sign", base, fontSize=10, leading=24),
    }


def escape(text: str) -> str:
    """Paragraph text is mini-HTML: a clerk's '<' or '&' must print as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(text: str | Flowable, align: str = "left", nowrap: bool = False) -> Flowable:
    """A table cell whose long text wraps inside the column and splits over pages.

    `nowrap`: a name or an identifier, broken only at spaces and list separators,
    printed smaller rather than cut when one is wider than the column.
    """
    if isinstance(text, Flowable):
        return text
    return TextBlock(text, styles()[f"cell_{align}"], words=nowrap, shrink=nowrap)


def text(value: str, style: str = "body") -> TextBlock:
    """A paragraph of data (a clerk's text, a name, a number) printed as typed."""
    return TextBlock(value, styles()[style])
