"""What the running app knows of itself and of this PC: the PC's settings file, the log file, the
--db it was started with and the manual. Kept apart from app.py (which builds the window) so that
file dialogs and menus can read them without importing the app that imports them."""
from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QSettings

from models import i18n
from models.paths import data_dir

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
MANUAL = RESOURCES / "manual" / "index.html"  # 帮助 → 使用说明
ORGANISATION = "HandoverDesk"  # QSettings: organisation and application
LOG_NAME, LOG_HANDLER = "handoverdesk.log", "handoverdesk-file"

_started_with = ""  # the --db of this run, if any
LANGUAGE_KEY = "ui/language"  # '' follows the system, 'zh' or 'en' as chosen (gui.app.chosen_language)


def pc_settings() -> QSettings:
    """This PC's own settings (the database chosen, window, last selection, folders): an ini file in
    the user's settings folder (Windows: %APPDATA%\\HandoverDesk\\HandoverDesk.ini). Tests point
    QSettings.setPath(IniFormat, UserScope, ...) elsewhere."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, ORGANISATION)


def log_file() -> Path:
    """The log this run writes (the rotating file's path; the default place before setup)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if handler.get_name() == LOG_HANDLER and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return data_dir() / LOG_NAME


def started_with() -> str:
    """The --db this run was started with ('' if none): 设置 says it overrides the PC's choice."""
    return _started_with


def start_with(db_arg: str | None) -> None:
    global _started_with
    _started_with = db_arg or ""


def stored_language(settings: QSettings) -> str:
    """The 界面语言 chosen on this PC: 'zh', 'en', or '' (follow the system)."""
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in i18n.LANGUAGES else ""
