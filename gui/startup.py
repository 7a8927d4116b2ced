"""The second step of the start: once the window's frame is on the screen, the storage layer, the
database and the tabs, a turn of the event loop at a time.

A clerk double-clicks the program and waits: the frame (MainWindow without a database) is painted
from PySide6 alone, a few tenths of a second after the click. What takes the rest of the start —
importing SQLAlchemy and models/ (about half a second), opening and checking the database, signing
in, building five tabs — follows here. The imports go one module per turn, each well under the
0.2 s a freeze may last, so the frame keeps repainting (its busy bar moves) until the tabs are in.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer

from models.import_order import STORAGE_STEPS

if TYPE_CHECKING:
    from models.db import Database

    from .main_window import MainWindow

# The storage layer first (models.import_order), then the tabs and menus: each step about 0.1 s or less.
STEPS = (
    *STORAGE_STEPS,
    "gui.login",
    "gui.tabs.overview.tab",
    "gui.tabs.handover.tab",
    "gui.tabs.defects.tab",
    "gui.tabs.keys.tab",
    "gui.tabs.fees.tab",
    "gui.main_window",
)
FIRST_PAINT_WAIT_MS = 300  # a frame that is never painted (started minimised) still goes on


class _AfterFirstPaint(QObject):
    """Calls `then` on the turn after the widget's first paint (or after FIRST_PAINT_WAIT_MS)."""

    def __init__(self, widget: Any, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._go)
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()


def open_in_frame(window: MainWindow, prepare: Callable[[], Database | None],
                  done: Callable[[bool], None]) -> None:
    """Once `window` (a frame) is painted: the imports, then `prepare()` — the database opened and
    someone signed in, or None — then `window.attach(db)` and `done(True)`; `done(False)` when
    prepare gave no database or the start failed (the clerk has been told)."""
    steps = list(STEPS)

    def step() -> None:
        if not shiboken6.isValid(window) or not window.isVisible():
            return  # the clerk closed the frame: the program is ending
        try:
            if steps:
                importlib.import_module(steps.pop(0))
                QTimer.singleShot(0, step)
                return
            db = prepare()
            if db is not None:
                window.attach(db)
        except Exception as exc:  # the start's last resort: said (and logged), never a frame left up
            from .errors import show_error

            show_error(exc, window)
            done(False)
            return
        done(db is not None)

    _AfterFirstPaint(window, step)
