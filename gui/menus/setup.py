"""Menu entries — 项目：首次设置向导（也可以以后再走一遍）."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from models.services.permissions import SETUP_GUIDE, permit

from ..widgets.role_gate import apply_permit
from . import add_action


def _tr(text: str) -> str:
    return QCoreApplication.translate("setup_menu", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
    menus["project"].addSeparator()
    action = add_action(window, menus["project"], _tr("设置向导…"), lambda: open_guide(window))
    apply_permit(action, permit(window.db, *SETUP_GUIDE), _tr("本处信息、项目、房屋、账号和第一次交接，一步步设置"))
    window.setup_action = action


def open_guide(window: Any) -> None:
    from ..dialogs.first_start import run_first_start

    run_first_start(window)
