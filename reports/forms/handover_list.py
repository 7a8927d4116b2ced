"""交接清单 (handover list): items grouped by category with subtotals, totals and the signatures."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from models.base import DocStatus
from models.labels import Coded
from models.services.checklist_rows import (
    ITEM_FIELD_LABELS,
    HandoverInfo,
    ItemChange,
    ItemRow,
    ListDetail,
    ListSummary,
    tally,
)

from ..progress import Progress, report
from .base import (
    Column,
    FormBase,
    Parties,
    data_table,
    format_cn_date,
    signature_block,
    styles,
    text,
)
from .table import Band, Row

COLUMNS = (
    Column("序号", 0.55, "center", nowrap=True),
    Column("名称", 3.2),
    Column("规格", 1.5),
    Column("单位", 0.6, "center"),
    Column("应交", 0.65, "right", nowrap=True),
    Column("实收", 0.65, "right", nowrap=True),
    Column("短缺", 0.65, "right", nowrap=True),
    Column("原件/复印件", 1.1, "center"),
    Column("页数", 0.6, "right", nowrap=True),
    Column("状况", 0.8, "center"),
    Column("备注", 3.0),
)
CN_DIGITS = "零一二三四五六七八九"
CHANGE_KINDS = {"added": "新增", "removed": "删除", "changed": "修改"}


def cn_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: how group headings are numbered (一、二、…)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    if tens >= 10:
        return str(n)
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


def parties_of(handover: HandoverInfo) -> Parties:
    """The handover's companies; no witness column when there is no 监交方."""
    return Parties(handover.from_company, handover.to_company, handover.witness or None)


def status_text(summary: ListSummary) -> str:
    if summary.status is DocStatus.SIGNED and summary.signed_at is not None:
        return f"{summary.status.label}（{format_cn_date(summary.signed_at.date())}）"
    return summary.status.label


def form_title(summary: ListSummary) -> str:
    """The list's own title; an amendment says so: 补充交接清单（第 n 版）."""
    title = summary.title if "清单" in summary.title else f"{summary.title}交接清单"
    if summary.revision > 1:
        return f"{title}——补充交接清单（第 {summary.revision} 版）"
    return title


def qty(value: int | None) -> str:
    return "" if value is None else str(value)


def item_cells(no: int, item: ItemRow) -> list[str]:
    short = item.shortfall
    return [str(no), item.name, item.spec, item.uom, str(item.expected_qty), qty(item.received_qty),
            str(short) if short else "", item.original_or_copy.label, qty(item.pages), item.condition.label,
            remarks_text(item)]


def remarks_text(item: ItemRow) -> str:
    """The clerk's remarks, and on a line of its own the defect the item became
    (见遗留问题 YL-2026-0007), which then reads as one whatever the remark's length."""
    link = f"见遗留问题 {item.defect_number}" if item.defect_number else ""
    return "\n".join(t for t in (item.remarks.strip(), link) if t)


def subtotal_text(items: Sequence[ItemRow]) -> str:
    t = tally(items)
    text = f"小计：本类 {t.total} 项，短缺 {t.short} 项"
    return text + (f"，缺失/有缺陷 {t.missing_or_damaged} 项" if t.missing_or_damaged else "")


def grand_total_text(items: Sequence[ItemRow]) -> str:
    t = tally(items)
    text = f"合计：共 {t.total} 项，已核 {t.checked} 项"
    text += f"（未核 {t.total - t.checked} 项）" if t.checked < t.total else ""
    text += f"；短缺 {t.short} 项（短缺数量合计 {t.short_qty}）" if t.short else "；无短缺"
    text += f"；缺失 {t.missing} 项，有缺陷 {t.damaged} 项。" if t.missing_or_damaged else "；无缺失或有缺陷。"
    return text


def grouped_rows(detail: ListDetail) -> list[Row]:
    """A heading per category (一、物业原始资料), its items, then its subtotal line.

    序号 is the item's line in the list (as on screen, in a defect's 第 n 项 and in an
    amendment's change list), so every paper that names a line names the same one.
    """
    by_cat: dict[str, list[ItemRow]] = {c: [] for c in detail.categories()}
    for item in detail.items:
        by_cat[item.category].append(item)
    rows: list[Row] = []
    for k, (category, items) in enumerate(by_cat.items(), start=1):
        rows.append(Band(f"{cn_ordinal(k)}、{category or '（未分类）'}"))
        rows += [item_cells(item.seq, item) for item in items]
        rows.append(Band(subtotal_text(items), heading=False))
    return rows


# --- an amendment's change list ----------------------------------------------------------------

def change_columns(amended_revision: int) -> tuple[Column, ...]:
    return (Column("本版序号", 0.9, "center"), Column(f"第 {amended_revision} 版序号", 1.1, "center"),
            Column("变更", 0.6, "center"), Column("类别", 1.8), Column("名称", 3.0), Column("变更内容", 7.0))


def plain(value: object) -> str:
    if isinstance(value, Coded):  # 状况, 原件/复印件: the words, not the code
        value = value.label
    return "（空）" if value in (None, "") else str(value)


def change_text(change: ItemChange) -> str:
    """实收数量 2 → 1；状况 完好 → 缺失 (what changed on the line, field by field)."""
    return "；".join(f"{ITEM_FIELD_LABELS.get(k, k)} {plain(a)} → {plain(b)}"
                    for k, (a, b) in change.changes.items())


def change_cells(change: ItemChange) -> list[str]:
    return [qty(change.new_seq), qty(change.old_seq), CHANGE_KINDS.get(change.kind, change.kind),
            change.category, change.name, change_text(change)]


def changes_section(detail: ListDetail, width: float, signatures: Flowable) -> list[Flowable]:
    """与第 N 版相比的变更: what the signatures of an amendment sign for, line by line."""
    amended = detail.summary.revision - 1
    heading = f"与第 {amended} 版相比的变更"
    if not detail.changes:
        return [Paragraph(f"{heading}：无（与第 {amended} 版相同）。", styles()["heading"]),
                signatures]
    # The heading goes to the next page with the table rather than stay alone at a page's foot.
    style = ParagraphStyle("changes_heading", styles()["heading"], keepWithNext=1)
    return [Paragraph(f"{heading}（共 {len(detail.changes)} 项）", style),
            data_table(change_columns(amended), [change_cells(c) for c in detail.changes], width,
                       tail=signatures)]


class HandoverListForm(FormBase):
    """One list (or one revision of it); signed lists reprint with who signed and when."""

    form_no = "HD-JJ-01"
    landscape = True  # eleven columns, and names and remarks need room to stay on one line

    def __init__(self, detail: ListDetail, printed_on: dt.date | None = None) -> None:
        super().__init__(detail.handover.project_name, detail.handover.caption, printed_on)
        self.detail = detail
        self.title = form_title(detail.summary)

    def header_lines(self) -> list[tuple[str, str]]:
        return [(f"项目：{self.project_name}", f"表号：{self.form_no}"),
                (f"交接：{self.handover_caption}", f"状态：{status_text(self.detail.summary)}")]

    def story(self) -> list[Flowable]:
        items, width = self.detail.items, self.frame_width
        # The totals go over with the signatures: a page of signatures alone would say
        # nothing about what was signed for; and the signatures close the last table,
        # on the page of its last rows.
        totals = [Spacer(1, 3 * mm), text(grand_total_text(items)),
                  Paragraph(self.note(), styles()["note"])]
        signatures = signature_block(parties_of(self.detail.handover), width, *self.signed(),
                                     lead=totals)
        amended = self.detail.summary.amends_id is not None
        tail = signatures if items and not amended else None
        out: list[Flowable] = [data_table(COLUMNS, grouped_rows(self.detail), width, tail=tail)]
        if not items:
            out.append(Paragraph("本清单尚无条目。", styles()["body"]))
        if amended:
            out += changes_section(self.detail, width, signatures)
        elif tail is None:
            out.append(signatures)
        return out

    def note(self) -> str:
        text = "注：短缺 = 应交 − 实收；实收为空表示尚未核对。"
        if self.detail.summary.amends_id is not None:
            text += "本补充清单经各方签署后，替代所补充的上一版本。"
        return text

    def signed(self) -> tuple[list[str], dt.date | None]:
        s = self.detail.summary
        if s.status is not DocStatus.SIGNED or s.signed_at is None:
            return [], None
        names = [s.signed_from, s.signed_to] + ([s.signed_witness]
                                                if self.detail.handover.witness else [])
        return names, s.signed_at.date()


class HandoverListBook(FormBase):
    """Several lists in one PDF: each starts on a new page with its own header and signatures,
    and is numbered on its own (第 x 页 共 y 页 of that list), as each is signed on its own."""

    landscape = True
    title = "交接清单"

    def __init__(self, details: Sequence[ListDetail], printed_on: dt.date | None = None) -> None:
        if not details:
            raise ValueError("a book needs at least one list")
        first = details[0].handover
        super().__init__(first.project_name, first.caption, printed_on)
        self.forms = [HandoverListForm(d, printed_on) for d in details]
        self._page_form: list[int] = []  # which list each page belongs to, in page order

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for k, form in enumerate(self.forms):
            if k:
                out += [NextPageTemplate(f"list{k}"), PageBreak()]
            out += form.story()
        return out

    def _doc_template(self, target: Path | BinaryIO, progress: Progress | None) -> BaseDocTemplate:
        doc = super()._doc_template(target, progress)
        self._page_form = []

        def on_page(k: int, canvas: Canvas, d: BaseDocTemplate) -> None:
            self._page_form.append(k)
            self.forms[k]._draw_header(canvas)
            report(progress, d.page, 0)

        doc.pageTemplates = []
        # Each list's own frame: a list whose title wraps starts its rows lower.
        doc.addPageTemplates([PageTemplate(f"list{k}", frames=[form.frame()],
                                           onPage=partial(on_page, k))
                              for k, form in enumerate(self.forms)])
        return doc

    def _draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        k = self._page_form[page - 1]
        own = [i for i, f in enumerate(self._page_form, start=1) if f == k]
        self.forms[k]._draw_footer(canvas, own.index(page) + 1, len(own))
