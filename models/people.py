"""People: users of the app, owners and occupants, and who owns which unit."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, StrEnum, Versioned
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded
from .project import Unit


class Relation(Coded):
    """A person's tie to a unit: 业主 or 使用人."""

    OWNER = "owner"
    OCCUPANT = "occupant"


class IdKind(Coded):
    """The kind of identity document a person's number is checked as."""

    ID_CARD = "id_card"
    PASSPORT = "passport"
    PERMIT = "permit"
    CREDIT_CODE = "credit_code"


# The identity documents an owner is registered with (a company: its 统一社会信用代码), in form order.
ID_KINDS = tuple(IdKind)
RELATIONS = tuple(Relation)


class Role(Coded):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    def at_least(self, other: Role) -> bool:
        order = [Role.CLERK, Role.SUPERVISOR, Role.ADMIN]
        return order.index(self) >= order.index(other)


class User(Versioned, Base):
    __tablename__ = "users"
    __label__ = QT_TRANSLATE_NOOP("audit", "用户")
    __audit_exclude__ = frozenset({"password_hash"})

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[Role] = mapped_column(StrEnum(Role), default=Role.CLERK)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # a disabled account stays, for the history
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)  # after an admin's reset
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)  # wrong passwords in a row
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # no login before this


class Owner(Versioned, Base):
    """业主 or 使用人; personal data is shown masked unless the role may see it."""

    __tablename__ = "owners"
    __label__ = QT_TRANSLATE_NOOP("audit", "业主")
    __audit_masked__ = {"mobile": "phone", "other_phones": "phone", "id_number": "id"}

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)  # a person, or a company's full name
    is_company: Mapped[bool] = mapped_column(Boolean, default=False)
    mobile: Mapped[str] = mapped_column(String(20), default="")  # the first phone, mobile or landline
    other_phones: Mapped[str] = mapped_column(String(200), default="")  # more phones, separated by "、"
    id_kind: Mapped[IdKind] = mapped_column(StrEnum(IdKind), default=IdKind.ID_CARD, server_default=IdKind.ID_CARD.value)
    id_number: Mapped[str] = mapped_column(String(18), default="")

    ownerships: Mapped[list[UnitOwnership]] = relationship(back_populates="owner")


class UnitOwnership(Versioned, Base):
    __tablename__ = "unit_ownerships"
    __table_args__ = (UniqueConstraint("unit_id", "owner_id", "relation"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "房屋产权")

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"), index=True)
    relation: Mapped[Relation] = mapped_column(StrEnum(Relation), default=Relation.OWNER)
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)

    owner: Mapped[Owner] = relationship(back_populates="ownerships")
    unit: Mapped[Unit] = relationship()
