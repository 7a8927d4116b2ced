"""Read queries for the key forms and the key workbook: plain frozen rows, no live ORM objects."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import NotFoundError, ValidationError
from ..i18n import translate
from ..keys import Key, KeyEvent, LendReason
from ..keys import KeyEventKind as E
from ..keys import KeyStatus as K
from ..people import Owner
from ..project import Unit
from ..rules.key_rules import HOLDS_SLOT


@dataclass(frozen=True)
class KeyInfo:
    """One key of the register, with what it opens spelled out for paper."""

    id: int
    tag: str
    unit: str          # the unit's number, '' for a common-area key
    opens: str
    count: int
    cabinet: str
    slot: str
    status: K
    handover_id: int | None

    @property
    def opens_text(self) -> str:
        """'1栋1单元101' or '1栋1单元101（入户门）' or the named area."""
        if self.unit and self.opens:
            return f"{self.unit}（{self.opens}）"
        return self.unit or self.opens

    @property
    def place(self) -> str:
        return "-".join(p for p in (self.cabinet, self.slot) if p)


@dataclass(frozen=True)
class EventInfo:
    """One key event, with the owner's name resolved."""

    id: int
    key_id: int
    tag: str
    kind: E
    at: dt.datetime
    by: str
    person: str
    department: str
    reason: LendReason
    reason_text: str
    approved_by: str
    due_at: dt.datetime | None
    owner: str
    seal_no: str
    condition: str
    note: str


    @property
    def who(self) -> str:
        """The other person of the event: borrower, who brought it back, the owner, the company."""
        return self.owner or self.person

    @property
    def reason_words(self) -> str:
        """事由 as the forms print it: the reason's label, then what was written for it ("维修：水管渗漏")."""
        return self.reason.label + (f"：{self.reason_text}" if self.reason_text else "")

    @property
    def details(self) -> str:
        """What else the event recorded, in the clerk's words: 事由, 应还, 批准, 封条, 状况, 备注."""
        lent = self.kind is E.LEND
        parts = [("部门", self.department),
                 ("事由", self.reason_words),
                 ("应还", f"{self.due_at:%Y-%m-%d %H:%M}" if self.due_at else ""),
                 ("批准", self.approved_by), ("封条编号", self.seal_no), ("状况", self.condition),
                 ("延期原因" if lent else "后续处理" if self.kind is E.LOSE else "备注", self.note)]
        return "；".join(f"{label}：{value}" for label, value in parts if value)


@dataclass(frozen=True)
class Loan:
    """A 借出 and the 归还 that closed it (None while the key is still out)."""

    key: KeyInfo
    lent: EventInfo
    returned: EventInfo | None

    @property
    def extension_reason(self) -> str:
        """Why it was due after the lending day: a 借出 event keeps its 延期原因 as its note."""
        return self.lent.note


def _key_query() -> Select:
    return (select(Key, Unit.number).outerjoin(Unit, Unit.id == Key.unit_id)
            .order_by(Key.cabinet, Key.slot, Key.tag))


def _key(key: Key, unit: str | None) -> KeyInfo:
    return KeyInfo(key.id, key.tag, unit or "", key.opens, key.count, key.cabinet, key.slot,
                   key.status, key.handover_id)


def _keys(s: Session, q: Select) -> list[KeyInfo]:
    return [_key(k, u) for k, u in s.execute(q)]


def _event(ev: KeyEvent, tag: str, owner: str | None) -> EventInfo:
    return EventInfo(ev.id, ev.key_id, tag, ev.kind, ev.at, ev.by, ev.person, ev.department,
                     ev.reason, ev.reason_text, ev.approved_by, ev.due_at, owner or "",
                     ev.seal_no, ev.condition, ev.note)


def _event_query() -> Select:
    return (select(KeyEvent, Key.tag, Owner.name).join(Key, Key.id == KeyEvent.key_id)
            .outerjoin(Owner, Owner.id == KeyEvent.owner_id).order_by(KeyEvent.at, KeyEvent.id))


def project_keys(db: Database, project_id: int) -> list[KeyInfo]:
    with db.read() as s:
        return _keys(s, _key_query().where(Key.project_id == project_id))


def keys_by_tags(db: Database, project_id: int, tags: Sequence[str]) -> list[KeyInfo]:
    """In the order asked; a tag that is not in the register is an error naming it."""
    wanted = [t.strip().upper() for t in tags if t.strip()]
    with db.read() as s:
        found = {k.tag: k for k in _keys(s, _key_query().where(
            Key.project_id == project_id, Key.tag.in_(wanted)))}
    missing = [t for t in wanted if t not in found]
    if missing:
        raise NotFoundError(translate("forms", "钥匙“{missing}”不存在。").format(missing='、'.join(missing)))
    return [found[t] for t in dict.fromkeys(wanted)]


def keys_in_cabinet(db: Database, project_id: int, cabinet: str) -> list[KeyInfo]:
    """The keys hanging in the cabinet now (in store, sealed, or lent and coming back), hook by hook;
    a key issued, handed over, lost or retired left its hook to another key."""
    with db.read() as s:
        return _keys(s, _key_query().where(Key.project_id == project_id, Key.cabinet == cabinet.strip(),
                                           Key.status.in_(HOLDS_SLOT)))


def key_by_tag(db: Database, project_id: int, tag: str) -> KeyInfo:
    return keys_by_tags(db, project_id, [tag])[0]


def handover_keys(db: Database, handover_id: int) -> list[KeyInfo]:
    with db.read() as s:
        return _keys(s, _key_query().where(Key.handover_id == handover_id))


def latest_event(db: Database, key_id: int, kind: E) -> EventInfo | None:
    with db.read() as s:
        row = s.execute(_event_query().where(KeyEvent.key_id == key_id, KeyEvent.kind == kind)
                        .order_by(None).order_by(KeyEvent.at.desc(), KeyEvent.id.desc())
                        .limit(1)).first()
        return _event(*row) if row else None


def latest_issue(db: Database, key: KeyInfo) -> EventInfo:
    """The 发放 a receipt is printed for; a key never issued has none."""
    ev = latest_event(db, key.id, E.ISSUE)
    if ev is None:
        raise ValidationError(translate("forms", "钥匙“{tag}”还没有发放给业主，无法打印发放签收单。").format(tag=key.tag))
    return ev


def key_history(db: Database, key_id: int) -> list[EventInfo]:
    """Every event of one key, oldest first (the keys tab's 历史)."""
    with db.read() as s:
        return [_event(*row) for row in s.execute(_event_query().where(KeyEvent.key_id == key_id))]


def sealed_keys(db: Database, project_id: int) -> list[tuple[KeyInfo, EventInfo | None]]:
    """Keys now 封存, each with the 封存 event (seal number) that sealed it."""
    keys = [k for k in project_keys(db, project_id) if k.status is K.SEALED]
    return [(k, latest_event(db, k.id, E.SEAL)) for k in keys]


def project_events(s: Session, project_id: int) -> Iterator[EventInfo]:
    for ev, tag, owner in s.execute(_event_query().where(Key.project_id == project_id)):
        yield _event(ev, tag, owner)


@contextmanager
def streamed_events(db: Database, project_id: int) -> Iterator[Iterator[EventInfo]]:
    """project_events from a read session that stays open while the caller writes them out."""
    with db.read() as s:
        yield project_events(s, project_id)


def loans(db: Database, project_id: int, start: dt.date, end: dt.date) -> list[Loan]:
    """Every 借出 from `start` to `end` (both days included) with the 归还 that followed it."""
    keys = {k.id: k for k in project_keys(db, project_id)}
    with db.read() as s:
        events = list(project_events(s, project_id))
    out: list[Loan] = []
    open_loan: dict[int, int] = {}  # key id -> index in out of its loan not yet returned
    for ev in events:
        if ev.kind is E.LEND:
            open_loan[ev.key_id] = len(out)
            out.append(Loan(keys[ev.key_id], ev, None))
        elif ev.kind is E.RETURN and ev.key_id in open_loan:
            i = open_loan.pop(ev.key_id)
            out[i] = Loan(out[i].key, out[i].lent, ev)
    return [loan for loan in out if start <= loan.lent.at.date() <= end]
