"""Fee items with dated tariffs, and the meter readings both companies agreed at the cut-off."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..fees import FeeItem, MeterKind, Tariff
from ..project import UnitUse
from .community import Community, versioned
from .plan import CUTOFF
from .writer import Row, Writer

D = Decimal
OLD = dt.date(2018, 1, 1)
JULY = dt.date(2026, 7, 1)


@dataclass(frozen=True)
class Fee:
    code: str
    name: str
    basis: str
    rates: tuple[tuple[str, Decimal, dt.date, dt.date | None], ...]  # (unit use or "", rate, from, to)
    deposit: bool = False
    for_others: bool = False


FEES = (
    Fee("WYF", "物业服务费", "per_m2_month",
        ((UnitUse.RESIDENCE, D("1.80"), OLD, None), (UnitUse.SHOP, D("3.50"), OLD, None), (UnitUse.OFFICE, D("2.50"), OLD, None),
         (UnitUse.STORAGE, D("0.90"), OLD, None))),
    Fee("GNF", "供暖费", "per_m2_season", ((UnitUse.RESIDENCE, D("22.00"), OLD, None), (UnitUse.SHOP, D("28.00"), OLD, None))),
    Fee("LJF", "垃圾消纳费", "per_household", ((UnitUse.RESIDENCE, D("3.00"), OLD, None), (UnitUse.SHOP, D("30.00"), OLD, None))),
    Fee("CWF", "车位费", "per_space", ((UnitUse.PARKING, D("120.00"), OLD, None),)),
    # 水费 2.0 → 2.8 元/吨 from 1 July: the tariff change the spec names.
    Fee("SF", "水费", "per_ton", (("", D("2.0000"), OLD, CUTOFF), ("", D("2.8000"), JULY, None))),
    Fee("DF", "电费", "per_kwh", ((UnitUse.SHOP, D("0.5283"), OLD, None),)),
    Fee("RQF", "燃气费（代收代缴）", "per_m3", ((UnitUse.RESIDENCE, D("2.6100"), OLD, None),), for_others=True),
    Fee("ZXYJ", "装修押金", "fixed", (("", D("2000.00"), OLD, None),), deposit=True),
    Fee("MJKYJ", "门禁卡押金", "fixed", (("", D("50.00"), OLD, None),), deposit=True),
)


@dataclass(frozen=True)
class FeeBook:
    """Fee item ids by code, and the rate of a fee for a use on a date."""

    ids: dict[str, int]

    @staticmethod
    def rate(code: str, use: str, on: dt.date) -> Decimal:
        for fee in FEES:
            if fee.code == code:
                for unit_use, rate, start, end in fee.rates:
                    if unit_use in ("", use) and start <= on and (end is None or on <= end):
                        return rate
        raise KeyError((code, use, on))


def insert_fees(w: Writer, project_id: int) -> FeeBook:
    first = w.next_id(FeeItem.__table__)
    ids = {fee.code: first + i for i, fee in enumerate(FEES)}
    w.insert(FeeItem.__table__, [versioned(id=ids[f.code], project_id=project_id, code=f.code, name=f.name,
                                           basis=f.basis, is_deposit=f.deposit, collected_for_others=f.for_others)
                                 for f in FEES], "收费项目")
    w.insert(Tariff.__table__, [versioned(fee_item_id=ids[f.code], valid_from=start, valid_to=end, unit_use=use,
                                          rate=rate)
                                for f in FEES for use, rate, start, end in f.rates], "收费标准")
    return FeeBook(ids)


LAST_BILLED = dt.date(2026, 5, 31)  # 原物业's last monthly reading; June's usage is settled at the cut-off


def _reading(rng: random.Random, handover_id: int, kind: MeterKind, meter_no: str, unit_id: int | None,
             location: str, lo: int, hi: int, billed: bool = True) -> Row:
    """A reading at the cut-off; a meter the property bills also has 原物业's last billed reading."""
    reading = rng.randint(lo, hi)
    used = rng.randint(0, max(lo // 20, 100))  # June's usage, in hundredths
    return versioned(handover_id=handover_id, meter_no=meter_no, kind=kind, unit_id=unit_id, location=location,
                     reading=Decimal(reading).scaleb(-2), read_on=CUTOFF,
                     prev_reading=Decimal(reading - used).scaleb(-2) if billed else None,
                     prev_read_on=LAST_BILLED if billed else None)


def meter_readings(c: Community, handover_id: int, rng: random.Random) -> Iterator[Row]:
    """抄表底数 at the cut-off: water for every flat and shop, power for all but parking, gas for flats.

    The property bills water, shops' power and gas (代收代缴); flats pay the grid for power and the
    common meters are the property's own cost, so those readings are recorded without a charge.
    """
    for u in c.units:
        if u.use in (UnitUse.RESIDENCE, UnitUse.SHOP):
            yield _reading(rng, handover_id, MeterKind.WATER, f"S{u.id:07d}", u.id, "", 20_000, 120_000)
        if u.use != UnitUse.PARKING:
            yield _reading(rng, handover_id, MeterKind.POWER, f"D{u.id:07d}", u.id, "", 100_000, 2_500_000,
                           u.use == UnitUse.SHOP)
        if u.use == UnitUse.RESIDENCE:
            yield _reading(rng, handover_id, MeterKind.GAS, f"Q{u.id:07d}", u.id, "", 10_000, 300_000)
    for name, bid in c.buildings.items():
        yield _reading(rng, handover_id, MeterKind.WATER, f"SZ{bid:05d}", None, f"{name} 楼栋总水表", 1_000_000, 9_000_000,
                       False)
        yield _reading(rng, handover_id, MeterKind.POWER, f"DZ{bid:05d}", None, f"{name} 公共用电", 1_000_000, 20_000_000,
                       False)
