"""The one background runner: a job in a worker thread, its progress and result back on the GUI thread.

A job is a plain function `job(progress) -> result`; it opens its own session and never touches a
widget. `progress(done, total, what="")` returns False once the clerk has pressed Cancel.
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[..., bool]
Job = Callable[[Progress], Any]
PROGRESS_INTERVAL = 0.05  # s between progress signals: a tight loop must not flood the event queue

_running: set[Task] = set()  # keeps each Task alive until its result is delivered
# Python threads rather than QThreadPool + QRunnable: with PySide 6.12 a QRunnable's wrapper freed
# on a pool thread while the interpreter shuts down crashed the process (none_dealloc) now and
# then; the executor's threads are joined at exit. Four workers: a page query and a count may run
# beside a long export.
_EXECUTOR = ThreadPoolExecutor(max_workers=4, thread_name_prefix="handoverdesk-worker")


class Task(QObject):
    """One job. Its public signals are emitted on the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, what
    succeeded = Signal(object)          # the job's return value
    failed = Signal(object)             # the exception the job raised
    cancelled = Signal()                # Cancel was pressed (or the job was superseded)
    ended = Signal()                    # after any of the three above

    # Emitted from the worker; queued to the slots below because this object lives on the GUI thread.
    _worker_progressed = Signal(int, int, str)
    # No Python object rides a queued signal: the outcome waits on the Task (PySide 6.12 sometimes
    # miscounted references to Python objects sent queued, crashing the interpreter at exit).
    _worker_returned = Signal()

    dialog: QProgressDialog  # set by run_with_progress only: the progress dialog it shows

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self._outcome: tuple[Any, BaseException | None] = (None, None)
        self._worker_progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._worker_returned.connect(self._on_worker_returned, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, what: str = "") -> bool:
        """The callback the job gets (runs on the worker thread)."""
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            try:
                self._worker_progressed.emit(int(done), int(total), str(what))
            except RuntimeError:  # deleted while quitting
                return False
        return not self._cancel.is_set()

    def run_in_worker(self) -> None:
        if self._cancel.is_set():  # superseded before a thread was free: skip the work
            outcome: tuple[Any, BaseException | None] = (None, None)
        else:
            outcome = self._call_job()
        self._outcome = outcome  # read on the GUI thread only after the signal below arrives
        # RuntimeError: the Task was deleted: the app is quitting, nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self._worker_returned.emit()

    def _call_job(self) -> tuple[Any, BaseException | None]:
        try:
            return self._job(self.progress), None
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never lost
            return None, exc

    @Slot()
    def _on_worker_returned(self) -> None:
        result, error = self._outcome
        self._outcome = (None, None)
        if self.is_cancelled:  # cancel wins: the clerk was told it stopped
            self.cancelled.emit()
        elif error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.ended.emit()
        # Let go of the Task only after Qt has finished delivering this event to it.
        QTimer.singleShot(0, lambda: _running.discard(self))


def start(job: Job, on_done: Callable[[Any], None] | None = None,
          on_error: Callable[[BaseException], None] | None = None,
          executor: ThreadPoolExecutor | None = None) -> Task:
    """Run `job` in a worker thread (of `executor`, if given); `on_done`/`on_error` are called on the
    GUI thread."""
    task = Task(job)
    if on_done is not None:
        task.succeeded.connect(on_done)
    task.failed.connect(on_error or _default_error)
    _running.add(task)
    (executor or _EXECUTOR).submit(task.run_in_worker)
    return task


def run_with_progress(parent: QWidget | None, title: str, job: Job,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      executor: ThreadPoolExecutor | None = None) -> Task:
    """Long work (export, import, print): a modal progress dialog with a cancel button; in a thread
    of `executor` if given (ops.writer(): in turn with the writes).

    The dialog closes before the outcome is delivered: an error box never opens under it, and a
    clerk is never left looking at a progress bar that will not move again.
    """
    dialog = _progress_dialog(parent, title)

    def closing_first(then: Callable[[Any], None] | None, default: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            dialog.reset()
            dialog.hide()
            (then or default or (lambda _v: None))(value)
        return deliver

    task = start(job, closing_first(on_done, None), closing_first(on_error, _default_error), executor)
    dialog.canceled.connect(task.cancel)
    task.progressed.connect(lambda done, total, what: _show_progress(dialog, done, total, what))
    task.ended.connect(dialog.reset)
    task.ended.connect(dialog.deleteLater)
    task.dialog = dialog  # tests and callers can reach it
    return task


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(title, QCoreApplication.translate("tasks", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("tasks", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    # setValue(0) first: setMinimumDuration only restarts the show timer at the minimum value.
    dialog.setValue(0)
    dialog.setMinimumDuration(300)  # quick jobs finish without a flash of a dialog
    dialog.setMinimumWidth(360)
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int, what: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total > 0 else 0)
    if what:
        dialog.setLabelText(what)


def _default_error(exc: BaseException) -> None:
    from .errors import show_error

    show_error(exc)
