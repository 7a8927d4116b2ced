"""Where the app keeps its files on this PC. Imports nothing heavy: the window's frame is painted
before the storage layer (SQLAlchemy) is imported, and the log is opened before that."""
from __future__ import annotations

from pathlib import Path

APP_NAME = "HandoverDesk"


def data_dir() -> Path:
    """%APPDATA%\\HandoverDesk on Windows, the XDG data folder on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "handoverdesk.sqlite"
