"""Handover (交接) with its parties and cut-off date, its lists and items, and list templates."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, DocStatus, StrEnum, Versioned
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded


class ItemCondition(Coded):
    """A listed item's condition as checked; UNSET until checked."""

    UNSET = ""
    GOOD = "good"
    DEFECTIVE = "defective"
    MISSING = "missing"


class CopyKind(Coded):
    """A document handed over as 原件 or 复印件; UNSET for things that are not documents."""

    UNSET = ""
    ORIGINAL = "original"
    COPY = "copy"


class HandoverKind(Coded):
    ACCEPTANCE = "acceptance"
    TAKEOVER = "takeover"
    EXIT = "exit"


class Handover(Versioned, Base):
    __tablename__ = "handovers"
    __label__ = QT_TRANSLATE_NOOP("audit", "交接")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    kind: Mapped[HandoverKind] = mapped_column(StrEnum(HandoverKind))
    title: Mapped[str] = mapped_column(String(100), default="")
    from_company: Mapped[str] = mapped_column(String(100))   # 移交方
    from_rep: Mapped[str] = mapped_column(String(40), default="")
    to_company: Mapped[str] = mapped_column(String(100))     # 接收方
    to_rep: Mapped[str] = mapped_column(String(40), default="")
    witness: Mapped[str] = mapped_column(String(100), default="")  # 监交方
    witness_rep: Mapped[str] = mapped_column(String(40), default="")
    cutoff_date: Mapped[dt.date] = mapped_column(Date)       # 交接基准日
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    actual_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[DocStatus] = mapped_column(StrEnum(DocStatus), default=DocStatus.DRAFT)

    lists: Mapped[list[HandoverList]] = relationship(back_populates="handover")

    @property
    def caption(self) -> str:
        """Its title, or "类型（移交方 → 接收方）" — what a page header names the handover by."""
        return self.title or f"{self.kind.label}（{self.from_company} → {self.to_company}）"


class HandoverList(Versioned, Base):
    """One 交接清单; amendments are new rows pointing at the version they correct."""

    __tablename__ = "handover_lists"
    __label__ = QT_TRANSLATE_NOOP("audit", "交接清单")
    __docstatus__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    template_code: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[DocStatus] = mapped_column(StrEnum(DocStatus), default=DocStatus.DRAFT)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # 1 = original, 2.. = 补充交接清单
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("handover_lists.id"))
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_from: Mapped[str] = mapped_column(String(40), default="")     # who signed for 移交方
    signed_to: Mapped[str] = mapped_column(String(40), default="")       # for 接收方
    signed_witness: Mapped[str] = mapped_column(String(40), default="")  # for 监交方
    scan_name: Mapped[str] = mapped_column(String(200), default="")
    scan: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The handover's project, parties and cut-off as they stood at signing (JSON), so a signed
    # list reprints with the names that were signed whatever the handover says later.
    handover_snapshot: Mapped[str] = mapped_column(Text, default="", server_default="")

    __audit_exclude__ = frozenset({"scan"})

    handover: Mapped[Handover] = relationship(back_populates="lists")
    items: Mapped[list[HandoverItem]] = relationship(
        back_populates="list", order_by="HandoverItem.seq", cascade="all, delete-orphan"
    )


class HandoverItem(Versioned, Base):
    __tablename__ = "handover_items"
    __label__ = QT_TRANSLATE_NOOP("audit", "交接清单条目")
    __docstatus_parent__ = "list"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("handover_lists.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(100), default="")
    uom: Mapped[str] = mapped_column(String(10), default="")
    expected_qty: Mapped[int] = mapped_column(Integer, default=1)
    received_qty: Mapped[int | None] = mapped_column(Integer)
    original_or_copy: Mapped[CopyKind] = mapped_column(StrEnum(CopyKind), default=CopyKind.UNSET)
    pages: Mapped[int | None] = mapped_column(Integer)
    condition: Mapped[ItemCondition] = mapped_column(StrEnum(ItemCondition), default=ItemCondition.UNSET)
    remarks: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(40), default="")
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    defect_id: Mapped[int | None] = mapped_column(ForeignKey("defects.id"))
    # In an amendment: the item of the amended version this one was copied from (None = added).
    # Versions are compared by this identity, never by name (two 灭火器 lines are two items).
    amends_item_id: Mapped[int | None] = mapped_column(Integer, index=True)

    list: Mapped[HandoverList] = relationship(back_populates="items")


class HandoverAmendment(Base):
    """A correction of a handover's parties or cut-off after one of its documents was signed.

    Append-only: who changed what, when and why; the signed documents keep what they signed.
    """

    __tablename__ = "handover_amendments"
    __label__ = QT_TRANSLATE_NOOP("audit", "交接信息更正")
    __append_only__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[str] = mapped_column(Text)  # JSON of the fields changed, as they were
    after: Mapped[str] = mapped_column(Text)


class ListTemplate(Versioned, Base):
    """Templates are data: seeded from resources/templates, extended by clerks."""

    __tablename__ = "list_templates"
    __label__ = QT_TRANSLATE_NOOP("audit", "清单模板")

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # The handover kinds it suits, joined with "," ("" = every kind).
    kinds: Mapped[str] = mapped_column(String(40), default="")
    builtin: Mapped[bool] = mapped_column(default=False)

    items: Mapped[list[TemplateItem]] = relationship(
        order_by="TemplateItem.seq", cascade="all, delete-orphan"
    )


class TemplateItem(Base):
    __tablename__ = "template_items"
    __label__ = QT_TRANSLATE_NOOP("audit", "模板条目")

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("list_templates.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(100), default="")
    uom: Mapped[str] = mapped_column(String(10), default="")
    expected_qty: Mapped[int] = mapped_column(Integer, default=1)
    original_or_copy: Mapped[CopyKind] = mapped_column(StrEnum(CopyKind), default=CopyKind.UNSET)
