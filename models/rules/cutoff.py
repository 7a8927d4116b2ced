"""The cut-off split: which part of a billed line belongs to the outgoing company, which to the incoming.

`cutoff` is the 交接基准日 taken as the FIRST day that belongs to the incoming company: a day
d < cutoff is the outgoing company's, a day d >= cutoff the incoming one's. (If a handover states
its 基准日 as the outgoing company's last day, e.g. "截至 6月30日", the caller passes the day after.)

Periods are inclusive [start, end]. A line wholly before the cut-off stays with the outgoing
company, one wholly on or after it goes to the incoming company, and one that spans it is split
by days:

- billed_before = billed × days_before ÷ days_in_period, rounded half-up to the fen (ties away from
  zero, so a credit line of −x splits as the mirror image of +x); billed_after = billed − billed_before.
  The remainder goes after, so the parts always add up to the line exactly: no fen lost or created.
- paid is applied oldest first: the before part is paid up to its billed amount, the rest goes
  after — an overpayment therefore lands after the cut-off as a prepayment (预收) for the incoming
  company. For a payment of the other sign (a refund paid out on a credit line) the same rule
  holds with signs mirrored: paid_before = max(paid, min(billed_before, 0)). A payment whose sign
  is opposite to billed_before has nothing to settle before the cut-off and goes wholly after.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import ValidationError
from ..i18n import translate
from ..money import div_half_up


@dataclass(frozen=True)
class Part:
    """One side of the cut-off: an inclusive period with its billed and paid amounts (2 decimals)."""

    start: dt.date
    end: dt.date
    billed: Decimal
    paid: Decimal

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def owed(self) -> Decimal:
        """billed − paid: arrears when positive, an overpayment when negative."""
        return self.billed - self.paid


@dataclass(frozen=True)
class Split:
    """before: the outgoing company's part (days < cutoff); after: the incoming company's (days >= cutoff)."""

    before: Part | None
    after: Part | None


def _day(value: object, name: str) -> dt.date:
    # datetime is a date subclass, but comparing a datetime to dates gives wrong day counts.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{name} must be datetime.date, not {type(value).__name__}")
    return value


def _money(value: object, name: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be Decimal, not {type(value).__name__}")
    if not value.is_finite() or value.scaleb(2) != value.scaleb(2).to_integral_value():
        raise ValueError(f"{name} must be a whole number of fen: {value}")
    return value.quantize(Decimal("0.01"))


def _apply_paid(paid: Decimal, billed_before: Decimal) -> Decimal:
    """How much of `paid` settles the before part: up to its billed amount, in the same direction."""
    if paid >= 0:
        return min(paid, max(billed_before, Decimal("0.00")))
    return max(paid, min(billed_before, Decimal("0.00")))


def split_line(start: dt.date, end: dt.date, billed: Decimal, paid: Decimal, cutoff: dt.date) -> Split:
    """Split one billed line [start, end] at the cut-off (first day of the incoming company).

    See the module docstring for the rules. Amounts must be Decimal in whole fen (float → TypeError,
    more decimals → ValueError); start after end is the clerk's data error → ValidationError.
    """
    start, end, cutoff = _day(start, "start"), _day(end, "end"), _day(cutoff, "cutoff")
    billed, paid = _money(billed, "billed"), _money(paid, "paid")
    if start > end:
        raise ValidationError(translate("cutoff", "计费期间有误：起始日 {start} 晚于截止日 {end}。").format(
            start=start.isoformat(), end=end.isoformat()))
    if end < cutoff:
        return Split(Part(start, end, billed, paid), None)
    if start >= cutoff:
        return Split(None, Part(start, end, billed, paid))
    days_before = (cutoff - start).days
    total_days = (end - start).days + 1
    # In whole fen: the same half-up rounding of billed × days_before ÷ total_days as
    # round_half_up(Fraction(billed) * days_before / total_days), without a Fraction per line.
    billed_before = Decimal(div_half_up(int(billed.scaleb(2)) * days_before, total_days)).scaleb(-2)
    paid_before = _apply_paid(paid, billed_before)
    last_outgoing = cutoff - dt.timedelta(days=1)
    return Split(
        Part(start, last_outgoing, billed_before, paid_before),
        Part(cutoff, end, billed - billed_before, paid - paid_before),
    )
