"""indexes for the typed filters of the ledger (1,200,000 lines) and of the differences

A filter on the ledger read every line's owner name (LIKE '%…%' cannot use a b-tree): 0.3–0.9 s a
keystroke on the large demo. Now:
- owner names of 3 or more characters are found through a trigram index: SQLite's FTS5 `trigram`
  tokenizer (table ledger_owner_fts, external content, kept in step by triggers on ledger_lines);
  PostgreSQL's pg_trgm GIN index when the extension is there or may be created. A server where it may
  not (CREATE EXTENSION refused) still filters correctly, by reading the names, only slower;
- owner names of 1–2 characters (too short for a trigram) match by their beginning, through an
  ordinary index on the case-folded name (the filter box says so);
- on PostgreSQL with pg_trgm, the keys', defects' and units' filtered texts get trigram indexes too;
- the clerk's notes on differences are mostly empty: a partial index over the noted ones; and the
  differences' fee item gets an index of its own (a filter part reads the lines of matching items).

Not audited: nothing a clerk did; no row changes.

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

FTS = "ledger_owner_fts"
SQLITE_TRIGGERS = {
    "hd_owner_fts_ins": f"""CREATE TRIGGER hd_owner_fts_ins AFTER INSERT ON ledger_lines BEGIN
        INSERT INTO {FTS}(rowid, owner_name) VALUES (new.id, new.owner_name); END""",
    "hd_owner_fts_del": f"""CREATE TRIGGER hd_owner_fts_del AFTER DELETE ON ledger_lines BEGIN
        INSERT INTO {FTS}({FTS}, rowid, owner_name) VALUES ('delete', old.id, old.owner_name); END""",
    "hd_owner_fts_upd": f"""CREATE TRIGGER hd_owner_fts_upd AFTER UPDATE OF id, owner_name ON ledger_lines BEGIN
        INSERT INTO {FTS}({FTS}, rowid, owner_name) VALUES ('delete', old.id, old.owner_name);
        INSERT INTO {FTS}(rowid, owner_name) VALUES (new.id, new.owner_name); END""",
}
NOTED = "ix_fee_differences_noted"
ITEM = "ix_fee_differences_fee_item_id"  # declared in the model too
PREFIX = "ix_ledger_lines_owner_prefix"
TRGM = "ix_ledger_lines_owner_trgm"
# PostgreSQL's ILIKE folds case character by character: 80,000 keys' four columns took ~0.3 s to read
# for a text no key has. SQLite's LIKE reads them fast enough without.
TRGM_MORE = {"ix_keys_text_trgm": ("keys", ("tag", "opens", "cabinet")),
             "ix_defects_text_trgm": ("defects", ("number", "location", "description")),
             "ix_units_number_trgm": ("units", ("number",))}


def _sqlite() -> None:
    op.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(owner_name, content='ledger_lines', "
               "content_rowid='id', tokenize='trigram')")
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    for sql in SQLITE_TRIGGERS.values():
        op.execute(sql)
    # NOCASE folds ASCII only, as SQLite's LIKE does: the prefix range reads the same rows LIKE 'x%' finds.
    op.execute(f"CREATE INDEX {PREFIX} ON ledger_lines (owner_name COLLATE NOCASE)")
    op.execute(f"CREATE INDEX {NOTED} ON fee_differences (handover_id) WHERE note <> ''")


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
            log.warning("pg_trgm not available (%s): owner names are filtered without a trigram index",
                        type(exc.orig).__name__)
        else:
            savepoint.commit()
            return installed()
    return None


def _postgresql() -> None:
    bind = op.get_bind()
    schema = _trgm_schema(bind)
    if schema is not None:
        op.execute(f'CREATE INDEX {TRGM} ON ledger_lines USING gin (owner_name "{schema}".gin_trgm_ops)')
        for name, (table, columns) in TRGM_MORE.items():
            ops = ", ".join(f'{c} "{schema}".gin_trgm_ops' for c in columns)
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({ops})")
    op.execute(f'CREATE INDEX {PREFIX} ON ledger_lines ((lower(owner_name)) COLLATE "C")')
    op.execute(f"CREATE INDEX {NOTED} ON fee_differences (handover_id) WHERE note <> ''")
    op.execute("ANALYZE ledger_lines, keys, defects, units")  # the planner weighs the new indexes on the expression's statistics


def upgrade() -> None:
    op.create_index(ITEM, "fee_differences", ["fee_item_id"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite()
    else:
        _postgresql()


def downgrade() -> None:
    """The extension stays: other databases' objects may use it."""
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
    else:
        for name in (TRGM, *TRGM_MORE):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute(f"DROP INDEX IF EXISTS {PREFIX}")
    op.execute(f"DROP INDEX IF EXISTS {NOTED}")
    op.drop_index(ITEM, "fee_differences")
