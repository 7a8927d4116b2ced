"""Start → painted window, per tab: a fresh process that starts as the app does (setup_application, the
main window's frame on the tab shown; after its first paint the imports, open_database with the file
check beside the window, signed in as `main.py shot` signs in — no login dialog — and the tabs
attached: gui/startup.py), timed from just before the process is spawned to the main window's first
paint event. Baseline: a fresh process showing a bare QMainWindow with a QTableView over a
1,000,000-row QAbstractTableModel, to its first paint. Goal: ≤ 3×. The note gives the times until
the tabs were attached and until the tab's lists were loaded (the tab's own is_loaded(), as `shot`
waits).

    python bench/start.py [--size small|large] [--backend sqlite|postgresql|both] [--tabs overview,fees]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

DRIVER = Path(__file__).resolve().parent / "gui_driver.py"
GOAL = 3.0


def spawn(*args: str) -> dict[str, float]:
    """Run the GUI driver; the seconds from just before the spawn to each event it reports."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(common.ROOT)}
    started = time.time()
    done = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True, env=env,
                          timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"gui_driver {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    events = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("painted", "attached", "loaded"):
            events[name] = float(value) - started
    return events


def measure_tab(url: str, backend: str, tab: str, repeats: int, warmup: bool = True) -> common.Row:
    app: list[float] = []
    bare: list[float] = []
    loaded: list[float] = []
    attached: list[float] = []
    if warmup:  # the file and the modules in the OS cache, for both
        spawn("start-app", url, tab)
        spawn("start-bare")
    for _ in range(repeats):
        events = spawn("start-app", url, tab)
        app.append(events["painted"])
        loaded.append(events["loaded"])
        attached.append(events["attached"])
        bare.append(spawn("start-bare")["painted"])
    return common.Row(f"start→paint {tab}", backend, statistics.median(app), statistics.median(bare), GOAL,
                      note=f"tabs in {statistics.median(attached):.2f} s, lists loaded "
                           f"{statistics.median(loaded):.2f} s after the spawn",
                      samples={"app": app, "baseline": bare, "attached": attached, "loaded": loaded})


def measure(size: str, backend: str, tabs: list[str], repeats: int = common.REPEATS,
            warmup: bool = True) -> list[common.Row]:
    url = common.db_url(size, backend)
    return [measure_tab(url, backend, tab, repeats, warmup) for tab in tabs]


def main(argv: list[str] | None = None) -> int:
    from main import TABS

    p = common.parser(__doc__ or "")
    p.add_argument("--tabs", default=",".join(TABS), help=f"comma-separated, of {','.join(TABS)}")

    def rows(args: argparse.Namespace) -> list[common.Row]:
        return [r for b in common.backends(args.backend)
                for r in measure(args.size, b, args.tabs.split(","), args.repeats)]
    return common.run_main(rows, p, argv)


if __name__ == "__main__":
    sys.exit(main())
