"""Project (小区), its buildings (楼栋) and units (房屋)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded
from .types import Area

PROJECT_KINDS = (QT_TRANSLATE_NOOP("words", "住宅"), QT_TRANSLATE_NOOP("words", "写字楼"), QT_TRANSLATE_NOOP("words", "商业"), QT_TRANSLATE_NOOP("words", "混合"))
UNIT_USES = (QT_TRANSLATE_NOOP("words", "住宅"), QT_TRANSLATE_NOOP("words", "商铺"), QT_TRANSLATE_NOOP("words", "办公"), QT_TRANSLATE_NOOP("words", "车位"), QT_TRANSLATE_NOOP("words", "储藏室"))
OCCUPANCIES = (QT_TRANSLATE_NOOP("words", "空置"), QT_TRANSLATE_NOOP("words", "已入住"), QT_TRANSLATE_NOOP("words", "装修中"))


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


class Project(Versioned, Base):
    __tablename__ = "projects"
    __label__ = QT_TRANSLATE_NOOP("audit", "项目")

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default="住宅")
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
    use: Mapped[str] = mapped_column(String(16), default="住宅")
    occupancy: Mapped[str] = mapped_column(String(16), default="空置")

    building: Mapped[Building | None] = relationship(back_populates="units")
