"""The handover workbook: a 汇总 sheet, then one sheet per list with categories as outline groups.

Every derived number is a formula over the item cells, so an accountant can audit it:
the 短缺 of an item is =IF(实收="","",MAX(应交-实收,0)), a category heading counts its
items and shortfalls, and the 汇总 sheet counts and sums over each list sheet.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from models.db import Database
from models.handover import ItemCondition
from models.i18n import in_chinese
from models.queries.handover_forms import handover_lists
from models.services.checklist_rows import HandoverInfo, ItemRow, ListDetail
from models.services.handovers import get_handover

from ..progress import Progress, report
from .tab_export import export_tab
from .writer import (
    BOLD,
    FORMATS,
    HEAD_FILL,
    ExcelWriter,
    XlColumn,
    fitted_widths,
    sheet_title,
    typed_cell,
)

ITEM_COLUMNS = (
    XlColumn("序号", "int", 6), XlColumn("类别"), XlColumn("名称"), XlColumn("规格"),
    XlColumn("单位", width=6), XlColumn("应交", "int"), XlColumn("实收", "int"),
    XlColumn("短缺", "int"), XlColumn("原件/复印件", width=12), XlColumn("页数", "int"),
    XlColumn("状况", width=9), XlColumn("备注", width=40), XlColumn("核对人", width=10),
    XlColumn("核对时间", "datetime"), XlColumn("遗留问题", width=14),
)
TITLES = [c.title for c in ITEM_COLUMNS]


def letter(title: str) -> str:
    """The column letter the formulas use, found by title so the two never drift apart."""
    return get_column_letter(TITLES.index(title) + 1)


NO, EXPECTED, RECEIVED, SHORT = letter("序号"), letter("应交"), letter("实收"), letter("短缺")
CONDITION, CHECKED_AT = letter("状况"), letter("核对时间")
SUMMARY_COLUMNS = (
    XlColumn("序号", "int", 6), XlColumn("清单", width=36), XlColumn("版本", "int", 6),
    XlColumn("状态", width=8), XlColumn("签署时间", "datetime"), XlColumn("项数", "int"),
    XlColumn("已核", "int"), XlColumn("短缺项数", "int", 10), XlColumn("短缺数量", "int", 10),
    XlColumn("缺失/有缺陷", "int", 12),
)
SUMMARY_SHEET = "汇总"
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Layout:
    """Where one list's rows land on its sheet: the summary's formulas point here."""

    sheet: str
    detail: ListDetail
    groups: list[tuple[str, list[ItemRow]]]

    @property
    def last_item_row(self) -> int:
        """Row 1 is the header; each group is a heading row and its items."""
        return 1 + sum(1 + len(items) for _, items in self.groups)

    def span(self, col: str) -> str:
        """'清单'!H2:H41, the list's item area of one column (headings count as blanks)."""
        return f"{quote_sheetname(self.sheet)}!{col}2:{col}{max(self.last_item_row, 2)}"


def groups_of(detail: ListDetail) -> list[tuple[str, list[ItemRow]]]:
    by_cat: dict[str, list[ItemRow]] = {c: [] for c in detail.categories()}
    for item in detail.items:
        by_cat[item.category].append(item)
    return list(by_cat.items())


def unique_sheet_names(titles: Iterable[str], taken: Iterable[str] = (SUMMARY_SHEET,)) -> list[str]:
    """Excel's rules (31 characters, no []:*?/\\, names equal ignoring case clash), then (2), (3)…"""
    seen = {t.casefold() for t in taken}
    out = []
    for title in titles:
        part, name = 1, sheet_title(title, 1)
        while name.casefold() in seen:
            part += 1
            name = sheet_title(title, part)
        seen.add(name.casefold())
        out.append(name)
    return out


def item_values(no: int, item: ItemRow) -> list[Any]:
    """One item's row; 短缺 is left None here and written as a formula."""
    return [no, item.category, item.name, item.spec, item.uom, item.expected_qty, item.received_qty,
            None, item.original_or_copy.label, item.pages, item.condition.label, item.remarks, item.checked_by,
            item.checked_at, item.defect_number]


@in_chinese
def write_handover_workbook(out: Path, handover: HandoverInfo, details: Sequence[ListDetail],
                            progress: Progress | None = None,
                            exported_at: dt.datetime | None = None) -> int:
    """Write the workbook; returns the number of item rows written (over every list)."""
    names = unique_sheet_names(d.summary.title for d in details)
    layouts = [Layout(n, d, groups_of(d)) for n, d in zip(names, details, strict=True)]
    total = sum(len(d.items) for d in details)
    done = 0
    with ExcelWriter(out, progress) as xw:
        xw.wb.calculation.fullCalcOnLoad = True  # no cached values: compute on opening
        write_summary(xw.wb.create_sheet(SUMMARY_SHEET), handover, layouts,
                      exported_at or dt.datetime.now())
        for layout in layouts:
            write_list_sheet(xw.wb.create_sheet(layout.sheet), layout)
            done += len(layout.detail.items)
            report(progress, done, total)
    return total


# --- a list sheet ----------------------------------------------------------------------------

def prepare_sheet(ws: WriteOnlyWorksheet, columns: Sequence[XlColumn],
                  sample: Sequence[Sequence[Any]]) -> None:
    """Widths, frozen header and printed header: write-only needs them before row 1."""
    for i, width in enumerate(fitted_widths(columns, sample), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.append([head_cell(ws, c.title) for c in columns])


def head_cell(ws: WriteOnlyWorksheet, title: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, title)
    cell.font, cell.fill = BOLD, HEAD_FILL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def write_list_sheet(ws: WriteOnlyWorksheet, layout: Layout) -> None:
    rows = [item_values(n, i) for n, i in enumerate(layout.detail.items, start=1)]
    # The outline: items one level in, the heading row above them carries the +/- button.
    # Sheet properties go out with the first row, so they are set before it.
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.sheet_format.outlineLevelRow = 1
    prepare_sheet(ws, ITEM_COLUMNS, rows[:200])
    r, values = 2, iter(rows)
    for category, items in layout.groups:
        ws.append(group_row(ws, category, r + 1, r + len(items)))
        for _ in items:
            r += 1
            ws.row_dimensions[r].outlineLevel = 1  # before the row is written: it streams
            ws.append(item_cells(ws, next(values), r))
        r += 1
    last_row = layout.last_item_row
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ITEM_COLUMNS))}{last_row}"
    ws.append(total_row(ws, last_row))


def item_cells(ws: WriteOnlyWorksheet, values: list[Any], row: int) -> list[Any]:
    cells = [typed_cell(ws, v, c.kind) for v, c in zip(values, ITEM_COLUMNS, strict=True)]
    short = WriteOnlyCell(ws, f'=IF({RECEIVED}{row}="","",MAX({EXPECTED}{row}-{RECEIVED}{row},0))')
    short.number_format = FORMATS["int"]
    cells[TITLES.index("短缺")] = short
    at = TITLES.index("备注")
    if isinstance(cells[at], str):  # long remarks wrap inside the cell, as on paper
        cells[at] = WriteOnlyCell(ws, cells[at])
    if cells[at] is not None:
        cells[at].alignment = WRAP
    return cells


def group_row(ws: WriteOnlyWorksheet, category: str, first: int, last: int) -> list[Any]:
    """The category's heading: its name and a live count of its items and shortfalls."""
    count = (f'="本类 "&COUNT({NO}{first}:{NO}{last})&" 项，短缺 "'
             f'&COUNTIF({SHORT}{first}:{SHORT}{last},">0")&" 项"')
    cells: list[Any] = [None] * len(ITEM_COLUMNS)
    name = typed_cell(ws, category or "（未分类）", "text")
    for i, value in ((1, name), (2, count)):
        cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value)
        cell.font, cell.fill = BOLD, GROUP_FILL
        cells[i] = cell
    return cells


def total_row(ws: WriteOnlyWorksheet, last: int) -> list[Any]:
    """合计 under the filter range: items, checked, short items, and the shortfall quantity."""
    cells: list[Any] = [None] * len(ITEM_COLUMNS)
    qty: int | str
    if last < 2:  # no items: any range would take in the header
        text, qty = "共 0 项", 0
    else:
        text = (f'="共 "&COUNT({NO}2:{NO}{last})&" 项，已核 "'
                f'&COUNT({CHECKED_AT}2:{CHECKED_AT}{last})&" 项，短缺 "'
                f'&COUNTIF({SHORT}2:{SHORT}{last},">0")&" 项"')
        qty = f"=SUM({SHORT}2:{SHORT}{last})"
    cells[1], cells[2] = bold(ws, "合计"), bold(ws, text)
    cells[TITLES.index("短缺")] = bold(ws, qty, FORMATS["int"])
    return cells


def bold(ws: WriteOnlyWorksheet, value: Any, number_format: str | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    cell.font = Font(bold=True)
    if number_format:
        cell.number_format = number_format
    return cell


# --- the summary sheet -----------------------------------------------------------------------

def write_summary(ws: WriteOnlyWorksheet, handover: HandoverInfo, layouts: Sequence[Layout],
                  exported_at: dt.datetime) -> None:
    sample = [[1, x.detail.summary.caption, 1, "已签署", None, 1, 1, 1, 1, 1] for x in layouts]
    prepare_sheet(ws, SUMMARY_COLUMNS, sample)
    for no, x in enumerate(layouts, start=1):
        ws.append(summary_cells(ws, no, x))
    n = len(layouts)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{n + 1}"
    ws.append(summary_total(ws, n))
    ws.append([])
    for label, value in info_lines(handover, exported_at):
        ws.append([None, bold(ws, label), typed_cell(ws, value, "text")])


def summary_cells(ws: WriteOnlyWorksheet, no: int, x: Layout) -> list[Any]:
    s = x.detail.summary
    formulas = [f"=COUNT({x.span(NO)})", f"=COUNT({x.span(CHECKED_AT)})",
                f'=COUNTIF({x.span(SHORT)},">0")', f"=SUM({x.span(SHORT)})",
                f'=COUNTIF({x.span(CONDITION)},"{ItemCondition.MISSING.label}")'
                f'+COUNTIF({x.span(CONDITION)},"{ItemCondition.DEFECTIVE.label}")']
    values = [no, s.caption, s.revision, s.status.label, s.signed_at]
    cells = [typed_cell(ws, v, c.kind) for v, c in zip(values, SUMMARY_COLUMNS, strict=False)]
    for f in formulas:
        cell = WriteOnlyCell(ws, f)
        cell.number_format = FORMATS["int"]
        cells.append(cell)
    return cells


def summary_total(ws: WriteOnlyWorksheet, n: int) -> list[Any]:
    cells: list[Any] = [None, bold(ws, "合计")] + [None] * 3
    for i in range(6, len(SUMMARY_COLUMNS) + 1):
        col = get_column_letter(i)
        cells.append(bold(ws, f"=SUM({col}2:{col}{n + 1})" if n else 0, FORMATS["int"]))
    return cells


def info_lines(h: HandoverInfo, exported_at: dt.datetime) -> list[tuple[str, str]]:
    lines = [("项目", f"{h.project_name}（{h.project_code}）"), ("交接", h.caption),
             ("交接类型", h.kind.label), ("移交方", h.from_company), ("接收方", h.to_company)]
    if h.witness:
        lines.append(("监交方", h.witness))
    return lines + [("交接基准日", h.cutoff_date.isoformat()),
                    ("导出时间", exported_at.strftime("%Y-%m-%d %H:%M"))]


@in_chinese
def export_handover(db: Database, handover_id: int, out: Path,
                    progress: Progress | None = None) -> int:
    """The handover's current lists → out (.xlsx); returns the number of item rows."""
    handover = get_handover(db, handover_id)
    return write_handover_workbook(out, handover, handover_lists(db, handover_id), progress)


@in_chinese
def export_by_handover(db: Database, tab: str, handover_id: int, out: Path,
                       progress: Progress | None = None) -> int:
    """`export TAB --handover ID`: the handover workbook for the handover tab; for another tab,
    that tab's rows of the handover's project, narrowed to the handover."""
    if tab == "handover":
        return export_handover(db, handover_id, out, progress)
    handover = get_handover(db, handover_id)
    return export_tab(db, tab, handover.project_code, out, progress, handover_id=handover_id)
