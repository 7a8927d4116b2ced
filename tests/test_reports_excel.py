"""The shared .xlsx writer and the tab export, read back with openpyxl."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models import browse
from models.errors import ValidationError
from models.services import projects
from reports.excel.tab_export import export_tab
from reports.excel.writer import XlColumn, display_width, sheet_title, write_xlsx
from reports.progress import Cancelled

COLUMNS = [XlColumn("房号"), XlColumn("欠费金额", "money"), XlColumn("建筑面积", "area"),
           XlColumn("交接基准日", "date"), XlColumn("核对时间", "datetime"), XlColumn("备注"),
           XlColumn("期数", "int")]
ROWS = [
    ("3栋2单元1201", Decimal("1680.32"), Decimal("88.55"), dt.date(2026, 11, 22),
     dt.datetime(2026, 11, 22, 9, 30), "=1+1", 12),
    ("B座-1502", Decimal("0.01"), None, None, None, "+86 138 0000", 1),
    ("车位 B2-117", Decimal("1234567.89"), Decimal("12.50"), dt.date(2026, 1, 2), None,
     "-欠费原因：业主长期不在本地居住，联系不上", 3),
    ("储藏室 5", Decimal("-20.00"), Decimal("6.00"), None, None, "@admin", 0),
]


@pytest.fixture
def workbook(tmp_path: Path):
    out = tmp_path / "欠费明细.xlsx"
    assert write_xlsx(out, "欠费明细", COLUMNS, ROWS, totals=True) == 4
    return openpyxl.load_workbook(out)


def test_numbers_dates_and_formats_are_typed(workbook) -> None:
    ws = workbook["欠费明细"]
    assert [c.value for c in ws[1]] == ["房号", "欠费金额", "建筑面积", "交接基准日", "核对时间", "备注", "期数"]
    money, area, day, stamp, count = ws["B2"], ws["C2"], ws["D2"], ws["E2"], ws["G2"]
    assert money.data_type == "n" and Decimal(str(money.value)) == Decimal("1680.32")
    assert money.number_format == "#,##0.00" and area.number_format == "0.00"
    assert Decimal(str(ws["B4"].value)) == Decimal("1234567.89")
    assert isinstance(day.value, dt.datetime) and day.value.date() == dt.date(2026, 11, 22)
    assert day.number_format == "yyyy-mm-dd" and stamp.number_format == "yyyy-mm-dd hh:mm"
    assert stamp.value == dt.datetime(2026, 11, 22, 9, 30)
    assert count.value == 12 and count.data_type == "n"
    assert ws["C3"].value is None  # a missing area stays empty, not 0


def test_text_that_looks_like_a_formula_stays_text(workbook) -> None:
    ws = workbook["欠费明细"]
    for ref, text in (("F2", "=1+1"), ("F3", "+86 138 0000"), ("F4", "-欠费原因：业主长期不在本地居住，联系不上"),
                      ("F5", "@admin")):
        assert ws[ref].value == text and ws[ref].data_type == "s", ref
        assert ws[ref].quotePrefix  # Excel keeps it text even after the cell is edited


def test_frozen_header_filter_widths_and_totals(workbook) -> None:
    ws = workbook["欠费明细"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:G5"  # header and data; the totals row stays out of sorting
    totals = [c.value for c in ws[6]]
    assert totals[0] == "合计"
    assert totals[1] == "=SUM(B2:B5)" and totals[2] == "=SUM(C2:C5)"
    assert totals[3:] == [None, None, None, None]  # dates and counts are not summed
    assert ws["B6"].number_format == "#,##0.00"
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    # The long Chinese remark needs about two units per character; a short column stays narrow.
    assert widths["F"] >= display_width("-欠费原因：业主长期不在本地居住，联系不上")
    assert widths["G"] < widths["A"] < widths["F"]


def test_past_the_row_limit_a_sheet_continues_with_its_header(tmp_path: Path) -> None:
    rows = [(f"{i + 1}栋", Decimal(i + 1)) for i in range(10)]
    columns = [XlColumn("楼栋"), XlColumn("金额", "money")]
    out = tmp_path / "big.xlsx"
    # max_rows 6 = header + 3 rows + 小计 + 合计, standing in for Excel's 1,048,576.
    assert write_xlsx(out, "费用", columns, rows, totals=True, max_rows=6) == 10
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["费用", "费用(2)", "费用(3)", "费用(4)"]
    data = []
    for ws in wb:
        assert [c.value for c in ws[1]] == ["楼栋", "金额"] and ws.freeze_panes == "A2"
        data += [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] not in ("小计", "合计")]
    assert [r[0] for r in data] == [f"{i}栋" for i in range(1, 11)]
    last = wb["费用(4)"]
    assert last["A3"].value == "小计" and last["B3"].value == "=SUM(B2:B2)"
    assert last["A4"].value == "合计"
    assert last["B4"].value == "=SUM('费用'!B2:B4,'费用(2)'!B2:B4,'费用(3)'!B2:B4,B2:B2)"


def test_progress_can_cancel_and_no_file_is_left(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    rows = ((str(i), Decimal(i)) for i in range(5000))
    with pytest.raises(Cancelled):
        write_xlsx(tmp_path / "x.xlsx", "表", [XlColumn("号"), XlColumn("金额", "money")], rows,
                   total=5000, progress=progress)
    assert seen == [(2000, 5000)] and list(tmp_path.iterdir()) == []


def test_money_refuses_float(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_xlsx(tmp_path / "x.xlsx", "表", [XlColumn("金额", "money")], [(0.1,)])


def test_sheet_titles_are_legal() -> None:
    assert sheet_title("欠费/明细[2026]", 1) == "欠费_明细_2026_"
    assert sheet_title("很" * 40, 2) == "很" * 28 + "(2)"


@dataclass(frozen=True)
class FakeColumn:
    title: str
    kind: str


class FakeSpec:
    """Stands in for a models.browse TableSpec: columns, count and iter_rows."""

    columns = [FakeColumn("编号", "text"), FakeColumn("金额", "money"), FakeColumn("期限", "date")]

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def count(self, session, scope, filter_text="", filters=None):
        return 3

    def iter_rows(self, session, project_id, handover_id=None, filter_text="", batch=5000, filters=None):
        self.calls.append((project_id, handover_id, filter_text))
        yield from [("YL-2026-0001", Decimal("10.00"), dt.date(2026, 12, 1)),
                    ("YL-2026-0002", Decimal("2.50"), None),
                    ("YL-2026-0003", None, dt.date(2027, 1, 3))]


def test_export_tab_writes_what_the_table_yields(sqlite_db, tmp_path: Path, monkeypatch) -> None:
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    spec = FakeSpec()
    monkeypatch.setitem(browse.TABLES, "defects", spec)
    out = tmp_path / "defects.xlsx"
    progress: list[tuple[int, int]] = []
    rows = export_tab(sqlite_db, "defects", "CHY", out,
                      progress=lambda d, t: progress.append((d, t)) or True, filter_text="YL")
    assert rows == 3 and spec.calls == [(project.id, None, "YL")] and progress[-1] == (3, 3)
    ws = openpyxl.load_workbook(out)["遗留问题"]
    assert [c.value for c in ws[1]] == ["编号", "金额", "期限"]
    assert ws["B2"].number_format == "#,##0.00" and ws["B2"].data_type == "n"
    assert isinstance(ws["C2"].value, dt.datetime)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C4"
    assert ws["A5"].value == "合计" and ws["B5"].value == "=SUM(B2:B4)"


def test_export_tab_names_a_bad_tab(sqlite_db, tmp_path: Path) -> None:
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    with pytest.raises(ValidationError, match="没有名为“nope”的表格"):
        export_tab(sqlite_db, "nope", "CHY", tmp_path / "x.xlsx")
