"""Keys of units and common areas, with a lending history that agrees with each key's status."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from itertools import chain

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..keys import Key, KeyEvent, KeyEventKind, KeyStatus
from ..keys import LendReason as R
from ..people import User
from ..project import Occupancy, UnitUse
from .community import Community, UnitInfo, versioned
from .plan import CLERK, FROM_REP, REF_NOW, SUPERVISOR
from .writer import Row

E, K = KeyEventKind, KeyStatus
ENTRANCE_KEYS = (("DYM", "单元门"), ("WM", "屋面门"), ("QDJ", "强电井"), ("RDJ", "弱电井"))
BUILDING_KEYS = (("DTJF", "电梯机房"), ("PDJ", "楼栋配电间"))
SITE_KEYS = (("PDS", "高低压配电室"), ("FDJ", "发电机房"), ("SBF", "生活水泵房"), ("XFB", "消防水泵房"),
             ("HRZ", "换热站"), ("XKS", "消防控制室"), ("JKS", "监控室"), ("BMG", "北门岗亭"), ("NMG", "南门岗亭"),
             ("CKM", "地下车库门"), ("LJF", "垃圾房"), ("HS", "会所"), ("WYF", "物业用房"), ("CK", "仓库"))
BORROWERS = (("李建华", "工程部"), ("周立新", "工程部"), ("马秀兰", "保洁部"), ("韩冬", "秩序维护部"),
             ("吴师傅", "装修单位"), ("郑凯", "工程部"), ("何丽", "客服部"))
REASONS = (R.INSPECT, R.CLEAN, R.REPAIR, R.REPAIR, R.OTHER)  # repairs twice as often
OTHER_REASON = "业主委托开门验房"
SLOTS_PER_CABINET = 480
LAST_DAY = REF_NOW.date() - dt.timedelta(days=1)


def _letters(i: int) -> str:
    return "ABCDEFGHJK"[i]


def common_keys(c: Community) -> list[tuple[str, str, None]]:
    """(tag, what it opens, no unit) for every common-area key."""
    out = [(f"K-00-00-{code}-{_letters(s)}", name, None) for code, name in SITE_KEYS for s in range(3)]
    for b, entrances in c.entrances.items():
        out += [(f"K-{b:02d}-00-{code}-A", f"{b}栋{name}", None) for code, name in BUILDING_KEYS]
        out += [(f"K-{b:02d}-{e:02d}-{code}-A", f"{b}栋{e}单元{name}", None)
                for e in range(1, entrances + 1) for code, name in ENTRANCE_KEYS]
    return out


def _unit_tag(u: UnitInfo, s: int) -> str:
    if u.use == UnitUse.RESIDENCE:
        return f"K-{u.building_no:02d}-{u.entrance:02d}-{u.room}-{_letters(s)}"
    prefix = "SP" if u.use == UnitUse.SHOP else "CC"
    return f"K-{prefix}-{u.room}-{_letters(s)}"


def unit_keys(c: Community, want: int) -> Iterator[tuple[str, str, UnitInfo]]:
    """`want` key sets spread evenly over flats, shops and store rooms (parking spaces have no key)."""
    keyed = [u for u in c.units if u.use != UnitUse.PARKING]
    base, extra = divmod(want, len(keyed))
    for i, u in enumerate(keyed):
        door = {UnitUse.RESIDENCE: "入户门", UnitUse.SHOP: "卷帘门"}.get(u.use, "门")
        for s in range(base + (1 if i < extra else 0)):
            yield _unit_tag(u, s), f"{u.number} {door}", u


Approver = tuple[int | None, str]  # the approving account's id and display name
BY_NAME_ONLY: Approver = (None, SUPERVISOR)


def demo_approver(session: Session) -> Approver:
    """The demo supervisor's account (id, name) that approved the historical loans (see insert_users)."""
    row = session.execute(select(User.id, User.display_name).where(User.username == "supervisor")).first()
    return (row[0], row[1]) if row else BY_NAME_ONLY


class KeyLog:
    """The events of one key in time order; each step says what the key's status becomes."""

    def __init__(self, rng: random.Random, key_id: int, approver: Approver = BY_NAME_ONLY) -> None:
        self.rng, self.key_id = rng, key_id
        self.approver_id, self.approver_name = approver
        self.events: list[Row] = []
        # Received over the three days of the take-over, in office hours.
        self.at = dt.datetime(2026, 7, 1 + rng.randrange(3), 9, 0) + dt.timedelta(minutes=rng.randrange(8 * 60))
        self.status = K.IN_STORE
        self.seals = 0

    def add(self, kind: KeyEventKind, at: dt.datetime, **fields: object) -> None:
        row = {"key_id": self.key_id, "kind": kind, "at": at, "by": CLERK, "person": "", "department": "",
               "reason": R.UNSET, "reason_text": "", "approved_by": "", "approver_id": None, "due_at": None,
               "owner_id": None, "seal_no": "", "condition": "", "note": ""}
        row.update(fields)
        self.events.append(row)
        self.at = at

    def later(self, lo_days: int, hi_days: int) -> dt.datetime:
        """Some days after the last event, in office hours, never after yesterday, never before the last event."""
        day = min(self.at.date() + dt.timedelta(days=self.rng.randint(lo_days, hi_days)), LAST_DAY)
        at = dt.datetime.combine(day, dt.time(self.rng.randint(8, 15), self.rng.randrange(60)))
        return max(at, self.at + dt.timedelta(minutes=10))

    def lend(self, at: dt.datetime) -> None:
        person, dept = self.rng.choice(BORROWERS)
        reason = self.rng.choice(REASONS)
        # Written directly, as the supervisor's account approved them then (no password to check now).
        self.add(E.LEND, at, person=person, department=dept, reason=reason, approved_by=self.approver_name,
                 approver_id=self.approver_id,
                 reason_text=OTHER_REASON if reason is R.OTHER else "", due_at=at.replace(hour=18, minute=0))
        self.status = K.LENT

    def give_back(self, at: dt.datetime) -> None:
        late = at > self.events[-1]["due_at"]
        self.add(E.RETURN, at, person=self.events[-1]["person"], condition="完好",
                 note="逾期归还" if late else "")
        self.status = K.IN_STORE

    def seal(self, at: dt.datetime, key_id: int) -> None:
        self.seals += 1
        self.add(E.SEAL, at, seal_no=f"FC-2026-{key_id:06d}-{self.seals}", approved_by=SUPERVISOR,
                 note="备用钥匙封存")
        self.status = K.SEALED


def _round_trips(log: KeyLog, count: int, until: dt.datetime) -> None:
    """Lent and returned the same day (rarely the next morning: a late return)."""
    for _ in range(count):
        at = log.later(2, 30)
        back = at + dt.timedelta(minutes=log.rng.randint(20, 300))
        if log.rng.random() < 0.03:
            back = dt.datetime.combine(at.date() + dt.timedelta(days=1), dt.time(9, 10))
        if back >= until:
            return
        log.lend(at)
        log.give_back(back)


def _finish(log: KeyLog, target: KeyStatus, unit: UnitInfo | None) -> None:
    rng = log.rng
    if target is K.SEALED:
        log.seal(log.later(0, 20), log.key_id)
    elif target is K.LENT:
        overdue = rng.random() < 0.5
        day = REF_NOW.date() - dt.timedelta(days=rng.randint(1, 12) if overdue else 0)
        at = dt.datetime.combine(day, dt.time(8, rng.randint(30, 59)))
        if at > log.at:
            log.lend(at)
    elif target is K.ISSUED and unit is not None:
        log.add(E.ISSUE, log.later(1, 60), person=unit.owner_name, owner_id=unit.owner_id,
                note="业主本人签字领取")
        log.status = K.ISSUED
    elif target is K.LOST:
        log.lend(log.later(1, 40))
        log.add(E.LOSE, log.later(0, 1), person=log.events[-1]["person"], approved_by=SUPERVISOR,
                note="借用人报失，已通知业主换锁")
        log.status = K.LOST
    elif target is K.RETIRED:
        log.add(E.RETIRE, log.later(1, 60), approved_by=SUPERVISOR, note="门锁已更换，旧钥匙作废")
        log.status = K.RETIRED


def _target(rng: random.Random, unit: UnitInfo | None) -> KeyStatus:
    weights: tuple[float, ...]
    if unit is None:
        weights = (85, 8, 2, 0, 1, 1)
    elif unit.occupancy == Occupancy.VACANT:
        weights = (25, 70, 0.3, 0, 0.5, 0.5)
    elif unit.occupancy == Occupancy.RENOVATING:
        weights = (40, 10, 1, 40, 1, 1)
    else:
        weights = (55, 32, 0.3, 10, 0.5, 0.5)
    return rng.choices((K.IN_STORE, K.SEALED, K.LENT, K.ISSUED, K.LOST, K.RETIRED), weights)[0]


def key_history(rng: random.Random, key_id: int, unit: UnitInfo | None,
                approver: Approver = BY_NAME_ONLY) -> tuple[KeyStatus, list[Row]]:
    log = KeyLog(rng, key_id, approver)
    log.add(E.RECEIVE, log.at, person=FROM_REP, condition="完好", note="原物业移交")
    target = _target(rng, unit)
    if target is K.SEALED and rng.random() < 0.1:  # sealed, opened for a repair, sealed again
        log.seal(log.later(0, 5), key_id)
        log.add(E.UNSEAL, log.later(5, 40), approved_by=SUPERVISOR, note="维修需要，启封")
        log.status = K.IN_STORE
    _round_trips(log, rng.choices((0, 1, 2, 3), (60, 25, 10, 5))[0], REF_NOW - dt.timedelta(days=14))
    _finish(log, target, unit)
    return log.status, log.events


def _slot(i: int) -> tuple[str, str]:
    """Cabinets of 480 hooks (20 rows of 24)."""
    within = i % SLOTS_PER_CABINET
    return f"G{i // SLOTS_PER_CABINET + 1:02d}", f"{within // 24 + 1:02d}-{within % 24 + 1:02d}"


def all_keys(c: Community, handover_id: int, rng: random.Random, first_id: int, count: int,
             approver: Approver = BY_NAME_ONLY) -> Iterator[tuple[Row, list[Row]]]:
    """Exactly `count` keys: every common-area key, the rest spread over the units.

    `approver` is the demo supervisor's account (demo_approver) named on every loan.
    """
    common = common_keys(c)
    keys = chain(common, unit_keys(c, count - len(common)))
    for i, (tag, opens, unit) in enumerate(keys):
        key_id = first_id + i
        status, events = key_history(rng, key_id, unit, approver)
        cabinet, slot = _slot(i)
        yield versioned(id=key_id, project_id=c.project_id, handover_id=handover_id, tag=tag,
                        unit_id=unit.id if unit else None, opens=opens, count=rng.choice((1, 1, 2, 3)),
                        cabinet=cabinet, slot=slot, status=status), events


TABLES = (Key.__table__, KeyEvent.__table__)
