"""Writes run off the GUI thread (gui/ops.py): while another desk holds SQLite's write lock, a key's 借出
waits in a worker and the window keeps working; once the lock is let go the loan is recorded and the
keys tab shows it. And the one announcement after a write reloads the tabs that show what changed,
not the others."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.engine import make_url

from gui import ops
from gui.main_window import MainWindow
from models.keys import Key, KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from tests.key_accounts import PASSWORD, supervisor
from tests.sample_data import make_sample

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
TAG = "K-01-01-1002-A"  # in store in the sample; K-01-01-1001-A is out on loan


@pytest.fixture
def window(qtbot, sqlite_db):
    make_sample(sqlite_db)
    supervisor(sqlite_db)
    w = MainWindow(sqlite_db, initial_tab="keys")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_tab().is_loaded(), timeout=5000)
    return w


class Counter:
    """Counts calls of a tab's reload() and the table loads it starts."""

    def __init__(self, monkeypatch, tab) -> None:
        self.reloads = 0
        self.loads = 0
        original = tab.reload

        def counted() -> None:
            self.reloads += 1
            original()
        monkeypatch.setattr(tab, "reload", counted)
        model = getattr(tab, "model", None)
        if model is not None and hasattr(model, "loading_started"):
            model.loading_started.connect(self._loaded)

    def _loaded(self, *_args) -> None:
        self.loads += 1


def open_lend(qtbot, window):
    tab = window.tabs["keys"]
    tab.scan_edit.clear()
    with qtbot.waitSignal(tab.key_shown, timeout=5000):
        qtbot.keyClicks(tab.scan_edit, TAG)
        qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    assert tab.card.key.status is K.IN_STORE
    tab.card.buttons[E.LEND].click()
    dialog = tab.dialog
    dialog.borrower.setText("Zhang")
    dialog.approver.setCurrentIndex(dialog.approver.findData("liumin"))
    dialog.password.setText(PASSWORD)
    if dialog.extension.isEnabled():  # run after closing time: the default due is tomorrow, an extension
        dialog.extension.setText("Night works")
    return tab, dialog


def lends_of(db, tag: str) -> int:
    with db.read() as s:
        return len(s.scalars(select(KeyEvent.id).join(Key, Key.id == KeyEvent.key_id)
                             .where(Key.tag == tag, KeyEvent.kind == E.LEND)).all())


def status_shown(tab, tag: str) -> str:
    status = next(i for i, c in enumerate(tab.model.spec.columns) if c.key == "status")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == tag)
    return tab.model.index(row, status).data()


def hold_write_lock(db) -> sqlite3.Connection:
    """Another desk in the middle of a write: BEGIN IMMEDIATE and a change, not yet committed."""
    path = Path(str(make_url(db.url).database))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE projects SET name = name")
    return other


def test_a_lend_waiting_for_the_write_lock_leaves_the_window_working(qtbot, window, sqlite_db):
    tab, dialog = open_lend(qtbot, window)
    other = hold_write_lock(sqlite_db)
    ticks: list[int] = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        dialog.ok()
        qtbot.waitUntil(lambda: not dialog.buttons.isEnabled(), timeout=5000)  # OK cannot be pressed twice
        # the event loop runs on while the lend waits for the lock in its worker
        qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=8000)
        assert dialog.is_writing() and dialog.isVisible()
        assert lends_of(sqlite_db, TAG) == 0
        assert QApplication.overrideCursor() is not None  # busy
        bar = dialog.write_task.progress_bar
        qtbot.waitUntil(bar.isVisible, timeout=5000)  # it is taking a while: a bar, without a cancel button
        dialog.reject()  # the clerk cannot walk away from a write on its way
        assert dialog.isVisible()
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=15000)
    assert lends_of(sqlite_db, TAG) == 1
    assert QApplication.overrideCursor() is None and not (shiboken6.isValid(bar) and bar.isVisible())
    assert tab.card.key.tag == TAG and tab.card.key.status is K.LENT
    qtbot.waitUntil(lambda: tab.is_loaded() and status_shown(tab, TAG) == status_shown(tab, "K-01-01-1001-A"),
                    timeout=5000)
    timer.stop()


def test_a_refused_lend_keeps_the_dialog_open_with_its_message(qtbot, window, sqlite_db, boxes):
    tab, dialog = open_lend(qtbot, window)
    dialog.password.setText("not-the-password")
    dialog.ok()
    qtbot.waitUntil(lambda: not dialog.is_writing(), timeout=15000)
    assert dialog.isVisible() and dialog.buttons.isEnabled() and dialog.error_label.isVisible()
    assert dialog.error_label.text() and dialog.password.text() == ""
    assert lends_of(sqlite_db, TAG) == 0 and boxes == []
    dialog.reject()


def test_a_lend_reloads_the_tabs_showing_keys_and_not_the_others(qtbot, window, sqlite_db, monkeypatch):
    defects, overview, keys = (Counter(monkeypatch, window.tabs[k]) for k in ("defects", "overview", "keys"))
    heard: list[ops.Change] = []
    ops.changes().changed.connect(heard.append)
    try:
        tab, dialog = open_lend(qtbot, window)
        dialog.ok()
        qtbot.waitUntil(lambda: bool(heard), timeout=15000)
    finally:
        ops.changes().changed.disconnect(heard.append)
    change = heard[0]
    assert change.kinds == {ops.KEYS} and change.ids == {tab.card.key.id}
    assert change.project_id == window.current_project().id
    assert change.started_in(dialog) and change.started_in(tab)  # the keys tab's own dialog
    assert overview.reloads == 1  # it counts keys
    assert keys.reloads == 0  # it refreshed itself after its own write, once
    assert defects.reloads == 0 and defects.loads == 0
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    assert status_shown(tab, TAG) == status_shown(tab, "K-01-01-1001-A")


def test_a_change_made_elsewhere_reloads_the_keys_tab(qtbot, window, monkeypatch):
    keys, fees = Counter(monkeypatch, window.tabs["keys"]), Counter(monkeypatch, window.tabs["fees"])
    project_id = window.current_project().id
    ops.publish(ops.change(ops.KEYS, project_id=project_id))  # a dialog outside the tab (no origin in it)
    assert keys.reloads == 1 and fees.reloads == 0
    ops.publish(ops.change(ops.KEYS, project_id=project_id + 1000))  # another project's keys
    assert keys.reloads == 1
    window.data_changed.emit("settings")  # the old way of saying it: 下班时间 may have changed
    assert keys.reloads == 2 and fees.reloads == 1


def test_a_scan_while_the_lend_waits_is_kept_and_opened_after(qtbot, window, sqlite_db):
    """The dialog stays open to the scanner while its write waits: the next tag is queued, not typed
    into the borrower, and opens once the lend is in."""
    tab, dialog = open_lend(qtbot, window)
    other = hold_write_lock(sqlite_db)
    try:
        dialog.ok()
        qtbot.waitUntil(lambda: not dialog.buttons.isEnabled(), timeout=5000)
        qtbot.keyClicks(dialog.borrower, "K-01-01-1003-A")
        qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return)
        assert dialog.is_writing() and dialog.borrower.text() == "Zhang"
        assert "K-01-01-1003-A" in dialog.error_label.text()
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: tab.dialog is None and tab.card.key is not None
                    and tab.card.key.tag == "K-01-01-1003-A", timeout=15000)
    assert lends_of(sqlite_db, TAG) == 1 and lends_of(sqlite_db, "K-01-01-1003-A") == 0
