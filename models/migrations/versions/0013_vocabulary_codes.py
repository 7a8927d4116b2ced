"""fixed vocabularies are stored as codes too: severity, category, condition, unit use, ID kind…

0012 made statuses codes; the word lists a form offers (a defect's 重大/一般/轻微, a unit's 住宅/商铺, an
item's 原件/复印件, a key's 借出 reason, a meter's 水/电/气…) were still stored as their Chinese words, and
rules compared them (a 重大 defect is reported at once; a lend for 其他 needs the reason). They now hold
codes ('major', 'shop', 'original'…) and models/labels.py gives each code its words. Empty stays empty
where a form allows it. The columns are widened to VARCHAR(16), the width every code column has. Signed rows are converted with their guards lifted for
the UPDATE only, as in 0012: the meaning of every row is unchanged.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Frozen here, as every migration's data is: the words each code was stored as before 0013.
SEVERITY = {"major": "重大", "normal": "一般", "minor": "轻微"}
CATEGORY = {"civil": "土建装饰", "plumbing": "给排水", "power": "强电", "low_voltage": "弱电智能化", "fire": "消防", "elevator": "电梯", "hvac": "暖通", "landscape": "绿化景观", "roads": "道路车库", "documents": "资料", "other": "其他"}
RESPONSIBLE = {"developer": "开发商", "contractor": "施工单位", "previous": "原物业", "ours": "本公司"}
CONDITION = {"good": "完好", "defective": "有缺陷", "missing": "缺失"}
COPY_KIND = {"original": "原件", "copy": "复印件"}
PROJECT_KIND = {"residential": "住宅", "office": "写字楼", "commercial": "商业", "mixed": "混合"}
UNIT_USE = {"residence": "住宅", "shop": "商铺", "office": "办公", "parking": "车位", "storage": "储藏室"}
OCCUPANCY = {"vacant": "空置", "occupied": "已入住", "renovating": "装修中"}
RELATION = {"owner": "业主", "occupant": "使用人"}
ID_KIND = {"id_card": "身份证", "passport": "护照", "permit": "港澳台通行证", "credit_code": "统一社会信用代码"}
LEND_REASON = {"inspect": "检查", "clean": "清洁", "repair": "维修", "other": "其他"}
METER_KIND = {"water": "水", "power": "电", "gas": "气"}

# (table, column) -> its code -> old word, with the column's width before 0013.
COLUMNS: dict[tuple[str, str], tuple[dict[str, str], int]] = {
    ("defects", "severity"): (SEVERITY, 4),
    ("defects", "category"): (CATEGORY, 10),
    ("defects", "responsible"): (RESPONSIBLE, 10),
    ("handover_items", "condition"): (CONDITION, 4),
    ("handover_items", "original_or_copy"): (COPY_KIND, 4),
    ("template_items", "original_or_copy"): (COPY_KIND, 4),
    ("projects", "kind"): (PROJECT_KIND, 8),
    ("units", "use"): (UNIT_USE, 8),
    ("units", "occupancy"): (OCCUPANCY, 8),
    ("tariffs", "unit_use"): (UNIT_USE, 8),
    ("unit_ownerships", "relation"): (RELATION, 8),
    ("owners", "id_kind"): (ID_KIND, 12),
    ("key_events", "reason"): (LEND_REASON, 8),
    ("meter_readings", "kind"): (METER_KIND, 4),
}
WIDTH = 16  # models.base.StrEnum's width
# Columns with a server default (raw inserts, older app versions on a shared server): it moves with the data.
SERVER_DEFAULT = {("owners", "id_kind"): "id_card"}


@contextmanager
def _unguarded(table: str) -> Iterator[None]:
    """The table's own triggers (signed is final, append only) off for the conversion, then back as they were."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        yield
        op.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        return
    triggers = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                            {"t": table}).all()
    for name, _sql in triggers:
        op.execute(f"DROP TRIGGER {name}")
    yield
    for _name, sql in triggers:
        op.execute(sql)


def _convert(table: str, column: str, pairs: dict[str, str]) -> None:
    """UPDATE table SET column = new WHERE column = old, for each pair (old -> new)."""
    t = sa.table(table, sa.column(column, sa.String))
    for old, new in pairs.items():
        op.execute(t.update().where(t.c[column] == old).values({column: new}))


def _resize(table: str, column: str, old: int, new: int, forward: bool) -> None:
    """VARCHAR(old) -> VARCHAR(new); on SQLite batch mode copies the table (its guards are off meanwhile,
    foreign keys too: models/migrations/env.py)."""
    default = SERVER_DEFAULT.get((table, column))
    if default is not None and not forward:
        default = COLUMNS[(table, column)][0][default]
    with op.batch_alter_table(table) as batch:
        if default is None:
            batch.alter_column(column, type_=sa.String(new), existing_type=sa.String(old))
        else:
            batch.alter_column(column, type_=sa.String(new), existing_type=sa.String(old), server_default=default)


def _run(forward: bool) -> None:
    by_table: dict[str, list[tuple[str, dict[str, str], int]]] = {}
    for (table, column), (codes, width) in COLUMNS.items():
        pairs = {word: code for code, word in codes.items()} if forward else dict(codes)
        by_table.setdefault(table, []).append((column, pairs, width))
    for table, columns in by_table.items():
        with _unguarded(table):
            for column, pairs, width in columns:
                if forward:
                    _resize(table, column, width, WIDTH, forward)
                _convert(table, column, pairs)
                if not forward:
                    _resize(table, column, WIDTH, width, forward)


def upgrade() -> None:
    """(Not audited: nothing a clerk did; the meaning of every row is unchanged.)"""
    _run(forward=True)


def downgrade() -> None:
    _run(forward=False)
