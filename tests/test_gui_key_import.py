"""批量接收钥匙 from the keys tab: an Excel sheet through the import dialog, and a key handover list —
each refreshing the tab's table as soon as the keys are in."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from test_key_intake import UNITS, clerk_sheet, key_list
from xlsx_builder import KEY_HEADER, write_sheet

from gui.app import register_font
from gui.dialogs.key_import import KeyImportDialog
from gui.dialogs.key_preview_model import MADE_TAG, KeyPreviewModel
from gui.tabs.keys.intake import ListIntakeDialog
from gui.tabs.keys.tab import KeysTab
from models.browse import Scope
from models.keys import Key
from models.project import Unit
from models.services import checklists, projects

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]


@pytest.fixture(scope="session")
def chinese_font(qapp):
    return register_font(qapp)


@pytest.fixture
def scope(sqlite_db) -> Scope:
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    with sqlite_db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use=u) for n, u in UNITS)
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    return Scope(project.id, handover.id)


@pytest.fixture
def tab(qtbot, sqlite_db, scope, chinese_font):
    tab = KeysTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(scope)
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab


def tags_shown(tab: KeysTab) -> list[str]:
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def count_keys(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Key))


def open_sheet_dialog(qtbot, tab: KeysTab, path) -> KeyImportDialog:
    tab.import_sheet_action.trigger()
    dialog = tab.intake_dialog
    assert isinstance(dialog, KeyImportDialog) and dialog.isVisible()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(path)
    return dialog


def test_import_a_sheet_and_the_table_refreshes(qtbot, tab, sqlite_db, tmp_path):
    assert tab.intake_button.isEnabled() and tab.model.total == 0
    dialog = open_sheet_dialog(qtbot, tab, clerk_sheet(tmp_path))
    assert dialog.model.rowCount() == 4 and dialog.problem_list.count() == 0
    made = dialog.model.index(0, KeyPreviewModel.TAG)
    assert made.data() == "K-01-01-101-A（自动）" and made.data(Qt.ItemDataRole.ForegroundRole) == MADE_TAG
    assert dialog.model.index(1, KeyPreviewModel.TAG).data() == "K-XF-01"  # as the sheet gives it
    assert dialog.model.index(1, KeyPreviewModel.COUNT).data() == "3"
    assert "表头在第 3–4 行" in dialog.header_label.text() and "其中 3 把未填标签号" in dialog.header_label.text()
    assert "第 10 行：合计行" in dialog.skipped_label.text()
    assert dialog.states["tag"].text() == "自动识别" and dialog.import_button.isEnabled()
    dialog.grab().save("/tmp/key_import.png")
    qtbot.keyClicks(dialog.cabinet_edit, "G02")

    with qtbot.waitSignals([dialog.keys_imported, tab.data_edited], timeout=15000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "已接收钥匙 4 条（共 7 把/套）" in dialog.result_label.text()
    assert not dialog.import_button.isEnabled()  # the same preview is not imported twice
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 4, timeout=5000)
    assert sorted(tags_shown(tab)) == ["K-01-01-101-A", "K-01-01-102-A", "K-GG-0001-A", "K-XF-01"]
    with sqlite_db.read() as s:
        assert s.scalar(select(Key.cabinet).where(Key.tag == "K-GG-0001-A")) == "G02"
    dialog.reject()
    assert tab.intake_dialog is None


def test_a_bad_sheet_cannot_be_imported(qtbot, tab, sqlite_db, tmp_path):
    rows = [KEY_HEADER, ("K-1", "9栋9单元999", "入户门", 1, None), ("K-2", None, "配电房", "若干", None)]
    dialog = open_sheet_dialog(qtbot, tab, write_sheet(tmp_path / "bad.xlsx", rows))
    assert dialog.problem_list.count() == 2 and not dialog.import_button.isEnabled()
    assert dialog.problem_list.item(0).text().startswith("第 2 行「房号」：“9栋9单元999”不是本项目的房屋")
    bad = dialog.model.index(1, KeyPreviewModel.COUNT)
    assert bad.data() == "若干" and bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    dialog.grab().save("/tmp/key_import_bad.png")
    dialog.on_import_clicked()  # even pressed anyway: nothing is written
    assert count_keys(sqlite_db) == 0


def test_receive_from_a_key_list_and_the_table_refreshes(qtbot, tab, sqlite_db, scope):
    list_id, items = key_list(sqlite_db, scope.handover_id, [("1栋1单元101 入户门钥匙", 2), ("垃圾房钥匙", 1)])
    checklists.check_item(sqlite_db, items[1].id, items[1].version, received_qty=0, condition="缺失")
    key_list(sqlite_db, scope.handover_id, [("竣工图", 1)], title="物业原始资料移交清单")  # not offered
    tab.receive_from_list_action.trigger()
    dialog = tab.intake_dialog
    assert isinstance(dialog, ListIntakeDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)  # the plan is read in a worker
    assert dialog.list_combo.count() == 1 and dialog.list_combo.currentData() == list_id
    def cell(r: int, c: int) -> str:
        return dialog.plan_model.index(r, c).data()
    assert [cell(r, 4) for r in range(2)] == ["K-01-01-101-A", ""]
    assert cell(1, 5) == "核对为缺失，未接收"
    assert "将接收 1 项，已接收过 0 项，不接收 1 项" in dialog.summary_label.text()
    dialog.grab().save("/tmp/key_list_intake.png")

    with qtbot.waitSignals([dialog.keys_received, dialog.planned], timeout=15000):
        qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    assert "已接收钥匙 1 条（共 2 把/套）" in dialog.result_label.text()
    assert cell(0, 5) == "已接收" and not dialog.receive_button.isEnabled()
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 1, timeout=5000)
    assert tags_shown(tab) == ["K-01-01-101-A"]


def test_receiving_from_a_list_needs_a_handover(qtbot, tab, scope):
    tab.set_scope(Scope(scope.project_id))
    assert tab.intake_button.isEnabled() and tab.import_sheet_action.isEnabled()
    assert not tab.receive_from_list_action.isEnabled()
    tab.set_scope(None)
    assert not tab.intake_button.isEnabled()
