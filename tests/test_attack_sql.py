"""An attacker with database access runs raw SQL: nothing signed changes (issue 10 point 7).

On SQLite the statements run on a connection of the attacker's own (the sqlite3 module with none of
the app's pragmas: no recursive_triggers, so REPLACE deletes without delete triggers); on PostgreSQL
on a plain connection of the server. After each refused statement every signed record, every input
of the signed settlement and the audit log are exactly as before.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from models.base import DocStatus
from models.fees import Decision, Settlement
from models.handover import HandoverItem, HandoverList
from models.services import reconcile as rc
from models.services.settlement import sign_settlement

SIGNED_TABLES = ("settlements", "handover_lists", "handover_items", "audit_log", "ledger_lines", "fee_differences",
                 "meter_readings", "deposit_dispositions", "key_events", "defect_status_changes")


@pytest.fixture
def signed(db, book) -> dict[str, int]:
    """A signed settlement over the book, a signed list and a draft list with one item each."""
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    sign_settlement(db, book)
    ids: dict[str, int] = {"handover": book}
    for status in (DocStatus.SIGNED, DocStatus.DRAFT):
        with db.begin() as s:
            lst = HandoverList(handover_id=book, title=f"清单{status.value}")
            lst.items.append(HandoverItem(seq=1, category="实物", name="灭火器", uom="个", expected_qty=2))
            s.add(lst)
            s.flush()
            ids[f"{status.value}_list"], ids[f"{status.value}_item"] = lst.id, lst.items[0].id
    with db.begin() as s:
        lst = s.get(HandoverList, ids["signed_list"])
        lst.status, lst.signed_at = DocStatus.SIGNED, dt.datetime(2026, 7, 1, 10, 0)
    with db.read() as s:
        ids["settlement"] = s.scalar(select(Settlement.id))
    return ids


def _state(db) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in SIGNED_TABLES}


def _sqlite_path(db) -> str:
    return str(db.engine.url.database)


# What the attacker's own connection raises when the database refuses: sqlite3's or the driver's, wrapped.
DB_REFUSAL = (sqlite3.DatabaseError, DBAPIError)


@contextmanager
def attacker(db) -> Iterator[Any]:
    """A cursor-like `run(sql, params)` on the attacker's own connection; each statement its own transaction."""
    if db.is_sqlite:
        conn = sqlite3.connect(_sqlite_path(db), isolation_level=None)
        conn.execute("PRAGMA foreign_keys=OFF")  # the attacker's choice, not ours

        def run(sql: str, params: dict[str, Any] | None = None) -> None:
            conn.execute(sql.replace("%(", ":").replace(")s", ""), params or {})
        try:
            yield run
        finally:
            conn.close()
        return
    with db.engine.connect() as conn:
        def run_pg(sql: str, params: dict[str, Any] | None = None) -> None:
            try:
                conn.exec_driver_sql(sql, params or {})
                conn.commit()
            except Exception:
                conn.rollback()
                raise
        yield run_pg


def _refused(db, statement: str, params: dict[str, Any] | None = None) -> None:
    before = _state(db)
    with attacker(db) as run, pytest.raises(Exception, match="HD_FINAL|HD_APPEND_ONLY"):
        run(statement, params)
    assert _state(db) == before


def _row(db, table: str, row_id: int) -> dict[str, Any]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text(f"SELECT * FROM {table} WHERE id = :i"), {"i": row_id}).mappings().one())


def _replace_sql(db, table: str, row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """INSERT OR REPLACE on SQLite; PostgreSQL's equivalent INSERT … ON CONFLICT DO UPDATE."""
    cols = list(row)
    values = ", ".join(f"%({c})s" for c in cols)
    if db.is_sqlite:
        return f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({values})", row
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c != "id")
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({values}) ON CONFLICT (id) DO UPDATE SET {updates}", row


def test_replace_cannot_rewrite_a_signed_settlements_net_amount(db, signed):
    row = {**_row(db, "settlements", signed["settlement"]), "net_due_to_incoming": 1}
    _refused(db, *_replace_sql(db, "settlements", row))


def test_replace_cannot_rewrite_a_signed_lists_title(db, signed):
    row = {**_row(db, "handover_lists", signed["signed_list"]), "title": "改过的标题"}
    _refused(db, *_replace_sql(db, "handover_lists", row))


def test_replace_cannot_rewrite_a_signed_lists_item(db, signed):
    row = {**_row(db, "handover_items", signed["signed_item"]), "list_id": signed["draft_list"], "name": "偷换"}
    _refused(db, *_replace_sql(db, "handover_items", row))


def test_replace_cannot_rewrite_an_audit_row(db, signed):
    with db.engine.connect() as conn:
        first = conn.execute(text("SELECT min(id) FROM audit_log")).scalar_one()
    row = {**_row(db, "audit_log", first), "username": "别人"}
    _refused(db, *_replace_sql(db, "audit_log", row))


def test_an_item_cannot_move_onto_a_signed_list(db, signed):
    _refused(db, "UPDATE handover_items SET list_id = %(l)s WHERE id = %(i)s",
             {"l": signed["signed_list"], "i": signed["draft_item"]})


def test_an_item_cannot_take_the_id_of_a_signed_lists_item(db, signed):
    verb = "UPDATE OR REPLACE" if db.is_sqlite else "UPDATE"
    before = _state(db)
    with attacker(db) as run, pytest.raises(DB_REFUSAL):
        run(f"{verb} handover_items SET id = %(s)s WHERE id = %(d)s", {"s": signed["signed_item"],
                                                                        "d": signed["draft_item"]})
    assert _state(db) == before


@pytest.mark.parametrize("statement", [
    "UPDATE ledger_lines SET billed = billed + 100000 WHERE handover_id = %(h)s",
    "DELETE FROM ledger_lines WHERE handover_id = %(h)s",
    "INSERT INTO ledger_lines (handover_id, source, owner_name, period_start, period_end, billed, paid, receipt_no, "
    "remark, contact) VALUES (%(h)s, 'theirs', '', '2026-01-01', '2026-01-31', 100, 0, '', '', '')",
    "UPDATE fee_differences SET decision = '不计入' WHERE handover_id = %(h)s",
    "DELETE FROM fee_differences WHERE handover_id = %(h)s",
    "UPDATE meter_readings SET reading = 1 WHERE handover_id = %(h)s",
    "DELETE FROM meter_readings WHERE handover_id = %(h)s",
    "INSERT INTO deposit_dispositions (handover_id, period_start, action, note, version, updated_at) "
    "VALUES (%(h)s, '2026-03-05', '退还业主', '', 1, '2026-07-01 00:00:00')",
    "UPDATE settlements SET status = 'cancelled' WHERE handover_id = %(h)s",
    "UPDATE settlements SET status = 'draft' WHERE handover_id = %(h)s",
    "DELETE FROM settlements WHERE handover_id = %(h)s",
])
def test_the_inputs_and_status_of_a_signed_settlement_do_not_change(db, signed, statement):
    _refused(db, statement, {"h": signed["handover"]})


@pytest.mark.parametrize("statement", [
    "TRUNCATE audit_log",
    "TRUNCATE handovers CASCADE",
    "TRUNCATE settlements CASCADE",
    "TRUNCATE handover_lists CASCADE",
    "TRUNCATE ledger_lines",
    "TRUNCATE projects CASCADE",
])
def test_truncate_cannot_empty_signed_or_append_only_tables(db, signed, statement):
    if db.is_sqlite:  # SQLite has no TRUNCATE: its DELETE (with foreign keys off) goes through the triggers
        statement = "DELETE FROM " + statement.split()[1]
    before = _state(db)
    with attacker(db) as run, pytest.raises(DB_REFUSAL):
        run(statement)
    assert _state(db) == before
