"""The GUI side of the benchmarks: the main window built as the app builds it, offscreen, signed in as
`main.py shot` signs in (the first administrator, no login dialog), and waits on the tabs' own
`is_loaded()` as `shot` does. Also the bare baseline window: a QTableView over a 1,000,000-row model.

Run as a child process by bench/start.py and bench/rss.py:

    python bench/gui_driver.py start-app URL TAB     # prints "painted", "attached" and "loaded <epoch s>"
    python bench/gui_driver.py start-bare            # prints "painted <epoch s>"
    python bench/gui_driver.py rss-app URL           # visits every tab (and inner tab), prints "rss <kB>"
    python bench/gui_driver.py rss-bare              # prints "rss <kB>"
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HANDOVERDESK_LANG", "zh")  # the app's language without reading this PC's settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

LOAD_TIMEOUT = 600.0
BARE_ROWS = 1_000_000


class PaintWatch(QObject):
    """Notes the wall-clock time of the first paint event the watched widget receives."""

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self.painted: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted is None and event.type() == QEvent.Type.Paint:
            self.painted = time.time()
        return False


def wait_for(app: QApplication, done: Callable[[], bool], timeout: float = LOAD_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def close_window(app: QApplication, window: Any) -> None:
    """Close the window once its background loads are done, and really delete it (its tabs and their
    timers) before the caller disposes of or drops the database: deleteLater alone waits for an event
    loop that may never run again, and a keys-tab timer firing later read a dropped schema."""
    from gui import tasks

    wait_for(app, lambda: not tasks._running)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def peak_rss_kb() -> int:
    """VmHWM of this process (Linux), else getrusage's ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# ---------------------------------------------------------------- the app's window


def open_window(url: str, tab: str = "overview",
                before_show: Callable[[Any], object] | None = None) -> tuple[QApplication, Any, Any]:
    """As run_app starts: setup_application, the window's frame on `tab` shown, and after its first
    paint (gui/startup.py) the imports, the database opened as the app opens it (quick_check beside
    the window), signed in as `shot` does, the tabs attached. Returns (app, window, db) once attached."""
    from gui.app import install_excepthook, setup_application
    from gui.main_window import MainWindow
    from gui.startup import open_in_frame

    app = setup_application()
    install_excepthook()
    window = MainWindow(initial_tab=tab)
    if before_show is not None:
        before_show(window)
    opened: list[Any] = []
    finished: list[bool] = []

    def prepare() -> Any:
        from models.services import auth
        from models.services.office import open_database

        db = open_database(url, check_in_background=True)
        auth.act_as_system(db)
        opened.append(db)
        return db

    open_in_frame(window, prepare, finished.append)
    window.show()
    wait_for(app, lambda: bool(finished))
    if not finished[0]:
        raise RuntimeError("the window did not open the database")
    return app, window, opened[0]


def loaded(window: Any) -> Callable[[], bool]:
    return lambda: bool(window.current_tab().is_loaded())


def start_app(url: str, tab: str) -> None:
    watches: list[PaintWatch] = []
    app, window, db = open_window(url, tab, lambda w: watches.append(PaintWatch(w)))
    attached = time.time()
    watch = watches[0]
    wait_for(app, lambda: watch.painted is not None)
    print(f"painted {watch.painted!r}", flush=True)
    print(f"attached {attached!r}", flush=True)
    wait_for(app, loaded(window))
    print(f"loaded {time.time()!r}", flush=True)
    window.close()
    db.dispose()


# ---------------------------------------------------------------- the bare baseline


class MillionRows(QAbstractTableModel):
    def rowCount(self, parent: Any = QModelIndex()) -> int:
        return 0 if parent.isValid() else BARE_ROWS

    def columnCount(self, parent: Any = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}-{index.column() + 1}"
        return None


def bare_window() -> tuple[QApplication, QMainWindow]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(MillionRows(view))
    window.setCentralWidget(view)
    window.resize(1366, 768)
    return app, window


def painted_bare() -> float:
    """The bare window shown; the time of its first paint."""
    app, window = bare_window()
    watch = PaintWatch(window)
    window.show()
    wait_for(app, lambda: watch.painted is not None)
    assert watch.painted is not None
    return watch.painted


def start_bare() -> None:
    print(f"painted {painted_bare()!r}", flush=True)


# ---------------------------------------------------------------- memory


def visit_every_tab(app: QApplication, window: Any) -> list[str]:
    """Each main tab, and each inner tab of the fees tab and of its results, waited on until loaded."""
    from main import TABS

    seen = []
    for key in TABS:
        window.show_tab(key)
        wait_for(app, loaded(window))
        seen.append(key)
        tab = window.tabs[key]
        for sub in getattr(tab, "SUBTABS", ()):
            tab.show_subtab(sub)
            wait_for(app, loaded(window))
            seen.append(f"{key}/{sub}")
            if sub == "results":
                pages = tab.results.pages
                for i in range(pages.count()):
                    pages.setCurrentIndex(i)
                    wait_for(app, loaded(window))
    return seen


def rss_app(url: str) -> None:
    app, window, db = open_window(url)
    wait_for(app, loaded(window))
    seen = visit_every_tab(app, window)
    print(f"visited {','.join(seen)}", flush=True)
    print(f"rss {peak_rss_kb()}", flush=True)
    window.close()
    db.dispose()


def rss_bare() -> None:
    painted_bare()
    print(f"rss {peak_rss_kb()}", flush=True)


if __name__ == "__main__":
    what, *rest = sys.argv[1:]
    commands: dict[str, Callable[..., None]] = {"start-app": start_app, "start-bare": start_bare,
                                                "rss-app": rss_app, "rss-bare": rss_bare}
    commands[what](*rest)
    os._exit(0)  # the database's check thread and Qt's teardown are not part of what was measured
