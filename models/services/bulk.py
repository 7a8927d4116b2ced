"""Bulk writes: the reconciliation's differences, the demo, a ledger import, an archive's restore.

SQLAlchemy's per-value bind processing is most of the cost of writing 700,000 differences (about
17 of 22 seconds on the large demo). Here the caller gives stored values — integer fen, enum
values — and only dates go through the dialect's own bind processor, so the storage format stays
SQLAlchemy's and the rows read back exactly as ORM-written ones.

On PostgreSQL (psycopg) the rows go in with COPY on the session's own driver connection, inside its
transaction: an executemany sends one INSERT per row, which on 400,000 differences was most of the
reconciliation's time there. COPY fires the tables' row triggers (the settled-input guard) and checks
the foreign keys as INSERT does; the audit log never saw these rows one by one either way (the caller
writes one summary row for them).

On SQLite the rows go in as multi-row INSERTs of up to 2,000 rows (fewer where SQLite's limit on a
statement's variables is lower). A statement that a trigger or a foreign key may abort keeps a
statement journal: every page it changes that the transaction had already changed is copied there
first. One row per statement copied the table's and each index's page for every row — 407,000
differences took 17 s, against 5 s in statements of 2,000 rows (the guard triggers fire per row
either way).

`insert_rows` takes rows as `insert(table)` takes them (Python values) and runs each value through its
column's own bind processor — the conversion SQLAlchemy's executemany applies — before the same
writer, so what is stored is byte for byte what `session.execute(insert(table), rows)` stored. A
column the rows leave out gets its Python-side default as SQLAlchemy would give it (a callable once
per row); a server-side default or an autoincrement id is left to the database.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def temporal_binders(session: Session) -> tuple[Callable[[dt.date | None], Any], Callable[[dt.datetime | None], Any]]:
    """How this backend stores a date and a datetime (SQLite: text; PostgreSQL: as is).

    The dialect's own types: the generic Date has no bind processor, which left SQLite's dates to the
    sqlite3 module's default adapters (deprecated since Python 3.12, and a call per value)."""
    dialect = session.connection().dialect
    as_date = Date().dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
    as_datetime = DateTime().dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
    return as_date, as_datetime


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows keyed by column name, every row with the first row's keys (as an executemany needs)."""
    if not rows:
        return
    names = list(rows[0])
    defaults = [c for c in table.columns if c.name not in rows[0] and c.default is not None]
    values = [[row[name] for name in names] for row in rows]
    for column in defaults:
        default: Any = column.default
        if default.is_scalar:
            for v in values:
                v.append(default.arg)
        elif default.is_callable:
            for v in values:
                v.append(default.arg(None))  # SQLAlchemy wraps a no-argument callable to take a context
        else:
            raise TypeError(f"{table.name}.{column.name}: a default of this kind is not written in bulk")
        names.append(column.name)
    insert_values(conn, table, names, values)


def insert_values(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[list[Any]]) -> None:
    """Rows of Python values in `columns` order, converted in place to what the database stores."""
    dialect = conn.dialect
    convert = [(i, p) for i, name in enumerate(columns)
               if (p := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    if convert:
        for row in rows:
            for i, p in convert:
                row[i] = p(row[i])
    write_stored(conn, table, columns, rows)


def insert_stored(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    write_stored(session.connection(), table, columns, rows)


def write_stored(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    for name in columns:
        table.c[name]  # a typo in a column name fails here, not as SQL
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        assert conn.dialect.dbapi is not None
        error = conn.dialect.dbapi.Error
        try:
            _copy(conn.connection.driver_connection, sql, rows)
        except error as exc:  # as SQLAlchemy would raise it, so a guard's refusal reads as one
            raise DBAPIError.instance(sql, None, exc, error, dialect=conn.dialect) from exc
        return
    mark = PLACEHOLDER[conn.dialect.paramstyle]
    one = f"({', '.join([mark] * len(columns))})"
    head = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(head + one, [tuple(r) for r in rows])
        return
    per = max(1, min(SQLITE_ROWS_PER_STATEMENT, _variable_limit(conn.connection.driver_connection) // len(columns)))
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        conn.exec_driver_sql(head + ", ".join([one] * len(chunk)), tuple(v for row in chunk for v in row))


SQLITE_ROWS_PER_STATEMENT = 2_000  # past this the journal saves little and the statement text grows
SQLITE_DEFAULT_VARIABLES = 999  # SQLite before 3.32; later ones allow 32,766


def _variable_limit(driver: Any) -> int:
    """How many ? one statement may hold (Python 3.11's sqlite3 can ask)."""
    try:
        return int(driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        return SQLITE_DEFAULT_VARIABLES


def _copy(driver: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """COPY in text form: psycopg writes each value as the server's input text for the column (dates,
    integer fen, enum values as stored), so the rows are what the INSERT would have stored."""
    with driver.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
