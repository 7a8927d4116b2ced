"""Helpers every service uses: loading a record for a save with its version checked."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ..base import Base
from ..errors import NotFoundError, StaleRecordError

T = TypeVar("T", bound=Base)


def get(session: Session, cls: type[T], record_id: int) -> T:
    obj = session.get(cls, record_id)
    if obj is None:
        raise NotFoundError(f"{cls.__label__}（编号 {record_id}）不存在。")
    return obj


def get_for_save(session: Session, cls: type[T], record_id: int, seen_version: int) -> T:
    """The record as the clerk saw it, or StaleRecordError if someone saved since."""
    obj = get(session, cls, record_id)
    if obj.version != seen_version:  # type: ignore[attr-defined]
        raise StaleRecordError(cls.__label__)
    return obj
