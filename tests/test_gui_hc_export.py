"""文件 → 导出到其他物业系统（HC 小区管理系统）…: a folder chosen, the export in the worker, the files there."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from gui.main_window import MainWindow
from gui.menus import handoff
from models.db import UserRef
from models.demo import build_demo
from models.people import Role
from models.services.fee_results import fee_results

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def said(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(handoff, "inform", lambda parent, text: shown.append(text))
    return shown


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_tab().is_loaded(), timeout=10000)
    return window


def test_the_menu_exports_the_selected_handover_in_the_worker(qtbot, sqlite_db, tmp_path, said, monkeypatch):
    build_demo(sqlite_db, size="small", seed=2026)
    window = _window(qtbot, sqlite_db)
    folder = tmp_path / "给新物业"
    monkeypatch.setattr(handoff, "ask_folder", lambda parent: folder)
    action = window.hc_export_action
    assert action.isEnabled() and action in window.menus["file"].actions()
    assert action.text() == "导出到其他物业系统（HC 小区管理系统）…"
    action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=60000)
    results = fee_results(sqlite_db, window.current_scope().handover_id)
    assert said[0].startswith(f"已导出到 {folder}")
    assert f"欠费 {len(results.arrears)} 笔 {results.arrears_total:,}" in said[0]
    assert sorted(p.name for p in folder.iterdir()) == ["房屋缴费历史.xlsx", "房屋费用信息.xlsx", "资产信息.xlsx"]
    assert load_workbook(folder / "资产信息.xlsx").sheetnames == ["资产信息", "说明"]


def test_a_clerk_sees_the_entry_disabled_with_who_may(qtbot, sqlite_db):
    build_demo(sqlite_db, size="small", seed=2026)
    sqlite_db.user = UserRef(None, "clerk", "文员", Role.CLERK.value)
    window = _window(qtbot, sqlite_db)
    assert not window.hc_export_action.isEnabled()
    assert window.hc_export_action.toolTip() == "仅主管或管理员可以导出业主完整信息到其他物业系统"
