"""The take-over handover and its lists, started from the templates and partly checked; one is signed."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import update

from ..base import DocStatus
from ..defect import DefectCategory, Responsible, Severity
from ..handover import Handover, HandoverItem, HandoverKind, HandoverList, ItemCondition
from ..i18n import chinese
from ..project import UnitUse
from ..services.common import get
from ..services.handovers import handover_info
from ..templates import TemplateItemSpec, TemplateSpec
from .community import Community, versioned
from .defects import defect_row, lived
from .plan import (
    CLERK,
    CUTOFF,
    ENGINEERS,
    FROM_COMPANY,
    FROM_REP,
    PROJECT_NAME,
    TAKEOVER_DAY,
    TO_COMPANY,
    TO_REP,
    WITNESS,
    WITNESS_REP,
)
from .writer import Row, Writer

# (template code, share of items already checked); the last one is complete and signed.
LISTS = (("DOC-ORIGINAL", 0.75), ("DOC-OWNER", 0.9), ("DOC-FINANCE", 0.3), ("PHY-COMMON", 0.6),
         ("PHY-FIRE", 0.85), ("PHY-LIFT", 0.5), ("PHY-SECURITY", 0.7), ("PHY-KEYS", 0.5), ("PHY-OFFICE", 1.0))
SIGNED_CODE = "PHY-OFFICE"
SIGNED_AT = dt.datetime(2026, 7, 3, 16, 30)
DEFECT_CATEGORY = {"DOC": DefectCategory.DOCUMENTS, "PHY-FIRE": DefectCategory.FIRE, "PHY-LIFT": DefectCategory.ELEVATOR,
                   "PHY-SECURITY": DefectCategory.LOW_VOLTAGE, "PHY-COMMON": DefectCategory.CIVIL}
DAMAGE = ("部分损坏", "功能失效", "锈蚀严重", "缺少配件", "无法正常使用")
PAPER_DAMAGE = ("缺页", "破损、字迹不清", "仅有复印件，原件未移交", "未盖章")


@dataclass
class PlannedList:
    row: Row
    spec: TemplateSpec
    items: list[Row] = field(default_factory=list)


def insert_handover(w: Writer, project_id: int) -> int:
    handover_id = w.next_id(Handover.__table__)
    w.insert(Handover.__table__, [versioned(
        id=handover_id, project_id=project_id, kind=HandoverKind.TAKEOVER,
        title=f"{PROJECT_NAME}物业进场接管", from_company=FROM_COMPANY, from_rep=FROM_REP,
        to_company=TO_COMPANY, to_rep=TO_REP, witness=WITNESS, witness_rep=WITNESS_REP,
        cutoff_date=CUTOFF, planned_date=CUTOFF, actual_date=TAKEOVER_DAY, status=DocStatus.DRAFT)], "交接")
    return handover_id


def _qty(item: TemplateItemSpec, c: Community) -> int:
    """Per-household items count the flats of this community, not the template's example."""
    return len(c.of_use(UnitUse.RESIDENCE)) if "按户" in item.spec else item.qty


def _checked_at(rng: random.Random, signed: bool) -> dt.datetime:
    days = rng.randrange(11 if signed else 20)
    return dt.datetime(2026, 6, 22, rng.randint(9, 16), rng.randrange(60)) + dt.timedelta(days=days)


def _outcome(rng: random.Random, item: TemplateItemSpec, expected: int,
             signed: bool) -> tuple[int, ItemCondition, str]:
    """(received, condition, remarks) of a checked item: mostly fine, some missing, damaged or short."""
    r = rng.random()
    if not signed and r < (0.14 if item.copy else 0.06):
        return 0, ItemCondition.MISSING, "原物业未提供"
    if not signed and r < 0.20:
        hurt = rng.randint(1, max(1, expected // 8))
        text = rng.choice(PAPER_DAMAGE) if item.copy else rng.choice(DAMAGE)
        return expected, ItemCondition.DEFECTIVE, f"其中 {hurt}{item.uom}{text}" if expected > 1 else text
    if expected > 3 and rng.random() < 0.15:
        short = rng.randint(1, max(1, expected // 10))
        return expected - short, ItemCondition.GOOD, f"短缺 {short}{item.uom}"
    return expected, ItemCondition.GOOD, ""


def _item(rng: random.Random, seq: int, item: TemplateItemSpec, c: Community, check: bool, signed: bool) -> Row:
    expected = _qty(item, c)
    row = versioned(list_id=0, seq=seq, category=item.category, name=item.name, spec=item.spec, uom=item.uom,
                    expected_qty=expected, received_qty=None, original_or_copy=item.copy, pages=None,
                    condition=ItemCondition.UNSET, remarks="", checked_by="", checked_at=None, defect_id=None)
    if check:
        received, condition, remarks = _outcome(rng, item, expected, signed)
        paper = item.copy and received and item.uom in ("份", "册")
        row.update(received_qty=received, condition=condition, remarks=remarks,
                   pages=rng.randint(80, 400) if paper and item.uom == "册" else rng.randint(2, 60) if paper else None,
                   checked_by=rng.choice((CLERK, *ENGINEERS)), checked_at=_checked_at(rng, signed))
    return row


def plan_lists(c: Community, w: Writer, handover_id: int, specs: list[TemplateSpec], seed: int) -> list[PlannedList]:
    rng = random.Random(f"{seed}:lists")
    by_code = {s.code: s for s in specs}
    first = w.next_id(HandoverList.__table__)
    planned = []
    for n, (code, share) in enumerate(LISTS):
        spec, signed = by_code[code], code == SIGNED_CODE
        row = versioned(id=first + n, handover_id=handover_id, title=spec.name, template_code=code,
                        status=DocStatus.DRAFT, revision=1, amends_id=None, signed_at=None, signed_from="",
                        signed_to="", signed_witness="", scan_name="", scan=None)
        pl = PlannedList(row, spec)
        pl.items = [_item(rng, seq, item, c, rng.random() < share, signed) for seq, item in enumerate(spec.items, 1)]
        for item in pl.items:
            item["list_id"] = row["id"]
        planned.append(pl)
    return planned


def linked_defects(c: Community, handover_id: int, lists: list[PlannedList], first_id: int,
                   seed: int) -> list[tuple[Row, list[Row]]]:
    """A 缺失/有缺陷 item becomes a defect (item.defect_id points at it), as a clerk does in one action."""
    rng = random.Random(f"{seed}:linked")
    out: list[tuple[Row, list[Row]]] = []
    for pl in lists:
        category = DEFECT_CATEGORY.get(pl.spec.code, DEFECT_CATEGORY.get(pl.spec.code[:3], DefectCategory.OTHER))
        for item in pl.items:
            if item["condition"] not in (ItemCondition.MISSING, ItemCondition.DEFECTIVE):
                continue
            defect_id = first_id + len(out)
            severity = (Severity.MAJOR if category is DefectCategory.FIRE and item["condition"] is ItemCondition.MISSING
                        else Severity.NORMAL)
            lc = lived(rng, defect_id, item["checked_at"], Responsible.PREVIOUS, severity)
            item["defect_id"] = defect_id
            with chinese():  # a stored description, in Chinese as the clerk's would be
                problem = item["condition"].label
            text = (f"{pl.spec.name}第 {item['seq']} 项“{item['name']}”{problem}："
                    f"应交 {item['expected_qty']}{item['uom']}，实交 {item['received_qty']}{item['uom']}"
                    f"{'；' + item['remarks'] if item['remarks'] else ''}")
            fields = {"unit_id": None, "building_id": None, "location": "交接清单", "category": category,
                      "description": text}
            out.append((defect_row(c, handover_id, lc, len(out) + 1, severity, fields), lc.history))
    return out


def insert_lists(w: Writer, lists: list[PlannedList]) -> None:
    """Lists go in as drafts with their items, then the signed one is signed (items of a signed list are final)."""
    w.insert(HandoverList.__table__, [pl.row for pl in lists], "交接清单")
    w.insert(HandoverItem.__table__, (item for pl in lists for item in pl.items), "交接清单条目")
    for pl in lists:
        if pl.spec.code == SIGNED_CODE:
            snapshot = handover_info(w.session, get(w.session, Handover, pl.row["handover_id"])).snapshot()
            w.session.execute(update(HandoverList.__table__).where(HandoverList.__table__.c.id == pl.row["id"])
                              .values(status=DocStatus.SIGNED, signed_at=SIGNED_AT, signed_from=FROM_REP,
                                      signed_to=TO_REP, signed_witness=WITNESS_REP, version=2,
                                      handover_snapshot=snapshot))
