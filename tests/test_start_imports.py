"""What the window needs to open, and no more (issue 16, start and memory): ReportLab, openpyxl, lxml,
Alembic and pdfium are loaded when a form is printed, a sheet imported or exported, or a database
upgraded — not while the window opens and every tab is visited. Each of them imported at start cost
start time and resident memory (the package menu importing the print functions: 60 MB of the GUI's
peak on the small demo). Checked in a fresh process, as a clerk's start is."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from models.demo import build_demo

ROOT = Path(__file__).resolve().parent.parent
NOT_AT_START = ("reportlab", "openpyxl", "lxml", "alembic", "pypdfium2", "python_calamine")

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[2])
import gui_driver
app, window, db = gui_driver.open_window(sys.argv[1])
gui_driver.wait_for(app, gui_driver.loaded(window))
opened = sorted({m.split('.')[0] for m in sys.modules})
gui_driver.visit_every_tab(app, window)
visited = sorted({m.split('.')[0] for m in sys.modules})
gui_driver.close_window(app, window)
db.dispose()
print(json.dumps({"opened": opened, "visited": visited}))
"""


def test_the_window_opens_and_shows_every_tab_without_the_output_libraries(sqlite_db, tmp_path):
    build_demo(sqlite_db)
    sqlite_db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, sqlite_db.url, str(ROOT / "bench")], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "PySide6" in loaded["opened"] and "sqlalchemy" in loaded["opened"]  # the probe saw the imports
    for stage in ("opened", "visited"):
        assert not set(NOT_AT_START) & set(loaded[stage]), (stage, set(NOT_AT_START) & set(loaded[stage]))
