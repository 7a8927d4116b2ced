"""Where a defect can be: the project's units, for the defect form's location picker; a unit's owners."""
from __future__ import annotations

from sqlalchemy import select

from ..db import Database
from ..people import Owner, Relation, UnitOwnership
from ..project import Building, Unit


def unit_choices(db: Database, project_id: int) -> list[tuple[int, str]]:
    """(unit id, number as written) of every unit of the project, building by building."""
    q = (select(Unit.id, Unit.number).outerjoin(Building, Unit.building_id == Building.id)
         .where(Unit.project_id == project_id)
         .order_by(Building.sort_no, Building.name, Unit.number, Unit.id))
    with db.read() as s:
        return [(int(i), str(n)) for i, n in s.execute(q)]


def unit_owners(db: Database, unit_id: int) -> list[tuple[int, str]]:
    """(owner id, name) of the unit's current 业主 — whom its key may be issued to."""
    q = (select(Owner.id, Owner.name).join(UnitOwnership, UnitOwnership.owner_id == Owner.id)
         .where(UnitOwnership.unit_id == unit_id, UnitOwnership.relation == Relation.OWNER, UnitOwnership.until.is_(None))
         .order_by(Owner.name, Owner.id))
    with db.read() as s:
        return [(int(i), str(n)) for i, n in s.execute(q)]
