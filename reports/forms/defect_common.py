"""What the defect forms share: the defect's facts as a label/value grid, and two-party signing."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..fonts import cn_font
from .base import cell, format_cn_date, styles, text
from .table import GRID_STYLE, HEAD_FILL, PAD_X, RULE

if TYPE_CHECKING:
    from models.services.defect_rows import DefectRow

BLANK = "&nbsp;" * 6
BLANK_DATE = f"{BLANK}年{BLANK}月{BLANK}日"
OUR_SIDE = "本公司"
CHUNK_LINES = 3  # rows of a long value: at most this many lines stay free at a page's foot  # the party responsible for the paperwork when no company name is given


def cn_date(day: dt.date | dt.datetime | None) -> str:
    """2026年11月22日, or blank when the date is not set."""
    if day is None:
        return ""
    return format_cn_date(day.date() if isinstance(day, dt.datetime) else day)


def cn_datetime(at: dt.datetime | None) -> str:
    """2026年11月22日 09:30 — when the hour matters (found at, notice at: the 24 h rule)."""
    return "" if at is None else f"{cn_date(at)} {at:%H:%M}"


def facts_grid(pairs: Sequence[tuple[str, str]], width: float,
               long: Sequence[tuple[str, str]] = ()) -> Flowable:
    """Two label/value pairs a line, then each `long` pair across the whole width.

    A long value (a 10,000-character description) is cut into rows of a few lines, drawn
    as one cell: the grid may then break between them and run on over the next pages.
    """
    label_w = 22 * mm
    value_w = width / 2 - label_w
    cells = [cell(t) for k, v in pairs for t in (k, v)]
    rows: list[list[str | Flowable]] = [cells[i:i + 4] + [""] * (4 - len(cells[i:i + 4]))
                                        for i in range(0, len(cells), 4)]
    short = len(rows)
    grid = [("BOX", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL)]
    if short:  # labels shaded: the first column throughout, the third on the lines of pairs
        grid += [("INNERGRID", (0, 0), (-1, short - 1), 0.5, RULE),
                 ("BACKGROUND", (2, 0), (2, short - 1), HEAD_FILL)]
    for k, v in long:
        top = len(rows)
        chunks = cell(v).chunks(width - label_w - 2 * PAD_X, CHUNK_LINES)
        rows += [[cell(k) if i == 0 else "", c, "", ""] for i, c in enumerate(chunks)]
        grid += run_on_styles(top, len(rows) - 1)
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(TableStyle([s for s in GRID_STYLE if s[0] not in ("BACKGROUND", "GRID")]
                              + grid))
    return table


def run_on_styles(top: int, bottom: int) -> list[tuple]:
    """Rows top..bottom as one spanned cell: no rule or padding between them, text at the top."""
    return [("LINEABOVE", (0, top), (-1, top), 0.5, RULE),
            ("LINEAFTER", (0, top), (0, bottom), 0.5, RULE),
            ("VALIGN", (0, top), (-1, bottom), "TOP"),
            ("TOPPADDING", (0, top + 1), (-1, bottom), 0),
            ("BOTTOMPADDING", (0, top), (-1, bottom - 1), 0),
            *(("SPAN", (1, r), (3, r)) for r in range(top, bottom + 1))]


def defect_pairs(d: DefectRow) -> list[tuple[str, str]]:
    """The facts every defect form repeats, in the order a clerk reads them."""
    return [("问题编号", d.number), ("问题位置", d.location or "—"),
            ("问题类别", d.category.label), ("严重程度", d.severity.label),
            ("责任方", d.responsible.label), ("当前状态", d.status.label),
            ("发现时间", cn_datetime(d.found_at)), ("发现人", d.found_by or "—"),
            ("通知时间", cn_datetime(d.notice_at) or "尚未通知"),
            ("整改期限", cn_date(d.deadline) or "—")]


def sign_block(columns: Sequence[tuple[str, str, Sequence[str]]], width: float,
               lead: Sequence[Flowable] = ()) -> Flowable:
    """One column per party: its role and company, then its lines (签字、盖章、日期…);
    never split over two pages, and `lead` goes with it (as base.signature_block)."""
    sign = styles()["sign"]
    head = [text(f"{role}：\n{name}") for role, name, _ in columns]
    depth = max(len(lines) for _, _, lines in columns)
    rows = [head] + [[Paragraph(lines[i], sign) if i < len(lines) else ""
                      for _, _, lines in columns] for i in range(depth)]
    table = Table(rows, colWidths=[width / len(columns)] * len(columns))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE)]))
    return KeepTogether([*lead, Spacer(1, 8 * mm), table])


def signer_lines(name_label: str = "签字", date_label: str = "日期") -> list[str]:
    return [f"{name_label}：", "盖章：", f"{date_label}：{BLANK_DATE}"]
