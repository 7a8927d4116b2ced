"""Handover lists through the services, on SQLite and PostgreSQL: templates, checking, defects, sign-off, amendments."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import AuditLog
from models.base import DocStatus
from models.db import UserRef
from models.defect import Defect, DefectCategory, DefectStatus, Responsible, Severity
from models.errors import AuthError, SignedRecordError, StaleRecordError, ValidationError
from models.handover import HandoverItem, HandoverKind, ItemCondition
from models.services import checklists as cl
from models.services import handovers, projects, signoff

SIGNED_AT = dt.datetime(2026, 7, 1, 10, 30)


@pytest.fixture
def handover(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, p.id, "进场接管", "原物业服务有限公司", "本物业公司",
                                     dt.date(2026, 6, 30), from_rep="赵国强", to_rep="孙志远",
                                     witness="翠湖园业主委员会")


def as_role(db, role: str) -> None:
    db.user = UserRef(None, role, {"clerk": "文员", "supervisor": "主管"}[role], role)


def check_all(db, list_id: int) -> None:
    for item in cl.list_detail(db, list_id).items:
        if not item.checked:
            cl.mark_received_as_expected(db, item.id, item.version)


def sign(db, list_id: int):
    version = cl.list_detail(db, list_id).summary.version
    return signoff.sign_list(db, list_id, version, signed_from="赵国强", signed_to="孙志远",
                             signed_witness="王主任", signed_at=SIGNED_AT)


def test_handover_with_parties_and_dates(db, handover):
    info = handovers.get_handover(db, handover.id)
    assert (info.from_rep, info.to_rep, info.witness) == ("赵国强", "孙志远", "翠湖园业主委员会")
    updated = handovers.update_handover(db, info.id, info.version, planned_date=dt.date(2026, 7, 1))
    assert updated.planned_date == dt.date(2026, 7, 1)
    with pytest.raises(StaleRecordError):
        handovers.update_handover(db, info.id, info.version, witness="街道办")
    with pytest.raises(ValidationError, match="移交方"):
        handovers.update_handover(db, info.id, updated.version, from_company=" ")


def test_templates_are_there_on_a_new_database_and_filtered_by_kind(db, handover):
    rows = cl.list_templates(db, "进场接管")
    assert len(rows) >= 15 and all(t.item_count >= 20 for t in rows)
    assert all(not t.kinds or "takeover" in t.kinds.split(",") for t in rows)
    assert {t.code for t in rows} == {t.code for t in cl.list_templates(db, HandoverKind.TAKEOVER)}


def test_start_from_template_then_edit_reorder_and_remove(db, handover):
    summary = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    detail = cl.list_detail(db, summary.id)
    assert detail.summary.total == len(detail.items) >= 20 and detail.summary.checked == 0
    first, second = detail.items[0], detail.items[1]
    added = cl.add_item(db, summary.id, category="竣工图纸", name="化粪池竣工图", uom="份", after_item_id=first.id)
    assert added.seq == 2
    cl.update_item(db, second.id, cl.list_detail(db, summary.id).items[2].version, remarks="=1+1 备注")
    items = cl.move_item(db, added.id, added.version, +1)
    assert [i.name for i in items[:3]] == [first.name, second.name, "化粪池竣工图"]
    moved = next(i for i in items if i.id == added.id)
    cl.remove_item(db, added.id, moved.version)
    after = cl.list_detail(db, summary.id).items
    assert [i.seq for i in after] == list(range(1, len(after) + 1)) and added.id not in {i.id for i in after}


def test_checking_items_and_progress(db, handover):
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    a, b, c = cl.list_detail(db, lst.id).items[:3]
    ok = cl.mark_received_as_expected(db, a.id, a.version)
    assert ok.received_qty == ok.expected_qty and ok.condition is ItemCondition.GOOD and ok.checked_by == "测试员"
    short = cl.check_item(db, b.id, b.version, received_qty=0, condition="缺失", remarks="原物业未提供")
    assert short.shortfall == b.expected_qty and short.is_problem
    damaged = cl.check_item(db, c.id, c.version, received_qty=c.expected_qty, condition="有缺陷", pages=12)
    assert damaged.is_problem and damaged.pages == 12
    summary = cl.list_detail(db, lst.id).summary
    assert (summary.checked, summary.shortfalls, summary.problems) == (3, 1, 2)


@pytest.mark.parametrize("fields, message", [
    ({"received_qty": "若干", "condition": "完好"}, "实收数量"),
    ({"received_qty": -1, "condition": "完好"}, "负数"),
    ({"received_qty": 1, "condition": "很好"}, "状况"),
    ({"received_qty": None, "condition": "完好"}, "实收数量"),
])
def test_bad_check_input_names_the_field_and_saves_nothing(db, handover, fields, message):
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    item = cl.list_detail(db, lst.id).items[0]
    with pytest.raises(ValidationError, match=message):
        cl.check_item(db, item.id, item.version, **fields)
    assert not cl.list_detail(db, lst.id).items[0].checked


def test_stale_item_save_is_refused(db, handover):
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    item = cl.list_detail(db, lst.id).items[0]
    cl.mark_received_as_expected(db, item.id, item.version)
    with pytest.raises(StaleRecordError):
        cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失")
    assert cl.list_detail(db, lst.id).items[0].condition is ItemCondition.GOOD


def test_missing_item_becomes_a_defect_linked_both_ways(db, handover):
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    item = cl.list_detail(db, lst.id).items[1]
    short = cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失", remarks="原物业未提供")
    ref = cl.item_to_defect(db, short.id, short.version, severity="重大")
    assert ref.number == f"YL-{dt.date.today().year}-0001"
    row = cl.list_detail(db, lst.id).items[1]
    assert row.defect_id == ref.id and row.defect_number == ref.number
    with db.read() as s:
        defect = s.get(Defect, ref.id)
        linked = s.scalar(select(HandoverItem.id).where(HandoverItem.defect_id == defect.id))
        assert defect.status is DefectStatus.PENDING_NOTICE and defect.responsible is Responsible.PREVIOUS
        assert defect.severity is Severity.MAJOR and defect.category is DefectCategory.DOCUMENTS
        assert item.name in defect.description and "原物业未提供" in defect.description
        assert defect.deadline == defect.found_at.date() + dt.timedelta(days=3)
        assert linked == item.id and len(defect.history) == 1
    with pytest.raises(ValidationError, match="已登记"):
        cl.item_to_defect(db, row.id, row.version)
    good = cl.list_detail(db, lst.id).items[0]
    good = cl.mark_received_as_expected(db, good.id, good.version)
    with pytest.raises(ValidationError, match="不能转为遗留问题"):
        cl.item_to_defect(db, good.id, good.version)


def test_sign_off_needs_a_supervisor_and_every_item_checked(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS")
    as_role(db, "clerk")
    with pytest.raises(AuthError, match="主管"):
        sign(db, lst.id)
    as_role(db, "supervisor")
    with pytest.raises(ValidationError, match="未核对"):
        sign(db, lst.id)
    check_all(db, lst.id)
    signed = sign(db, lst.id)
    assert signed.status is DocStatus.SIGNED and signed.signed_at == SIGNED_AT


def test_signed_list_refuses_every_service_edit(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS")
    check_all(db, lst.id)
    sign(db, lst.id)
    item = cl.list_detail(db, lst.id).items[0]
    attempts = [
        lambda: cl.update_item(db, item.id, item.version, remarks="改"),
        lambda: cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失"),
        lambda: cl.mark_received_as_expected(db, item.id, item.version),
        lambda: cl.remove_item(db, item.id, item.version),
        lambda: cl.move_item(db, item.id, item.version, 1),
        lambda: cl.add_item(db, lst.id, category="x", name="追加"),
        lambda: sign(db, lst.id),
    ]
    for attempt in attempts:
        with pytest.raises(SignedRecordError):
            attempt()
    assert cl.list_detail(db, lst.id).items[0] == item


def test_amendment_copies_shows_changes_and_is_signed_in_turn(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS")
    check_all(db, lst.id)
    sign(db, lst.id)
    as_role(db, "clerk")
    with pytest.raises(AuthError):
        signoff.amend_list(db, lst.id)
    as_role(db, "supervisor")
    amendment = signoff.amend_list(db, lst.id)
    assert (amendment.revision, amendment.amends_id, amendment.status) == (2, lst.id, DocStatus.DRAFT)
    items = cl.list_detail(db, amendment.id).items
    assert len(items) == len(cl.list_detail(db, lst.id).items) and all(i.checked for i in items)
    cl.check_item(db, items[0].id, items[0].version, received_qty=0, condition="缺失", remarks="补充核实")
    cl.add_item(db, amendment.id, category="印章", name="财务专用章（旧）", uom="枚")
    check_all(db, amendment.id)
    changes = {(c.kind, c.name): c for c in signoff.changes_against_amended(db, amendment.id)}
    assert ("added", "财务专用章（旧）") in changes
    assert changes[("changed", items[0].name)].changes["condition"] == (ItemCondition.GOOD, ItemCondition.MISSING)
    with pytest.raises(ValidationError, match="已有补充版本"):
        signoff.amend_list(db, lst.id)
    sign(db, amendment.id)
    chain = signoff.history(db, amendment.id)
    assert [(x.revision, x.status) for x in chain] == [(1, DocStatus.SIGNED), (2, DocStatus.SIGNED)]
    assert [x.id for x in signoff.history(db, lst.id)] == [lst.id, amendment.id]


def test_scan_is_kept_and_checked(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS")
    check_all(db, lst.id)
    version = cl.list_detail(db, lst.id).summary.version
    with pytest.raises(ValidationError, match="扫描件"):
        signoff.sign_list(db, lst.id, version, signed_from="a", signed_to="b", signed_witness="c",
                          signed_at=SIGNED_AT, scan=b"x", scan_name="scan.exe")
    signoff.sign_list(db, lst.id, version, signed_from="a", signed_to="b", signed_witness="c",
                      signed_at=SIGNED_AT, scan=b"%PDF-1.4 fake", scan_name="/home/x/签字页.pdf")
    assert signoff.scan_of(db, lst.id) == ("签字页.pdf", b"%PDF-1.4 fake")


def test_save_list_as_template(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS", title="印章交接（翠湖园）")
    cl.add_item(db, lst.id, category="印章", name="停车场收费章", uom="枚")
    row = cl.save_as_template(db, lst.id, "MY-SEALS", "本处印章清单")
    assert row.item_count == len(cl.list_detail(db, lst.id).items) and row.kinds == HandoverKind.TAKEOVER.value
    started = cl.start_list(db, handover.id, "MY-SEALS")
    assert [i.name for i in cl.list_detail(db, started.id).items][-1] == "停车场收费章"
    with pytest.raises(ValidationError, match="已存在"):
        cl.save_as_template(db, lst.id, "MY-SEALS", "重复")


def test_every_step_is_in_the_audit_log(db, handover):
    lst = cl.start_list(db, handover.id, "PHY-SEALS")
    item = cl.list_detail(db, lst.id).items[0]
    short = cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失")
    cl.item_to_defect(db, short.id, short.version)
    check_all(db, lst.id)
    sign(db, lst.id)
    signoff.amend_list(db, lst.id)
    with db.read() as s:
        log = [(r.action, r.table_name, r.username) for r in s.scalars(select(AuditLog))]
    for step in [("insert", "handovers"), ("insert", "handover_lists"), ("insert", "handover_items"),
                 ("update", "handover_items"), ("insert", "defects"), ("update", "handover_lists")]:
        assert step in [(a, t) for a, t, _ in log], step
    assert sum(1 for a, t, _ in log if (a, t) == ("insert", "handover_lists")) == 2
