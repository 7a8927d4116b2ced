"""What every import dialog says beside the rows: skipped rows, columns not imported, totals that
disagree, what importing will create — and a key sheet opened again offers nothing to receive twice."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_imports_accounting import (
    checklist_sheet,
    key_sheet,
    ledger_sheet,
    roster_sheet,
)
from xlsx_builder import raw_xlsx, sheet_xml

from gui.dialogs.checklist_import import ChecklistImportDialog
from gui.dialogs.key_import import KeyImportDialog
from gui.dialogs.ledger_import import LedgerImportDialog
from gui.dialogs.roster_import import RosterImportDialog
from models.project import Unit
from models.services import projects

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def desk(sqlite_db, qapp):
    from gui.app import setup_application

    setup_application()  # the bundled Chinese font
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    with sqlite_db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use="住宅") for n in ("1栋1单元101", "1栋1单元102",
                                                                                "2栋1单元101"))
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    return sqlite_db, project.id, handover.id


def shown(qtbot, dialog, path: Path):
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=20000):
        dialog.load_file(path)
    return dialog


def test_roster_preview_lists_what_is_not_imported(qtbot, desk, tmp_path):
    db, project_id, _ = desk
    dialog = shown(qtbot, RosterImportDialog(db, project_id), roster_sheet(tmp_path))
    assert "其上 2 行为标题等，不导入" in dialog.header_label.text()
    assert dialog.notes_label.text().splitlines() == [
        "未导入的列：H 列「安装位置」（没有对应的字段，可在“列对应”中指定）",
        "重复的列：F 列「业主信息/联系电话」（与 E 列「业主信息/联系电话」同名，只导入 E 列）",
        "第 6 行 共有业主 2 人，联系电话 1 个：都记在第一位业主名下"]  # 李四，王五
    assert "第 9 行：合计行，已跳过" in dialog.skipped_label.text()
    assert dialog.result_label.text().startswith("将导入 3 户")


def test_checklist_preview_says_what_it_creates(qtbot, desk, tmp_path):
    db, _, handover_id = desk
    dialog = shown(qtbot, ChecklistImportDialog(db, handover_id), checklist_sheet(tmp_path))
    assert dialog.result_label.text() == "将创建一张草稿清单：2 类 3 项。检查通过，可以导入。"
    assert "第 4 行：类别行（其下各项的类别为“竣工图纸（含电子版）”），已跳过" in dialog.skipped_label.text()
    assert "重复的列：J 列「数量」" in dialog.notes_label.text()
    assert dialog.model.index(0, dialog.model.NAME).data() == "竣工总平面图（含电子版），A1；B2"


def test_ledger_preview_flags_a_total_and_shows_their_remark(qtbot, desk, tmp_path):
    db, _, handover_id = desk
    bad = [("房号", "收费项目", "所属期", "应收金额", "实收金额", "说明"),
           ("1栋1单元101", "物业服务费", "2025年07月", "100.00", "100.00", "已催缴（电话）"),
           ("合计", None, None, "310.00", "100.00")]
    dialog = shown(qtbot, LedgerImportDialog(db, handover_id), raw_xlsx(tmp_path / "t.xlsx", sheet_xml(bad)))
    assert "合计行与明细不符：第 3 行（合计行）「应收金额」为 310.00，明细相加为 100.00" in dialog.notes_label.text()
    assert dialog.model.index(0, dialog.model.REMARK).data() == "已催缴（电话）"
    assert dialog.import_button.isEnabled()  # flagged, not refused: their ledger comes in as it is


def test_a_key_sheet_opened_again_receives_nothing_twice(qtbot, desk, tmp_path):
    db, project_id, handover_id = desk
    path = key_sheet(tmp_path)
    first = shown(qtbot, KeyImportDialog(db, project_id, handover_id), path)
    with qtbot.waitSignal(first.keys_imported, timeout=20000):
        qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    again = shown(qtbot, KeyImportDialog(db, project_id, handover_id), path)
    assert not again.import_button.isEnabled()
    assert "第 4 行：已接收（即钥匙 K-01-01-101-A" in again.skipped_label.text()
    assert "没有可导入的数据行" in again.result_label.text()


def test_screenshots_at_1366x768(qtbot, desk, tmp_path):
    """Each dialog fits a 1366×768 screen with its notes showing (looked at by eye, saved under tmp)."""
    db, project_id, handover_id = desk
    for dialog, path in ((RosterImportDialog(db, project_id), roster_sheet(tmp_path)),
                         (LedgerImportDialog(db, handover_id), ledger_sheet(tmp_path))):
        shown(qtbot, dialog, path)
        assert dialog.height() <= 768 - 40 and dialog.width() <= 1366
        assert dialog.notes_label.isVisible() and dialog.notes_label.height() > 0
        assert not dialog.grab().isNull()
