"""The start in two steps (issue 16, start → painted window): the frame from PySide6 alone, then the
database, the sign-in and the tabs (gui/startup.py, run_app)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QProgressBar

from gui import startup
from gui.main_window import TAB_KEYS, MainWindow
from models.db import Database
from tests.conftest import TEST_USER
from tests.pc_settings_fixture import pc_settings  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent

FRAME_PROBE = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from gui.app import setup_application
from gui.main_window import MainWindow
app = setup_application()
window = MainWindow(initial_tab="fees")
window.show()
app.processEvents()
print(json.dumps({"modules": sorted(sys.modules), "tab": window.tab_widget.currentIndex(),
                  "titles": [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())]}))
"""


def test_the_frame_is_shown_before_the_storage_layer_is_imported(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDOVERDESK_LANG": "zh"}
    done = subprocess.run([sys.executable, "-c", FRAME_PROBE], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    heavy = [m for m in seen["modules"] if m.split(".")[0] in ("sqlalchemy", "alembic", "reportlab", "openpyxl")
             or m in ("models.db", "models.schema", "models.browse")]
    assert heavy == []
    assert "PySide6.QtWidgets" in seen["modules"]  # the probe did build a window
    assert seen["titles"] == ["概览", "交接清单", "遗留问题", "钥匙管理", "费用对账"] and seen["tab"] == 4


def test_the_frame_says_it_is_opening_and_becomes_the_window(qtbot, sqlite_db):
    window = MainWindow(initial_tab="keys")
    qtbot.addWidget(window)
    window.show()
    page = window.tab_widget.currentWidget()
    assert page.findChild(QProgressBar) is not None and not window.toolbar.isEnabled()
    assert all(not m.isEnabled() for m in window.menus.values()) and not window.attached

    window.attach(sqlite_db)
    assert window.attached and window.toolbar.isEnabled()
    assert [window.tabs[k] is window.tab_widget.widget(i) for i, k in enumerate(TAB_KEYS)] == [True] * 5
    assert window.current_tab() is window.tabs["keys"]
    assert window.tab_widget.tabText(TAB_KEYS.index("fees")) == "费用对账"
    assert window.menus["file"].isEnabled() and not window.menus["file"].isEmpty()


def test_open_in_frame_waits_for_the_first_paint_then_attaches(qtbot, sqlite_db):
    window = MainWindow(initial_tab="defects")
    qtbot.addWidget(window)
    order: list[str] = []

    def prepare() -> Database:
        order.append("prepare")
        return sqlite_db

    startup.open_in_frame(window, prepare, lambda ok: order.append(f"done {ok}"))
    assert order == []  # nothing before the frame is on the screen
    window.show()
    qtbot.waitUntil(lambda: "done True" in order, timeout=30_000)
    assert order == ["prepare", "done True"] and window.attached
    assert window.current_tab() is window.tabs["defects"]


def test_a_start_that_fails_is_said_and_does_not_attach(qtbot, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr("gui.errors._show_box", lambda parent, icon, text, details="": said.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    outcome: list[bool] = []

    def prepare() -> Database:
        raise RuntimeError("boom")

    startup.open_in_frame(window, prepare, outcome.append)
    window.show()
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert outcome == [False] and not window.attached
    assert said and "程序出现了一个错误" in said[0] and "boom" not in said[0]


def _database_file(path: Path) -> None:
    db = Database.open(str(path))
    db.dispose()


def test_run_app_ends_with_0_when_nobody_signs_in(qtbot, tmp_path, pc_settings, monkeypatch):  # noqa: F811
    path = tmp_path / "desk.sqlite"
    _database_file(path)
    monkeypatch.setattr("gui.app._setup_logging", lambda *a, **k: None)
    monkeypatch.setattr("gui.login.sign_in", lambda db, preselect=None: False)
    from gui.app import run_app

    assert run_app(str(path), settings=pc_settings) == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_app_ends_with_1_when_the_database_cannot_be_opened(qtbot, tmp_path, pc_settings,  # noqa: F811
                                                               monkeypatch):
    bad = tmp_path / "not-a-database.sqlite"
    bad.write_bytes(b"this is not SQLite" * 100)
    said: list[str] = []
    monkeypatch.setattr("gui.app._setup_logging", lambda *a, **k: None)
    monkeypatch.setattr("gui.app.show_error", lambda exc, parent=None: said.append(str(exc)))
    monkeypatch.setattr("gui.backup_hooks.restored_after_failed_open", lambda exc, choice: False)
    from gui.app import run_app

    assert run_app(str(bad), settings=pc_settings) == 1
    assert said and "不是 HandoverDesk 数据库" in said[0]


def test_run_app_signs_in_over_the_frame_and_opens_the_tabs(qtbot, tmp_path, pc_settings,  # noqa: F811
                                                           monkeypatch):
    path = tmp_path / "desk.sqlite"
    _database_file(path)
    monkeypatch.setattr("gui.app._setup_logging", lambda *a, **k: None)
    seen: dict[str, object] = {}

    def sign_in(db: Database, preselect: str | None = None) -> bool:
        frames = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["frame"] = [w.attached for w in frames]  # the login comes over the frame, not before it
        db.user = TEST_USER
        return True

    def close_when_attached() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.attached and w.isVisible()]  # not another test's
        if not windows:
            startup.QTimer.singleShot(20, close_when_attached)
            return
        seen["tab"] = windows[0].current_tab()
        windows[0].close()

    monkeypatch.setattr("gui.login.sign_in", sign_in)
    monkeypatch.setattr("gui.dialogs.first_start.offer_first_start", lambda window: None)
    startup.QTimer.singleShot(0, close_when_attached)
    from gui.app import run_app

    assert run_app(str(path), settings=pc_settings) == 0
    assert seen["frame"] == [False]
    assert type(seen["tab"]).__name__ == "OverviewTab"


def test_a_frame_closed_before_the_database_opened_opens_nothing(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    calls: list[str] = []
    startup.open_in_frame(window, lambda: calls.append("prepare"), lambda ok: calls.append("done"))
    window.show()
    window.close()
    qtbot.wait(startup.FIRST_PAINT_WAIT_MS + 300)
    assert calls == [] and not window.attached
