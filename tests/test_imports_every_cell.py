"""Issue 13 (no silent change), for the shapes the importers read today: every non-empty cell of a sheet
is imported (a data row's mapped column), skipped with a reason (its row is listed), part of the title
or header, or in a column the preview lists as not imported — including a 说明 block beside the table
in columns that have no header, which was dropped without a word. All four importers; both backends
where the importer needs the database."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from xlsx_builder import KEY_HEADER, LEDGER_HEADER, ROSTER_HEADER, ledger_rows, roster_rows, write_sheet

from models.imports.checklist import preview_checklist
from models.imports.key_sheet import preview_key_sheet
from models.imports.ledger import preview_ledger
from models.imports.roster import import_roster_file, preview_roster
from models.services import projects

SIDE = "说明：本表由原物业提供"  # a note block two columns right of the table, no header above it


def with_side_block(rows: list[tuple], header_at: int) -> list[tuple]:
    """A title above, a 说明 block beside the data (one empty column between), 合计/签字 rows below."""
    width = len(rows[header_at])
    out = [tuple(r) for r in rows]
    for i in range(header_at + 1, min(header_at + 4, len(out))):
        out[i] = (*out[i], *([None] * (width - len(out[i]))), None, f"{SIDE}（{i}）")
    return out


def accounted(path: Path, preview) -> list[str]:
    """Every non-empty cell that the preview neither imports, nor skips, nor lists: should be none."""
    header = preview.header
    skipped = {n for s in preview.skipped for n in s.rows}
    data = {r.row for r in preview.rows} | {p.row for p in preview.problems}
    above = {n for n, _text in preview.above}
    listed = set(header.unused_columns) | set(header.stray) | set(header.duplicate_columns)
    imported = set(header.columns.values())
    notes = " ".join(preview.notes)
    lost = []
    ws = openpyxl.load_workbook(path).active
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or str(cell.value).strip() == "":
                continue
            n, c = cell.row, cell.column - 1
            if n in skipped or n in above or header.first_row <= n <= header.last_row:
                continue
            if n in data and (c in imported or c in listed):
                continue
            lost.append(f"{cell.coordinate}={cell.value!r}")
    # what is listed is said in words, by column letter
    for c in header.stray:
        assert f"{openpyxl.utils.get_column_letter(c + 1)} 列（没有表头" in notes
    return lost


def test_roster(tmp_path):
    rows = with_side_block([("翠湖园业主名册",), ROSTER_HEADER, *roster_rows(5)], 1)
    rows += [("合计", None, None, 450), ("制表：张三",)]
    path = write_sheet(tmp_path / "r.xlsx", rows)
    preview = preview_roster(path)
    assert accounted(path, preview) == [] and preview.header.stray == {7: 3}
    assert len(preview.rows) == 5


def test_checklist(tmp_path):
    rows = with_side_block([("消防设施移交清单",), ("序号", "名称", "数量", "单位"),
                            (1, "灭火器", 2, "具"), (2, "消火栓", 4, "个"), (3, "应急灯", 10, "盏"),
                            (4, "烟感", 30, "个")], 1)
    rows += [("注：数量以现场清点为准",), ("移交人：", None, "接收人：")]
    path = write_sheet(tmp_path / "c.xlsx", rows)
    preview = preview_checklist(path)
    assert accounted(path, preview) == [] and preview.header.stray == {5: 3}
    assert [r.name for r in preview.rows] == ["灭火器", "消火栓", "应急灯", "烟感"]


@pytest.fixture
def handover(db) -> tuple[int, int]:
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    return project.id, handover.id


def test_ledger(db, handover, tmp_path):
    _project, handover_id = handover
    roster = write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)])
    import_roster_file(db, "CHY", roster)
    numbers = ["1栋1单元101", "1栋1单元102", "1栋1单元103"]
    rows = with_side_block([("原物业收费台账",), LEDGER_HEADER, *ledger_rows(numbers)], 1)
    rows += [("合计", None, None, None, "300.00", "300.00", "0.00")]
    path = write_sheet(tmp_path / "l.xlsx", rows)
    preview = preview_ledger(db, handover_id, path)
    assert accounted(path, preview) == [] and preview.header.stray == {8: 3}
    assert len(preview.rows) == 3


def test_key_sheet(db, handover, tmp_path):
    project_id, handover_id = handover
    rows = with_side_block([("钥匙移交清单",), KEY_HEADER, ("K-1", None, "配电房", 1, "G01"),
                            ("K-2", None, "水泵房", 2, "G01"), ("K-3", None, "消防控制室", 1, "G01")], 1)
    rows += [("接收人：", None, "日期：")]
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert accounted(path, preview) == [] and preview.header.stray == {6: 3}


def test_key_sheet_with_a_count_column_per_kind(db, handover, tmp_path):
    """One row per unit, "钥匙数量" merged over 防盗门 | 室内门 | 信箱 | 合计: every count is a key set, 合计 is
    checked; a category heading and a unit with no key are listed as skipped."""
    project_id, handover_id = handover
    import_roster_file(db, "CHY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)]))
    rows = with_side_block([("钥匙移交清单",), ("房号", "钥匙数量", None, None, None, "开启部位"),
                            (None, "防盗门(把)", "室内门", "信箱", "合计", None),
                            ("一、住户钥匙",), ("1栋1单元101", 3, "2把", 1, 6, "入户"), ("1栋1单元102", 0, None, 0, 0),
                            ("1栋1单元103", 2, "两把", 0, 4)], 2)
    rows += [("合计", 5, 4, 1, 10), ("接收人：", None, "日期：")]
    path = write_sheet(tmp_path / "k.xlsx", rows, merges=["A2:A3", "B2:E2", "F2:F3"])
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert accounted(path, preview) == [] and preview.header.stray == {7: 3}
    assert preview.ok and preview.mismatches == () and sum(r.count for r in preview.rows) == 10
    assert [(s.row, s.reason) for s in preview.skipped] == [(4, "分类标题行"), (6, "没有钥匙的行"), (8, "合计行"),
                                                            (9, "签字栏")]


@pytest.mark.parametrize(("header", "fields"), [
    (("室号", "客户", "业主电话", "楼阁名称"), {"number": 0, "owner": 1, "mobile": 2, "building": 3}),
    (("铺位", "业主名称", "联系手机"), {"number": 0, "owner": 1, "mobile": 2}),
    (("物业编号", "户主"), {"number": 0, "owner": 1}),
])
def test_roster_headers_as_property_systems_write_them(tmp_path, header, fields):
    path = write_sheet(tmp_path / "r.xlsx", [header, tuple(f"x{i}" for i in range(len(header)))])
    assert dict(preview_roster(path).header.recognised) == fields


def test_ledger_headers_as_property_systems_write_them(db, handover, tmp_path):
    header = ("室号", "费用项", "应计金额", "实缴金额", "计费起始日期", "计费终止日期", "楼阁名称")
    path = write_sheet(tmp_path / "l.xlsx", [header, ("101", "物业费", "10", "10", "2026-01-01", "2026-01-31", "1栋")])
    recognised = dict(preview_ledger(db, handover[1], path).header.recognised)
    assert recognised == {"unit": 0, "fee_item": 1, "billed": 2, "paid": 3, "start": 4, "end": 5, "building": 6}


def test_a_form_numbered_beyond_its_lines_is_not_data(tmp_path):
    """A blank form numbered 1…12 with four lines filled in: rows with only their 序号 are skipped
    and listed, never read as lines with an empty name."""
    rows = [("序号", "名称", "数量", "单位"), (1, "灭火器", 2, "具"), (2, "消火栓", 4, "个"), (3, "应急灯", 10, "盏"),
            (4, "烟感", 30, "个"), *[(n,) for n in range(5, 13)]]
    path = write_sheet(tmp_path / "form.xlsx", rows)
    preview = preview_checklist(path)
    assert len(preview.rows) == 4 and preview.ok and accounted(path, preview) == []
    assert {s.reason for s in preview.skipped} == {"只有序号的空行"} and len(preview.skipped) == 8
    roster = write_sheet(tmp_path / "roster.xlsx", [("序号", *ROSTER_HEADER), (1, *roster_rows(1)[0]), (2,), (3,)])
    assert preview_roster(roster).ok and len(preview_roster(roster).skipped) == 2


def test_key_category_rows_are_headings_not_keys(db, handover, tmp_path):
    """一、设备房钥匙 over the keys of that kind made phantom keys; it is a heading, listed as skipped."""
    project_id, handover_id = handover
    rows = [KEY_HEADER, ("一、设备房钥匙",), ("K-1", None, "配电房", 1, "G01"), ("K-2", None, "水泵房", 2, "G01"),
            (None, "（二）公共门禁钥匙"), ("K-3", None, "单元门", 3, "G02")]
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert [r.tag for r in preview.rows] == ["K-1", "K-2", "K-3"] and preview.ok
    assert [(s.row, s.reason, s.detail) for s in preview.skipped] == [(2, "分类标题行", "一、设备房钥匙"),
                                                                      (5, "分类标题行", "（二）公共门禁钥匙")]
    assert accounted(path, preview) == []


# ---- ledgers as offices keep them (issue 13 point 5): every cell of the reshaped sheets --------------

LEDGER_SHAPES = {
    "arrears_only": [("欠费明细表",), ("房号", "收费项目", "计费起始", "计费截止", "欠费金额"),
                     ("1栋1单元101", "物业服务费", "2025-07-01", "2026-01-01", "1,234.50"),
                     ("1栋1单元102", "水费", "2025/7/1", "2025/8/1", "￥88"),
                     ("1栋1单元103", "物业服务费", "20250701", "20251001", "300元"),
                     ("合计", None, None, None, "1,622.50")],
    "by_item": [("收费台账",), ("房号", "业主", "所属期", "本期应收_管理费", "本期实收_管理费", "前期欠费_水费", "合计"),
                ("1栋1单元101", "业主1", "2025-07", "300", "300", None, "0"),
                ("1栋1单元102", "业主2", "2025-07", "300", "100", "40", "240"),
                ("1栋1单元103", "业主3", "2025-07", None, "-", None, None),
                ("合计", None, None, "600", "400", "40", "240")],
    "brought_forward": [("收费台账",), ("房号", "收费项目", "所属期", "前期欠费", "本期应收", "本期实收", "期末欠费"),
                        ("1栋1单元101", "物业服务费", "2025-07", "150", "300", "300", "150"),
                        ("1栋1单元102", "物业服务费", "2025-07", None, "300", "100", "200"),
                        ("1栋1单元103", "车位费", "2025-07", "-", "-", "-", "-")],
    "by_month": [("2025年欠费明细",), ("房号", "收费项目", "1月", "2月", "3月", "合计"),
                 ("1栋1单元101", "物业服务费", "100", "100", None, "200"),
                 ("1栋1单元102", "物业服务费", None, None, None, None),
                 ("1栋1单元103", "垃圾费", "10", "10", "10", "30")],
}


@pytest.mark.parametrize("shape", sorted(LEDGER_SHAPES))
def test_ledger_shapes(db, handover, tmp_path, shape):
    """Arrears-only, a column per fee item, a column per month: item and month cells are read as
    lines, 合计 and 年度 columns are listed as read only to check, a row with nothing charged is
    listed as skipped — and a 说明 block beside them is still listed as not imported."""
    _project, handover_id = handover
    import_roster_file(db, "CHY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)]))
    rows = with_side_block(LEDGER_SHAPES[shape], 1)
    path = write_sheet(tmp_path / f"{shape}.xlsx", rows)
    preview = preview_ledger(db, handover_id, path)
    width = len(LEDGER_SHAPES[shape][1])
    assert accounted(path, preview) == [] and preview.header.stray == {width + 1: 3}
    assert preview.ok, preview.refusal()
    assert {r.row for r in preview.rows} | {s.row for s in preview.skipped} >= {3, 4, 5}


# ---- side-by-side blocks and several sheets (issue 13 point 4) -----------------------------------------

def test_roster_in_blocks_beside_a_note_sheet(tmp_path):
    from test_imports_blocks_sheets import blocks_book, lost_cells

    path = blocks_book(tmp_path / "blocks.xlsx")
    preview = preview_roster(path)
    assert lost_cells(path, preview) == [] and len(preview.rows) == 13


def test_checklist_in_two_blocks_keeps_each_blocks_categories(tmp_path):
    from test_imports_blocks_sheets import lost_cells

    block = ("序号", "名称", "数量", "单位")
    rows = [("资料移交清单",), (*block, None, *block),
            ("一、竣工图纸", None, None, None, None, "二、设备资料"),
            (1, "总平面图", 1, "套", None, 1, "电梯说明书", 2, "本"),
            (2, "建筑竣工图", 3, "套", None, 2, "水泵合格证", 4, "份"),
            (3, "结构竣工图", 2, "套")]
    path = write_sheet(tmp_path / "c.xlsx", rows)
    preview = preview_checklist(path)
    assert [(r.category, r.name) for r in preview.rows] == [
        ("竣工图纸", "总平面图"), ("竣工图纸", "建筑竣工图"), ("竣工图纸", "结构竣工图"),
        ("设备资料", "电梯说明书"), ("设备资料", "水泵合格证")]
    assert lost_cells(path, preview) == []


def test_ledger_and_key_sheets_taken_together(db, handover, tmp_path):
    from test_imports_blocks_sheets import lost_cells

    from models.imports.sheet import ColumnMap

    project_id, handover_id = handover
    import_roster_file(db, "CHY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)]))
    numbers = ["1栋1单元101", "1栋1单元102", "1栋1单元103"]
    wb = openpyxl.Workbook()
    wb.active.title = "上半年"
    for row in [LEDGER_HEADER, *ledger_rows(numbers)]:
        wb.active.append(row)
    second = wb.create_sheet("下半年")
    for row in [("原物业收费台账（下半年）",), LEDGER_HEADER, *ledger_rows(numbers, period="2026年07月")]:
        second.append(row)
    second.append(("合计", None, None, None, "300.00", "300.00", "0.00"))
    wb.create_sheet("备注").append(["以上金额单位：元"])
    wb.save(tmp_path / "l.xlsx")
    preview = preview_ledger(db, handover_id, tmp_path / "l.xlsx", ColumnMap(all_sheets=True))
    assert preview.ok and len(preview.rows) == 6 and lost_cells(tmp_path / "l.xlsx", preview) == []
    keys = openpyxl.Workbook()
    keys.active.title = "设备房"
    keys.active.append(KEY_HEADER)
    keys.active.append(("K-1", None, "配电房", 1, "G01"))
    gate = keys.create_sheet("门禁")
    gate.append(KEY_HEADER)
    gate.append(("K-2", None, "东门门禁", 2, "G02"))
    keys.save(tmp_path / "k.xlsx")
    preview = preview_key_sheet(db, project_id, tmp_path / "k.xlsx", ColumnMap(sheets=["设备房", "门禁"]),
                                handover_id=handover_id)
    assert [r.opens for r in preview.rows] == ["配电房", "东门门禁"] and lost_cells(tmp_path / "k.xlsx", preview) == []
