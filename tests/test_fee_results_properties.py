"""Whatever the ledger, the results neither lose nor invent a fen (hypothesis, no database)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from models.services.fee_ledger import ItemInfo, Line, Names, UnitInfo
from models.services.fee_results import _Results
from models.services.fee_rows import money_sum

CUTOFF = dt.date(2026, 6, 30)
NAMES = Names("翠湖园", {1: UnitInfo("1栋", "101", "甲", ""), 2: UnitInfo("2栋", "201", "乙", "")},
              {1: ItemInfo("物业服务费", False, False), 2: ItemInfo("垃圾消纳费", False, False)})


@st.composite
def lines(draw: st.DrawFn) -> Line:
    start = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 1000)))
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    billed = draw(st.integers(0, 500_000))
    paid = draw(st.integers(0, billed * 3 // 2))
    return Line(draw(st.sampled_from([1, 2])), draw(st.sampled_from([1, 2])), start, end, billed, paid, "", "")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(lines(), max_size=30))
def test_every_paid_fen_lands_before_the_cut_off_or_as_a_prepayment(ledger: list[Line]) -> None:
    acc = _Results(NAMES, CUTOFF, {})
    for line in ledger:
        acc.add(line)
    rates = acc.rate_lines()
    billed_before, paid_before = money_sum(r.billed for r in rates), money_sum(r.paid for r in rates)
    assert paid_before + money_sum(p.amount for p in acc.prepayments) == money_sum(x.paid for x in ledger)
    # paid is applied oldest first, so nothing before the cut-off is overpaid: arrears = billed − paid
    assert money_sum(a.amount for a in acc.arrears) == billed_before - paid_before
    assert all(a.period_end <= CUTOFF and a.amount > 0 for a in acc.arrears)
    # a prepayment is for days after the cut-off, or what was paid beyond a bill before it
    assert all(p.period_start > CUTOFF or p.period_end <= CUTOFF for p in acc.prepayments)
    overpaid = money_sum(max(x.paid - x.billed, Decimal("0.00")) for x in ledger if x.period_end <= CUTOFF)
    assert money_sum(p.amount for p in acc.prepayments if p.period_end <= CUTOFF) == overpaid
    # the part before the cut-off is at most the whole line, to the fen
    assert billed_before <= money_sum(x.billed for x in ledger)
    assert all(a.amount == a.amount.quantize(Decimal("0.01")) for a in acc.arrears)


def test_who_pays_the_net() -> None:
    from models.services.fee_rows import (
        NO_PAYMENT,
        TO_INCOMING,
        TO_OUTGOING,
        FeeResults,
        MeterCharge,
        PrepaymentLine,
    )

    empty = FeeResults(1, "翠湖园", "原物业", "新物业", "", CUTOFF)
    meter = MeterCharge("S1", "水", "1栋", "101", "", Decimal("1.00"), CUTOFF, Decimal("3.00"), CUTOFF,
                        Decimal("2.00"), Decimal("4.00"), "水费")
    prepaid = PrepaymentLine("1栋", "101", "甲", "物业服务费", CUTOFF, CUTOFF, Decimal("4.01"))
    assert empty.net_direction == NO_PAYMENT
    assert FeeResults(1, "翠湖园", "原物业", "新物业", "", CUTOFF, meters=(meter,)).net_direction == TO_OUTGOING
    both = FeeResults(1, "翠湖园", "原物业", "新物业", "", CUTOFF, meters=(meter,), prepayments=(prepaid,))
    assert (both.net_direction, both.net_to_incoming) == (TO_INCOMING, Decimal("0.01"))
