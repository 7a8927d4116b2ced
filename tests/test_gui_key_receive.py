"""接收钥匙 from the keys tab: every numeric field of the key dialogs refuses what is not a number of its kind
(数量: a whole number of keys, 1 to 9999) with a message naming the field, keeps the text to correct and
saves nothing; a taken hook is refused naming it; roles a control is not for are shown, not refused late."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from gui.tabs.keys.dialogs import ReceiveDialog
from gui.tabs.keys.tab import KeysTab
from models.browse import Scope
from models.db import UserRef
from models.keys import Key
from models.project import Unit
from models.services import key_custody as kc
from models.services import projects
from tests.gui_helpers import Clock, ok_and_wait, still_open

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
MORNING = dt.datetime(2026, 7, 1, 9, 0)
# (field, the dialog's widget) for every numeric field of the key dialogs
NUMERIC_FIELDS = [("数量", "count")]
BAD = ["1o00", "abc", "-5", "1e20", "13800138000", "１２", "", "9" * 2000]


@pytest.fixture
def project(sqlite_db):
    p = projects.add_project(sqlite_db, "CHY", "翠湖园")
    with sqlite_db.begin() as s:
        s.add(Unit(project_id=p.id, number="1栋1单元101"))
    return p


@pytest.fixture
def tab(qtbot, sqlite_db, project):
    tab = KeysTab(sqlite_db)
    tab.now = Clock(MORNING)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(project.id))
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab


def keys(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Key))


def open_receive(tab) -> ReceiveDialog:
    tab.receive_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ReceiveDialog)
    return dialog


@pytest.mark.parametrize("field, widget", NUMERIC_FIELDS)
@pytest.mark.parametrize("text", BAD, ids=["1o00", "abc", "-5", "1e20", "phone", "fullwidth", "empty", "2000-chars"])
def test_a_bad_number_is_a_message_naming_the_field_and_nothing_is_saved(qtbot, tab, sqlite_db, field, widget, text):
    dialog = open_receive(tab)
    dialog.tag.setText("K-00-00-PDS-A")
    dialog.opens.setText("高低压配电室")
    getattr(dialog, widget).setText(text)
    ok_and_wait(dialog)
    assert dialog.isVisible() and f"「{field}」" in dialog.error_label.text()
    assert len(dialog.error_label.text()) < 120
    assert getattr(dialog, widget).text() == text  # kept, to be corrected
    assert keys(sqlite_db) == 0
    getattr(dialog, widget).setText("2")
    ok_and_wait(dialog)
    assert not still_open(dialog) and keys(sqlite_db) == 1
    assert tab.card.key.tag == "K-00-00-PDS-A" and tab.card.key.count == 2


def test_receive_a_units_key_into_a_free_hook_then_a_taken_one(qtbot, tab, sqlite_db, project):
    dialog = open_receive(tab)
    for widget, text in (("tag", "k-01-01-101-a"), ("cabinet", "G01"), ("slot", "01-16"), ("person", "原物业")):
        getattr(dialog, widget).setText(text)
    dialog.unit.setEditText("1栋1单元101")
    ok_and_wait(dialog)
    assert not still_open(dialog)
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 1, timeout=5000)
    assert tab.card.key.tag == "K-01-01-101-A" and tab.card.place_label.text() == "柜格：G01-01-16"

    dialog = open_receive(tab)
    for widget, text in (("tag", "K-01-01-101-B"), ("cabinet", "G01"), ("slot", "01-16")):
        getattr(dialog, widget).setText(text)
    dialog.unit.setEditText("1栋1单元101")
    ok_and_wait(dialog)
    assert dialog.isVisible() and "「柜格」G01-01-16 已有钥匙 K-01-01-101-A" in dialog.error_label.text()
    assert keys(sqlite_db) == 1
    dialog.reject()


def test_a_clerk_finds_the_closing_time_disabled_saying_who_may(qtbot, sqlite_db, project):
    sqlite_db.user = UserRef(None, "wangxw", "王晓雯", "clerk")
    tab = KeysTab(sqlite_db)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_scope(Scope(project.id))
    assert not tab.closing_button.isEnabled()
    assert tab.closing_button.toolTip() == "仅主管或管理员可以修改下班时间"
    assert kc.closing_setting(sqlite_db).may_change is False
