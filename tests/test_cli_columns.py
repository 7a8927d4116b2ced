"""Issue 13 points 2 and 9 (the command line): `import checklist FILE --handover ID`, all or nothing like
the other imports, and `--map 字段=列名` / `--header-row N` for every importer, so a header the
importer does not know never dead-ends. Both backends."""
from __future__ import annotations

import datetime as dt

import pytest
from cli_login import cli_user, signed_out
from sqlalchemy import func, select
from xlsx_builder import write_sheet

import main
from models.errors import ValidationError
from models.handover import HandoverItem, HandoverList
from models.imports.checklist import preview_checklist
from models.imports.roster import preview_roster
from models.imports.sheet import ColumnMap
from models.people import Owner
from models.project import Unit
from models.services import handovers, projects

# A list as a clerk typed it: a title, a line of who made it, then a header the importer does not know.
ODD_LIST = [
    ("物业用房移交明细",),
    ("制表：张三　　日期：2026-06-30",),
    ("序", "物品", "件", "计量", "情况"),
    (1, "配电房钥匙", 2, "把", "完好"),
    (2, "消防栓扳手", 4, "个", ""),
    (3, "监控硬盘", 1, "块", "有划痕"),
]


@pytest.fixture(autouse=True)
def _signed_in(db, monkeypatch):
    signed_out(monkeypatch)
    cli_user(db, monkeypatch)


@pytest.fixture
def handover_id(db) -> int:
    project = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, project.id, "进场接管", "原物业", "本物业", dt.date(2026, 6, 30)).id


def run(db, *argv: str) -> int:
    return main.main([*argv, "--db", db.url])


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_list_with_an_unknown_header_imports_once_its_row_and_columns_are_named(db, handover_id, tmp_path,
                                                                                capsys):
    """Naming the header row and the columns by their own words; or the columns alone: the words
    the clerk gives also find the header row."""
    sheet = write_sheet(tmp_path / "用房.xlsx", ODD_LIST)
    assert run(db, "import", "checklist", str(sheet), "--handover", str(handover_id)) == 1
    assert "找不到表头" in capsys.readouterr().err and count(db, HandoverList) == 0

    argv = ["import", "checklist", str(sheet), "--handover", str(handover_id), "--header-row", "3",
            "--map", "名称=物品", "--map", "数量=件", "--map", "单位=D", "--map", "备注=情况"]
    assert run(db, *argv) == 0
    out = capsys.readouterr().out
    assert "3" in out
    with db.read() as s:
        lst = s.scalar(select(HandoverList))
        items = s.execute(select(HandoverItem.name, HandoverItem.expected_qty, HandoverItem.uom, HandoverItem.remarks)
                          .order_by(HandoverItem.seq)).all()
    assert lst.title == "物业用房移交明细" and lst.status.name == "DRAFT"
    assert [tuple(i) for i in items] == [("配电房钥匙", 2, "把", "完好"), ("消防栓扳手", 4, "个", ""),
                                         ("监控硬盘", 1, "块", "有划痕")]
    assert run(db, "import", "checklist", str(sheet), "--handover", str(handover_id), "--title", "第二张",
               "--map", "名称=物品", "--map", "数量=件") == 0
    assert count(db, HandoverItem) == 6


def test_the_checklist_import_is_all_or_nothing(db, handover_id, tmp_path, capsys):
    rows = [*ODD_LIST[:3], (1, "配电房钥匙", 2, "把", ""), (2, "消防栓扳手", "1o00个", "个", "")]
    sheet = write_sheet(tmp_path / "坏.xlsx", rows)
    argv = ["import", "checklist", str(sheet), "--handover", str(handover_id), "--header-row", "3",
            "--map", "名称=物品", "--map", "数量=件"]
    assert run(db, *argv) == 1
    err = capsys.readouterr().err
    assert "第 5 行" in err and "Traceback" not in err
    assert (count(db, HandoverList), count(db, HandoverItem)) == (0, 0)


def test_a_roster_column_is_chosen_by_name_or_by_letter(db, tmp_path, capsys):
    projects.add_project(db, "CHY", "翠湖园")
    rows = [("房号", "权利人", None, "面积"), ("1-1-101", "张三", "13800138000", 90),
            ("1-1-102", "李四", "13900139000", 88)]
    sheet = write_sheet(tmp_path / "名册.xlsx", rows)  # C has no header: it is never offered by itself
    assert run(db, "import", "roster", str(sheet), "--project", "CHY",
               "--map", "业主姓名=权利人", "--map", "联系电话=C") == 0
    with db.read() as s:
        owners = s.execute(select(Owner.name, Owner.mobile).order_by(Owner.name)).all()
    assert sorted(tuple(o) for o in owners) == [("张三", "13800138000"), ("李四", "13900139000")]
    assert count(db, Unit) == 2


@pytest.mark.parametrize(("maps", "words"), [
    (["--map", "朝向=户主"], "没有字段“朝向”"),
    (["--map", "业主姓名=业主名字"], "表头中没有“业主名字”这一列"),
    (["--map", "业主姓名"], "--map 应写成 字段=列名"),
    (["--header-row", "0"], "--header-row"),
    (["--header-row", "99"], "第 99 行不在表的前"),
])
def test_a_wrong_map_is_a_message_naming_what_is_wrong(db, tmp_path, capsys, maps, words):
    projects.add_project(db, "CHY", "翠湖园")
    sheet = write_sheet(tmp_path / "名册.xlsx", [("房号", "业主", "电话"), ("1-1-101", "张三", "13800138000")])
    assert run(db, "import", "roster", str(sheet), "--project", "CHY", *maps) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert count(db, Unit) == 0


def test_a_column_taken_by_the_clerk_feeds_only_that_field(tmp_path):
    """A column the clerk gives to a field is taken from the field that had recognised it."""
    sheet = write_sheet(tmp_path / "r.xlsx", [("房号", "业主姓名", "证件"), ("101", "张三", "110101199003071234")])
    preview = preview_roster(sheet, ColumnMap({"身份证号": "证件"}))
    assert preview.header.columns["id_number"] == 2 and preview.header.columns["owner"] == 1
    swapped = preview_roster(sheet, ColumnMap({"owner": "C"}))
    assert swapped.header.columns["owner"] == 2 and "id_number" not in swapped.header.columns


def test_a_named_header_row_is_read_even_when_nothing_in_it_is_known(tmp_path):
    sheet = write_sheet(tmp_path / "l.xlsx", ODD_LIST)
    with pytest.raises(ValidationError, match="找不到表头"):
        preview_checklist(sheet)
    preview = preview_checklist(sheet, ColumnMap({"名称": "物品", "数量": "件"}, header_row=3))
    assert preview.header.first_row == 3 and [r.name for r in preview.rows] == ["配电房钥匙", "消防栓扳手", "监控硬盘"]
    assert "制表：张三" in " ".join(t for _n, t in preview.above)


def test_import_checklist_is_a_writing_command_that_needs_a_login(db, handover_id, tmp_path, capsys, monkeypatch):
    signed_out(monkeypatch)
    sheet = write_sheet(tmp_path / "l.xlsx", ODD_LIST)
    assert run(db, "import", "checklist", str(sheet), "--handover", str(handover_id)) == 1
    assert "须登录" in capsys.readouterr().err and count(db, HandoverList) == 0


def test_the_import_dialog_takes_a_header_row_and_a_column_without_header(qtbot, db, handover_id, tmp_path):
    """The GUI side: 找不到表头 is not the end — the clerk names the header row, then maps the columns,
    a column with no header text included (offered by its letter)."""
    from gui.dialogs.checklist_import import ChecklistImportDialog

    rows = [*ODD_LIST[:2], ("序", "物品", None, "计量"), (1, "配电房钥匙", 2, "把"), (2, "消防栓扳手", 4, "个")]
    sheet = write_sheet(tmp_path / "无表头列.xlsx", rows)
    dialog = ChecklistImportDialog(db, handover_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(sheet)
    assert "找不到表头" in dialog.result_label.text() and dialog.header_row_spin.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.header_row_spin.setValue(3)
    combo = dialog.combos["name"]
    assert dialog.preview is not None and combo.findData(2) >= 0 and combo.itemText(combo.findData(2)) == "C 列"
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        combo.setCurrentIndex(combo.findData(1))  # 名称 = B「物品」
    quantity = dialog.combos["quantity"]
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        quantity.setCurrentIndex(quantity.findData(2))  # 数量 = C, no header text
    assert [(r.name, r.expected_qty) for r in dialog.preview.rows] == [("配电房钥匙", 2), ("消防栓扳手", 4)]
    assert dialog.preview.ok and dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "header_row.png"))
