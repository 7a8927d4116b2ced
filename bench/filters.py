"""A filter keystroke in every table that has a filter box, as the GUI makes it: the text put in the
table's own filter box and the box's settled-filter slot called (what the 200 ms typing pause or Enter
calls), timed until the table says it is loaded — for the database tables (models/browse.py through
gui/table_model.BrowseModel: 遗留问题, 钥匙管理, 台账, 对账差异, and the 房屋 / 业主 browsers of 项目 →
房屋与业主) both the first page and the count are in, run in the worker as the window runs them; for the
in-memory tables (gui/tabs/fees/records_model: the six tables of 结果 and 抄表底数) the proxy refiltered.
The main window is built offscreen as `main.py shot` builds it, on the demo's handover.

"Loaded" is what the GUI waits for before it calls the table ready: the first page, and the count up
to gui.table_model.COUNT_CAP (10,000) — a filter matching more shows "超过 10,000 条，正在计数…" at once,
and its exact count arrives afterwards in the worker. So each row's note gives both: the time to the
first page with that count (the row's figure, against the goal) and the time to the exact count.

Three texts, each typed into an empty box: 1 character ("1"), 3 characters ("12栋") and one no row
matches. Each timed `--repeats` times; the row gives the slowest of the three medians. No baseline: the
goal is absolute, ≤ 100 ms.

    python bench/filters.py [--size small|large] [--backend sqlite|postgresql|both] [--tables keys,defects]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

LIMIT = 0.100  # s
TEXTS = (("1 char", "1"), ("3 chars", "12栋"), ("no match", "无此内容zq"))
TABLES = ("defects", "keys", "fees/ledger", "fees/differences", "fees/meters", "results/arrears",
          "results/prepayments", "results/deposits", "results/for_others", "results/rates", "results/meters",
          "units", "owners")


def _targets(window: Any, app: Any, wanted: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """(name, widget with filter_edit and on_filter_settled) of every table, each shown and loaded first."""
    from bench.gui_driver import close_window, loaded, wait_for
    from gui.dialogs.units_owners import OwnersBrowser, UnitsBrowser

    for name in wanted:
        if name in ("defects", "keys"):
            window.show_tab(name)
            wait_for(app, loaded(window))
            yield name, window.tabs[name]
        elif name.startswith("fees/"):
            fees = window.tabs["fees"]
            window.show_tab("fees")
            sub = name.split("/")[1]
            fees.show_subtab(sub)
            wait_for(app, loaded(window))
            yield name, getattr(fees, sub)
        elif name.startswith("results/"):
            fees = window.tabs["fees"]
            window.show_tab("fees")
            fees.show_subtab("results")
            wait_for(app, loaded(window))
            page = getattr(fees.results, name.split("/")[1])
            fees.results.pages.setCurrentWidget(page)
            wait_for(app, loaded(window))
            yield name, page
        elif name in ("units", "owners"):
            browser = (UnitsBrowser if name == "units" else OwnersBrowser)(window.db)
            browser.resize(1200, 700)
            browser.show()
            browser.set_scope(window.current_scope())
            wait_for(app, browser.is_loaded)
            try:
                yield name, browser
            finally:
                close_window(app, browser)
        else:
            raise ValueError(f"no such table: {name}")


def keystroke(app: Any, widget: Any) -> Callable[[str], tuple[float, float]]:
    """Seconds from the settled filter `text` to the table loaded (first page and the count up to the
    cap), and to the exact count (the box emptied, untimed, first)."""
    from bench.gui_driver import wait_for

    is_loaded: Callable[[], bool] = getattr(widget, "is_loaded", lambda: True)
    model = getattr(widget, "model", None)
    exact: Callable[[], bool] = getattr(model, "total_is_exact", lambda: True)

    def settled() -> bool:
        return is_loaded() and exact()

    def run(text: str) -> tuple[float, float]:
        widget.filter_edit.setText("")
        widget.on_filter_settled()
        wait_for(app, settled)
        widget.filter_edit.setText(text)
        started = time.perf_counter()
        widget.on_filter_settled()
        wait_for(app, is_loaded)
        loaded_at = time.perf_counter() - started
        wait_for(app, settled)
        return loaded_at, time.perf_counter() - started
    return run


def measure(size: str, backend: str, repeats: int = common.REPEATS,
            tables: tuple[str, ...] = TABLES) -> list[common.Row]:
    from bench.gui_driver import close_window, loaded, wait_for
    from gui.app import setup_application
    from gui.main_window import MainWindow
    from models.services import auth

    rows = []
    with common.demo_database(size, backend) as db:
        auth.act_as_system(db)
        app = setup_application()
        window = MainWindow(db, initial_tab="overview")
        window.show()
        try:
            wait_for(app, loaded(window))
            for name, widget in _targets(window, app, tables):
                run = keystroke(app, widget)
                medians, exact, samples = {}, {}, {}
                for label, text in TEXTS:
                    runs = [run(text) for _ in range(repeats)]
                    samples[label] = [r[0] for r in runs]
                    samples[label + " exact count"] = [r[1] for r in runs]
                    medians[label] = statistics.median(samples[label])
                    exact[label] = statistics.median(samples[label + " exact count"])
                run("")
                worst = max(medians.values())
                note = ", ".join(f"{label} {medians[label] * 1000:.0f} ms (exact count {exact[label] * 1000:.0f} ms)"
                                 for label, _ in TEXTS)
                rows.append(common.Row(f"filter {name}", backend, worst, None, None, limit=LIMIT, note=note,
                                       samples=samples))
        finally:
            close_window(app, window)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = common.parser(__doc__ or "")
    p.add_argument("--tables", default=",".join(TABLES), help="comma-separated, of " + ",".join(TABLES))

    def rows(args: argparse.Namespace) -> list[common.Row]:
        tables = tuple(args.tables.split(","))
        return [r for b in common.backends(args.backend) for r in measure(args.size, b, args.repeats, tables)]
    return common.run_main(rows, p, argv)


if __name__ == "__main__":
    sys.exit(main())
