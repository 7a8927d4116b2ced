"""Key custody as a state machine over the append-only event log (from the seeds' 钥匙委托管理 practice)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import DomainError, ValidationError
from ..i18n import translate
from ..keys import KeyEventKind as E
from ..keys import KeyStatus as K
from ..keys import LendReason

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
# What a loan may be for, in the order the lend dialog offers them (UNSET is for events that are not lends).
LENDING_REASONS = tuple(reason for reason in LendReason if reason)
# A key hangs on its hook (柜格) while in store, sealed or lent (it comes back to it). Issued, handed
# over, retired or lost, it keeps the place it had (history, printed forms) but the hook is free for
# another key; a lost key that turns up is received again into a free hook.
HOLDS_SLOT = frozenset({K.IN_STORE, K.SEALED, K.LENT})


def allowed(status: K | None) -> list[E]:
    return [event for (before, event) in MOVES if before == status]


def offered(status: K | None, has_unit: bool) -> list[E]:
    """What a key may go through next: its status allows it, and only a unit's key is issued to an owner."""
    return [event for event in allowed(status) if has_unit or event is not E.ISSUE]


def likely_step(status: K | None) -> E | None:
    """The step a scan at the desk usually leads to (Enter starts it): 借出 from store, 归还 when out.

    Only these two: their dialogs ask for a person (and a loan for a supervisor's password) before
    anything is saved; 启封, 遗失 or 作废 must never be two Enters away.
    """
    return {K.IN_STORE: E.LEND, K.LENT: E.RETURN}.get(status)  # type: ignore[arg-type]


def holds_slot(status: K | None) -> bool:
    return status in HOLDS_SLOT


def place(cabinet: str, slot: str) -> str:
    """'G01-01-16': the cabinet and its hook, as the label and the forms print it."""
    return "-".join(p for p in (cabinet, slot) if p)


def next_status(status: K | None, event: E) -> K:
    if status is K.RETIRED:
        raise DomainError(translate("keys", "该钥匙已作废，不能再登记任何操作。"))
    after = MOVES.get((status, event))
    if after is None:
        now = status.label if status else translate("keys", "未登记")
        raise DomainError(translate("keys", "钥匙当前为“{status}”，不能“{event}”。").format(
            status=now, event=event.label))
    return after


def status_from(events: Iterable[E]) -> K | None:
    """What the events say, replayed from the first; raises on a forbidden sequence."""
    status: K | None = None
    for event in events:
        status = next_status(status, event)
    return status


def lend_reason(value: LendReason | str) -> LendReason:
    """The reason a loan states, from a member or its code, Chinese word or English label (the dialog,
    a test, an older desk's remembered choice); anything else, or no reason, is refused by name."""
    try:
        reason = LendReason(value.strip() if isinstance(value, str) else value)
    except ValueError:
        reason = LendReason.UNSET
    if not reason:
        choices = translate("labels", "、").join(r.label for r in LENDING_REASONS)
        raise ValidationError(translate("keys", "「借用事由」应为：{choices}。").format(choices=choices))
    return reason


def check_lending(reason: LendReason | str, reason_text: str) -> LendReason:
    """The stated reason, as its member; who approves is an account check (models/services/approvals.py)."""
    member = lend_reason(reason)
    if member is LendReason.OTHER and not reason_text.strip():
        raise ValidationError(translate("keys", "借用事由为“{other}”时须写明具体事由。").format(
            other=LendReason.OTHER.label))
    return member


def needs_extension_reason(lent_at: dt.datetime, due_at: dt.datetime) -> bool:
    """Keys go back the same day: a due date after the lending date is an extension, with a reason."""
    return due_at.date() > lent_at.date()


def check_due(lent_at: dt.datetime, due_at: dt.datetime, extension_reason: str) -> None:
    if due_at <= lent_at:
        raise ValidationError(translate("keys", "「应还时间」必须晚于借出时间。"))
    if needs_extension_reason(lent_at, due_at) and not extension_reason.strip():
        raise ValidationError(translate("keys", "应还时间（{due}）晚于借出当天，须填写「延期原因」。").format(
            due=f"{due_at:%Y-%m-%d %H:%M}"))
