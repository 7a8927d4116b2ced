"""The integer arithmetic of the hot loops equals the exact Fraction arithmetic it replaced, to the fen.

`div_half_up`, `round_half_up`, `metered_charge` (and a `MeteredCharger` reused over many readings),
`PeriodCharger` (the tariff check's fen for many units) and `split_line` are compared with the Fraction-based code they replaced — kept here, verbatim, as
the reference — over random and edge inputs: negatives, exact half-way cases, zero, zero
consumption, one-day and zero-day periods, rates of up to four decimals, segments of tariff changes.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import ValidationError
from models.money import div_half_up, round_half_up
from models.rules.cutoff import split_line
from models.rules.tariffs import (
    BASES,
    METERED_BASES,
    QUANTITY_PLACES,
    ChargeLine,
    MeteredCharger,
    PeriodCharger,
    Rate,
    charge_total,
    metered_charge,
    period_charge,
    rate_segments,
)

D = Decimal
DAY = dt.timedelta(days=1)
OLD = dt.date(2018, 1, 1)


# ---- the replaced code, as it was -------------------------------------------------------------

def ref_round_half_up(value: Fraction | int, places: int = 2) -> Decimal:
    value = Fraction(value)
    sign = -1 if value < 0 else 1
    scaled = abs(value) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(sign * whole).scaleb(-places)


def ref_metered_charge(rates: list[Rate], unit_use: str, prev_reading: Decimal, prev_date: dt.date,
                       reading: Decimal, read_on: dt.date) -> list[ChargeLine]:
    """metered_charge's arithmetic before integers (its checks are compared separately)."""
    consumption = reading - prev_reading
    segments = rate_segments(rates, prev_date, read_on - DAY, unit_use)
    total_days = (read_on - prev_date).days
    lines: list[ChargeLine] = []
    allotted = Decimal(0).scaleb(-QUANTITY_PLACES)
    for seg_start, seg_end, rate in segments:
        upto = (seg_end - prev_date).days + 1
        cumulative = ref_round_half_up(Fraction(consumption) * upto / total_days, QUANTITY_PLACES)
        quantity = cumulative - allotted
        allotted = cumulative
        lines.append(ChargeLine(seg_start, seg_end, quantity, rate, ref_round_half_up(Fraction(quantity) * Fraction(rate))))
    return lines


def ref_billed_before(billed: Decimal, days_before: int, total_days: int) -> Decimal:
    return ref_round_half_up(Fraction(billed) * days_before / total_days)


def same(a: Decimal, b: Decimal) -> bool:
    """Equal and written the same (value, sign and exponent): what a dump of the results shows."""
    return repr(a) == repr(b)


# ---- rounding -----------------------------------------------------------------------------------

EDGE_INTS = [0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 10, -10, 49, 50, 51, -49, -50, -51, 99, 100, 101, -101,
             10**20 + 5, -(10**20 + 5), 2**63, -(2**63)]


def test_div_half_up_edges() -> None:
    for n in EDGE_INTS:
        for d in [1, 2, 3, 4, 7, 10, 100, 365, 366, 10**9 + 7]:
            assert div_half_up(n, d) == int(ref_round_half_up(Fraction(n, d), 0)), (n, d)
    assert div_half_up(5, 10) == 1 and div_half_up(-5, 10) == -1  # ties away from zero
    assert div_half_up(15, 10) == 2 and div_half_up(-15, 10) == -2
    assert div_half_up(0, 7) == 0
    for bad in (0, -1):
        with pytest.raises(ValueError):
            div_half_up(1, bad)


@settings(max_examples=3000, deadline=None)
@given(st.integers(-10**15, 10**15), st.integers(1, 10**6), st.integers(0, 6))
def test_round_half_up_equals_the_fraction_rounding(n: int, d: int, places: int) -> None:
    value = Fraction(n, d)
    assert same(round_half_up(value, places), ref_round_half_up(value, places))
    assert div_half_up(n, d) == int(ref_round_half_up(value, 0))


def test_round_half_up_half_way_and_zero() -> None:
    for value in [Fraction(1, 200), Fraction(-1, 200), Fraction(5, 1000), Fraction(-5, 1000), Fraction(0),
                  Fraction(-1, 1000), Fraction(1, 1000), Fraction(25, 10), Fraction(-25, 10), 0, 7, -7]:
        for places in range(5):
            assert same(round_half_up(value, places), ref_round_half_up(value, places)), (value, places)


# ---- metered charges --------------------------------------------------------------------------

def _rate_value(rnd: random.Random) -> Decimal:
    places = rnd.choice([0, 1, 2, 3, 4])
    return Decimal(rnd.randint(-5000, 500_000)).scaleb(-places)


def _tariffs(rnd: random.Random, start: dt.date) -> list[Rate]:
    """1 to 4 consecutive every-use rates, plus sometimes a 住宅 rate from a random day."""
    rates: list[Rate] = []
    day = OLD
    for k in range(rnd.randint(1, 4)):
        last = k == 3 or rnd.random() < 0.3
        end = None if last else start + dt.timedelta(days=rnd.randint(-30, 400))
        if end is not None and end < day:
            end = day
        rates.append(Rate(day, end, "", _rate_value(rnd)))
        if end is None:
            break
        day = end + DAY
    if rates[-1].valid_to is not None:
        rates.append(Rate(rates[-1].valid_to + DAY, None, "", _rate_value(rnd)))
    if rnd.random() < 0.3:
        rates.append(Rate(start + dt.timedelta(days=rnd.randint(0, 200)), None, "住宅", _rate_value(rnd)))
    return rates


def _reading(rnd: random.Random) -> Decimal:
    return Decimal(rnd.choice([0, 1, 2, 3, 5, 50, 99, 100, 101, rnd.randint(0, 10**9)])).scaleb(-2)


def test_metered_charge_equals_the_fraction_arithmetic_on_random_readings() -> None:
    rnd = random.Random(20261203)
    for _ in range(300):
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randint(0, 500))
        rates = _tariffs(rnd, start)
        charger = MeteredCharger(rates)  # reused: its cut segments must serve every reading alike
        for _ in range(20):
            prev_date = start + dt.timedelta(days=rnd.randint(0, 30))
            read_on = prev_date + dt.timedelta(days=rnd.choice([1, 2, 3, 30, 31, rnd.randint(1, 800)]))
            prev = _reading(rnd)
            reading = prev + _reading(rnd)
            use = rnd.choice(["", "住宅", "商铺"])
            expected = ref_metered_charge(rates, use, prev, prev_date, reading, read_on)
            for got in (charger(use, prev, prev_date, reading, read_on),
                        metered_charge(rates, use, prev, prev_date, reading, read_on)):
                assert [(x.start, x.end, repr(x.quantity), repr(x.rate), repr(x.amount)) for x in got] == \
                       [(x.start, x.end, repr(x.quantity), repr(x.rate), repr(x.amount)) for x in expected]


def _area(rnd: random.Random) -> Decimal | None:
    return rnd.choice([None, D("0"), D("0.01"), D("89.5"), D("-3"), Decimal(rnd.randint(0, 40_000)).scaleb(-2)])


def _outcome(charge: Callable[..., object], *args: object, **kwargs: object) -> object:
    """What a call gives: its value, or the refusal it raises."""
    try:
        return charge(*args, **kwargs)
    except ValidationError as exc:
        return ("refused", str(exc))


def _total_fen(basis: str, rates: list[Rate], use: str, first: dt.date, last: dt.date, area: Decimal | None) -> int:
    return int(charge_total(period_charge(basis, rates, use, first, last, area=area)).scaleb(2))


def test_period_charger_equals_the_sum_of_period_charge_lines() -> None:
    """A charger reused over many units and periods gives charge_total(period_charge(...)) in fen, and
    refuses (no rate, no area, a negative area, a reversed period) where period_charge refuses."""
    rnd = random.Random(20261204)
    bases = [b for b in BASES if b not in METERED_BASES]
    for _ in range(200):
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randint(0, 500))
        rates = _tariffs(rnd, start)
        basis = rnd.choice(bases)
        charger = PeriodCharger(basis, rates)
        for _ in range(25):
            first = start + dt.timedelta(days=rnd.randint(-400, 60))
            last = first + dt.timedelta(days=rnd.choice([-1, 0, 1, 29, 30, 31, 90, 364, rnd.randint(0, 800)]))
            use, area = rnd.choice(["", "住宅", "商铺"]), _area(rnd)
            expected = _outcome(_total_fen, basis, rates, use, first, last, area)
            assert _outcome(charger.fen, use, first, last, area=area) == expected, (basis, first, last, area)


def test_metered_half_way_cases_and_zero_consumption() -> None:
    june, july = dt.date(2026, 6, 30), dt.date(2026, 7, 1)
    rates = [Rate(OLD, june, "", D("0.5000")), Rate(july, None, "", D("-1.5"))]  # 0.01 × 0.5: half a fen
    charger = MeteredCharger(rates)
    for prev, reading, first, end in [
        (D("0.00"), D("0.00"), june, july + DAY),        # nothing used
        (D("10.00"), D("10.01"), june, july + DAY),      # 0.01 over two days: 0.005 rounds up to the first
        (D("0.00"), D("0.03"), june, july + DAY),        # 0.015 → 0.02, the rest 0.01
        (D("0.00"), D("1.00"), june, july),              # one day, one segment
        (D("0.00"), D("0.02"), june - DAY, july + DAY),  # three days: 0.0133 → 0.01, rest 0.01
        (D("5.00"), D("5.11"), june, july + 9 * DAY),    # odd hundredths at 0.5 and −1.5: ties both ways
    ]:
        expected = ref_metered_charge(rates, "", prev, first, reading, end)
        got = charger("", prev, first, reading, end)
        assert [repr(x.amount) for x in got] == [repr(x.amount) for x in expected]
        assert [repr(x.quantity) for x in got] == [repr(x.quantity) for x in expected]
        assert sum((x.quantity for x in got), D("0.00")) == reading - prev


def test_metered_refusals_are_unchanged() -> None:
    rates = [Rate(OLD, None, "", D("2.00"))]
    charger = MeteredCharger(rates)
    day = dt.date(2026, 6, 1)
    with pytest.raises(ValidationError):  # zero days: the reading must be after the previous one
        charger("", D("1.00"), day, D("2.00"), day)
    with pytest.raises(ValidationError):  # a reading below the previous one
        charger("", D("2.00"), day, D("1.00"), day + DAY)
    with pytest.raises(ValueError):  # more decimals than the meter reads
        charger("", D("1.001"), day, D("2.00"), day + DAY)
    with pytest.raises(TypeError):
        charger("", 1.0, day, D("2.00"), day + DAY)  # type: ignore[arg-type]
    # No tariff on a day: refused for every reading that needs it, each naming its own meter.
    late = MeteredCharger([Rate(dt.date(2026, 7, 1), None, "", D("2.00"))])
    for meter in ("表号 1", "表号 2"):
        with pytest.raises(ValidationError, match=meter):
            late("", D("1.00"), day, D("2.00"), day + 40 * DAY, item=meter)


# ---- the cut-off split ------------------------------------------------------------------------

@settings(max_examples=2000, deadline=None)
@given(st.integers(-10**9, 10**9), st.integers(-10**9, 10**9), st.integers(1, 800), st.integers(0, 800))
def test_split_line_equals_the_fraction_rounding(billed_fen: int, paid_fen: int, days: int, cut: int) -> None:
    start = dt.date(2025, 1, 1)
    end = start + dt.timedelta(days=days - 1)
    cutoff = start + dt.timedelta(days=cut)
    billed, paid = D(billed_fen).scaleb(-2), D(paid_fen).scaleb(-2)
    split = split_line(start, end, billed, paid, cutoff)
    if start < cutoff <= end:
        assert split.before is not None and split.after is not None
        expected = ref_billed_before(billed, (cutoff - start).days, days)
        assert same(split.before.billed, expected)
        assert same(split.after.billed, billed - expected)


def test_split_line_half_fen_edges() -> None:
    start, cutoff = dt.date(2026, 6, 30), dt.date(2026, 7, 1)
    for fen in [0, 1, -1, 3, -3, 5, -5, 99, -99, 100, -100]:
        for days in (2, 3, 4):
            end = start + dt.timedelta(days=days - 1)
            billed = D(fen).scaleb(-2)
            split = split_line(start, end, billed, D("0.00"), cutoff)
            assert split.before is not None
            assert same(split.before.billed, ref_billed_before(billed, 1, days)), (fen, days)
