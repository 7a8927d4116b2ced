"""Sizes of the demo community and the fixed dates and names every part of it derives from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The demo never reads the clock: every date derives from these, so a seed gives the same data forever.
REF_NOW = dt.datetime(2026, 11, 22, 10, 0)
CUTOFF = dt.date(2026, 6, 30)            # 交接基准日
TAKEOVER_DAY = dt.date(2026, 7, 1)       # 进场接管 (actual date)
DELIVERED = dt.date(2018, 6, 1)          # the community was delivered to owners from this date

PROJECT_CODE = "CHY"
PROJECT_NAME = "翠湖园"
PROJECT_ADDRESS = "河北省廊坊市广阳区翠湖南路18号"
FROM_COMPANY = "廊坊恒泰物业管理有限公司"      # 原物业 (移交方)
FROM_REP = "赵国强"
TO_COMPANY = "廊坊安和物业服务有限公司"        # our company (接收方)
TO_REP = "孙志远"
WITNESS = "翠湖园业主委员会"
WITNESS_REP = "周建国"

# Staff names written into events and checks (the demo users' display names among them).
SUPERVISOR = "刘敏"
CLERK = "王晓雯"
ENGINEERS = ("张伟", "李强", "王磊", "赵军", "孙浩", "陈刚")


@dataclass(frozen=True)
class SizePlan:
    """How big the community is; `units` is exact, the building layout follows from it."""

    name: str
    residential: int
    shops: int
    parking: int
    storage: int
    defects: int
    keys: int
    ledger_lines: int
    floor_plans: tuple[tuple[int, int, int], ...]  # (floors, 单元 per building, flats per floor)
    chunk: int = 10_000

    @property
    def units(self) -> int:
        return self.residential + self.shops + self.parking + self.storage


PLANS = {
    "small": SizePlan("small", 160, 12, 24, 8, defects=300, keys=700, ledger_lines=12_000,
                      floor_plans=((6, 2, 2), (11, 2, 2))),
    # Not offered on the command line: the same code path at a size a test can afford,
    # with small chunks so the chunking itself is exercised.
    "medium": SizePlan("medium", 800, 40, 130, 30, defects=1_500, keys=4_000, ledger_lines=60_000,
                       floor_plans=((11, 2, 2), (18, 2, 2)), chunk=2_500),
    "large": SizePlan("large", 16_800, 600, 2_200, 400, defects=30_000, keys=80_000,
                      ledger_lines=1_200_000, floor_plans=((18, 2, 2), (26, 2, 3), (33, 2, 4))),
}
