"""Which ledgers a reconciliation matched: signing signs only what was reconciled.

Every write to a handover's ledgers (an import; a tariff that reprices their lines) bumps the
handover's ledger revision; reconciling records the revision it matched; signing refuses unless
the two agree. Import, reconciliation and signing each start by locking the handover's row, so on
PostgreSQL they run one after the other (on SQLite BEGIN IMMEDIATE already serialises them), and a
signing never computes from one ledger while another commits under it.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from ..base import now
from ..errors import ValidationError
from ..fees import LedgerState
from ..i18n import QT_TRANSLATE_NOOP, translate

NOT_RECONCILED = QT_TRANSLATE_NOOP("settlement", "还没有对账：请先在“对账差异”中对账，再签署结算。")
STALE = QT_TRANSLATE_NOOP("settlement", "上次对账之后台账或收费标准有变化（重新导入台账或调整了单价），对账结果已过时；"
         "请重新对账并处理差异后再签署。")


def _state(session: Session, handover_id: int) -> LedgerState:
    state = session.get(LedgerState, handover_id)
    if state is None:
        state = LedgerState(handover_id=handover_id, revision=0)
        session.add(state)
    return state


def ledger_changed(session: Session, handover_ids: Iterable[int]) -> None:
    """The ledgers of these handovers changed: any reconciliation of them is out of date."""
    for handover_id in handover_ids:
        state = _state(session, handover_id)
        state.revision = (state.revision or 0) + 1
    session.flush()


def reconciled(session: Session, handover_id: int) -> None:
    """The reconciliation in this transaction matched the ledgers as they are now."""
    state = _state(session, handover_id)
    state.reconciled_revision, state.reconciled_at = state.revision or 0, now()
    session.flush()


def require_reconciled(session: Session, handover_id: int) -> None:
    """Refuse to sign a settlement over ledgers no reconciliation has seen."""
    state = session.get(LedgerState, handover_id)
    if state is None or state.reconciled_revision is None:
        raise ValidationError(translate("settlement", NOT_RECONCILED))
    if state.reconciled_revision != (state.revision or 0):
        raise ValidationError(translate("settlement", STALE))
