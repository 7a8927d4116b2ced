"""欠费明细表 (打印欠费明细表…, `main.py print arrears`): what reports/print_commands.print_arrears does
once the results are computed (bench/results.py times fee_results) — lettered(db, ArrearsForm(results,
caption), letterhead).render(out): building summary, the lines grouped by building with 小计 and 合计,
signatures, page headers and footers — against raw ReportLab platypus writing the same lines (the
form's own cells per line, made beforehand) as one plain table: landscape A4, the same bundled font and
cell size, a grid, the header row repeated on every page (LongTables of 1,000 rows so that splitting
stays linear). Goal: ≤ 1.3×.

    python bench/arrears_pdf.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

GOAL = 1.3
CHUNK = 1_000


def raw_reportlab(header: list[str], rows: list[list[str]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    from reports.fonts import cn_font
    from reports.forms.table import CELL_SIZE

    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), cn_font()), ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
                        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))])
    width = doc.width / len(header)
    story = [LongTable([header, *rows[i:i + CHUNK]], colWidths=[width] * len(header), repeatRows=1, style=style)
             for i in range(0, len(rows), CHUNK)]
    doc.build(story)


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> common.Row:
    from models.services.fee_results import fee_results
    from reports.forms.arrears import COLUMNS, ArrearsForm
    from reports.print_commands import lettered

    folder = Path(tempfile.mkdtemp(prefix="hd-bench-pdf-"))
    try:
        with common.demo_database(size, backend) as db:
            handover_id = common.demo_handover(db)
            results = fee_results(db, handover_id)
            shape = ArrearsForm(results, results.handover_caption)
            header = [c.title for c in COLUMNS]
            rows: list[list[str]] = [shape.cells(a) for g in shape.groups for a in g.lines]
            pages: list[Any] = []

            def app() -> None:
                form = ArrearsForm(results, results.handover_caption)
                pages.append(lettered(db, form, results.letterhead).render(folder / "app.pdf"))
            row = common.measure("arrears PDF", backend, GOAL, app,
                                 lambda: raw_reportlab(header, rows, folder / "raw.pdf"), repeats, warmup=False)
            row.note = (f"{len(rows):,} lines, {pages[-1]} pages, {(folder / 'app.pdf').stat().st_size / 1e6:.1f} MB "
                        f"app; raw {(folder / 'raw.pdf').stat().st_size / 1e6:.1f} MB")
            return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
