"""The hand-worked fee book the fee tests share: two units, five fee items, both ledgers.

Its fixture `book` is registered in conftest.py; every expected number is worked out in the comments.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.fees import FeeItem, LedgerLine, MeterReading, Tariff
from models.handover import Handover, HandoverKind
from models.people import Owner, UnitOwnership
from models.project import Building, Project, Unit

D = Decimal
CUTOFF = dt.date(2026, 6, 30)  # the outgoing company's last day


def _ledger(handover_id: int, source: str, unit_id: int, item_id: int, start: dt.date, end: dt.date,
            billed: str, paid: str, **kw: object) -> LedgerLine:
    return LedgerLine(handover_id=handover_id, source=source, unit_id=unit_id, fee_item_id=item_id,
                      period_start=start, period_end=end, billed=D(billed), paid=D(paid), **kw)


def make_book(db) -> int:
    """Two units in two buildings, five fee items, and both ledgers."""
    with db.begin() as s:
        p = Project(code="CHY", name="翠湖园")
        s.add(p)
        s.flush()
        b1, b2 = Building(project_id=p.id, name="1栋"), Building(project_id=p.id, name="2栋")
        s.add_all([b1, b2])
        s.flush()
        u1 = Unit(project_id=p.id, building_id=b1.id, number="1栋1单元101", area=D("100.00"), use="住宅")
        u2 = Unit(project_id=p.id, building_id=b2.id, number="2栋1单元201", area=D("80.00"), use="商铺")
        owner = Owner(project_id=p.id, name="董艳辉", mobile="18401757228")
        s.add_all([u1, u2, owner])
        s.flush()
        s.add(UnitOwnership(unit_id=u1.id, owner_id=owner.id))
        h = Handover(project_id=p.id, kind=HandoverKind.TAKEOVER, from_company="原物业服务有限公司",
                     to_company="本物业公司", witness="业主委员会", cutoff_date=CUTOFF)
        items = {code: FeeItem(project_id=p.id, code=code, name=name, basis=basis, is_deposit=dep,
                               collected_for_others=other)
                 for code, name, basis, dep, other in (
                     ("WYF", "物业服务费", "per_m2_month", False, False), ("LJF", "垃圾消纳费", "per_household", False, False),
                     ("SF", "水费", "per_ton", False, False), ("RQF", "燃气费", "per_m3", False, True),
                     ("YJ", "装修押金", "fixed", True, False))}
        s.add(h)
        s.add_all(items.values())
        s.flush()
        i = {code: item.id for code, item in items.items()}
        s.add_all([Tariff(fee_item_id=i["SF"], valid_from=dt.date(2020, 1, 1), valid_to=CUTOFF, rate=D("2.0")),
                   Tariff(fee_item_id=i["SF"], valid_from=dt.date(2026, 7, 1), rate=D("2.8"))])
        hid, a, b = h.id, u1.id, u2.id
        s.add_all([
            # matched: both say 1,000.00 billed, 400.00 paid → 600.00 arrears (2026 H1, under a year)
            _ledger(hid, "theirs", a, i["WYF"], dt.date(2026, 1, 1), CUTOFF, "1000.00", "400.00", contact="139"),
            _ledger(hid, "ours", a, i["WYF"], dt.date(2026, 1, 1), CUTOFF, "1000.00", "400.00"),
            # differs: they say unpaid, the owner brought a receipt → our side says paid
            _ledger(hid, "theirs", b, i["WYF"], dt.date(2024, 1, 1), dt.date(2024, 12, 31), "960.00", "0.00"),
            _ledger(hid, "ours", b, i["WYF"], dt.date(2024, 1, 1), dt.date(2024, 12, 31), "960.00", "960.00"),
            # only theirs, spanning the cut-off: 2026 garbage fee 365.00, paid 100.00.
            # 181 days before (Jan–Jun): 365 × 181 / 365 = 181.00 billed before, 184.00 after;
            # paid oldest first: 100.00 before → 81.00 arrears, nothing prepaid.
            _ledger(hid, "theirs", a, i["LJF"], dt.date(2026, 1, 1), dt.date(2026, 12, 31), "365.00", "100.00"),
            # only theirs, wholly after: prepaid July–December 600.00
            _ledger(hid, "theirs", a, i["WYF"], dt.date(2026, 7, 1), dt.date(2026, 12, 31), "600.00", "600.00"),
            # only ours, before the cut-off: a receipt for a period their ledger lacks
            _ledger(hid, "ours", b, i["LJF"], dt.date(2025, 1, 1), dt.date(2025, 12, 31), "36.00", "36.00"),
            # ours after the cut-off: our own billing, never matched
            _ledger(hid, "ours", a, i["WYF"], dt.date(2026, 7, 1), dt.date(2026, 7, 31), "180.00", "0.00"),
            # 代收代缴: collected 120.00 on 100.00 billed → 20.00 held for the owner
            _ledger(hid, "theirs", a, i["RQF"], dt.date(2026, 6, 1), CUTOFF, "100.00", "120.00"),
            # deposits held: 2,000.00 and 50.00
            _ledger(hid, "theirs", a, i["YJ"], dt.date(2026, 3, 5), dt.date(2026, 3, 5), "2000.00", "2000.00"),
            _ledger(hid, "theirs", b, i["YJ"], dt.date(2025, 5, 1), dt.date(2025, 5, 1), "50.00", "50.00"),
        ])
        # June's water: 12.50 t at 2.0 (the 2.8 tariff starts the day after the cut-off) = 25.00
        s.add(MeterReading(handover_id=hid, meter_no="S001", kind="水", unit_id=a, reading=D("112.50"),
                           read_on=CUTOFF, prev_reading=D("100.00"), prev_read_on=dt.date(2026, 5, 31)))
        s.add(MeterReading(handover_id=hid, meter_no="SZ01", kind="水", location="总表", reading=D("9000.00"),
                           read_on=CUTOFF))  # agreed, but not billed to owners: no charge
    return hid
