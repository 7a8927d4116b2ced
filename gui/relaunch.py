"""Restart after a restore from 文件 → 恢复…: the file is replaced while the app runs, then the app
starts itself again with the same command line (QProcess.startDetached: on Windows the same
HandoverDesk.exe or python main.py with its --db) and the current window closes, so the new run
opens the restored file and shows the login. backup_hooks.at_exit asks `restarting()` and makes no
backup of a run that ends this way. Its own module: the restore dialogs call it, and backup_hooks,
which opens those dialogs, reads it."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess

log = logging.getLogger("handoverdesk")
_restarting = False


def restarting() -> bool:
    """A restore replaced the file and a new run was started: this run ends without an exit backup."""
    return _restarting


def command_line() -> tuple[str, list[str]]:
    """This run's own command: the packaged program and its arguments, or python and main.py's."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(sys.argv[1:])
    args = list(sys.argv)
    if args and args[0] and Path(args[0]).exists():
        args[0] = str(Path(args[0]).resolve())
    return sys.executable, args


def start_detached(program: str, args: list[str]) -> bool:
    """Start the program anew, independent of this process (tests replace this)."""
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


def restart(window: Any) -> bool:
    """The file was replaced: start the app again on it and close this window (this run then ends)."""
    global _restarting
    _restarting = True
    program, args = command_line()
    started = start_detached(program, args)
    log.info("恢复后重新启动：%s", "已启动" if started else "未能启动，请手动打开程序")
    window.close()
    return started
