"""The key desk as a clerk works it with a scanner: each scan opens the key it names — two scans in a row,
a scan while a card button has the focus, a scan that lands in the first key's open dialog — and a key's
history opens from its card or a double-click on its row.

A scanner is a keyboard: `scanner()` types into whatever widget has the focus, with no pause between
keys (nothing is processed in between but what each key press does at once), as a real one does.
"""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from gui.tabs.keys.dialogs import ReturnDialog
from gui.tabs.keys.history import KeyHistoryDialog
from gui.tabs.keys.tab import KeysTab
from models.browse import Scope
from models.keys import KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from models.services import key_custody as kc
from models.services import projects
from tests.gui_helpers import Clock, still_open, wait_written
from tests.key_accounts import approval, supervisor

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
MORNING = dt.datetime(2026, 7, 1, 9, 0)


@pytest.fixture
def lent(sqlite_db):
    """Two keys out on loan with 张师傅: he brings both back."""
    p = projects.add_project(sqlite_db, "CHY", "翠湖园")
    boss = approval(supervisor(sqlite_db))
    keys = []
    for tag, opens, slot in (("K-00-00-PDS-A", "高低压配电室", "01-01"), ("K-00-00-SBF-A", "生活水泵房", "01-02")):
        key = kc.receive_key(sqlite_db, p.id, tag=tag, opens=opens, cabinet="G01", slot=slot,
                             at=MORNING - dt.timedelta(days=1))
        kc.lend(sqlite_db, key.id, borrower="张师傅", department="工程部", reason="维修", at=MORNING, **boss)
        keys.append(key)
    return p, keys


@pytest.fixture
def tab(qtbot, sqlite_db, lent):
    tab = KeysTab(sqlite_db)
    tab.now = Clock(MORNING + dt.timedelta(hours=2))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(lent[0].id))
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 2, timeout=5000)
    tab.activateWindow()
    tab.scan_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.scan_edit, timeout=2000)
    return tab


def scanner(qtbot, text: str) -> None:
    """Type `text` ('\\r' is Enter) into the focused widget, one key after another."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None
        if char == "\r":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(target, char)


def returns(db) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(t, p) for t, p in s.execute(select(kc.Key.tag, KeyEvent.person).join(KeyEvent, KeyEvent.key_id == kc.Key.id)
                                             .where(KeyEvent.kind == E.RETURN).order_by(KeyEvent.id))]


def test_two_scans_in_a_row_each_open_the_key_they_name(qtbot, tab, sqlite_db):
    shown: list[str] = []
    tab.key_shown.connect(lambda: shown.append(tab.card.key.tag if tab.card.key else ""))
    scanner(qtbot, "K-00-00-PDS-A\rK-00-00-SBF-A\r")
    assert shown == ["K-00-00-PDS-A", "K-00-00-SBF-A"]  # each scan opened its own key, in order
    assert tab.dialog is None and QApplication.activeModalWidget() is None  # no dialog of the first key
    assert tab.card.tag_label.text() == "K-00-00-SBF-A" and QApplication.focusWidget() is tab.scan_edit
    assert tab.scan_edit.selectedText() == "K-00-00-SBF-A"  # the next scan replaces it


def test_a_scan_while_a_card_button_has_the_focus_goes_to_the_scan_field(qtbot, tab):
    scanner(qtbot, "K-00-00-PDS-A\r")
    tab.card.buttons[E.RETURN].setFocus()  # the clerk tabbed to 归还 (or clicked next to it)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.card.buttons[E.RETURN], timeout=2000)
    scanner(qtbot, "K-00-00-SBF-A\r")
    assert tab.dialog is None and tab.card.key.tag == "K-00-00-SBF-A"


def test_each_key_gets_its_own_dialog_even_when_the_next_scan_lands_in_the_first(qtbot, tab, sqlite_db):
    # scan, Enter: the first key's 归还 (its likely next step) opens; at once, before anything else is
    # processed, the second key is scanned — into wherever the focus is as the dialog opens
    scanner(qtbot, "K-00-00-PDS-A\r\rK-00-00-SBF-A\r")
    first = tab.dialog
    assert isinstance(first, ReturnDialog) and first.key.tag == "K-00-00-PDS-A"
    # not taken as the returner, not saved, the dialog still the first key's, the scan kept for after
    assert first.isVisible() and first.returned_by.text() == "" and returns(sqlite_db) == []
    assert "K-00-00-SBF-A" in first.error_label.text() and "K-00-00-PDS-A" in first.error_label.text()

    # the clerk types the returner after all (a scan after a name is caught too, the name kept)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.returned_by, timeout=2000)
    qtbot.keyClicks(first.returned_by, "Zhang")
    scanner(qtbot, "k-00-00-sbf-a\r")
    assert first.isVisible() and first.returned_by.text() == "Zhang" and returns(sqlite_db) == []
    qtbot.keyClick(first.returned_by, Qt.Key.Key_Return)
    assert not still_open(first)
    assert returns(sqlite_db) == [("K-00-00-PDS-A", "Zhang")]

    # the queued scan opens its key; Enter starts its own 归还
    assert tab.dialog is None and tab.card.key.tag == "K-00-00-SBF-A" and tab.card.key.status is K.LENT
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.scan_edit, timeout=2000)  # back in the window
    scanner(qtbot, "\r")
    second = tab.dialog
    assert isinstance(second, ReturnDialog) and second.key.tag == "K-00-00-SBF-A"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second.returned_by, timeout=2000)
    scanner(qtbot, "Zhang\r")
    wait_written(second)
    assert returns(sqlite_db) == [("K-00-00-PDS-A", "Zhang"), ("K-00-00-SBF-A", "Zhang")]
    # after a step, Enter does not start another: it opens the key again
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.scan_edit, timeout=2000)
    scanner(qtbot, "\r")
    assert tab.dialog is None and tab.card.key.status is K.IN_STORE


def test_a_scan_reaching_the_field_while_a_dialog_is_open_waits_for_it(qtbot, tab):
    scanner(qtbot, "K-00-00-PDS-A\r\r")
    dialog = tab.dialog
    for tag in ("K-00-00-SBF-A", "K-00-00-PDS-A"):  # sent to the field itself, past the modal dialog
        qtbot.keyClicks(tab.scan_edit, tag)
        qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    assert tab.dialog is dialog and tab.card.key.tag == "K-00-00-PDS-A"
    assert "K-00-00-SBF-A、K-00-00-PDS-A" in dialog.error_label.text()  # each scan whole, in order
    shown: list[str] = []
    tab.key_shown.connect(lambda: shown.append(tab.card.key.tag))
    dialog.reject()
    assert shown == ["K-00-00-SBF-A", "K-00-00-PDS-A"] and tab.dialog is None


def test_enter_after_a_scan_never_starts_an_irreversible_step(qtbot, tab, sqlite_db, lent):
    """Only 借出 and 归还 are an Enter away (KeyRow.next_step); a sealed or issued key's Enter opens nothing."""
    p, _ = lent
    key = kc.receive_key(sqlite_db, p.id, tag="K-00-00-FDJ-A", opens="发电机房", cabinet="G01", slot="01-03")
    kc.seal(sqlite_db, key.id, seal_no="FT-0009")
    scanner(qtbot, "K-00-00-FDJ-A\r\r")
    assert tab.dialog is None and tab.card.key.status is K.SEALED
    assert kc.find_by_tag(sqlite_db, p.id, "K-00-00-FDJ-A").next_step is None


def test_history_opens_by_double_click_and_from_the_card(qtbot, tab):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_values(r)[0] == "K-00-00-PDS-A")
    index = tab.model.index(row, 2)
    tab.table.doubleClicked.emit(index)  # what a double-click on the row sends
    history = tab.dialog
    assert isinstance(history, KeyHistoryDialog) and history.key.tag == "K-00-00-PDS-A"
    assert history.kinds() == ["接收", "借出"]
    assert history.model.index(1, 3).data() == "张师傅" and "批准：刘敏" in history.model.index(1, 4).data()
    assert tab.card.key.tag == "K-00-00-PDS-A"
    history.reject()

    scanner(qtbot, "K-00-00-SBF-A\r")
    tab.card.history_button.click()
    assert isinstance(tab.dialog, KeyHistoryDialog) and tab.dialog.key.tag == "K-00-00-SBF-A"
    tab.dialog.reject()


def test_the_card_shows_the_slot_the_borrower_and_the_due_time(qtbot, tab):
    scanner(qtbot, "K-00-00-PDS-A\r")
    card = tab.card
    assert card.place_label.text() == "柜格：G01-01-01"
    assert "张师傅" in card.loan_label.text() and "07-01 18:00" in card.loan_label.text()
    assert card.first_action() is card.buttons[E.RETURN] and card.buttons[E.RETURN].isDefault()


def test_a_tag_scanned_into_a_seal_number_does_not_seal_the_open_key_with_it(qtbot, tab, sqlite_db, lent):
    p, _ = lent
    kc.receive_key(sqlite_db, p.id, tag="K-00-00-FDJ-A", opens="发电机房", cabinet="G01", slot="01-03")
    scanner(qtbot, "K-00-00-FDJ-A\r")
    tab.card.buttons[E.SEAL].click()
    dialog = tab.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text, timeout=2000)
    scanner(qtbot, "K-00-00-PDS-A\r")  # the next key, scanned before the seal number was typed
    assert dialog.isVisible() and dialog.text.text() == ""
    assert kc.find_by_tag(sqlite_db, p.id, "K-00-00-FDJ-A").status is K.IN_STORE
    scanner(qtbot, "FT-0009\r")  # the seal strip's number (not a tag): saved
    assert not still_open(dialog)
    assert kc.find_by_tag(sqlite_db, p.id, "K-00-00-FDJ-A").status is K.SEALED
    assert tab.card.key.tag == "K-00-00-PDS-A"  # the waiting scan, opened after


def test_a_password_typed_in_a_key_dialog_is_never_looked_up_as_a_tag(qtbot, tab, sqlite_db, lent, monkeypatch):
    p, _ = lent
    kc.receive_key(sqlite_db, p.id, tag="K-00-00-FDJ-A", opens="发电机房", cabinet="G01", slot="01-03")
    looked_up: list[str] = []
    real = kc.scanned_tag
    monkeypatch.setattr(kc, "scanned_tag", lambda db, pid, typed: looked_up.append(typed) or real(db, pid, typed))
    scanner(qtbot, "K-00-00-FDJ-A\r\r")
    dialog = tab.dialog
    dialog.borrower.setText("Zhang")
    dialog.password.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password, timeout=2000)
    scanner(qtbot, "secret\r")
    assert "secret" not in "".join(looked_up) and dialog.isVisible()  # refused: no approver chosen
    dialog.reject()
