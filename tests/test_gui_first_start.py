"""Issue 12 point 1: from an empty database to a signed first list with real widgets and no command
line — administrator → office → project → roster import → a unit by hand → a clerk and a supervisor
→ the first handover and list → log out → the clerk checks an item → the supervisor signs it."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import func, select

from gui.dialogs.first_start import (
    FirstStartWizard,
    HandoverPage,
    HousesPage,
    offer_first_start,
)
from gui.login import FirstRunDialog
from gui.main_window import MainWindow
from gui.session import last_main_window, switch_user
from gui.tabs.handover.items_model import COL
from models.audit import AuditLog
from models.people import Owner, Role
from models.project import Unit
from models.services import auth, checklists, office, projects, users
from models.services.setup_progress import setup_state
from tests.gui_helpers import answer_dialog, ok_and_wait, wait_written, writes_done

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
SAMPLE = Path(__file__).resolve().parents[2] / "shared/samples/业主名册_翠湖园.xlsx"
KIND = "承接查验"


def count(db, table) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(table))


def create_admin(qtbot, db) -> None:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("admin-123")
    dialog.confirm_edit.setText("admin-123")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_written(dialog)
    assert dialog.result() and db.user.username == "admin" and db.user.role == "admin"


def import_roster(qtbot, page: HousesPage) -> None:
    def fill(dialog):
        with qtbot.waitSignal(dialog.previewed, timeout=15000):
            dialog.load_file(SAMPLE)
        with qtbot.waitSignal(dialog.roster_imported, timeout=15000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    answer_dialog(page.import_button.click, fill)


def add_colleague(dialog, username: str, name: str, role: Role) -> None:
    def fill(d):
        d.username_edit.setText(username)
        d.display_edit.setText(name)
        d.role_combo.setCurrentIndex(d.role_combo.findData(role.value))
        d.password_edit.setText("first-123")
        d.confirm_edit.setText("first-123")
        assert d.must_change_check.isChecked()  # a password someone else typed is changed at first login
        ok_and_wait(d)
    answer_dialog(dialog.add_button.click, fill)


def log_in_as(qtbot, window, username: str, new_password: str) -> MainWindow:
    """切换用户: log out, then the colleague's first login, which must replace the initial password."""
    def login(d):
        d.user_combo.setCurrentIndex(d.user_combo.findData(username))
        d.password_edit.setText("first-123")

        def change(c):
            c.new_edit.setText(new_password)
            c.confirm_edit.setText(new_password)
            ok_and_wait(c)
        answer_dialog(lambda: d.buttons.button(d.buttons.StandardButton.Ok).click(), change)

    answer_dialog(lambda: switch_user(window), login)  # the login opens once the logout is written
    new = last_main_window(window)
    assert new is not None and new is not window and new.db.user.username == username
    new.show_tab("handover")
    qtbot.waitUntil(lambda: new.current_tab().is_loaded() and new.tabs["handover"].model.rowCount() > 0,
                    timeout=5000)
    return new


def test_a_new_office_from_empty_database_to_signed_list(qtbot, sqlite_db, tmp_path):
    db = sqlite_db
    assert auth.needs_first_user(db)
    create_admin(qtbot, db)

    window = MainWindow(db)  # not qtbot's to close: 切换用户 replaces it
    window.show()
    assert setup_state(db).is_empty
    wizard = FirstStartWizard(db, window)  # a child of the window: closed with it
    wizard.show()

    # 本处信息
    page = wizard.currentPage()
    page.name_edit.setText("安居物业服务有限公司翠湖园管理处")
    page.address_edit.setText("某市某区翠湖路 88 号")
    wizard.next()
    writes_done(qtbot)  # saved in the writer thread; the wizard moves on by itself
    assert office.office(db).name == "安居物业服务有限公司翠湖园管理处"

    # 第一个项目: a refusal names the field and keeps the page; the company defaults to the office
    page = wizard.currentPage()
    assert page.company_edit.text() == "安居物业服务有限公司翠湖园管理处"
    page.code_edit.setText("C H Y")
    page.name_edit.setText("翠湖园")
    wizard.next()
    writes_done(qtbot)
    assert wizard.currentPage() is page and "项目编码" in page.error_label.text()
    page.code_edit.setText("CHY")
    wizard.next()
    writes_done(qtbot)
    project = projects.project_by_code(db, "CHY")
    assert wizard.project_id == project.id and project.manager_company == "安居物业服务有限公司翠湖园管理处"

    # 房屋与业主: the owner roster through its preview, then one unit by hand
    houses = wizard.currentPage()
    assert isinstance(houses, HousesPage) and houses.import_button.isEnabled()
    import_roster(qtbot, houses)
    assert (count(db, Unit), count(db, Owner)) == (48, 48)
    assert "房屋 48 户" in houses.status_label.text()
    answer_dialog(houses.add_unit_button.click, lambda d: (d.number_edit.setText("9栋1单元101"), d.ok()))
    assert count(db, Unit) == 49 and "房屋 49 户" in houses.status_label.text()
    wizard.next()

    # 同事的账号: a clerk and a supervisor, through 用户管理
    accounts = wizard.currentPage()
    assert "还没有文员或主管的账号" in accounts.status_label.text()

    def colleagues(d):
        add_colleague(d, "wang", "王文员", Role.CLERK)
        add_colleague(d, "li", "李主管", Role.SUPERVISOR)
        d.accept()

    answer_dialog(accounts.users_button.click, colleagues)
    assert {(r.username, r.role) for r in users.list_accounts(db)} >= {("wang", Role.CLERK), ("li", Role.SUPERVISOR)}
    assert "主管 1 个，文员 1 个" in accounts.status_label.text()
    wizard.next()

    # 第一次交接 and its first list from a template
    last = wizard.currentPage()
    assert isinstance(last, HandoverPage) and not last.list_button.isEnabled()

    def handover(d):
        assert d.to_edit.text() == "安居物业服务有限公司翠湖园管理处"  # the office is 接收方 by default
        d.kind_combo.setCurrentText(KIND)
        d.from_edit.setText("翠湖置业有限公司")
        d.from_rep_edit.setText("赵经理")
        d.to_rep_edit.setText("钱主任")
        d.cutoff_edit.setDate(QDate(2026, 6, 30))
        ok_and_wait(d)
    answer_dialog(last.handover_button.click, handover)
    assert wizard.handover is not None and last.list_button.isEnabled()
    template = min(checklists.list_templates(db, KIND), key=lambda t: t.item_count)
    answer_dialog(last.list_button.click, lambda d: (d.select_template(template.code), d.ok()))
    assert "清单 1 张" in last.status_label.text()
    wizard.grab().save(str(tmp_path / "wizard.png"))
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    wizard.accept()
    window.show_scope(wizard.project_id, wizard.handover.id, tab="handover")
    assert window.current_scope().handover_id == wizard.handover.id

    # The clerk logs in at the same desk and checks the first item.
    clerk_window = log_in_as(qtbot, window, "wang", "wang-456")
    tab = clerk_window.tabs["handover"]
    assert not tab.acts.sign.isEnabled()
    tab.table.setFocus()
    tab.table.select_cell(0, COL["received_qty"])
    tab.acts.mark_expected.trigger()
    qtbot.waitUntil(lambda: tab.model.items()[0].checked, timeout=3000)
    checked = tab.model.items()[0]
    assert checked.checked_by == "王文员" and checked.received_qty == checked.expected_qty
    for row in range(1, tab.model.rowCount()):  # and the rest, one by one as the clerk goes round
        tab.table.select_cell(row, COL["received_qty"])
        tab.acts.mark_expected.trigger()
        qtbot.waitUntil(lambda row=row: tab.model.items()[row].checked, timeout=5000)  # saved before the next
    qtbot.waitUntil(lambda: all(i.checked for i in tab.model.items()), timeout=5000)

    # The supervisor signs it.
    boss_window = log_in_as(qtbot, clerk_window, "li", "li-4567")
    qtbot.addWidget(boss_window)
    tab = boss_window.tabs["handover"]
    assert tab.acts.sign.isEnabled()
    seen = answer_dialog(tab.acts.sign.trigger, lambda d: d.ok())
    assert len(seen) == 1, seen[-1]
    qtbot.waitUntil(lambda: tab.current_summary().signed_at is not None, timeout=3000)
    assert not tab.acts.mark_expected.isEnabled()

    with db.read() as s:
        who = set(s.scalars(select(AuditLog.username).where(AuditLog.action == "login")))
    assert who == {"admin", "wang", "li"}
    assert last_main_window(window) is boss_window  # what run_app remembers at exit
    QApplication.processEvents()


def test_the_guide_opens_by_itself_only_for_an_admin_on_an_empty_database(qtbot, sqlite_db, monkeypatch):
    db = sqlite_db
    auth.create_first_admin(db, "admin", "管理员", "admin-123")
    auth.login(db, "admin", "admin-123")
    window = MainWindow(db)
    qtbot.addWidget(window)
    shown: list = []
    monkeypatch.setattr(FirstStartWizard, "exec", lambda self: shown.append(self) or 0)
    assert offer_first_start(window) and len(shown) == 1  # cancelled at once: 以后再说

    users.add_account(db, "wang", "王文员", "first-123", Role.CLERK, must_change_password=False)
    auth.login(db, "wang", "first-123")
    assert not offer_first_start(window)  # a clerk is not offered what they may not do
    auth.login(db, "admin", "admin-123")
    projects.add_project(db, "CHY", "翠湖园")
    assert not offer_first_start(window) and len(shown) == 1  # set up already: the menu has it


def test_every_step_can_be_skipped(qtbot, sqlite_db):
    db = sqlite_db
    auth.create_first_admin(db, "admin", "管理员", "admin-123")
    auth.login(db, "admin", "admin-123")
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard.next()
    last = wizard.currentPage()
    assert isinstance(last, HandoverPage) and not last.handover_button.isEnabled()
    assert "此步跳过" in last.status_label.text()
    assert setup_state(db).projects == 0 and office.office(db).name == ""
