"""Whether a handover's fees are still open to change: not once its latest settlement is signed."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import DocStatus
from ..errors import SignedRecordError
from ..fees import Settlement
from ..i18n import translate


def latest_settlement(session: Session, handover_id: int) -> Settlement | None:
    """The newest revision; a cancelled one does not count."""
    return session.scalars(select(Settlement).where(Settlement.handover_id == handover_id,
                                                    Settlement.status != DocStatus.CANCELLED)
                           .order_by(Settlement.revision.desc()).limit(1)).first()


def refuse_if_signed(session: Session, handover_id: int) -> None:
    """Signed is final: ledger, differences, deposits and readings stay as signed until amended."""
    current = latest_settlement(session, handover_id)
    if current is not None and current.status == DocStatus.SIGNED:
        raise SignedRecordError(translate("settlement", "财务结算（第 {revision} 版）").format(revision=current.revision))
