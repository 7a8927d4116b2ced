"""Menu entry — 文件：导出到其他物业系统（HC 小区管理系统）….

The selected handover's units, owners, arrears and prepayments, in HC's import templates, into a folder
the user chooses (reports.excel.hc_export). The files carry every owner's full phone and ID number, so
the entry is a supervisor's or an administrator's, like unmasking an owner; the service checks again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from models.services.handoff_people import EXPORT_FULL
from models.services.people import PERSONAL_DATA_ROLE
from models.services.permissions import permit

from .. import file_dialogs, ops, tasks
from ..errors import show_error
from ..widgets.role_gate import apply_permit
from . import add_action


def _tr(text: str) -> str:
    return QCoreApplication.translate("handoff", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    menu = menus["file"]
    menu.setToolTipsVisible(True)  # a disabled entry's tooltip says who may use it
    window.hc_export_action = add_action(window, menu, _tr("导出到其他物业系统（HC 小区管理系统）…"),
                                         lambda: export_to_hc(window))
    apply_permit(window.hc_export_action, permit(window.db, PERSONAL_DATA_ROLE, EXPORT_FULL),
                 _tr("把所选交接的房屋、业主（完整联系电话与证件号码）、欠费和预收款按 HC 小区管理系统的导入模板导出"))


def ask_folder(parent: QWidget) -> Path | None:
    """The folder dialog (tests replace this function)."""
    folder = file_dialogs.get_existing_directory(parent, _tr("选择导出文件夹"), key="hc_export")
    return Path(folder) if folder else None


def inform(parent: QWidget | None, text: str) -> None:
    """A message the clerk acknowledges (tests replace this)."""
    QMessageBox.information(parent, _tr("物业交接台"), text)


def export_to_hc(window: Any) -> tasks.Task | None:
    scope = window.current_scope()
    if scope is None or scope.handover_id is None:
        inform(window, _tr("请先在上方选择一次交接。"))
        return None
    folder = ask_folder(window)
    if folder is None:
        return None
    db, handover_id = window.db, scope.handover_id

    def export(progress: tasks.Progress) -> Any:  # in the worker; openpyxl imported on first use
        from reports.excel.hc_export import export_hc

        return export_hc(db, handover_id, folder, progress)

    def done(result: Any) -> None:
        inform(window, _tr("已导出到 {folder}：\n{summary}").format(folder=folder, summary=result.summary()))

    # It writes an audit row before reading the owners out: in turn with the other writes.
    task = tasks.run_with_progress(window, _tr("正在导出到 HC 小区管理系统…"), export, done,
                                   lambda exc: show_error(exc, window), executor=ops.writer())
    window.hc_export_task = task  # tests wait for it
    return task
