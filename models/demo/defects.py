"""Defects (遗留问题) of an old community, each with a status history consistent with its status."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ..defect import Defect, DefectCategory, DefectStatus, DefectStatusChange, Responsible, Severity
from ..labels import LABELS
from ..project import UnitUse
from ..rules.deadlines import DEFAULT_DEADLINE_DAYS, default_deadline
from .community import Community, UnitInfo, versioned
from .plan import CLERK, ENGINEERS, REF_NOW, SUPERVISOR
from .writer import Row

S = DefectStatus
G, C, P = Severity, DefectCategory, Responsible  # short names for the table below
SEVERITIES = tuple(Severity)
# (weight, category, description, where, responsible, usual severity): the seeds' list of an old
# community's problems. where: unit[:room] / entrance / building / roof / lift / site / garage.
KINDS = (
    (6, C.LOW_VOLTAGE, "楼宇对讲门无法正常开启，门口主机无响应", "entrance", P.PREVIOUS, G.NORMAL),
    (3, C.LOW_VOLTAGE, "户内对讲分机无法与门口主机通话", "unit:门厅", P.PREVIOUS, G.MINOR),
    (5, C.CIVIL, "单元门厅墙面瓷砖脱落约{n}块", "entrance", P.DEVELOPER, G.NORMAL),
    (5, C.CIVIL, "外墙瓷砖空鼓、局部脱落（{f}层附近），存在高空坠落隐患", "building", P.DEVELOPER, G.MAJOR),
    (4, C.FIRE, "消火栓箱内水带、水枪缺失（{f}层）", "entrance", P.PREVIOUS, G.NORMAL),
    (4, C.FIRE, "灭火器压力不足、已过有效期，共{n}具", "entrance", P.PREVIOUS, G.NORMAL),
    (1, C.FIRE, "消防报警主机故障点未消除，联动功能失效", "site", P.PREVIOUS, G.MAJOR),
    (3, C.FIRE, "防火门闭门器损坏，无法自动关闭（{f}层）", "entrance", P.PREVIOUS, G.NORMAL),
    (2, C.FIRE, "消防通道被杂物、车辆占用，通行不畅", "site", P.PREVIOUS, G.MAJOR),
    (5, C.FIRE, "应急照明灯不亮（{f}层）", "entrance", P.PREVIOUS, G.NORMAL),
    (3, C.FIRE, "疏散指示标志不亮或缺失（{f}层）", "entrance", P.PREVIOUS, G.MINOR),
    (4, C.LOW_VOLTAGE, "监控盲区：此处无监控摄像头", "site", P.PREVIOUS, G.NORMAL),
    (2, C.LOW_VOLTAGE, "监控盲区：电梯轿厢内无监控摄像头", "lift", P.PREVIOUS, G.NORMAL),
    (2, C.LOW_VOLTAGE, "监控摄像头离线，画面无信号", "garage", P.PREVIOUS, G.MINOR),
    (4, C.ROADS, "井盖破损、松动，存在行人踩空隐患", "site", P.PREVIOUS, G.MAJOR),
    (3, C.ROADS, "主通道花砖地面下陷、凹凸不平，约{n}平方米", "site", P.DEVELOPER, G.NORMAL),
    (2, C.ROADS, "地下车库积水，排水不畅，部分车位无法使用", "garage", P.DEVELOPER, G.NORMAL),
    (3, C.POWER, "园区路灯不亮，照度不足", "site", P.PREVIOUS, G.MINOR),
    (4, C.POWER, "楼道声控灯损坏（{f}层）", "entrance", P.PREVIOUS, G.MINOR),
    (5, C.PLUMBING, "楼道顶板渗水，墙面潮湿起皮（{f}层）", "entrance", P.DEVELOPER, G.NORMAL),
    (2, C.PLUMBING, "屋面防水层破损，顶层室内渗漏", "roof", P.DEVELOPER, G.MAJOR),
    (4, C.PLUMBING, "卫生间楼板渗水至楼下住户", "unit:卫生间", P.DEVELOPER, G.NORMAL),
    (2, C.PLUMBING, "排水立管堵塞，低层返水", "entrance", P.CONTRACTOR, G.NORMAL),
    (2, C.ELEVATOR, "电梯运行中困人，平层故障", "lift", P.PREVIOUS, G.MAJOR),
    (1, C.ELEVATOR, "电梯使用标志过期，未按期年检", "lift", P.PREVIOUS, G.MAJOR),
    (2, C.ELEVATOR, "电梯五方对讲不通", "lift", P.PREVIOUS, G.NORMAL),
    (3, C.CIVIL, "楼道栏杆扶手松动、断裂（{f}层）", "entrance", P.PREVIOUS, G.NORMAL),
    (3, C.CIVIL, "公共区域窗户损坏、无把手（{f}层）", "entrance", P.PREVIOUS, G.MINOR),
    (3, C.CIVIL, "户内墙面开裂、空鼓", "unit", P.CONTRACTOR, G.MINOR),
    (2, C.HVAC, "供暖管道保温层脱落", "garage", P.PREVIOUS, G.MINOR),
    (2, C.HVAC, "户内暖气片接口漏水", "unit:卧室", P.CONTRACTOR, G.NORMAL),
    (2, C.LANDSCAPE, "绿化草坪荒芜，斑秃约{n}平方米", "site", P.PREVIOUS, G.MINOR),
    (1, C.LANDSCAPE, "景观水池破损漏水", "site", P.DEVELOPER, G.MINOR),
    (1, C.OTHER, "围墙低矮，需加高并拉防护网", "site", P.DEVELOPER, G.NORMAL),
    (2, C.OTHER, "建筑垃圾无规范堆放点，楼道堆放装修垃圾", "entrance", P.PREVIOUS, G.MINOR),
    (2, C.OTHER, "未设置电动车集中停放及充电处，楼道内违规充电", "entrance", P.DEVELOPER, G.MAJOR),
    (1, C.DOCUMENTS, "设备维保记录缺失，原物业未移交", "site", P.PREVIOUS, G.NORMAL),
)
WEIGHTS = [k[0] for k in KINDS]
SITES = ("小区北门", "小区南门", "中心广场", "会所", "儿童游乐区", "地下车库入口", "垃圾房", "消防控制室",
         "配电室", "水泵房", "换热站", "东侧围墙", "西侧绿化带", "主干道", "自行车棚")
FAILURES = ("复验不合格：整改不彻底，问题依旧", "复验不合格：仅修复局部，整体未达标", "复验不合格：材料与原设计不符",
            "复验不合格：整改后再次出现同样问题")
UNFIXABLE = "经现场评估属原设计缺陷，现有条件下无法整改；已出具书面报告，报公司领导及业主委员会。"
FIRST = dt.datetime(2026, 6, 22, 9, 0)   # inspections start a week before the cut-off
LAST = dt.datetime(2026, 11, 21, 17, 0)


def office_hours(at: dt.datetime) -> dt.datetime:
    """People act between 8:00 and 18:00: an evening or night time moves to the next morning."""
    if at.hour >= 18:
        at += dt.timedelta(days=1)
    if at.hour >= 18 or at.hour < 8:
        at = at.replace(hour=8 + at.minute % 2)
    return at


def _where(rng: random.Random, c: Community, homes: list[UnitInfo], where: str,
           with_floor: bool) -> tuple[UnitInfo | None, str, int, int]:
    """(unit, location text, building id, floor) for a defect of this kind."""
    home = rng.choice(homes)
    floor = rng.randint(1, c.floors[home.building_no]) if with_floor else 0
    unit, location, building_id = _place(rng, c, home, where, floor)
    return unit, location, building_id, floor


def _place(rng: random.Random, c: Community, home: UnitInfo, where: str, floor: int) -> tuple[UnitInfo | None, str, int]:
    entrance = f"{home.building_no}栋{home.entrance}单元"
    if where.startswith("unit"):
        room = where[5:] or rng.choice(("客厅", "卧室", "厨房", "阳台"))
        return home, f"{home.number} {room}", home.building_id
    if where == "entrance":
        part = f"{floor}层{rng.choice(('楼道', '楼梯间', '电梯前室'))}" if floor else rng.choice(("门厅", "楼道"))
        return None, f"{entrance} {part}", home.building_id
    if where == "building":
        return None, f"{home.building_no}栋 {rng.choice('东南西北')}立面外墙", home.building_id
    if where == "roof":
        return None, f"{home.building_no}栋 屋面", home.building_id
    if where == "lift":
        return None, f"{entrance} 电梯", home.building_id
    if where == "garage":
        return None, f"地下车库 B{rng.randint(1, 2)} 区 {rng.randint(1, 40)} 号柱附近", c.buildings["地下车库"]
    return None, rng.choice(SITES), 0


def _severity(rng: random.Random, usual: Severity) -> Severity:
    if rng.random() < 0.8:
        return usual
    return rng.choice(SEVERITIES)


def _found_at(rng: random.Random, i: int, n: int) -> dt.datetime:
    """Spread over the inspection period in id order (numbers then follow dates), in working hours."""
    day = FIRST.date() + dt.timedelta(days=(LAST.date() - FIRST.date()).days * i // max(n, 1))
    return dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.randrange(60)))


class Lifecycle:
    """Walks a defect through 待通知 → 整改中 → 待复验 → 已关闭 up to REF_NOW, recording each change."""

    def __init__(self, rng: random.Random, defect_id: int, found_at: dt.datetime,
                 responsible: Responsible | str) -> None:
        # The checklist demo (lists.py) names the party by its Chinese word: read through the enum.
        self.rng, self.defect_id, self.responsible = rng, defect_id, Responsible(responsible)
        # The history notes are Chinese records whatever language the desk runs in.
        self.party = LABELS["Responsible"][self.responsible.value]
        self.at, self.status = found_at, S.PENDING_NOTICE
        self.history = [self._change(None, S.PENDING_NOTICE, found_at, rng.choice(ENGINEERS), "现场查验发现，已拍照登记")]
        self.notice_at: dt.datetime | None = None
        self.closed_at: dt.datetime | None = None
        self.failed = 0

    def _change(self, old: S | None, new: S, at: dt.datetime, by: str, note: str) -> Row:
        return {"defect_id": self.defect_id, "from_status": old, "to_status": new, "at": at, "by": by, "note": note}

    def step(self, new: S, after: dt.timedelta, by: str, note: str) -> bool:
        """Move on if it happened before now; False (and no change) if it would be in the future."""
        at = office_hours(self.at + after)
        if at >= REF_NOW:
            return False
        self.history.append(self._change(self.status, new, at, by, note))
        self.at, self.status = at, new
        return True

    def hours(self, lo: float, hi: float) -> dt.timedelta:
        return dt.timedelta(minutes=int(self.rng.uniform(lo, hi) * 60))


def _walk(lc: Lifecycle, target: S, severity: Severity) -> None:
    rng = lc.rng
    late = rng.random() < 0.12  # a notice later than 24 h, which the register flags
    if target is S.PENDING_NOTICE or not lc.step(S.RECTIFYING, lc.hours(25, 70) if late else lc.hours(1, 20),
                                                  CLERK, f"已发出整改通知单，{lc.party}签收"):
        return
    lc.notice_at = lc.at
    if target is S.UNFIXABLE:
        lc.step(S.UNFIXABLE, lc.hours(72, 400), SUPERVISOR, UNFIXABLE)
        return
    fix = (24, 120) if severity is Severity.MAJOR else (48, 480)
    for _ in range(rng.choices((0, 1, 2, 3), (75, 15, 7, 3))[0]):
        if not (lc.step(S.PENDING_REINSPECTION, lc.hours(*fix), CLERK, f"{lc.party}报整改完成，申请复验")
                and lc.step(S.RECTIFYING, lc.hours(4, 48), rng.choice(ENGINEERS), rng.choice(FAILURES))):
            return
        lc.failed += 1
    if target is S.RECTIFYING or not lc.step(S.PENDING_REINSPECTION, lc.hours(*fix), CLERK,
                                             f"{lc.party}报整改完成，申请复验"):
        return
    if target is S.CLOSED and lc.step(S.CLOSED, lc.hours(4, 72), rng.choice(ENGINEERS),
                                      "复验合格（复验范围覆盖整个部位），关闭"):
        lc.closed_at = lc.at


def _target(rng: random.Random, found_at: dt.datetime) -> S:
    if (REF_NOW - found_at).days < 2:
        return rng.choice((S.PENDING_NOTICE, S.PENDING_NOTICE, S.RECTIFYING))
    return rng.choices((S.PENDING_NOTICE, S.RECTIFYING, S.PENDING_REINSPECTION, S.CLOSED, S.UNFIXABLE),
                       (3, 25, 12, 55, 5))[0]


def defect_row(ctx: Community, handover_id: int, lc: Lifecycle, number: int, severity: Severity | str,
               fields: Row) -> Row:
    """The row written, its word lists as members (lists.py still hands over Chinese words)."""
    found_at = lc.history[0]["at"]
    severity = Severity(severity)
    fields = {**fields, "category": DefectCategory(fields["category"])}
    # The demo database keeps the default table: the deadline is what registering it in the app gives.
    return versioned(
        id=lc.defect_id, project_id=ctx.project_id, handover_id=handover_id,
        number=f"YL-{found_at.year}-{number:04d}", severity=severity,
        responsible=lc.responsible, found_at=found_at, found_by=lc.history[0]["by"],
        notice_at=lc.notice_at, deadline=default_deadline(severity, found_at, DEFAULT_DEADLINE_DAYS),
        status=lc.status, failed_reinspections=lc.failed, closed_at=lc.closed_at,
        report=UNFIXABLE if lc.status is S.UNFIXABLE else "", **fields)


def lived(rng: random.Random, defect_id: int, found_at: dt.datetime, responsible: Responsible | str,
          severity: Severity | str, may_be_unfixable: bool = False) -> Lifecycle:
    lc = Lifecycle(rng, defect_id, found_at, responsible)
    target = _target(rng, found_at)
    if may_be_unfixable and target is not S.PENDING_NOTICE and rng.random() < 0.08:
        target = S.UNFIXABLE
    elif target is S.UNFIXABLE and not may_be_unfixable:
        target = S.CLOSED
    _walk(lc, target, Severity(severity))
    return lc


def general_defects(c: Community, handover_id: int, rng: random.Random, first_id: int, first_number: int,
                    count: int) -> Iterator[tuple[Row, list[Row]]]:
    """`count` defects of the seeds' kinds, with their status history."""
    homes = c.of_use(UnitUse.RESIDENCE)
    for i in range(count):
        _, category, text, where, responsible, usual = rng.choices(KINDS, WEIGHTS)[0]
        unit, location, building_id, floor = _where(rng, c, homes, where, "{f}" in text)
        severity = _severity(rng, usual)
        description = text.format(n=rng.randint(3, 30), f=floor)
        # Only what the developer built wrong is ever declared 无法整改.
        lc = lived(rng, first_id + i, _found_at(rng, i, count), responsible, severity,
                   may_be_unfixable=responsible is Responsible.DEVELOPER)
        fields = {"unit_id": unit.id if unit else None, "building_id": building_id or None,
                  "location": location, "category": category, "description": description}
        yield defect_row(c, handover_id, lc, first_number + i, severity, fields), lc.history


TABLES = (Defect.__table__, DefectStatusChange.__table__)
