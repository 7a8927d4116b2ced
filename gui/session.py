"""Who is at the desk: 切换用户 logs the current user out and lets the next one log in, without
closing the program (a clerk hands the desk to the supervisor who must sign)."""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from models.services import auth

from . import tasks
from .errors import show_error
from .ops import run_op


def switch_user(window: Any) -> tasks.Task:
    """Log out in the writer thread, then ask for the next login: a new main window for them
    (`window.successor`), or the program ends. Returns the logout's task.

    The logout writes its audit row: on the GUI thread it froze the window for as long as another
    desk held SQLite's write lock. Meanwhile the window is disabled (no second 切换用户, no write
    started as the user leaving). The old window is closed only after the login: its tabs belong to
    the old user's rights.
    """
    def then(_result: Any = None) -> None:
        # The next turn of the event loop: the login dialog's own loop does not run inside the
        # delivery of the logout's outcome.
        QTimer.singleShot(0, lambda: _next_user(window))

    def failed(exc: BaseException) -> None:
        show_error(exc, window)  # signed out all the same (logout clears the user first)
        then()

    return run_op(window, window.db, auth.logout, on_success=then, on_failure=failed,
                  label=QCoreApplication.translate("session", "正在退出登录…"))


def _next_user(window: Any) -> Any:
    """Signed out: the login; a new main window for whoever signs in, or None (the program ends).

    While the login dialog is open no window is visible, so Qt must not take that for the end of
    the program.
    """
    from .login import LoginDialog

    if not shiboken6.isValid(window):
        return None
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(False)
    try:
        scope = window.current_scope()
        window.hide()
        dialog = LoginDialog(window.db)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            window.close()
            if isinstance(app, QApplication) and quits:
                app.quit()
            return None
        # A window of the same kind, built by its own class: this module stays below the main window
        # that its menu calls it from.
        successor = type(window)(window.db)
        successor.setGeometry(window.geometry())
        if window.isMaximized():
            successor.showMaximized()
        else:
            successor.show()
        if scope is not None:
            successor.show_scope(scope.project_id, scope.handover_id)
        window.successor = successor  # what run_app remembers at exit (last_main_window)
        window.close()
        window.deleteLater()
        return successor
    finally:
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(quits)


def last_main_window(first: Any) -> Any:
    """The main window this run ended with: `first`, or the one 切换用户 put in its place (a Python
    attribute, readable after Qt deleted the window it was set on)."""
    window = first
    while getattr(window, "successor", None) is not None:
        window = window.successor
    return window
