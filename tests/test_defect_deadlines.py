"""One deadline rule (issue 10.6): every path that creates a defect uses the office's 整改期限 table, only a
supervisor changes the table, and moving a defect's deadline needs a reason kept in its history."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.db import UserRef
from models.defect import Defect, DefectStatusChange, Severity
from models.defect import DefectStatus as S
from models.errors import AuthError, ValidationError
from models.rules.deadlines import DEFAULT_DEADLINE_DAYS, change_note, check_table, default_deadline
from models.services import checklists as cl
from models.services import defect_register as reg
from models.services import handovers, projects

T0 = dt.datetime(2026, 7, 1, 9, 0)
CLERK = UserRef(None, "wang", "王文员", "clerk")
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")


# --- the rule, without a database ---------------------------------------------------------------

def test_default_deadline_is_the_finding_date_plus_the_office_days():
    assert default_deadline("一般", T0, DEFAULT_DEADLINE_DAYS) == dt.date(2026, 7, 8)
    assert default_deadline("重大", T0.date(), {"重大": 1}) == dt.date(2026, 7, 2)
    assert default_deadline("轻微", T0, {"一般": 30}) == dt.date(2026, 7, 16)  # unset: the default
    with pytest.raises(ValidationError, match="严重程度"):
        default_deadline("超大", T0, DEFAULT_DEADLINE_DAYS)


@pytest.mark.parametrize("table", [{"一般": 0}, {"一般": 366}, {"一般": True}, {"一般": "7"}, {"超大": 7}])
def test_a_bad_table_is_refused(table):
    with pytest.raises(ValidationError, match="整改期限|严重程度"):
        check_table(table)


def test_change_note_needs_a_reason():
    assert change_note(dt.date(2026, 7, 1), dt.date(2026, 7, 31), " 开发商申请延期 ") == \
        "整改期限 2026-07-01 → 2026-07-31：开发商申请延期"
    with pytest.raises(ValidationError, match="期限变更原因"):
        change_note(dt.date(2026, 7, 1), dt.date(2026, 7, 31), "  ")


# --- through the services, on both backends -----------------------------------------------------

@pytest.fixture
def handover(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, p.id, "进场接管", "原物业服务有限公司", "本物业公司",
                                     dt.date(2026, 6, 30), from_rep="赵国强", to_rep="孙志远")


def test_item_to_defect_uses_the_office_table(db, handover):
    reg.set_deadline_days(db, {"一般": 30})
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    item = cl.list_detail(db, lst.id).items[0]
    short = cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失")
    ref = cl.item_to_defect(db, short.id, short.version, severity="一般")
    with db.read() as s:
        defect = s.get(Defect, ref.id)
        assert defect.deadline == defect.found_at.date() + dt.timedelta(days=30)


def test_registering_and_the_form_default_agree(db, handover):
    reg.set_deadline_days(db, {"重大": 2})
    row = reg.record_new(db, handover.project_id, category="消防", severity="重大", responsible="原物业",
                         description="消防报警主机故障", location="消防控制室", found_at=T0)
    assert row.deadline == reg.default_deadline(db, "重大", T0) == dt.date(2026, 7, 3)


def test_only_a_supervisor_sets_the_table(db):
    db.user = CLERK
    assert not reg.may_set_deadline_days(db)
    with pytest.raises(AuthError, match="主管"):
        reg.set_deadline_days(db, {"一般": 30})
    assert reg.deadline_days(db)[Severity.NORMAL] == 7
    db.user = SUPERVISOR
    assert reg.may_set_deadline_days(db)
    assert reg.set_deadline_days(db, {"一般": 30})[Severity.NORMAL] == 30


def _history(db, defect_id):
    with db.read() as s:
        return list(s.execute(select(DefectStatusChange.from_status, DefectStatusChange.to_status,
                                     DefectStatusChange.note, DefectStatusChange.by)
                              .where(DefectStatusChange.defect_id == defect_id).order_by(DefectStatusChange.id)))


def test_moving_the_deadline_needs_a_reason_kept_in_the_history(db, handover):
    d = reg.record_new(db, handover.project_id, category="土建装饰", severity="一般", responsible="开发商",
                       description="外墙瓷砖空鼓", location="3栋外墙", found_at=T0)
    d = reg.issue_notice(db, d.id, d.version, at=T0 + dt.timedelta(hours=2))
    later = dt.date(2026, 7, 31)
    with pytest.raises(ValidationError, match="期限变更原因"):
        reg.update_defect(db, d.id, d.version, deadline=later, description="外墙瓷砖大面积空鼓")
    with db.read() as s:
        kept = s.get(Defect, d.id)
        assert (kept.deadline, kept.description, kept.version) == (dt.date(2026, 7, 8), "外墙瓷砖空鼓", d.version)
    assert len(_history(db, d.id)) == 2

    unchanged = reg.update_defect(db, d.id, d.version, deadline=d.deadline, description="外墙瓷砖大面积空鼓")
    assert len(_history(db, d.id)) == 2  # no deadline change, no reason asked, no history row
    moved = reg.update_defect(db, d.id, unchanged.version, deadline=later, reason="开发商申请延期，需等脚手架",
                              at=T0 + dt.timedelta(days=1))
    assert moved.deadline == later and moved.status is S.RECTIFYING
    last = _history(db, d.id)[-1]
    assert (last.from_status, last.to_status) == (S.RECTIFYING, S.RECTIFYING)
    assert last.note == "整改期限 2026-07-08 → 2026-07-31：开发商申请延期，需等脚手架" and last.by == "测试员"
    detail = reg.defect_detail(db, d.id, now=T0 + dt.timedelta(days=2))
    assert detail.history[-1].note.startswith("整改期限") and detail.overdue_days == 0


def test_a_deadline_change_does_not_count_as_a_reinspection(db, handover):
    d = reg.record_new(db, handover.project_id, category="给排水", severity="一般", responsible="开发商",
                       description="楼道顶板渗水", location="1栋1单元", found_at=T0)
    d = reg.issue_notice(db, d.id, d.version, at=T0)
    d = reg.submit_rectified(db, d.id, d.version, at=T0 + dt.timedelta(days=1))
    d = reg.update_defect(db, d.id, d.version, deadline=dt.date(2026, 7, 20), reason="复验排期延后")
    with db.read() as s:
        changes = s.scalar(select(func.count()).where(DefectStatusChange.defect_id == d.id))
    assert changes == 4 and d.status is S.PENDING_REINSPECTION and d.failed_reinspections == 0
