"""units keep their 单元 and floor as the clerk confirmed them (read from the number when not typed)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

# The rule itself, not a copy: numbers are read once, here, as a unit saved today reads them.
from models.rules.unit_number import parse_unit_number

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: no trigger or index of units is dropped on SQLite.
    op.add_column("units", sa.Column("entrance", sa.String(length=10), nullable=False, server_default=""))
    op.add_column("units", sa.Column("floor", sa.String(length=10), nullable=False, server_default=""))
    _read_existing_numbers()


def _read_existing_numbers() -> None:
    """Units already there get the 单元 and floor their number says, as a unit saved today would.
    (Units have no guard trigger: the update is an ordinary one. Not audited: nothing a clerk did.)"""
    conn = op.get_bind()
    units = sa.table("units", sa.column("id", sa.Integer), sa.column("number", sa.String),
                     sa.column("entrance", sa.String), sa.column("floor", sa.String))
    update = units.update().where(units.c.id == sa.bindparam("uid")).values(
        entrance=sa.bindparam("e"), floor=sa.bindparam("f"))
    batch: list[dict[str, object]] = []
    for unit_id, number in conn.execute(sa.select(units.c.id, units.c.number)).all():
        parts = parse_unit_number(number or "")
        if parts.entrance or parts.floor:
            batch.append({"uid": unit_id, "e": parts.entrance[:10], "f": parts.floor[:10]})
        if len(batch) >= 5000:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.drop_column("floor")
        batch.drop_column("entrance")
