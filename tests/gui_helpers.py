"""Helpers for GUI tests that drive modal dialogs."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog


def answer_dialog(trigger: Callable[[], Any], fill: Callable[[Any], Any]) -> list:
    """Run `trigger` (which opens a modal dialog), fill the dialog and press OK in its event loop.

    The dialog may open only once a write has come back (gui/ops.py: a login, then its 修改密码):
    the event loop runs until it has been answered and the writes it started are done. A dialog
    still open after `fill` (the save was refused) is closed so the test cannot hang; its error
    text is returned with it.
    """
    from gui import ops

    seen: list = []
    done: list = []
    already = QApplication.activeModalWidget()  # the dialog this one is asked from, if any

    def run() -> None:
        if done:  # given up: no dialog opened
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is already or isinstance(dialog, QProgressDialog):  # a write's bar
            QTimer.singleShot(10, run)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        finally:
            if still_open(dialog):
                seen.append(dialog.error_label.text())
                dialog.reject()
            done.append(True)

    QTimer.singleShot(0, run)
    trigger()
    waited = 0
    while (not done or ops.in_flight()) and waited < 20000:
        QTest.qWait(10)
        waited += 10
    if not seen:
        done.append(False)  # stop looking
    assert seen, "no dialog opened"
    return seen


def wait_written(dialog: Any, timeout_ms: int = 20000) -> None:
    """A dialog's write runs in a worker (gui/ops.py): let the event loop run until its outcome is in."""
    from gui import ops

    waited = 0
    while getattr(dialog, "_writing", False) or ops.in_flight():
        assert waited < timeout_ms, "the write never came back"
        QTest.qWait(10)
        waited += 10


def writes_done(qtbot: Any, timeout_ms: int = 20000) -> None:
    """Wait until every write the GUI started (gui/ops.py) has come back."""
    from gui import ops

    qtbot.waitUntil(lambda: ops.in_flight() == 0, timeout=timeout_ms)


def ok_and_wait(dialog: Any) -> None:
    """Press OK and wait for the write it starts to come back."""
    dialog.ok()
    wait_written(dialog)


def still_open(dialog: Any) -> bool:
    """After its write: is the dialog still open (refused), or accepted and perhaps deleted already?"""
    wait_written(dialog)
    return shiboken6.isValid(dialog) and dialog.isVisible()


class Clock:
    """The injectable "now" of a tab: tests move `at` to pass time."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at
