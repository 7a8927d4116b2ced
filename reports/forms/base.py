"""The base every printed form uses: A4 page, header and footer, styles, data table, signatures."""
from __future__ import annotations

import datetime as dt
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as turned
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..fonts import cn_font
from ..progress import Cancelled, Progress, report
from . import header
from .styles import cell, escape, format_cn_date, format_decimal, styles, text
from .table import RULE, Column, PagedTable, data_table

__all__ = ["Column", "FormBase", "PagedTable", "Parties", "cell", "data_table", "escape",
           "format_cn_date", "format_decimal", "signature_block", "styles", "text"]

MARGIN_X = 15 * mm
MARGIN_TOP = 32 * mm  # room for the title and two header lines drawn on every page (at least)
MARGIN_BOTTOM = 18 * mm


@dataclass(frozen=True)
class Parties:
    """Company names for the signature block; witness None leaves its column out."""

    from_company: str = ""
    to_company: str = ""
    witness: str | None = None

    def columns(self) -> list[tuple[str, str]]:
        cols = [("移交方", self.from_company), ("接收方", self.to_company)]
        return cols + ([("监交方", self.witness)] if self.witness is not None else [])


def signature_block(parties: Parties, width: float, signers: Sequence[str] = (),
                    signed_on: dt.date | None = None, lead: Sequence[Flowable] = ()) -> Flowable:
    """移交方 / 接收方 / 监交方, each with 签字、盖章、日期 lines; never split over two pages.

    A document already signed (and recorded) reprints with who signed for each party,
    in the order of `parties.columns()`, and the date; otherwise the lines are blank.
    `lead` (a totals line, say) moves to the next page with the block rather than be
    parted from it; pass it here: a KeepTogether nested in another never fits anywhere.
    A form with a table passes the block as the table's `tail`, which keeps it on the
    page of the last rows.
    """
    sign = styles()["sign"]
    cols = parties.columns()
    names = list(signers) + [""] * (len(cols) - len(signers))
    blank = "&nbsp;" * 6
    unsigned = f"{blank}年{blank}月{blank}日"
    day = format_cn_date(signed_on) if signed_on else unsigned
    # The company on its own line: a long name then wraps as a whole, not as a stray character.
    cells = [[text(f"{role}：\n{name}") for role, name in cols],
             [text(f"签字：{names[i]}", "sign") for i in range(len(cols))],
             [Paragraph("盖章：", sign) for _ in cols],
             [Paragraph(f"日期：{day if names[i] else unsigned}", sign) for i in range(len(cols))]]
    table = Table(cells, colWidths=[width / len(cols)] * len(cols))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE)]))
    return KeepTogether([*lead, Spacer(1, 8 * mm), table])


class NumberedCanvas(Canvas):
    """Holds every page until save(), then draws 第 x 页 共 y 页 now that y is known."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, len(self._pages))
            super().showPage()
        super().save()


class FormBase(ABC):
    """One printed document: subclasses set title/form_no and build the story."""

    title: str = ""
    form_no: str = ""           # 表号, the same for every copy of this form, e.g. HD-YZ-01
    landscape: bool = False
    # The office's name and address (本处信息), set by the caller before render(): the first line
    # under the title on every page; "" leaves it out. Set on the instance, so every form has it
    # without changing its own header_lines().
    letterhead: str = ""

    def __init__(self, project_name: str, handover_caption: str = "",
                 printed_on: dt.date | None = None, document_no: str = "") -> None:
        self.project_name = project_name
        self.handover_caption = handover_caption
        self.printed_on = printed_on or dt.date.today()
        self.document_no = document_no  # 编号 of this one document, if it has one

    @abstractmethod
    def story(self) -> list[Flowable]:
        """The flowables below the page header: tables, notes, signatures."""

    @property
    def page_size(self) -> tuple[float, float]:
        return turned(A4) if self.landscape else A4

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * MARGIN_X

    def render(self, out: Path | BinaryIO, progress: Progress | None = None) -> int:
        """Write the PDF; returns the number of pages. A Path is replaced only when complete."""
        if not isinstance(out, Path):
            return self._build(out, progress)
        tmp = out.with_name(out.name + ".part")
        try:
            pages = self._build(tmp, progress)
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        return pages

    def _build(self, target: Path | BinaryIO, progress: Progress | None) -> int:
        doc = self._doc_template(target, progress)
        try:
            doc.build(self.story(), canvasmaker=partial(NumberedCanvas, footer=self._draw_footer))
        except Cancelled:
            raise Cancelled() from None  # drop ReportLab's layout details from the clerk's message
        return int(doc.page)

    def _doc_template(self, target: Path | BinaryIO, progress: Progress | None) -> BaseDocTemplate:
        doc = BaseDocTemplate(str(target) if isinstance(target, Path) else target,
                              pagesize=self.page_size, title=self.title, author="物业交接台",
                              # each page starts in the bundled font: no Helvetica in the PDF
                              initialFontName=cn_font(),
                              leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                              topMargin=self.top_margin, bottomMargin=MARGIN_BOTTOM)

        def on_page(canvas: Canvas, d: BaseDocTemplate) -> None:
            self._draw_header(canvas)
            report(progress, d.page, 0)  # the page count is only known at the end

        doc.addPageTemplates([PageTemplate("form", frames=[self.frame()], onPage=on_page)])
        return doc

    def frame(self) -> Frame:
        """The body of the page, below this form's header (lower when the header wraps)."""
        w, h = self.page_size
        return Frame(MARGIN_X, MARGIN_BOTTOM, w - 2 * MARGIN_X,
                     h - self.top_margin - MARGIN_BOTTOM,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def header_lines(self) -> list[tuple[str, str]]:
        """(left, right) text pairs under the title; a long left text wraps, lowering the frame."""
        lines = [(f"项目：{self.project_name}", f"表号：{self.form_no}" if self.form_no else "")]
        if self.handover_caption or self.document_no:
            caption = f"交接：{self.handover_caption}" if self.handover_caption else ""
            lines.append((caption, f"编号：{self.document_no}" if self.document_no else ""))
        return lines

    @cached_property
    def header_layout(self) -> list[header.HeaderLine]:
        office = [(self.letterhead, "")] if self.letterhead else []
        return header.layout(self.title, office + self.header_lines(), self.frame_width)

    @property
    def top_margin(self) -> float:
        """MARGIN_TOP for the usual title and two lines; more when a line wraps or a form
        adds one (钥匙借用登记表's 期间)."""
        return max(MARGIN_TOP, header.top_margin(self.header_layout))

    def _draw_header(self, canvas: Canvas) -> None:
        w, h = self.page_size
        header.draw(canvas, self.header_layout, w, h, MARGIN_X, self.top_margin)

    def _draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        w = self.page_size[0]
        canvas.saveState()
        canvas.setFont(cn_font(), 9)
        canvas.drawCentredString(w / 2, 10 * mm, f"第 {page} 页 共 {pages} 页")
        canvas.drawString(MARGIN_X, 10 * mm, f"打印日期：{format_cn_date(self.printed_on)}")
        canvas.restoreState()
