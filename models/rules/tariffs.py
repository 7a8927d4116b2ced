"""Tariffs by date and the billing bases: what a unit is charged for a period or a metered consumption.

A `Rate` mirrors one `Tariff` record (the service layer builds them from records): valid from
`valid_from` to `valid_to` inclusive (None = still valid), for one unit use or for every use ("").
On any day the rate for a unit use is the one for exactly that use if there is one, else the
every-use rate — so "住宅 1.80" overrides a general rate without the general one needing an end date.

Charges are cut where the tariff changes (水费 2.0 元/吨 until 30 June, 2.8 from 1 July): one
`ChargeLine` per tariff segment, each amount rounded half-up to the fen, and a total is the sum of
its rounded lines (SPEC §6).

Months (per_m2_month, per_household, per_space) are counted by calendar month: every calendar month
the period touches counts days_covered ÷ days_in_that_month, so a whole calendar month is exactly 1,
16–30 June is 15/30 and 15 Jan–14 Mar is 17/31 + 1 + 14/31. This count is additive — months(a..c) =
months(a..b) + months(b+1..c) — so billing the two sides of a cut-off separately gives the same
quantity as billing the whole period. Amounts are computed from the exact fraction, never from a
rounded month count.

Metered bases (per_ton, per_kwh, per_m3) are charged from two readings by `metered_charge`. A reading
dated d is taken as at the start of day d — the same convention as the cut-off, whose 抄表底数 are
read on the first day of the incoming company — so two readings on d1 < d2 cover the days
d1 .. d2−1. Meter rollover (a meter passing 99999 back to 0) and meter replacement are out of
scope: a reading below the previous one is refused and the clerk records the new meter separately.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..errors import ValidationError
from ..fees import BASES
from ..i18n import translate
from ..money import div_half_up, round_half_up
from ..project import UnitUse

METERED_BASES = ("per_ton", "per_kwh", "per_m3")
MONTHLY_BASES = ("per_m2_month", "per_household", "per_space")
QUANTITY_PLACES = 2  # meter readings and metered quantities (the Quantity column)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Rate:
    """One tariff: `rate` from `valid_from` to `valid_to` (inclusive; None = open) for `unit_use` (None = every use).

    The use may be given as a member, its code or its label ("" = every use): it is kept as the member.
    """

    valid_from: dt.date
    valid_to: dt.date | None
    unit_use: UnitUse | None
    rate: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_use", use_of(self.unit_use))

    def covers(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class ChargeLine:
    """One billed line of one tariff segment, [start, end] inclusive.

    quantity is what the rate is multiplied by: tons/kWh/m³ (metered, exact to 0.01), ㎡·月 or
    户·月/车位·月 (monthly bases, shown to 4 decimals), ㎡ (heating season) or 1 (fixed). For the
    monthly bases the amount comes from the exact month fraction, so quantity × rate may differ
    from amount in the last fen; `month_count(start, end)` gives the exact months for printing.
    """

    start: dt.date
    end: dt.date
    quantity: Decimal
    rate: Decimal
    amount: Decimal


def _fmt(day: dt.date) -> str:
    return translate("tariffs", "{year}年{month}月{day}日").format(year=day.year, month=day.month, day=day.day)


def use_of(unit_use: UnitUse | str | None) -> UnitUse | None:
    """A unit's use as its member; None or "" is every use (a tariff not told by use)."""
    return None if unit_use is None or unit_use == "" else UnitUse(unit_use)


def _use_label(unit_use: UnitUse | None) -> str:
    return f"“{unit_use.label}”" if unit_use is not None else translate("tariffs", "（不分用途）")


def _item_label(item: str) -> str:
    return f"“{item}”" if item else ""


def _day(value: object, name: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{name} must be datetime.date, not {type(value).__name__}")
    return value


def _decimal(value: object, name: str, places: int | None = None) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{name} is not a number: {value}")
    if places is not None and value.scaleb(places) != value.scaleb(places).to_integral_value():
        raise ValueError(f"{name} must have at most {places} decimals: {value}")
    return value


def _period(start: object, end: object) -> tuple[dt.date, dt.date]:
    start, end = _day(start, "start"), _day(end, "end")
    if start > end:
        raise ValidationError(translate("tariffs", "计费期间有误：起始日 {start} 晚于截止日 {end}。").format(
            start=_fmt(start), end=_fmt(end)))
    return start, end


def rate_on(rates: Iterable[Rate], on: dt.date, unit_use: UnitUse | str | None, *, item: str = "") -> Decimal:
    """The rate valid on `on` for `unit_use`: the use's own rate wins over the every-use (None) rate.

    No rate → ValidationError naming the date and use (the clerk must enter the tariff). Two
    different rates for the same use on the same day → ValidationError too: picking one silently
    would bill the wrong amount.
    """
    _day(on, "on")
    valid = [r for r in rates if r.covers(on)]
    unit_use = use_of(unit_use)
    for use in (unit_use, None):
        found = {r.rate for r in valid if r.unit_use == use}
        if len(found) == 1:
            return _decimal(found.pop(), "rate")
        if len(found) > 1:
            listed = "、".join(str(x) for x in sorted(found))
            raise ValidationError(translate("tariffs", "{item}收费标准重叠：{on}{use}同时有 {listed} 几个标准，请修改收费标准的起止日期。").format(
                item=_item_label(item), on=_fmt(on), use=_use_label(use), listed=listed))
        if use is None:
            break
    raise ValidationError(translate("tariffs", "{item}没有 {on} 适用于{unit_use}的收费标准，请先录入收费标准。").format(
        item=_item_label(item), on=_fmt(on), unit_use=_use_label(unit_use)))


def rate_segments(rates: Iterable[Rate], start: dt.date, end: dt.date, unit_use: UnitUse | str | None, *,
                  item: str = "") -> list[tuple[dt.date, dt.date, Decimal]]:
    """[start, end] cut where the applicable rate changes: (seg_start, seg_end, rate), inclusive, in order.

    Adjacent days with the same rate stay in one segment even if they come from different records.
    A day without any rate raises `rate_on`'s ValidationError naming that day.
    """
    start, end = _period(start, end)
    rates = list(rates)
    cuts = {start}
    for r in rates:
        for day in (r.valid_from, r.valid_to + ONE_DAY if r.valid_to else None):
            if day is not None and start < day <= end:
                cuts.add(day)
    bounds = sorted(cuts)
    segments: list[tuple[dt.date, dt.date, Decimal]] = []
    for i, seg_start in enumerate(bounds):
        seg_end = bounds[i + 1] - ONE_DAY if i + 1 < len(bounds) else end
        rate = rate_on(rates, seg_start, unit_use, item=item)
        if segments and segments[-1][2] == rate:
            segments[-1] = (segments[-1][0], seg_end, rate)
        else:
            segments.append((seg_start, seg_end, rate))
    return segments


def month_count(start: dt.date, end: dt.date) -> Fraction:
    """Months in [start, end]: Σ over calendar months of days covered ÷ days in that month (exact)."""
    start, end = _period(start, end)
    total = Fraction(0)
    day = start
    while day <= end:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        month_end = day.replace(day=days_in_month)
        last = min(month_end, end)
        total += Fraction((last - day).days + 1, days_in_month)
        day = last + ONE_DAY
    return total


def charge_total(lines: Iterable[ChargeLine]) -> Decimal:
    """A total is the sum of its rounded lines (SPEC §6), never a re-rounded product of the whole."""
    return sum((line.amount for line in lines), Decimal("0.00"))


def metered_charge(rates: Iterable[Rate], unit_use: UnitUse | str | None, prev_reading: Decimal, prev_date: dt.date,
                   reading: Decimal, read_on: dt.date, *, item: str = "") -> list[ChargeLine]:
    """Charge the consumption between two readings, one line per tariff segment of the days d1 .. d2−1.

    Consumption spanning a tariff change is shared between the segments by days. Each segment's
    quantity is rounded half-up to 0.01 (the meter precision) cumulatively — segment i gets
    round(c × days up to its end ÷ all days) minus what the earlier segments got — so the last
    segment takes the remainder, quantities add up to the consumption exactly and none goes
    negative (rounding each share on its own can over-allot with three or more segments). With two
    segments this is simply: first = round(c × its days ÷ all days), second = the rest. Each amount
    = quantity × rate rounded half-up to the fen.

    Many meters on one tariff: use a `MeteredCharger`, which cuts each period's segments once.
    """
    return MeteredCharger(rates)(unit_use, prev_reading, prev_date, reading, read_on, item=item)


class MeteredCharger:
    """`metered_charge` for many readings on the same rates (one metered fee item).

    The readings of a handover share a few reading days, so the tariff segments of each (use,
    period) are cut once and kept for the charger's life. The shares and amounts are computed in
    integers — quantities in hundredths, amounts in fen — with the same half-up rounding as
    `round_half_up` of the exact fractions (tests/test_exact_rounding.py compares the two).
    """

    def __init__(self, rates: Iterable[Rate]) -> None:
        self.rates = list(rates)
        self._segments: dict[tuple[UnitUse | None, dt.date, dt.date], list[tuple[dt.date, dt.date, Decimal]]] = {}
        self._ratios: dict[Decimal, tuple[int, int]] = {}

    def segments(self, unit_use: UnitUse | str | None, start: dt.date, end: dt.date, *,
                 item: str = "") -> list[tuple[dt.date, dt.date, Decimal]]:
        """rate_segments(self.rates, start, end, unit_use), cut once per (use, start, end)."""
        key = (use_of(unit_use), start, end)
        found = self._segments.get(key)
        if found is None:  # an error (no tariff that day) is raised every time, naming each meter's item
            found = self._segments[key] = rate_segments(self.rates, start, end, unit_use, item=item)
        return found

    def _ratio(self, rate: Decimal) -> tuple[int, int]:
        found = self._ratios.get(rate)
        if found is None:
            found = self._ratios[rate] = rate.as_integer_ratio()
        return found

    def __call__(self, unit_use: UnitUse | str | None, prev_reading: Decimal, prev_date: dt.date,
                 reading: Decimal, read_on: dt.date, *, item: str = "") -> list[ChargeLine]:
        prev_reading = _decimal(prev_reading, "prev_reading", QUANTITY_PLACES)
        reading = _decimal(reading, "reading", QUANTITY_PLACES)
        prev_date, read_on = _day(prev_date, "prev_date"), _day(read_on, "read_on")
        if read_on <= prev_date:
            raise ValidationError(translate("tariffs", "{item}本次抄表日期 {read_on} 须晚于上次抄表日期 {prev_date}。").format(
                item=_item_label(item), read_on=_fmt(read_on), prev_date=_fmt(prev_date)))
        consumption = reading - prev_reading
        if consumption < 0:
            raise ValidationError(translate("tariffs", "{item}读数小于上次读数：本次 {reading}（{read_on}）小于上次 {prev_reading}（{prev_date}）"
                                                       "。如系换表或表具走满归零，请分别登记新旧表读数。").format(
                item=_item_label(item), reading=reading, read_on=_fmt(read_on), prev_reading=prev_reading, prev_date=_fmt(prev_date)))
        segments = self.segments(unit_use, prev_date, read_on - ONE_DAY, item=item)
        total_days = (read_on - prev_date).days
        hundredths = int(consumption.scaleb(QUANTITY_PLACES))  # exact: both readings have at most 2 decimals
        lines: list[ChargeLine] = []
        allotted = 0  # hundredths
        for seg_start, seg_end, rate in segments:
            upto = (seg_end - prev_date).days + 1
            cumulative = div_half_up(hundredths * upto, total_days)
            quantity = cumulative - allotted
            allotted = cumulative
            # quantity/100 × rate in fen = quantity × rate exactly; rounded half-up to the fen.
            numerator, denominator = self._ratio(rate)
            amount = div_half_up(quantity * numerator, denominator)
            lines.append(ChargeLine(seg_start, seg_end, Decimal(quantity).scaleb(-QUANTITY_PLACES), rate,
                                    Decimal(amount).scaleb(-2)))
        return lines


def _check_basis(basis: str) -> None:
    if basis in METERED_BASES:
        raise ValueError(f"{basis} is metered: use metered_charge")
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")


def _factor(basis: str, area: Decimal | None, spaces: int, item: str) -> Fraction:
    """What a non-metered basis multiplies rate × months by: the area or the spaces (arguments checked)."""
    if isinstance(spaces, bool) or not isinstance(spaces, int) or spaces < 0:
        raise ValueError(f"spaces must be a non-negative int: {spaces!r}")
    if spaces != 1 and basis != "per_space":
        raise ValueError(f"spaces applies to per_space only, not {basis}")
    if basis in ("per_m2_month", "per_m2_season"):
        if area is None:
            raise ValidationError(translate("tariffs", "{item}按建筑面积计费，但该房屋没有建筑面积，请先录入。").format(
                item=_item_label(item)))
        area = _decimal(area, "area")
        if area < 0:
            raise ValidationError(translate("tariffs", "建筑面积不能为负数：{area}。").format(area=area))
        return Fraction(area)
    if area is not None:
        _decimal(area, "area")  # still refuse float, even where area is not used
    return Fraction(spaces)


class PeriodCharger:
    """`charge_total(period_charge(...))` in whole fen, for many units on the same rates (one fee item).

    Checking a ledger against the tariffs asks it for 60,000 (unit, period) pairs of a large
    community. Units share periods: each (use, period)'s segments and months × rate are worked out
    once, and a unit's amount is then a few integer products rounded half-up to the fen — the same
    exact value and rounding as `period_charge`'s lines (tests/test_exact_rounding.py compares them).
    """

    def __init__(self, basis: str, rates: Iterable[Rate], item: str = "") -> None:
        _check_basis(basis)
        self.basis, self.rates, self.item = basis, list(rates), item
        # per (use, start, end): each segment's rate × months (or the one rate), as (numerator, denominator)
        self._parts: dict[tuple[UnitUse | None, dt.date, dt.date], list[tuple[int, int]]] = {}

    def _rate_parts(self, unit_use: UnitUse | str | None, start: dt.date, end: dt.date) -> list[tuple[int, int]]:
        key = (use_of(unit_use), start, end)
        found = self._parts.get(key)
        if found is None:  # a missing tariff raises every time, as period_charge does
            if self.basis in ("per_m2_season", "fixed"):
                parts = [rate_on(self.rates, start, unit_use, item=self.item).as_integer_ratio()]
            else:
                parts = []
                for seg_start, seg_end, seg_rate in rate_segments(self.rates, start, end, unit_use, item=self.item):
                    product = month_count(seg_start, seg_end) * Fraction(seg_rate)
                    parts.append((product.numerator, product.denominator))
            found = self._parts[key] = parts
        return found

    def fen(self, unit_use: UnitUse | str | None, start: dt.date, end: dt.date, *, area: Decimal | None = None) -> int:
        start, end = _period(start, end)
        factor = _factor(self.basis, area, 1, self.item)
        if self.basis == "fixed":
            factor = Fraction(1)
        n, d = factor.numerator * 100, factor.denominator
        return sum(div_half_up(n * pn, d * pd) for pn, pd in self._rate_parts(unit_use, start, end))


def period_charge(basis: str, rates: Iterable[Rate], unit_use: UnitUse | str | None, start: dt.date, end: dt.date, *,
                  area: Decimal | None = None, spaces: int = 1, item: str = "") -> list[ChargeLine]:
    """Charge [start, end] on a non-metered basis of `models.fees.BASES`.

    - per_m2_month: area × rate × months, one line per tariff segment (months: see the module docstring);
    - per_household: rate × months (one household per unit; `spaces` must be 1);
    - per_space: spaces × rate × months;
    - per_m2_season: area × rate, once: [start, end] is the heating season, at the rate valid on its
      first day (a season is priced as a whole; a change announced mid-season applies next season);
    - fixed: the rate once (deposits such as 装修押金), at the rate valid on `start`.

    Metered bases raise ValueError: use `metered_charge`. Missing area for an area basis →
    ValidationError (the unit's 建筑面积 must be entered); float area → TypeError.
    """
    _check_basis(basis)
    start, end = _period(start, end)
    factor = _factor(basis, area, spaces, item)
    if basis in ("per_m2_season", "fixed"):
        rate = rate_on(rates, start, unit_use, item=item)
        quantity = factor if basis == "per_m2_season" else Fraction(1)
        return [ChargeLine(start, end, round_half_up(quantity, 4), rate, round_half_up(quantity * Fraction(rate)))]
    lines = []
    for seg_start, seg_end, rate in rate_segments(rates, start, end, unit_use, item=item):
        quantity = factor * month_count(seg_start, seg_end)
        lines.append(ChargeLine(seg_start, seg_end, round_half_up(quantity, 4), rate,
                                round_half_up(quantity * Fraction(rate))))
    return lines
