"""The roster import dialog: preview the sample, map a column, refuse a bad sheet, import."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from sqlalchemy import func, select
from xlsx_builder import ROSTER_HEADER, roster_rows, write_sheet

from gui.dialogs.roster_import import RosterImportDialog
from gui.dialogs.roster_preview_model import RosterPreviewModel, RowRole
from models.people import Owner
from models.project import Unit
from models.services import projects

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared/samples/业主名册_翠湖园.xlsx"
FONT = ROOT / "resources/fonts/wqy-microhei.ttc"

# The offscreen platform says so on every show(); it is the test platform talking, not our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="session")
def chinese_font(qapp):
    """What the app does at start: this machine has no Chinese system font."""
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        qapp.setFont(QFont(families[0], 10))
    return families


def open_dialog(qtbot, db, chinese_font) -> RosterImportDialog:
    project = projects.add_project(db, "CHY", "翠湖园")
    dialog = RosterImportDialog(db, project.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: RosterImportDialog, path: Path) -> None:
    """The preview runs in a worker; wait for it."""
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(path)


def count(db, table) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_preview_and_import_the_sample(qtbot, db, chinese_font):
    dialog = open_dialog(qtbot, db, chinese_font)
    assert not dialog.import_button.isEnabled()
    load(qtbot, dialog, SAMPLE)
    assert dialog.model.rowCount() == 48
    assert dialog.model.index(0, RosterPreviewModel.NUMBER).data() == "1栋1单元101"
    assert dialog.model.index(0, RosterPreviewModel.MOBILE).data() == "184****7228"  # masked
    assert dialog.model.index(0, RosterPreviewModel.AREA).data() == "118.03"
    assert dialog.states["id_number"].text() == "未识别" and dialog.states["number"].text() == "自动识别"
    assert dialog.problem_list.count() == 0 and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.roster_imported, timeout=15000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].created_units == 48
    assert "新增 48 户" in dialog.result_label.text()
    assert (count(db, Unit), count(db, Owner)) == (48, 48)
    dialog.grab().save("/tmp/roster_dialog.png")


def test_bad_rows_are_highlighted_and_import_is_disabled(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    rows = [ROSTER_HEADER, *roster_rows(3)]
    rows[2] = ("1栋1单元102", "李四", "13800000002", "一百二十", "住宅", "空置")
    rows.append(("1栋1单元101", "王五", "13900000009", 90, "住宅", "空置"))
    load(qtbot, dialog, write_sheet(tmp_path / "bad.xlsx", rows))
    assert dialog.model.rowCount() == 4 and dialog.problem_list.count() == 3
    assert not dialog.import_button.isEnabled()
    bad = dialog.model.index(1, RosterPreviewModel.AREA)
    assert bad.data() == "一百二十" and bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "不是数字" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.problem_list.item(0).text().startswith("第 2 行「房号」")
    dialog.on_problem_activated(dialog.problem_list.item(2))  # 第 5 行 → the table's 4th row
    assert dialog.table.currentIndex().row() == 3
    assert dialog.model.index(3, 0).data(RowRole).row == 5
    dialog.grab().save("/tmp/roster_dialog_bad.png")
    assert count(sqlite_db, Unit) == 0


def test_mapping_an_unrecognised_column_re_previews(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    load(qtbot, dialog, write_sheet(tmp_path / "m.xlsx", [("房号", "权利人", "面积"), ("101", "张三", 90)]))
    assert dialog.states["owner"].text() == "未识别"
    assert dialog.model.index(0, RosterPreviewModel.OWNER).data() == ""
    combo = dialog.combos["owner"]
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        combo.setCurrentIndex(combo.findData(1))  # B 列「权利人」
    assert combo.currentText() == "B 列「权利人」"
    assert dialog.states["owner"].text() == "手动指定"
    assert dialog.model.index(0, RosterPreviewModel.OWNER).data() == "张三"
    number = dialog.combos["number"]
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        number.setCurrentIndex(0)  # （不导入）: the unit number is required
    assert not dialog.import_button.isEnabled()
    assert "找不到这一列" in dialog.problem_list.item(0).text()


def test_unreadable_file_shows_the_reason(qtbot, sqlite_db, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, sqlite_db, chinese_font)
    load(qtbot, dialog, write_sheet(tmp_path / "none.xlsx", [("甲", "乙"), (1, 2)]))
    assert "找不到表头" in dialog.result_label.text()
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_preview_model_passes_the_model_tester(qtmodeltester):
    from models.imports.roster import preview_roster

    model = RosterPreviewModel()
    model.set_preview(preview_roster(SAMPLE))
    qtmodeltester.check(model)
