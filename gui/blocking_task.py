"""Waiting for a job with its progress dialog: the restore flows cannot go on until the file is
replaced, but the window must keep painting meanwhile."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget

from models.errors import Cancelled

from . import tasks


def run_blocking(parent: QWidget | None, title: str, job: tasks.Job,
                 executor: ThreadPoolExecutor | None = None) -> Any:
    """Run `job` off the GUI thread (in a thread of `executor`, if given) with the progress dialog
    and wait for it (events keep flowing); its result, or its exception raised here."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str) -> Callable[[Any], None]:
        def store(value: Any) -> None:
            outcome[key] = value
            loop.quit()
        return store

    task = tasks.run_with_progress(parent, title, job, finish("result"), finish("error"), executor)
    task.dialog.setCancelButton(None)  # a restore half done is not cancelled: it is waited for
    task.cancelled.connect(loop.quit)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    if "result" not in outcome:
        raise Cancelled()
    return outcome["result"]
