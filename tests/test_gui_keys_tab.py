"""The 钥匙管理 tab driven as a desk clerk would: scan a tag, lend it with a supervisor's approval, see it
逾期未还 after closing time by the tab's clock, return it; issue a key to the unit's owner — all audited."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from gui.tabs.keys.tab import KeysTab
from models.audit import AuditLog
from models.browse import Scope
from models.keys import KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from models.services import key_custody as kc
from models.services import projects
from models.services.locations import unit_owners
from tests.gui_helpers import Clock, still_open
from tests.key_accounts import PASSWORD, supervisor
from tests.sample_data import unit_with_owner

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
MORNING = dt.datetime(2026, 7, 1, 9, 0)


@pytest.fixture
def setup(sqlite_db):
    p = projects.add_project(sqlite_db, "CHY", "翠湖园")
    ids = unit_with_owner(sqlite_db, p.id)[:2]
    supervisor(sqlite_db, "lizg", "李主管")
    return p, ids


@pytest.fixture
def tab(qtbot, sqlite_db, setup):
    tab = KeysTab(sqlite_db)
    tab.now = Clock(MORNING)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(setup[0].id))
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab


def scan(qtbot, tab, tag):
    tab.scan_edit.clear()
    with qtbot.waitSignal(tab.key_shown, timeout=2000):
        qtbot.keyClicks(tab.scan_edit, tag)
        qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    return tab.card.key


def open_step(tab, kind, fill) -> list:
    """Click the card's button: its dialog opens (window-modal, without blocking); fill it and press OK.

    A dialog still open after `fill` (the save was refused) is closed; its error text is returned with it.
    """
    tab.card.buttons[kind].click()
    dialog = tab.dialog
    assert dialog is not None, "no dialog opened"
    seen = [dialog]
    fill(dialog)
    if still_open(dialog):
        seen.append(dialog.error_label.text())
        dialog.reject()
    return seen


def act(tab, kind, fill):
    seen = open_step(tab, kind, fill)
    assert len(seen) == 1, seen[1:]  # no refusal text
    return seen[0]


def test_unit_owners_lists_current_owners_only(sqlite_db, setup):
    _, (unit_id, owner_id) = setup
    assert unit_owners(sqlite_db, unit_id) == [(owner_id, "董艳辉")]


def test_unknown_tag_keeps_focus_for_the_next_scan(qtbot, tab):
    tab.activateWindow()
    tab.scan_edit.setFocus()
    assert scan(qtbot, tab, "K-NOPE") is None
    assert "不存在" in tab.card.message_label.text() and tab.card.visible_actions() == []
    assert tab.scan_edit.selectedText() == "K-NOPE"


def test_scan_lend_overdue_return_issue(qtbot, tab, sqlite_db, setup, boxes):
    p, (unit_id, owner_id) = setup
    key = kc.receive_key(sqlite_db, p.id, tag="K-01-0101-A", unit_id=unit_id, opens="1栋1单元101 入户门",
                         at=MORNING - dt.timedelta(days=1))
    tab.reload()
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 1, timeout=5000)

    # a scanner types the tag (in lower case, say) and Enter: the card with only what may happen next
    shown = scan(qtbot, tab, "k-01-0101-a")
    assert shown.id == key.id and tab.card.tag_label.text() == "K-01-0101-A"
    assert tab.card.visible_actions() == [E.LEND, E.ISSUE, E.SEAL, E.LOSE, E.HAND_OVER, E.RETIRE]

    # 借出 without a supervisor's confirmation is refused in the dialog; with one it is recorded, due at
    # closing time
    def refused(dialog):
        dialog.borrower.setText("张师傅")
        assert dialog.approver.currentIndex() == -1  # never pre-chosen
        dialog.password.setText(PASSWORD)
        dialog.ok()

    seen = open_step(tab, E.LEND, refused)
    assert "「批准主管」" in seen[-1]

    def lend(dialog):
        assert dialog.borrower.hasFocus() or not dialog.isActiveWindow()
        assert dialog.due.dateTime().toPython() == dt.datetime(2026, 7, 1, 18, 0)  # the default, shown
        dialog.borrower.setText("张师傅")
        dialog.department.setCurrentText("工程部")
        dialog.reason.setCurrentText("维修")
        dialog.approver.setCurrentIndex(dialog.approver.findData("lizg"))
        dialog.password.setText(PASSWORD)
        qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return)  # Enter accepts

    with qtbot.waitSignal(tab.data_edited, timeout=2000):
        act(tab, E.LEND, lend)
    assert tab.card.key.status is K.LENT and tab.card.visible_actions() == [E.RETURN, E.LOSE]
    assert tab.overdue.tags() == []

    # past closing time by the tab's clock: 逾期未还, in red
    tab.now.at = dt.datetime(2026, 7, 1, 18, 30)
    tab.reload()
    assert tab.overdue.tags() == ["K-01-0101-A"]
    assert tab.overdue.table.item(0, 1).text() == "张师傅"
    assert tab.overdue.table.item(0, 0).foreground().color().name() == "#b3261e"

    # the next morning the key comes back: scan, 归还, and it leaves 逾期未还
    tab.now.at = dt.datetime(2026, 7, 2, 8, 30)
    scan(qtbot, tab, "K-01-0101-A")

    def give_back(dialog):
        dialog.returned_by.setText("张师傅")
        dialog.condition.setCurrentText("完好")
        dialog.ok()

    with qtbot.waitSignal(tab.data_edited, timeout=2000):
        act(tab, E.RETURN, give_back)
    assert tab.card.key.status is K.IN_STORE and tab.overdue.tags() == []
    assert tab.scan_edit.selectedText() == tab.scan_edit.text()  # ready for the next scan

    # 发放 to the owner of the unit, picked from the unit's owners
    def issue(dialog):
        assert [dialog.owner.itemText(i) for i in range(dialog.owner.count())] == ["董艳辉"]
        dialog.ok()

    act(tab, E.ISSUE, issue)
    assert tab.card.key.status is K.ISSUED
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 1, timeout=5000)
    assert boxes == []

    with sqlite_db.read() as s:
        events = s.execute(select(KeyEvent.kind, KeyEvent.person, KeyEvent.approved_by, KeyEvent.owner_id)
                           .where(KeyEvent.key_id == key.id).order_by(KeyEvent.id)).all()
        audit = s.scalars(select(AuditLog.after).where(AuditLog.table_name == "keys",
                                                       AuditLog.record_id == key.id).order_by(AuditLog.id)).all()
    assert [(k, person, approver) for k, person, approver, _ in events] == [
        (E.RECEIVE, "", ""), (E.LEND, "张师傅", "李主管"), (E.RETURN, "张师傅", ""), (E.ISSUE, "", "")]
    assert events[-1][3] == owner_id
    # the key's record created, then each status move: 借出, 在库, 已发放 (stored as codes)
    assert [a for a in audit if a and "status" in a][-3:] == ['{"status": "lent"}', '{"status": "in_store"}',
                                                             '{"status": "issued"}']
