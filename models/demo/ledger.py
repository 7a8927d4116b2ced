"""Ledger lines of both companies: bills and payments per unit, fee item and period.

Theirs (原物业, source "theirs") covers the periods before the cut-off, with arrears, prepayments for
periods after it and deposits held; ours (source "ours") bills from July on, and repeats part of
theirs (receipts owners brought, a few amounts that differ) so reconciliation has work to do.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from itertools import count, islice

from ..fees import LedgerLine
from ..project import Occupancy, UnitUse
from ..types import round_fen
from .community import Community, UnitInfo
from .fees import FeeBook
from .plan import CUTOFF, REF_NOW
from .writer import Row

MONTHLY = {UnitUse.RESIDENCE: ("WYF", "SF", "RQF"), UnitUse.SHOP: ("WYF", "SF", "DF"), UnitUse.PARKING: ("CWF",), UnitUse.STORAGE: ("WYF",)}
USAGE = {"SF": (3, 15, "用水 {} 吨"), "DF": (150, 1500, "用电 {} 度"), "RQF": (5, 30, "用气 {} 立方米")}
SHOP_USAGE = {"SF": (8, 60, "用水 {} 吨")}
YESTERDAY = REF_NOW.date() - dt.timedelta(days=1)
PAYERS = (("good", 80), ("late", 13), ("chronic", 7))
OLD_AREA_SHARE = 0.01  # of their 物业服务费 lines
TABLE = LedgerLine.__table__


def month(year: int, m: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, m, 1)
    nxt = dt.date(year + m // 12, m % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


POST = [month(2026, m) for m in range(7, 12)]            # ours: July..November
HISTORY = [month(2026, m) for m in range(6, 0, -1)] + [month(2025, m) for m in range(12, 6, -1)]


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def quotas(units: list[UnitInfo], total: int) -> list[int]:
    """Lines per unit, in proportion to how many fee items it pays monthly; they add up to `total`."""
    weights = [len(MONTHLY[u.use]) for u in units]
    whole = sum(weights)
    out = [total * w // whole for w in weights]
    for i in range(total - sum(out)):
        out[i % len(out)] += 1
    return out


class UnitLedger:
    """Generates one unit's lines, most important first (so a quota cuts off only the oldest years)."""

    def __init__(self, rng: random.Random, book: FeeBook, handover_id: int, u: UnitInfo, receipts: Iterator[int]) -> None:
        self.rng, self.book, self.handover_id, self.u, self.receipts = rng, book, handover_id, u, receipts
        self.payer = rng.choices([p for p, _ in PAYERS], [w for _, w in PAYERS])[0]
        self.vacant = u.occupancy == Occupancy.VACANT

    def line(self, source: str, code: str, start: dt.date, end: dt.date, billed: Decimal, paid: bool,
             paid_on: dt.date | None = None, remark: str = "") -> Row:
        paid_on = paid_on or min(start + dt.timedelta(days=self.rng.randint(0, 40)),
                                 CUTOFF if source == "theirs" else YESTERDAY)
        receipt = f"{'HT' if source == 'theirs' else 'AH'}{paid_on:%Y%m}{next(self.receipts):07d}" if paid else ""
        return {"handover_id": self.handover_id, "source": source, "unit_id": self.u.id,
                "fee_item_id": self.book.ids[code], "owner_name": self.u.owner_name, "period_start": start,
                "period_end": end, "billed": billed, "paid": billed if paid else Decimal("0.00"),
                "paid_on": paid_on if paid else None, "receipt_no": receipt, "remark": remark}

    def amount(self, code: str, start: dt.date, end: dt.date) -> tuple[Decimal, str]:
        """Area × rate × months (or usage × rate), rounded half-up per line."""
        months = months_between(start, end)
        rate = self.book.rate(code, self.u.use, start)
        if code in USAGE:
            lo, hi, text = (SHOP_USAGE.get(code) if self.u.use == UnitUse.SHOP else None) or USAGE[code]
            used = self.rng.randint(lo, hi) * months
            return round_fen(rate * used), text.format(used)
        if code == "WYF":
            return round_fen(self.u.area * rate * months), ""
        return round_fen(rate * months), ""

    def pays(self, source: str, start: dt.date) -> bool:
        r = self.rng.random()
        if self.payer == "chronic" and start.year >= 2023:
            return False
        if self.vacant:
            return r < 0.5
        if source == "ours":
            return r < (0.9 if self.payer == "good" else 0.5) and (start.month < 11 or r < 0.45)
        return r < (0.97 if self.payer == "good" else 0.65)

    def monthly(self, source: str, start: dt.date, end: dt.date) -> Iterator[Row]:
        for code in MONTHLY[self.u.use]:
            billed, remark = self.amount(code, start, end)
            if source == "theirs" and code == "WYF" and self.rng.random() < OLD_AREA_SHARE:
                # 原物业 still bills the area before the survey: the reconciliation flags it 与标准不符.
                billed, remark = round_fen(billed * Decimal("1.03")), "按原测绘面积计费"
            yield self.line(source, code, start, end, billed, self.pays(source, start), remark=remark)

    def lines(self) -> Iterator[Row]:
        for start, end in POST:
            yield from self.monthly("ours", start, end)
        yield from self.one_offs()
        for start, end in HISTORY:
            for row in self.monthly("theirs", start, end):
                yield row
                if start.year == 2026 and self.rng.random() < 0.3:
                    yield self.mirror(row)
        yield from self.monthly("theirs", dt.date(2025, 1, 1), dt.date(2025, 6, 30))
        for year in count(2024, -1):  # older years as one line each, as far back as the quota reaches
            yield from self.monthly("theirs", dt.date(year, 1, 1), dt.date(year, 12, 31))

    def one_offs(self) -> Iterator[Row]:
        u, rng = self.u, self.rng
        heated = u.use in (UnitUse.RESIDENCE, UnitUse.SHOP)
        if heated:
            yield self.heating("ours", 2026)
        if u.use == UnitUse.RESIDENCE and u.occupancy != Occupancy.VACANT:
            cards = rng.randint(1, 3)
            day = dt.date(2018, 6, 1) + dt.timedelta(days=rng.randrange(2000))
            yield self.line("theirs", "MJKYJ", day, day, Decimal(50 * cards), True, day, f"门禁卡 {cards} 张")
        if u.occupancy == Occupancy.RENOVATING:
            day = dt.date(2026, rng.randint(3, 6), rng.randint(1, 28))
            yield self.line("theirs", "ZXYJ", day, day, Decimal("2000.00"), True, day, "装修押金（未退）")
        if u.use != UnitUse.PARKING and self.payer == "good" and rng.random() < 0.12:
            yield self.prepaid()
        if u.use == UnitUse.RESIDENCE and self.payer == "good" and rng.random() < 0.06:
            yield self.gas_topped_up()
        if heated:
            yield from self.garbage()
            yield self.heating("theirs", 2025)
            yield self.heating("theirs", 2024)

    def gas_topped_up(self) -> Row:
        """Money put on a gas card at 原物业's desk and not yet passed to the gas company: a 代收代缴
        balance the incoming company takes over."""
        day = dt.date(2026, 6, self.rng.randint(1, 28))
        amount = Decimal(self.rng.choice((100, 200, 300, 500)))
        row = self.line("theirs", "RQF", day, day, Decimal("0.00"), True, day, "燃气卡预存（未划转燃气公司）")
        row["paid"] = amount
        return row

    def prepaid(self) -> Row:
        """物业服务费 paid to 原物业 for July..December: a prepayment to hand over."""
        start, end = dt.date(2026, 7, 1), dt.date(2026, 12, 31)
        billed, _ = self.amount("WYF", start, end)
        day = dt.date(2026, self.rng.randint(4, 6), self.rng.randint(1, 28))
        return self.line("theirs", "WYF", start, end, billed, True, day, "预收 2026年7-12月")

    def garbage(self) -> Iterator[Row]:
        """垃圾消纳费 billed per calendar year; 2026's line spans the cut-off and is split by days."""
        for year in (2026, 2025, 2024):
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            billed, _ = self.amount("LJF", start, end)
            yield self.line("theirs", "LJF", start, end, billed, self.pays("theirs", start),
                            dt.date(year, self.rng.randint(1, 3), self.rng.randint(1, 28)))

    def heating(self, source: str, year: int) -> Row:
        start, end = dt.date(year, 11, 15), dt.date(year + 1, 3, 15)
        billed = round_fen(self.u.area * self.book.rate("GNF", self.u.use, start))
        paid_on = min(dt.date(year, 10, self.rng.randint(8, 31)), YESTERDAY)
        return self.line(source, "GNF", start, end, billed, self.pays(source, dt.date(year, 10, 1)), paid_on,
                         f"{year}-{year + 1} 采暖季")

    def mirror(self, theirs: Row) -> Row:
        """Our copy of their line: equal, a different amount, or paid on a receipt the owner brought."""
        row = {**theirs, "source": "ours"}
        r = self.rng.random()
        if r < 0.06:
            row["billed"] = round_fen(theirs["billed"] * Decimal("1.02"))
            row["remark"] = "面积与原物业台账不一致" if theirs["fee_item_id"] == self.book.ids["WYF"] else "用量与原物业台账不一致"
        elif not theirs["paid"] and r < 0.35:
            row.update(paid=theirs["billed"], paid_on=theirs["period_end"], remark="业主提供收据",
                       receipt_no=f"HT{theirs['period_end']:%Y%m}{next(self.receipts):07d}")
        if row["paid"] and row["billed"] != theirs["billed"]:
            row["paid"] = row["billed"]
        return row


def ledger_lines(c: Community, book: FeeBook, handover_id: int, rng: random.Random, total: int) -> Iterator[Row]:
    """Exactly `total` lines over all units."""
    receipts = count(1)
    for u, quota in zip(c.units, quotas(c.units, total), strict=True):
        yield from islice(UnitLedger(rng, book, handover_id, u, receipts).lines(), quota)
