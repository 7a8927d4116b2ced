"""statuses, kinds and decisions are stored as codes, no longer as their Chinese words

Before 0012 a key lent out was stored as '借出', a signed-off difference as '以我方为准': renaming a
word for display (or showing it in English) would have changed what the data says. Every such column
now holds a code ('lent', 'ours'); models/labels.py gives each code its words. Rows of signed
documents and append-only logs are converted too (their guard triggers are lifted for the UPDATE
only): the conversion changes no meaning, and the models read only codes from the tables. Data kept
outside the tables (signed snapshots, audit rows, old backups) keeps its words; the enums read them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Frozen here, as every migration's data is: the words each code was stored as before 0012.
KEY_STATUS = {"in_store": "在库", "sealed": "封存", "lent": "借出", "issued": "已发放", "lost": "遗失",
              "handed_over": "已移交", "retired": "作废"}
KEY_EVENT = {"receive": "接收", "seal": "封存", "unseal": "启封", "lend": "借出", "return": "归还",
             "issue": "发放", "lose": "遗失", "hand_over": "移交", "retire": "作废"}
DEFECT_STATUS = {"pending_notice": "待通知", "rectifying": "整改中", "pending_recheck": "待复验",
                 "closed": "已关闭", "unfixable": "无法整改"}
DIFF_KIND = {"differs": "金额不符", "tariff": "与标准不符", "only_theirs": "仅原物业", "only_ours": "仅我方"}
DECISION = {"open": "待处理", "theirs": "以原物业为准", "ours": "以我方为准", "adjust": "协商调整",
            "exclude": "不计入"}
DEPOSIT_ACTION = {"hand_over": "移交", "refund": "退还业主"}
HANDOVER_KIND = {"acceptance": "承接查验", "takeover": "进场接管", "exit": "退场移交"}

# (table, column) -> its code -> old word.
COLUMNS: dict[tuple[str, str], dict[str, str]] = {
    ("keys", "status"): KEY_STATUS,
    ("key_events", "kind"): KEY_EVENT,
    ("defects", "status"): DEFECT_STATUS,
    ("defect_status_changes", "from_status"): DEFECT_STATUS,
    ("defect_status_changes", "to_status"): DEFECT_STATUS,
    ("fee_differences", "kind"): DIFF_KIND,
    ("fee_differences", "decision"): DECISION,
    ("deposit_dispositions", "action"): DEPOSIT_ACTION,
    ("handovers", "kind"): HANDOVER_KIND,
}
# The handover kinds a list template suits, joined with ",".
TEMPLATE_KINDS = ("list_templates", "kinds")


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


def _convert_template_kinds(pairs: dict[str, str]) -> None:
    table, column = TEMPLATE_KINDS
    t = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.String))
    bind = op.get_bind()
    for row_id, kinds in bind.execute(sa.select(t.c.id, t.c[column]).where(t.c[column] != "")).all():
        new = ",".join(pairs.get(k.strip(), k.strip()) for k in kinds.split(","))
        if new != kinds:
            bind.execute(t.update().where(t.c.id == row_id).values({column: new}))


def _run(forward: bool) -> None:
    by_table: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for (table, column), codes in COLUMNS.items():
        pairs = {word: code for code, word in codes.items()} if forward else dict(codes)
        by_table.setdefault(table, []).append((column, pairs))
    for table, columns in by_table.items():
        with _unguarded(table):
            for column, pairs in columns:
                _convert(table, column, pairs)
    kinds = {word: code for code, word in HANDOVER_KIND.items()} if forward else dict(HANDOVER_KIND)
    _convert_template_kinds(kinds)


def upgrade() -> None:
    """(Not audited: nothing a clerk did; the meaning of every row is unchanged.)"""
    _run(forward=True)


def downgrade() -> None:
    _run(forward=False)
