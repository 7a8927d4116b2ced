"""What the exit paperwork tells each owner: the results of a 退场移交 grouped by unit, and which owners
a 告业主书, 押金退还确认单 or 预收款移交确认单 goes to.

Everything here is read from one FeeResults (the signed snapshot once the settlement is signed), so
a letter states exactly the figures of the settlement; nothing is looked up again.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from ..errors import ValidationError
from ..handover import HandoverKind
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..rules.unit_number import building_key, compact, parse_unit_number, room_key
from .fee_rows import ArrearsLine, DepositLine, FeeResults, PrepaymentLine, money_sum
from .roster import natural_key

Place = tuple[str, str]  # (building, unit) as the results carry them
T = TypeVar("T", "OwnerStatement", "DepositRefund")
# The forms, as a refusal names them.
LETTER = QT_TRANSLATE_NOOP("exit_letters", "告业主书")
REFUND = QT_TRANSLATE_NOOP("exit_letters", "押金退还确认单")
TRANSFER = QT_TRANSLATE_NOOP("exit_letters", "预收款移交确认单")


@dataclass(frozen=True)
class OwnerStatement:
    """One unit's arrears, prepayments and deposits at the cut-off; `number` is its place among
    every statement of the handover (1 = the first unit with anything to state), so a letter
    reprinted for one owner keeps the 编号 it had in the full run."""

    number: int
    building: str
    unit: str
    owner: str
    arrears: tuple[ArrearsLine, ...] = ()
    prepayments: tuple[PrepaymentLine, ...] = ()
    deposits: tuple[DepositLine, ...] = ()

    @property
    def place(self) -> str:
        return place_of(self.building, self.unit)

    @property
    def arrears_total(self) -> Decimal:
        return money_sum(a.amount for a in self.arrears)

    @property
    def prepaid_total(self) -> Decimal:
        return money_sum(p.amount for p in self.prepayments)

    @property
    def handed_over(self) -> tuple[DepositLine, ...]:
        return tuple(d for d in self.deposits if d.is_handed_over)

    @property
    def refunded(self) -> tuple[DepositLine, ...]:
        return tuple(d for d in self.deposits if not d.is_handed_over)

    @property
    def deposits_handed_total(self) -> Decimal:
        return money_sum(d.amount for d in self.handed_over)

    @property
    def deposits_refunded_total(self) -> Decimal:
        return money_sum(d.amount for d in self.refunded)


@dataclass(frozen=True)
class DepositRefund:
    """A deposit the outgoing company refunded to the owner; `number` counts the handover's refunds."""

    number: int
    deposit: DepositLine

    @property
    def building(self) -> str:
        return self.deposit.building

    @property
    def unit(self) -> str:
        return self.deposit.unit

    @property
    def place(self) -> str:
        return place_of(self.deposit.building, self.deposit.unit)


def refuse_unless_exit(kind: HandoverKind, form: str) -> None:
    """The exit paperwork speaks for the company that leaves: only a 退场移交 has it."""
    if kind is not HandoverKind.EXIT:
        raise ValidationError(translate("exit_letters", "{form}只用于退场移交；本交接为{kind}，无需出具。").format(
            form=translate("exit_letters", form), kind=kind.label))


@dataclass
class _Gathered:
    """One unit's lines while the results are read."""

    owner: str = ""
    arrears: list[ArrearsLine] = field(default_factory=list)
    prepayments: list[PrepaymentLine] = field(default_factory=list)
    deposits: list[DepositLine] = field(default_factory=list)

    def named(self, owner: str) -> _Gathered:
        self.owner = self.owner or owner  # the results name the first owner on the certificate
        return self


def statements(results: FeeResults) -> list[OwnerStatement]:
    """Every unit with arrears, a prepayment or a deposit, in the order a clerk reads units."""
    units: dict[Place, _Gathered] = {}
    for a in results.arrears:
        units.setdefault((a.building, a.unit), _Gathered()).named(a.owner).arrears.append(a)
    for p in results.prepayments:
        units.setdefault((p.building, p.unit), _Gathered()).named(p.owner).prepayments.append(p)
    for d in results.deposits:
        units.setdefault((d.building, d.unit), _Gathered()).named(d.owner).deposits.append(d)
    ordered = sorted(units, key=lambda p: (not p[0], natural_key(p[0]), natural_key(p[1])))
    return [OwnerStatement(n, b, u, g.owner, tuple(g.arrears), tuple(g.prepayments), tuple(g.deposits))
            for n, (b, u) in enumerate(ordered, start=1) for g in [units[(b, u)]]]


def unit_key(number: str) -> tuple[str, str, str] | str:
    """What makes two ways of writing a unit the same unit: 1-1-101 is 1栋1单元101 (and 1栋1单元0101)."""
    parts = parse_unit_number(number)
    if parts.building and parts.room:
        return building_key(parts.building), parts.entrance, room_key(parts.room)
    return compact(number)


def chosen(items: Sequence[T], units: Iterable[str], form: str) -> list[T]:
    """The items (statements or refunds) of the units asked for, every one when none is asked for,
    in print order; a unit with nothing on this form is refused by its number, so no owner asked
    for is silently left out."""
    if not items:
        raise ValidationError(translate("exit_letters", "本交接的对账结果中没有需要出具{form}的业主。").format(
            form=translate("exit_letters", form)))
    wanted = [u.strip() for u in units if u.strip()]
    if not wanted:
        return list(items)
    index: dict[object, list[T]] = {}
    for item in items:  # once, not per unit asked for: the GUI may ask for thousands
        for key in {unit_key(item.unit), unit_key(place_of(item.building, item.unit))}:
            index.setdefault(key, []).append(item)
    out: dict[int, T] = {}
    for query in wanted:
        hits = index.get(unit_key(query))
        if not hits:
            raise ValidationError(translate("exit_letters", "房号“{unit}”在交接基准日没有需要写入{form}的款项，无需出具。")
                                  .format(unit=query, form=translate("exit_letters", form)))
        out.update((i.number, i) for i in hits)
    return [out[n] for n in sorted(out)]


def refunds(results: FeeResults) -> list[DepositRefund]:
    """The deposits recorded as 退还业主, each its own 确认单 (the owner signs for each refund)."""
    done = [d for d in results.deposits if not d.is_handed_over]
    return [DepositRefund(n, d) for n, d in enumerate(done, start=1)]


def with_prepayments(items: Sequence[OwnerStatement]) -> list[OwnerStatement]:
    """The statements that hand a prepayment to the next company (numbered among themselves)."""
    having = [s for s in items if s.prepayments]
    return [OwnerStatement(n, s.building, s.unit, s.owner, prepayments=s.prepayments)
            for n, s in enumerate(having, start=1)]


def place_of(building: str, unit: str) -> str:
    """1栋1单元101 as the owner knows it: the building only when the number does not say it."""
    if not building or unit.startswith(building):
        return unit
    return f"{building}{unit}"
