"""Fee items with dated tariffs, meter readings, ledger lines and the settlement."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from .base import Base, DocStatus, OptionalStrEnum, StrEnum, Versioned
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded
from .project import UnitUse
from .types import Money, Quantity, Rate

# How a fee item is billed.
BASES = {
    "per_m2_month": QT_TRANSLATE_NOOP("words", "按建筑面积·月"),
    "per_household": QT_TRANSLATE_NOOP("words", "按户·月"),
    "per_space": QT_TRANSLATE_NOOP("words", "按车位·月"),
    "per_ton": QT_TRANSLATE_NOOP("words", "按吨（抄表）"),
    "per_kwh": QT_TRANSLATE_NOOP("words", "按度（抄表）"),
    "per_m3": QT_TRANSLATE_NOOP("words", "按立方米（抄表）"),
    "per_m2_season": QT_TRANSLATE_NOOP("words", "按建筑面积·采暖季"),
    "fixed": QT_TRANSLATE_NOOP("words", "固定金额"),
}


class MeterKind(Coded):
    """水, 电 or 气."""

    WATER = "water"
    POWER = "power"
    GAS = "gas"


class FeeItem(Versioned, Base):
    __tablename__ = "fee_items"
    __table_args__ = (UniqueConstraint("project_id", "code"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "收费项目")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(40))  # 物业服务费, 水费, 装修押金...
    basis: Mapped[str] = mapped_column(String(16), default="per_m2_month")
    is_deposit: Mapped[bool] = mapped_column(Boolean, default=False)
    collected_for_others: Mapped[bool] = mapped_column(Boolean, default=False)  # 代收代缴

    tariffs: Mapped[list[Tariff]] = relationship(order_by="Tariff.valid_from")


class Tariff(Versioned, Base):
    """A rate valid from a date (e.g. 水费 2.0 → 2.8 元/吨 from 1 July), optionally per unit use."""

    __tablename__ = "tariffs"
    __label__ = QT_TRANSLATE_NOOP("audit", "收费标准")

    id: Mapped[int] = mapped_column(primary_key=True)
    fee_item_id: Mapped[int] = mapped_column(ForeignKey("fee_items.id"), index=True)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    unit_use: Mapped[UnitUse | None] = mapped_column(OptionalStrEnum(UnitUse), nullable=False, default="")  # None ("" stored) = every use
    rate: Mapped[Decimal] = mapped_column(Rate)


class MeterReading(Versioned, Base):
    """抄表底数 both companies agree at the cut-off."""

    __tablename__ = "meter_readings"
    __label__ = QT_TRANSLATE_NOOP("audit", "抄表底数")
    __settled_input__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    meter_no: Mapped[str] = mapped_column(String(40))
    kind: Mapped[MeterKind] = mapped_column(StrEnum(MeterKind))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    location: Mapped[str] = mapped_column(String(100), default="")  # for common meters
    reading: Mapped[Decimal] = mapped_column(Quantity)
    read_on: Mapped[dt.date] = mapped_column(Date)
    # The last reading the outgoing company billed: the usage between it and the cut-off
    # reading is still theirs to charge (抄表结算).
    prev_reading: Mapped[Decimal | None] = mapped_column(Quantity)
    prev_read_on: Mapped[dt.date | None] = mapped_column(Date)


# Made by migration 0014 for the typed filters, outside these classes (the owner-name list with its
# FTS5 table and shadow tables; partial and trigram indexes that differ by database): the schema check
# skips them.
TEXT_SEARCH_OBJECTS = ("ledger_owner_names", "ledger_owner_fts", "ix_ledger_owner_names_trgm", "ix_fee_differences_noted",
                       "ix_keys_text_trgm", "ix_defects_text_trgm", "ix_units_number_trgm")
# Made by migration 0015 on PostgreSQL only: the ledger in stream order there (see that migration).
UNMODELLED_OBJECTS = (*TEXT_SEARCH_OBJECTS, "ix_ledger_lines_stream")


class LedgerLine(Base):
    """One billed line, ours or the other company's (imported), per unit, fee item and period."""

    __tablename__ = "ledger_lines"
    # Reconciliation walks both companies' lines in this order, merge-joining them; the index
    # lets the database stream them sorted instead of sorting a million rows first. (PostgreSQL,
    # which sorts NULLs last here, reads migration 0015's ix_ledger_lines_stream instead.)
    __table_args__ = (Index("ix_ledger_lines_match", "handover_id", "source", "unit_id", "fee_item_id",
                            "period_start", "period_end"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "收费台账")
    __settled_input__ = True
    __audit_masked__ = {"contact": "phone"}

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    source: Mapped[str] = mapped_column(String(8), default="ours")  # ours / theirs
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("fee_items.id"), index=True)
    # Indexed for the typed filter: the names that match are found in ledger_owner_names (migration 0014).
    owner_name: Mapped[str] = mapped_column(String(40), default="", index=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    billed: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    paid: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    receipt_no: Mapped[str] = mapped_column(String(40), default="")
    remark: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(40), default="")  # 联系电话 as their ledger gives it
    source_row: Mapped[int | None] = mapped_column(Integer)  # the Excel row it came from, for the clerk


class Settlement(Versioned, Base):
    """结算: what each company owes the other at the cut-off; signed, then final."""

    __tablename__ = "settlements"
    __label__ = QT_TRANSLATE_NOOP("audit", "财务结算")
    __docstatus__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    status: Mapped[DocStatus] = mapped_column(StrEnum(DocStatus), default=DocStatus.DRAFT)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("settlements.id"))
    arrears_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    prepaid_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    deposits_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    collected_for_others: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    net_due_to_incoming: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    due_to_outgoing: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_by: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The whole breakdown as it was signed (JSON), so a signed report prints the same forever.
    breakdown: Mapped[str] = mapped_column(Text, default="")
    # Every result line as signed (zlib-compressed JSON, see services.settlement_snapshot): the report
    # and the workbook of a signed settlement are built from this alone. Deferred: it can be megabytes.
    snapshot: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    __audit_exclude__ = frozenset({"snapshot"})


class DiffKind(Coded):
    DIFFERS = "differs"
    TARIFF = "tariff"  # only their line, and its 应收 is not what our tariffs bill
    ONLY_THEIRS = "only_theirs"
    ONLY_OURS = "only_ours"


class Decision(Coded):
    OPEN = "open"
    THEIRS = "theirs"
    OURS = "ours"
    ADJUST = "adjust"
    EXCLUDE = "exclude"


# Which decisions each kind of difference can take: 以我方为准 needs our record, 以原物业为准 theirs.
ALLOWED_DECISIONS: dict[DiffKind, tuple[Decision, ...]] = {
    DiffKind.DIFFERS: (Decision.THEIRS, Decision.OURS, Decision.ADJUST, Decision.EXCLUDE),
    DiffKind.TARIFF: (Decision.THEIRS, Decision.OURS, Decision.ADJUST, Decision.EXCLUDE),
    DiffKind.ONLY_THEIRS: (Decision.THEIRS, Decision.ADJUST, Decision.EXCLUDE),
    DiffKind.ONLY_OURS: (Decision.OURS, Decision.ADJUST, Decision.EXCLUDE),
}


class FeeDifference(Versioned, Base):
    """A ledger line the two companies do not agree on, and how the clerk resolved it.

    Keyed by unit, fee item and period (not by line id) so a re-imported ledger keeps
    the decisions made on lines that did not change.
    """

    __tablename__ = "fee_differences"
    # Reconciliation and the results read the decided differences in the ledger's match order.
    __table_args__ = (Index("ix_fee_differences_match", "handover_id", "unit_id", "fee_item_id", "period_start",
                            "period_end"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "对账差异")
    __settled_input__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: ix_fee_differences_match leads with it (migration 0016)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("fee_items.id"), index=True)  # the typed filter
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[DiffKind] = mapped_column(StrEnum(DiffKind))
    their_billed: Mapped[Decimal | None] = mapped_column(Money)
    their_paid: Mapped[Decimal | None] = mapped_column(Money)
    our_billed: Mapped[Decimal | None] = mapped_column(Money)
    our_paid: Mapped[Decimal | None] = mapped_column(Money)
    decision: Mapped[Decision] = mapped_column(StrEnum(Decision), default=Decision.OPEN, index=True)
    adjusted_billed: Mapped[Decimal | None] = mapped_column(Money)
    adjusted_paid: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DepositAction(Coded):
    HAND_OVER = "hand_over"
    REFUND = "refund"


class DepositDisposition(Versioned, Base):
    """What happens to a deposit the outgoing company holds; without a row it is handed over."""

    __tablename__ = "deposit_dispositions"
    __table_args__ = (UniqueConstraint("handover_id", "unit_id", "fee_item_id", "period_start"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "押金处理")
    __settled_input__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("fee_items.id"))
    period_start: Mapped[dt.date] = mapped_column(Date)
    action: Mapped[DepositAction] = mapped_column(StrEnum(DepositAction), default=DepositAction.HAND_OVER)
    note: Mapped[str] = mapped_column(Text, default="")


class LedgerState(Base):
    """Which revision of a handover's ledgers is there, and which one the last reconciliation matched.

    Every write to the ledgers (an import, our lines) bumps `revision`; reconciling records it, and
    signing refuses unless the two agree, in the signing transaction.
    """

    __tablename__ = "ledger_states"
    __label__ = QT_TRANSLATE_NOOP("audit", "台账版本")
    __audited__ = False  # bookkeeping; the import and the reconciliation each write their audit row

    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    reconciled_revision: Mapped[int | None] = mapped_column(Integer)
    reconciled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class FeeSummary(Base):
    """The last computed results per building, for the overview's charts.

    A cache, not a record: the results are recomputed from the ledger whenever they are shown,
    which on a million lines takes seconds; the overview shows the last ones and when they were made.
    """

    __tablename__ = "fee_summaries"
    __label__ = QT_TRANSLATE_NOOP("audit", "对账结果摘要")
    __audited__ = False

    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), primary_key=True)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    data: Mapped[str] = mapped_column(Text, default="")  # JSON: [[building, arrears, billed, paid], ...]
