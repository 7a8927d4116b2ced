"""every unit whose number names its building is filed under that building

A roster imported before 0011 filed 1-1-0101 and B1-708 under no building ("（未分楼栋）"): only
numbers written 1栋… were read for a building. Their building is now read from the number, the
project's building of that designator is used ('1号楼' for 1-1-0101 when the project calls it so),
and one is made where the project has none.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

# The rules themselves, as an import today reads a number (see 0010).
from models.rules.unit_number import building_key, parse_unit_number

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """(Not audited: nothing a clerk did; units and buildings have no guard trigger.)"""
    conn = op.get_bind()
    units = sa.table("units", sa.column("id", sa.Integer), sa.column("project_id", sa.Integer),
                     sa.column("number", sa.String), sa.column("building_id", sa.Integer))
    buildings = sa.table("buildings", sa.column("id", sa.Integer), sa.column("project_id", sa.Integer),
                         sa.column("name", sa.String), sa.column("sort_no", sa.Integer),
                         sa.column("version", sa.Integer), sa.column("updated_at", sa.DateTime))
    known: dict[tuple[int, str], int] = {}
    next_sort: dict[int, int] = {}
    for bid, pid, name, sort_no in conn.execute(sa.select(buildings.c.id, buildings.c.project_id, buildings.c.name,
                                                          buildings.c.sort_no)):
        known.setdefault((pid, building_key(name)), bid)
        next_sort[pid] = max(next_sort.get(pid, 0), (sort_no or 0) + 1)
    update = units.update().where(units.c.id == sa.bindparam("uid")).values(building_id=sa.bindparam("bid"))
    batch: list[dict[str, object]] = []
    orphans = sa.select(units.c.id, units.c.project_id, units.c.number).where(units.c.building_id.is_(None))
    for unit_id, pid, number in conn.execute(orphans).all():
        named = parse_unit_number(number or "").building
        if not named:
            continue
        key = (pid, building_key(named))
        if key not in known:
            sort_no = next_sort.get(pid, 1)
            next_sort[pid] = sort_no + 1
            known[key] = conn.execute(buildings.insert().values(
                project_id=pid, name=named[:40], sort_no=sort_no, version=1,
                updated_at=dt.datetime.now()).returning(buildings.c.id)).scalar_one()
        batch.append({"uid": unit_id, "bid": known[key]})
    if batch:
        conn.execute(update, batch)


def downgrade() -> None:
    """Nothing to undo: a unit filed under its building is what 0010 and earlier allow too."""
