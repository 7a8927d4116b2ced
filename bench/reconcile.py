"""对账 on the demo: models.services.reconcile.reconcile (the 对账 button's and `main.py fees reconcile`'s
call: both ledgers merged, the differences written, decisions kept) against the SQL GROUP BY of both
ledgers by unit, fee item and period (every group fetched). Goal: ≤ 3×.

Re-running keeps the demo's decided differences (their amounts do not change), so the cached demo stays
as it was apart from the audit rows each run adds.

    python bench/reconcile.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

GOAL = 3.0


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> common.Row:
    from models.services.reconcile import reconcile

    with common.demo_database(size, backend) as db:
        handover_id = common.demo_handover(db)
        row = common.measure("reconcile", backend, GOAL, lambda: reconcile(db, handover_id),
                             common.group_by_ledgers(db, handover_id), repeats)
        row.note = f"reconcile(db, {handover_id}) vs GROUP BY source, unit, item, period"
        return row


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
