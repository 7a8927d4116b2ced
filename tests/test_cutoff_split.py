"""The cut-off split: concrete cases, and properties that no fen is lost or created at any cut-off."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import ValidationError
from models.rules.cutoff import Part, Split, split_line

D = Decimal
DAY = dt.timedelta(days=1)
JULY = dt.date(2026, 7, 1)  # cut-off: the first day of the incoming company


def test_a_year_split_at_july_first() -> None:
    s = split_line(dt.date(2026, 1, 1), dt.date(2026, 12, 31), D("1200.00"), D("0.00"), JULY)
    # 181 days (Jan–Jun) of 365: 1200 × 181 / 365 = 595.0684… → 595.07; the rest goes after.
    assert s.before == Part(dt.date(2026, 1, 1), dt.date(2026, 6, 30), D("595.07"), D("0.00"))
    assert s.after == Part(JULY, dt.date(2026, 12, 31), D("604.93"), D("0.00"))
    assert s.before.days == 181 and s.after.days == 184


def test_paid_is_applied_oldest_first() -> None:
    whole = (dt.date(2026, 1, 1), dt.date(2026, 12, 31), D("1200.00"))
    part = split_line(*whole, D("300.00"), JULY)
    assert (part.before.paid, part.after.paid) == (D("300.00"), D("0.00"))
    assert part.before.owed == D("295.07") and part.after.owed == D("604.93")
    full = split_line(*whole, D("1200.00"), JULY)
    assert (full.before.paid, full.after.paid) == (D("595.07"), D("604.93"))
    over = split_line(*whole, D("1500.00"), JULY)  # overpaid: the excess is a prepayment after the cut-off
    assert (over.before.paid, over.after.paid) == (D("595.07"), D("904.93"))
    assert over.after.owed == D("-300.00")


def test_period_wholly_before_or_after() -> None:
    before = split_line(dt.date(2026, 6, 1), dt.date(2026, 6, 30), D("161.10"), D("200.00"), JULY)
    assert before == Split(Part(dt.date(2026, 6, 1), dt.date(2026, 6, 30), D("161.10"), D("200.00")), None)
    after = split_line(JULY, dt.date(2026, 7, 31), D("161.10"), D("0"), JULY)
    assert after == Split(None, Part(JULY, dt.date(2026, 7, 31), D("161.10"), D("0.00")))
    last_day = split_line(dt.date(2026, 6, 30), dt.date(2026, 6, 30), D("5.37"), D("0"), JULY)
    assert last_day.after is None and last_day.before.billed == D("5.37")


def test_one_day_before_the_cutoff() -> None:
    s = split_line(dt.date(2026, 6, 30), dt.date(2026, 7, 30), D("31.00"), D("0.00"), JULY)
    assert s.before == Part(dt.date(2026, 6, 30), dt.date(2026, 6, 30), D("1.00"), D("0.00"))
    assert s.after.billed == D("30.00")


def test_half_fen_rounds_up_and_credits_mirror() -> None:
    # 0.01 over 2 days: 0.005 before → 0.01 (half-up); a credit of −0.01 mirrors it.
    s = split_line(dt.date(2026, 6, 30), JULY, D("0.01"), D("0"), JULY)
    assert (s.before.billed, s.after.billed) == (D("0.01"), D("0.00"))
    credit = split_line(dt.date(2026, 6, 30), JULY, D("-0.01"), D("-0.01"), JULY)
    assert (credit.before.billed, credit.after.billed) == (D("-0.01"), D("0.00"))
    assert (credit.before.paid, credit.after.paid) == (D("-0.01"), D("0.00"))


def test_refund_credit_line_spanning_the_cutoff() -> None:
    s = split_line(dt.date(2026, 1, 1), dt.date(2026, 12, 31), D("-1200.00"), D("-1000.00"), JULY)
    assert (s.before.billed, s.after.billed) == (D("-595.07"), D("-604.93"))
    assert (s.before.paid, s.after.paid) == (D("-595.07"), D("-404.93"))


def test_bad_input() -> None:
    with pytest.raises(ValidationError, match="起始日.*晚于截止日"):
        split_line(dt.date(2026, 7, 2), dt.date(2026, 7, 1), D("1.00"), D("0"), JULY)
    with pytest.raises(TypeError):
        split_line(dt.date(2026, 1, 1), dt.date(2026, 12, 31), 1200.0, D("0"), JULY)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        split_line(dt.date(2026, 1, 1), dt.date(2026, 12, 31), D("1"), D("0"),
                   dt.datetime(2026, 7, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        split_line(dt.date(2026, 1, 1), dt.date(2026, 12, 31), D("1.005"), D("0"), JULY)


# --- properties ---

BASE = dt.date(2024, 1, 1)
fen = st.integers(min_value=-10**9, max_value=10**9).map(lambda n: D(n).scaleb(-2))
small_fen = st.integers(min_value=-300, max_value=300).map(lambda n: D(n).scaleb(-2))
amounts = st.one_of(fen, small_fen, st.just(D("0.00")))


@st.composite
def cases(draw: st.DrawFn) -> tuple[dt.date, dt.date, Decimal, Decimal, dt.date]:
    start = BASE + draw(st.integers(0, 1500)) * DAY
    days = draw(st.integers(1, 800))
    end = start + (days - 1) * DAY
    where = draw(st.sampled_from(["before", "inside", "after", "edge"]))
    if where == "before":      # the period is wholly after the cut-off
        cutoff = start - draw(st.integers(0, 400)) * DAY
    elif where == "after":     # the period is wholly before the cut-off
        cutoff = end + draw(st.integers(1, 400)) * DAY
    elif where == "edge":
        cutoff = draw(st.sampled_from([start, start + DAY, end, end + DAY]))
    else:
        cutoff = start + draw(st.integers(0, days)) * DAY
    return start, end, draw(amounts), draw(amounts), cutoff


def _places(x: Decimal) -> int:
    return -x.as_tuple().exponent


@settings(max_examples=500, deadline=None, derandomize=True)
@given(cases())
def test_no_fen_lost_or_created(case: tuple[dt.date, dt.date, Decimal, Decimal, dt.date]) -> None:
    start, end, billed, paid, cutoff = case
    s = split_line(start, end, billed, paid, cutoff)
    parts = [p for p in (s.before, s.after) if p is not None]
    assert parts
    assert sum(p.billed for p in parts) == billed
    assert sum(p.paid for p in parts) == paid
    assert all(_places(p.billed) == 2 and _places(p.paid) == 2 for p in parts)
    assert sum(p.days for p in parts) == (end - start).days + 1
    assert parts[0].start == start and parts[-1].end == end
    if s.before:
        assert s.before.end < cutoff
    if s.after:
        assert s.after.start >= cutoff
    if s.before and s.after:
        assert s.after.start == s.before.end + DAY == cutoff


@settings(max_examples=500, deadline=None, derandomize=True)
@given(cases())
def test_before_part_is_the_rounded_day_share(case: tuple[dt.date, dt.date, Decimal, Decimal, dt.date]) -> None:
    start, end, billed, paid, cutoff = case
    s = split_line(start, end, billed, paid, cutoff)
    days_before = max(0, min((cutoff - start).days, (end - start).days + 1))
    total = (end - start).days + 1
    with localcontext() as ctx:
        ctx.prec = 60  # enough to hold billed × days / total well past the half-fen
        expected = (billed * days_before / total).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    before_billed = s.before.billed if s.before else D("0.00")
    assert before_billed == expected


@settings(max_examples=300, deadline=None, derandomize=True)
@given(cases())
def test_paid_goes_to_the_before_part_first(case: tuple[dt.date, dt.date, Decimal, Decimal, dt.date]) -> None:
    start, end, billed, paid, cutoff = case
    s = split_line(start, end, billed, paid, cutoff)
    if not (s.before and s.after):
        return
    b = s.before
    if paid >= 0 and b.billed >= 0:
        assert b.paid == min(paid, b.billed)
    elif paid <= 0 and b.billed <= 0:
        assert b.paid == max(paid, b.billed)
    else:  # payment against the other direction: nothing to settle before the cut-off
        assert b.paid == 0
    assert abs(b.paid) <= abs(b.billed) and abs(b.paid) <= abs(paid)
