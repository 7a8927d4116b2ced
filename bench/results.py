"""结果 on the demo, two rows per backend:

* results: models.services.fee_results.fee_results(db, handover) — what the 结果 tab, printing and the
  accountant workbook compute — against the SQL GROUP BY of both ledgers by unit, fee item and period,
  with the results the tab keeps forgotten before each run (untimed), so the computation is timed.
  Goal: ≤ 3×.
* 结果 tab open: the main window (offscreen, as `main.py shot` builds it) on 费用对账 with its 台账 list
  loaded, then the inner tab 结果 chosen, timed until the tab says it is loaded (results computed in the
  worker and every table filled), after the results have been computed once before (the overview's
  saved summary exists). A fresh window each time. Against the same GROUP BY. Goal: ≤ 3× and ≤ 1 s.
  The fees tab keeps the results it computed in the process's memory while the audit log shows no
  change (models.services.results_store), and `fee_results(..., remember=True)` below is what the tab
  calls: so this row times a tab opened from kept results. The first 结果 tab of a freshly started app
  still computes them (the `results` row).

    python bench/results.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

GOAL = 3.0
TAB_LIMIT = 1.0  # s


def tab_opener(db: common.Database) -> Callable[[], float]:
    """A function that opens the 结果 tab in a fresh main window and returns the seconds it took."""
    from bench.gui_driver import close_window, loaded, wait_for
    from gui.app import setup_application
    from gui.main_window import MainWindow

    app = setup_application()

    def open_results() -> float:
        window = MainWindow(db, initial_tab="fees")
        window.show()
        try:
            wait_for(app, loaded(window))
            started = time.perf_counter()
            window.tabs["fees"].show_subtab("results")
            wait_for(app, loaded(window))
            return time.perf_counter() - started
        finally:
            close_window(app, window)
    return open_results


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> list[common.Row]:
    from models.services import auth, results_store
    from models.services.fee_results import fee_results

    with common.demo_database(size, backend) as db:
        auth.act_as_system(db)
        handover_id = common.demo_handover(db)
        group_by = common.group_by_ledgers(db, handover_id)
        fee_results(db, handover_id, remember=True)  # results exist: the summary the overview charts
        # Printing reads the tab's kept results while they are current: forgotten before each run (untimed),
        # so the row times the computation.
        rows = [common.measure("results", backend, GOAL, lambda: fee_results(db, handover_id), group_by, repeats,
                               warmup=False, note=f"fee_results(db, {handover_id}) vs GROUP BY",
                               prepare=results_store.forget)]
        fee_results(db, handover_id, remember=True)  # kept again: the tab opens from them
        opener = tab_opener(db)
        times: list[float] = []
        base: list[float] = []
        for _ in range(repeats):
            times.append(opener())
            base.append(common.timed(group_by))
        rows.append(common.Row("结果 tab open", backend, statistics.median(times), statistics.median(base),
                               GOAL, limit=TAB_LIMIT, samples={"app": times, "baseline": base},
                               note="费用对账 → 结果 until loaded, vs GROUP BY"))
        return rows


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
