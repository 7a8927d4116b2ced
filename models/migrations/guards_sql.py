"""SQL for the database-side guards, shared by the migrations that (re)install them.

The ORM guard (models/guards.py) covers every service; these triggers repeat
the rule for raw SQL. SQLite's batch mode rebuilds a table and drops its
triggers, so a migration that rebuilds a guarded table must call install().
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

DOCUMENTS = ("handover_lists", "settlements")
CHILDREN = {"handover_items": ("list_id", "handover_lists")}
APPEND_ONLY = ("audit_log", "key_events", "defect_status_changes")
CANCEL_COLUMNS = {"status", "version", "updated_at"}


def _frozen_columns(table: str) -> list[str]:
    cols = [c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)]
    return [c for c in cols if c not in CANCEL_COLUMNS]


def _sqlite_document(table: str) -> list[str]:
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _frozen_columns(table))
    return [
        f"""CREATE TRIGGER hd_final_upd_{table} BEFORE UPDATE ON {table}
        WHEN OLD.status IN ('signed','cancelled')
         AND NOT (OLD.status = 'signed' AND NEW.status = 'cancelled' AND {same})
        BEGIN SELECT RAISE(ABORT, 'HD_FINAL: {table} is signed'); END""",
        f"""CREATE TRIGGER hd_final_del_{table} BEFORE DELETE ON {table}
        WHEN OLD.status IN ('signed','cancelled')
        BEGIN SELECT RAISE(ABORT, 'HD_FINAL: {table} is signed'); END""",
    ]


def _sqlite_child(table: str, fk: str, parent: str) -> list[str]:
    final = f"(SELECT status FROM {parent} WHERE id = {{row}}.{fk}) IN ('signed','cancelled')"
    out = []
    for when, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        out.append(f"""CREATE TRIGGER hd_final_{when.lower()}_{table} BEFORE {when} ON {table}
        WHEN {final.format(row=row)}
        BEGIN SELECT RAISE(ABORT, 'HD_FINAL: {parent} is signed'); END""")
    return out


def _sqlite_append_only(table: str) -> list[str]:
    return [
        f"""CREATE TRIGGER hd_append_{kind.lower()}_{table} BEFORE {kind} ON {table}
        BEGIN SELECT RAISE(ABORT, 'HD_APPEND_ONLY: {table}'); END"""
        for kind in ("UPDATE", "DELETE")
    ]


PG_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION hd_final_document() RETURNS trigger AS $$
    BEGIN
      IF OLD.status IN ('signed','cancelled') THEN
        IF TG_OP = 'UPDATE' AND OLD.status = 'signed' AND NEW.status = 'cancelled'
           AND (to_jsonb(NEW) - 'status' - 'version' - 'updated_at')
             = (to_jsonb(OLD) - 'status' - 'version' - 'updated_at') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'HD_FINAL: % is signed', TG_TABLE_NAME USING ERRCODE = '23000';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION hd_final_child() RETURNS trigger AS $$
    DECLARE parent_status text;
    BEGIN
      EXECUTE format('SELECT status FROM %I WHERE id = $1', TG_ARGV[1])
        INTO parent_status
        USING (CASE WHEN TG_OP = 'INSERT' THEN to_jsonb(NEW) ELSE to_jsonb(OLD) END ->> TG_ARGV[0])::int;
      IF parent_status IN ('signed','cancelled') THEN
        RAISE EXCEPTION 'HD_FINAL: % is signed', TG_ARGV[1] USING ERRCODE = '23000';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION hd_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'HD_APPEND_ONLY: %', TG_TABLE_NAME USING ERRCODE = '23000';
    END $$ LANGUAGE plpgsql""",
]


def _pg_statements() -> list[str]:
    out = list(PG_FUNCTIONS)
    for t in DOCUMENTS:
        out.append(f"CREATE TRIGGER hd_final_{t} BEFORE UPDATE OR DELETE ON {t} "
                   f"FOR EACH ROW EXECUTE FUNCTION hd_final_document()")
    for t, (fk, parent) in CHILDREN.items():
        out.append(f"CREATE TRIGGER hd_final_{t} BEFORE INSERT OR UPDATE OR DELETE ON {t} "
                   f"FOR EACH ROW EXECUTE FUNCTION hd_final_child('{fk}', '{parent}')")
    for t in APPEND_ONLY:
        out.append(f"CREATE TRIGGER hd_append_{t} BEFORE UPDATE OR DELETE ON {t} "
                   f"FOR EACH ROW EXECUTE FUNCTION hd_append_only()")
    return out


def _sqlite_statements() -> list[str]:
    out: list[str] = []
    for t in DOCUMENTS:
        out += _sqlite_document(t)
    for t, (fk, parent) in CHILDREN.items():
        out += _sqlite_child(t, fk, parent)
    for t in APPEND_ONLY:
        out += _sqlite_append_only(t)
    return out


def statements() -> list[str]:
    return _sqlite_statements() if op.get_bind().dialect.name == "sqlite" else _pg_statements()


def install() -> None:
    for sql in statements():
        op.execute(sql)


def trigger_names() -> list[str]:
    """Every trigger install() creates, for drop() and for the tests."""
    names = [f"hd_final_upd_{t}" for t in DOCUMENTS] + [f"hd_final_del_{t}" for t in DOCUMENTS]
    names += [f"hd_final_{k}_{t}" for t in CHILDREN for k in ("insert", "update", "delete")]
    names += [f"hd_append_{k}_{t}" for t in APPEND_ONLY for k in ("update", "delete")]
    return names


def drop() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in trigger_names():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for t in (*DOCUMENTS, *CHILDREN):
        op.execute(f"DROP TRIGGER IF EXISTS hd_final_{t} ON {t}")
    for t in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS hd_append_{t} ON {t}")
    for fn in ("hd_final_document", "hd_final_child", "hd_append_only"):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}()")


def install_append_only(table: str) -> None:
    """For a table added after 0002 (the hd_append_only() function already exists on PostgreSQL)."""
    if op.get_bind().dialect.name == "sqlite":
        for sql in _sqlite_append_only(table):
            op.execute(sql)
        return
    op.execute(f"CREATE TRIGGER hd_append_{table} BEFORE UPDATE OR DELETE ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION hd_append_only()")


def drop_append_only(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for kind in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS hd_append_{kind}_{table}")
        return
    op.execute(f"DROP TRIGGER IF EXISTS hd_append_{table} ON {table}")
