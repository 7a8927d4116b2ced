"""Many short documents in one PDF (a letter to each owner, a 确认单 for each refund): each starts on
a new page with its own header (its own 编号) and is numbered on its own, 第 x 页 共 y 页 of that
document, so a clerk can split the stack into envelopes and every page says whose it is.

Unlike HandoverListBook (a few lists, one page template each) a book here may hold thousands of
documents: one page template reads which document it is on from the break that starts it.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from ..fonts import cn_font
from ..progress import Progress, report
from .base import MARGIN_X, FormBase


class Section(FormBase):
    """One document of a book; `footer_note` (the owner's unit) prints at the foot of its pages."""

    footer_note: str = ""

    def _draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        super()._draw_footer(canvas, page, pages)
        if self.footer_note:
            canvas.saveState()
            canvas.setFont(cn_font(), 9)
            canvas.drawRightString(self.page_size[0] - MARGIN_X, 10 * mm, self.footer_note)
            canvas.restoreState()


class SectionBreak(ActionFlowable):
    """The page break before document k: the next page is drawn as k's (its header, its numbering).

    An action, run by the doc template itself: a PageBreak is a flowable the frame takes, and the
    next page has begun by the time anything after it could say whose page it is.
    """

    def __init__(self, book: SectionBook, k: int) -> None:
        super().__init__()
        self.book, self.k = book, k

    def apply(self, doc: BaseDocTemplate) -> None:
        self.book.current = self.k
        doc.handle_pageBreak()


class SectionBook(FormBase):
    """The sections in order, each from a new page; the book's own header is never drawn."""

    def __init__(self, sections: Sequence[Section], printed_on: dt.date | None = None) -> None:
        if not sections:
            raise ValueError("a book needs at least one section")
        first = sections[0]
        super().__init__(first.project_name, first.handover_caption, printed_on or first.printed_on)
        self.title = first.title
        self.sections = list(sections)
        self.current = 0
        self._starts: list[int] = []  # the first page of each section, in order

    @property
    def top_margin(self) -> float:
        return max(s.top_margin for s in self.sections)  # one frame for all: the lowest header

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for k, section in enumerate(self.sections):
            if k:
                out.append(SectionBreak(self, k))
            out += section.story()
        return out

    def render(self, out: Path | BinaryIO, progress: Progress | None = None) -> int:
        for section in self.sections:  # the office line the caller set on the book
            section.letterhead = section.letterhead or self.letterhead
        return super().render(out, progress)

    def _doc_template(self, target: Path | BinaryIO, progress: Progress | None) -> BaseDocTemplate:
        doc = super()._doc_template(target, progress)
        self.current, self._starts = 0, []
        total = len(self.sections)

        def on_page(canvas: Canvas, d: BaseDocTemplate) -> None:
            if len(self._starts) <= self.current:
                self._starts.append(d.page)
            self.sections[self.current]._draw_header(canvas)
            report(progress, self.current, total)

        doc.pageTemplates = []
        doc.addPageTemplates([PageTemplate("section", frames=[self.frame()], onPage=on_page)])
        return doc

    def _draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        k = bisect_right(self._starts, page) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else pages + 1
        self.sections[k]._draw_footer(canvas, page - self._starts[k] + 1, end - self._starts[k])
