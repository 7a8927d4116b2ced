"""Key custody (钥匙管理): receive, seal, lend, return, issue, lose, hand over, retire — through the event log.

A loan is approved by a supervisor's own account, confirmed with its password (services/approvals.py);
the 借出 event names the approver and keeps the account's id. A loan due after the lending day carries
its 延期原因 in the event's note.

Every event goes through one path: replay the rule, then a conditional UPDATE of the key's status
(`WHERE status = <what we read>`). Of two desks lending the same key at the same moment exactly one
update matches; on SQLite BEGIN IMMEDIATE makes the second desk wait and then read the new status.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..audit import record_change
from ..base import now as wall_clock
from ..db import Database
from ..errors import BusyError, DomainError, NotFoundError, ValidationError
from ..keys import Key, KeyEvent, KeyEventKind as E, KeyStatus as K
from ..people import Role, UnitOwnership
from ..rules.key_rules import allowed, check_due, check_lending, needs_extension_reason, next_status
from ..settings import Setting
from . import approvals
from .common import get
from .permissions import may, require_role

CLOSING_SETTING = "key_closing_time"
DEFAULT_CLOSING = dt.time(18, 0)
CLOSING_ACTION = "修改下班时间"


@dataclass(frozen=True)
class OnLoan:
    """A lent key's open loan: who has it, until when, who approved, and why it stays out past the day."""

    borrower: str
    department: str
    due_at: dt.datetime | None
    approved_by: str
    extension_reason: str


@dataclass(frozen=True)
class KeyRow:
    id: int
    tag: str
    unit_id: int | None
    opens: str
    status: K
    allowed: tuple[E, ...]
    loan: OnLoan | None = None  # set while the key is 借出


def _loan(s: Session, key_id: int) -> OnLoan | None:
    ev = s.scalar(select(KeyEvent).where(KeyEvent.key_id == key_id, KeyEvent.kind == E.LEND)
                  .order_by(KeyEvent.at.desc(), KeyEvent.id.desc()).limit(1))
    if ev is None:
        return None
    return OnLoan(ev.person, ev.department, ev.due_at, ev.approved_by, ev.note)


def _row(s: Session, key: Key, status: K | None = None) -> KeyRow:
    st = status or key.status
    loan = _loan(s, key.id) if st is K.LENT else None
    return KeyRow(key.id, key.tag, key.unit_id, key.opens, st, tuple(allowed(st)), loan)


def _user(db: Database) -> str:
    return (db.user.display_name or db.user.username) if db.user else ""


def _at(at: dt.datetime | None) -> dt.datetime:
    return (at or wall_clock()).replace(microsecond=0)


# --- the office's closing time ---------------------------------------------------------------

def _closing(session: Session) -> dt.time:
    value = session.scalar(select(Setting.value).where(Setting.key == CLOSING_SETTING))
    return dt.time.fromisoformat(value) if value else DEFAULT_CLOSING


@dataclass(frozen=True)
class ClosingTime:
    """The office's closing time, and whether the desk's user may change it (a supervisor's or an admin's)."""

    at: dt.time
    may_change: bool


def closing_time(db: Database) -> dt.time:
    with db.read() as s:
        return _closing(s)


def closing_setting(db: Database) -> ClosingTime:
    return ClosingTime(closing_time(db), may(db, Role.SUPERVISOR))


def set_closing_time(db: Database, closing: dt.time) -> None:
    require_role(db, Role.SUPERVISOR, CLOSING_ACTION)
    with db.begin() as s:
        row = s.scalar(select(Setting).where(Setting.key == CLOSING_SETTING))
        if row is None:
            s.add(Setting(key=CLOSING_SETTING, value=closing.isoformat("minutes")))
        else:
            row.value = closing.isoformat("minutes")


def default_due(lent_at: dt.datetime, closing: dt.time) -> dt.datetime:
    """Back the same day by closing time; lent after closing, back by closing time tomorrow."""
    due = dt.datetime.combine(lent_at.date(), closing)
    return due if due > lent_at else due + dt.timedelta(days=1)


# --- the one path every event takes ----------------------------------------------------------

def _apply(db: Database, key_id: int, kind: E, at: dt.datetime | None, fields: dict[str, Any],
           check: Any = None) -> KeyRow:
    when = _at(at)
    with db.begin(immediate=True) as s:
        key = get(s, Key, key_id)
        before = key.status
        after = next_status(before, kind)
        if check is not None:
            check(s, key, when, fields)
        claimed = s.execute(update(Key).where(Key.id == key_id, Key.status == before)
                            .values(status=after, version=Key.version + 1, updated_at=when)
                            .execution_options(synchronize_session=False, hd_audit="done"))
        if claimed.rowcount != 1:  # another desk moved the key between our read and our write
            raise BusyError()
        # audited here, the status only (hd_audit="done" above keeps the bulk-update hook off it)
        record_change(s, Key.__tablename__, key_id, {"status": before.value}, {"status": after.value})
        s.add(KeyEvent(key_id=key_id, kind=kind, at=when, by=_user(db), **fields))
        s.flush()
        return _row(s, key, after)


def receive_key(db: Database, project_id: int, *, tag: str, unit_id: int | None = None, opens: str = "",
                count: int = 1, cabinet: str = "", slot: str = "", handover_id: int | None = None,
                at: dt.datetime | None = None, person: str = "", note: str = "") -> KeyRow:
    tag = tag.strip().upper()
    if not tag:
        raise ValidationError("「标签号」不能为空。")
    if unit_id is None and not opens.strip():
        raise ValidationError("「开启对象」不能为空：请选择房屋或填写公共部位、设备房等。")
    if count < 1:
        raise ValidationError("「数量」至少为 1。")
    with db.begin() as s:
        if s.scalar(select(Key.id).where(Key.project_id == project_id, Key.tag == tag)):
            raise ValidationError(f"标签号“{tag}”已存在。")
        key = Key(project_id=project_id, handover_id=handover_id, tag=tag, unit_id=unit_id, opens=opens.strip(),
                  count=count, cabinet=cabinet.strip(), slot=slot.strip(), status=next_status(None, E.RECEIVE))
        s.add(key)
        s.flush()
        s.add(KeyEvent(key_id=key.id, kind=E.RECEIVE, at=_at(at), by=_user(db), person=person, note=note))
        return _row(s, key)


def find_by_tag(db: Database, project_id: int, tag: str) -> KeyRow:
    """What a scanner typed (or a clerk): spaces and case do not matter."""
    with db.read() as s:
        key = s.scalar(select(Key).where(Key.project_id == project_id, Key.tag == tag.strip().upper()))
        if key is None:
            raise NotFoundError(f"钥匙“{tag.strip()}”不存在。")
        return _row(s, key)


def seal(db: Database, key_id: int, *, seal_no: str, at: dt.datetime | None = None, note: str = "") -> KeyRow:
    if not seal_no.strip():
        raise ValidationError("「封条编号」不能为空。")
    return _apply(db, key_id, E.SEAL, at, {"seal_no": seal_no.strip(), "note": note})


def unseal(db: Database, key_id: int, *, at: dt.datetime | None = None, note: str = "") -> KeyRow:
    return _apply(db, key_id, E.UNSEAL, at, {"note": note})


def lend(db: Database, key_id: int, *, borrower: str, department: str, reason: str, approver: str,
         password: str, reason_text: str = "", extension_reason: str = "", due_at: dt.datetime | None = None,
         at: dt.datetime | None = None) -> KeyRow:
    """借出, approved by the supervisor account `approver` (username) confirming with `password`.

    Due by closing time unless `due_at` says otherwise; due after the lending day needs `extension_reason`,
    kept as the event's note. The password is checked and dropped: it goes into no row and no message.
    """
    check_lending(reason, reason_text)
    if not borrower.strip():
        raise ValidationError("「借用人」不能为空。")
    when = _at(at)
    due = due_at or default_due(when, closing_time(db))
    check_due(when, due, extension_reason)
    approver_ = approvals.confirm(db, approver, password)
    fields = {"person": borrower.strip(), "department": department.strip(), "reason": reason,
              "reason_text": reason_text.strip(), "due_at": due, "approved_by": approver_.display_name,
              "approver_id": approver_.id,
              "note": extension_reason.strip() if needs_extension_reason(when, due) else ""}

    def still_approver(s: Session, key: Key, t: dt.datetime, fields: dict[str, Any]) -> None:
        approvals.recheck(s, db, approver_)
    return _apply(db, key_id, E.LEND, when, fields, still_approver)


def return_key(db: Database, key_id: int, *, returned_by: str, condition: str = "完好",
               at: dt.datetime | None = None, note: str = "") -> KeyRow:
    if not returned_by.strip():
        raise ValidationError("「归还人」不能为空。")
    return _apply(db, key_id, E.RETURN, at, {"person": returned_by.strip(), "condition": condition, "note": note})


def issue_to_owner(db: Database, key_id: int, *, owner_id: int, at: dt.datetime | None = None,
                   note: str = "") -> KeyRow:
    def owns(s: Session, key: Key, t: dt.datetime, fields: dict[str, Any]) -> None:
        if key.unit_id is None:
            raise DomainError("只有房屋钥匙才能发放给业主。")
        link = s.scalar(select(UnitOwnership.id).where(
            UnitOwnership.unit_id == key.unit_id, UnitOwnership.owner_id == owner_id,
            UnitOwnership.relation == "业主", UnitOwnership.until.is_(None)))
        if link is None:
            raise DomainError("该业主不是这套房屋的业主，不能发放此钥匙。")
    return _apply(db, key_id, E.ISSUE, at, {"owner_id": owner_id, "note": note}, owns)


def report_lost(db: Database, key_id: int, *, follow_up: str, at: dt.datetime | None = None) -> KeyRow:
    if not follow_up.strip():
        raise ValidationError("「后续处理」不能为空（如：换锁、补配）。")
    return _apply(db, key_id, E.LOSE, at, {"note": follow_up.strip()})


def hand_over(db: Database, key_id: int, *, to_company: str, at: dt.datetime | None = None) -> KeyRow:
    if not to_company.strip():
        raise ValidationError("「接收单位」不能为空。")
    return _apply(db, key_id, E.HAND_OVER, at, {"person": to_company.strip()})


def retire(db: Database, key_id: int, *, at: dt.datetime | None = None, note: str = "") -> KeyRow:
    return _apply(db, key_id, E.RETIRE, at, {"note": note})


def overdue_keys(db: Database, project_id: int, now: dt.datetime | None = None) -> list[tuple[str, str, dt.datetime]]:
    """Keys out past their due time: (tag, borrower, due); they stay listed until returned."""
    latest_loan = (select(func.max(KeyEvent.id)).where(KeyEvent.key_id == Key.id, KeyEvent.kind == E.LEND)
                   .correlate(Key).scalar_subquery())
    q = (select(Key.tag, KeyEvent.person, KeyEvent.due_at).join(KeyEvent, KeyEvent.id == latest_loan)
         .where(Key.project_id == project_id, Key.status == K.LENT, KeyEvent.due_at < _at(now))
         .order_by(KeyEvent.due_at, Key.tag))
    with db.read() as s:
        return [(tag, person, due) for tag, person, due in s.execute(q)]
