"""Peak memory of the GUI with every tab visited: a fresh process opens the demo as the app does
(offscreen, signed in as `main.py shot` signs in), visits each main tab, each inner tab of 费用对账 and
each table of 结果, waiting on each until its lists are loaded, then reports its peak resident size
(VmHWM from /proc/self/status; getrusage's ru_maxrss elsewhere). Baseline: the same figure of the bare
window of bench/start.py (a QTableView over a 1,000,000-row model, painted). Goal: ≤ 300 MB.

    python bench/rss.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

DRIVER = Path(__file__).resolve().parent / "gui_driver.py"
LIMIT_KB = 300 * 1024


def peak_kb(*args: str) -> tuple[int, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(common.ROOT)}
    done = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True, env=env,
                          timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"gui_driver {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    found = dict(line.partition(" ")[::2] for line in done.stdout.splitlines())
    return int(found["rss"]), found.get("visited", "")


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> common.Row:
    url = common.db_url(size, backend)
    with common.demo_database(size, backend) as db:
        common.demo_handover(db)  # reconciled, as the other rows see it
    app: list[float] = []
    bare: list[float] = []
    visited = ""
    for _ in range(repeats):
        kb, visited = peak_kb("rss-app", url)
        app.append(kb)
        bare.append(peak_kb("rss-bare")[0])
    return common.Row("peak RSS, all tabs", backend, statistics.median(app), statistics.median(bare), None,
                      unit="kB", limit=LIMIT_KB, samples={"app": app, "baseline": bare},
                      note=f"VmHWM after visiting {visited.count(',') + 1 if visited else 0} tabs; baseline the bare window")


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
