"""The real 借出 dialog: a supervisor picks their account and types their password; a refusal keeps the dialog
open with the message; no other supervisor, no loan; a loan due tomorrow needs 延期原因. And 下班时间 is
a supervisor's: a clerk finds the control disabled, saying so."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt, QTime
from sqlalchemy import select

from gui.tabs.keys.dialogs import ClosingTimeDialog, LendDialog
from gui.tabs.keys.tab import KeysTab
from models.browse import Scope
from models.db import UserRef
from models.keys import KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from models.services import key_custody as kc
from models.services import projects
from tests.gui_helpers import Clock, answer_dialog, ok_and_wait, wait_written
from tests.key_accounts import PASSWORD, clerk, supervisor

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
MORNING = dt.datetime(2026, 7, 1, 9, 0)


@pytest.fixture
def project(sqlite_db):
    return projects.add_project(sqlite_db, "CHY", "翠湖园")


@pytest.fixture
def key(sqlite_db, project):
    return kc.receive_key(sqlite_db, project.id, tag="K-00-00-PDS-A", opens="高低压配电室", at=MORNING)


def open_dialog(qtbot, db, key, now=MORNING) -> LendDialog:
    dialog = LendDialog(db, key, now)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def loans(db) -> list[tuple[str, str, int | None, str]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(KeyEvent.person, KeyEvent.approved_by, KeyEvent.approver_id,
                                                   KeyEvent.note).where(KeyEvent.kind == E.LEND))]


def test_the_supervisor_picks_their_account_types_the_password_and_the_key_is_lent(qtbot, sqlite_db, key):
    boss = supervisor(sqlite_db)
    clerk(sqlite_db)
    dialog = open_dialog(qtbot, sqlite_db, key)
    assert dialog.focusWidget() is dialog.borrower  # the borrower first
    # only accounts that may approve are offered, none chosen in advance
    assert [dialog.approver.itemData(i) for i in range(dialog.approver.count())] == ["liumin"]
    assert dialog.approver.currentIndex() == -1 and not dialog.error_label.isVisible()
    assert not dialog.extension.isEnabled()  # back today: no 延期原因
    dialog.borrower.setText("张师傅")  # (QTest types ASCII only)
    dialog.approver.setCurrentIndex(0)
    assert dialog.approver.currentText() == "刘敏（liumin）"
    qtbot.keyClicks(dialog.password, PASSWORD)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter saves
    wait_written(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value.status is K.LENT
    assert loans(sqlite_db) == [("张师傅", "刘敏", boss.id, "")]


def test_a_wrong_password_keeps_the_dialog_open_and_writes_nothing(qtbot, sqlite_db, project, key):
    supervisor(sqlite_db)
    dialog = open_dialog(qtbot, sqlite_db, key)
    dialog.borrower.setText("张师傅")
    dialog.approver.setCurrentIndex(0)
    dialog.password.setText("not-the-password")
    ok_and_wait(dialog)
    assert dialog.isVisible() and "「批准主管」的密码不正确" in dialog.error_label.text()
    assert dialog.password.text() == ""  # typed again by the supervisor
    assert loans(sqlite_db) == [] and kc.find_by_tag(sqlite_db, project.id, key.tag).status is K.IN_STORE
    dialog.password.setText(PASSWORD)
    ok_and_wait(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted and len(loans(sqlite_db)) == 1


def test_the_desk_user_is_not_offered_and_with_no_other_supervisor_ok_is_refused(qtbot, sqlite_db, key):
    me = supervisor(sqlite_db)
    sqlite_db.user = UserRef(me.id, me.username, me.display_name, "supervisor")
    dialog = open_dialog(qtbot, sqlite_db, key)
    assert dialog.approver.count() == 0 and not dialog.approver.isEnabled()
    assert "没有可批准的主管账号" in dialog.error_label.text() and dialog.error_label.isVisible()
    dialog.borrower.setText("张师傅")
    ok_and_wait(dialog)
    assert dialog.isVisible() and "没有可批准的主管账号" in dialog.error_label.text()
    assert loans(sqlite_db) == []


def test_due_tomorrow_opens_and_needs_the_extension_reason(qtbot, sqlite_db, key):
    boss = supervisor(sqlite_db)
    dialog = open_dialog(qtbot, sqlite_db, key)
    dialog.borrower.setText("张师傅")
    dialog.due.setDateTime(QDateTime(dt.datetime(2026, 7, 2, 12, 0)))
    assert dialog.extension.isEnabled()
    dialog.approver.setCurrentIndex(0)
    dialog.password.setText(PASSWORD)
    ok_and_wait(dialog)
    assert dialog.isVisible() and "「延期原因」" in dialog.error_label.text()
    assert loans(sqlite_db) == []
    dialog.extension.setText("配电室检修跨夜施工")
    ok_and_wait(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert loans(sqlite_db) == [("张师傅", "刘敏", boss.id, "配电室检修跨夜施工")]
    assert dialog.result_value.loan.extension_reason == "配电室检修跨夜施工"


@pytest.fixture
def tab(qtbot, sqlite_db, project):
    def make(user: UserRef) -> KeysTab:
        sqlite_db.user = user
        tab = KeysTab(sqlite_db)
        tab.now = Clock(MORNING)
        qtbot.addWidget(tab)
        tab.resize(1366, 700)
        tab.show()
        tab.set_scope(Scope(project.id))
        qtbot.waitUntil(tab.is_loaded, timeout=5000)
        return tab
    return make


def test_a_clerk_finds_the_closing_time_disabled_saying_who_may(tab, sqlite_db):
    keys = tab(UserRef(None, "wangxw", "王晓雯", "clerk"))
    assert "18:00" in keys.closing_label.text()
    assert not keys.closing_button.isEnabled() and "主管" in keys.closing_button.toolTip()
    dialog = ClosingTimeDialog(sqlite_db, keys)  # and were it opened anyway, the service refuses
    ok_and_wait(dialog)
    assert "主管" in dialog.error_label.text() and kc.closing_time(sqlite_db) == dt.time(18, 0)


def test_a_supervisor_changes_the_closing_time(qtbot, tab, sqlite_db):
    keys = tab(UserRef(None, "liumin", "刘敏", "supervisor"))
    assert keys.closing_button.isEnabled()

    def change(dialog: ClosingTimeDialog) -> None:
        dialog.time.setTime(QTime(17, 30))
        ok_and_wait(dialog)
    seen = answer_dialog(keys.closing_button.click, change)
    assert len(seen) == 1, seen[1:]
    assert kc.closing_time(sqlite_db) == dt.time(17, 30) and "17:30" in keys.closing_label.text()


def test_a_lent_key_card_shows_the_loan(qtbot, tab, sqlite_db, key):
    boss = supervisor(sqlite_db)
    kc.lend(sqlite_db, key.id, borrower="张师傅", department="工程部", reason="维修", at=MORNING,
            due_at=dt.datetime(2026, 7, 2, 12, 0), extension_reason="跨夜施工", approver=boss.username,
            password=PASSWORD)
    keys = tab(UserRef(None, "wangxw", "王晓雯", "clerk"))
    keys.show_tag(key.tag)
    text = keys.card.loan_label.text()
    assert all(w in text for w in ("张师傅", "07-02 12:00", "刘敏", "跨夜施工")), text
