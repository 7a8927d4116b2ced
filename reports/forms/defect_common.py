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
from .base import escape, format_cn_date, styles
from .table import GRID_STYLE, HEAD_FILL, RULE

if TYPE_CHECKING:
    from models.services.defect_rows import DefectRow

BLANK = "&nbsp;" * 6
BLANK_DATE = f"{BLANK}年{BLANK}月{BLANK}日"
OUR_SIDE = "本公司"  # the party responsible for the paperwork when no company name is given


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
    """Two label/value pairs a line, then each `long` pair across the whole width."""
    body = styles()["cell"]
    label_w = 22 * mm
    value_w = width / 2 - label_w
    cells = [Paragraph(escape(t), body) for k, v in pairs for t in (k, v)]
    rows = [cells[i:i + 4] + [""] * (4 - len(cells[i:i + 4])) for i in range(0, len(cells), 4)]
    # Labels shaded: the first column throughout, the third only on the lines of two pairs.
    shade = [("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
             ("BACKGROUND", (2, 0), (2, len(rows) - 1), HEAD_FILL)]
    spans = []
    for k, v in long:
        spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append([Paragraph(escape(k), body), Paragraph(escape(v), body), "", ""])
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    grid = [s for s in GRID_STYLE if s[0] != "BACKGROUND"]  # no header row here: labels are shaded
    table.setStyle(TableStyle(grid + shade + spans))
    return table


def defect_pairs(d: DefectRow) -> list[tuple[str, str]]:
    """The facts every defect form repeats, in the order a clerk reads them."""
    return [("问题编号", d.number), ("问题位置", d.location or "—"),
            ("问题类别", d.category), ("严重程度", d.severity),
            ("责任方", d.responsible), ("当前状态", d.status.value),
            ("发现时间", cn_datetime(d.found_at)), ("发现人", d.found_by or "—"),
            ("通知时间", cn_datetime(d.notice_at) or "尚未通知"),
            ("整改期限", cn_date(d.deadline) or "—")]


def sign_block(columns: Sequence[tuple[str, str, Sequence[str]]], width: float,
               lead: Sequence[Flowable] = ()) -> Flowable:
    """One column per party: its role and company, then its lines (签字、盖章、日期…);
    never split over two pages, and `lead` goes with it (as base.signature_block)."""
    body, sign = styles()["body"], styles()["sign"]
    head = [Paragraph(f"{escape(role)}：<br/>{escape(name)}", body) for role, name, _ in columns]
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
