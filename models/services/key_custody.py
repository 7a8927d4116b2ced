"""Key custody (钥匙管理): receive, seal, lend, return, issue, lose, hand over, retire — through the event log.

A loan is approved by a supervisor's own account, confirmed with its password (services/approvals.py);
the 借出 event names the approver and keeps the account's id. A loan due after the lending day carries
its 延期原因 in the event's note.

Every event goes through one path: replay the rule, then a conditional UPDATE of the key's status
(`WHERE status = <what we read>`). Of two desks lending the same key at the same moment exactly one
update matches; on SQLite BEGIN IMMEDIATE makes the second desk wait and then read the new status.

A hook (柜格) holds one key and a seal number is used once in a project: both are checked inside the
writing transaction, after `lock_placement` (SQLite: the BEGIN IMMEDIATE write lock; PostgreSQL: a
transaction-scoped advisory lock per project), so of two desks taking one hook only one succeeds and
the other is told which key hangs there. An issued, handed-over, lost or retired key keeps the place
it had, for its history and the forms, but no longer holds the hook (key_rules.HOLDS_SLOT).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from ..audit import record_change
from ..base import now as wall_clock
from ..db import Database
from ..errors import BusyError, DomainError, NotFoundError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..keys import Key, KeyEvent, LendReason
from ..keys import KeyEventKind as E
from ..keys import KeyStatus as K
from ..people import Relation, Role, UnitOwnership
from ..project import Unit
from ..rules.key_rules import (
    HOLDS_SLOT,
    check_due,
    check_lending,
    holds_slot,
    likely_step,
    needs_extension_reason,
    next_status,
    offered,
    place,
)
from ..rules.numbers import COUNT, check_number, parse_int
from ..settings import Setting
from . import approvals
from .common import get, rows_matched
from .permissions import may, require_role

CLOSING_SETTING = "key_closing_time"
DEFAULT_CLOSING = dt.time(18, 0)
CLOSING_ACTION = QT_TRANSLATE_NOOP("permissions", "修改下班时间")
CLOSING_ROLE = Role.SUPERVISOR  # the office's closing time is a supervisor's (or an admin's) to change


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
    """A key as the desk sees it, with what may happen to it next (`allowed`: its status, and 发放 only
    for a unit's key) and whether a 发放签收单 can be printed for it (`issued`)."""

    id: int
    tag: str
    unit_id: int | None
    opens: str
    status: K
    allowed: tuple[E, ...]
    loan: OnLoan | None = None  # set while the key is 借出
    cabinet: str = ""
    slot: str = ""
    count: int = 1
    issued: bool = False        # it has been issued to an owner at some time: a receipt to print
    next_step: E | None = None  # what Enter after a scan starts (借出 or 归还), if anything

    @property
    def place(self) -> str:
        return place(self.cabinet, self.slot)

    @property
    def holds_slot(self) -> bool:
        """On its hook (or out on loan, coming back to it); otherwise the place is only where it was."""
        return holds_slot(self.status)


def _loan(s: Session, key_id: int) -> OnLoan | None:
    ev = s.scalar(select(KeyEvent).where(KeyEvent.key_id == key_id, KeyEvent.kind == E.LEND)
                  .order_by(KeyEvent.at.desc(), KeyEvent.id.desc()).limit(1))
    if ev is None:
        return None
    return OnLoan(ev.person, ev.department, ev.due_at, ev.approved_by, ev.note)


def _row(s: Session, key: Key, status: K | None = None) -> KeyRow:
    st = status or key.status
    loan = _loan(s, key.id) if st is K.LENT else None
    issued = s.scalar(select(KeyEvent.id).where(KeyEvent.key_id == key.id, KeyEvent.kind == E.ISSUE).limit(1))
    return KeyRow(key.id, key.tag, key.unit_id, key.opens, st, tuple(offered(st, key.unit_id is not None)), loan,
                  key.cabinet, key.slot, key.count, issued is not None, likely_step(st))


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
    return ClosingTime(closing_time(db), may(db, CLOSING_ROLE))


def set_closing_time(db: Database, closing: dt.time) -> None:
    require_role(db, CLOSING_ROLE, CLOSING_ACTION)
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
        if rows_matched(claimed) != 1:  # another desk moved the key between our read and our write
            raise BusyError()
        # audited here, the status only (hd_audit="done" above keeps the bulk-update hook off it)
        record_change(s, Key.__tablename__, key_id, {"status": before.value}, {"status": after.value})
        s.add(KeyEvent(key_id=key_id, kind=kind, at=when, by=_user(db), **fields))
        s.flush()
        return _row(s, key, after)


# --- where keys hang (柜格) and the seals on them: one of each ------------------------------------

PLACEMENT_LOCK = 0x4B4559  # PostgreSQL advisory lock class: placing a project's keys ("KEY")


def lock_placement(s: Session, project_id: int) -> None:
    """One desk at a time checks and takes a project's hooks and seal numbers.

    SQLite's BEGIN IMMEDIATE already lets one writer in at a time; on PostgreSQL this transaction
    lock does the same for placing keys, so the check below reads what the other desk committed.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:kind, :project)"),
                  {"kind": PLACEMENT_LOCK, "project": project_id})


def held_places(s: Session, project_id: int, places: Iterable[tuple[str, str]] | None = None
                ) -> dict[tuple[str, str], str]:
    """(CABINET, SLOT) → tag of the key on that hook now (in store, sealed or lent); upper case."""
    q = select(Key.cabinet, Key.slot, Key.tag).where(Key.project_id == project_id, Key.slot != "",
                                                     Key.status.in_(HOLDS_SLOT))
    if places is not None:
        slots = {slot.upper() for _cabinet, slot in places if slot}
        if not slots:
            return {}
        if len(slots) <= 500:  # a few hooks: ask for those; a whole sheet: read the project's hooks
            q = q.where(func.upper(Key.slot).in_(slots))
    return {(c.upper(), sl.upper()): tag for c, sl, tag in s.execute(q)}


def check_places(s: Session, project_id: int, keys: Iterable[tuple[str, str, str]]) -> None:
    """(tag, cabinet, slot) of keys about to hang: refused when a hook is taken, by the register or by
    another of these keys, naming the hook and the key on it. Call after lock_placement."""
    keys = [(tag, cabinet.strip(), slot.strip()) for tag, cabinet, slot in keys if slot.strip()]
    taken = held_places(s, project_id, [(c, sl) for _t, c, sl in keys])
    problems: list[str] = []
    for tag, cabinet, slot in keys:
        hook = (cabinet.upper(), slot.upper())
        if hook in taken:
            problems.append(("" if len(keys) == 1 else translate("keys", "钥匙 {tag}：").format(tag=tag)) +
                            translate("keys", "「柜格」{place} 已有钥匙 {key}").format(
                                place=place(cabinet, slot), key=taken[hook]))
        else:
            taken[hook] = tag
    if problems:
        more = translate("keys", "；等共 {count} 处").format(count=len(problems)) if len(problems) > 10 else ""
        shown = translate("keys", "；").join(problems[:10]) + more
        raise ValidationError(translate("keys", "{shown}。一个柜格只挂一把（套）钥匙：请换一个柜格。").format(shown=shown))


def seal_user(s: Session, project_id: int, seal_no: str) -> str | None:
    """The tag of the key that seal number was used on, if any (a seal strip is used once)."""
    return s.scalar(select(Key.tag).join(KeyEvent, KeyEvent.key_id == Key.id)
                    .where(Key.project_id == project_id, KeyEvent.kind == E.SEAL,
                           func.upper(KeyEvent.seal_no) == seal_no.strip().upper())
                    .order_by(KeyEvent.id).limit(1))


def _count(count: int | str) -> int:
    """数量 as typed (text, read strictly) or as a number: a whole number from 1 to 9999."""
    if isinstance(count, str):
        return parse_int(count, "数量", COUNT)
    return int(check_number(count, "数量", COUNT))


def _unit_id(s: Session, project_id: int, number: str) -> int:
    unit_id = s.scalar(select(Unit.id).where(Unit.project_id == project_id, Unit.number == number.strip()))
    if unit_id is None:
        raise ValidationError(translate("keys", "「房号」“{number}”不是本项目的房屋，请从列表中选择。").format(
            number=number.strip()[:40]))
    return unit_id


def receive_key(db: Database, project_id: int, *, tag: str, unit_id: int | None = None, opens: str = "",
                count: int | str = 1, cabinet: str = "", slot: str = "", handover_id: int | None = None,
                at: dt.datetime | None = None, person: str = "", note: str = "", unit: str = "") -> KeyRow:
    """One key (set) into store: `unit` is a unit's number as the project writes it (or give `unit_id`);
    `count` may be the text the clerk typed. The hook must be free (checked under the write lock)."""
    tag = tag.strip().upper()
    if not tag:
        raise ValidationError(translate("keys", "「标签号」不能为空。"))
    if " " in tag:
        raise ValidationError(translate("keys", "「标签号」不能含空格：扫码枪读出的标签号没有空格。"))
    if unit_id is None and not unit.strip() and not opens.strip():
        raise ValidationError(translate("keys", "「开启对象」不能为空：请选择房屋或填写公共部位、设备房等。"))
    number = _count(count)
    cabinet, slot = cabinet.strip(), slot.strip()
    with db.begin(immediate=True) as s:
        lock_placement(s, project_id)
        if unit_id is None and unit.strip():
            unit_id = _unit_id(s, project_id, unit)
        if s.scalar(select(Key.id).where(Key.project_id == project_id, Key.tag == tag)):
            raise ValidationError(translate("keys", "「标签号」“{tag}”已存在。").format(tag=tag[:40]))
        check_places(s, project_id, [(tag, cabinet, slot)])
        key = Key(project_id=project_id, handover_id=handover_id, tag=tag, unit_id=unit_id, opens=opens.strip(),
                  count=number, cabinet=cabinet, slot=slot, status=next_status(None, E.RECEIVE))
        s.add(key)
        s.flush()
        s.add(KeyEvent(key_id=key.id, kind=E.RECEIVE, at=_at(at), by=_user(db), person=person.strip(),
                       note=note.strip()))
        return _row(s, key)


def find_by_tag(db: Database, project_id: int, tag: str) -> KeyRow:
    """What a scanner typed (or a clerk): spaces and case do not matter."""
    with db.read() as s:
        key = s.scalar(select(Key).where(Key.project_id == project_id, Key.tag == tag.strip().upper()))
        if key is None:
            raise NotFoundError(translate("keys", "钥匙“{tag}”不存在。").format(tag=tag.strip()[:40]))
        return _row(s, key)


def key_by_id(db: Database, key_id: int) -> KeyRow:
    """A key picked in the table (a double-click opens its history)."""
    with db.read() as s:
        return _row(s, get(s, Key, key_id))


def scanned_tag(db: Database, project_id: int, typed: str) -> str:
    """The project's tag that `typed` ends with ("" if none): what a scanner typed into a key dialog,
    after whatever a clerk had typed there (a name, a note). The longest such tag wins."""
    text_ = typed.rstrip().upper()
    ends = {text_[i:].strip() for i in range(max(0, len(text_) - 40), len(text_))} - {""}
    if not ends:
        return ""
    with db.read() as s:
        tags = list(s.scalars(select(Key.tag).where(Key.project_id == project_id, Key.tag.in_(ends))))
    return max(tags, key=len, default="")


def cabinets(db: Database, project_id: int) -> list[str]:
    """The project's key cabinets (钥匙柜), for a cabinet's label sheet."""
    with db.read() as s:
        return list(s.scalars(select(Key.cabinet).where(Key.project_id == project_id, Key.cabinet != "")
                              .distinct().order_by(Key.cabinet)))


def seal(db: Database, key_id: int, *, seal_no: str, at: dt.datetime | None = None, note: str = "") -> KeyRow:
    """封存 under a seal strip; its number is used once in the project (checked under the write lock)."""
    seal_no = seal_no.strip()
    if not seal_no:
        raise ValidationError(translate("keys", "「封条编号」不能为空。"))

    def unused(s: Session, key: Key, t: dt.datetime, fields: dict[str, Any]) -> None:
        lock_placement(s, key.project_id)
        if (used_on := seal_user(s, key.project_id, seal_no)) is not None:
            raise ValidationError(translate("keys", "「封条编号」{seal_no} 已用于钥匙 {used_on}：每张封条只用一次，请核对封条编号。").format(
                seal_no=seal_no[:40], used_on=used_on))
    return _apply(db, key_id, E.SEAL, at, {"seal_no": seal_no, "note": note}, unused)


def unseal(db: Database, key_id: int, *, at: dt.datetime | None = None, note: str = "") -> KeyRow:
    return _apply(db, key_id, E.UNSEAL, at, {"note": note})


def lend(db: Database, key_id: int, *, borrower: str, department: str, reason: LendReason | str, approver: str,
         password: str, reason_text: str = "", extension_reason: str = "", due_at: dt.datetime | None = None,
         at: dt.datetime | None = None) -> KeyRow:
    """借出, approved by the supervisor account `approver` (username) confirming with `password`.

    Due by closing time unless `due_at` says otherwise; due after the lending day needs `extension_reason`,
    kept as the event's note. The password is checked and dropped: it goes into no row and no message.
    `reason` is a LendReason or its code, Chinese word or English label; it is stored as the code.
    """
    member = check_lending(reason, reason_text)
    if not borrower.strip():
        raise ValidationError(translate("keys", "「借用人」不能为空。"))
    when = _at(at)
    due = due_at or default_due(when, closing_time(db))
    check_due(when, due, extension_reason)
    approver_ = approvals.confirm(db, approver, password)
    fields = {"person": borrower.strip(), "department": department.strip(), "reason": member,
              "reason_text": reason_text.strip(), "due_at": due, "approved_by": approver_.display_name,
              "approver_id": approver_.id,
              "note": extension_reason.strip() if needs_extension_reason(when, due) else ""}

    def still_approver(s: Session, key: Key, t: dt.datetime, fields: dict[str, Any]) -> None:
        approvals.recheck(s, db, approver_)
    return _apply(db, key_id, E.LEND, when, fields, still_approver)


def return_key(db: Database, key_id: int, *, returned_by: str, condition: str = "完好",
               at: dt.datetime | None = None, note: str = "") -> KeyRow:
    if not returned_by.strip():
        raise ValidationError(translate("keys", "「归还人」不能为空。"))
    return _apply(db, key_id, E.RETURN, at, {"person": returned_by.strip(), "condition": condition, "note": note})


def issue_to_owner(db: Database, key_id: int, *, owner_id: int, at: dt.datetime | None = None,
                   note: str = "") -> KeyRow:
    def owns(s: Session, key: Key, t: dt.datetime, fields: dict[str, Any]) -> None:
        if key.unit_id is None:
            raise DomainError(translate("keys", "只有房屋钥匙才能发放给业主。"))
        link = s.scalar(select(UnitOwnership.id).where(
            UnitOwnership.unit_id == key.unit_id, UnitOwnership.owner_id == owner_id,
            UnitOwnership.relation == Relation.OWNER, UnitOwnership.until.is_(None)))
        if link is None:
            raise DomainError(translate("keys", "该业主不是这套房屋的业主，不能发放此钥匙。"))
    return _apply(db, key_id, E.ISSUE, at, {"owner_id": owner_id, "note": note}, owns)


def report_lost(db: Database, key_id: int, *, follow_up: str, at: dt.datetime | None = None) -> KeyRow:
    if not follow_up.strip():
        raise ValidationError(translate("keys", "「后续处理」不能为空（如：换锁、补配）。"))
    return _apply(db, key_id, E.LOSE, at, {"note": follow_up.strip()})


def hand_over(db: Database, key_id: int, *, to_company: str, at: dt.datetime | None = None) -> KeyRow:
    if not to_company.strip():
        raise ValidationError(translate("keys", "「接收单位」不能为空。"))
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
        return [(tag, person, due) for tag, person, due in s.execute(q) if due is not None]  # none: the query asks due < now
