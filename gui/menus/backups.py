"""Menu entries — 文件：备份与恢复.

备份… on this PC's SQLite file copies it now into its backup folder (everyone may: the copy stays on
this PC beside the file itself, changes nothing and is the only safe copy while the app runs). On a
PostgreSQL office it writes the portable archive of every table to a file the user chooses: that
file carries every owner's personal data out of the server, so it is a supervisor's or an
administrator's. 恢复… replaces or loads a whole database: an administrator's.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from models import archive
from models import backup as bk
from models.errors import DomainError
from models.services.permissions import EXPORT_ARCHIVE, RESTORE_BACKUP, permit

from .. import backup_hooks, ops, tasks
from ..errors import show_error
from ..file_dialogs import get_save_file_name
from ..widgets.role_gate import apply_permit
from . import add_action

log = logging.getLogger("handoverdesk")


def _tr(text: str) -> str:
    return QCoreApplication.translate("backups", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
    menu = menus["file"]
    menu.setToolTipsVisible(True)  # a disabled entry's tooltip says who may use it
    window.backup_action = add_action(window, menu, _tr("备份…"), lambda: backup_now(window))
    if window.db.is_sqlite:
        window.backup_action.setToolTip(_tr("立即把本机数据库备份到备份文件夹"))
    else:
        apply_permit(window.backup_action, permit(window.db, *EXPORT_ARCHIVE), _tr("把整个数据库导出为一个备份文件"))
    window.restore_action = add_action(window, menu, _tr("恢复…"), lambda: open_restore(window))
    apply_permit(window.restore_action, permit(window.db, *RESTORE_BACKUP), _tr("用一份备份替换或载入数据库"))
    backup_hooks.attach(window)


def backup_now(window: Any) -> tasks.Task | None:
    """备份…: SQLite now into the backup folder; PostgreSQL an archive file the user chooses."""
    db = window.db
    path = bk.sqlite_file(db)
    if path is not None:
        return _run(window, _tr("正在备份数据库…"), lambda progress: bk.make_backup(path, progress=progress),
                    lambda made: _tr("已备份到：{path}（{size}）\n{keep}").format(
                        path=made.path, size=_size(made.size), keep=_keep_note()))
    name = _tr("物业交接台备份-{stamp}.zip").format(stamp=f"{dt.datetime.now():%Y%m%d-%H%M}")
    chosen, _ = get_save_file_name(window, _tr("保存备份文件"), name,
                                   _tr("物业交接台备份 (*.zip)"))
    if not chosen:
        return None
    out = Path(chosen)
    return _run(window, _tr("正在导出备份文件…"), lambda progress: archive.export_archive(db, out, progress),
                lambda manifest: _tr("已把整个数据库（{tables} 张表，{rows} 行）备份到：{path}").format(
                    tables=len(manifest["tables"]), path=out,
                    rows=archive.manifest_rows(manifest)))


def _size(size: int) -> str:
    from ..dialogs.backups import size_text

    return size_text(size)


def _keep_note() -> str:
    from ..dialogs.backups import keep_note

    return keep_note()


def _run(window: Any, title: str, job: tasks.Job, said: Any) -> tasks.Task:
    """The copy in the writer thread, after the writes already asked for (they are in it), with the
    progress dialog; the window keeps painting, and another desk's write lock never freezes it."""
    from ..dialogs.backups import inform

    def done(result: Any) -> None:
        text = said(result)
        window.statusBar().showMessage(text.splitlines()[0], backup_hooks.STATUS_MS)
        inform(window, text)

    task = tasks.run_with_progress(window, title, job, done, lambda exc: backup_failed(exc, window),
                                   executor=ops.writer())
    task.dialog.setCancelButton(None)  # a copy is finished, never left half made
    window.backup_task = task  # tests wait for it
    return task


def backup_failed(exc: BaseException, window: Any) -> None:
    """A refused backup says why (the folder, the disk, the check); anything else is logged and the
    clerk told in a sentence, without the program's details."""
    if isinstance(exc, (DomainError, OSError)):
        show_error(exc, window)
        return
    log.error("备份出错", exc_info=(type(exc), exc, exc.__traceback__))
    show_error(DomainError(_tr("备份没有完成，详情已记入日志。请稍后再试；如果反复出现，请联系技术支持。")), window)


def open_restore(window: Any) -> None:
    """恢复…: the dialog refuses anyone but an administrator (the menu entry is disabled for them too)."""
    from ..dialogs.backups import restore_dialog
    from ..run_context import pc_settings

    try:
        dialog = restore_dialog(window.db, pc_settings(), window)
    except DomainError as exc:
        show_error(exc, window)
        return
    window.restore_dialog = dialog  # tests reach it
    dialog.exec()
