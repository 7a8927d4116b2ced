"""Accounts in the real widgets (issue 12 point 3): the login forces a reset password to be changed and
says until when a locked account waits; user management and the audit log are an administrator's."""
from __future__ import annotations

import datetime as dt

import pytest
from gui_helpers import answer_dialog, ok_and_wait, wait_written, writes_done
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog

from gui.dialogs import users as users_dialog
from gui.dialogs.audit_log import AuditLogDialog
from gui.dialogs.change_password import ChangePasswordDialog
from gui.dialogs.users import UsersDialog
from gui.login import LoginDialog
from gui.main_window import MainWindow
from models.errors import AuthError
from models.people import Role
from models.services import auth, users

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]


@pytest.fixture
def office(sqlite_db):
    db = sqlite_db
    auth.create_first_admin(db, "admin", "管理员", "secret-a")
    auth.login(db, "admin", "secret-a")
    users.add_account(db, "wang", "王文员", "secret-w", Role.CLERK, must_change_password=False)
    return db


def row(db, username):
    return next(r for r in users.list_accounts(db) if r.username == username)


def login_dialog(qtbot, db, username):
    dialog = LoginDialog(db, preselect_user=username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(dialog):
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_written(dialog)  # the sign-in is a write, in the writer thread


# ---- the login ---------------------------------------------------------------------------------

def test_a_reset_password_must_be_changed_before_the_desk_opens(qtbot, office):
    wang = row(office, "wang")
    users.reset_password(office, wang.id, wang.version, "temp-123")
    office.user = None
    dialog = login_dialog(qtbot, office, "wang")
    dialog.password_edit.setText("temp-123")

    def cancel(change):  # the clerk tries to go on without a new password
        assert isinstance(change, ChangePasswordDialog) and not change.old_edit.isVisible()
        change.reject()

    answer_dialog(lambda: press_ok(dialog), cancel)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert office.user is None and "须设置新密码" in dialog.error_label.text()

    def new_password(change):
        qtbot.keyClicks(change.new_edit, "mine-456")
        qtbot.keyClicks(change.confirm_edit, "mine-457")
        ok_and_wait(change)
        assert "不一致" in change.error_label.text() and change.isVisible()
        change.confirm_edit.setText("mine-456")
        ok_and_wait(change)
    dialog.password_edit.setText("temp-123")
    answer_dialog(lambda: press_ok(dialog), new_password)
    assert dialog.result() == QDialog.DialogCode.Accepted and office.user.username == "wang"
    assert not auth.must_change_password(office)
    auth.logout(office)
    assert auth.login(office, "wang", "mine-456").username == "wang"


def test_a_locked_account_is_told_until_when(qtbot, office):
    office.user = None
    dialog = login_dialog(qtbot, office, "wang")
    for n in range(auth.LOCK_AFTER):
        dialog.password_edit.setText(f"wrong-{n}")
        press_ok(dialog)
    assert "已暂时锁定" in dialog.error_label.text() and "后再试" in dialog.error_label.text()
    dialog.password_edit.setText("secret-w")
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted and "已暂时锁定" in dialog.error_label.text()
    assert office.user is None


def test_a_disabled_account_is_not_offered_and_cannot_log_in(qtbot, office):
    wang = row(office, "wang")
    users.set_active(office, wang.id, wang.version, False)
    office.user = None
    dialog = login_dialog(qtbot, office, "wang")
    assert dialog.user_combo.findData("wang") == -1
    dialog.user_combo.setEditText("wang")
    dialog.password_edit.setText("secret-w")
    press_ok(dialog)
    assert dialog.error_label.text() == "用户名或密码不正确。" and office.user is None


# ---- who may open what -------------------------------------------------------------------------

def test_a_clerk_cannot_open_user_management_or_the_log(qtbot, office):
    auth.login(office, "wang", "secret-w")
    window = MainWindow(office)
    qtbot.addWidget(window)
    assert not window.users_action.isEnabled() and window.users_action.toolTip() == "仅管理员可以管理用户"
    assert not window.audit_log_action.isEnabled()
    assert window.audit_log_action.toolTip() == "仅管理员可以查看操作日志"
    assert window.change_password_action.isEnabled()
    with pytest.raises(AuthError, match="需要管理员权限"):
        UsersDialog(office)
    with pytest.raises(AuthError, match="仅管理员"):
        AuditLogDialog(office)


def test_an_admin_has_the_three_entries(qtbot, office):
    window = MainWindow(office)
    qtbot.addWidget(window)
    assert window.users_action.isEnabled() and window.audit_log_action.isEnabled()
    texts = [a.text() for a in window.menus["admin"].actions()]
    assert {"用户管理…", "修改密码…", "操作日志…"} <= set(texts)


# ---- 用户管理 -------------------------------------------------------------------------------------

def test_user_management_adds_resets_disables_and_changes_roles(qtbot, qtmodeltester, office, monkeypatch):
    dialog = UsersDialog(office)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    dialog.select_user("admin")  # one's own account: only 添加
    assert not dialog.active_button.isEnabled() and "自己" in dialog.active_button.toolTip()
    assert not dialog.role_button.isEnabled() and not dialog.reset_button.isEnabled()

    def add(d):
        d.username_edit.setText("li")
        d.display_edit.setText("李主管")
        d.role_combo.setCurrentIndex(d.role_combo.findData("supervisor"))
        d.password_edit.setText("first-1")
        d.confirm_edit.setText("first-1")
        ok_and_wait(d)
    answer_dialog(dialog.add_button.click, add)
    li = row(office, "li")
    assert (li.role, li.must_change_password) == (Role.SUPERVISOR, True)
    assert dialog.current().username == "li"

    dialog.select_user("wang")
    answer_dialog(dialog.reset_button.click, lambda d: (d.password_edit.setText("temp-123"),
                                                        d.confirm_edit.setText("temp-123"), d.ok()))
    assert row(office, "wang").status == "须修改密码"

    monkeypatch.setattr(users_dialog, "confirm", lambda *a: True)
    dialog.select_user("wang")
    dialog.active_button.click()
    writes_done(qtbot)
    assert not row(office, "wang").active and dialog.active_button.text() == "启用"
    assert not dialog.role_button.isEnabled() and "已停用" in dialog.role_button.toolTip()
    dialog.active_button.click()
    writes_done(qtbot)
    assert row(office, "wang").active

    dialog.select_user("wang")
    answer_dialog(dialog.role_button.click,
                  lambda d: (d.role_combo.setCurrentIndex(d.role_combo.findData("admin")), d.ok()))
    assert row(office, "wang").role == Role.ADMIN
    wang = dialog.model.index(dialog.table.currentIndex().row(), 2)
    assert dialog.current().username == "wang" and wang.data() == "管理员"


def test_a_refused_reset_keeps_the_dialog_open_with_the_reason(qtbot, office):
    dialog = UsersDialog(office)
    qtbot.addWidget(dialog)
    dialog.select_user("wang")
    seen = answer_dialog(dialog.reset_button.click,
                         lambda d: (d.password_edit.setText("abc"), d.confirm_edit.setText("abc"), d.ok()))
    assert "新密码至少 6 位" in seen[-1]
    assert row(office, "wang").status == "正常"


# ---- 操作日志 -------------------------------------------------------------------------------------

def test_the_audit_log_viewer_filters_and_exports(qtbot, qtmodeltester, office, tmp_path):
    wang = row(office, "wang")
    users.change_role(office, wang.id, wang.version, Role.SUPERVISOR)
    auth.login(office, "wang", "secret-w")
    auth.login(office, "admin", "secret-a")
    dialog = AuditLogDialog(office, today=dt.date.today())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.model.is_loading(), timeout=5000)
    qtmodeltester.check(dialog.model)
    everything = dialog.model.rowCount()
    assert everything >= 5 and dialog.count_label.text() == f"共 {everything} 条"

    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData("wang"))
    qtbot.waitUntil(lambda: not dialog.model.is_loading(), timeout=5000)
    assert [dialog.model.row_values(i)[1:3] for i in range(dialog.model.rowCount())] == [("wang", "登录")]

    dialog.user_combo.setCurrentIndex(0)
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findData("users"))
    dialog.search_edit.setText("主管")  # typed: textChanged, as keys would (keyClicks is ASCII only)
    qtbot.waitUntil(lambda: dialog.model.filter_text == "主管" and not dialog.model.is_loading(), timeout=5000)
    [change] = [dialog.model.row_values(i) for i in range(dialog.model.rowCount())]
    assert change[1:] == ("admin", "修改", "用户", wang.id, "角色：文员 → 主管")

    dialog.from_edit.setDate(dialog.to_edit.date().addDays(1))
    qtbot.waitUntil(lambda: not dialog.model.is_loading() and dialog.model.total == 0, timeout=5000)
    dialog.from_edit.setDate(dialog.to_edit.date())

    out = tmp_path / "操作日志.xlsx"
    qtbot.waitUntil(lambda: not dialog.model.is_loading(), timeout=5000)
    task = dialog.export_to(out)
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("时间", "用户", "操作", "数据表", "记录号", "内容")
    assert [r[1:] for r in rows[1:]] == [("admin", "修改", "用户", wang.id, "角色：文员 → 主管")]
    assert "已导出 1 条" in dialog.count_label.text()
