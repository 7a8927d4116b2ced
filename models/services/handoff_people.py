"""A handover's units and owners in full, for the next company's system (issue 17 point 4).

The export to another property system carries every owner's phone and ID number unmasked: that is
its point (the next company bills and reaches the owners with them). So, like unmasking one owner,
it is a supervisor's or an administrator's (PERSONAL_DATA_ROLE), and the audit row — counts only,
no personal data — is committed before a single full record is read out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, select

from ..audit import record_action
from ..db import Database
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP
from ..people import IdKind, Owner, Relation, UnitOwnership
from ..project import Building, Occupancy, Project, Unit, UnitUse
from .common import get
from .people import PERSONAL_DATA_ROLE
from .permissions import require_role
from .roster import natural_key

EXPORT_FULL = QT_TRANSLATE_NOOP("permissions", "导出业主完整信息到其他物业系统")


@dataclass(frozen=True, slots=True)
class HandoffOwner:
    name: str
    is_company: bool
    mobile: str
    id_kind: IdKind
    id_number: str


@dataclass(frozen=True, slots=True)
class HandoffUnit:
    building: str  # the building it is filed under ("" for none)
    number: str    # as stored ("1栋1单元101", "商铺 S-101")
    entrance: str  # 单元 as confirmed ("" when the number says it, or nothing does)
    floor: str
    area: Decimal | None
    use: UnitUse
    occupancy: Occupancy
    owners: tuple[HandoffOwner, ...]  # the current owners (业主, not 使用人), in the order registered


@dataclass(frozen=True)
class HandoffPeople:
    project: str
    project_code: str
    from_company: str
    to_company: str
    cutoff: dt.date
    units: tuple[HandoffUnit, ...]

    @property
    def owner_count(self) -> int:
        return sum(len(u.owners) for u in self.units)


def handoff_people(db: Database, handover_id: int) -> HandoffPeople:
    """The project's units with their owners unmasked; AuthError below a supervisor."""
    require_role(db, PERSONAL_DATA_ROLE, EXPORT_FULL)
    with db.begin() as s:
        handover = get(s, Handover, handover_id)
        project = get(s, Project, handover.project_id)
        current = and_(UnitOwnership.unit_id == Unit.id, UnitOwnership.relation == Relation.OWNER,
                       UnitOwnership.until.is_(None))
        rows = s.execute(
            select(Unit.id, Building.name, Building.sort_no, Unit.number, Unit.entrance, Unit.floor, Unit.area,
                   Unit.use, Unit.occupancy, Owner.name, Owner.is_company, Owner.mobile, Owner.id_kind,
                   Owner.id_number)
            .outerjoin(Building, Building.id == Unit.building_id)
            .outerjoin(UnitOwnership, current)
            .outerjoin(Owner, Owner.id == UnitOwnership.owner_id)
            .where(Unit.project_id == project.id)
            .order_by(Unit.id, UnitOwnership.id)).all()
        units: dict[int, tuple[tuple, list[HandoffOwner]]] = {}
        for r in rows:
            _, owners = units.setdefault(r[0], (tuple(r), []))
            if r[9] is not None:
                owners.append(HandoffOwner(r[9], bool(r[10]), r[11] or "", IdKind(r[12]), r[13] or ""))
        owner_count = sum(len(o) for _, o in units.values())
        # Who exported how many, never whose: the note holds no personal data.
        record_action(s, "export", Owner.__tablename__, None,
                      f"导出到其他物业系统：交接 {handover_id}，房屋 {len(units)} 户、业主 {owner_count} 人的完整联系电话与证件号码")
        result = HandoffPeople(project.name, project.code, handover.from_company, handover.to_company,
                               handover.cutoff_date, tuple(_unit(rec, owners) for rec, owners in sorted(
                                   units.values(), key=lambda v: _order(v[0]))))
    return result  # committed: the audit row is in before the full records go out


def _order(rec: tuple) -> tuple:
    return (rec[1] is None, rec[2] or 0, natural_key(rec[1] or ""), natural_key(rec[3]))


def _unit(rec: tuple, owners: list[HandoffOwner]) -> HandoffUnit:
    return HandoffUnit(rec[1] or "", rec[3], rec[4] or "", rec[5] or "", rec[6], UnitUse(rec[7]),
                       Occupancy(rec[8]), tuple(owners))


__all__ = ["EXPORT_FULL", "HandoffOwner", "HandoffPeople", "HandoffUnit", "handoff_people"]
