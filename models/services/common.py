"""Helpers every service uses: loading a record for a save with its version checked."""
from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import CursorResult, Result, select
from sqlalchemy.orm import Session

from ..base import Base
from ..errors import NotFoundError, StaleRecordError
from ..handover import Handover
from ..i18n import translate

T = TypeVar("T", bound=Base)


def rows_matched(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched. Session.execute is typed to return a plain Result; for a
    DML statement it is a CursorResult, the one that carries rowcount."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"{type(result).__name__} is not the result of an UPDATE or DELETE")
    return result.rowcount


def get(session: Session, cls: type[T], record_id: int) -> T:
    obj = session.get(cls, record_id)
    if obj is None:
        raise NotFoundError(translate("common", "{label}（编号 {record_id}）不存在。").format(
            label=translate("audit", cls.__label__), record_id=record_id))
    return obj


def get_for_save(session: Session, cls: type[T], record_id: int, seen_version: int) -> T:
    """The record as the clerk saw it, or StaleRecordError if someone saved since."""
    obj = get(session, cls, record_id)
    if obj.version != seen_version:  # type: ignore[attr-defined]
        raise StaleRecordError(cls.__label__)
    return obj


def get_locked(session: Session, cls: type[T], record_id: int) -> T:
    """The record, its row locked until the transaction ends (SELECT … FOR UPDATE on PostgreSQL;
    on SQLite the caller's BEGIN IMMEDIATE already holds the write lock)."""
    pk = cls.__mapper__.primary_key[0]
    obj = session.scalars(select(cls).where(pk == record_id).with_for_update()).first()
    if obj is None:
        raise NotFoundError(translate("common", "{label}（编号 {record_id}）不存在。").format(
            label=translate("audit", cls.__label__), record_id=record_id))
    return obj


def lock_handover(session: Session, handover_id: int) -> Handover:
    """The handover, locked: its ledger import, reconciliation, signing of a list or the settlement,
    and an edit of its parties run one after another, never one under another (ledger_state)."""
    return get_locked(session, Handover, handover_id)
