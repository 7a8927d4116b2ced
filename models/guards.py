"""Flush-time guards: signed documents are final, event logs are append-only.

These run for every ORM flush, so no service can forget them; the database
triggers (migrations 0002 and 0008, models/migrations/guards_sql.py) repeat the rule for raw SQL.
A settlement's inputs (`__settled_input__`: ledger lines, differences, deposit dispositions, meter
readings) are frozen while the handover's latest settlement is signed.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from .base import Base, DocStatus
from .errors import DomainError, SignedRecordError
from .field_labels import check_text
from .i18n import translate

FINAL = (DocStatus.SIGNED, DocStatus.CANCELLED)


def _old_status(obj: Base) -> DocStatus | None:
    hist = inspect(obj).attrs["status"].history
    if hist.deleted:
        return hist.deleted[0]
    return hist.unchanged[0] if hist.unchanged else getattr(obj, "status", None)


def _check_document(obj: Base, deleting: bool) -> None:
    """A signed document does not change, is not deleted and is not cancelled either: cancelling a
    signed settlement would reopen the fees it settled. A correction is an amendment (a new version)."""
    if _old_status(obj) in FINAL:
        raise SignedRecordError(obj.__label__)


def _check_child(session: Session, obj: Base) -> None:
    """Nothing changes on a signed document's lines, and no line moves onto (or off) one."""
    rel = inspect(obj).mapper.relationships[obj.__docstatus_parent__]  # type: ignore[attr-defined]
    parent = getattr(obj, rel.key)
    if parent is not None and _old_status(parent) in FINAL:
        raise SignedRecordError(parent.__label__)
    fk = str(next(iter(rel.local_columns)).key)
    hist = inspect(obj).attrs[fk].history
    for parent_id in {*hist.added, *hist.deleted}:
        other = session.get(rel.mapper.class_, parent_id) if parent_id is not None else None
        if other is not None and _old_status(other) in FINAL:
            raise SignedRecordError(other.__label__)


def _settled(session: Session, handover_id: int | None, cache: dict[int, bool]) -> bool:
    """Whether the handover's latest settlement is signed (its ledgers, differences, deposits and
    readings are then what was signed)."""
    if handover_id is None:
        return False
    if handover_id not in cache:
        from .services.settlement_state import latest_settlement

        with session.no_autoflush:
            current = latest_settlement(session, handover_id)
        cache[handover_id] = current is not None and current.status is DocStatus.SIGNED
    return cache[handover_id]


def _check_settled_input(session: Session, obj: Base, cache: dict[int, bool]) -> None:
    hist = inspect(obj).attrs["handover_id"].history
    for handover_id in {*hist.added, *hist.deleted, *hist.unchanged}:
        if _settled(session, handover_id, cache):
            raise SignedRecordError(translate("guards", "财务结算已签署，其{label}").format(
                label=translate("audit", obj.__label__)))


def _check_defect_status(obj: Any) -> None:
    """Illegal lifecycle moves are refused whatever code path makes them."""
    from .rules.defect_lifecycle import check_transition

    hist = inspect(obj).attrs["status"].history
    if hist.deleted and hist.added:
        check_transition(hist.deleted[0], hist.added[0])


def _check_lengths(obj: Any, new: bool) -> None:
    """Text longer than its column is the clerk's field message here, on SQLite as on PostgreSQL."""
    state = inspect(obj)
    table = obj.__tablename__
    for attr in state.mapper.column_attrs:
        if new or state.attrs[attr.key].history.added:
            check_text(table, attr.columns[0].name, getattr(obj, attr.key))


def _check(session: Session, obj: Any, deleting: bool, new: bool, cache: dict[int, bool]) -> None:
    if not deleting:
        _check_lengths(obj, new)
    if getattr(obj, "__tablename__", "") == "defects" and not new:
        _check_defect_status(obj)
    if getattr(obj, "__docstatus__", False) and not new:
        _check_document(obj, deleting)
    if getattr(obj, "__docstatus_parent__", None):
        _check_child(session, obj)
    if getattr(obj, "__settled_input__", False):
        _check_settled_input(session, obj, cache)
    if getattr(obj, "__append_only__", False) and not new:
        raise DomainError(translate("guards", "{label}只能追加，不能修改或删除。").format(
            label=translate("audit", obj.__label__)))


@event.listens_for(Session, "before_flush")
def _guard(session: Session, flush_context: Any, instances: Any) -> None:
    cache: dict[int, bool] = {}
    for obj in session.new:
        _check(session, obj, deleting=False, new=True, cache=cache)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _check(session, obj, deleting=False, new=False, cache=cache)
    for obj in session.deleted:
        _check(session, obj, deleting=True, new=False, cache=cache)
