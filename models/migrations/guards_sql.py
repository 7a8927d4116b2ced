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


# ---- migration 0008: signed is final against REPLACE, moves, TRUNCATE and a settlement's inputs -------
#
# 0002's rules let a signed document be cancelled (a cancelled settlement reopens its fees) and checked
# a line's old document only. SQLite's REPLACE deletes a conflicting row without delete triggers (unless
# recursive_triggers is on, which an attacker's connection is not), so each guarded table also refuses
# an INSERT that would replace a guarded row, and an UPDATE that changes a row's id. A settlement's
# inputs are frozen while the handover's latest settlement is signed. On PostgreSQL TRUNCATE bypasses
# row triggers: every guarded table refuses it (TRUNCATE … CASCADE fires the trigger of each table).

SETTLED_INPUTS = ("ledger_lines", "fee_differences", "meter_readings", "deposit_dispositions")
APPEND_ONLY_V2 = (*APPEND_ONLY, "defect_actions", "handover_amendments")
GUARDED = (*DOCUMENTS, *CHILDREN, *APPEND_ONLY_V2, *SETTLED_INPUTS)
FINAL_SQL = "('signed','cancelled')"
# The handover's latest settlement (a cancelled one does not count) is signed. The EXISTS in front is
# one index probe that is false for almost every row an import writes: the trigger then costs a
# 1,200,000-line import about 1.5 s instead of 7 s (measured on SQLite with a signed settlement present).
SQLITE_SETTLED = ("(EXISTS (SELECT 1 FROM settlements WHERE handover_id = {x} AND status = 'signed') AND "
                  "(SELECT status FROM settlements WHERE handover_id = {x} AND status <> 'cancelled' "
                  "ORDER BY revision DESC LIMIT 1) = 'signed')")


def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _sqlite_v2_document(t: str) -> list[str]:
    return [
        f"""CREATE TRIGGER hd_final_upd_{t} BEFORE UPDATE ON {t}
        WHEN OLD.status IN {FINAL_SQL} {_raise(f'HD_FINAL: {t} is signed')}""",
        f"""CREATE TRIGGER hd_final_replace_{t} BEFORE INSERT ON {t}
        WHEN (SELECT status FROM {t} WHERE id = NEW.id) IN {FINAL_SQL} {_raise(f'HD_FINAL: {t} is signed')}""",
    ]


def _sqlite_v2_child(t: str, fk: str, parent: str) -> list[str]:
    return [
        f"""CREATE TRIGGER hd_final_move_{t} BEFORE UPDATE ON {t}
        WHEN (SELECT status FROM {parent} WHERE id = NEW.{fk}) IN {FINAL_SQL}
        {_raise(f'HD_FINAL: {parent} is signed')}""",
        f"""CREATE TRIGGER hd_final_replace_{t} BEFORE INSERT ON {t}
        WHEN (SELECT p.status FROM {t} c JOIN {parent} p ON p.id = c.{fk} WHERE c.id = NEW.id) IN {FINAL_SQL}
        {_raise(f'HD_FINAL: {parent} is signed')}""",
    ]


def _sqlite_v2_append_only(t: str) -> list[str]:
    return [f"""CREATE TRIGGER hd_append_replace_{t} BEFORE INSERT ON {t}
        WHEN EXISTS (SELECT 1 FROM {t} WHERE id = NEW.id) {_raise(f'HD_APPEND_ONLY: {t}')}"""]


def _sqlite_v2_settled(t: str) -> list[str]:
    def settled(x: str) -> str:
        return SQLITE_SETTLED.format(x=x)

    replaced = f"(EXISTS (SELECT 1 FROM {t} WHERE id = NEW.id) AND " \
               f"{settled(f'(SELECT handover_id FROM {t} WHERE id = NEW.id)')})"
    return [
        f"""CREATE TRIGGER hd_settled_ins_{t} BEFORE INSERT ON {t}
        WHEN {settled('NEW.handover_id')} OR {replaced} {_raise('HD_FINAL: settlements is signed')}""",
        f"""CREATE TRIGGER hd_settled_upd_{t} BEFORE UPDATE ON {t}
        WHEN {settled('OLD.handover_id')} OR {settled('NEW.handover_id')} {_raise('HD_FINAL: settlements is signed')}""",
        f"""CREATE TRIGGER hd_settled_del_{t} BEFORE DELETE ON {t}
        WHEN {settled('OLD.handover_id')} {_raise('HD_FINAL: settlements is signed')}""",
    ]


def _sqlite_v2_keep_id(t: str) -> list[str]:
    """UPDATE OR REPLACE … SET id = <a guarded row's id> would delete that row without a trigger."""
    return [f"""CREATE TRIGGER hd_keep_id_{t} BEFORE UPDATE OF id ON {t}
        WHEN NEW.id IS NOT OLD.id {_raise(f'HD_FINAL: {t} ids do not change')}"""]


def _sqlite_v2_owners() -> list[str]:
    """With foreign keys off (a connection's own choice on SQLite) deleting a handover or a project
    would leave its signed documents without the record they belong to."""
    has_signed = " OR ".join(f"EXISTS (SELECT 1 FROM {t} WHERE handover_id = {{h}} AND status IN {FINAL_SQL})"
                             for t in DOCUMENTS)
    return [
        f"""CREATE TRIGGER hd_final_owner_handovers BEFORE DELETE ON handovers
        WHEN {has_signed.format(h='OLD.id')} {_raise('HD_FINAL: handovers has signed documents')}""",
        f"""CREATE TRIGGER hd_final_owner_projects BEFORE DELETE ON projects
        WHEN EXISTS (SELECT 1 FROM handovers h WHERE h.project_id = OLD.id AND ({has_signed.format(h='h.id')}))
        {_raise('HD_FINAL: projects has signed documents')}""",
    ]


def _sqlite_v2_statements() -> list[str]:
    out = [f"DROP TRIGGER IF EXISTS hd_final_upd_{t}" for t in DOCUMENTS] + _sqlite_v2_owners()
    for t in DOCUMENTS:
        out += _sqlite_v2_document(t)
    for t, (fk, parent) in CHILDREN.items():
        out += _sqlite_v2_child(t, fk, parent)
    for t in APPEND_ONLY_V2:
        out += _sqlite_v2_append_only(t)
    for t in SETTLED_INPUTS:
        out += _sqlite_v2_settled(t)
    for t in GUARDED:
        out += _sqlite_v2_keep_id(t)
    return out


PG_V2_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION hd_final_document() RETURNS trigger AS $$
    BEGIN
      IF OLD.status IN ('signed','cancelled') THEN
        RAISE EXCEPTION 'HD_FINAL: % is signed', TG_TABLE_NAME USING ERRCODE = '23000';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION hd_final_child() RETURNS trigger AS $$
    DECLARE parent_status text; row_ jsonb;
    BEGIN
      FOREACH row_ IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
                                        WHEN 'UPDATE' THEN ARRAY[to_jsonb(OLD), to_jsonb(NEW)]
                                        ELSE ARRAY[to_jsonb(OLD)] END) LOOP
        EXECUTE format('SELECT status FROM %I WHERE id = $1', TG_ARGV[1])
          INTO parent_status USING (row_ ->> TG_ARGV[0])::int;
        IF parent_status IN ('signed','cancelled') THEN
          RAISE EXCEPTION 'HD_FINAL: % is signed', TG_ARGV[1] USING ERRCODE = '23000';
        END IF;
      END LOOP;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION hd_settled(handover integer) RETURNS boolean AS $$
      SELECT COALESCE((SELECT status = 'signed' FROM settlements
                       WHERE handover_id = handover AND status <> 'cancelled'
                       ORDER BY revision DESC LIMIT 1), false)
    $$ LANGUAGE sql STABLE""",
    """CREATE OR REPLACE FUNCTION hd_settled_input() RETURNS trigger AS $$
    BEGIN
      IF (TG_OP <> 'INSERT' AND hd_settled(OLD.handover_id))
         OR (TG_OP <> 'DELETE' AND hd_settled(NEW.handover_id)) THEN
        RAISE EXCEPTION 'HD_FINAL: settlements is signed (%)', TG_TABLE_NAME USING ERRCODE = '23000';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION hd_no_truncate() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'HD_APPEND_ONLY: % cannot be truncated', TG_TABLE_NAME USING ERRCODE = '23000';
    END $$ LANGUAGE plpgsql""",
]


def _pg_v2_statements() -> list[str]:
    out = list(PG_V2_FUNCTIONS)
    for t in SETTLED_INPUTS:
        out.append(f"CREATE TRIGGER hd_settled_{t} BEFORE INSERT OR UPDATE OR DELETE ON {t} "
                   f"FOR EACH ROW EXECUTE FUNCTION hd_settled_input()")
    for t in GUARDED:
        out.append(f"CREATE TRIGGER hd_no_truncate_{t} BEFORE TRUNCATE ON {t} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION hd_no_truncate()")
    return out


def install_v2() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for sql in _sqlite_v2_statements() if sqlite else _pg_v2_statements():
        op.execute(sql)


def v2_trigger_names() -> list[str]:
    """The triggers install_v2() adds on SQLite (hd_final_upd_* it replaces keep their names)."""
    names = [f"hd_final_replace_{t}" for t in (*DOCUMENTS, *CHILDREN)]
    names += [f"hd_final_move_{t}" for t in CHILDREN]
    names += [f"hd_append_replace_{t}" for t in APPEND_ONLY_V2]
    names += [f"hd_settled_{k}_{t}" for t in SETTLED_INPUTS for k in ("ins", "upd", "del")]
    names += [f"hd_keep_id_{t}" for t in GUARDED]
    return names + ["hd_final_owner_handovers", "hd_final_owner_projects"]


def drop_v2() -> None:
    """Back to 0002's rules (and 0005/0007's append-only tables as they were)."""
    if op.get_bind().dialect.name == "sqlite":
        for name in v2_trigger_names() + [f"hd_final_upd_{t}" for t in DOCUMENTS]:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for t in DOCUMENTS:
            op.execute(_sqlite_document(t)[0])
        return
    for t in SETTLED_INPUTS:
        op.execute(f"DROP TRIGGER IF EXISTS hd_settled_{t} ON {t}")
    for t in GUARDED:
        op.execute(f"DROP TRIGGER IF EXISTS hd_no_truncate_{t} ON {t}")
    for fn in ("hd_settled_input()", "hd_settled(integer)", "hd_no_truncate()"):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    for sql in PG_FUNCTIONS[:2]:
        op.execute(sql)
