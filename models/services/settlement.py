"""财务结算: sign the settlement once every difference is resolved; amend it as a new revision.

Signing computes the results and stores their totals, breakdown and every line (the snapshot) in
the same transaction, so what was signed is exactly what the data said at that moment, and a
reprint is built from that alone. Signing needs a reconciliation of exactly the ledgers there are. After signing, the ledger, the
differences, deposits and meter readings of the handover are frozen (settlement_state) until a
supervisor amends the settlement, which starts revision n+1 as a draft.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ..base import DocStatus, now
from ..db import Database
from ..errors import ValidationError
from ..fees import Settlement
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role
from . import settlement_snapshot
from .common import lock_handover
from .fee_results import Progress, compute_results
from .fee_rows import FeeResults
from .ledger_state import require_reconciled
from .permissions import Permit, permit, require_role, signed_in_user
from .settlement_state import latest_settlement, refuse_if_signed

# Who may sign or amend, and what a refusal calls the action: the services and the GUI's permits
# read the same pair, so a disabled button and the service's refusal cannot disagree.
SIGN = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "签署财务结算"))
AMEND = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "修订财务结算"))


@dataclass(frozen=True)
class SettlementRow:
    id: int
    revision: int
    status: DocStatus
    signed_at: object
    signed_by: str
    net_due_to_incoming: Decimal
    due_to_outgoing: Decimal

    @property
    def is_signed(self) -> bool:
        return self.status is DocStatus.SIGNED

    @property
    def is_cancelled(self) -> bool:
        return self.status is DocStatus.CANCELLED


def _row(s: Settlement) -> SettlementRow:
    return SettlementRow(s.id, s.revision, s.status, s.signed_at, s.signed_by, s.net_due_to_incoming,
                         s.due_to_outgoing)


def sign_permit(db: Database) -> Permit:
    return permit(db, *SIGN)


def amend_permit(db: Database) -> Permit:
    return permit(db, *AMEND)


def breakdown_json(results: FeeResults) -> str:
    return json.dumps({
        "items": [[i.label, i.direction, str(i.amount)] for i in results.settlement],
        "due_to_incoming": str(results.due_to_incoming), "due_to_outgoing": str(results.due_to_outgoing),
        "net_to_incoming": str(results.net_to_incoming), "arrears_lines": len(results.arrears),
        "differences_total": results.differences_total, "differences_open": results.differences_open,
    }, ensure_ascii=False)


def sign_settlement(db: Database, handover_id: int, *, note: str = "",
                    progress: Progress | None = None) -> SettlementRow:
    """Sign the current draft (creating revision 1 if there is none); refused while a difference is open."""
    require_role(db, *SIGN)
    with db.begin(immediate=True) as s:
        lock_handover(s, handover_id)  # an import or a reconciliation waits until this is signed
        refuse_if_signed(s, handover_id)
        require_reconciled(s, handover_id)
        results = compute_results(s, handover_id, progress)
        if results.differences_open:
            raise ValidationError(translate(
                "settlement", "尚有 {count} 项对账差异未处理，不能签署结算。请在“对账差异”中逐项或批量处理后再签署。").format(
                    count=results.differences_open))
        if not results.lines_theirs:
            raise ValidationError(translate("settlement", "还没有原物业台账，不能签署结算。"))
        settlement = latest_settlement(s, handover_id)
        if settlement is None:
            settlement = Settlement(handover_id=handover_id, revision=1)
            s.add(settlement)
        settlement.arrears_total = results.arrears_total
        settlement.prepaid_total = results.prepaid_total
        settlement.deposits_total = results.deposits_total
        settlement.collected_for_others = results.for_others_total
        settlement.net_due_to_incoming = results.net_to_incoming
        settlement.due_to_outgoing = results.due_to_outgoing
        settlement.breakdown = breakdown_json(results)
        settlement.snapshot = settlement_snapshot.dump(results)
        settlement.note = note.strip()
        settlement.status = DocStatus.SIGNED
        settlement.signed_at = now()
        settlement.signed_by = signed_in_user(db).display_name
        s.flush()
        return _row(settlement)


def amend_settlement(db: Database, handover_id: int) -> SettlementRow:
    """Start revision n+1 as a draft; the signed revision stays as it was signed."""
    require_role(db, *AMEND)
    with db.begin(immediate=True) as s:
        current = latest_settlement(s, handover_id)
        if current is None or current.status != DocStatus.SIGNED:
            raise ValidationError(translate("settlement", "只有已签署的财务结算才能修订；草稿可以直接重新对账后签署。"))
        draft = Settlement(handover_id=handover_id, revision=current.revision + 1, amends_id=current.id)
        s.add(draft)
        s.flush()
        return _row(draft)


def settlement_history(db: Database, handover_id: int) -> list[SettlementRow]:
    with db.read() as s:
        return [_row(x) for x in s.scalars(select(Settlement).where(Settlement.handover_id == handover_id)
                                           .order_by(Settlement.revision))]
