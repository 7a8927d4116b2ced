"""Key custody as a state machine over the append-only event log (from the seeds' 钥匙委托管理 practice)."""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import DomainError
from ..keys import KeyEventKind as E
from ..keys import KeyStatus as K

# (status before, event) -> status after; anything not listed is refused.
MOVES: dict[tuple[K | None, E], K] = {
    (None, E.RECEIVE): K.IN_STORE,
    (K.IN_STORE, E.SEAL): K.SEALED,
    (K.SEALED, E.UNSEAL): K.IN_STORE,
    (K.IN_STORE, E.LEND): K.LENT,
    (K.LENT, E.RETURN): K.IN_STORE,
    (K.IN_STORE, E.ISSUE): K.ISSUED,
    (K.IN_STORE, E.LOSE): K.LOST,
    (K.SEALED, E.LOSE): K.LOST,
    (K.LENT, E.LOSE): K.LOST,
    (K.ISSUED, E.LOSE): K.LOST,
    (K.LOST, E.RECEIVE): K.IN_STORE,   # found, or a replacement cut and received
    (K.IN_STORE, E.HAND_OVER): K.HANDED_OVER,
    (K.SEALED, E.HAND_OVER): K.HANDED_OVER,
    **{(s, E.RETIRE): K.RETIRED for s in (K.IN_STORE, K.SEALED, K.LOST, K.ISSUED, K.HANDED_OVER)},
}
LENDING_REASONS = ("检查", "清洁", "维修", "其他")


def allowed(status: K | None) -> list[E]:
    return [event for (before, event) in MOVES if before == status]


def next_status(status: K | None, event: E) -> K:
    if status is K.RETIRED:
        raise DomainError("该钥匙已作废，不能再登记任何操作。")
    after = MOVES.get((status, event))
    if after is None:
        now = status.value if status else "未登记"
        raise DomainError(f"钥匙当前为“{now}”，不能“{event.value}”。")
    return after


def status_from(events: Iterable[E]) -> K | None:
    """What the events say, replayed from the first; raises on a forbidden sequence."""
    status: K | None = None
    for event in events:
        status = next_status(status, event)
    return status


def check_lending(reason: str, reason_text: str, approved_by: str) -> None:
    if reason not in LENDING_REASONS:
        raise DomainError(f"「借用事由」应为：{'、'.join(LENDING_REASONS)}。")
    if reason == "其他" and not reason_text.strip():
        raise DomainError("借用事由为“其他”时须写明具体事由。")
    if not approved_by.strip():
        raise DomainError("借出钥匙须经主管批准：请填写「批准主管」。")
