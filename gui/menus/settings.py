"""Menu entries — 文件：设置；帮助：使用说明、关于."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox

from . import add_action

SETTINGS_SUBJECT = "settings"  # what data_changed says after 设置: the office's settings may have changed


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings_menu", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help)."""
    window.settings_action = add_action(window, menus["file"], _tr("设置…"), lambda: open_settings(window))
    window.manual_action = add_action(window, menus["help"], _tr("使用说明"), lambda: open_manual(window), "F1")
    window.about_action = add_action(window, menus["help"], _tr("关于物业交接台…"), lambda: open_about(window))


def open_settings(window: Any) -> None:
    from ..dialogs.settings import SettingsDialog
    from ..run_context import pc_settings, started_with

    dialog = SettingsDialog(window.db, pc_settings(), window, started_with=started_with())
    accepted = dialog.exec()
    window.data_changed.emit(SETTINGS_SUBJECT)  # the closing time or the deadline table may have changed
    if accepted and dialog.database_changed:
        QMessageBox.information(window, _tr("设置"), _tr("数据库设置已保存，下次启动程序时生效。"))
    if accepted and dialog.language_changed:
        QMessageBox.information(window, _tr("设置"), _tr("界面语言已保存，重新启动程序后生效。"))


def open_manual(window: Any) -> None:
    from ..run_context import MANUAL

    if not MANUAL.exists():
        QMessageBox.warning(window, _tr("使用说明"), _tr("找不到使用说明文件：{path}").format(path=MANUAL))
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(MANUAL))):
        QMessageBox.warning(window, _tr("使用说明"),
                            _tr("无法打开浏览器显示使用说明，请直接打开文件：{path}").format(path=MANUAL))


def open_about(window: Any) -> None:
    from ..dialogs.about import AboutDialog
    from ..run_context import log_file

    AboutDialog(window.db, log_file(), window).exec()
