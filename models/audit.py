"""The append-only audit log (操作日志) and the hooks that fill it.

Every change made through a session is written here in the same transaction: ORM flushes row by
row (after_flush), and bulk UPDATE/DELETE statements row by row too (do_orm_execute), unless the
caller says it audits the statement itself (execution option hd_audit="done": key custody's
conditional update) or that a summary row stands for it (hd_audit="summary": re-imported ledgers,
re-made open differences). Personal data is kept masked here (PIPL minimisation): this table is
append-only and kept forever, the owner record keeps the real value. No write without a user.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, Delete, Integer, String, Table, Text, Update, event, insert, inspect, select
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from .base import Base, now
from .errors import AuthError
from .i18n import QT_TRANSLATE_NOOP, translate
from .rules.idcard import mask_id_number, mask_phones

MASKS: dict[str, Callable[[str], str]] = {"phone": mask_phones, "id": mask_id_number}
BULK_CHUNK = 2_000
NO_USER = QT_TRANSLATE_NOOP("audit", "未登录，不能保存任何修改：请先登录（命令行请用 --user 或 HANDOVERDESK_USER）。")


class AuditLog(Base):
    __tablename__ = "audit_log"
    __audited__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(16))  # insert / update / delete / or a verb
    table_name: Mapped[str] = mapped_column(String(40), index=True)
    record_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


def _user(session: Session) -> Any:
    """Who is making the change; every audit row names a real user, so nothing is written without one."""
    user = session.info.get("user")
    if user is None or not (getattr(user, "username", "") or ""):
        raise AuthError(translate("audit", NO_USER))
    return user


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _masked(cls: Any, values: dict[str, Any]) -> dict[str, Any]:
    masks = getattr(cls, "__audit_masked__", {})
    return {k: (MASKS[masks[k]](v) if k in masks and isinstance(v, str) else v) for k, v in values.items()}


def _dump(values: dict[str, Any], cls: Any = None) -> str:
    values = _masked(cls, values) if cls is not None else values
    return json.dumps({k: _plain(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def _columns(obj: Base) -> list[str]:
    names = [c.key for c in inspect(obj).mapper.column_attrs]
    return [n for n in names if n not in obj.__audit_exclude__]


def _snapshot(obj: Base) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in _columns(obj)}


def _changes(obj: Base) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in _columns(obj):
        hist = state.attrs[name].history
        if hist.has_changes():
            before[name] = hist.deleted[0] if hist.deleted else None
            after[name] = hist.added[0] if hist.added else None
    return before, after


def _entry(session: Session, action: str, table: str, record_id: Any, before: str | None, after: str | None,
           note: str = "") -> dict:
    user = _user(session)
    return {
        "at": now(), "user_id": getattr(user, "id", None), "username": getattr(user, "username", ""),
        "action": action, "table_name": table, "record_id": record_id, "before": before, "after": after,
        "note": note,
    }


def _row(session: Session, action: str, obj: Base, before: str | None, after: str | None) -> dict:
    return _entry(session, action, obj.__tablename__, getattr(obj, "id", None), before, after)


def _audit_rows(session: Session) -> list[dict]:
    rows = []
    for obj in session.new:
        if getattr(obj, "__audited__", False):
            rows.append(_row(session, "insert", obj, None, _dump(_snapshot(obj), obj)))
    for obj in session.dirty:
        if getattr(obj, "__audited__", False) and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if before or after:
                rows.append(_row(session, "update", obj, _dump(before, obj), _dump(after, obj)))
    for obj in session.deleted:
        if getattr(obj, "__audited__", False):
            rows.append(_row(session, "delete", obj, _dump(_snapshot(obj), obj), None))
    return rows


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, flush_context: Any) -> None:
    # Written with Core inside the flush's own transaction: the change and its
    # audit row commit together or not at all.
    rows = _audit_rows(session)
    if rows:
        session.connection().execute(insert(AuditLog.__table__), rows)


def record_action(session: Session, action: str, table: str, record_id: int | None, note: str) -> None:
    """Audit an action that is not a row change (a login, an unmasking, a bulk import)."""
    session.connection().execute(insert(AuditLog.__table__),
                                 [_entry(session, action, table, record_id, None, None, note)])


def record_change(session: Session, table: str, record_id: int, before: dict[str, Any],
                  after: dict[str, Any]) -> None:
    """Audit an UPDATE the caller made with Core and marked hd_audit="done" (a conditional update)."""
    cls = _audited_class(table)
    session.connection().execute(insert(AuditLog.__table__), [
        _entry(session, "update", table, record_id, _dump(before, cls), _dump(after, cls))])


# ---- bulk UPDATE and DELETE statements -------------------------------------------------------------

def _audited_class(table_name: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.class_.__table__.name == table_name:
            return mapper.class_ if mapper.class_.__audited__ else None
    return None


def _set_columns(statement: Any, table: Table) -> list[str]:
    """The columns an UPDATE sets (all of them where the statement does not say)."""
    values = getattr(statement, "_values", None) or {}
    names = [getattr(k, "key", k) for k in values]
    return [n for n in names if isinstance(n, str) and n in table.c] or [c.key for c in table.c]


def _fetch(session: Session, table: Table, columns: Sequence[str], where: Any) -> dict[Any, tuple[Any, ...]]:
    """Record id -> the values of `columns` (a tuple: a bulk statement can touch 400,000 rows)."""
    pk = table.primary_key.columns[0]
    query = select(pk, *(table.c[n] for n in columns))
    if where is not None:
        query = query.where(where)
    return {r[0]: tuple(r[1:]) for r in session.connection().execute(query)}


@lru_cache(maxsize=4096)
def _dump_pairs(cls: Any, pairs: tuple[tuple[str, Any], ...]) -> str:
    """_dump for a bulk statement's rows, which mostly repeat the same values (one decision on 400,000
    differences): each distinct set of values is encoded once."""
    return _dump(dict(pairs), cls)


def _entries(session: Session, cls: Any, table: Table, columns: Sequence[str], record_id: Any,
             old: tuple[Any, ...], new: tuple[Any, ...] | None) -> dict | None:
    excluded = cls.__audit_exclude__
    if new is None:
        kept = tuple((k, v) for k, v in zip(columns, old, strict=True) if k not in excluded)
        return _entry(session, "delete", table.name, record_id, _dump_pairs(cls, kept), None)
    changed = [i for i, (k, a, b) in enumerate(zip(columns, old, new, strict=True)) if k not in excluded and a != b]
    if not changed:
        return None
    return _entry(session, "update", table.name, record_id,
                  _dump_pairs(cls, tuple((columns[i], old[i]) for i in changed)),
                  _dump_pairs(cls, tuple((columns[i], new[i]) for i in changed)))


def _write_bulk(session: Session, cls: Any, table: Table, columns: Sequence[str],
                before: dict[Any, tuple[Any, ...]], updated: bool) -> None:
    """One audit row per record, a chunk at a time (the new values read back by id for an UPDATE)."""
    pk = table.primary_key.columns[0]
    ids = list(before)
    for i in range(0, len(ids), BULK_CHUNK):
        chunk = ids[i:i + BULK_CHUNK]
        after = _fetch(session, table, columns, pk.in_(chunk)) if updated else {}
        rows = [row for record_id in chunk
                if (row := _entries(session, cls, table, columns, record_id, before[record_id],
                                    after.get(record_id, before[record_id]) if updated else None))]
        if rows:
            session.connection().execute(insert(AuditLog.__table__), rows)


@event.listens_for(Session, "do_orm_execute")
def _audit_bulk(state: ORMExecuteState) -> Any:
    """A bulk UPDATE or DELETE writes one audit row per record it changed, as a flush would."""
    statement = state.statement
    if not isinstance(statement, Update | Delete) or state.execution_options.get("hd_audit"):
        return None
    table = statement.table
    if not isinstance(table, Table):  # a join or an alias: no records table of its own to audit
        return None
    cls = _audited_class(table.name)
    if cls is None:
        return None
    session = state.session
    _user(session)
    columns = _set_columns(statement, table) if state.is_update else [c.key for c in table.c]
    before = _fetch(session, table, columns, statement.whereclause)
    result = state.invoke_statement()
    _write_bulk(session, cls, table, columns, before, state.is_update)
    return result
