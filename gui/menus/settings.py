"""Menu entries — 文件：设置；帮助：使用说明、关于."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
