"""The append-only audit log (操作日志) and the flush hook that fills it."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, event, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, now


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


def _dump(values: dict[str, Any]) -> str:
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


def _row(session: Session, action: str, obj: Base, before: str | None, after: str | None) -> dict:
    user = session.info.get("user")
    return {
        "at": now(), "user_id": getattr(user, "id", None),
        "username": getattr(user, "username", "") or "", "action": action,
        "table_name": obj.__tablename__, "record_id": getattr(obj, "id", None),
        "before": before, "after": after, "note": "",
    }


def _audit_rows(session: Session) -> list[dict]:
    rows = []
    for obj in session.new:
        if getattr(obj, "__audited__", False):
            rows.append(_row(session, "insert", obj, None, _dump(_snapshot(obj))))
    for obj in session.dirty:
        if getattr(obj, "__audited__", False) and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if before or after:
                rows.append(_row(session, "update", obj, _dump(before), _dump(after)))
    for obj in session.deleted:
        if getattr(obj, "__audited__", False):
            rows.append(_row(session, "delete", obj, _dump(_snapshot(obj)), None))
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
    user = session.info.get("user")
    session.connection().execute(insert(AuditLog.__table__), [{
        "at": now(), "user_id": getattr(user, "id", None),
        "username": getattr(user, "username", "") or "", "action": action,
        "table_name": table, "record_id": record_id, "before": None, "after": None, "note": note,
    }])


def record_change(session: Session, table: str, record_id: int, before: dict[str, Any],
                  after: dict[str, Any]) -> None:
    """Audit an UPDATE made with Core (a conditional update the flush hook never sees)."""
    user = session.info.get("user")
    session.connection().execute(insert(AuditLog.__table__), [{
        "at": now(), "user_id": getattr(user, "id", None),
        "username": getattr(user, "username", "") or "", "action": "update",
        "table_name": table, "record_id": record_id, "before": _dump(before), "after": _dump(after), "note": "",
    }])
