"""Where a handover's fees stand (the tab's status line and banner), read in one worker job."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.base import DocStatus
from models.db import Database
from models.services.fee_items import fee_item_names
from models.services.fee_results import last_computed
from models.services.reconcile import difference_counts
from models.services.settlement import SettlementRow, settlement_history


@dataclass(frozen=True)
class FeesState:
    """The latest settlement revision, the differences (all, open), when results were last computed."""

    settlement: SettlementRow | None = None
    differences_total: int = 0
    differences_open: int = 0
    computed_at: dt.datetime | None = None
    fee_items: list[str] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        return self.settlement is not None and self.settlement.status is DocStatus.SIGNED

    @property
    def revision(self) -> int:
        return self.settlement.revision if self.settlement else 0


def load_state(db: Database, handover_id: int) -> FeesState:
    """Runs in the worker: a few counts (on ~500,000 differences for the large demo)."""
    current = [r for r in settlement_history(db, handover_id) if r.status is not DocStatus.CANCELLED]
    total, still_open = difference_counts(db, handover_id)
    return FeesState(current[-1] if current else None, total, still_open, last_computed(db, handover_id),
                     fee_item_names(db, handover_id))
