"""Menu entries — 文件：生成交接档案包、校验交接档案包.

Who may: anyone signed in, as for printing and exporting. A package holds nothing a clerk may not
print or export one document at a time (phones masked, as on every form), unlike 备份, whose archive
of every table is a supervisor's; checking a package reads a file and changes nothing.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from models.services import projects
from models.services.projects import HandoverRow
from reports.package.manifest import safe_name
from reports.package.verify import VerifyResult, verify_package

from .. import tasks
from ..errors import show_error
from ..file_dialogs import get_open_file_name, get_save_file_name
from . import add_action

if TYPE_CHECKING:
    from reports.package.build import PackageResult

STATUS_MS = 10_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("package_menu", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
    menu = menus["file"]
    window.build_package_action = add_action(window, menu, _tr("生成交接档案包…"), lambda: build_package_now(window))
    window.build_package_action.setToolTip(_tr("把本次交接的已签署清单、遗留问题、钥匙和财务结算连同目录和校验值打包为一个 zip"))
    window.verify_package_action = add_action(window, menu, _tr("校验交接档案包…"), lambda: verify_package_now(window))
    window.verify_package_action.setToolTip(_tr("核对档案包中每个文件是否与目录中的校验值相符"))
    menu.addSeparator()


def choose_handover(window: Any) -> HandoverRow | None:
    """The handover shown in the window; when none is, one of the project's (asked if there are several)."""
    project = window.current_project()
    if project is None:
        QMessageBox.information(window, window.windowTitle(), _tr("请先新建或选择一个项目。"))
        return None
    shown = window.handover_combo.currentData()
    if shown is not None:
        return shown
    handovers = projects.list_handovers(window.db, project.id)
    if not handovers:
        QMessageBox.information(window, window.windowTitle(), _tr("该项目还没有交接，无法生成交接档案包。"))
        return None
    if len(handovers) == 1:
        return handovers[0]
    captions = [h.caption for h in handovers]
    chosen, ok = QInputDialog.getItem(window, _tr("生成交接档案包"), _tr("选择交接："), captions, len(captions) - 1, False)
    return handovers[captions.index(chosen)] if ok else None


def suggested_name(window: Any, handover: HandoverRow) -> str:
    project = window.current_project()
    name = f"交接档案包_{project.name if project else ''}_{handover.caption}_{dt.date.today():%Y%m%d}"
    return safe_name(name) + ".zip"


def build_package_now(window: Any) -> tasks.Task | None:
    handover = choose_handover(window)
    if handover is None:
        return None
    chosen, _ = get_save_file_name(window, _tr("保存交接档案包"), suggested_name(window, handover),
                                   _tr("交接档案包 (*.zip)"))
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    db = window.db
    task = tasks.run_with_progress(window, _tr("正在生成交接档案包…"),
                                   lambda progress: _build(db, handover.id, out, progress),
                                   lambda result: on_package_built(window, result),
                                   lambda exc: show_error(exc, window))
    window.package_task = task  # tests wait for it
    return task


def _build(db: Any, handover_id: int, out: Path, progress: Any) -> PackageResult:
    # Imported in the worker when first used: the print functions bring ReportLab and openpyxl, which
    # the window does not need to open (and which would hold the GUI thread for a second here).
    from reports.package.build import build_package

    return build_package(db, handover_id, out, progress)


def on_package_built(window: Any, result: PackageResult) -> None:
    text = _tr("已生成交接档案包：{path}（{files} 个文件，其中已签署 {signed} 个）").format(
        path=result.path, files=result.files, signed=result.signed)
    window.statusBar().showMessage(text, STATUS_MS)
    notes = "\n".join(result.notes)
    inform(window, f"{text}\n\n{notes}" if notes else text)


def inform(window: Any, text: str) -> None:
    """A message the clerk acknowledges (tests replace this)."""
    QMessageBox.information(window, _tr("生成交接档案包"), text)


def verify_package_now(window: Any) -> tasks.Task | None:
    chosen, _ = get_open_file_name(window, _tr("选择要校验的交接档案包"), "", _tr("交接档案包 (*.zip)"))
    if not chosen:
        return None
    path = Path(chosen)
    task = tasks.run_with_progress(window, _tr("正在校验交接档案包…"),
                                   lambda progress: verify_package(path, progress),
                                   lambda result: show_check(window, result),
                                   lambda exc: show_error(exc, window))
    window.package_task = task
    return task


def show_check(window: Any, result: VerifyResult) -> None:
    from ..dialogs.package_check import PackageCheckDialog

    dialog = PackageCheckDialog(result, window)
    window.package_check_dialog = dialog  # tests reach it
    window.statusBar().showMessage(result.summary(), STATUS_MS)
    dialog.open()  # window-modal, and the caller's slot returns at once
