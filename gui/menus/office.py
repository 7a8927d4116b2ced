"""Menu entries — 项目：新建项目、编辑项目、楼栋、房屋与业主.

The functions below are what the first-start wizard reuses as well:

- `new_project(db, parent)` opens ProjectDialog and returns the saved ProjectRow (None if cancelled);
- `edit_project(db, project, parent)` the same for an existing project;
- `open_units_owners(db, project, parent)` shows the 楼栋、房屋与业主 dialog and says whether anything
  was saved. A wizard page embeds `gui.dialogs.units_owners.UnitsPage(db, project_id, parent)` instead.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from models.db import Database
from models.errors import DomainError
from models.services import projects
from models.services.projects import ProjectRow

from ..errors import show_error
from . import add_action


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
    menu = menus["project"]
    window.new_project_action = add_action(window, menu, _tr("新建项目…"), lambda: on_new_project(window))
    window.edit_project_action = add_action(window, menu, _tr("编辑项目…"), lambda: on_edit_project(window))
    menu.addSeparator()
    window.units_owners_action = add_action(window, menu, _tr("楼栋、房屋与业主…"),
                                         lambda: on_units_owners(window))


# ---- reusable (the menus and the first-start wizard) --------------------------------------------

def new_project(db: Database, parent: QWidget | None = None) -> ProjectRow | None:
    """新建项目: the saved project, or None when the clerk cancelled."""
    from ..dialogs.projects import ProjectDialog

    dialog = ProjectDialog(db, None, parent)
    return dialog.result_value if dialog.exec() else None


def edit_project(db: Database, project: ProjectRow, parent: QWidget | None = None) -> ProjectRow | None:
    """编辑项目 (read again first: the combo's copy may be older than what another desk saved)."""
    from ..dialogs.projects import ProjectDialog

    try:
        fresh = projects.get_project(db, project.id)
    except DomainError as exc:
        show_error(exc, parent)
        return None
    dialog = ProjectDialog(db, fresh, parent)
    return dialog.result_value if dialog.exec() else None


def open_units_owners(db: Database, project: ProjectRow, parent: QWidget | None = None) -> bool:
    """The 楼栋、房屋与业主 dialog for `project`; True when something was saved in it."""
    from ..dialogs.units_owners import UnitsOwnersDialog

    dialog = UnitsOwnersDialog(db, project.id, project.name, parent)
    dialog.exec()
    return dialog.changed


# ---- the main window's menu entries -------------------------------------------------------------

def _need_project(window: Any) -> ProjectRow | None:
    project = window.current_project()
    if project is None:
        QMessageBox.information(window, window.windowTitle(), _tr("请先新建或选择一个项目。"))
    return project


def on_new_project(window: Any) -> None:
    saved = new_project(window.db, window)
    if saved is not None:
        window.reload_projects(saved.id)
        window.statusBar().showMessage(_tr("已新建项目“{name}”。").format(name=saved.name), 8000)


def on_edit_project(window: Any) -> None:
    project = _need_project(window)
    if project is None:
        return
    saved = edit_project(window.db, project, window)
    if saved is not None:
        window.reload_projects(saved.id)


def on_units_owners(window: Any) -> None:
    project = _need_project(window)
    if project is not None:
        # Each save in it was announced as it was made (gui/ops.py): the tabs have reloaded already.
        open_units_owners(window.db, project, window)
