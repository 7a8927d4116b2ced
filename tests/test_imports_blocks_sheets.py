"""Issue 13 point 4 (nothing dropped without a word): side-by-side blocks (序号|栋号|房号|业主姓名 three times
across) are read as blocks, every row of every block; the clerk may take some blocks only; the other
sheets of a workbook are listed (hidden ones too), and a workbook split into one sheet per area
(A区…G区) is imported as one table, each row named by its sheet. The model, the command line and
the dialog; every cell accounted for. Made-up people only."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from cli_login import cli_user, signed_out
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import main
from models.errors import ValidationError
from models.imports.ledger import preview_ledger
from models.imports.places import RowRef
from models.imports.roster import import_roster, import_roster_file, preview_roster
from models.imports.sheet import ColumnMap
from models.project import Unit
from models.services import projects

BLOCK = ("序号", "栋号", "房号", "业主姓名", "联系电话")
AREAS = "ABCDEFG"
LEDGER = ("房号", "收费项目", "所属期", "应收金额", "实收金额")


def block_cells(block: int, i: int) -> list:
    return [i, f"{block}栋", f"{block}栋1单元{100 + i}", f"业主{block}-{i}", f"1390000{block}{i:03d}"]


def blocks_sheet(ws, rows: int = 5, short: int = 3) -> None:
    """A title, the header three times across (one empty column between), block 3 shorter than the rest."""
    ws.append(["翠湖园业主名册（并排打印）"])
    ws.append([*BLOCK, None] * 3)
    for i in range(1, rows + 1):
        cells: list = []
        for block in (1, 2, 3):
            cells += (block_cells(block, i) if block < 3 or i <= short else [None] * 5) + [None]
        ws.append(cells)


def blocks_book(path: Path, *, extra: bool = True) -> Path:
    wb = openpyxl.Workbook()
    blocks_sheet(wb.active)
    wb.active.title = "名册"
    if extra:
        note = wb.create_sheet("说明")
        note.append(["本表由原物业提供，数据截至 2026-06-30"])
        note.append(["联系人：王某某"])
        old = wb.create_sheet("旧名册")
        old.sheet_state = "hidden"
        old.append(["房号", "业主姓名"])
        old.append(["9栋1单元901", "旧业主"])
    wb.save(path)
    return path


def areas_book(path: Path, areas: str = AREAS, note: bool = True) -> Path:
    """One sheet per area, the same header, a 合计 under each; sheet k has 3 + k rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, area in enumerate(areas):
        ws = wb.create_sheet(f"{area}区")
        ws.append([f"{area}区业主名册"])
        ws.append(["房号", "业主姓名", "联系电话", "建筑面积"])
        for i in range(1, 4 + k):
            ws.append([f"{area}区{k + 1}栋{100 + i}", f"业主{area}{i}", f"1380000{k}{i:03d}", 80 + i])
        ws.append(["合计", None, None, sum(80 + i for i in range(1, 4 + k))])
    if note:
        wb.create_sheet("说明").append(["各区名册由物业服务中心提供"])
    wb.save(path)
    return path


# ---- side-by-side blocks ---------------------------------------------------------------------------

def test_three_blocks_across_give_every_row_of_every_block(tmp_path):
    preview = preview_roster(blocks_book(tmp_path / "blocks.xlsx"))
    assert preview.ok
    blocks = preview.header.blocks
    assert (blocks.count, blocks.taken, [blocks.name(b) for b in (1, 2, 3)]) == (
        3, (1, 2, 3), ["A–E 列", "G–K 列", "M–Q 列"])
    assert {r.number for r in preview.rows} == {f"{b}栋1单元{100 + i}" for b in (1, 2) for i in range(1, 6)} | {
        f"3栋1单元{100 + i}" for i in range(1, 4)}
    assert len(preview.rows) == 13
    row = next(r for r in preview.rows if r.number == "2栋1单元104")
    assert (int(row.row), row.owner, row.mobile, row.building) == (6, "业主2-4", "13900002004", "2栋")
    # block 3 ends two rows early: its empty part is no row, nothing skipped or invented
    assert preview.skipped == () and preview.problems == ()
    assert any(n.startswith("表头并排重复 3 次，按 3 块读取") for n in preview.notes)
    assert "重复的列" not in " ".join(preview.notes)  # a block's columns are no duplicates


def test_choosing_blocks(tmp_path):
    path = blocks_book(tmp_path / "blocks.xlsx")
    preview = preview_roster(path, ColumnMap(blocks=[1, 3]))
    assert len(preview.rows) == 8 and {r.building for r in preview.rows} == {"1栋", "3栋"}
    assert "只导入第 1、3 块，未导入第 2 块" in " ".join(preview.notes)
    assert 7 not in preview.header.imported_columns and 1 in preview.header.imported_columns
    with pytest.raises(ValidationError, match="没有第 4 块"):
        preview_roster(path, ColumnMap(blocks=[4]))


def test_a_problem_in_a_block_names_the_block_columns(tmp_path):
    path = blocks_book(tmp_path / "blocks.xlsx", extra=False)
    wb = openpyxl.load_workbook(path)
    wb.active["K6"] = "139-bad"  # block 2, Excel row 6: 联系电话
    wb.save(path)
    preview = preview_roster(path)
    assert len(preview.problems) == 1 and str(preview.problems[0]).startswith("第 6 行（G–K 列）「联系电话」：“139-bad”")
    # the row of block 1 with the same number is not marked: rows are keyed by row and block
    assert preview.problem_rows == {preview.problems[0].row}
    assert sum(1 for r in preview.rows if r.row in preview.problem_rows) == 1


def test_a_total_and_a_blank_run_belong_to_their_block(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["房号", "建筑面积", None, "房号", "建筑面积"])
    ws.append(["1栋101", 80, None, "2栋101", 90])
    ws.append([None, None, None, "2栋102", 91])
    ws.append(["1栋103", 82, None, "2栋103", 92])
    ws.append(["合计", 162, None, "合计", 270])  # block 2 states 270, its lines add up to 273
    wb.save(tmp_path / "t.xlsx")
    preview = preview_roster(tmp_path / "t.xlsx")
    assert len(preview.rows) == 5
    assert [str(s) for s in preview.skipped] == ["第 3 行（A–B 列）：空行，已跳过", "第 5 行（A–B 列）：合计行，已跳过",
                                                 "第 5 行（D–E 列）：合计行，已跳过"]
    assert [str(m) for m in preview.mismatches] == ["第 5 行（D–E 列）（合计行）「建筑面积」为 270，明细相加为 273.00"]


def test_every_cell_of_the_blocks_is_accounted_for(tmp_path):
    path = blocks_book(tmp_path / "blocks.xlsx", extra=False)
    wb = openpyxl.load_workbook(path)
    wb.active["S4"] = "备注：3栋为商铺"  # beside the blocks, no header above it
    wb.save(path)
    for chosen in (None, ColumnMap(blocks=[2])):
        preview = preview_roster(path, chosen)
        assert lost_cells(path, preview) == []
    assert preview.header.stray == {18: 1} and "S 列（没有表头，1 行有内容）" in " ".join(preview.notes)


def lost_cells(path: Path, preview) -> list[str]:
    """Every non-empty cell that the preview neither imports, nor skips, nor lists, sheet by sheet."""
    headers = {h.sheet: h for h in preview.header.headers}
    data = {(r.row.sheet if isinstance(r.row, RowRef) else "", int(r.row), getattr(r.row, "block", 0))
            for r in preview.rows}
    skipped = {(s.sheet, n, getattr(s.row, "block", 0)) for s in preview.skipped for n in s.rows}
    above = {(getattr(n, "sheet", ""), int(n)) for n, _ in preview.above}
    several = len(headers) > 1
    notes = " ".join(preview.notes)
    lost = []
    for ws in openpyxl.load_workbook(path).worksheets:
        header = headers.get(ws.title)
        if header is None:  # a sheet not taken: listed with its name
            if any(c.value is not None for row in ws.iter_rows() for c in row):
                assert f"工作表「{ws.title}」" in notes
            continue
        sheet = ws.title if several else ""
        listed = set(header.unused_columns) | set(header.stray) | set(header.duplicate_columns)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or str(cell.value).strip() == "":
                    continue
                n, c = cell.row, cell.column - 1
                block = header.blocks.block_of(c) if header.blocks else 0
                if (sheet, n) in above or header.first_row <= n <= header.last_row or c in listed:
                    continue
                if (sheet, n, block) in skipped or (sheet, n, block) in data and c in header.imported_columns:
                    continue
                lost.append(f"{ws.title}!{cell.coordinate}={cell.value!r}")
    return lost


# ---- other sheets ----------------------------------------------------------------------------------

def test_other_sheets_are_listed_hidden_ones_too(tmp_path):
    preview = preview_roster(blocks_book(tmp_path / "blocks.xlsx"))
    assert preview.header.sheet == "名册"
    assert [str(s) for s in preview.header.sheets_left_out] == [
        "工作表「说明」：2 行，表头认不出，未导入", "工作表「旧名册」（隐藏）：2 行，表头可识别（第 1 行），未导入"]
    assert "工作表「旧名册」（隐藏）：2 行，表头可识别（第 1 行），未导入" in preview.notes
    hidden = preview_roster(tmp_path / "blocks.xlsx", ColumnMap(sheets=["旧名册"]))
    assert [r.number for r in hidden.rows] == ["9栋1单元901"]  # taken when the clerk names it


def test_a_data_sheet_beside_a_note_sheet_lists_the_note_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "填写说明"  # the active sheet holds no table: the data sheet is found
    wb.active.append(["请按下表格式填写，房号须唯一"])
    data = wb.create_sheet("业主名册")
    data.append(["房号", "业主姓名"])
    data.append(["1栋1单元101", "业主甲"])
    wb.save(tmp_path / "two.xlsx")
    preview = preview_roster(tmp_path / "two.xlsx")
    assert preview.header.sheet == "业主名册" and len(preview.rows) == 1
    assert preview.notes == ("工作表「填写说明」：1 行，表头认不出，未导入",)
    assert lost_cells(tmp_path / "two.xlsx", preview) == []


def test_seven_area_sheets_import_as_one(db, tmp_path):
    path = areas_book(tmp_path / "areas.xlsx")
    one = preview_roster(path)
    assert len(one.rows) == 3 and sum("表头可识别（第 2 行），未导入" in n for n in one.notes) == 6
    preview = preview_roster(path, ColumnMap(all_sheets=True))
    assert preview.ok and len(preview.rows) == sum(3 + k for k in range(7)) == 42
    assert preview.rows_by_sheet == tuple((f"{a}区", 3 + k) for k, a in enumerate(AREAS))
    assert preview.sheets_text.startswith("「A区」3 行、「B区」4 行")
    assert [str(s) for s in preview.skipped][2] == "工作表「C区」第 8 行：合计行，已跳过"
    assert preview.mismatches == () and preview.notes == ("工作表「说明」：1 行，表头认不出，未导入",)
    assert lost_cells(path, preview) == []
    project = projects.add_project(db, "CHY", "翠湖园")
    report = import_roster(db, project.id, preview)
    assert report.summary()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 42


def test_rows_of_several_sheets_never_share_a_key(tmp_path):
    path = areas_book(tmp_path / "areas.xlsx", "AB", note=False)
    wb = openpyxl.load_workbook(path)
    wb["B区"]["C4"] = "123"  # B区 row 4: a bad phone; A区 row 4 is good
    wb["B区"]["A5"] = "A区1栋101"  # the same unit in two sheets
    wb.save(path)
    preview = preview_roster(path, ColumnMap(sheets=["A区", "B区"]))
    texts = [str(p) for p in preview.problems]
    assert any(t.startswith("工作表「B区」第 4 行「联系电话」：") for t in texts)
    assert any(t.startswith("工作表「A区」第 3 行「房号」：") and "重复" in t for t in texts)
    a4 = next(r for r in preview.rows if r.number == "A区1栋102")
    assert a4.row == 4 and a4.row not in preview.problem_rows  # A区 row 4 is not B区 row 4


def test_sheets_with_another_header_are_read_by_their_own(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "一期"
    wb.active.append(["房号", "业主姓名"])
    wb.active.append(["1栋101", "业主甲"])
    other = wb.create_sheet("二期")
    other.append(["二期名册"])
    other.append(["联系电话", "客户名称", "房间号"])
    other.append(["13800000001", "业主乙", "5栋101"])
    wb.save(tmp_path / "phases.xlsx")
    preview = preview_roster(tmp_path / "phases.xlsx", ColumnMap(all_sheets=True))
    assert [(r.number, r.owner, r.mobile) for r in preview.rows] == [("1栋101", "业主甲", ""),
                                                                      ("5栋101", "业主乙", "13800000001")]
    assert preview.header.others[0].first_row == 2 and preview.header.others[0].columns["number"] == 2
    with pytest.raises(ValidationError, match="没有工作表「三期」"):
        preview_roster(tmp_path / "phases.xlsx", ColumnMap(sheets=["三期"]))


def test_ledger_sheets_by_year_import_as_one(db, tmp_path):
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for year in (2025, 2026):
        ws = wb.create_sheet(f"{year}年")
        ws.append(LEDGER)
        ws.append(["1栋1单元101", "物业服务费", f"{year}年01月", "100.00", "100.00"])
        ws.append(["1栋1单元102", "物业服务费", f"{year}年01月", "120.00", "0.00"])
    wb.save(tmp_path / "ledger.xlsx")
    with db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use="住宅") for n in ("1栋1单元101", "1栋1单元102"))
    from models.imports.ledger import import_ledger
    preview = preview_ledger(db, handover.id, tmp_path / "ledger.xlsx", ColumnMap(all_sheets=True))
    assert preview.ok and len(preview.rows) == 4 and preview.rows_by_sheet == (("2025年", 2), ("2026年", 2))
    report = import_ledger(db, handover.id, preview)
    assert "4" in report.summary()


# ---- the command line ---------------------------------------------------------------------------------

@pytest.fixture
def signed_in(db, monkeypatch):
    signed_out(monkeypatch)
    cli_user(db, monkeypatch)


def test_command_line_sheets_and_blocks(db, signed_in, tmp_path, capsys):
    projects.add_project(db, "CHY", "翠湖园")
    areas = areas_book(tmp_path / "areas.xlsx", "ABC")
    assert main.main(["import", "roster", str(areas), "--project", "CHY", "--sheets", "A区,C区", "--db", db.url]) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 3 + 5
    assert main.main(["import", "roster", str(areas), "--project", "CHY", "--all-sheets", "--db", db.url]) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 3 + 4 + 5
    blocks = blocks_book(tmp_path / "blocks.xlsx", extra=False)
    assert main.main(["import", "roster", str(blocks), "--project", "CHY", "--blocks", "3", "--db", db.url]) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 12 + 3
    capsys.readouterr()
    assert main.main(["import", "roster", str(blocks), "--project", "CHY", "--blocks", "x", "--db", db.url]) == 1
    assert "--blocks 应写成块的序号" in capsys.readouterr().err
    assert main.main(["import", "roster", str(areas), "--project", "CHY", "--sheets", "H区", "--db", db.url]) == 1
    assert "没有工作表「H区」" in capsys.readouterr().err


def test_import_file_takes_the_map(db, tmp_path):
    projects.add_project(db, "CHY", "翠湖园")
    report = import_roster_file(db, "CHY", blocks_book(tmp_path / "b.xlsx"), ColumnMap(blocks=[1]))
    assert report.summary()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 5


def test_row_refs_sort_and_print_as_the_clerk_reads_them():
    a, b = RowRef(12, "A区", 0), RowRef(3, "C区", 2, 1, "A–E 列")
    assert a < b and sorted([b, a]) == [a, b] and a != RowRef(12, "B区", 1) and a == 12
    assert f"第 {a} 行" == "第 12 行" and a - 1 == 11 and {a: 1}[RowRef(12, "A区", 0)] == 1


# ---- the dialog -------------------------------------------------------------------------------------

@pytest.fixture
def roster_dialog(qtbot, sqlite_db, qapp):
    from gui.app import setup_application
    from gui.dialogs.roster_import import RosterImportDialog

    setup_application()
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    dialog = RosterImportDialog(sqlite_db, project.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def reload(qtbot, dialog, action) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=20000):
        action()


def choice(dialog, text: str):
    return next(dialog.layout_list.item(i) for i in range(dialog.layout_list.count())
                if dialog.layout_list.item(i).text().startswith(text))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_dialog_lists_sheets_and_blocks_and_takes_the_clerks_choice(qtbot, roster_dialog, tmp_path):
    dialog = roster_dialog
    reload(qtbot, dialog, lambda: dialog.load_file(blocks_book(tmp_path / "blocks.xlsx")))
    assert dialog.left_tabs.isTabVisible(1) and dialog.model.rowCount() == 13
    assert dialog.left_tabs.tabText(1) == "工作表与并排块（6）"  # 3 sheets, 3 blocks
    assert choice(dialog, "名册：").checkState() == Qt.CheckState.Checked
    assert choice(dialog, "旧名册（隐藏）：2 行，表头在第 1 行").checkState() == Qt.CheckState.Unchecked
    assert choice(dialog, "说明：2 行，表头认不出").checkState() == Qt.CheckState.Unchecked
    assert "工作表「说明」：2 行，表头认不出，未导入" in dialog.notes_label.text()
    assert dialog.plan_label.text().startswith("将导入 13 户") and dialog.skipped_label.text() == "无"
    reload(qtbot, dialog, lambda: choice(dialog, "第 2 块（G–K 列）").setCheckState(Qt.CheckState.Unchecked))
    assert dialog.model.rowCount() == 8 and "未导入第 2 块" in dialog.notes_label.text()
    assert choice(dialog, "第 2 块").checkState() == Qt.CheckState.Unchecked
    reload(qtbot, dialog, lambda: dialog.load_file(areas_book(tmp_path / "areas.xlsx", "ABC")))
    assert dialog.model.rowCount() == 3 and not dialog.layout_list.findItems("第 1 块", Qt.MatchFlag.MatchStartsWith)
    reload(qtbot, dialog, lambda: choice(dialog, "C区：").setCheckState(Qt.CheckState.Checked))
    assert dialog.model.rowCount() == 3 + 5
    assert "各工作表：「A区」3 行、「C区」5 行" in dialog.plan_label.text()
    assert "工作表「C区」第 8 行：合计行，已跳过" in dialog.skipped_label.text()
    assert "工作表「B区」：7 行，表头可识别（第 2 行），未导入" in dialog.notes_label.text()
    assert dialog.import_button.isEnabled()
    index = dialog.model.index(dialog.model.rowCount() - 1, 0)
    assert index.data() == "C区 7"  # the 行号 column names the sheet
    reload(qtbot, dialog, lambda: dialog.load_file(tmp_path / "areas.xlsx"))  # a new file: one sheet again
    assert dialog.model.rowCount() == 3 and choice(dialog, "C区：").checkState() == Qt.CheckState.Unchecked


def test_blocks_chosen_apply_to_every_sheet_taken(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "一区"
    blocks_sheet(wb.active)
    blocks_sheet(wb.create_sheet("二区"))
    wb.save(tmp_path / "two.xlsx")
    preview = preview_roster(tmp_path / "two.xlsx", ColumnMap(all_sheets=True, blocks=[1]))
    assert preview.rows_by_sheet == (("一区", 5), ("二区", 5))
    assert preview.problems != ()  # the same units in both sheets: each named by sheet and block
    assert str(preview.problems[0]).startswith("工作表「一区」第 3 行（A–E 列）「房号」：“1栋1单元101”在表中重复"
                                               "（工作表「一区」第 3 行（A–E 列）、工作表「二区」第 3 行（A–E 列））")
