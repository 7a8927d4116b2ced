"""Every non-empty cell of a sheet is imported, skipped with a reason, or listed as a column not imported.

Sheets shaped as offices send them: a title, a two-row merged header, a 合计 row, notes and signature
rows, text amounts with thousands separators, "-" cells, formula cells (with Excel's cached value),
an extra column (安装位置) and a duplicate header. One generic walk checks all four importers: each
cell is looked up in the preview (and the report); texts are stored byte for byte.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from xlsx_builder import raw_xlsx, sheet_xml

from models.fees import LedgerLine
from models.handover import HandoverItem
from models.imports.checklist import import_checklist, preview_checklist
from models.imports.key_sheet import import_key_sheet, preview_key_sheet
from models.imports.ledger import import_ledger, preview_ledger
from models.imports.roster import import_roster, preview_roster
from models.keys import Key, KeyEvent
from models.people import Owner
from models.project import Unit
from models.services import projects


def formula(ref: str, text: str, cached: object) -> tuple[str, str]:
    return ("raw", f'<c r="{ref}"><f>{text}</f><v>{cached}</v></c>')


def merged(*refs: str) -> str:
    return f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + "</mergeCells>"


def office_sheet(path: Path, rows: list, merges: tuple[str, ...]) -> Path:
    return raw_xlsx(path, sheet_xml(rows, after=merged(*merges)))


def assert_every_cell_accounted(path: Path, preview, report: str) -> None:
    """The walk: each non-empty cell is in the header or the title above it, on a row skipped with a
    reason, in a column the preview and the report list as not imported, or imported (a preview row
    and a mapped column)."""
    sheet = openpyxl.load_workbook(path, data_only=True).active
    header = preview.header
    notes = "\n".join(preview.notes)
    title = {n for n, _ in preview.above}
    skipped = {n: s.reason for s in preview.skipped for n in s.rows}
    imported = {r.row for r in preview.rows}
    listed = set(header.unused_columns) | set(header.not_stored_columns)
    for line in sheet.iter_rows():
        for cell in line:
            if cell.value is None:
                continue
            row, column = cell.row, cell.column - 1
            if header.first_row <= row <= header.last_row or row in title:
                continue
            if row in skipped:
                assert skipped[row], cell.coordinate
                continue
            if column in listed:
                name = header.column_name(column)
                assert name in notes and name in report, (cell.coordinate, notes, report)
                continue
            assert row in imported and column in header.columns.values(), (
                f"{cell.coordinate} “{cell.value}” is neither imported, skipped nor listed")


@pytest.fixture
def desk(db):
    """A project with the units the sheets name, and a handover."""
    project = projects.add_project(db, "CHY", "翠湖园")
    with db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use="住宅") for n in ("1栋1单元101", "1栋1单元102",
                                                                                "2栋1单元101"))
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    return project.id, handover.id


# ---- 业主名册 ----------------------------------------------------------------------------------------

def roster_sheet(tmp_path: Path) -> Path:
    rows = [
        ("翠湖园业主名册（2026年6月）",),
        ("制表单位：原物业服务有限公司",),
        ("房屋信息", None, None, "业主信息", None, None, "建筑面积（m²）", "安装位置"),
        ("房号", "用途", "状态", "姓名", "联系电话", "联系电话", None, None),
        ("3栋1单元101", "住宅", "已入住", "张三（业主）", "13800138000", "13900139000", "1,118.03", "东侧"),
        ("3栋1单元102", "住宅", "空置", "李四，王五", "13800138001", None, formula("G6", "45.25*2", 90.5), "-"),
        ("3栋1单元103", "商铺", "已入住", "ｍ³公司；测试", "13800138002", None, "-", None),
        (),
        ("合计", None, None, None, None, None, "1,208.53"),
        ("注：面积以产权证为准",),
        ("制表：张三", None, None, "审核：李四"),
    ]
    return office_sheet(tmp_path / "名册.xlsx", rows, ("A1:H1", "A3:C3", "D3:F3", "G3:G4", "H3:H4"))


def test_roster_accounts_for_every_cell(db, desk, tmp_path):
    path = roster_sheet(tmp_path)
    preview = preview_roster(path)
    assert preview.ok, preview.refusal()
    assert [r.area for r in preview.rows] == [Decimal("1118.03"), Decimal("90.50"), None]
    assert not preview.mismatches
    report = import_roster(db, desk[0], preview)
    assert_every_cell_accounted(path, preview, report.summary())
    assert "重复的列：F 列「业主信息/联系电话」" in report.summary()
    with db.read() as s:
        # 李四，王五: two co-owners of 102, each as written (issue 13 point 7)
        assert set(s.scalars(select(Owner.name))) == {"张三（业主）", "李四", "王五", "ｍ³公司；测试"}


# ---- 交接清单 ----------------------------------------------------------------------------------------

def checklist_sheet(tmp_path: Path) -> Path:
    rows = [
        ("翠湖园物业资料移交清单",),
        ("移交单位：翠湖园开发公司", None, None, None, None, "日期：2026-07-01"),
        ("序号", "资料名称", "规格型号", "单位", "数量", "原件/复印件", "页数", "安装位置", "备注", "数量"),
        ("一、竣工图纸（含电子版）",),
        (1, "竣工总平面图（含电子版），A1；B2", "m³", "套", formula("E5", "1+1", 2), "原件", 12, "一层机房", "含电子版",
         2),
        (2, "给排水竣工图", None, "套", 1, "复", "-", None, None, None),
        (),
        ("二", "设备资料"),
        (3, "电梯使用说明书", "KONE 3000", "份", "1,000", "复印件", None, None, None, None),
        ("合计", None, None, None, 1003),
        ("注：以上资料均由移交方提供。",),
        ("移交人：", None, None, "接收人：", None, "监交人："),
    ]
    return office_sheet(tmp_path / "清单.xlsx", rows, ("A1:I1", "A4:I4", "A11:I11"))


def test_checklist_accounts_for_every_cell(db, desk, tmp_path):
    path = checklist_sheet(tmp_path)
    preview = preview_checklist(path)
    assert preview.ok, preview.refusal()
    assert [(r.expected_qty, r.pages) for r in preview.rows] == [(2, 12), (1, None), (1000, None)]
    assert not preview.mismatches
    result = import_checklist(db, desk[1], preview.default_title, preview)
    assert_every_cell_accounted(path, preview, result.summary())
    assert "未导入的列：H 列「安装位置」" in result.summary() and "重复的列：J 列「数量」" in result.summary()
    with db.read() as s:
        items = s.execute(select(HandoverItem.category, HandoverItem.name, HandoverItem.spec)
                          .order_by(HandoverItem.seq)).all()
    assert items[0] == ("竣工图纸（含电子版）", "竣工总平面图（含电子版），A1；B2", "m³")  # nothing rewritten


def test_checklist_dash_quantity_is_no_quantity(tmp_path):
    rows = [("名称", "数量", "单位"), ("竣工图", "-", "套"), ("设备资料", None, "份")]
    preview = preview_checklist(raw_xlsx(tmp_path / "d.xlsx", sheet_xml(rows)))
    assert [str(p) for p in preview.problems] == [
        "第 2 行「数量」：“-”不是数量：请填写数量，或留空（按 1 计）"]
    assert preview.rows[1].expected_qty == 1  # an empty cell is the list's usual 1


# ---- 钥匙表 ------------------------------------------------------------------------------------------

def key_sheet(tmp_path: Path) -> Path:
    rows = [
        ("翠湖园钥匙移交清单",),
        ("序号", "钥匙", None, "开启对象", "把数", "存放位置", None, "备注", "安装位置"),
        (None, "钥匙编号", "房间号", None, None, "柜号", "钩位", None, None),
        (1, None, "1栋1单元101", "入户门（主锁）", formula("E4", "1+1", 2), "G01", "01-01", "ｍ³；备用", "东侧"),
        (2, "K-XF-01", None, "消防控制室，北", "3把", "G01", "01-02", "含备用 1 把", None),
        (),
        ("合计", None, None, None, 5),
        ("注：钥匙由原物业移交",),
    ]
    return office_sheet(tmp_path / "钥匙.xlsx", rows, ("A1:I1", "B2:C2", "F2:G2", "A2:A3", "D2:D3", "E2:E3",
                                                       "H2:H3", "I2:I3"))


def test_key_sheet_accounts_for_every_cell(db, desk, tmp_path):
    project_id, handover_id = desk
    path = key_sheet(tmp_path)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert preview.ok, preview.refusal()
    assert [r.count for r in preview.rows] == [2, 3] and not preview.mismatches
    report = import_key_sheet(db, preview, handover_id=handover_id)
    assert_every_cell_accounted(path, preview, report.summary())
    assert "未导入的列：A 列「序号」、I 列「安装位置」" in report.summary()
    with db.read() as s:
        assert set(s.scalars(select(Key.opens))) == {"入户门（主锁）", "消防控制室，北"}
        assert "ｍ³；备用" in s.scalar(select(KeyEvent.note).join(Key).where(Key.opens == "入户门（主锁）"))


def test_a_tagless_key_sheet_imported_twice_receives_nothing_twice(db, desk, tmp_path):
    project_id, handover_id = desk
    path = key_sheet(tmp_path)
    first = import_key_sheet(db, preview_key_sheet(db, project_id, path, handover_id=handover_id),
                             handover_id=handover_id)
    assert first.tags == ("K-01-01-101-A", "K-XF-01")
    again = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert not again.rows and not again.ok
    assert [str(s) for s in again.skipped if s.reason == "已接收"] == [
        "第 4 行：已接收（即钥匙 K-01-01-101-A：同一交接、同一房屋/开启对象/格位，不重复接收），已跳过",
        "第 5 行：已接收（即钥匙 K-XF-01：同一交接、同一房屋/开启对象/格位，不重复接收），已跳过"]
    with db.read() as s:
        assert len(s.scalars(select(Key.tag)).all()) == 2  # no K-01-01-101-B at the same slot


def test_a_preview_read_before_the_first_import_is_refused_after_it(db, desk, tmp_path):
    project_id, handover_id = desk
    path = key_sheet(tmp_path)
    early = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    import_key_sheet(db, preview_key_sheet(db, project_id, path, handover_id=handover_id), handover_id=handover_id)
    with pytest.raises(Exception, match="已接收过，未导入任何数据"):
        import_key_sheet(db, early, handover_id=handover_id)


def test_key_counts_dash_and_formula_without_value(db, desk, tmp_path):
    project_id, _ = desk
    rows = [("开启对象", "数量"), ("大门", "-"), ("北门", ("raw", '<c r="B3"><f>A1*2</f></c>')), ("南门", "２")]
    preview = preview_key_sheet(db, project_id, raw_xlsx(tmp_path / "k.xlsx", sheet_xml(rows)))
    assert [str(p) for p in preview.problems] == [
        "第 2 行「数量」：“-”不是数量：请填写把数，或留空（按 1 把计）",
        ("第 3 行「数量」：公式“=A1*2”没有计算结果（文件由程序生成、未经 Excel 保存）：请在 Excel 中打开、保存后再导入，"
         "或改填数值"),
        "第 4 行「数量」：请用半角数字：“２”应写作“2”"]


# ---- 原物业收费台账 -------------------------------------------------------------------------------------

def ledger_sheet(tmp_path: Path) -> Path:
    rows = [
        ("翠湖园 2025年7月 收费明细",),
        ("房号", "业主", "收费项目", "所属期", "金额", None, None, "说明", "安装位置", "业主"),
        (None, None, None, None, "应收", "实收", "欠费", None, None, None),
        ("1栋1单元101", "董艳辉", "物业服务费", "2025年07月", "1,310.13", "-", "1,310.13", "已催缴（电话），下月；m³",
         "东侧", "董艳辉"),
        ("1栋1单元102", "彭涛洋", "物业服务费", "2025.07", formula("E5", "655.065*2", 1310.13), "1,310.13", "-",
         None, None, None),
        ("1号楼 小计", None, None, None, "2,620.26", "1,310.13", "1,310.13"),
        ("2栋1单元101", "吕杰涛", "水费", "202507", "88.00", 88, "—", "用水 31 吨", None, None),
        ("合计", None, None, None, "2,708.26", "1,398.13", "1,310.13"),
        ("说明：金额单位为元",),
        ("制表：张三", None, None, "审核：李四"),
    ]
    return office_sheet(tmp_path / "台账.xlsx", rows, ("A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2",
                                                       "H2:H3", "I2:I3", "J2:J3"))


def test_ledger_accounts_for_every_cell(db, desk, tmp_path):
    _, handover_id = desk
    path = ledger_sheet(tmp_path)
    preview = preview_ledger(db, handover_id, path)
    assert preview.ok, preview.refusal()
    assert not preview.mismatches  # their 小计 and 合计 agree with the lines
    report = import_ledger(db, handover_id, preview)
    assert_every_cell_accounted(path, preview, report.summary())
    assert "重复的列：J 列「业主」" in report.summary() and "未导入的列：I 列「安装位置」" in report.summary()
    with db.read() as s:
        remarks = list(s.scalars(select(LedgerLine.remark).order_by(LedgerLine.source_row)))
    assert remarks == ["已催缴（电话），下月；m³", "", "用水 31 吨"]  # their 说明, word for word


def test_a_total_row_that_disagrees_is_flagged_per_column(db, desk, tmp_path):
    _, handover_id = desk
    bad = [("房号", "收费项目", "所属期", "应收金额", "实收金额"),
           ("1栋1单元101", "物业服务费", "2025年07月", "100.00", "100.00"),
           ("1栋1单元102", "物业服务费", "2025年07月", "200.00", "150.00"),
           ("合计", None, None, "310.00", "250.00")]
    preview = preview_ledger(db, handover_id, raw_xlsx(tmp_path / "bad.xlsx", sheet_xml(bad)))
    assert preview.ok
    assert [str(m) for m in preview.mismatches] == ["第 4 行（合计行）「应收金额」为 310.00，明细相加为 300.00"]
    report = import_ledger(db, handover_id, preview)
    assert "合计行与明细不符：第 4 行（合计行）「应收金额」为 310.00，明细相加为 300.00" in report.summary()
