"""收费项目与收费标准: the fee items of a project and their rates by date and unit use.

A new rate from a date closes the rate it replaces the day before, so 水费 2.0 → 2.8 from
1 July is one action, and the metered charges across that day are split between the two.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..base import DocStatus
from ..db import Database
from ..errors import ValidationError
from ..fees import BASES, FeeItem, LedgerLine, Tariff
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role
from ..project import UnitUse
from ..rules.numbers import RATE, check_number
from .common import get, lock_handover
from .ledger_state import ledger_changed
from .permissions import Permit, permit, require_role
from .place_choices import read_optional_member
from .settlement_state import latest_settlement

ONE_DAY = dt.timedelta(days=1)
RATE_STEP = Decimal("0.0001")
SET_RATE = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "设置收费标准"))  # who may set a tariff, as a refusal names the action


@dataclass(frozen=True)
class TariffRow:
    id: int
    valid_from: dt.date
    valid_to: dt.date | None
    unit_use: UnitUse | None  # None = every use
    rate: Decimal


@dataclass(frozen=True)
class FeeItemRow:
    id: int
    version: int
    code: str
    name: str
    basis: str
    basis_label: str
    is_deposit: bool
    collected_for_others: bool
    tariffs: tuple[TariffRow, ...]


def _row(item: FeeItem, tariffs: list[Tariff]) -> FeeItemRow:
    return FeeItemRow(item.id, item.version, item.code, item.name, item.basis, BASES.get(item.basis, item.basis),
                      item.is_deposit, item.collected_for_others,
                      tuple(TariffRow(t.id, t.valid_from, t.valid_to, t.unit_use, t.rate)
                            for t in sorted(tariffs, key=_tariff_order)))


def _tariff_order(t: Tariff) -> tuple[int, int, dt.date]:
    """Every-use rates first, then by use in the form's order (not by code), each by date."""
    uses = list(UnitUse)
    return (0 if t.unit_use is None else 1, uses.index(t.unit_use) if t.unit_use is not None else 0, t.valid_from)


def fee_items(db: Database, project_id: int) -> list[FeeItemRow]:
    with db.read() as s:
        items = s.scalars(select(FeeItem).where(FeeItem.project_id == project_id).order_by(FeeItem.id)).all()
        tariffs = s.scalars(select(Tariff).where(Tariff.fee_item_id.in_([i.id for i in items]))).all()
        return [_row(i, [t for t in tariffs if t.fee_item_id == i.id]) for i in items]


def add_fee_item(db: Database, project_id: int, *, code: str, name: str, basis: str, is_deposit: bool = False,
                 collected_for_others: bool = False) -> FeeItemRow:
    code, name = code.strip().upper(), name.strip()
    if not code:
        raise ValidationError(translate("fee_items", "「项目编码」不能为空。"))
    if not name:
        raise ValidationError(translate("fee_items", "「项目名称」不能为空。"))
    if basis not in BASES:
        raise ValidationError(translate("fee_items", "「计费方式」无效：{basis}。").format(basis=basis))
    with db.begin() as s:
        taken = s.scalar(select(FeeItem.id).where(FeeItem.project_id == project_id,
                                                  (FeeItem.code == code) | (FeeItem.name == name)))
        if taken:
            raise ValidationError(translate("fee_items", "收费项目“{name}”或编码“{code}”已存在。").format(name=name, code=code))
        item = FeeItem(project_id=project_id, code=code, name=name, basis=basis, is_deposit=is_deposit,
                       collected_for_others=collected_for_others)
        s.add(item)
        s.flush()
        return _row(item, [])


def _check_rate(rate: Decimal) -> Decimal:
    """A Decimal (never a float: 2.8 is not 2.79999…), not negative, to 4 places, in the Rate column's range."""
    if isinstance(rate, (float, bool)) or not isinstance(rate, (Decimal, int)):
        raise ValidationError(translate("fee_items", "「单价」应为数字（元，最多四位小数）。"))
    if isinstance(rate, Decimal) and not rate.is_finite():
        raise ValidationError(translate("fee_items", "「单价」应为数字，不能是“{rate}”。").format(rate=rate))
    value = Decimal(rate)
    if value < 0:
        raise ValidationError(translate("fee_items", "「单价」不能为负数。"))
    if value > RATE.high:
        check_number(value, translate("fee_items", "单价"), RATE)  # the range, by name: 1E+20 is no rate
    if value != value.quantize(RATE_STEP):
        raise ValidationError(translate("fee_items", "「单价」最多四位小数。"))
    return check_number(value.quantize(RATE_STEP), translate("fee_items", "单价"), RATE)


def _open_rates(s: Session, fee_item_id: int, unit_use: UnitUse | None) -> list[Tariff]:
    # Every use is stored as "" (== None would be IS NULL in SQL).
    stored = unit_use if unit_use is not None else ""
    return list(s.scalars(select(Tariff).where(Tariff.fee_item_id == fee_item_id, Tariff.unit_use == stored)
                          .order_by(Tariff.valid_from)))


def rate_permit(db: Database) -> Permit:
    return permit(db, *SET_RATE)


def set_rate(db: Database, fee_item_id: int, *, valid_from: dt.date, rate: Decimal,
             unit_use: UnitUse | str | None = None) -> FeeItemRow:
    """A rate from `valid_from` on (for one unit use, as a member, its code or label; None or "" for every use).

    The rate in force on that day ends the day before; a rate already starting on that day is
    replaced. A rate that starts later stays, and the new one ends the day before it.
    """
    rate = _check_rate(rate)
    use = read_optional_member(UnitUse, unit_use, translate("fee_items", "「房屋用途」无效：{value}。可选：{choices}。"))
    if not isinstance(valid_from, dt.date) or isinstance(valid_from, dt.datetime):
        raise ValidationError(translate("fee_items", "「起用日期」应为日期。"))
    require_role(db, *SET_RATE)
    with db.begin() as s:
        item = get(s, FeeItem, fee_item_id)
        handovers = _project_handovers(s, item.project_id)
        _refuse_signed_period(s, item, handovers, valid_from)
        ledger_changed(s, handovers)  # their lines are priced again: reconcile before signing
        rates = _open_rates(s, fee_item_id, use)
        for t in rates:
            if t.valid_from == valid_from:
                t.rate = rate
                break
        else:
            later = [t.valid_from for t in rates if t.valid_from > valid_from]
            for t in rates:
                if t.valid_from < valid_from and (t.valid_to is None or t.valid_to >= valid_from):
                    t.valid_to = valid_from - ONE_DAY
            s.add(Tariff(fee_item_id=fee_item_id, valid_from=valid_from, unit_use=use, rate=rate,
                         valid_to=min(later) - ONE_DAY if later else None))
        s.flush()
        return _row(item, list(s.scalars(select(Tariff).where(Tariff.fee_item_id == fee_item_id))))


def _project_handovers(s: Session, project_id: int) -> list[int]:
    """The project's handovers, locked: a signing of any of them waits for this rate."""
    ids = list(s.scalars(select(Handover.id).where(Handover.project_id == project_id).order_by(Handover.id)))
    for handover_id in ids:
        lock_handover(s, handover_id)
    return ids


def _signed_until(s: Session, item: FeeItem, handover_id: int) -> dt.date | None:
    """The last day a signed settlement of the handover priced with this item's rates, or None.

    That is its cut-off (meter charges run up to it), or later where a line it settled spans it.
    """
    current = latest_settlement(s, handover_id)
    if current is None or current.status is not DocStatus.SIGNED:
        return None
    cutoff = get(s, Handover, handover_id).cutoff_date
    spans = s.scalar(select(func.max(LedgerLine.period_end)).where(
        LedgerLine.handover_id == handover_id, LedgerLine.fee_item_id == item.id,
        LedgerLine.period_start <= cutoff))
    return max(cutoff, spans) if spans is not None else cutoff


def _refuse_signed_period(s: Session, item: FeeItem, handovers: list[int], valid_from: dt.date) -> None:
    """A rate must not reprice a period a signed settlement settled: amend that settlement first."""
    for handover_id in handovers:
        until = _signed_until(s, item, handover_id)
        if until is not None and valid_from <= until:
            caption = get(s, Handover, handover_id).caption
            raise ValidationError(translate(
                "fee_items", "「起用日期」{valid_from} 早于已签署的财务结算（{caption}）所结算的期间"
                "（至 {until}），这个单价会改变已签署的金额。请从 {next_day} 起设置，"
                "或由主管先“修订结算”再调整。").format(
                    valid_from=f"{valid_from:%Y-%m-%d}", caption=caption, until=f"{until:%Y-%m-%d}",
                    next_day=f"{until + ONE_DAY:%Y-%m-%d}"))


def fee_item_names(db: Database, handover_id: int) -> list[str]:
    """The names of the fee items of the handover's project (the fees tab's 收费项目 filter)."""
    with db.read() as s:
        project_id = get(s, Handover, handover_id).project_id
        names = s.scalars(select(FeeItem.name).where(FeeItem.project_id == project_id).order_by(FeeItem.id))
        return list(dict.fromkeys(names))
