"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate; when that is a
worker of gui/tasks.py and the garbage holds Qt wrappers (a closed dialog, a
finished task), Qt objects are destroyed off their thread and the process
crashes (seen: a segfault in a report worker). qutebrowser does the same.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_timeout)
        self._timer.start(INTERVAL_MS)

    def on_timeout(self) -> None:
        collect_due()


def collect_due() -> None:
    """Run the generation the collector would have run by itself, by its own thresholds."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return
