"""The last writes and long jobs of the GUI off its thread (gui/ops.py): 切换用户's logout, 备份… and
恢复… wait for another desk's write lock in a worker while the window's event loop runs on, and
finish once the lock is let go; a restore then comes back with the backup's records. And the
楼栋、房屋与业主 dialog reads each list once per save, the main window's tabs once per save."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.engine import make_url

from gui import ops, relaunch
from gui.dialogs import backups as backup_dialogs
from gui.dialogs import units_owners
from gui.dialogs.people_forms import BuildingDialog, OwnerDialog, UnitDialog
from gui.dialogs.units_owners import UnitsOwnersDialog
from gui.main_window import MainWindow
from gui.session import last_main_window, switch_user
from models import backup as bk
from models.audit import AuditLog
from models.db import Database
from models.project import Project
from models.services import auth, projects
from models.services.projects import ProjectForm
from tests.gui_helpers import answer_dialog, ok_and_wait, writes_done
from tests.key_accounts import PASSWORD, supervisor
from tests.sample_data import make_sample

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]


# ---- helpers ---------------------------------------------------------------------------------------

def hold_write_lock(db: Database) -> sqlite3.Connection:
    """Another desk in the middle of a write: BEGIN IMMEDIATE and a change, not yet committed."""
    path = Path(str(make_url(db.url).database))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE projects SET name = name")
    return other


def let_go(other: sqlite3.Connection) -> None:
    other.rollback()
    other.close()


class Ticks:
    """A timer on the GUI thread: it only ticks while the event loop runs."""

    def __init__(self, parent) -> None:
        self.count = 0
        self.timer = QTimer(parent, interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def project_codes(path: Path) -> set[str]:
    db = Database.open(str(path), upgrade=False)
    try:
        with db.read() as s:
            return set(s.scalars(select(Project.code)))
    finally:
        db.dispose()


def create_project(window: MainWindow, code: str) -> None:
    """A write through the runner, as a dialog's OK makes it."""
    ops.run_op(window, window.db, lambda db: projects.create_project(db, ProjectForm(code, f"项目{code}")),
               what=ops.change(ops.PROJECTS), busy=[])


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions answered yes, messages recorded: a modal box would wait for a click forever."""
    shown: list[str] = []
    monkeypatch.setattr(backup_dialogs, "confirm", lambda parent, text: shown.append(text) or True)
    monkeypatch.setattr(backup_dialogs, "inform", lambda parent, text: shown.append(text))
    return shown


@pytest.fixture
def relaunched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(relaunch, "_restarting", False)  # put back after the test
    monkeypatch.setattr(relaunch, "start_detached", lambda program, args: started.append((program, args)) or True)
    return started


@pytest.fixture
def window(qtbot, sqlite_db) -> MainWindow:
    make_sample(sqlite_db)
    w = MainWindow(sqlite_db)
    qtbot.addWidget(w)
    w.show()
    return w


# ---- 备份… -----------------------------------------------------------------------------------------

def test_a_backup_behind_a_write_waiting_for_the_lock_leaves_the_window_working(qtbot, window, sqlite_db, said):
    path = bk.sqlite_file(sqlite_db)
    assert path is not None and bk.backups(path) == []
    other = hold_write_lock(sqlite_db)
    ticks = Ticks(window)
    try:
        create_project(window, "BEFORE")  # asked for before 备份…: it waits for the other desk
        window.backup_action.trigger()
        task = window.backup_task
        # The event loop runs on while the write, and the backup queued behind it, wait in the writer.
        qtbot.waitUntil(lambda: ticks.count >= 20, timeout=8000)
        assert bk.backups(path) == [] and not any("已备份到" in t for t in said)
        assert "BEFORE" not in project_codes(path)
    finally:
        let_go(other)
    qtbot.waitUntil(lambda: any("已备份到" in t for t in said), timeout=20000)
    made = bk.backups(path)
    assert len(made) == 1 and str(made[0].path) in said[-1]
    assert "BEFORE" in project_codes(made[0].path)  # the write asked for first is in the copy
    assert "已备份到" in window.statusBar().currentMessage()
    assert not (shiboken6.isValid(task.dialog) and task.dialog.isVisible())
    assert QApplication.overrideCursor() is None
    ticks.timer.stop()


def test_a_backup_that_fails_says_so_in_chinese_without_the_programs_details(qtbot, window, boxes, monkeypatch):
    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(bk, "make_backup", broken)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    assert "备份没有完成" in boxes[-1] and "详情已记入日志" in boxes[-1]
    assert "disk I/O" not in boxes[-1] and "Traceback" not in boxes[-1]


# ---- 恢复… -----------------------------------------------------------------------------------------

def test_a_restore_behind_a_waiting_write_completes_and_the_app_shows_the_backup(qtbot, window, sqlite_db, said,
                                                                                relaunched):
    path = bk.sqlite_file(sqlite_db)
    assert path is not None
    backup = bk.make_backup(path, now=dt.datetime.now() - dt.timedelta(days=1))
    with sqlite_db.begin() as s:
        s.add(Project(code="LATER", name="备份之后"))
    ticks = Ticks(window)
    other = hold_write_lock(sqlite_db)
    waited: list[bool] = []

    def release_when_waited_a_while() -> None:
        # Called from the timer: the restore is queued behind the write that waits for the lock.
        if ticks.count >= 20 and not waited:
            dialog = getattr(window, "restore_dialog", None)
            waited.append(dialog is not None and dialog.restored_from is None)
            let_go(other)
    ticks.timer.timeout.connect(release_when_waited_a_while)

    def restore(dialog) -> None:
        create_project(window, "QUEUED")  # asked for before the restore: it goes into the file kept aside
        dialog.select(next(b for b in dialog.model.files if b.path == backup.path))
        dialog.restore_button.click()

    answer_dialog(window.restore_action.trigger, restore)
    ticks.timer.stop()
    dialog = window.restore_dialog
    assert waited == [True]  # the event loop ran while the restore waited its turn
    assert dialog.restored_from == backup and dialog.error_label.text() == ""
    assert any("程序现在重新启动" in t for t in said) and relaunched
    assert {"LATER", "QUEUED"} <= project_codes(dialog.aside)  # nothing was lost half-written
    assert project_codes(path) == project_codes(backup.path)

    # The relaunched run opens the restored file: its window shows the backup's projects.
    sqlite_db.dispose()
    again = Database.open(str(path))
    again.user = sqlite_db.user
    second = MainWindow(again)
    qtbot.addWidget(second)
    shown = [second.project_combo.itemText(i) for i in range(second.project_combo.count())]
    assert shown == ["翠湖园（CHY）", "丽景苑（LJY）"]
    again.dispose()


# ---- 切换用户 --------------------------------------------------------------------------------------

def logouts(db: Database, username: str) -> int:
    with db.read() as s:
        return len(s.scalars(select(AuditLog.id).where(AuditLog.action == "logout",
                                                        AuditLog.username == username)).all())


def test_a_logout_waiting_for_the_lock_leaves_the_window_working_then_the_login_opens(qtbot, sqlite_db):
    make_sample(sqlite_db)
    supervisor(sqlite_db)
    auth.login(sqlite_db, "liumin", PASSWORD)
    first = MainWindow(sqlite_db)  # not qtbot's to close: 切换用户 replaces it
    first.show()
    ticks = Ticks(first)
    other = hold_write_lock(sqlite_db)
    try:
        switch_user(first)
        qtbot.waitUntil(lambda: ticks.count >= 20, timeout=8000)
        assert ops.in_flight() == 1 and not first.isEnabled()  # no second 切换用户 meanwhile
        assert first.isVisible() and QApplication.activeModalWidget() is None  # no login yet
        assert logouts(sqlite_db, "liumin") == 0
    finally:
        ticks.timer.stop()

    def login(dialog) -> None:
        assert logouts(sqlite_db, "liumin") == 1 and sqlite_db.user is None
        dialog.user_combo.setCurrentIndex(dialog.user_combo.findData("liumin"))
        dialog.password_edit.setText(PASSWORD)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    answer_dialog(lambda: let_go(other), login)  # the lock let go: the logout is written, the login opens
    second = last_main_window(first)
    qtbot.addWidget(second)
    assert second is not first and second.isVisible() and sqlite_db.user.username == "liumin"


# ---- 楼栋、房屋与业主 --------------------------------------------------------------------------------

def test_the_units_and_owners_dialog_reads_each_list_once_per_save(qtbot, window, sqlite_db, monkeypatch):
    reloads = dict.fromkeys(window.tabs, 0)
    for key, tab in window.tabs.items():
        original = tab.reload

        def counted(key=key, original=original) -> None:
            reloads[key] += 1
            original()
        monkeypatch.setattr(tab, "reload", counted)
    monkeypatch.setattr(units_owners, "confirm", lambda *_args: True)
    loads = {"units": 0, "owners": 0}

    failed: list[BaseException] = []

    def check(dialog: UnitsOwnersDialog) -> None:
        # A failed assert inside the dialog's own event loop is kept, the dialog closed, and raised below.
        try:
            saves(dialog)
        except BaseException as exc:  # noqa: BLE001
            failed.append(exc)
        finally:
            closing.update(reloads)
            dialog.reject()

    def saves(dialog: UnitsOwnersDialog) -> None:
        assert isinstance(dialog, UnitsOwnersDialog)
        page, owners = dialog.units_page, dialog.owners_page
        page.browser.model.loading_started.connect(lambda: loads.__setitem__("units", loads["units"] + 1))
        owners.browser.model.loading_started.connect(lambda: loads.__setitem__("owners", loads["owners"] + 1))
        writes_done(qtbot)

        def after(trigger, fill, units: int, owner_list: int) -> None:
            loads.update(units=0, owners=0)
            before = dict(reloads)
            if fill is None:  # no form: a delete, confirmed
                trigger()
            else:
                answer_dialog(trigger, fill)
            qtbot.waitUntil(lambda: ops.in_flight() == 0, timeout=5000)
            assert loads == {"units": units, "owners": owner_list}
            assert all(reloads[k] == before[k] + 1 for k in reloads), reloads  # the main window: once

        def building(d) -> None:
            assert isinstance(d, BuildingDialog)
            d.name_edit.setText("9栋")
            ok_and_wait(d)
        after(page.add_building_button.click, building, units=1, owner_list=0)  # the owners page is not shown
        assert page.browser.building_combo.currentText() == "9栋"

        def unit(d) -> None:
            assert isinstance(d, UnitDialog)
            d.number_edit.setText("9-1-101")
            ok_and_wait(d)
        after(page.add_button.click, unit, units=1, owner_list=0)
        qtbot.waitUntil(lambda: page.unit is not None and page.unit.number == "9-1-101", timeout=5000)  # selected

        dialog.tabs.setCurrentWidget(owners)
        qtbot.waitUntil(owners.browser.is_loaded, timeout=5000)

        def owner(d) -> None:
            assert isinstance(d, OwnerDialog)
            d.name_edit.setText("赵六")
            ok_and_wait(d)
        after(owners.new_button.click, owner, units=1, owner_list=1)

        dialog.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.browser.is_loaded() and page.unit is not None, timeout=5000)
        assert page.unit.number == "9-1-101"
        after(page.delete_button.click, None, units=1, owner_list=1)  # the owners page was shown: it is read too

    closing: dict[str, int] = {}
    answer_dialog(window.units_owners_action.trigger, check)
    writes_done(qtbot)
    if failed:
        raise failed[0]
    assert reloads == closing  # closing the dialog reloads nothing more: each save was announced already
