"""The checklist import dialog: preview a clerk's sheet, see its problems, name the list, import."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from test_imports_checklist import HEADER, clerk_sheet
from xlsx_builder import write_sheet

from gui.app import register_font
from gui.dialogs.checklist_import import ChecklistImportDialog
from gui.dialogs.checklist_preview_model import ChecklistPreviewModel
from gui.dialogs.preview_model import RowRole
from models.handover import HandoverItem, HandoverList
from models.services import projects

# The offscreen platform says so on every show(); it is the test platform talking, not our code.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="session")
def chinese_font(qapp):
    return register_font(qapp)


def open_dialog(qtbot, db, chinese_font) -> ChecklistImportDialog:
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "承接查验", "翠湖园开发公司", "安居物业", dt.date(2025, 7, 1))
    dialog = ChecklistImportDialog(db, handover.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: ChecklistImportDialog, path: Path) -> None:
    """The preview runs in a worker; wait for it."""
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(path)


def count(db, table) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(table))


def cell(dialog: ChecklistImportDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def test_preview_name_and_import(qtbot, db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, db, chinese_font)
    assert not dialog.import_button.isEnabled()
    load(qtbot, dialog, clerk_sheet(tmp_path))
    assert dialog.model.rowCount() == 4 and dialog.problem_list.count() == 0
    assert [cell(dialog, 0, c) for c in (0, 1, 2, 5, 6)] == ["5", "竣工图纸", "竣工总平面图", "2", "原件"]
    assert cell(dialog, 2, ChecklistPreviewModel.CATEGORY) == "设备资料"
    assert dialog.title_edit.text() == "翠湖园物业承接查验资料移交清单"
    assert "第 11 行：合计行" in dialog.skipped_label.text()
    assert dialog.states["name"].text() == "自动识别" and dialog.states["category"].text() == "未识别"
    dialog.grab().save("/tmp/checklist_import.png")
    qtbot.keyClicks(dialog.title_edit, " 2025")  # QTest types ASCII only
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.checklist_imported, timeout=15000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "2 类 4 项" in dialog.result_label.text() and not dialog.import_button.isEnabled()
    with db.read() as s:
        checklist = s.get(HandoverList, blocker.args[0])
        assert checklist.title == "翠湖园物业承接查验资料移交清单 2025"
        assert [i.name for i in checklist.items] == ["竣工总平面图", "建筑竣工图", "电梯使用说明书", "消防验收报告"]


def test_bad_rows_are_highlighted_and_nothing_is_imported(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    rows = [HEADER, ("一、竣工图纸",), (1, "竣工总平面图", None, "套", 1), (2, "给排水竣工图", None, "套", "1o00"),
            (3, None, None, "套", 2)]
    load(qtbot, dialog, write_sheet(tmp_path / "bad.xlsx", rows))
    assert dialog.model.rowCount() == 3 and dialog.problem_list.count() == 2
    assert not dialog.import_button.isEnabled()
    bad = dialog.model.index(1, ChecklistPreviewModel.QUANTITY)
    assert bad.data() == "1o00" and bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.problem_list.item(1).text() == "第 5 行「名称」：不能为空"
    dialog.on_problem_activated(dialog.problem_list.item(1))
    assert dialog.model.index(dialog.table.currentIndex().row(), 0).data(RowRole).row == 5
    dialog.grab().save("/tmp/checklist_import_bad.png")
    assert count(sqlite_db, HandoverItem) == 0


def test_mapping_an_unrecognised_column(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    load(qtbot, dialog, write_sheet(tmp_path / "钥匙.xlsx", [("序号", "移交物品", "数量"), (1, "配电房钥匙", 3)]))
    assert dialog.states["name"].text() == "未识别" and not dialog.import_button.isEnabled()
    assert "找不到这一列" in dialog.problem_list.item(0).text()
    combo = dialog.combos["name"]
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        combo.setCurrentIndex(combo.findData(1))  # B 列「移交物品」
    assert dialog.states["name"].text() == "手动指定" and cell(dialog, 0, ChecklistPreviewModel.NAME) == "配电房钥匙"
    assert dialog.title_edit.text() == "钥匙" and dialog.import_button.isEnabled()
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, " ")
    assert not dialog.import_button.isEnabled()  # a list needs a name


def test_no_header_shows_the_reason(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    load(qtbot, dialog, write_sheet(tmp_path / "none.xlsx", [("甲", "乙"), (1, 2)]))
    assert "找不到表头" in dialog.result_label.text()
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_preview_model_passes_the_model_tester(qtmodeltester, tmp_path):
    from models.imports.checklist import preview_checklist

    model = ChecklistPreviewModel()
    model.set_preview(preview_checklist(clerk_sheet(tmp_path)))
    qtmodeltester.check(model)
