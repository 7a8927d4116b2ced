"""Every write from the GUI: the service call in a worker, the outcome on the GUI thread, then one
app-wide announcement of what changed (as Anki's CollectionOp and its OpChanges).

A write on the GUI thread froze the window for as long as another desk held SQLite's write lock
(busy_timeout: up to 10 s). Here the widgets that started it are disabled and the cursor is busy
while it waits; past PROGRESS_AFTER_MS a bar without a cancel button shows that it is still working
(a write half-way through its transaction is not the clerk's to stop).

`op(db)` runs in the worker and opens its own short-lived session through the service it calls
(one begin block: one user action, one transaction); it never touches a widget. Its outcome comes back
on the GUI thread: `on_success(result)`, then the Change is published on `changes().changed`; a
refusal goes to `on_failure(exc)` or, by default, to the clerk's Chinese message box.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from models.errors import DomainError

from . import tasks

if TYPE_CHECKING:
    from models.db import Database

PROGRESS_AFTER_MS = 200  # a lend that takes its usual few ms never flashes a bar
# One writer thread: writes run one after another in the order the clerk made them (two at once
# would only queue on the database's lock, and might commit out of order).
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handoverdesk-writer")


def writer() -> ThreadPoolExecutor:
    """The writer thread, for a long job that must take its turn among the writes (tasks.py's
    executor=): a backup then holds every write the clerk made before asking for it, and a restore
    closes the database's connections only once no write is half-way through."""
    return _WRITER

# What kinds of records a change touches; a tab lists the kinds it shows (main_window.TAB_SHOWS).
KEYS, DEFECTS, LISTS, FEES, PEOPLE = "keys", "defects", "lists", "fees", "people"
SETTINGS, HANDOVERS, PROJECTS, USERS, TEMPLATES = "settings", "handovers", "projects", "users", "templates"
ALL_KINDS = frozenset({KEYS, DEFECTS, LISTS, FEES, PEOPLE, SETTINGS, HANDOVERS, PROJECTS, USERS, TEMPLATES})

# The subjects the tabs' and menus' data_edited/data_changed signals carried before the runner
SUBJECT_KINDS: dict[str, frozenset[str]] = {
    "keys": frozenset({KEYS}), "defects": frozenset({DEFECTS}), "fees": frozenset({FEES}),
    "roster": frozenset({PEOPLE}), "settings": frozenset({SETTINGS}),
    "handover_items": frozenset({LISTS}), "handover_lists": frozenset({LISTS}),
}


@dataclass(frozen=True)
class Change:
    """What one operation changed: kinds of records, their ids, where, and who started it.

    `project_id`/`handover_id` None: not confined to one (a setting, an account, or not known).
    `origins` is the widget that started it and its parents, so a tab can tell its own change
    (it has refreshed what it shows already) from one made by a dialog or another tab.
    """

    kinds: frozenset[str]
    ids: frozenset[int] = frozenset()
    project_id: int | None = None
    handover_id: int | None = None
    origins: tuple[QObject, ...] = field(default=(), compare=False)

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def in_project(self, project_id: int | None) -> bool:
        """Whether a view of `project_id` may show what changed."""
        return self.project_id is None or project_id is None or self.project_id == project_id

    def started_in(self, widget: QObject) -> bool:
        return any(o is widget for o in self.origins)

    def from_widget(self, widget: QObject | None) -> Change:
        return Change(self.kinds, self.ids, self.project_id, self.handover_id, _ancestry(widget))


def change(*kinds: str, ids: Iterable[int | None] = (), project_id: int | None = None,
           handover_id: int | None = None) -> Change:
    return Change(frozenset(kinds), frozenset(i for i in ids if i is not None), project_id, handover_id)


def subject_change(subject: str, source: QObject | None = None) -> Change:
    """A change announced the old way, by a subject word ("" = anything may have changed)."""
    return Change(SUBJECT_KINDS.get(subject, ALL_KINDS)).from_widget(source)


def _ancestry(widget: QObject | None) -> tuple[QObject, ...]:
    chain: list[QObject] = []
    while widget is not None:
        chain.append(widget)
        widget = widget.parent()
    return tuple(chain)


class Changes(QObject):
    """The app-wide announcement; emitted on the GUI thread after each operation."""

    changed = Signal(object)  # a Change

    def publish(self, what: Change) -> None:
        self.changed.emit(what)


_changes: Changes | None = None


def changes() -> Changes:
    global _changes
    if _changes is None:
        _changes = Changes()
    return _changes


def publish(what: Change, source: QObject | None = None) -> None:
    changes().publish(what.from_widget(source) if source is not None else what)


_in_flight = 0  # writes started whose outcome has not come back yet


def in_flight() -> int:
    """How many writes are on their way (tests wait for none)."""
    return _in_flight


Op = Callable[["Database"], Any]
What = Change | Callable[[Any], Change | None] | None


def run_op(parent: QWidget, db: Database, op: Op, *, what: What = None,
           on_success: Callable[[Any], None] | None = None,
           on_failure: Callable[[BaseException], None] | None = None,
           busy: Iterable[QWidget | QAction] | None = None, label: str = "") -> tasks.Task:
    """Run the write `op(db)` in a worker; `parent` (or `busy`: widgets, actions) disabled until
    its outcome is back, and the keyboard focus given back to where it was.

    `what` is the Change to announce, or a function of the result giving it (an id known only
    once the record exists). `parent` is who started it (the Change's origin).
    """
    global _in_flight
    widgets = [w for w in (busy if busy is not None else [parent]) if w is not None]
    was_enabled = [w.isEnabled() for w in widgets]
    focus = QApplication.focusWidget()
    settled = False
    _in_flight += 1

    def disable() -> None:
        # On the next turn of the event loop: the release of the Enter that pressed OK must still
        # reach the (enabled) field it was typed in.
        for w in widgets if not settled else ():
            with contextlib.suppress(RuntimeError):
                w.setEnabled(False)

    QTimer.singleShot(0, disable)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    bar = _progress_bar(parent, label)

    def settle() -> None:
        global _in_flight
        nonlocal settled
        settled = True
        _in_flight -= 1
        bar.reset()
        bar.hide()
        bar.deleteLater()
        QApplication.restoreOverrideCursor()
        for w, enabled in zip(widgets, was_enabled, strict=True):
            with contextlib.suppress(RuntimeError):  # closed and deleted meanwhile
                w.setEnabled(enabled)
        # Disabling the widget that had the focus moved it away: a typing clerk carries on where they were.
        if focus is not None and shiboken6.isValid(focus) and focus.isEnabled() and focus.isVisible() \
                and QApplication.focusWidget() is not focus and _inside(focus, widgets):
            focus.setFocus()

    def gone() -> bool:
        # The window that asked was closed meanwhile: the write is done (or refused), no one to tell.
        return parent is not None and not shiboken6.isValid(parent)

    def succeeded(result: Any) -> None:
        settle()
        if gone():
            if isinstance(what, Change):  # the others still hear of it
                publish(what)
            return
        if on_success is not None:
            on_success(result)
        announced = what(result) if callable(what) else what
        if announced is not None:
            publish(announced, parent)

    def failed(exc: BaseException) -> None:
        settle()
        if gone():
            return
        if on_failure is not None:
            on_failure(exc)
        else:
            from .errors import show_error

            show_error(exc, parent)

    task = tasks.start(lambda _progress: op(db), succeeded, failed, executor=_WRITER)
    task.progress_bar = bar  # type: ignore[attr-defined]  # tests can see it
    return task


def _inside(widget: QWidget, busy: list[Any]) -> bool:
    return any(w is widget or (isinstance(w, QWidget) and shiboken6.isValid(w) and w.isAncestorOf(widget))
               for w in busy)


def refusal(handle: Callable[[DomainError], None], parent: QWidget | None = None
            ) -> Callable[[BaseException], None]:
    """on_failure for run_op: a refused write goes to `handle`; anything else is a bug, reported."""
    def failed(exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            handle(exc)
        else:
            from .errors import show_error

            show_error(exc, parent)
    return failed


def _progress_bar(parent: QWidget | None, label: str) -> QProgressDialog:
    bar = QProgressDialog(label or QCoreApplication.translate("ops", "正在保存…"), "", 0, 0, parent)
    bar.setCancelButton(None)
    bar.setWindowTitle(QCoreApplication.translate("ops", "请稍候"))
    # Not modal and never taking the focus: a scan or typing meanwhile still reaches the window
    # behind it (a key dialog's scan catcher), as it would once the write is back.
    bar.setWindowModality(Qt.WindowModality.NonModal)
    bar.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    bar.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
    bar.setAutoClose(False)
    bar.setAutoReset(False)
    bar.setValue(0)  # setMinimumDuration restarts its show timer only at the minimum value
    bar.setMinimumDuration(PROGRESS_AFTER_MS)
    bar.setMinimumWidth(320)
    return bar
