"""what the typed filters of the ledger (1,200,000 lines), the differences, keys and defects read

A filter on the ledger read every line's owner name (LIKE '%…%' cannot use a b-tree index): 0.3–0.9 s
a keystroke on the large demo. The lines hold few distinct names (16,000 among 1,200,000 there), so:
- ledger_owner_names holds every owner name a line has held, once; the filter matches the text in
  these names (any length, anywhere in the name, as before) and finds the lines by the new index on
  ledger_lines.owner_name. Triggers add a line's name when it is new (SQLite: per row, one lookup;
  PostgreSQL: per statement, from its new rows); a deleted line leaves its name behind (it then finds
  no line), so replacing a 100,000-line ledger rewrites no text index. A later migration that writes
  owner names with these triggers off must add the names it writes;
- SQLite: an FTS5 `trigram` index over those names (ledger_owner_fts) for texts of 3 characters and
  more; PostgreSQL: a pg_trgm index over them, and over the keys', defects' and units' filtered texts
  (its ILIKE folds case character by character: 80,000 keys took ~0.3 s for a text no key has), when
  the extension is there or may be created. A server that refuses CREATE EXTENSION filters the same
  rows without (16,000 names are read fast enough; the keys and defects more slowly);
- the clerk's notes on differences are mostly empty: a partial index over the noted ones; and the
  differences' fee item an index of its own (a filter part reads the differences of matching items).

Not audited: nothing a clerk did; no row of the app's tables changes.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

NAMES = "ledger_owner_names"
FTS = "ledger_owner_fts"
SQLITE_TRIGGERS = {
    "hd_owner_names_fts": f"""CREATE TRIGGER hd_owner_names_fts AFTER INSERT ON {NAMES} BEGIN
        INSERT INTO {FTS}(rowid, name) VALUES (new.id, new.name); END""",
    "hd_owner_names_ins": f"""CREATE TRIGGER hd_owner_names_ins AFTER INSERT ON ledger_lines
        WHEN new.owner_name <> '' BEGIN INSERT OR IGNORE INTO {NAMES}(name) VALUES (new.owner_name); END""",
    "hd_owner_names_upd": f"""CREATE TRIGGER hd_owner_names_upd AFTER UPDATE OF owner_name ON ledger_lines
        WHEN new.owner_name <> '' BEGIN INSERT OR IGNORE INTO {NAMES}(name) VALUES (new.owner_name); END""",
}
PG_FUNCTION = f"""CREATE OR REPLACE FUNCTION hd_owner_names_add() RETURNS trigger AS $$
BEGIN
  INSERT INTO {NAMES}(name) SELECT DISTINCT owner_name FROM hd_new_lines WHERE owner_name <> ''
  ON CONFLICT (name) DO NOTHING;
  RETURN NULL;
END $$ LANGUAGE plpgsql"""
PG_TRIGGERS = {"hd_owner_names_ins": "INSERT", "hd_owner_names_upd": "UPDATE"}
OWNER = "ix_ledger_lines_owner_name"        # declared in the model too
ITEM = "ix_fee_differences_fee_item_id"     # declared in the model too
NOTED = "ix_fee_differences_noted"
TRGM = {"ix_ledger_owner_names_trgm": (NAMES, ("name",)),
        "ix_keys_text_trgm": ("keys", ("tag", "opens", "cabinet")),
        "ix_defects_text_trgm": ("defects", ("number", "location", "description")),
        "ix_units_number_trgm": ("units", ("number",))}


def _names_table() -> None:
    op.create_table(NAMES, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(40), nullable=False, unique=True))
    op.execute(f"INSERT INTO {NAMES}(name) SELECT DISTINCT owner_name FROM ledger_lines WHERE owner_name <> ''")


def _sqlite() -> None:
    op.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(name, content='{NAMES}', content_rowid='id', "
               "tokenize='trigram')")
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    for sql in SQLITE_TRIGGERS.values():
        op.execute(sql)


def _trgm_schema(bind: sa.engine.Connection) -> str | None:
    """The schema pg_trgm is installed in; installed first if this user may (into public, so that a
    dropped working schema never takes the extension, and every index on it, along)."""
    def installed() -> str | None:
        return bind.scalar(sa.text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                                   "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"))
    if (schema := installed()) is not None:
        return schema
    for sql in ("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", "CREATE EXTENSION IF NOT EXISTS pg_trgm"):
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql(sql)
        except sa.exc.DBAPIError as exc:
            savepoint.rollback()
            log.warning("pg_trgm not available (%s): the typed filters read without trigram indexes",
                        type(exc.orig).__name__)
        else:
            savepoint.commit()
            return installed()
    return None


def _postgresql() -> None:
    op.execute(PG_FUNCTION)
    for name, event in PG_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON ledger_lines REFERENCING NEW TABLE AS hd_new_lines "
                   "FOR EACH STATEMENT EXECUTE FUNCTION hd_owner_names_add()")
    schema = _trgm_schema(op.get_bind())
    if schema is not None:
        for name, (table, columns) in TRGM.items():
            ops = ", ".join(f'{c} "{schema}".gin_trgm_ops' for c in columns)
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({ops})")
    op.execute(f"ANALYZE {NAMES}, keys, defects, units")


def upgrade() -> None:
    _names_table()
    op.create_index(OWNER, "ledger_lines", ["owner_name"])
    op.create_index(ITEM, "fee_differences", ["fee_item_id"])
    op.execute(f"CREATE INDEX {NOTED} ON fee_differences (handover_id) WHERE note <> ''")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite()
    else:
        _postgresql()


def downgrade() -> None:
    """The extension stays: other schemas' objects may use it."""
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
    else:
        for name in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON ledger_lines")
        op.execute("DROP FUNCTION IF EXISTS hd_owner_names_add()")
        for name in TRGM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute(f"DROP INDEX IF EXISTS {NOTED}")
    op.drop_index(ITEM, "fee_differences")
    op.drop_index(OWNER, "ledger_lines")
    op.drop_table(NAMES)
