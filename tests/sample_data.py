"""A small community made with the ORM, for the browse, GUI and shot tests."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models.db import Database
from models.defect import Defect, DefectStatus
from models.fees import FeeItem, LedgerLine
from models.handover import Handover, HandoverItem, HandoverKind, HandoverList
from models.keys import Key, KeyEvent, KeyEventKind, KeyStatus
from models.people import Owner, UnitOwnership
from models.project import Building, Project, Unit

UNITS = 12
FEE_NAMES = ("物业服务费", "水费", "装修押金")


@dataclass(frozen=True)
class Sample:
    project_id: int
    handover_id: int
    other_handover_id: int
    other_project_id: int


def unit_number(i: int) -> str:
    return f"{i % 3 + 1}栋{i % 2 + 1}单元{1001 + i}"


def _handover(s, project: Project, title: str) -> Handover:
    h = Handover(project_id=project.id, kind=HandoverKind.TAKEOVER, title=title, from_company="原物业服务有限公司",
                 to_company="本物业公司", witness="翠湖园业主委员会", cutoff_date=dt.date(2026, 6, 30))
    s.add(h)
    return h


def _lists(s, h: Handover) -> None:
    docs = HandoverList(handover=h, title="物业原始资料移交清单")
    things = HandoverList(handover=h, title="共用设施设备移交清单")
    names = ["竣工总平面图", "单体建筑竣工图", "设备竣工图", "竣工验收资料", "产权资料"]
    for i, name in enumerate(names, 1):
        docs.items.append(HandoverItem(seq=i, category="物业原始资料", name=name, uom="套", expected_qty=2,
                                       received_qty=2 if i < 4 else None, original_or_copy="原件",
                                       condition="完好" if i < 4 else "", remarks="=1+1" if i == 5 else ""))
    for i, name in enumerate(["消防水泵", "电梯", "监控主机"], 1):
        things.items.append(HandoverItem(seq=i, category="共用设施设备", name=name, uom="台", expected_qty=1,
                                         received_qty=1, condition="有缺陷" if i == 3 else "完好"))
    s.add_all([docs, things])


def _units(s, project: Project) -> list[Unit]:
    buildings = [Building(project=project, name=f"{b}栋", sort_no=b) for b in (1, 2, 3)]
    units = [Unit(project_id=0, building=buildings[i % 3], number=unit_number(i),
                  area=Decimal("89.50") + i, use="住宅") for i in range(UNITS)]
    for u in units:
        u.project_id = project.id
    s.add_all(buildings + units)
    s.flush()
    return units


def _defects(s, project: Project, h: Handover, units: list[Unit]) -> None:
    texts = ["对讲门无法开启", "外墙瓷砖空鼓脱落", "消防栓无水", "监控盲区", "井盖破损", "应急照明不亮"]
    statuses = list(DefectStatus)
    for i, text in enumerate(texts):
        s.add(Defect(project_id=project.id, handover_id=h.id, number=f"YL-2026-{i + 1:04d}",
                     unit_id=units[i].id if i % 2 else None, location="" if i % 2 else "地下车库",
                     category="消防" if i == 2 else "土建装饰", description=text,
                     severity="重大" if i == 2 else "一般", found_at=dt.datetime(2026, 6, 1 + i, 9, 30),
                     deadline=dt.date(2026, 7, 1 + i), status=statuses[i % len(statuses)]))


def _keys(s, project: Project, h: Handover, units: list[Unit]) -> None:
    for i, unit in enumerate(units[:8]):
        key = Key(project_id=project.id, handover_id=h.id, tag=f"K-01-01-{1001 + i}-A", unit_id=unit.id,
                  opens="入户门", count=2, cabinet="A柜", slot=f"{i + 1:02d}",
                  status=KeyStatus.LENT if i == 0 else KeyStatus.IN_STORE)
        s.add(key)
        s.flush()
        s.add(KeyEvent(key_id=key.id, kind=KeyEventKind.RECEIVE, at=dt.datetime(2026, 6, 30, 10, 0),
                       by="测试员", person="原物业张三"))
        if i == 0:
            s.add(KeyEvent(key_id=key.id, kind=KeyEventKind.LEND, at=dt.datetime(2026, 7, 1, 9, 0),
                           by="测试员", person="维修李四", reason="维修"))


def _ledger(s, project: Project, h: Handover, units: list[Unit]) -> None:
    items = [FeeItem(project_id=project.id, code=f"F{i}", name=n) for i, n in enumerate(FEE_NAMES)]
    s.add_all(items)
    s.flush()
    for i, unit in enumerate(units):
        for m in range(1, 7):
            billed = Decimal("268.50") + i
            paid = billed if (i + m) % 4 else Decimal("0.00")
            s.add(LedgerLine(handover_id=h.id, source="ours" if m % 2 else "theirs", unit_id=unit.id,
                             fee_item_id=items[m % 2].id, owner_name=f"业主{i:02d}",
                             period_start=dt.date(2026, m, 1), period_end=dt.date(2026, m, 28),
                             billed=billed, paid=paid))


def make_sample(db: Database) -> Sample:
    """Two projects; the first with two handovers, only the first of which has records."""
    with db.begin() as s:
        project = Project(code="CHY", name="翠湖园", kind="住宅")
        other = Project(code="LJY", name="丽景苑", kind="住宅")
        s.add_all([project, other])
        s.flush()
        h = _handover(s, project, "翠湖园进场接管")
        h2 = _handover(s, project, "翠湖园承接查验（二期）")
        _handover(s, other, "丽景苑进场接管")
        s.flush()
        units = _units(s, project)
        _lists(s, h)
        _defects(s, project, h, units)
        _keys(s, project, h, units)
        _ledger(s, project, h, units)
        return Sample(project.id, h.id, h2.id, other.id)


def unit_with_owner(db: Database, project_id: int) -> tuple[int, int, int]:
    """One unit, its 业主, and a stranger who owns nothing: (unit_id, owner_id, stranger_id)."""
    with db.begin() as s:
        unit = Unit(project_id=project_id, number="1栋1单元101")
        owner, stranger = Owner(project_id=project_id, name="董艳辉"), Owner(project_id=project_id, name="路人")
        s.add_all([unit, owner, stranger])
        s.flush()
        s.add(UnitOwnership(unit_id=unit.id, owner_id=owner.id, relation="业主"))
        return unit.id, owner.id, stranger.id
