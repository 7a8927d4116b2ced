"""The background runner: progress, cancel, errors on the GUI thread, and a live event loop meanwhile."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from gui import tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_job_reports_progress_and_result_on_gui_thread(qtbot):
    seen, threads = [], []

    def job(progress):
        threads.append(threading.get_ident())
        for i in range(1, 4):
            progress(i, 3, f"第 {i} 步")
            time.sleep(0.06)
        return "完成"

    task = tasks.start(job)
    task.progressed.connect(lambda d, t, w: seen.append((d, t, w, threading.get_ident())))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["完成"]
    assert seen[-1][:3] == (3, 3, "第 3 步")
    assert threads[0] != threading.get_ident()
    assert all(s[3] == threading.get_ident() for s in seen)  # delivered on the GUI thread


def test_cancel_stops_the_job(qtbot):
    steps = []

    def job(progress):
        for i in range(200):
            if not progress(i, 200):
                return "stopped"
            steps.append(i)
            time.sleep(0.01)
        return "ran to the end"

    task = tasks.start(job, on_done=lambda r: pytest.fail("cancelled task must not succeed"))
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    assert len(steps) < 200


def test_exception_is_delivered_as_error(qtbot):
    errors = []

    def job(progress):
        raise ValueError("坏数据")

    task = tasks.start(job, on_error=errors.append)
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "坏数据"


def test_gui_keeps_processing_events_while_job_runs(qtbot):
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    release = threading.Event()
    task = tasks.start(lambda progress: release.wait(5))
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=3000)
    release.set()
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    timer.stop()


def test_progress_dialog_cancel_button_cancels(qtbot):
    release = threading.Event()

    def job(progress):
        while progress(1, 10, "导出中") and not release.is_set():
            time.sleep(0.01)
        raise RuntimeError("the job noticed the cancel")  # like reports' Cancelled

    errors = []
    task = tasks.run_with_progress(None, "正在导出…", job, on_error=errors.append)
    qtbot.waitUntil(lambda: task.dialog.isVisible(), timeout=3000)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.dialog.findChild(QPushButton).click()
    release.set()
    assert errors == []  # a cancelled job is not reported as an error


class _Probe(QObject):
    fired = Signal()


def test_signal_emit_keeps_references_to_true():
    """PySide6 6.12.0 dropped a reference to True on every emit (pyproject excludes it)."""
    import sys

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(100):
        probe.fired.emit()
    assert sys.getrefcount(True) >= before


def test_garbage_is_collected_on_the_gui_thread_only(qapp):
    import gc

    from gui.gc_main_thread import MainThreadCollector
    collector = MainThreadCollector(qapp)
    try:
        assert not gc.isenabled()
        for _ in range(gc.get_threshold()[0] + 10):
            a: list = []
            a.append(a)  # a cycle only the collector can free
        assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.on_timeout()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.deleteLater()


def test_the_progress_dialog_is_closed_before_an_error_is_shown(qtbot):
    """A failed print used to open the error box over a progress bar that never moved again."""
    seen: list[bool] = []

    def fail(progress):
        raise ValueError("失败")

    task = tasks.run_with_progress(None, "打印中…", fail,
                                   on_error=lambda exc: seen.append(task.dialog.isVisible()))
    task.dialog.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]
