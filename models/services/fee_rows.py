"""Frozen rows of the fee reconciliation, for the tab, the printed forms and the accountant workbook.

Every amount is a Decimal with 2 places and every total is the sum of rounded lines, so a
total printed here, in the PDF and in the workbook's formulas is the same number.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache

from ..base import DocStatus
from ..fees import ALLOWED_DECISIONS, Decision, DepositAction, DiffKind, MeterKind
from ..i18n import QT_TRANSLATE_NOOP
from ..rules.idcard import mask_phones

# A unit's phones recur on every arrears line of it (100,000 lines, 20,000 units): masked once each.
_masked_phones = lru_cache(maxsize=65_536)(mask_phones)

ZERO = Decimal("0.00")
TO_INCOMING = QT_TRANSLATE_NOOP("words", "原物业→新物业")
TO_OUTGOING = QT_TRANSLATE_NOOP("words", "新物业→原物业")
NO_PAYMENT = QT_TRANSLATE_NOOP("words", "互不找付")


def money_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum of already-rounded amounts; Decimal("0.00") for none (so it always prints with 2 places)."""
    return sum(values, ZERO)


@dataclass(frozen=True, slots=True)
class ArrearsLine:
    """欠费明细: what an owner still owes the outgoing company for a period up to the cut-off."""

    building: str
    unit: str
    owner: str
    contact: str
    fee_item: str
    period_start: dt.date
    period_end: dt.date
    amount: Decimal
    years_overdue: int  # whole years from the end of the period to the cut-off; 0 = under a year

    @property
    def contact_masked(self) -> str:
        """The phones as a clerk's screen shows them (138****8000), like every other list."""
        return _masked_phones(self.contact)


@dataclass(frozen=True, slots=True)
class PrepaymentLine:
    """预收款: paid to the outgoing company for days after the cut-off; handed to the incoming one."""

    building: str
    unit: str
    owner: str
    fee_item: str
    period_start: dt.date  # the part after the cut-off
    period_end: dt.date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class DepositLine:
    """押金 the outgoing company holds; handed over unless the clerk records it refunded to the owner."""

    building: str
    unit: str
    unit_id: int | None
    fee_item_id: int | None
    owner: str
    fee_item: str
    received_on: dt.date
    amount: Decimal
    action: DepositAction
    note: str
    version: int = 0  # of its disposition row as read (0: none yet), so a stale save is refused

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", DepositAction(self.action))  # its code or label too: the member

    @property
    def is_handed_over(self) -> bool:
        """Goes to the incoming company (the default); otherwise refunded to the owner."""
        return self.action is DepositAction.HAND_OVER


@dataclass(frozen=True, slots=True)
class ForOthersLine:
    """代收代缴 per unit and item: collected minus billed; positive is money held for the owner."""

    building: str
    unit: str
    owner: str
    fee_item: str
    billed: Decimal
    paid: Decimal

    @property
    def balance(self) -> Decimal:
        return self.paid - self.billed


@dataclass(frozen=True, slots=True)
class CollectionRate:
    """收缴率 of one building and fee item over the periods up to the cut-off."""

    building: str
    fee_item: str
    billed: Decimal
    paid: Decimal

    @property
    def rate(self) -> Decimal | None:
        """paid ÷ billed to 4 places (0.8734 = 87.34%); None when nothing was billed."""
        if not self.billed:
            return None
        return (self.paid / self.billed).quantize(Decimal("0.0001"))


@dataclass(frozen=True, slots=True)
class MeterCharge:
    """Usage between the outgoing company's last billed reading and the agreed cut-off reading."""

    meter_no: str
    kind: MeterKind  # a snapshot signed before the codes holds 水 / 电 / 气: read as the member
    building: str
    unit: str
    location: str
    prev_reading: Decimal
    prev_read_on: dt.date
    reading: Decimal
    read_on: dt.date
    quantity: Decimal
    amount: Decimal
    fee_item: str

    def __post_init__(self) -> None:
        if not isinstance(self.kind, MeterKind):  # its code or label: the member
            object.__setattr__(self, "kind", MeterKind(self.kind))


@dataclass(frozen=True, slots=True)
class DifferenceRow:
    """A line the two ledgers disagree on, with the clerk's decision."""

    id: int
    version: int
    building: str
    unit: str
    fee_item: str
    period_start: dt.date
    period_end: dt.date
    kind: DiffKind
    their_billed: Decimal | None
    their_paid: Decimal | None
    our_billed: Decimal | None
    our_paid: Decimal | None
    decision: Decision  # OPEN until the clerk decides
    adjusted_billed: Decimal | None
    adjusted_paid: Decimal | None
    note: str
    decided_by: str
    decided_at: dt.datetime | None
    # What the outgoing company's ledger says about the line (its 说明), their lines' remarks joined:
    # often the very reason for the difference ("按原测绘面积计费", "业主已退房").
    their_remark: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DiffKind(self.kind))  # a code or label too: always the member
        object.__setattr__(self, "decision", Decision(self.decision))

    @property
    def is_open(self) -> bool:
        return self.decision is Decision.OPEN

    @property
    def choices(self) -> tuple[Decision, ...]:
        """The decisions this difference may take (decide refuses the rest), and 待处理 again once decided."""
        allowed = ALLOWED_DECISIONS[DiffKind(self.kind)]
        return allowed if self.is_open else (*allowed, Decision.OPEN)


@dataclass(frozen=True, slots=True)
class SettlementItem:
    """One line of the settlement: who owes whom how much, and why."""

    label: str
    direction: str  # TO_INCOMING / TO_OUTGOING / "" for lines shown for information only
    amount: Decimal
    note: str = ""

    @property
    def part(self) -> str:
        """Which total the line is: prepaid / deposits / for_others / meters / arrears ("" unknown).

        Read from its words, the only thing a signed snapshot keeps of a line (see live_settlement).
        """
        label = self.label
        for part, starts in (("prepaid", "预收款"), ("deposits", "押金"), ("for_others", "代收代缴")):
            if label.startswith(starts):
                return part
        return "meters" if "抄表" in label else "arrears" if "欠费" in label else ""


@dataclass(frozen=True)
class FeeResults:
    """Everything the reconciliation yields for one handover, as of now (or as signed)."""

    handover_id: int
    project: str
    from_company: str
    to_company: str
    witness: str
    cutoff: dt.date  # 交接基准日: the last day that belongs to the outgoing company
    arrears: tuple[ArrearsLine, ...] = ()
    prepayments: tuple[PrepaymentLine, ...] = ()
    deposits: tuple[DepositLine, ...] = ()
    for_others: tuple[ForOthersLine, ...] = ()
    rates: tuple[CollectionRate, ...] = ()
    meters: tuple[MeterCharge, ...] = ()
    differences_total: int = 0
    differences_open: int = 0
    lines_theirs: int = 0
    lines_ours: int = 0
    settlement_status: DocStatus | None = None  # None when there is none yet
    settlement_revision: int = 0
    signed_at: dt.datetime | None = None
    signed_by: str = ""
    # The breakdown as it was signed: a signed settlement reprints these amounts even if a name,
    # a tariff or anything else outside the frozen ledger changed since.
    signed_items: tuple[SettlementItem, ...] = ()
    # 交接 as the page header names it: its title, or "类型（移交方 → 接收方）" (as signed, once signed).
    handover_caption: str = ""
    # 本处信息 printed under the title: as signed once signed ("" for settlements signed before it was kept).
    letterhead: str = ""
    # A 退场移交: the owners' exit paperwork (告业主书, 确认单) is printed from these results.
    exit_paperwork: bool = False

    def __post_init__(self) -> None:
        status = self.settlement_status
        object.__setattr__(self, "settlement_status", DocStatus(status) if status else None)

    # ---- totals: sums of rounded lines ---------------------------------------------------------
    # Kept once summed (the lines never change): the 结果 tab read them ~60 times, each a pass over
    # 100,000 arrears lines, 2 s in all.

    @cached_property
    def arrears_total(self) -> Decimal:
        return money_sum(a.amount for a in self.arrears)

    @cached_property
    def prepaid_total(self) -> Decimal:
        return money_sum(p.amount for p in self.prepayments)

    @cached_property
    def deposits_total(self) -> Decimal:
        """Deposits handed over to the incoming company (refunded ones are not)."""
        return money_sum(d.amount for d in self.deposits if d.is_handed_over)

    @cached_property
    def deposits_refunded(self) -> Decimal:
        return money_sum(d.amount for d in self.deposits if not d.is_handed_over)

    @cached_property
    def for_others_total(self) -> Decimal:
        """代收代缴 money held for owners (positive balances), handed to the incoming company."""
        return money_sum(f.balance for f in self.for_others if f.balance > 0)

    @cached_property
    def for_others_owed(self) -> Decimal:
        """代收代缴 owners still owe (negative balances), shown but not settled between the companies."""
        return money_sum(-f.balance for f in self.for_others if f.balance < 0)

    @cached_property
    def meters_total(self) -> Decimal:
        return money_sum(m.amount for m in self.meters)

    @cached_property
    def billed_total(self) -> Decimal:
        return money_sum(r.billed for r in self.rates)

    @cached_property
    def paid_total(self) -> Decimal:
        return money_sum(r.paid for r in self.rates)

    @property
    def differences_resolved(self) -> int:
        return self.differences_total - self.differences_open

    @property
    def settlement(self) -> tuple[SettlementItem, ...]:
        """The breakdown: what each company owes the other, and the arrears for information."""
        if self.signed_items:
            return self.signed_items
        return self.live_settlement

    @cached_property
    def live_settlement(self) -> tuple[SettlementItem, ...]:
        """The breakdown from the data as it is now."""
        return (
            SettlementItem(QT_TRANSLATE_NOOP("words", "预收款（基准日后期间，原物业已收）"), TO_INCOMING, self.prepaid_total),
            SettlementItem(QT_TRANSLATE_NOOP("words", "押金（移交新物业）"), TO_INCOMING, self.deposits_total),
            SettlementItem(QT_TRANSLATE_NOOP("words", "代收代缴余额"), TO_INCOMING, self.for_others_total),
            SettlementItem(QT_TRANSLATE_NOOP("words", "基准日前未结抄表费用（新物业代收后转付）"), TO_OUTGOING, self.meters_total),
            SettlementItem(QT_TRANSLATE_NOOP("words", "业主欠费（归原物业，另行追缴）"), "", self.arrears_total),
        )

    @property
    def due_to_incoming(self) -> Decimal:
        return money_sum(i.amount for i in self.settlement if i.direction == TO_INCOMING)

    @property
    def due_to_outgoing(self) -> Decimal:
        return money_sum(i.amount for i in self.settlement if i.direction == TO_OUTGOING)

    @property
    def net_to_incoming(self) -> Decimal:
        """Positive: the outgoing company pays the incoming one this much; negative: the other way."""
        return self.due_to_incoming - self.due_to_outgoing

    @property
    def net_direction(self) -> str:
        """Who pays the net: printed and shown as a positive amount with a payer and a payee."""
        if self.net_to_incoming > 0:
            return TO_INCOMING
        return TO_OUTGOING if self.net_to_incoming < 0 else NO_PAYMENT

    @property
    def is_signed(self) -> bool:
        return self.settlement_status is DocStatus.SIGNED

    @property
    def is_cancelled(self) -> bool:
        return self.settlement_status is DocStatus.CANCELLED

    @property
    def can_sign(self) -> bool:
        return self.differences_open == 0 and not self.is_signed

    @property
    def overall_rate(self) -> Decimal | None:
        """收缴率 over every building and fee item: paid ÷ billed, the same rule as one line's."""
        return CollectionRate("", "", self.billed_total, self.paid_total).rate
