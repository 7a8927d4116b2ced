"""Flush-time guards: signed documents are final, event logs are append-only.

These run for every ORM flush, so no service can forget them; the database
triggers added by migration 0002 repeat the rule for raw SQL.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from .base import Base, DocStatus
from .errors import DomainError, SignedRecordError

FINAL = (DocStatus.SIGNED, DocStatus.CANCELLED)
# What may change on a signed document: only cancelling it (and the lock columns).
CANCEL_COLUMNS = {"status", "version", "updated_at"}


def _old_status(obj: Base) -> DocStatus | None:
    hist = inspect(obj).attrs["status"].history
    if hist.deleted:
        return hist.deleted[0]
    return hist.unchanged[0] if hist.unchanged else getattr(obj, "status", None)


def _changed_columns(obj: Base) -> set[str]:
    state = inspect(obj)
    return {a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.has_changes()}


def _check_document(obj: Base, deleting: bool) -> None:
    if _old_status(obj) not in FINAL:
        return
    if deleting:
        raise SignedRecordError(obj.__label__)
    cancelling = obj.status is DocStatus.CANCELLED and _old_status(obj) is DocStatus.SIGNED
    if not (cancelling and _changed_columns(obj) <= CANCEL_COLUMNS):
        raise SignedRecordError(obj.__label__)


def _check_child(obj: Base) -> None:
    parent = getattr(obj, obj.__docstatus_parent__)  # type: ignore[attr-defined]
    if parent is not None and _old_status(parent) in FINAL:
        raise SignedRecordError(parent.__label__)


def _check_defect_status(obj: Any) -> None:
    """Illegal lifecycle moves are refused whatever code path makes them."""
    from .rules.defect_lifecycle import check_transition

    hist = inspect(obj).attrs["status"].history
    if hist.deleted and hist.added:
        check_transition(hist.deleted[0], hist.added[0])


def _check(obj: Any, deleting: bool, new: bool) -> None:
    if getattr(obj, "__tablename__", "") == "defects" and not new:
        _check_defect_status(obj)
    if getattr(obj, "__docstatus__", False) and not new:
        _check_document(obj, deleting)
    if getattr(obj, "__docstatus_parent__", None):
        _check_child(obj)
    if getattr(obj, "__append_only__", False) and not new:
        raise DomainError(f"{obj.__label__}只能追加，不能修改或删除。")


@event.listens_for(Session, "before_flush")
def _guard(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in session.new:
        _check(obj, deleting=False, new=True)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _check(obj, deleting=False, new=False)
    for obj in session.deleted:
        _check(obj, deleting=True, new=False)
