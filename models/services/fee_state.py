"""Where a handover's fees stand, as the fees tab shows it: the current settlement revision, the
differences (all, still open), when results were last computed, and what the user may do next."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..db import Database
from .fee_items import fee_item_names
from .fee_results import last_computed
from .permissions import Permit
from .reconcile import difference_counts
from .settlement import SettlementRow, amend_permit, settlement_history, sign_permit


@dataclass(frozen=True)
class FeesState:
    settlement: SettlementRow | None = None
    differences_total: int = 0
    differences_open: int = 0
    computed_at: dt.datetime | None = None
    fee_items: list[str] = field(default_factory=list)
    sign_permit: Permit = Permit(False)    # the user's role, whatever the settlement's state
    amend_permit: Permit = Permit(False)

    @property
    def is_signed(self) -> bool:
        """The current revision is signed: the ledger, differences and meter readings are read-only."""
        return self.settlement is not None and self.settlement.is_signed

    signed = is_signed  # the name the fees tab and its tests have always read

    @property
    def revision(self) -> int:
        return self.settlement.revision if self.settlement else 0

    @property
    def can_change(self) -> bool:
        """Ledger imports, reconciliation and decisions are open (nothing signed yet)."""
        return not self.is_signed

    @property
    def can_sign(self) -> bool:
        return not self.is_signed and self.sign_permit.allowed

    @property
    def can_amend(self) -> bool:
        return self.is_signed and self.amend_permit.allowed


def fees_state(db: Database, handover_id: int) -> FeesState:
    """A few counts (on ~500,000 differences for the large demo): run it off the GUI thread."""
    current = [r for r in settlement_history(db, handover_id) if not r.is_cancelled]
    total, still_open = difference_counts(db, handover_id)
    return FeesState(current[-1] if current else None, total, still_open, last_computed(db, handover_id),
                     fee_item_names(db, handover_id), sign_permit(db), amend_permit(db))
