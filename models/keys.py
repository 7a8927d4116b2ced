"""Keys and key sets (钥匙) and their append-only event log."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, StrEnum, Versioned, now
from .i18n import QT_TRANSLATE_NOOP
from .labels import Coded


class LendReason(Coded):
    """Why a key is lent; OTHER needs the reason in words. UNSET for events that are not lends."""

    UNSET = ""
    INSPECT = "inspect"
    CLEAN = "clean"
    REPAIR = "repair"
    OTHER = "other"


class KeyStatus(Coded):
    IN_STORE = "in_store"
    SEALED = "sealed"
    LENT = "lent"
    ISSUED = "issued"
    LOST = "lost"
    HANDED_OVER = "handed_over"
    RETIRED = "retired"


class KeyEventKind(Coded):
    RECEIVE = "receive"
    SEAL = "seal"
    UNSEAL = "unseal"
    LEND = "lend"
    RETURN = "return"
    ISSUE = "issue"
    LOSE = "lose"
    HAND_OVER = "hand_over"
    RETIRE = "retire"


class Key(Versioned, Base):
    __tablename__ = "keys"
    __table_args__ = (UniqueConstraint("project_id", "tag"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "钥匙")

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("handovers.id"), index=True)
    tag: Mapped[str] = mapped_column(String(40))  # K-03-02-1201-A
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    opens: Mapped[str] = mapped_column(String(100), default="")  # common area, room, gate...
    count: Mapped[int] = mapped_column(Integer, default=1)
    cabinet: Mapped[str] = mapped_column(String(20), default="")
    slot: Mapped[str] = mapped_column(String(20), default="")
    # The key handover list item it was received from (批量接收), so a second run skips it.
    list_item_id: Mapped[int | None] = mapped_column(ForeignKey("handover_items.id", ondelete="SET NULL"))
    # A cache of what the events say; only the key services write it.
    status: Mapped[KeyStatus] = mapped_column(StrEnum(KeyStatus), default=KeyStatus.IN_STORE, index=True)

    events: Mapped[list[KeyEvent]] = relationship(order_by="KeyEvent.at")


class KeyEvent(Base):
    __tablename__ = "key_events"
    # The keys tab shows each key's latest event: this index answers that without a sort.
    __table_args__ = (Index("ix_key_events_key_id_at", "key_id", "at"),)
    __label__ = QT_TRANSLATE_NOOP("audit", "钥匙记录")
    __append_only__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[int] = mapped_column(ForeignKey("keys.id"), index=True)
    kind: Mapped[KeyEventKind] = mapped_column(StrEnum(KeyEventKind))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, index=True)
    by: Mapped[str] = mapped_column(String(40), default="")          # clerk at the desk
    person: Mapped[str] = mapped_column(String(40), default="")      # borrower / receiver
    department: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[LendReason] = mapped_column(StrEnum(LendReason), default=LendReason.UNSET)
    reason_text: Mapped[str] = mapped_column(String(200), default="")
    approved_by: Mapped[str] = mapped_column(String(40), default="")
    # The supervisor account that approved a loan (confirmed with its password); approved_by is its name.
    approver_id: Mapped[int | None] = mapped_column(Integer)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"))
    seal_no: Mapped[str] = mapped_column(String(40), default="")
    condition: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
