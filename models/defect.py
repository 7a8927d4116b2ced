"""Defects (遗留问题) with their status history and photos."""
from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, StrEnum, Versioned, now
from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP, translate
from .labels import Coded

V = TypeVar("V", bound=Coded)

class Severity(Coded):
    """重大/一般/轻微: sets the deadline and whether leadership hears at once."""

    MAJOR = "major"
    NORMAL = "normal"
    MINOR = "minor"


class DefectCategory(Coded):
    """The trade a defect belongs to (土建装饰, 给排水…)."""

    CIVIL = "civil"
    PLUMBING = "plumbing"
    POWER = "power"
    LOW_VOLTAGE = "low_voltage"
    FIRE = "fire"
    ELEVATOR = "elevator"
    HVAC = "hvac"
    LANDSCAPE = "landscape"
    ROADS = "roads"
    DOCUMENTS = "documents"
    OTHER = "other"


class Responsible(Coded):
    """Who must fix a defect."""

    DEVELOPER = "developer"
    CONTRACTOR = "contractor"
    PREVIOUS = "previous"
    OURS = "ours"


# The form's choices, in the order it lists them (and the register sorts and groups by).
SEVERITIES = tuple(Severity)
DEFECT_CATEGORIES = tuple(DefectCategory)
RESPONSIBLE_PARTIES = tuple(Responsible)

# Each vocabulary's refusal, naming the field (the choices are filled in as labels).
_REFUSALS = {
    "Severity": QT_TRANSLATE_NOOP("defects", "「严重程度」应为：{choices}。"),
    "DefectCategory": QT_TRANSLATE_NOOP("defects", "「类别」应为：{choices}。"),
    "Responsible": QT_TRANSLATE_NOOP("defects", "「责任方」应为：{choices}。"),
}


def _member(cls: type[V], value: object) -> V:
    """The member for a member, its code, its Chinese label (the clerk's and the spreadsheets' word, old
    data) or its English label; anything else is refused naming the field."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value.strip())
        except ValueError:
            pass
    choices = translate("labels", "、").join(m.label for m in cls)
    raise ValidationError(translate("defects", _REFUSALS[cls.__name__]).format(choices=choices))


def severity_of(value: object) -> Severity:
    return _member(Severity, value)


def category_of(value: object) -> DefectCategory:
    return _member(DefectCategory, value)


def responsible_of(value: object) -> Responsible:
    return _member(Responsible, value)


class DefectStatus(Coded):
    PENDING_NOTICE = "pending_notice"
    RECTIFYING = "rectifying"
    PENDING_REINSPECTION = "pending_recheck"
    CLOSED = "closed"
    UNFIXABLE = "unfixable"


class Defect(Versioned, Base):
    __tablename__ = "defects"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "遗留问题")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("handovers.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))  # YL-2026-0007
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    location: Mapped[str] = mapped_column(String(100), default="")  # as shown / common area
    category: Mapped[DefectCategory] = mapped_column(StrEnum(DefectCategory))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[Severity] = mapped_column(StrEnum(Severity), default=Severity.NORMAL)
    responsible: Mapped[Responsible] = mapped_column(StrEnum(Responsible), default=Responsible.DEVELOPER)
    found_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    found_by: Mapped[str] = mapped_column(String(40), default="")
    notice_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[DefectStatus] = mapped_column(StrEnum(DefectStatus), default=DefectStatus.PENDING_NOTICE,
                                                 index=True)
    failed_reinspections: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    report: Mapped[str] = mapped_column(Text, default="")  # required for 无法整改

    history: Mapped[list[DefectStatusChange]] = relationship(order_by="DefectStatusChange.id")
    photos: Mapped[list[DefectPhoto]] = relationship(cascade="all, delete-orphan")


class DefectStatusChange(Base):
    """Append-only: who moved the defect, when, and why."""

    __tablename__ = "defect_status_changes"
    __label__ = QT_TRANSLATE_NOOP("audit", "遗留问题状态记录")
    __append_only__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    defect_id: Mapped[int] = mapped_column(ForeignKey("defects.id"), index=True)
    from_status: Mapped[DefectStatus | None] = mapped_column(StrEnum(DefectStatus))
    to_status: Mapped[DefectStatus] = mapped_column(StrEnum(DefectStatus))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    by: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DefectPhoto(Base):
    __tablename__ = "defect_photos"
    __label__ = QT_TRANSLATE_NOOP("audit", "遗留问题照片")
    __audit_exclude__ = frozenset({"data", "thumbnail"})

    id: Mapped[int] = mapped_column(primary_key=True)
    defect_id: Mapped[int] = mapped_column(ForeignKey("defects.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    data: Mapped[bytes] = mapped_column(LargeBinary)       # downscaled JPEG
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)


class DefectAction(Base):
    """Append-only: a reminder sent, an escalation or a report made — it discharges a due duty."""

    __tablename__ = "defect_actions"
    __label__ = QT_TRANSLATE_NOOP("audit", "遗留问题催办记录")
    __append_only__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    defect_id: Mapped[int] = mapped_column(ForeignKey("defects.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # reminder / escalation / failure_report / major_report
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    by: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
