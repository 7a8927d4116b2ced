"""The demo community: `build_demo` fills a database with a made-up but realistic take-over."""
from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import chain

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import Base
from ..db import Database, UserRef
from ..defect import Defect
from ..errors import ValidationError
from ..fees import LedgerLine, MeterReading
from ..i18n import translate
from ..people import User
from ..project import Project
from ..templates import load_template_files, seed_builtin_templates
from . import defects, keys, photos
from .community import DEMO_USERS, build_community, insert_project, insert_users
from .fees import insert_fees, meter_readings
from .ledger import ledger_lines
from .lists import insert_handover, insert_lists, linked_defects, plan_lists
from .plan import PLANS, PROJECT_CODE, PROJECT_NAME, SizePlan
from .writer import DemoCancelled, Progress, Writer

__all__ = ["build_demo", "DemoSummary", "DemoCancelled", "PLANS", "PROJECT_CODE"]


@dataclass(frozen=True)
class DemoSummary:
    """What was generated; str() is the one line the command line prints."""

    project_code: str
    project_name: str
    size: str
    seed: int
    buildings: int
    units: int
    owners: int
    lists: int
    list_items: int
    defects: int
    defect_changes: int
    keys: int
    key_events: int
    fee_items: int
    meter_readings: int
    ledger_lines: int

    def __str__(self) -> str:
        return (translate("demo", "{project_name}（{project_code}，{size}，种子 {seed}）：楼栋 {buildings}，"
                                  "房屋 {units}，业主 {owners}，交接清单 {lists}（{list_items} 项），遗留问题 {defects}，"
                                  "钥匙 {keys}（记录 {key_events}），收费项目 {fee_items}，抄表 {meter_readings}，"
                                  "台账 {ledger_lines} 行").format(project_name=self.project_name, project_code=self.project_code, size=self.size, seed=self.seed, buildings=self.buildings, units=self.units, owners=self.owners, lists=self.lists, list_items=self.list_items, defects=self.defects, keys=self.keys, key_events=self.key_events, fee_items=self.fee_items, meter_readings=self.meter_readings, ledger_lines=self.ledger_lines))


def _estimate(plan: SizePlan) -> int:
    """Rows to write, roughly, for the progress bar (the writer raises it if it runs over)."""
    return int(plan.units * 6 + plan.defects * 4 + plan.keys * 2.5 + plan.ledger_lines + 400)


def _refuse_existing(session: Session) -> None:
    if session.scalar(select(Project.id).where(Project.code == PROJECT_CODE)) is not None:
        raise ValidationError(translate("demo", "数据库中已有演示项目 {project_code}，请用 --db 指定一个新文件。").format(
            project_code=PROJECT_CODE))


def _summary(w: Writer, plan: SizePlan, seed: int) -> DemoSummary:
    n = w.counts
    return DemoSummary(PROJECT_CODE, PROJECT_NAME, plan.name, seed, n["buildings"], n["units"], n["owners"],
                       n["handover_lists"], n["handover_items"], n["defects"], n["defect_status_changes"],
                       n["keys"], n["key_events"], n["fee_items"], n["meter_readings"], n["ledger_lines"])


def _as_demo_admin(session: Session) -> None:
    """From here on the audit names the demo's own administrator, a real account of this database."""
    if getattr(session.info.get("user"), "id", None) is None:
        admin = session.scalar(select(User).where(User.username == DEMO_USERS[0][0]))
        if admin is not None:
            session.info["user"] = UserRef(admin.id, admin.username, admin.display_name, admin.role.value)


def _fill(w: Writer, plan: SizePlan, seed: int) -> int:
    """Everything, in foreign-key order; returns the project id."""
    specs = load_template_files()
    insert_users(w)
    _as_demo_admin(w.session)
    seed_builtin_templates(w.session, specs)
    project_id = insert_project(w)
    c = build_community(w, plan, seed, project_id)
    handover_id = insert_handover(w, project_id)
    lists = plan_lists(c, w, handover_id, specs, seed)
    first = w.next_id(Defect.__table__)
    linked = linked_defects(c, handover_id, lists, first, seed)
    general = defects.general_defects(c, handover_id, random.Random(f"{seed}:defects"), first + len(linked),
                                      len(linked) + 1, plan.defects - len(linked))
    w.insert_with_children(*defects.TABLES, chain(linked, general), "遗留问题")
    w.insert(photos.TABLE, photos.photo_rows(first, plan.defects, seed), "遗留问题照片")
    insert_lists(w, lists)  # after the defects: failed items point at them
    w.insert_with_children(*keys.TABLES, keys.all_keys(c, handover_id, random.Random(f"{seed}:keys"),
                                                       w.next_id(keys.Key.__table__), plan.keys,
                                                       keys.demo_approver(w.session)), "钥匙")
    book = insert_fees(w, project_id)
    w.insert(MeterReading.__table__, meter_readings(c, handover_id, random.Random(f"{seed}:meters")), "抄表底数")
    w.insert(LedgerLine.__table__, ledger_lines(c, book, handover_id, random.Random(f"{seed}:ledger"),
                                                plan.ledger_lines), "收费台账")
    return project_id


def build_demo(db: Database, size: str = "small", seed: int = 2026, progress: Progress | None = None) -> DemoSummary:
    """Fill the database with the demo community, all in one transaction (all of it or nothing).

    Deterministic: the same size and seed give the same rows (bar password salts and audit times).
    progress(done, total, what) is called after every chunk; returning False cancels and rolls back.
    """
    plan = PLANS.get(size)
    if plan is None:
        raise ValidationError(translate("demo", "演示规模“{size}”无效，应为 small 或 large。").format(
            size=size))
    with db.begin() as session:
        if session.info.get("user") is None:  # run from the terminal before anyone logged in
            session.info["user"] = UserRef(None, "demo", "演示数据")
        _refuse_existing(session)
        w = Writer(session, plan.chunk, _estimate(plan), progress)
        project_id = _fill(w, plan, seed)
        w.fix_sequences()
        summary = _summary(w, plan, seed)
        record_action(session, "demo", "projects", project_id, f"生成演示数据：{summary}")
        w.tick("完成")
    db.refresh_statistics(*(table.name for table in Base.metadata.sorted_tables))
    return summary
