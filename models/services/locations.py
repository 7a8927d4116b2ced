"""Where a defect can be: the project's units, for the defect form's location picker."""
from __future__ import annotations

from sqlalchemy import select

from ..db import Database
from ..project import Building, Unit


def unit_choices(db: Database, project_id: int) -> list[tuple[int, str]]:
    """(unit id, number as written) of every unit of the project, building by building."""
    q = (select(Unit.id, Unit.number).outerjoin(Building, Unit.building_id == Building.id)
         .where(Unit.project_id == project_id)
         .order_by(Building.sort_no, Building.name, Unit.number, Unit.id))
    with db.read() as s:
        return [(int(i), str(n)) for i, n in s.execute(q)]
