"""备份与恢复 with real widgets (issue 12 point 5): the start backup, 备份… while another desk writes,
the restore dialog and the restart on the restored file, who may restore, a damaged file at start,
and the PostgreSQL archive through the dialogs."""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import answer_dialog
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select, text

from gui import backup_hooks, relaunch
from gui.app import open_database
from gui.dialogs import backups as dialogs
from gui.dialogs.backups import ArchiveRestoreDialog, DamagedDialog, RestoreDialog
from gui.dialogs.settings import stored_choice
from gui.main_window import MainWindow
from gui.menus import backups as backup_menu
from models import backup as bk
from models.db import Database, UserRef
from models.errors import AuthError
from models.people import Owner
from models.project import Project
from models.schema import metadata
from tests.conftest import TEST_USER, new_pg_schema
from tests.pc_settings_fixture import pc_settings  # noqa: F401  (fixture)

CLERK = UserRef(None, "clerk1", "文员", "clerk")
SHOTS = Path("/tmp")


# ---- helpers ----------------------------------------------------------------------------------------

def _make(path: Path, projects: int = 3, owners: int = 0) -> None:
    db = Database.open(str(path))
    db.user = TEST_USER
    with db.begin() as s:
        for i in range(projects):
            s.add(Project(code=f"P{i:04d}", name=f"小区{i}"))
        s.flush()
        first = s.scalar(select(Project.id).order_by(Project.id))
        s.add_all([Owner(project_id=first, name=f"业主{i}", mobile="13800138000") for i in range(owners)])
    db.dispose()


def _tables(path: Path) -> dict[str, list[tuple]]:
    db = Database.open(str(path), upgrade=False)
    try:
        with db.engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t.name} ORDER BY 1"))]
                    for t in metadata.sorted_tables}
    finally:
        db.dispose()


def _everything(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t.name} ORDER BY 1"))]
                for t in metadata.sorted_tables}


def _codes(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Project.code).order_by(Project.code)))


def _damage(path: Path) -> None:
    """Overwrite pages in the second half of the file (a failed disk): the file still opens, and the
    quick_check beside the login finds the damage."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * (len(data) // page // 2), len(data) - page, page * 2):
        data[start + 100:start + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


def _window(qtbot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions are answered yes and messages recorded: a modal box would wait for a click forever."""
    shown: list[str] = []

    def confirm(parent, text_: str) -> bool:
        shown.append(text_)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "inform", lambda parent, text_: shown.append(text_))
    return shown


@pytest.fixture
def relaunched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """The new process a restore starts, recorded instead of started."""
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(relaunch, "_restarting", False)  # put back after the test: later runs back up on exit
    monkeypatch.setattr(relaunch, "start_detached", lambda program, args: started.append((program, args)) or True)
    return started


@pytest.fixture
def desk(tmp_path: Path, pc_settings: QSettings) -> Iterator[tuple[Path, Database]]:  # noqa: F811
    """A SQLite desk opened as the app opens it (check beside the login), an administrator signed in."""
    path = tmp_path / "desk.sqlite"
    _make(path)
    db = open_database(str(path), pc_settings)
    assert db is not None
    db.user = TEST_USER
    yield path, db
    db.dispose()


def _wait_start(qtbot, db: Database) -> None:
    task = backup_hooks.at_start(db)
    assert task is not None
    qtbot.waitUntil(lambda: backup_hooks._state.start_done.is_set(), timeout=20000)
    qtbot.wait(50)  # the outcome's delivery on the GUI thread


# ---- SQLite -----------------------------------------------------------------------------------------

def test_the_start_backup_is_made_beside_the_window_listed_and_kept_once_a_day(qtbot, desk, said):
    path, db = desk
    assert bk.backups(path) == []
    _wait_start(qtbot, db)
    made = bk.backups(path)
    assert len(made) == 1 and made[0].made_at.date() == dt.date.today()
    assert bk.integrity_problem(made[0].path) is None and made[0].path.parent == bk.backup_folder(path)
    window = _window(qtbot, db)  # the message waited for the window's status bar
    assert "已自动备份数据库" in window.statusBar().currentMessage()
    _wait_start(qtbot, db)  # a second start the same day makes no second copy
    assert bk.backups(path) == made

    dialog = RestoreDialog(db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == f"{made[0].made_at:%Y-%m-%d %H:%M:%S}"
    assert model.data(model.index(0, 1)).endswith("KB") and model.data(model.index(0, 2)) == made[0].path.name
    assert any("保留最近 14 天" in label.text() and "12 个月" in label.text() for label in dialog.findChildren(QLabel))
    dialog.grab().save(str(SHOTS / "backups_restore_dialog.png"))

    with db.begin() as s:  # the day's work
        s.add(Project(code="EXIT", name="退出前"))
    at_exit = backup_hooks.at_exit(db)
    assert at_exit is not None
    kept = bk.backups(path)
    assert [b.path for b in kept] == [at_exit.path]  # the newest of the day replaces the start's copy
    assert "EXIT" in [r[1] for r in _tables(at_exit.path)["projects"]]


def test_a_failed_start_backup_is_a_status_message_not_a_dialog(qtbot, desk, said, boxes, monkeypatch):
    path, db = desk
    folder = bk.backup_folder(path)
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the folder should be")  # the backup cannot be written
    _wait_start(qtbot, db)
    window = _window(qtbot, db)
    assert "自动备份没有完成" in window.statusBar().currentMessage()
    assert boxes == [] and said == []


def test_backup_while_another_desk_writes_restores_every_table(qtbot, tmp_path, pc_settings, said,  # noqa: F811
                                                              relaunched):
    path = tmp_path / "desk.sqlite"
    _make(path, projects=2000, owners=20000)
    db = open_database(str(path), pc_settings)
    db.user = TEST_USER
    window = _window(qtbot, db)
    other = Database.open(str(path))  # the other desk: its own connection
    other.user = TEST_USER
    stop, written = threading.Event(), []

    def write() -> None:
        n = 0
        while not stop.is_set() and n < 2000:
            with other.begin() as s:
                s.add(Project(code=f"W{n:04d}", name="写入中"))
            written.append(n)
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    qtbot.waitUntil(lambda: len(written) > 5, timeout=10000)
    before = len(written)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: any("已备份到" in t for t in said), timeout=60000)
    stop.set()
    writer.join(30)
    other.dispose()
    made = bk.backups(path)[0]
    assert str(made.path) in said[-1] and "保留最近 14 天" in said[-1]
    assert "已备份到" in window.statusBar().currentMessage()
    source = _tables(path)  # every acknowledged write, the ones after the copy too

    answer_dialog(window.restore_action.trigger, lambda d: d.restore_button.click())
    assert relaunched  # restored: the app starts again on the file
    restored = _tables(path)
    in_backup = [r[1] for r in restored["projects"] if r[1].startswith("W")]
    assert len(in_backup) >= before  # every write acknowledged before 备份… is in it
    assert in_backup == [f"W{n:04d}" for n in range(len(in_backup))]  # a consistent moment, no gap
    for name, rows in restored.items():  # each table is the source as it was at that moment
        assert rows == source[name][:len(rows)], name
        extra = source[name][len(rows):]
        assert name in ("projects", "audit_log") or extra == [], name
    assert len(source["projects"]) - len(restored["projects"]) == len(written) - len(in_backup)
    db.dispose()


def test_restore_replaces_the_file_keeps_it_aside_and_the_app_reopens_it(qtbot, desk, said, relaunched,
                                                                        pc_settings):  # noqa: F811
    path, db = desk
    older = bk.make_backup(path, now=dt.datetime.now() - dt.timedelta(days=2))
    with db.begin() as s:
        s.add(Project(code="NEW1", name="备份之后"))
    newer = bk.make_backup(path, now=dt.datetime.now() - dt.timedelta(days=1))
    with db.begin() as s:
        s.add(Project(code="NEW2", name="最新"))
    window = _window(qtbot, db)

    def choose_older(dialog: RestoreDialog) -> None:
        model = dialog.model
        assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == \
            [f"{newer.made_at:%Y-%m-%d %H:%M:%S}", f"{older.made_at:%Y-%m-%d %H:%M:%S}"]
        assert all(model.data(model.index(r, 1)).endswith(("KB", "MB")) for r in range(2))
        dialog.select(older)
        dialog.restore_button.click()

    answer_dialog(window.restore_action.trigger, choose_older)
    dialog = window.restore_dialog
    assert dialog.restored_from == older
    assert any("检查通过" in t for t in said) and any("程序现在重新启动" in t for t in said)
    assert dialog.aside is not None and dialog.aside.exists() and "恢复前" in dialog.aside.name
    assert {"NEW1", "NEW2"} <= {r[1] for r in _tables(dialog.aside)["projects"]}  # the old file, whole
    assert _tables(path)["projects"] == _tables(older.path)["projects"]
    assert relaunched == [relaunch.command_line()]  # the same program and arguments, started anew
    assert not window.isVisible()  # this run ends
    assert backup_hooks.at_exit(db) is None  # and makes no backup of its own on the way out
    db.dispose()

    # The relaunched run: open_database and the window, as run_app does.
    again = open_database(str(path), pc_settings)
    assert again is not None
    again.user = TEST_USER
    second = _window(qtbot, again)
    shown = [second.project_combo.itemText(i) for i in range(second.project_combo.count())]
    assert len(shown) == 3 and not any("NEW" in t for t in shown)
    with again.begin() as s:  # and it takes writes
        s.add(Project(code="AFTER", name="恢复后"))
    assert "AFTER" in _codes(again)
    again.dispose()


def test_a_clerk_may_back_up_but_not_restore(qtbot, desk, boxes):
    path, db = desk
    db.user = CLERK
    window = _window(qtbot, db)
    assert window.backup_action.isEnabled()
    assert not window.restore_action.isEnabled()
    assert window.restore_action.toolTip() == "仅管理员可以从备份恢复"
    with pytest.raises(AuthError, match="管理员"):
        RestoreDialog(db, window)
    backup_menu.open_restore(window)  # reached anyway (a shortcut): refused in words
    assert boxes and "从备份恢复需要管理员权限" in boxes[-1]


def test_a_damaged_file_at_start_is_offered_its_latest_good_backup(qtbot, tmp_path, pc_settings, said):  # noqa: F811
    path = tmp_path / "desk.sqlite"
    _make(path, projects=5, owners=3000)
    bk.make_backup(path, now=dt.datetime.now() - dt.timedelta(days=3))
    latest = bk.make_backup(path, now=dt.datetime.now() - dt.timedelta(days=1))
    good = _tables(path)
    damaged = tmp_path / "copy.sqlite"
    damaged.write_bytes(path.read_bytes())
    _damage(damaged)
    damaged.replace(path)  # the desk's file is now the damaged copy
    db = open_database(str(path), pc_settings)  # opens: the check runs beside the login
    assert db is not None and db.integrity is not None
    db.user = TEST_USER
    offered: list[DamagedDialog] = []

    def accept_offer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DamagedDialog):
            QTimer.singleShot(20, accept_offer)
            return
        offered.append(dialog)
        model = dialog.model
        assert model.data(model.index(0, 0)) == f"{latest.made_at:%Y-%m-%d %H:%M:%S}"
        assert model.data(model.index(0, 1)).endswith(("KB", "MB"))
        dialog.grab().save(str(SHOTS / "backups_damaged_dialog.png"))
        dialog.restore_button.click()

    QTimer.singleShot(0, accept_offer)
    backup_hooks.at_start(db)
    qtbot.waitUntil(lambda: any("已从" in t for t in said), timeout=30000)
    assert offered
    assert any("已损坏" in label.text() and "请从备份恢复" in label.text() for label in offered[0].findChildren(QLabel))
    assert _tables(path) == good  # the latest good backup, in place
    assert list(tmp_path.glob("desk-恢复前-*.sqlite"))  # the damaged file kept aside for support
    with db.begin() as s:  # the same session goes on with the restored file
        s.add(Project(code="OK", name="恢复后"))
    assert "OK" in _codes(db)
    db.dispose()


def test_a_file_too_damaged_to_open_is_offered_its_backup_before_opening(qtbot, tmp_path, pc_settings,  # noqa: F811
                                                                        said, monkeypatch):
    path = tmp_path / "desk.sqlite"
    _make(path, projects=4)
    bk.make_backup(path)
    path.write_bytes(b"\x00" * 100 + path.read_bytes()[100:])  # the header is gone
    monkeypatch.setattr(DamagedDialog, "exec", lambda self: True)  # the clerk accepts the offer
    db = open_database(str(path), pc_settings)
    assert db is not None
    assert len(_codes(db)) == 4
    assert any("已从" in t for t in said)
    db.dispose()


# ---- PostgreSQL -----------------------------------------------------------------------------------

@pytest.fixture
def empty_schema() -> Iterator[str]:
    yield from new_pg_schema()


def test_postgresql_archive_through_the_dialogs_into_an_empty_database(qtbot, pg_db, empty_schema, tmp_path,
                                                                      said, relaunched, pc_settings,  # noqa: F811
                                                                      monkeypatch):
    from tests.fee_book import make_book

    make_book(pg_db)
    window = _window(qtbot, pg_db)
    out = tmp_path / "office.zip"
    monkeypatch.setattr(backup_menu, "get_save_file_name", lambda *a, **k: (str(out), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: any("已把整个数据库" in t for t in said), timeout=60000)
    assert out.exists() and str(out) in said[-1]

    monkeypatch.setenv("PGOPTIONS", f"-csearch_path={empty_schema}")  # the empty database to restore into

    def fill(dialog: ArchiveRestoreDialog, database: str = "test") -> None:
        dialog.file_edit.setText(str(out))
        dialog.host_edit.setText("127.0.0.1")
        dialog.port_edit.setText("5432")
        dialog.database_edit.setText(database)
        dialog.user_edit.setText("")
        dialog.password_edit.setText("")
        dialog.grab().save(str(SHOTS / "backups_archive_dialog.png"))
        dialog.restore_button.click()

    answer_dialog(window.restore_action.trigger, fill)
    dialog = window.restore_dialog
    assert dialog.counts and dialog.switched and relaunched
    assert stored_choice(pc_settings).database == "test"  # this PC uses the restored database from now on
    target = Database.open(stored_choice(pc_settings).target())
    assert _everything(target) == _everything(pg_db)
    target.dispose()

    # Loading into a database that is not empty is refused, in words, and changes nothing.
    relaunched.clear()
    seen = answer_dialog(window.restore_action.trigger, fill)
    assert "只能导入一个空的数据库" in seen[-1] and not relaunched
    seen = answer_dialog(window.restore_action.trigger, lambda d: fill(d, "hd_no_such_database"))
    assert "没有这个数据库" in seen[-1]
    other = tmp_path / "not-a-backup.zip"
    other.write_bytes(b"PK not really")
    out = other
    seen = answer_dialog(window.restore_action.trigger, fill)
    assert "不是物业交接台的备份文件" in seen[-1]


def test_on_postgresql_a_clerk_may_not_export_the_archive(qtbot, pg_db):
    pg_db.user = CLERK
    window = _window(qtbot, pg_db)
    assert not window.backup_action.isEnabled() and "主管或管理员" in window.backup_action.toolTip()
    assert not window.restore_action.isEnabled()


def test_run_app_backs_up_at_start_and_on_exit(qtbot, tmp_path, pc_settings, monkeypatch):  # noqa: F811
    """The call lines in run_app: the start backup while the window is up, one more on the way out."""
    path = tmp_path / "desk.sqlite"
    _make(path)
    monkeypatch.setattr("gui.app._setup_logging", lambda *a, **k: None)  # not the tester's own log

    def sign_in(db: Database, preselect: str | None = None) -> bool:
        db.user = TEST_USER
        return True

    monkeypatch.setattr("gui.login.sign_in", sign_in)
    seen: dict[str, object] = {}

    def close_when_backed_up() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or not bk.backups(path):
            QTimer.singleShot(20, close_when_backed_up)
            return
        seen["start"] = bk.backups(path)
        QTimer.singleShot(100, lambda: (seen.setdefault("status", windows[0].statusBar().currentMessage()),
                                        windows[0].close()))

    QTimer.singleShot(0, close_when_backed_up)
    from gui.app import run_app

    assert run_app(str(path), settings=pc_settings) == 0
    start = seen["start"]
    assert len(start) == 1 and "已自动备份数据库" in str(seen["status"])
    after = bk.backups(path)
    assert len(after) == 1 and after[0].made_at >= start[0].made_at  # the exit's copy, the only one of the day
    assert bk.integrity_problem(after[0].path) is None
