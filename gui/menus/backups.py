"""Menu entries — 文件：备份与恢复."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
