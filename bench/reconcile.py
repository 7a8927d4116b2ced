"""对账 on the demo: models.services.reconcile.reconcile (the 对账 button's and `main.py fees reconcile`'s
call: both ledgers merged, the differences written, decisions kept) against the SQL GROUP BY of both
ledgers by unit, fee item and period (every group fetched). Goal: ≤ 3×. Two rows:

- reconcile: a re-run on the reconciled demo (nothing changed since: nothing to write);
- reconcile (first run): the handover's open differences deleted (untimed) before each run, so every
  run writes them all, as the first reconciliation after an import does (decided ones stay).

Either way the cached demo ends as it was (the open differences' ids change) apart from the audit rows
each run adds.

    python bench/reconcile.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

if TYPE_CHECKING:
    from models.db import Database

GOAL = 3.0


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> list[common.Row]:
    from models.services.reconcile import reconcile

    with common.demo_database(size, backend) as db:
        handover_id = common.demo_handover(db)
        baseline = common.group_by_ledgers(db, handover_id)
        rerun = common.measure("reconcile", backend, GOAL, lambda: reconcile(db, handover_id), baseline, repeats)
        rerun.note = f"reconcile(db, {handover_id}) re-run vs GROUP BY source, unit, item, period"
        first = common.measure("reconcile (first run)", backend, GOAL, lambda: reconcile(db, handover_id), baseline,
                               repeats, prepare=lambda: delete_open(db, handover_id))
        first.note = f"reconcile(db, {handover_id}) after its open differences were deleted (untimed)"
        return [rerun, first]


def delete_open(db: Database, handover_id: int) -> None:
    """The handover as just imported: no open differences (decided ones stay). On the engine, not a session,
    so the audit hooks stay out of it; the database's guard triggers still fire."""
    from sqlalchemy import delete

    from models.fees import Decision, FeeDifference

    with db.engine.begin() as conn:
        conn.execute(delete(FeeDifference.__table__).where(FeeDifference.handover_id == handover_id,
                                                           FeeDifference.decision == Decision.OPEN))


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
