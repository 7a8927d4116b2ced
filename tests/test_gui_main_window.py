"""The real widgets driven by qtbot: first run, login, the five tabs, filter, selector, status bar."""
from __future__ import annotations

import pytest
from gui_helpers import wait_written
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sample_data import UNITS, make_sample

from gui.login import FirstRunDialog, LoginDialog
from gui.main_window import MainWindow
from models.people import Role
from models.services import auth

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def sample(sqlite_db):
    return make_sample(sqlite_db)


@pytest.fixture
def window(qtbot, sqlite_db, sample):
    w = MainWindow(sqlite_db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_tab().is_loaded(), timeout=5000)
    return w


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_written(dialog)  # the sign-in is a write, in the writer thread


def _show_and_wait(qtbot, window, key):
    window.show_tab(key)
    tab = window.tabs[key]
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab


def test_first_run_creates_the_admin(qtbot, sqlite_db):
    assert auth.needs_first_user(sqlite_db)
    dialog = FirstRunDialog(sqlite_db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password_edit, "secret-1")
    qtbot.keyClicks(dialog.confirm_edit, "secret-2")
    _ok(dialog)
    assert "不一致" in dialog.error_label.text() and auth.needs_first_user(sqlite_db)
    dialog.confirm_edit.setText("secret-1")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(u.username, u.role) for u in auth.list_users(sqlite_db)] == [("admin", Role.ADMIN)]
    assert sqlite_db.user.username == "admin"


def test_login_refuses_a_bad_password(qtbot, sqlite_db):
    auth.create_user(sqlite_db, "admin", "管理员", "secret-1", Role.ADMIN)
    auth.create_user(sqlite_db, "wang", "王文员", "secret-2", Role.CLERK)
    dialog = LoginDialog(sqlite_db, preselect_user="wang")
    qtbot.addWidget(dialog)
    dialog.show()  # Enter reaches the default button only on a shown dialog
    assert dialog.user_combo.currentText() == "wang"
    qtbot.keyClicks(dialog.password_edit, "wrong!")
    _ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "用户名或密码不正确" in dialog.error_label.text() and dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, "secret-2")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    wait_written(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and sqlite_db.user.username == "wang"


def test_main_window_shows_five_tabs(window):
    titles = [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())]
    assert titles == ["概览", "交接清单", "遗留问题", "钥匙管理", "费用对账"]
    assert "翠湖园进场接管" in window.tabs["overview"].title_label.text()


def test_typing_in_the_filter_narrows_the_table(qtbot, window):
    tab = _show_and_wait(qtbot, window, "fees").ledger  # 费用对账 › 台账
    assert tab.model.total == UNITS * 6 and "共 72 条" in tab.count_label.text()
    assert tab.filter_edit.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(tab.filter_edit, "1004")  # QTest types ASCII only; 1栋2单元1004
    qtbot.waitUntil(lambda: tab.model.total == 6 and tab.is_loaded(), timeout=5000)
    assert tab.model.rowCount() == 6 and "共 6 条" in tab.count_label.text()
    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)
    assert tab.table.currentIndex().row() == 0


def test_switching_handover_and_project_reloads(qtbot, window, sample):
    tab = _show_and_wait(qtbot, window, "keys")
    assert tab.model.total == 8
    window.handover_combo.setCurrentIndex(1)  # the second handover has no keys
    qtbot.waitUntil(lambda: tab.model.total == 0 and tab.is_loaded(), timeout=5000)
    window.handover_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.model.total == 8, timeout=5000)
    window.project_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.model.total == 0 and tab.is_loaded(), timeout=5000)
    assert window.current_scope().project_id == sample.other_project_id


def test_hidden_tabs_load_when_shown(qtbot, window):
    defects = window.tabs["defects"]
    assert defects.model.rowCount() == 0  # not loaded while hidden
    _show_and_wait(qtbot, window, "defects")
    assert defects.model.total == 6


def test_status_bar_shows_database_and_user(window, sqlite_db):
    assert sqlite_db.display_name in window.db_label.text()
    assert "tester" in window.user_label.text()


def test_data_changed_reloads_the_current_tab(qtbot, window, sqlite_db, sample):
    tab = _show_and_wait(qtbot, window, "defects")
    from models.defect import Defect
    with sqlite_db.begin() as s:
        s.add(Defect(project_id=sample.project_id, handover_id=sample.handover_id, number="YL-2026-0099",
                     category="其他", description="新发现"))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        window.data_changed.emit("defects")
    qtbot.waitUntil(lambda: tab.model.total == 7, timeout=5000)
