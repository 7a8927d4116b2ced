"""The automatic backups of this PC's SQLite file, and what happens around a restore.

At start (run_app, right after the database opened): a worker waits for the file's quick_check
(which already runs beside the login), then makes the day's backup if there is none yet. The window
never waits; a failed backup is a log line and a status-bar message. A file the check finds damaged
is offered its latest good backup (over the login dialog), restored on confirmation and reopened
in place. A file too damaged to open at all gets the same offer from open_database.

On exit (run_app, after app.exec): one more backup, so the day's work is in a backup (the rotation
of models/backup.py keeps only the newest of each day). It runs in a thread joined for at most
EXIT_SECONDS: a slow disk never holds the exit; an unfinished copy is only a ".part" file, never
counted as a backup.

Restart after a restore from 文件 → 恢复… is relaunch.py's: a fresh process rather than a loop inside
run_app, so nothing of the old run (tabs' models, caches, the signed-in user) can survive into the
restored database; such a run ends without an exit backup.
"""
from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from models import backup as bk
from models.db import Database, quick_check, resolve_url
from models.errors import DomainError, StorageError

from . import relaunch, tasks
from .blocking_task import run_blocking

log = logging.getLogger("handoverdesk")
EXIT_SECONDS = 30.0     # the exit backup is waited for at most this long
STATUS_MS = 15000


def _tr(text: str) -> str:
    return QCoreApplication.translate("backups", text)


class _State:
    def __init__(self) -> None:
        self.window: Any = None               # weakref to the main window once it exists
        self.pending: str = ""                # a status message waiting for the window
        self.start_done = threading.Event()   # the start's check and backup are over (none started: set)
        self.start_done.set()
        self.start_task: tasks.Task | None = None


_state = _State()


# ---- the status bar -------------------------------------------------------------------------------

def attach(window: Any) -> None:
    """The main window exists (menus/backups.install): messages go to its status bar from now on."""
    _state.window = weakref.ref(window)
    if _state.pending:
        text, _state.pending = _state.pending, ""
        window.statusBar().showMessage(text, STATUS_MS)


def status(text: str) -> None:
    window = _state.window() if _state.window is not None else None
    try:
        if window is not None and window.isVisible():
            window.statusBar().showMessage(text, STATUS_MS)
            return
    except RuntimeError:  # the window was deleted
        pass
    _state.pending = text


def pending_status() -> str:
    return _state.pending


# ---- at start ------------------------------------------------------------------------------------

def at_start(db: Database) -> tasks.Task | None:
    """After the database opened: check verdict, then the day's backup, in a worker. Returns the task."""
    global _state
    _state = _State()
    path = bk.sqlite_file(db)
    if path is None:
        return None
    _state.start_done.clear()

    def job(progress: tasks.Progress) -> tuple[str, Any]:
        try:
            try:
                if db.integrity is not None:
                    db.integrity.verdict()  # waits for the quick_check running beside the login
            except StorageError as exc:
                return "damaged", (str(exc), bk.latest_good(path))
            if bk.backed_up_today(path):
                return "skipped", None
            return "made", bk.make_backup(path)
        finally:
            _state.start_done.set()

    def done(outcome: tuple[str, Any]) -> None:
        kind, value = outcome
        if kind == "made":
            log.info("自动备份完成：%s（%d 字节）", value.path.name, value.size)
            status(_tr("已自动备份数据库：{path}").format(path=value.path))
        elif kind == "damaged":
            problem, latest = value
            log.warning("数据库文件检查未通过；最近的完好备份：%s", latest.path.name if latest else "无")
            offer_latest(db, problem, latest)

    _state.start_task = tasks.start(job, done, _backup_failed)
    return _state.start_task


def _backup_failed(exc: BaseException) -> None:
    """A failed automatic backup: a log line and a status-bar message, never a dialog or traceback."""
    if isinstance(exc, (DomainError, OSError)):
        log.warning("自动备份没有完成：%s", exc if isinstance(exc, DomainError) else type(exc).__name__)
        reason = str(exc) if isinstance(exc, DomainError) else _tr("无法写入备份文件夹")
    else:
        log.error("自动备份出错", exc_info=(type(exc), exc, exc.__traceback__))
        reason = _tr("详情已记入日志")
    status(_tr("自动备份没有完成：{reason}").format(reason=reason))


# ---- on exit --------------------------------------------------------------------------------------

def at_exit(db: Database, seconds: float = EXIT_SECONDS) -> bk.BackupFile | None:
    """The exit backup, waited for at most `seconds`; never raises."""
    path = bk.sqlite_file(db)
    if path is None or relaunch.restarting():
        return None
    if not _state.start_done.wait(seconds / 2):
        log.info("启动时的备份尚未完成，退出时不再备份")
        return None
    if db.integrity is not None and db.integrity.problem is not None:
        return None  # a damaged file is not copied over the good backups
    made: list[bk.BackupFile] = []

    def run() -> None:
        try:
            made.append(bk.make_backup(path))
        except DomainError as exc:
            log.warning("退出时的备份没有完成：%s", exc)
        except Exception:  # noqa: BLE001 - the exit must go on
            log.exception("退出时的备份出错")

    worker = threading.Thread(target=run, name="exit-backup", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        log.warning("退出时的备份超过 %.0f 秒，未等它完成就退出了", seconds)
        return None
    if made:
        log.info("退出时备份完成：%s", made[0].path.name)
    return made[0] if made else None


# ---- a damaged file -------------------------------------------------------------------------------

def offer_latest(db: Database, problem: str, latest: bk.BackupFile | None, parent: QWidget | None = None) -> bool:
    """The check found the open file damaged: offer its latest good backup; True once restored."""
    from .dialogs.backups import DamagedDialog, inform

    parent = parent or QApplication.activeModalWidget()
    dialog = DamagedDialog(problem, latest, parent)
    if not dialog.exec() or latest is None:
        return False
    try:
        aside = run_blocking(parent, _tr("正在恢复备份…"), lambda _p: bk.restore_open(db, latest.path))
    except DomainError as exc:
        from .errors import show_error

        show_error(exc, parent)
        return False
    log.info("已从备份 %s 恢复（损坏的文件另存为 %s）", latest.path.name, aside.name)
    inform(parent, _tr("已从 {label} 的备份恢复，程序现在使用恢复后的数据库。\n损坏的文件已另存为：{aside}")
           .format(label=latest.label, aside=aside))
    return True


def restored_after_failed_open(exc: DomainError, target: Callable[[], str | None]) -> bool:
    """open_database could not open this PC's SQLite file: if the file is damaged and a good backup
    exists, offer it; True once it was put in place (open_database then tries again)."""
    try:
        url = resolve_url(target())
    except DomainError:
        return False
    if not url.startswith("sqlite:///"):
        return False
    path = Path(url.split("///", 1)[1])
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        found = run_blocking(None, _tr("正在检查数据库文件和备份…"),
                             lambda _p: (quick_check(path), bk.latest_good(path)))
    except DomainError:
        return False
    problem, latest = found
    if problem is None or latest is None:
        return False
    from .dialogs.backups import DamagedDialog, inform

    if not DamagedDialog(str(exc), latest, None).exec():
        return False
    try:
        aside = run_blocking(None, _tr("正在恢复备份…"), lambda _p: bk.restore(path, latest.path))
    except DomainError as error:
        from .errors import show_error

        show_error(error)
        return False
    log.info("已从备份 %s 恢复（损坏的文件另存为 %s）", latest.path.name, aside.name)
    inform(None, _tr("已从 {label} 的备份恢复。\n损坏的文件已另存为：{aside}").format(label=latest.label, aside=aside))
    return True
