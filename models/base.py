"""Declarative base and the mixins every business record shares."""
from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded

# Explicit constraint names so Alembic migrations are stable on both backends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    if TYPE_CHECKING:
        # SQLAlchemy types __table__ as any FromClause (a class may map a join or a select); every record
        # here maps one Table, and the audit, archive and demo writers use it as one.
        __table__: ClassVar[Table]

    # Business records are audited; the audit log itself turns this off.
    __audited__: bool = True
    # Columns never copied into the audit log (password hashes, blobs).
    __audit_exclude__: frozenset[str] = frozenset()
    # Personal data copied into the audit log only masked: column -> "phone" | "id" (models.audit.MASKS).
    __audit_masked__: dict[str, str] = {}
    # Human name of the record, used in messages to the clerk.
    __label__: str = QT_TRANSLATE_NOOP("audit", "记录")


class DocStatus(Coded):
    """草稿 → 已签署 → (作废), one rule for every document (as ERPNext's docstatus)."""

    DRAFT = "draft"
    SIGNED = "signed"
    CANCELLED = "cancelled"


class StrEnum(TypeDecorator[Any]):
    """Store a str-valued enum as its value in a plain VARCHAR (no native enum to migrate)."""

    impl = String(16)
    cache_ok = True

    def __init__(self, enum_cls: type[enum.Enum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else self.enum_cls(value)



class OptionalStrEnum(StrEnum):
    """A StrEnum column where "" (the old empty word) means no member: None in Python."""

    cache_ok = True  # SQLAlchemy asks each TypeDecorator subclass itself (not inherited)

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return "" if value is None or value == "" else self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None or value == "" else self.enum_cls(value)

def now() -> dt.datetime:
    """Wall-clock time without microseconds, the way a clerk reads it."""
    return dt.datetime.now().replace(microsecond=0)


class Versioned:
    """Optimistic locking: every UPDATE checks and bumps `version`."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, default=now, onupdate=now
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
