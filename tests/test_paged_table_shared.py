"""A PagedTable's header cells, cell styles and text widths are made once and shared by every
page's table (reports/forms/table.py): the printed form must not change. The 欠费明细表 of the
small demo and of long, wrapping lines is printed both ways — with a reference table made the way
every page's table was made before — and compared page by page: the text and the pixels."""
from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageChops
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, TableStyle
from test_reports_fees import arrears, sample_results

import reports.forms.arrears as arrears_form
from bench.common import demo_handover
from models.demo import build_demo
from models.services.fee_results import fee_results
from models.services.fee_rows import FeeResults
from reports.fonts import cn_font
from reports.forms.arrears import COLUMNS, ArrearsForm, ArrearsTable
from reports.forms.styles import escape, styles
from reports.forms.table import CELL_SIZE, GRID_STYLE, PagedTable, Row, SharedCellStyle, band_styles

PRINTED = dt.date(2026, 7, 6)


class EveryPageItsOwn(PagedTable):
    """The reference: each page's table makes its header, its cell styles and its widths anew."""

    def _table_of(self, body: Sequence[Row]) -> LongTable:
        head = [Paragraph(escape(c.title), styles()["head"]) for c in self.columns]
        table = LongTable([head, *(self._row(r) for r in body)], colWidths=list(self.widths), repeatRows=1)
        aligns = [("ALIGN", (i, 1), (i, -1), c.align.upper()) for i, c in enumerate(self.columns)]
        table.setStyle(TableStyle(GRID_STYLE + aligns + band_styles(body)))
        table._body = list(body)
        return table

    def _text_width(self, value: str) -> float:
        return float(stringWidth(value, cn_font(), CELL_SIZE))


class ReferenceArrearsTable(ArrearsTable, EveryPageItsOwn):
    """ArrearsTable's shading over the reference's tables."""


def print_both(results: FeeResults, folder: Path) -> tuple[Path, Path]:
    app, reference = folder / "app.pdf", folder / "reference.pdf"
    pages = ArrearsForm(results, "进场接管", printed_on=PRINTED).render(app)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(arrears_form, "ArrearsTable", ReferenceArrearsTable)
        assert ArrearsForm(results, "进场接管", printed_on=PRINTED).render(reference) == pages
    return app, reference


def assert_same_pages(app: Path, reference: Path, folder: Path) -> int:
    with pdfplumber.open(app) as a, pdfplumber.open(reference) as b:
        texts, expected = [p.extract_text() for p in a.pages], [p.extract_text() for p in b.pages]
    assert texts == expected
    for name, pdf in (("app", app), ("reference", reference)):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / name)], check=True)
    shots = sorted(folder.glob("app-*.png"))
    assert len(shots) == len(texts) > 1
    for shot in shots:
        other = shot.with_name(shot.name.replace("app-", "reference-"))
        diff = ImageChops.difference(Image.open(shot).convert("RGB"), Image.open(other).convert("RGB"))
        assert diff.getbbox() is None, shot.name
    return len(texts)


def test_the_demo_arrears_form_prints_as_before(tmp_path: Path) -> None:
    from conftest import sqlite_database

    db = sqlite_database(tmp_path)
    try:
        build_demo(db, size="small", seed=2026)
        results = fee_results(db, demo_handover(db))
    finally:
        db.dispose()
    assert len({a.building for a in results.arrears}) > 1  # bands, 小计 and （续） leads
    app, reference = print_both(results, tmp_path)
    assert assert_same_pages(app, reference, tmp_path) > 2


def test_long_wrapping_lines_print_as_before(tmp_path: Path) -> None:
    """Names and fee items too wide for their columns (text blocks), a row split over a page."""
    long_owner = "欧阳" + "娜" * 30 + " 及其共有人 " + "王" * 40
    lines = tuple(arrears(f"{i % 3 + 1}栋", f"1单元{i}01", f"{i}.50", item="物业服务费（含公共能耗分摊）" * (i % 4))
                  for i in range(1, 80))
    results = sample_results(extra=lines)
    results = replace(results, arrears=[replace(a, owner=long_owner * (3 if i == 40 else 1))
                                        if i % 7 == 0 else a for i, a in enumerate(results.arrears)])
    app, reference = print_both(results, tmp_path)
    assert assert_same_pages(app, reference, tmp_path) > 2


def test_a_shared_cell_style_refuses_a_change() -> None:
    """A per-cell style command on a plain row would change the whole column: it is refused."""
    table = PagedTable(COLUMNS, [["1栋"] * 8], [60.0] * 8)
    built = table._table_of([["1栋"] * 8])
    shared = built._cellStyles[1][0]
    assert isinstance(shared, SharedCellStyle) and shared.fontname == cn_font()
    with pytest.raises(AttributeError):
        built.setStyle(TableStyle([("TEXTCOLOR", (0, 1), (0, 1), "red")]))
