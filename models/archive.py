"""A portable archive of every table: the backup of a PostgreSQL office (and a way to move a SQLite
desk onto a server), loaded back into an empty database exactly.

A zip holding manifest.json (format, schema revision, per table: columns, rows and the sum of every
money column) and one tables/<name>.jsonl per table, a JSON array per row in primary-key order,
each value written by its column's type: dates and times as ISO text, money and other exact amounts
as decimal text, binary as base64. Restoring checks the schema revision, loads the tables in
foreign-key order with the guard triggers lifted for the load only (signed documents come back
signed), moves PostgreSQL's sequences past the ids and compares counts and sums with the manifest.
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    LargeBinary,
    Table,
    func,
    select,
    text,
    type_coerce,
)
from sqlalchemy.types import TypeDecorator

from .db import Database
from .errors import StorageError, ValidationError, file_error
from .i18n import translate
from .migrate import current_revision
from .schema import metadata
from .services.bulk import insert_values
from .types import Scaled

FORMAT = 1
BATCH = 5_000
Progress = Callable[[int, int], object]


def _kind(column: Column[Any]) -> str:
    t = column.type
    if isinstance(t, Scaled):
        return "decimal"
    if isinstance(t, TypeDecorator):
        t = t.impl if not isinstance(t.impl, type) else t.impl()
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, LargeBinary):
        return "bytes"
    return "plain"


ENCODE: dict[str, Callable[[Any], Any]] = {
    "decimal": str, "date": lambda v: v.isoformat(), "datetime": lambda v: v.isoformat(),
    "bytes": lambda v: base64.b64encode(v).decode(),
    "plain": lambda v: getattr(v, "value", v),  # a stored enum: its code
}


DECODE: dict[str, Callable[[Any], Any]] = {
    "decimal": Decimal, "date": dt.date.fromisoformat, "datetime": dt.datetime.fromisoformat,
    "bytes": base64.b64decode, "plain": lambda v: v,
}


def _money_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if isinstance(c.type, Scaled)]


def _rows(conn: Connection, table: Table) -> Iterator[tuple[Any, ...]]:
    pk = list(table.primary_key.columns)
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*pk))
    yield from result


def export_archive(db: Database, out: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Write the archive of the whole database to `out`; returns its manifest."""
    tables = metadata.sorted_tables
    manifest: dict[str, Any] = {"format": FORMAT, "app": "HandoverDesk", "made_at": dt.datetime.now().isoformat(),
                                "revision": current_revision(db.engine), "tables": {}}
    partial = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf, \
                db.engine.connect() as conn:
            for done, table in enumerate(tables, start=1):
                manifest["tables"][table.name] = _export_table(zf, conn, table)
                if progress is not None:
                    progress(done, len(tables))
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        partial.replace(out)
    except OSError as exc:
        raise file_error(exc) from None
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def manifest_rows(manifest: dict[str, Any]) -> int:
    """How many rows an archive holds, over all its tables (what the clerk is told after a backup)."""
    return sum(int(t["rows"]) for t in manifest["tables"].values())


def restored_rows(counts: dict[str, int]) -> int:
    """How many rows import_archive loaded, over all tables."""
    return sum(counts.values())


def _export_table(zf: zipfile.ZipFile, conn: Connection, table: Table) -> dict[str, Any]:
    encoders = [ENCODE[_kind(c)] for c in table.columns]
    money = [(i, c.name) for i, c in enumerate(table.columns) if isinstance(c.type, Scaled)]
    sums = {name: Decimal(0) for _, name in money}
    count = 0
    with zf.open(f"tables/{table.name}.jsonl", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        for row in _rows(conn, table):
            for i, name in money:
                if row[i] is not None:
                    sums[name] += row[i]
            f.write(json.dumps([None if v is None else e(v) for e, v in zip(encoders, row, strict=True)],
                               ensure_ascii=False))
            f.write("\n")
            count += 1
    return {"columns": [c.name for c in table.columns], "rows": count, "sums": {k: str(v) for k, v in sums.items()}}


# ---- restoring ------------------------------------------------------------------------------------

def read_manifest(archive: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(archive) as zf:
            manifest: dict[str, Any] = json.loads(zf.read("manifest.json"))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        raise ValidationError(translate("archive", "“{name}”不是物业交接台的备份文件。").format(name=archive.name)) from None
    if manifest.get("app") != "HandoverDesk" or manifest.get("format") != FORMAT:
        raise ValidationError(translate("archive", "“{name}”不是物业交接台的备份文件（或格式版本不同）。").format(name=archive.name))
    return manifest


def import_archive(db: Database, archive: Path, progress: Progress | None = None) -> dict[str, int]:
    """Load the archive into `db`, which must be empty and at the archive's schema revision."""
    manifest = read_manifest(archive)
    if manifest["revision"] != current_revision(db.engine):
        raise ValidationError(translate("archive", "备份来自数据库结构版本 {revision}，而这个数据库是 {current}：请用相同版本的程序恢复。").format(
            revision=manifest['revision'], current=current_revision(db.engine)))
    counts: dict[str, int] = {}
    total = sum(t["rows"] for t in manifest["tables"].values()) or 1
    done = 0
    with zipfile.ZipFile(archive) as zf, db.engine.begin() as conn:
        _refuse_unless_empty(conn)
        with _triggers_lifted(conn):
            for table in metadata.sorted_tables:
                entry = manifest["tables"].get(table.name)
                if entry is None:
                    continue
                counts[table.name] = _import_table(zf, conn, table, entry)
                done += counts[table.name]
                if progress is not None:
                    progress(done, total)
        _owner_names_indexed(conn)
        _move_sequences(conn)
        _verify(conn, manifest)
    db.refresh_statistics(*counts)
    from .services import results_store  # a database filled anew: nothing computed before still holds

    results_store.forget(db)
    return counts


def _refuse_unless_empty(conn: Connection) -> None:
    for table in metadata.sorted_tables:
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise ValidationError(translate("archive", "恢复只能导入一个空的数据库：这个数据库里已有数据。请新建一个空数据库再恢复。"))


def _import_table(zf: zipfile.ZipFile, conn: Connection, table: Table, entry: dict[str, Any]) -> int:
    if entry["columns"] != [c.name for c in table.columns]:
        raise _not_this_schema(table)
    decode = [(i, DECODE[kind]) for i, c in enumerate(table.columns) if (kind := _kind(c)) != "plain"]
    names, width = entry["columns"], len(entry["columns"])
    count, batch = 0, []
    with zf.open(f"tables/{table.name}.jsonl") as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        for line in f:
            values = json.loads(line)
            if len(values) != width:
                raise _not_this_schema(table)
            for i, d in decode:
                if values[i] is not None:
                    values[i] = d(values[i])
            batch.append(values)
            if len(batch) >= BATCH:
                insert_values(conn, table, names, batch)
                count, batch = count + len(batch), []
    if batch:
        insert_values(conn, table, names, batch)
        count += len(batch)
    return count


def _not_this_schema(table: Table) -> ValidationError:
    return ValidationError(translate("archive", "备份中的表 {name} 与本程序的结构不一致，无法恢复。").format(name=table.name))


class _triggers_lifted:
    """The guard triggers refuse what a load must do (items into signed lists, inputs of a signed
    settlement): lifted inside the load's own transaction, put back before it commits."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.saved: list[str] = []

    def __enter__(self) -> None:
        if self.conn.dialect.name == "postgresql":
            for table in metadata.sorted_tables:
                self.conn.execute(text(f"ALTER TABLE {table.name} DISABLE TRIGGER USER"))
            return
        self.saved = [sql for (sql,) in self.conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL"))]
        for (name,) in self.conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
            self.conn.execute(text(f"DROP TRIGGER {name}"))

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            return  # the transaction rolls back, triggers and all
        if self.conn.dialect.name == "postgresql":
            for table in metadata.sorted_tables:
                self.conn.execute(text(f"ALTER TABLE {table.name} ENABLE TRIGGER USER"))
            return
        for sql in self.saved:
            self.conn.execute(text(sql))


def _owner_names_indexed(conn: Connection) -> None:
    """The ledger filter's owner names (ledger_owner_names and, on SQLite, its FTS index: migration 0014)
    are no table of the archive and are kept by triggers the load lifted: made from the loaded lines
    here, once the triggers are back, so SQLite's FTS trigger indexes each name as it goes in."""
    ignore = ("INSERT OR IGNORE INTO", "") if conn.dialect.name == "sqlite" else ("INSERT INTO", " ON CONFLICT (name) DO NOTHING")
    conn.execute(text(f"{ignore[0]} ledger_owner_names(name) SELECT DISTINCT owner_name FROM ledger_lines "
                      f"WHERE owner_name <> ''{ignore[1]}"))


def _move_sequences(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for table in metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].name == "id" and pk[0].autoincrement:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                              f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"))


def table_figures(conn: Connection) -> dict[str, dict[str, Any]]:
    """Per table: rows and the sum of each money column (what the manifest promises)."""
    out: dict[str, dict[str, Any]] = {}
    for table in metadata.sorted_tables:
        money = _money_columns(table)
        raw = (func.coalesce(func.sum(type_coerce(table.c[m], BigInteger)), 0) for m in money)  # exact integers
        figures = conn.execute(select(func.count(), *raw).select_from(table)).one()
        out[table.name] = {"rows": figures[0],
                           "sums": {m: Decimal(int(v)).scaleb(-table.c[m].type.places)  # type: ignore[attr-defined]
                                    for m, v in zip(money, figures[1:], strict=True)}}
    return out


def _verify(conn: Connection, manifest: dict[str, Any]) -> None:
    found = table_figures(conn)
    for name, entry in manifest["tables"].items():
        want = {"rows": entry["rows"], "sums": {k: Decimal(v) for k, v in entry["sums"].items()}}
        if name in found and found[name] != want:
            raise StorageError(translate("archive", "恢复后的表 {name} 与备份记录不符，已全部撤销（行数或金额合计不同）。").format(name=name))
