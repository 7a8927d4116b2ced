"""signed is final in the database too: no cancelling a signed document, no REPLACE past the triggers,
no moving a line onto a signed list, a signed settlement's inputs frozen, no TRUNCATE of guarded tables;
amendments made before 0007 learn which item each of their items copies

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from models.migrations import guards_sql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ITEMS = sa.table("handover_items", sa.column("id", sa.Integer), sa.column("list_id", sa.Integer),
                 sa.column("seq", sa.Integer), sa.column("category", sa.String), sa.column("name", sa.String),
                 sa.column("amends_item_id", sa.Integer))
LISTS = sa.table("handover_lists", sa.column("id", sa.Integer), sa.column("amends_id", sa.Integer))


def _pairs(old: list[tuple[int, str, str]], new: list[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """(new item, old item): same category and name, the n-th such line of one version with the n-th of
    the other (amend_list copied every item in order, so this is what it copied)."""
    waiting: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item_id, category, name in old:
        waiting[(category, name)].append(item_id)
    out = []
    for item_id, category, name in new:
        if waiting[(category, name)]:
            out.append((item_id, waiting[(category, name)].pop(0)))
    return out


def _items(bind: sa.engine.Connection, list_id: int) -> list[tuple[int, str, str]]:
    rows = bind.execute(sa.select(ITEMS.c.id, ITEMS.c.category, ITEMS.c.name)
                        .where(ITEMS.c.list_id == list_id).order_by(ITEMS.c.seq, ITEMS.c.id))
    return [(r[0], r[1], r[2]) for r in rows]


def _backfill_item_identity() -> None:
    bind = op.get_bind()
    amendments = bind.execute(sa.select(LISTS.c.id, LISTS.c.amends_id).where(LISTS.c.amends_id.is_not(None)))
    for list_id, amends_id in list(amendments):
        for new_id, old_id in _pairs(_items(bind, amends_id), _items(bind, list_id)):
            bind.execute(sa.update(ITEMS).where(ITEMS.c.id == new_id, ITEMS.c.amends_item_id.is_(None))
                         .values(amends_item_id=old_id))


def upgrade() -> None:
    # The items of signed amendments are guarded: lift the item trigger for the backfill only.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS hd_final_update_handover_items")
        _backfill_item_identity()
        op.execute(guards_sql._sqlite_child("handover_items", "list_id", "handover_lists")[1])
    else:
        op.execute("ALTER TABLE handover_items DISABLE TRIGGER hd_final_handover_items")
        _backfill_item_identity()
        op.execute("ALTER TABLE handover_items ENABLE TRIGGER hd_final_handover_items")
    guards_sql.install_v2()


def downgrade() -> None:
    guards_sql.drop_v2()
