"""Both companies' ledger lines of a handover, streamed in match order, and what the rows mean.

Reconciliation and the results both walk the ledger once, merge-joining the outgoing company's
lines (theirs) with ours by unit, fee item and period. The index ix_ledger_lines_match lets the
database stream them in that order; names of units, buildings, owners and fee items are loaded
once into dictionaries so a million lines cost no joins.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Generic, NamedTuple, TypeVar

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from ..fees import FeeItem, LedgerLine
from ..handover import Handover
from ..people import Owner, Relation, UnitOwnership
from ..project import Building, Project, Unit

STREAM_BATCH = 5_000
MatchKey = tuple[int, int, dt.date, dt.date]  # unit id (0 = none), fee item id (0 = none), start, end


class Line(NamedTuple):
    """One ledger line as the results need it; amounts in whole fen (int).

    Integers keep the million-line walk cheap: the results turn them into Decimal yuan line by line
    (`billed`, `paid`). A named tuple, made straight from the fetched row: a frozen dataclass's
    __init__ cost about 0.6 s more over the 900,000 lines of a large ledger.
    """

    unit_id: int | None
    fee_item_id: int | None
    period_start: dt.date
    period_end: dt.date
    billed_fen: int
    paid_fen: int
    owner_name: str
    contact: str

    @property
    def key(self) -> MatchKey:
        return (self.unit_id or 0, self.fee_item_id or 0, self.period_start, self.period_end)

    @property
    def billed(self) -> Decimal:
        return Decimal(self.billed_fen).scaleb(-2)

    @property
    def paid(self) -> Decimal:
        return Decimal(self.paid_fen).scaleb(-2)

    @classmethod
    def of(cls, unit_id: int | None, fee_item_id: int | None, start: dt.date, end: dt.date, billed: Decimal,
           paid: Decimal, owner_name: str = "", contact: str = "") -> Line:
        return cls(unit_id, fee_item_id, start, end, int(billed.scaleb(2)), int(paid.scaleb(2)), owner_name,
                   contact)


@dataclass(frozen=True, slots=True)
class UnitInfo:
    building: str
    number: str
    owner: str
    contact: str


@dataclass(frozen=True, slots=True)
class ItemInfo:
    name: str
    is_deposit: bool
    for_others: bool


@dataclass(frozen=True)
class Names:
    """What the ids of one project's ledger mean, loaded once."""

    project: str
    units: dict[int, UnitInfo]
    items: dict[int, ItemInfo]

    def unit(self, unit_id: int | None) -> UnitInfo:
        return self.units.get(unit_id or 0, UnitInfo("", "", "", ""))

    def item(self, fee_item_id: int | None) -> ItemInfo:
        return self.items.get(fee_item_id or 0, ItemInfo("（未指定）", False, False))


def load_names(session: Session, handover: Handover) -> Names:
    project = session.get(Project, handover.project_id)
    owners: dict[int, tuple[str, str]] = {}
    rows = session.execute(
        select(UnitOwnership.unit_id, Owner.name, Owner.mobile).join(Owner, Owner.id == UnitOwnership.owner_id)
        .join(Unit, Unit.id == UnitOwnership.unit_id)
        .where(Unit.project_id == handover.project_id, UnitOwnership.relation == Relation.OWNER,
               UnitOwnership.until.is_(None))
        .order_by(UnitOwnership.unit_id, UnitOwnership.id))
    for unit_id, name, mobile in rows:
        owners.setdefault(unit_id, (name, mobile))  # the first owner on the certificate speaks for the unit
    units = {}
    for unit_id, number, building in session.execute(
            select(Unit.id, Unit.number, Building.name).outerjoin(Building, Building.id == Unit.building_id)
            .where(Unit.project_id == handover.project_id)):
        name, mobile = owners.get(unit_id, ("", ""))
        units[unit_id] = UnitInfo(building or "", number, name, mobile)
    items = {i.id: ItemInfo(i.name, i.is_deposit, i.collected_for_others)
             for i in session.scalars(select(FeeItem).where(FeeItem.project_id == handover.project_id))}
    return Names(project.name if project else "", units, items)


def count_lines(session: Session, handover_id: int, source: str) -> int:
    return session.scalar(select(func.count()).select_from(LedgerLine).where(
        LedgerLine.handover_id == handover_id, LedgerLine.source == source)) or 0


def stream(session: Session, handover_id: int, source: str, starting_by: dt.date | None = None) -> Iterator[Line]:
    """The source's lines in match order, fetched in batches (a million rows never sit in memory).

    `starting_by` keeps only periods that start on or before that day. A missing unit or fee item
    sorts first on both backends (SQLite and PostgreSQL disagree by default), as key 0 does.
    """
    t = LedgerLine
    # The stored integer fen as they are: no Decimal per value until a line is actually used.
    query = (select(t.unit_id, t.fee_item_id, t.period_start, t.period_end, type_coerce(t.billed, BigInteger),
                    type_coerce(t.paid, BigInteger), t.owner_name, t.contact)
             .where(t.handover_id == handover_id, t.source == source)
             .order_by(t.unit_id.asc().nulls_first(), t.fee_item_id.asc().nulls_first(), t.period_start,
                       t.period_end, t.id)
             .execution_options(yield_per=STREAM_BATCH))
    if starting_by is not None:
        query = query.where(t.period_start <= starting_by)
    # On the session's connection, as Core: the ORM's row handling around session.execute took
    # three times the fetch itself on a million lines, for rows that are plain columns anyway.
    make = Line._make
    for row in session.connection().execute(query):
        yield make(row)


def grouped(lines: Iterator[Line]) -> Iterator[tuple[MatchKey, list[Line]]]:
    for key, group in groupby(lines, key=lambda line: line.key):
        yield key, list(group)


def merge(theirs: Iterator[Line], ours: Iterator[Line]) -> Iterator[tuple[MatchKey, list[Line], list[Line]]]:
    """Full outer merge-join of two key-ordered streams: (key, their lines, our lines)."""
    left, right = grouped(theirs), grouped(ours)
    a, b = next(left, None), next(right, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            assert a is not None
            yield a[0], a[1], []
            a = next(left, None)
        elif a is None or b[0] < a[0]:
            yield b[0], [], b[1]
            b = next(right, None)
        else:
            yield a[0], a[1], b[1]
            a, b = next(left, None), next(right, None)


def totals(lines: list[Line]) -> tuple[int, int]:
    """(billed, paid) in fen."""
    return sum(x.billed_fen for x in lines), sum(x.paid_fen for x in lines)


V = TypeVar("V")


class Ahead(Generic[V]):
    """Look keys up in a stream sorted like the lookups come, reading it once, front to back.

    `passed` hears every value whose key was skipped over (no lookup asked for it), so a caller
    learns which stored rows no longer have a counterpart without holding them all in memory.
    """

    def __init__(self, items: Iterator[tuple[MatchKey, V]], passed: Callable[[V], object] | None = None) -> None:
        self._items, self._passed = items, passed
        self._current = next(items, None)

    def get(self, key: MatchKey) -> V | None:
        while self._current is not None and self._current[0] < key:
            self._skip()
        if self._current is not None and self._current[0] == key:
            value = self._current[1]
            self._current = next(self._items, None)
            return value
        return None

    def finish(self) -> None:
        """Report what is left as passed over."""
        while self._current is not None:
            self._skip()

    def _skip(self) -> None:
        assert self._current is not None
        if self._passed is not None:
            self._passed(self._current[1])
        self._current = next(self._items, None)
