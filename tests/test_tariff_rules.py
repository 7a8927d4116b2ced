"""Tariffs by date, month counting, metered and period charges: examples and properties."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import ValidationError
from models.fees import BASES
from models.rules.tariffs import (
    METERED_BASES,
    ChargeLine,
    Rate,
    charge_total,
    metered_charge,
    month_count,
    period_charge,
    rate_on,
    rate_segments,
)

D = Decimal
DAY = dt.timedelta(days=1)
OLD = dt.date(2018, 1, 1)
JUNE_30 = dt.date(2026, 6, 30)
JULY = dt.date(2026, 7, 1)
# 水费 2.0 元/吨 until 30 June, 2.8 from 1 July (the demo's tariffs).
WATER = [Rate(OLD, JUNE_30, "", D("2.0000")), Rate(JULY, None, "", D("2.8000"))]
SERVICE = [Rate(OLD, None, "住宅", D("1.80")), Rate(OLD, None, "商铺", D("3.50")), Rate(OLD, None, "", D("1.20"))]


def test_use_specific_rate_wins_over_every_use_rate() -> None:
    assert rate_on(SERVICE, JULY, "商铺") == D("3.50")
    assert rate_on(SERVICE, JULY, "住宅") == D("1.80")
    assert rate_on(SERVICE, JULY, "办公") == D("1.20")  # no 办公 rate: the every-use one
    assert rate_on(SERVICE, JULY, "") == D("1.20")


def test_rate_changes_on_its_dates_inclusive() -> None:
    assert rate_on(WATER, JUNE_30, "住宅") == D("2.0")
    assert rate_on(WATER, JULY, "住宅") == D("2.8")


def test_missing_tariff_names_date_and_use() -> None:
    with pytest.raises(ValidationError, match="没有 2017年12月31日 适用于“住宅”的收费标准"):
        rate_on(WATER, dt.date(2017, 12, 31), "住宅")
    with pytest.raises(ValidationError, match="“水费”没有 2017年12月31日 适用于（不分用途）的收费标准"):
        rate_on(WATER, dt.date(2017, 12, 31), "", item="水费")
    shops_only = [Rate(OLD, None, "商铺", D("30.00"))]
    with pytest.raises(ValidationError, match="2026年7月1日.*“住宅”"):
        rate_on(shops_only, JULY, "住宅")


def test_overlapping_tariffs_are_refused_not_guessed() -> None:
    overlap = [Rate(OLD, None, "", D("2.0")), Rate(JULY, None, "", D("2.8"))]
    with pytest.raises(ValidationError, match="重叠"):
        rate_on(overlap, JULY, "住宅")
    assert rate_on(overlap, JUNE_30, "住宅") == D("2.0")


def test_segments_cut_where_the_tariff_changes() -> None:
    assert rate_segments(WATER, dt.date(2026, 6, 1), dt.date(2026, 7, 31), "住宅") == [
        (dt.date(2026, 6, 1), JUNE_30, D("2.0")), (JULY, dt.date(2026, 7, 31), D("2.8"))]
    assert rate_segments(WATER, JULY, dt.date(2026, 7, 31), "") == [(JULY, dt.date(2026, 7, 31), D("2.8"))]
    same = [Rate(OLD, JUNE_30, "", D("2.0")), Rate(JULY, None, "", D("2.0"))]  # re-issued, same rate: one segment
    assert rate_segments(same, dt.date(2026, 6, 1), dt.date(2026, 7, 31), "") == [
        (dt.date(2026, 6, 1), dt.date(2026, 7, 31), D("2.0"))]


def test_a_gap_between_tariffs_names_the_first_day_without_one() -> None:
    gap = [Rate(OLD, dt.date(2026, 6, 15), "", D("2.0")), Rate(JULY, None, "", D("2.8"))]
    with pytest.raises(ValidationError, match="2026年6月16日"):
        rate_segments(gap, dt.date(2026, 6, 1), dt.date(2026, 7, 31), "")


def test_water_spanning_the_first_of_july() -> None:
    # Readings on 1 June and 1 August cover 1 June .. 31 July: 30 days at 2.0, 31 days at 2.8.
    lines = metered_charge(WATER, "住宅", D("100.00"), dt.date(2026, 6, 1), D("161.00"), dt.date(2026, 8, 1))
    assert lines == [
        ChargeLine(dt.date(2026, 6, 1), JUNE_30, D("30.00"), D("2.0000"), D("60.00")),
        ChargeLine(JULY, dt.date(2026, 7, 31), D("31.00"), D("2.8000"), D("86.80")),
    ]
    assert charge_total(lines) == D("146.80")


def test_water_half_ton_rounds_up_and_the_last_segment_takes_the_rest() -> None:
    # 16 June .. 15 July: 15 days each side; 12.35 t → 6.175 → 6.18 before, 6.17 after.
    lines = metered_charge(WATER, "", D("0.00"), dt.date(2026, 6, 16), D("12.35"), dt.date(2026, 7, 16))
    assert [(x.quantity, x.amount) for x in lines] == [(D("6.18"), D("12.36")), (D("6.17"), D("17.28"))]


def test_water_within_one_tariff_is_one_line() -> None:
    lines = metered_charge(WATER, "", D("1234.56"), JULY, D("1250.00"), dt.date(2026, 8, 1))
    assert lines == [ChargeLine(JULY, dt.date(2026, 7, 31), D("15.44"), D("2.8000"), D("43.23"))]  # 43.232


def test_three_or_more_segments_never_go_negative() -> None:
    # Rounding each one-day share of 0.02 t on its own would give 0.01 + 0.01 + 0.01 and leave −0.01
    # for the last; cumulative rounding gives 0.01, 0.00, 0.01, 0.00.
    start = dt.date(2026, 7, 1)
    daily = [Rate(start + i * DAY, start + i * DAY, "", D(i + 1)) for i in range(4)]
    lines = metered_charge(daily, "", D("0.00"), start, D("0.02"), start + 4 * DAY)
    assert [x.quantity for x in lines] == [D("0.01"), D("0.00"), D("0.01"), D("0.00")]
    assert [x.amount for x in lines] == [D("0.01"), D("0.00"), D("0.03"), D("0.00")]


def test_zero_consumption_bills_nothing() -> None:
    lines = metered_charge(WATER, "", D("5.00"), dt.date(2026, 6, 1), D("5.00"), dt.date(2026, 8, 1))
    assert [x.amount for x in lines] == [D("0.00"), D("0.00")]


def test_reading_below_previous_is_refused() -> None:
    with pytest.raises(ValidationError, match="读数小于上次读数"):
        metered_charge(WATER, "", D("100.00"), dt.date(2026, 6, 1), D("99.99"), JULY)
    with pytest.raises(ValidationError, match="须晚于上次抄表日期"):
        metered_charge(WATER, "", D("100.00"), JULY, D("101.00"), JULY)
    with pytest.raises(TypeError):
        metered_charge(WATER, "", 100.0, dt.date(2026, 6, 1), D("101.00"), JULY)  # type: ignore[arg-type]


def test_month_counting() -> None:
    assert month_count(dt.date(2026, 6, 1), JUNE_30) == 1
    assert month_count(dt.date(2026, 6, 16), JUNE_30) == Fraction(15, 30)
    assert month_count(dt.date(2026, 1, 15), dt.date(2026, 3, 14)) == Fraction(17, 31) + 1 + Fraction(14, 31)
    assert month_count(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == 1  # leap February is one month too
    assert month_count(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == 12


def test_service_fee_for_a_partial_month() -> None:
    # 住宅 89.50 ㎡ × 1.80 元/㎡·月, 16–30 June = 15/30 month → 80.55.
    lines = period_charge("per_m2_month", SERVICE, "住宅", dt.date(2026, 6, 16), JUNE_30, area=D("89.50"))
    assert lines == [ChargeLine(dt.date(2026, 6, 16), JUNE_30, D("44.7500"), D("1.80"), D("80.55"))]
    # 10–20 January: 11/31 month: 161.10 × 11/31 = 57.164… → 57.16.
    jan = period_charge("per_m2_month", SERVICE, "住宅", dt.date(2026, 1, 10), dt.date(2026, 1, 20), area=D("89.50"))
    assert charge_total(jan) == D("57.16")
    # A shop at its own rate for a whole quarter.
    q3 = period_charge("per_m2_month", SERVICE, "商铺", JULY, dt.date(2026, 9, 30), area=D("120.00"))
    assert charge_total(q3) == D("1260.00")


def test_service_fee_across_a_rate_change_gives_one_line_per_rate() -> None:
    rates = [Rate(OLD, JUNE_30, "住宅", D("1.80")), Rate(JULY, None, "住宅", D("2.00"))]
    lines = period_charge("per_m2_month", rates, "住宅", dt.date(2026, 6, 16), dt.date(2026, 7, 31), area=D("89.50"))
    assert [(x.start, x.end, x.rate, x.amount) for x in lines] == [
        (dt.date(2026, 6, 16), JUNE_30, D("1.80"), D("80.55")), (JULY, dt.date(2026, 7, 31), D("2.00"), D("179.00"))]
    assert charge_total(lines) == D("259.55")


def test_household_space_season_and_fixed() -> None:
    garbage = [Rate(OLD, None, "住宅", D("3.00"))]
    assert charge_total(period_charge("per_household", garbage, "住宅", dt.date(2026, 1, 1), JUNE_30)) == D("18.00")
    parking = [Rate(OLD, None, "车位", D("120.00"))]
    half = period_charge("per_space", parking, "车位", dt.date(2026, 6, 16), JUNE_30, spaces=2)
    assert [(x.quantity, x.amount) for x in half] == [(D("1.0000"), D("120.00"))]
    heating = [Rate(OLD, None, "住宅", D("22.00"))]
    season = period_charge("per_m2_season", heating, "住宅", dt.date(2025, 11, 15), dt.date(2026, 3, 15),
                           area=D("89.50"))
    assert season == [ChargeLine(dt.date(2025, 11, 15), dt.date(2026, 3, 15), D("89.5000"), D("22.00"),
                                 D("1969.00"))]
    deposit = [Rate(OLD, None, "", D("2000.00"))]
    assert charge_total(period_charge("fixed", deposit, "住宅", JULY, JULY)) == D("2000.00")


def test_period_charge_refusals() -> None:
    for basis in METERED_BASES:
        with pytest.raises(ValueError, match="metered_charge"):
            period_charge(basis, WATER, "", JULY, dt.date(2026, 7, 31))
    with pytest.raises(ValueError):
        period_charge("per_week", SERVICE, "住宅", JULY, dt.date(2026, 7, 31))
    with pytest.raises(ValidationError, match="建筑面积"):
        period_charge("per_m2_month", SERVICE, "住宅", JULY, dt.date(2026, 7, 31))
    with pytest.raises(TypeError):
        period_charge("per_m2_month", SERVICE, "住宅", JULY, dt.date(2026, 7, 31), area=89.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        period_charge("per_household", SERVICE, "住宅", JULY, dt.date(2026, 7, 31), spaces=2)
    with pytest.raises(ValidationError, match="晚于截止日"):
        period_charge("per_m2_month", SERVICE, "住宅", dt.date(2026, 8, 1), JULY, area=D("1"))


def test_every_basis_is_handled() -> None:
    handled = set(METERED_BASES) | {"per_m2_month", "per_household", "per_space", "per_m2_season", "fixed"}
    assert handled == set(BASES)


# --- properties ---

BASE = dt.date(2025, 1, 1)


@st.composite
def tariff_history(draw: st.DrawFn) -> list[Rate]:
    """Consecutive tariffs from BASE: a few change days, rates with 4 decimals."""
    changes = sorted(set(draw(st.lists(st.integers(1, 700), max_size=5))))
    starts = [BASE] + [BASE + n * DAY for n in changes]
    rates = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - DAY if i + 1 < len(starts) else None
        rates.append(Rate(start, end, "", D(draw(st.integers(0, 99_999))).scaleb(-4)))
    return rates


@settings(max_examples=300, deadline=None, derandomize=True)
@given(tariff_history(), st.integers(0, 600), st.integers(1, 400),
       st.integers(0, 10**8), st.integers(0, 10**7))
def test_metered_quantities_add_up_exactly(rates: list[Rate], offset: int, days: int, prev: int, used: int) -> None:
    prev_date = BASE + offset * DAY
    read_on = prev_date + days * DAY
    prev_reading, consumption = D(prev).scaleb(-2), D(used).scaleb(-2)
    lines = metered_charge(rates, "住宅", prev_reading, prev_date, prev_reading + consumption, read_on)
    assert sum(x.quantity for x in lines) == consumption
    assert lines[0].start == prev_date and lines[-1].end == read_on - DAY
    assert all(b.start == a.end + DAY for a, b in pairwise(lines))
    for x in lines:
        assert x.quantity >= 0 and -x.quantity.as_tuple().exponent == 2
        assert -x.amount.as_tuple().exponent == 2
        assert x.amount == (x.quantity * x.rate).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert x.rate == rate_on(rates, x.start, "住宅") == rate_on(rates, x.end, "住宅")
    assert charge_total(lines) == sum(x.amount for x in lines)
    # The quantity up to the end of the first segment is the rounded day share, as at the cut-off.
    with localcontext() as ctx:
        ctx.prec = 60
        share = consumption * ((lines[0].end - prev_date).days + 1) / days
    assert lines[0].quantity == share.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(tariff_history(), st.integers(0, 600), st.integers(1, 400), st.integers(0, 10**6))
def test_period_lines_are_rounded_per_line_and_total_is_their_sum(rates: list[Rate], offset: int, days: int,
                                                                  area_hundredths: int) -> None:
    start = BASE + offset * DAY
    end = start + (days - 1) * DAY
    area = D(area_hundredths).scaleb(-2)
    lines = period_charge("per_m2_month", rates, "住宅", start, end, area=area)
    assert lines[0].start == start and lines[-1].end == end
    assert sum(month_count(x.start, x.end) for x in lines) == month_count(start, end)
    for x in lines:
        exact = Fraction(area) * Fraction(x.rate) * month_count(x.start, x.end)
        assert abs(Fraction(x.amount) - exact) <= Fraction(1, 200)
        assert -x.amount.as_tuple().exponent == 2
    assert charge_total(lines) == sum(x.amount for x in lines)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(0, 2000), st.integers(1, 800), st.data())
def test_month_count_is_additive(offset: int, days: int, data: st.DataObject) -> None:
    start = BASE + offset * DAY
    end = start + (days - 1) * DAY
    cut = start + data.draw(st.integers(1, days)) * DAY  # first day of the second part
    whole = month_count(start, end)
    if cut <= end:
        assert month_count(start, cut - DAY) + month_count(cut, end) == whole
    assert 0 < whole <= Fraction(days, 28)
