"""The defect register through its services, on SQLite and PostgreSQL, with time passed in."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import select, text

from models.audit import AuditLog
from models.defect import Defect, DefectCategory, Responsible, Severity
from models.defect import DefectStatus as S
from models.errors import DomainError, StaleRecordError, ValidationError
from models.services import defect_register as reg
from models.services import projects

T0 = dt.datetime(2026, 7, 1, 9, 0)


def jpeg(color: str, size=(2400, 1800)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def new(db, project, **kw):
    base = dict(category="土建装饰", severity="一般", responsible="开发商", location="3栋外墙",
                description="北侧外墙瓷砖空鼓脱落", found_at=T0)
    return reg.record_new(db, project.id, **{**base, **kw})


def test_record_numbers_deadline_and_photos(db, project):
    d = new(db, project, photos=[("a.jpg", jpeg("red")), ("b.jpg", jpeg("blue", (300, 200)))])
    assert d.number == "YL-2026-0001" and d.deadline == dt.date(2026, 7, 8) and d.photo_count == 2
    assert new(db, project, severity="重大").deadline == dt.date(2026, 7, 4)
    detail = reg.defect_detail(db, d.id, now=T0)
    big = detail.photos[0]
    assert max(big.width, big.height) == 1600 and Image.open(io.BytesIO(big.thumbnail)).size[0] <= 160
    assert Image.open(io.BytesIO(reg.photo_data(db, big.id))).size == (1600, 1200)
    assert [h.to_status for h in detail.history] == [S.PENDING_NOTICE]


def test_office_deadline_table(db, project):
    reg.set_deadline_days(db, {"一般": 10})
    assert reg.deadline_days(db) == {Severity.MAJOR: 3, Severity.NORMAL: 10, Severity.MINOR: 15}
    assert new(db, project).deadline == dt.date(2026, 7, 11)
    with pytest.raises(ValidationError, match="整改期限"):
        reg.set_deadline_days(db, {"一般": 0})


@pytest.mark.parametrize("kw, field", [({"category": "杂项"}, "类别"), ({"severity": "超大"}, "严重程度"),
                                       ({"description": " "}, "问题描述"), ({"location": ""}, "位置")])
def test_bad_input_names_the_field(db, project, kw, field):
    with pytest.raises(ValidationError, match=field):
        new(db, project, **kw)


def test_not_a_picture_is_refused_and_nothing_saved(db, project):
    with pytest.raises(ValidationError, match="图片"):
        new(db, project, photos=[("notes.txt", b"hello")])
    with db.read() as s:
        assert s.scalar(select(Defect)) is None


def test_full_lifecycle_with_escalations_and_three_failures(db, project):
    d = new(db, project)
    d = reg.issue_notice(db, d.id, d.version, at=T0 + dt.timedelta(hours=2))
    notice = d.notice_at
    later = reg.defect_detail(db, d.id, now=notice + dt.timedelta(days=3, minutes=1))
    assert [x.code for x in later.duties] == ["reminder"]
    reg.log_action(db, d.id, "reminder", at=notice + dt.timedelta(days=3, hours=1))
    assert reg.defect_detail(db, d.id, now=notice + dt.timedelta(days=3, hours=2)).duties == []
    assert [x.code for x in reg.defect_detail(db, d.id, now=notice + dt.timedelta(days=7)).duties] == ["escalation"]
    when = notice + dt.timedelta(days=8)
    for attempt in range(3):
        d = reg.submit_rectified(db, d.id, d.version, at=when)
        d = reg.reinspect(db, d.id, d.version, passed=False, at=when + dt.timedelta(hours=1), note=f"第{attempt + 1}次")
        when += dt.timedelta(days=1)
    assert d.failed_reinspections == 3 and d.status is S.RECTIFYING
    codes = [x.code for x in reg.defect_detail(db, d.id, now=when).duties]
    assert "failure_report" in codes
    d = reg.submit_rectified(db, d.id, d.version, at=when)
    d = reg.reinspect(db, d.id, d.version, passed=True, at=when + dt.timedelta(hours=1))
    assert d.status is S.CLOSED and d.closed_at is not None
    assert reg.defect_detail(db, d.id, now=when + dt.timedelta(days=30)).duties == []
    with pytest.raises(DomainError, match="已关闭"):
        reg.update_defect(db, d.id, d.version, description="改")
    with db.read() as s:
        changes = [(r.action, r.table_name) for r in s.scalars(select(AuditLog))]
    assert changes.count(("insert", "defect_status_changes")) == 10
    assert ("insert", "defect_actions") in changes and ("update", "defects") in changes


def test_a_late_notice_is_flagged(db, project):
    d = new(db, project)
    on_time = reg.issue_notice(db, d.id, d.version, at=T0 + dt.timedelta(hours=23, minutes=59))
    assert not reg.defect_detail(db, on_time.id).notice_late
    e = new(db, project)
    late = reg.issue_notice(db, e.id, e.version, at=T0 + dt.timedelta(hours=24, minutes=1))
    assert reg.defect_detail(db, late.id).notice_late


def test_illegal_transitions_are_refused_from_every_path(db, project):
    d = new(db, project)
    with pytest.raises(DomainError, match="不能从"):
        reg.submit_rectified(db, d.id, d.version)
    with pytest.raises(DomainError, match="不能从"):
        reg.reinspect(db, d.id, d.version, passed=True)
    with pytest.raises(DomainError, match="不能从"), db.begin() as s:  # straight through the ORM
        s.get(Defect, d.id).status = S.CLOSED
    assert reg.find_by_number(db, project.id, d.number).status is S.PENDING_NOTICE


def test_unfixable_needs_a_written_report_and_is_final(db, project):
    d = new(db, project)
    with pytest.raises(ValidationError, match="报告"):
        reg.declare_unfixable(db, d.id, d.version, report="不行")
    d = reg.declare_unfixable(db, d.id, d.version, report="原设计缺陷，需业主大会决定改造方案，已报公司领导")
    assert d.status is S.UNFIXABLE and "原设计缺陷" in d.report
    with pytest.raises(DomainError):
        reg.issue_notice(db, d.id, d.version)


def test_stale_transition_is_refused(db, project):
    d = new(db, project)
    reg.issue_notice(db, d.id, d.version)
    with pytest.raises(StaleRecordError):
        reg.declare_unfixable(db, d.id, d.version, report="原设计缺陷，需业主大会决定改造方案")


def test_action_log_is_append_only(db, project):
    d = new(db, project)
    reg.log_action(db, d.id, "major_report")
    with pytest.raises(DomainError), db.begin() as s:
        s.execute(text("DELETE FROM defect_actions"))


def test_due_list_overdue_by_party_and_stats(db, project):
    a = new(db, project, responsible="开发商")
    b = new(db, project, responsible="施工单位", severity="重大")
    reg.issue_notice(db, a.id, a.version, at=T0)
    now = T0 + dt.timedelta(days=10)
    due = reg.due_list(db, project.id, now=now)
    assert {r.defect.number for r in due} == {a.number, b.number}
    assert due[0].defect.number == b.number  # 重大, never notified: most urgent
    assert reg.find_by_number(db, project.id, a.number).id == a.id
    new(db, project, responsible="开发商")  # never notified: a 催办函 must not list it
    party = reg.overdue_of_party(db, project.id, "开发商", now=now)
    assert [r.defect.number for r in party] == [a.number] and party[0].overdue_days == 3
    st = reg.stats(db, project.id, now=now)
    assert st.by_category[DefectCategory.CIVIL] == (3, 3) and st.by_party[Responsible.CONTRACTOR] == (1, 1)
    assert list(st.by_category) == list(DefectCategory)  # the charts' order: the form's
