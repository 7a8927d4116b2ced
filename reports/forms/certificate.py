"""交接确认书 (handover certificate): one page summing up every list, what is still open, and signatures."""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from models.services.checklist_rows import HandoverInfo, ItemRow, ListDetail

from ..fonts import cn_font
from .base import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    Column,
    FormBase,
    data_table,
    format_cn_date,
    signature_block,
    styles,
    text,
)
from .handover_list import parties_of

LIST_COLUMNS = (
    Column("序号", 0.5, "center"), Column("清单", 3.6), Column("版本", 0.9, "center"),
    Column("状态", 1.5, "center"), Column("项数", 0.7, "right"), Column("已核", 0.7, "right"),
    Column("短缺", 0.7, "right"), Column("问题项", 0.8, "right"),
)
OPEN_COLUMNS = (
    Column("清单", 2.9), Column("名称", 3.0), Column("应交", 0.6, "right"),
    Column("实收", 0.6, "right"), Column("情况", 0.8, "center"), Column("遗留问题", 1.6),
)
MAX_OPEN_LINES = 10
SAFETY = 3 * mm  # the frame's own rounding; better one open line fewer than a second page


def open_items(lists: Sequence[ListDetail]) -> list[tuple[str, ItemRow]]:
    """Items still short, damaged or missing, with the title of their list."""
    return [(d.summary.title, i) for d in lists for i in d.items if i.is_problem]


def height_of(story: Sequence[Flowable], width: float) -> float:
    canv = Canvas(io.BytesIO())  # some flowables measure text through a canvas
    total = 0.0
    for f in story:
        if isinstance(f, KeepTogether):  # its wrap() claims the world, to force a split
            total += height_of(f._content, width)
        else:
            total += f.wrapOn(canv, width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


class CertificateForm(FormBase):
    title = "交接确认书"
    form_no = "HD-JJ-02"

    def __init__(self, handover: HandoverInfo, lists: Sequence[ListDetail], open_defects: int,
                 printed_on: dt.date | None = None) -> None:
        """`lists`: the current version of each list; `open_defects`: defects of the
        handover not yet closed (the register's count, which the lists alone cannot know)."""
        super().__init__(handover.project_name, handover.caption, printed_on)
        self.handover = handover
        self.lists = lists
        self.open_defects = open_defects

    def story(self) -> list[Flowable]:
        """As many open items as keep the certificate on one page (measured, not guessed)."""
        room = self.page_size[1] - MARGIN_TOP - MARGIN_BOTTOM - SAFETY
        for limit in range(MAX_OPEN_LINES, 0, -1):
            if height_of(self.story_with(limit), self.frame_width) <= room:
                return self.story_with(limit)
        return self.story_with(0)  # very many lists: the open items are counted, not listed

    def story_with(self, open_lines: int) -> list[Flowable]:
        st = styles()
        return [self.parties_table(), Spacer(1, 2 * mm),
                Paragraph("一、交接清单", st["heading"]),
                data_table(LIST_COLUMNS, self.list_rows(), self.frame_width),
                Paragraph("二、未结事项", st["heading"]),
                *self.open_section(open_lines),
                # what is confirmed goes over with the signatures, if ever the page is full
                signature_block(parties_of(self.handover), self.frame_width,
                                lead=[Paragraph("三、确认", st["heading"]), text(self.wording())])]

    def parties_table(self) -> Flowable:
        h = self.handover
        pairs = [("移交方", party(h.from_company, h.from_rep)),
                 ("接收方", party(h.to_company, h.to_rep))]
        if h.witness:
            pairs.append(("监交方", party(h.witness, h.witness_rep)))
        pairs += [("交接类型", h.kind.label), ("交接基准日", format_cn_date(h.cutoff_date))]
        day = h.actual_date or h.planned_date
        if day is not None:
            pairs.append(("交接日期", format_cn_date(day)))
        return key_value_table(pairs, self.frame_width)

    def list_rows(self) -> list[list[str]]:
        rows = []
        for no, d in enumerate(self.lists, start=1):
            s = d.summary.counted(d.items)  # the items as printed (a signed list: as signed)
            rows.append([str(no), s.title, f"第 {s.revision} 版", status_line(d), str(s.total),
                         str(s.checked), str(s.shortfalls), str(s.problems)])
        return rows

    def open_section(self, lines: int) -> list[Flowable]:
        items = open_items(self.lists)
        note = styles()["note"]
        out: list[Flowable] = []
        shown = items[:lines]
        if shown:
            out.append(data_table(OPEN_COLUMNS, [open_cells(t, i) for t, i in shown],
                                  self.frame_width))
            out.append(Spacer(1, 1 * mm))
        if shown and len(items) > len(shown):
            out.append(Paragraph(f"另有 {len(items) - len(shown)} 项见各交接清单。", note))
        out.append(text(self.open_summary(len(items), bool(shown)), "note"))
        return out

    def open_summary(self, open_count: int, listed: bool) -> str:
        where = "" if listed else "（详见各交接清单）"
        text = (f"清单中短缺、缺失或有缺陷的事项共 {open_count} 项{where}" if open_count
                else "清单所列事项均已足额移交，状况完好")
        defects = (f"；本次交接登记的遗留问题尚未关闭的共 {self.open_defects} 项"
                   if self.open_defects else "；本次交接无未关闭的遗留问题")
        return f"{text}{defects}。"

    def wording(self) -> str:
        h = self.handover
        who = "移交方、接收方" + ("及监交方" if h.witness else "")
        copies = "三" if h.witness else "两"
        return (f"经{who}共同查验，双方确认上述资料、设施设备已按清单移交，清单所列数量、状况与"
                f"实际相符（短缺及有缺陷事项已在清单中注明）。遗留问题按《遗留问题清单》整改，"
                f"由责任方在约定期限内完成，接收方复验合格后销项。自交接基准日"
                f"{format_cn_date(h.cutoff_date)}起，本项目的物业管理责任由接收方承担；"
                f"此前发生的债权债务由移交方负责。本确认书一式{copies}份，各方各执一份，"
                f"经各方签字盖章后生效。")


def party(company: str, rep: str) -> str:
    return f"{company}（代表：{rep}）" if rep else company


def status_line(d: ListDetail) -> str:
    s = d.summary
    if s.signed_at is not None and s.is_final:
        return f"{s.status.label} {s.signed_at:%Y-%m-%d}"
    return s.status.label


def open_cells(title: str, item: ItemRow) -> list[str]:
    received = "" if item.received_qty is None else str(item.received_qty)
    bad = item.is_missing_or_damaged
    condition = item.condition.label if bad else f"短缺 {item.shortfall}"
    return [title, item.name, str(item.expected_qty), received, condition,
            item.defect_number or "未登记"]


def key_value_table(pairs: Sequence[tuple[str, str]], width: float) -> Flowable:
    """Two pairs a line: 移交方：… 接收方：…, the label in a narrow column."""
    cells = [text(f"{k}：") if j % 2 == 0 else text(v) for k, v in pairs for j in range(2)]
    rows = [cells[i:i + 4] + [""] * (4 - len(cells[i:i + 4])) for i in range(0, len(cells), 4)]
    label, value = 24 * mm, width / 2 - 24 * mm
    table = Table(rows, colWidths=[label, value, label, value])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table
