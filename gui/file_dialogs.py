"""QFileDialog's four static calls, each opening in the folder last used for the same purpose on this PC.

Drop-in replacements (same arguments, same results): a call site swaps `QFileDialog.getSaveFileName(`
for `file_dialogs.get_save_file_name(`. Each purpose is known by its `key`, by default the dialog's
caption ("导出到 Excel", "选择业主名册"...), so exports and imports remember their folders apart.
A suggested file name (`directory` without a folder) is put in the remembered folder; a full path
given by the caller is kept as it is.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from .run_context import pc_settings

GROUP = "folders"


def _setting_key(key: str) -> str:
    # A caption may hold "/" or "\" (QSettings groups): keep it readable but safe.
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{GROUP}/{digest}"


def remembered_folder(key: str) -> str:
    """The folder the last dialog with this key ended in, if it still exists; else ''."""
    folder = str(pc_settings().value(_setting_key(key), "") or "")
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(key: str, chosen: str) -> None:
    """Keep the folder of a chosen file (or the chosen folder itself)."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = pc_settings()
    settings.setValue(_setting_key(key), str(folder))
    settings.sync()


def _start(key: str, directory: str) -> str:
    """Where the dialog opens: the caller's full path, or the remembered folder (+ suggested name)."""
    if directory and os.path.dirname(directory):
        return directory
    folder = remembered_folder(key)
    if not folder:
        return directory
    return str(Path(folder) / directory) if directory else folder


def get_save_file_name(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                       key: str | None = None,
                       options: QFileDialog.Option = QFileDialog.Option(0)) -> tuple[str, str]:
    key = key or caption
    start = _start(key, directory)
    path, chosen_filter = (QFileDialog.getSaveFileName(parent, caption, start, filter, options=options) if options
                           else QFileDialog.getSaveFileName(parent, caption, start, filter))
    remember_folder(key, path)
    return path, chosen_filter


def get_open_file_name(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                       key: str | None = None) -> tuple[str, str]:
    key = key or caption
    path, chosen_filter = QFileDialog.getOpenFileName(parent, caption, _start(key, directory), filter)
    remember_folder(key, path)
    return path, chosen_filter


def get_open_file_names(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "",
                        key: str | None = None) -> tuple[list[str], str]:
    key = key or caption
    paths, chosen_filter = QFileDialog.getOpenFileNames(parent, caption, _start(key, directory), filter)
    if paths:
        remember_folder(key, paths[0])
    return paths, chosen_filter


def get_existing_directory(parent: QWidget | None, caption: str = "", directory: str = "",
                           key: str | None = None) -> str:
    key = key or caption
    folder = QFileDialog.getExistingDirectory(parent, caption, _start(key, directory))
    remember_folder(key, folder)
    return folder
