"""Project (小区), its buildings (楼栋) and units (房屋)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, StrEnum, Versioned
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded
from .types import Area


class ProjectKind(Coded):
    """What a community is (住宅, 写字楼…)."""

    RESIDENTIAL = "residential"
    OFFICE = "office"
    COMMERCIAL = "commercial"
    MIXED = "mixed"


class UnitUse(Coded):
    """What a unit is used as (住宅, 商铺, 车位…)."""

    RESIDENCE = "residence"
    SHOP = "shop"
    OFFICE = "office"
    PARKING = "parking"
    STORAGE = "storage"


class Occupancy(Coded):
    """Whether a unit is lived in."""

    VACANT = "vacant"
    OCCUPIED = "occupied"
    RENOVATING = "renovating"


# The choices a form offers, in the order it offers them.
PROJECT_KINDS = tuple(ProjectKind)
UNIT_USES = tuple(UnitUse)
OCCUPANCIES = tuple(Occupancy)


class Project(Versioned, Base):
    __tablename__ = "projects"
    __label__ = QT_TRANSLATE_NOOP("audit", "项目")

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ProjectKind] = mapped_column(StrEnum(ProjectKind), default=ProjectKind.RESIDENTIAL)
    manager_company: Mapped[str] = mapped_column(String(100), default="")

    buildings: Mapped[list[Building]] = relationship(back_populates="project")


class Building(Versioned, Base):
    __tablename__ = "buildings"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "楼栋")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    sort_no: Mapped[int] = mapped_column(Integer, default=0)

    project: Mapped[Project] = relationship(back_populates="buildings")
    units: Mapped[list[Unit]] = relationship(back_populates="building")


class Unit(Versioned, Base):
    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "房屋")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), index=True)
    # As people write it: "3栋2单元1201", "B座-1502", "车位 B2-117".
    number: Mapped[str] = mapped_column(String(40))
    # 单元 and floor as confirmed at the desk; "" means "as the number says" (parse_unit_number).
    entrance: Mapped[str] = mapped_column(String(10), default="", server_default="")
    floor: Mapped[str] = mapped_column(String(10), default="", server_default="")
    area: Mapped[Decimal | None] = mapped_column(Area)
    use: Mapped[UnitUse] = mapped_column(StrEnum(UnitUse), default=UnitUse.RESIDENCE)
    occupancy: Mapped[Occupancy] = mapped_column(StrEnum(Occupancy), default=Occupancy.VACANT)

    building: Mapped[Building | None] = relationship(back_populates="units")
