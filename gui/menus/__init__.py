"""The main window's menus, one module per subject; each adds its actions with install(window, menus)."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def add_action(window: Any, menu: QMenu, text: str, slot: Any, shortcut: str = "") -> QAction:
    """An entry of `menu` that calls `slot()` (the checked flag Qt passes is dropped)."""
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action
