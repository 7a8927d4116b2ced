"""Read queries for the handover package: every signed settlement revision as it was signed."""
from __future__ import annotations

from sqlalchemy import select

from ..base import DocStatus
from ..db import Database
from ..fees import LedgerLine, Settlement
from ..services.common import get
from ..services.fee_results import signed_results
from ..services.fee_rows import FeeResults
from ..services.settlement_state import latest_settlement


def signed_revisions(db: Database, handover_id: int) -> list[tuple[int, int]]:
    """(settlement id, revision) of each signed revision, oldest first (one amended later included: it
    was signed, and the archive keeps what was signed)."""
    with db.read() as s:
        rows = s.execute(select(Settlement.id, Settlement.revision).where(
            Settlement.handover_id == handover_id, Settlement.status == DocStatus.SIGNED,
            Settlement.snapshot.is_not(None)).order_by(Settlement.revision))
        return [(sid, revision) for sid, revision in rows]


def signed_settlement(db: Database, settlement_id: int) -> FeeResults:
    """One signed revision's results from its snapshot (a large handover's is big: read one at a time)."""
    with db.read() as s:
        return signed_results(get(s, Settlement, settlement_id))


def latest_settlement_revision(db: Database, handover_id: int) -> tuple[int, bool] | None:
    """(revision, signed?) of the settlement as it now stands; None when there is none yet."""
    with db.read() as s:
        current = latest_settlement(s, handover_id)
        return (current.revision, current.status is DocStatus.SIGNED) if current is not None else None


def has_ledger(db: Database, handover_id: int) -> bool:
    """Any ledger line of either side: without one there is nothing to reconcile or print."""
    with db.read() as s:
        return s.scalar(select(LedgerLine.id).where(LedgerLine.handover_id == handover_id).limit(1)) is not None
