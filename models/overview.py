"""The current handover at a glance: parties, cut-off and the counts behind the overview charts."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from .base import DocStatus
from .db import Database
from .defect import Defect, DefectStatus
from .errors import NotFoundError
from .fees import FeeItem, LedgerLine
from .handover import Handover, HandoverItem, HandoverKind, HandoverList
from .i18n import translate
from .keys import Key, KeyEvent, KeyEventKind, KeyStatus
from .types import Money

E = TypeVar("E", DefectStatus, KeyStatus)
OPEN_DEFECTS = (DefectStatus.PENDING_NOTICE, DefectStatus.RECTIFYING, DefectStatus.PENDING_REINSPECTION)
# Keys in service, charted always; 已移交 only once an exit has started; 作废 never (the keys tab lists them).
CHARTED_KEYS = (KeyStatus.IN_STORE, KeyStatus.SEALED, KeyStatus.LENT, KeyStatus.ISSUED, KeyStatus.LOST)


@dataclass(frozen=True)
class ListProgress:
    title: str
    status: str
    checked: int
    total: int


@dataclass(frozen=True)
class Overview:
    """Everything the overview tab shows, as plain values (no live ORM objects)."""

    title: str
    kind: HandoverKind
    status: DocStatus
    from_company: str
    from_rep: str
    to_company: str
    to_rep: str
    witness: str
    cutoff_date: dt.date
    lists: list[ListProgress] = field(default_factory=list)
    defects_by_status: dict[DefectStatus, int] = field(default_factory=dict)
    defects_overdue: int = 0
    keys_by_status: dict[KeyStatus, int] = field(default_factory=dict)
    keys_overdue: int = 0  # lent and past their due time
    arrears_by_item: dict[str, Decimal] = field(default_factory=dict)
    # From the last reconciliation (None if never): arrears and 收缴率 (paid ÷ billed) per building.
    fees_computed_at: dt.datetime | None = None
    arrears_by_building: dict[str, Decimal] = field(default_factory=dict)
    collection_by_building: dict[str, Decimal | None] = field(default_factory=dict)

    @property
    def items_checked(self) -> int:
        return sum(x.checked for x in self.lists)

    @property
    def items_total(self) -> int:
        return sum(x.total for x in self.lists)

    @property
    def arrears_total(self) -> Decimal:
        return sum(self.arrears_by_item.values(), Decimal("0.00"))

    @property
    def defects_open(self) -> int:
        """Neither closed nor declared unfixable."""
        return sum(self.defects_by_status.get(x, 0) for x in OPEN_DEFECTS)

    @property
    def keys_lent(self) -> int:
        return self.keys_by_status.get(KeyStatus.LENT, 0)

    @property
    def keys_charted(self) -> dict[KeyStatus, int]:
        """The key counts the overview charts, by status, in chart order."""
        shown = {x: self.keys_by_status.get(x, 0) for x in CHARTED_KEYS}
        handed = self.keys_by_status.get(KeyStatus.HANDED_OVER, 0)
        return {**shown, KeyStatus.HANDED_OVER: handed} if handed else shown

    @property
    def owed_total(self) -> Decimal:
        """What owners owe by the last reconciliation (0.00 when it was never computed)."""
        return sum(self.arrears_by_building.values(), Decimal("0.00"))

    @property
    def arrears_ranked(self) -> list[tuple[str, Decimal]]:
        """Buildings that owe anything, most first (then by name)."""
        return sorted(((b, a) for b, a in self.arrears_by_building.items() if a), key=lambda x: (-x[1], x[0]))

    @property
    def rates_ranked(self) -> list[tuple[str, Decimal]]:
        """Buildings with anything billed, by 收缴率, worst first (then by name)."""
        return sorted(((b, r) for b, r in self.collection_by_building.items() if r is not None),
                      key=lambda x: (x[1], x[0]))


def _lists(s: Session, handover_id: int) -> list[ListProgress]:
    # An item counts as checked once someone recorded what was received or its condition.
    checked = case(((HandoverItem.received_qty.is_not(None)) | (HandoverItem.condition != ""), 1), else_=0)
    stmt = (select(HandoverList.title, type_coerce(HandoverList.status, String()),
                   func.coalesce(func.sum(checked), 0), func.count(HandoverItem.id))
            .outerjoin(HandoverItem, HandoverItem.list_id == HandoverList.id)
            .where(HandoverList.handover_id == handover_id)
            .group_by(HandoverList.id, HandoverList.title, HandoverList.status).order_by(HandoverList.id))
    return [ListProgress(t, _doc_label(st), int(c), int(n)) for t, st, c, n in s.execute(stmt)]


def _doc_label(status: str) -> str:
    return DocStatus(status).label


def _by_status(s: Session, status_col: Any, where: ColumnElement[bool],
               members: Iterable[E]) -> dict[E, int]:
    """Every member of the enum (in its order, zeros too) with how many rows have it."""
    stmt = select(type_coerce(status_col, String()), func.count()).where(where).group_by(status_col)
    counts = {str(k): int(n) for k, n in s.execute(stmt)}
    return {m: counts.get(m.value, 0) for m in members}


def _overdue(s: Session, handover_id: int, today: dt.date) -> int:
    stmt = select(func.count()).select_from(Defect).where(
        Defect.handover_id == handover_id, Defect.deadline < today, Defect.status.in_(OPEN_DEFECTS))
    return int(s.scalar(stmt) or 0)


def _arrears(s: Session, handover_id: int) -> dict[str, Decimal]:
    """Unpaid amounts on our side of the ledger, by fee item (the large demo: 1,200,000 lines)."""
    owed = case((LedgerLine.billed > LedgerLine.paid, LedgerLine.billed - LedgerLine.paid), else_=0)
    stmt = (select(func.coalesce(FeeItem.name, translate("overview", "（未指定）")), type_coerce(func.sum(owed), Money()))
            .select_from(LedgerLine).outerjoin(FeeItem, LedgerLine.fee_item_id == FeeItem.id)
            .where(LedgerLine.handover_id == handover_id, LedgerLine.source == "ours")
            .group_by(FeeItem.name).order_by(FeeItem.name))
    return {name: total for name, total in s.execute(stmt) if total}


def _keys_overdue(s: Session, handover_id: int, now: dt.datetime) -> int:
    latest_loan = (select(func.max(KeyEvent.id)).where(KeyEvent.key_id == Key.id, KeyEvent.kind == KeyEventKind.LEND)
                   .correlate(Key).scalar_subquery())
    return s.scalar(select(func.count()).select_from(Key).join(KeyEvent, KeyEvent.id == latest_loan).where(
        Key.handover_id == handover_id, Key.status == KeyStatus.LENT, KeyEvent.due_at < now)) or 0


def _fee_summary(s: Session, handover_id: int) -> dict[str, object]:
    from .services.fee_results import (
        saved_summary,  # services build on the records, not the reverse
    )

    saved = saved_summary(s, handover_id)
    if saved is None:
        return {}
    at, rows = saved
    return {"fees_computed_at": at,
            "arrears_by_building": {b: arrears for b, arrears, _, _ in rows},
            "collection_by_building": {b: (paid / billed).quantize(Decimal("0.0001")) if billed else None
                                       for b, _, billed, paid in rows}}


def handover_overview(s: Session, handover_id: int, today: dt.date | None = None,
                      now: dt.datetime | None = None) -> Overview:
    """The overview of one handover; `today` decides which defects are overdue, `now` which keys."""
    h = s.get(Handover, handover_id)
    if h is None:
        raise NotFoundError(translate("overview", "交接（编号 {handover_id}）不存在。").format(handover_id=handover_id))
    today = today or dt.date.today()
    return Overview(
        title=h.title, kind=h.kind, status=h.status, from_company=h.from_company,
        from_rep=h.from_rep, to_company=h.to_company, to_rep=h.to_rep, witness=h.witness,
        cutoff_date=h.cutoff_date, lists=_lists(s, handover_id),
        defects_by_status=_by_status(s, Defect.status, Defect.handover_id == handover_id,
                                     DefectStatus),
        defects_overdue=_overdue(s, handover_id, today),
        keys_by_status=_by_status(s, Key.status, Key.handover_id == handover_id,
                                  KeyStatus),
        keys_overdue=_keys_overdue(s, handover_id, now or dt.datetime.now()),
        arrears_by_item=_arrears(s, handover_id),
        **_fee_summary(s, handover_id),  # type: ignore[arg-type]
    )


def read_overview(db: Database, handover_id: int, today: dt.date | None = None,
                  now: dt.datetime | None = None) -> Overview:
    """handover_overview in its own read session (the overview tab's worker calls this)."""
    with db.read() as s:
        return handover_overview(s, handover_id, today, now)
