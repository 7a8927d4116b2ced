"""Their 应收 against our 收费标准: which imported lines bill more or less than the tariffs say.

A mismatch is not a problem of the sheet — the other company may have billed a different area or
an old rate, and the import still brings their ledger in as it is. The preview lists them so the
clerk knows which lines to question before the reconciliation, where they are decided.
Metered items are not checked here (their usage is in the meter readings, not the ledger).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..fees import FeeItem, Tariff
from ..i18n import translate
from ..project import Unit
from ..rules.tariffs import METERED_BASES, PeriodCharger, Rate
from .places import place

if TYPE_CHECKING:
    from .ledger import LedgerRow


class Billed(Protocol):
    """A ledger line as the check reads it (an imported row, or a line of the stored ledger)."""

    @property
    def unit_id(self) -> int | None: ...
    @property
    def period_start(self) -> dt.date | None: ...
    @property
    def period_end(self) -> dt.date | None: ...


@dataclass(frozen=True)
class TariffMismatch:
    row: int
    unit: str
    fee_item: str
    billed: Decimal
    expected: Decimal

    def __str__(self) -> str:
        return (translate("imports", "{row} {unit} {fee_item}：台账应收 {billed:,.2f} 元，按收费标准应为 {expected:,.2f} 元").format(
            row=place(self.row), unit=self.unit, fee_item=self.fee_item, billed=self.billed, expected=self.expected))


@dataclass(frozen=True)
class _Item:
    basis: str
    rates: tuple[Rate, ...]
    charger: PeriodCharger


class TariffCheck:
    """The project's priced items and units, loaded once per preview."""

    def __init__(self, session: Session, project_id: int) -> None:
        items = session.scalars(select(FeeItem).where(FeeItem.project_id == project_id)).all()
        tariffs = session.scalars(select(Tariff).where(Tariff.fee_item_id.in_([i.id for i in items]))).all()
        self.items = {i.id: _item(i.basis, tuple(Rate(t.valid_from, t.valid_to, t.unit_use, t.rate)
                                                 for t in tariffs if t.fee_item_id == i.id))
                      for i in items if i.basis not in METERED_BASES and not i.is_deposit}
        self.units = {u.id: (u.area, u.use) for u in session.execute(
            select(Unit.id, Unit.area, Unit.use).where(Unit.project_id == project_id))}
        # Units share floor plans and bills share months: a reconciliation of a million lines
        # asks the same question many times.
        self._known_fen: dict[tuple[object, ...], int | None] = {}

    def checks(self, fee_item_id: int | None) -> bool:
        """Whether lines of this item can be checked at all (priced, not metered, not a deposit)."""
        item = self.items.get(fee_item_id or 0)
        return item is not None and bool(item.rates)

    def expected(self, row: Billed, fee_item_id: int | None) -> Decimal | None:
        """What the tariffs bill for the row's unit and period, or None when they cannot say."""
        if row.period_start is None or row.period_end is None:
            return None
        fen = self.expected_fen(row.unit_id, fee_item_id, row.period_start, row.period_end)
        return None if fen is None else Decimal(fen).scaleb(-2)

    def expected_fen(self, unit_id: int | None, fee_item_id: int | None, start: dt.date, end: dt.date) -> int | None:
        """`expected` in whole fen, for the reconciliation's 700,000 keys of a large ledger: answered by
        what it depends on (item, the unit's area and use, period) without building a row or a Decimal."""
        unit = self.units.get(unit_id or 0)
        key = (fee_item_id, unit, start, end)
        try:
            return self._known_fen[key]
        except KeyError:
            pass
        item = self.items.get(fee_item_id or 0)
        fen = None
        if item is not None and item.rates and unit is not None:
            area, use = unit
            try:
                fen = item.charger.fen(use, start, end, area=area)
            except ValidationError:  # no rate for those days, or no area: nothing to compare with
                fen = None
        self._known_fen[key] = fen
        return fen


def _item(basis: str, rates: tuple[Rate, ...]) -> _Item:
    return _Item(basis, rates, PeriodCharger(basis, rates))


def tariff_mismatches(check: TariffCheck, rows: Sequence[LedgerRow],
                      fee_item_ids: Sequence[int | None]) -> tuple[TariffMismatch, ...]:
    """Rows whose 应收 differs from the tariffs; `fee_item_ids` runs beside `rows` (None = a new item)."""
    out = []
    for row, item_id in zip(rows, fee_item_ids, strict=True):
        expected = check.expected(row, item_id)
        if expected is not None and expected != row.billed:
            out.append(TariffMismatch(row.row, row.unit_number, row.fee_item, row.billed, expected))
    return tuple(out)
