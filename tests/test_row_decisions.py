"""Rows carry their decisions (issue 14 point 2): whether a record is signed, what may happen to it
next, who may, and the counts and totals a tab shows all come from models/, so no tab re-derives them
(and no tab compares a status label). No Qt here."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.base import DocStatus
from models.browse import DEFECTS, Scope, count_rows, fetch_page
from models.db import UserRef
from models.defect import DefectStatus
from models.errors import AuthError
from models.fees import Decision, DiffKind
from models.handover import Handover
from models.overview import Overview, read_overview
from models.services import checklists as cl
from models.services import defect_register as reg
from models.services import handovers, projects, signoff
from models.services import reconcile as rc
from models.services.defect_rows import ACTION_KINDS, late_count
from models.services.fee_state import fees_state
from models.services.settlement import (
    amend_settlement,
    settlement_history,
    sign_settlement,
)
from tests.fee_book import make_book
from tests.sample_data import make_sample

CLERK = UserRef(None, "wang", "王文员", "clerk")
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")
FOUND = dt.datetime(2026, 7, 1, 9, 0)


# ---- 交接清单 -------------------------------------------------------------------------------------

def _checked_list(db, handover_id: int) -> int:
    list_id = cl.create_list(db, handover_id, "钥匙移交清单").id
    cl.add_item(db, list_id, category="钥匙", name="入户门钥匙", spec="", uom="把", expected_qty=3)
    cl.add_item(db, list_id, category="钥匙", name="信报箱钥匙", spec="", uom="把", expected_qty=1)
    for item in cl.list_detail(db, list_id).items:
        cl.mark_received_as_expected(db, item.id, item.version)
    return list_id


def test_a_signed_list_says_so_and_only_it_may_be_amended_once(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "进场接管", "原物业服务有限公司", "本物业管理有限公司",
                                  dt.date(2026, 6, 30))
    list_id = _checked_list(db, h.id)
    draft = cl.list_detail(db, list_id).summary
    assert draft.is_editable and not draft.is_signed and not draft.can_amend

    signed = signoff.sign_list(db, list_id, draft.version, signed_from="赵国强", signed_to="孙志远",
                               signed_at=dt.datetime(2026, 7, 1, 10, 30))
    assert signed.is_signed and signed.is_final and not signed.is_editable and signed.can_amend
    assert signed.status is DocStatus.SIGNED

    amendment = signoff.amend_list(db, list_id)
    assert amendment.is_editable and not amendment.is_signed and not amendment.can_amend
    first = next(s for s in cl.lists_of(db, h.id) if s.id == list_id)
    assert first.is_signed and first.amended and not first.can_amend  # the amendment carries on
    assert cl.list_detail(db, list_id).summary.amended  # the detail's summary says it too


def test_counts_after_an_edit_follow_the_stored_rule(db):
    """summary.counted(items) (what the tab shows right after an edit) equals what the grouped
    query counts once the edit is stored: checked, short and problem items."""
    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    list_id = cl.create_list(db, h.id, "钥匙移交清单").id
    for name, qty in (("入户门钥匙", 3), ("信报箱钥匙", 2), ("车库门遥控器", 1)):
        cl.add_item(db, list_id, category="钥匙", name=name, spec="", uom="把", expected_qty=qty)
    first, second, third = cl.list_detail(db, list_id).items
    cl.update_item(db, first.id, first.version, received_qty=2)          # short by one
    cl.update_item(db, second.id, second.version, received_qty=2, condition="有缺陷")
    cl.mark_received_as_expected(db, third.id, third.version)          # the one checked off
    detail = cl.list_detail(db, list_id)
    stored = detail.summary
    assert (stored.total, stored.checked, stored.shortfalls, stored.problems) == (3, 1, 1, 2)
    counted = stored.counted(detail.items)
    assert (counted.total, counted.checked, counted.shortfalls, counted.problems) == (3, 1, 1, 2)
    assert counted.counted(detail.items[:1]).total == 1 and counted.counted([]).problems == 0


def test_list_permits_are_the_services_rule(sqlite_db):
    db = sqlite_db
    db.user = CLERK
    assert not signoff.sign_permit(db).allowed and not signoff.amend_permit(db).allowed
    assert signoff.sign_permit(db).refusal == "仅主管或管理员可以签署交接清单"
    assert signoff.amend_permit(db).refusal == "仅主管或管理员可以创建补充清单"
    with pytest.raises(AuthError, match="创建补充清单需要主管权限"):
        signoff.amend_list(db, 1)  # refused before it looks for the list
    db.user = SUPERVISOR
    assert signoff.sign_permit(db).allowed and signoff.sign_permit(db).refusal == ""


# ---- 财务结算 -------------------------------------------------------------------------------------

def _decided_book(db) -> int:
    hid = make_book(db)
    rc.reconcile(db, hid)
    rc.decide_many(db, hid, Decision.EXCLUDE, "双方同意不计入")
    return hid


def test_a_clerks_fees_state_does_not_allow_signing(sqlite_db):
    db = sqlite_db
    hid = _decided_book(db)
    db.user = CLERK
    state = fees_state(db, hid)
    assert not state.is_signed and state.can_change
    assert not state.can_sign and not state.can_amend
    assert state.sign_permit.refusal == "仅主管或管理员可以签署财务结算"
    assert state.differences_total > 0 and state.differences_open == 0
    with pytest.raises(AuthError, match="签署财务结算需要主管权限"):
        sign_settlement(db, hid)


def test_a_signed_settlement_is_read_only_and_only_amendable(sqlite_db):
    db = sqlite_db
    hid = _decided_book(db)
    db.user = SUPERVISOR
    before = fees_state(db, hid)
    assert before.settlement is None and before.can_sign and not before.can_amend

    sign_settlement(db, hid, note="双方财务已核对")
    signed = fees_state(db, hid)
    assert signed.is_signed and signed.settlement.is_signed and signed.settlement.status is DocStatus.SIGNED
    assert not signed.can_change and not signed.can_sign and signed.can_amend and signed.revision == 1

    amend_settlement(db, hid)
    amended = fees_state(db, hid)
    assert not amended.is_signed and amended.can_change and amended.can_sign and amended.revision == 2
    history = settlement_history(db, hid)
    assert [r.is_signed for r in history] == [True, False]

    db.user = CLERK  # the same signed state, seen by a clerk: signed, but nothing for them to do
    clerk_view = fees_state(db, hid)
    assert clerk_view.revision == 2 and not clerk_view.can_sign and not clerk_view.can_amend


def test_how_many_differences_a_bulk_decision_changes(sqlite_db):
    open_by_kind = {DiffKind.DIFFERS: 4, DiffKind.ONLY_THEIRS: 3, DiffKind.ONLY_OURS: 2, DiffKind.TARIFF: 1}
    assert rc.bulk_affected(Decision.OURS, open_by_kind) == 4 + 2 + 1   # not on a line we have no record of
    assert rc.bulk_affected(Decision.THEIRS, open_by_kind) == 4 + 3 + 1
    assert rc.bulk_affected(Decision.EXCLUDE, open_by_kind) == 10
    selected = [(1, DiffKind.ONLY_THEIRS.value, Decision.OPEN.value), (2, DiffKind.DIFFERS.value, Decision.OPEN.value),
                (3, DiffKind.DIFFERS.value, Decision.THEIRS.value)]  # already decided: left as it is
    assert rc.selection_affected(Decision.OURS, selected) == 1
    assert rc.selection_affected(Decision.EXCLUDE, selected) == 2

    # …and the counts are what decide_many then changes.
    db = sqlite_db
    hid = make_book(db)
    rc.reconcile(db, hid)
    with db.read() as s:
        from sqlalchemy import func, select

        from models.fees import FeeDifference as D
        counted = {k: n for k, n in s.execute(select(D.kind, func.count()).where(D.handover_id == hid)
                                                .group_by(D.kind))}
    assert rc.decide_many(db, hid, Decision.OURS, "以我方收据为准") == rc.bulk_affected(Decision.OURS, counted)


# ---- 遗留问题 -------------------------------------------------------------------------------------

def test_a_defects_next_steps_and_deadline_come_from_models(sqlite_db):
    db = sqlite_db
    p = projects.add_project(db, "CHY", "翠湖园")
    row = reg.record_new(db, p.id, category="土建装饰", severity="一般", responsible="开发商",
                         description="外墙渗水", location="1栋外墙", found_at=FOUND)
    assert row.deadline == reg.default_deadline(db, "一般", FOUND) > FOUND.date()  # the office's table

    d = reg.defect_detail(db, row.id, now=FOUND)
    assert d.can_edit and d.can_notice and d.can_declare_unfixable
    assert not (d.can_submit or d.can_pass or d.can_fail)
    d = reg.defect_detail(db, reg.issue_notice(db, row.id, d.defect.version, at=FOUND).id, now=FOUND)
    assert d.can_submit and not d.can_notice and not d.can_pass
    d = reg.defect_detail(db, reg.submit_rectified(db, row.id, d.defect.version, at=FOUND).id, now=FOUND)
    assert d.can_pass and d.can_fail and not d.can_submit
    d = reg.defect_detail(db, reg.reinspect(db, row.id, d.defect.version, passed=True, at=FOUND).id, now=FOUND)
    assert d.defect.status is DefectStatus.CLOSED
    assert not (d.can_edit or d.can_notice or d.can_submit or d.can_pass or d.can_fail or d.can_declare_unfixable)
    assert all(code in ACTION_KINDS for _label, code in d.loggable)


def test_the_due_list_counts_its_late_defects(sqlite_db):
    db = sqlite_db
    p = projects.add_project(db, "CHY", "翠湖园")
    for text in ("外墙渗水", "楼道灯不亮"):
        reg.record_new(db, p.id, category="土建装饰", severity="一般", responsible="开发商", description=text,
                       location="1栋", found_at=FOUND)
    due = reg.due_list(db, p.id, now=FOUND + dt.timedelta(days=60))  # long past every deadline
    assert len(due) == 2 and all(d.is_late for d in due) and late_count(due) == 2
    assert late_count(reg.due_list(db, p.id, now=FOUND)) == 0


def test_the_deadline_table_permit(sqlite_db):
    db = sqlite_db
    db.user = CLERK
    assert reg.deadline_table_permit(db).refusal == "仅主管或管理员可以修改整改期限"
    db.user = SUPERVISOR
    assert reg.deadline_table_permit(db).allowed


# ---- 概览 -----------------------------------------------------------------------------------------

def test_overview_totals_and_rankings():
    ov = Overview("进场接管", "进场接管", "草稿", "", "", "", "", "", dt.date(2026, 6, 30),
                  defects_by_status={s.value: n for s, n in zip(DefectStatus, (2, 3, 4, 5, 6), strict=True)},
                  keys_by_status={"x": 1}, arrears_by_item={"物业服务费": Decimal("10.50"), "水费": Decimal("0.25")},
                  fees_computed_at=dt.datetime(2026, 7, 2, 9, 0),
                  arrears_by_building={"2栋": Decimal("300.00"), "1栋": Decimal("300.00"), "3栋": Decimal("0.00"),
                                       "9栋": Decimal("1200.10")},
                  collection_by_building={"1栋": Decimal("0.9"), "2栋": Decimal("0.5"), "3栋": None})
    assert ov.defects_open == 2 + 3 + 4  # 待通知、整改中、待复验
    assert ov.keys_lent == 0
    assert ov.arrears_total == Decimal("10.75")
    assert ov.owed_total == Decimal("1800.10") and isinstance(ov.owed_total, Decimal)
    assert ov.arrears_ranked == [("9栋", Decimal("1200.10")), ("1栋", Decimal("300.00")), ("2栋", Decimal("300.00"))]
    assert ov.rates_ranked == [("2栋", Decimal("0.5")), ("1栋", Decimal("0.9"))]


def test_read_overview_opens_its_own_session(db):
    sample = make_sample(db)
    ov = read_overview(db, sample.handover_id, today=dt.date(2026, 7, 4))
    with db.read() as s:
        from sqlalchemy import func, select

        from models.defect import Defect
        from models.keys import Key, KeyStatus
        open_ = s.scalar(select(func.count()).select_from(Defect).where(
            Defect.handover_id == sample.handover_id, Defect.status.not_in((DefectStatus.CLOSED, DefectStatus.UNFIXABLE))))
        lent = s.scalar(select(func.count()).select_from(Key).where(
            Key.handover_id == sample.handover_id, Key.status == KeyStatus.LENT))
        assert s.get(Handover, sample.handover_id).title == ov.title
    assert ov.defects_open == open_ and ov.keys_lent == lent


# ---- browsing -------------------------------------------------------------------------------------

def test_a_page_and_its_count_through_the_database(db):
    sample = make_sample(db)
    scope = Scope(sample.project_id, sample.handover_id)
    with db.read() as s:
        expected, total = DEFECTS.fetch(s, scope, limit=3), DEFECTS.count(s, scope)
    assert fetch_page(db, DEFECTS, scope, limit=3) == expected and len(expected) == min(3, total)
    assert count_rows(db, DEFECTS, scope) == total > 0
    assert count_rows(db, DEFECTS, Scope(sample.other_project_id)) == 0


def test_an_unknown_previous_reading_starts_a_month_before():
    from models.services.meters import usual_previous_reading

    assert usual_previous_reading(dt.date(2026, 6, 30)) == dt.date(2026, 5, 30)
    assert usual_previous_reading(dt.date(2026, 3, 31)) == dt.date(2026, 2, 28)   # the month's last day
    assert usual_previous_reading(dt.date(2028, 3, 30)) == dt.date(2028, 2, 29)   # a leap year
    assert usual_previous_reading(dt.date(2026, 1, 15)) == dt.date(2025, 12, 15)  # across the year


def test_a_defects_history_says_which_rows_moved_it(sqlite_db):
    db = sqlite_db
    p = projects.add_project(db, "CHY", "翠湖园")
    row = reg.record_new(db, p.id, category="土建装饰", severity="一般", responsible="开发商",
                         description="外墙渗水", location="1栋外墙", found_at=FOUND)
    row = reg.update_defect(db, row.id, row.version, deadline=row.deadline + dt.timedelta(days=7),
                            reason="开发商申请延期")
    reg.issue_notice(db, row.id, row.version, at=FOUND)
    history = reg.defect_detail(db, row.id, now=FOUND).history
    assert [h.moved for h in history] == [True, False, True]  # registered, deadline note, notice


def test_the_overview_charts_keys_in_service_and_handed_over_ones_once_there_are_any():
    from models.keys import KeyStatus as K

    def overview(counts: dict[K, int]) -> Overview:
        return Overview("t", "k", "s", "", "", "", "", "", dt.date(2026, 6, 30),
                        keys_by_status={k.value: counts.get(k, 0) for k in K})

    plain = overview({K.IN_STORE: 5, K.LENT: 2, K.RETIRED: 4})
    assert list(plain.keys_charted) == [K.IN_STORE.value, K.SEALED.value, K.LENT.value, K.ISSUED.value,
                                        K.LOST.value]  # 作废 never; 已移交 not before an exit
    assert plain.keys_charted[K.LENT.value] == 2 == plain.keys_lent
    leaving = overview({K.HANDED_OVER: 3})
    assert leaving.keys_charted[K.HANDED_OVER.value] == 3


def test_a_differences_row_offers_the_decisions_its_kind_takes(sqlite_db):
    db = sqlite_db
    hid = make_book(db)
    rc.reconcile(db, hid)
    only_theirs = next(r for r in rc.differences(db, hid) if r.kind == DiffKind.ONLY_THEIRS.value)
    row = rc.decide(db, only_theirs.id, only_theirs.version, Decision.EXCLUDE, "双方同意不计入")
    assert not row.is_open
    assert row.choices == (Decision.THEIRS, Decision.ADJUST, Decision.EXCLUDE, Decision.OPEN)  # never 以我方为准
    reopened = rc.decide(db, row.id, row.version, Decision.OPEN, "")
    assert reopened.is_open and Decision.OPEN not in reopened.choices and Decision.OURS not in reopened.choices


def test_only_an_unregistered_problem_item_may_become_a_defect(sqlite_db):
    db = sqlite_db
    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    list_id = cl.create_list(db, h.id, "设施设备移交清单").id
    cl.add_item(db, list_id, category="消防", name="灭火器", spec="", uom="具", expected_qty=2)
    cl.add_item(db, list_id, category="消防", name="消火栓", spec="", uom="个", expected_qty=1)
    short, fine = cl.list_detail(db, list_id).items
    short = cl.update_item(db, short.id, short.version, received_qty=1)
    fine = cl.mark_received_as_expected(db, fine.id, fine.version)
    assert short.can_become_defect and not fine.can_become_defect
    cl.item_to_defect(db, short.id, short.version)
    registered = cl.list_detail(db, list_id).items[0]
    assert registered.is_problem and registered.defect_id and not registered.can_become_defect


def test_fee_results_say_whether_the_settlement_is_signed_from_its_status_not_its_words(sqlite_db):
    db = sqlite_db
    hid = _decided_book(db)
    from models.services.fee_results import fee_results as compute

    live = compute(db, hid)
    assert live.settlement_status is None and not live.is_signed and live.can_sign
    assert live.overall_rate == (live.paid_total / live.billed_total).quantize(Decimal("0.0001"))
    sign_settlement(db, hid, note="双方财务已核对")
    signed = compute(db, hid)
    assert signed.settlement_status is DocStatus.SIGNED and signed.is_signed and not signed.can_sign
    amend_settlement(db, hid)
    draft = compute(db, hid)
    assert draft.settlement_status is DocStatus.DRAFT and not draft.is_signed and not draft.is_cancelled


def test_a_printed_lists_totals_are_tallied_in_models(sqlite_db):
    from models.services.checklist_rows import tally

    db = sqlite_db
    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    list_id = cl.create_list(db, h.id, "设施设备移交清单").id
    for name, qty in (("灭火器", 5), ("消火栓", 2), ("应急灯", 3), ("烟感", 4)):
        cl.add_item(db, list_id, category="消防", name=name, spec="", uom="个", expected_qty=qty)
    a, b, c, _d = cl.list_detail(db, list_id).items
    cl.update_item(db, a.id, a.version, received_qty=2)                       # 3 short
    cl.update_item(db, b.id, b.version, received_qty=0, condition="缺失")       # 2 short, missing
    cl.update_item(db, c.id, c.version, received_qty=3, condition="有缺陷")     # damaged
    t = tally(cl.list_detail(db, list_id).items)
    assert (t.total, t.short, t.short_qty, t.missing, t.damaged, t.missing_or_damaged) == (4, 2, 5, 1, 1, 2)


def test_the_rosters_totals_are_tallied_in_models():
    from models.services.roster import RosterRow, by_building, tally

    def unit(building: str, area: str | None, occupancy: str) -> RosterRow:
        return RosterRow(building, "101", None if area is None else Decimal(area), "住宅", occupancy, "", ())

    rows = [unit("1栋", "89.50", "已入住"), unit("1栋", None, "空置"), unit("", "120.25", "已入住")]
    total = tally(rows)
    assert (total.units, total.area, total.without_area, total.occupied) == (3, Decimal("209.75"), 1, 2)
    assert [(name, t.units, t.area, t.occupied) for name, t in by_building(rows)] == [
        ("1栋", 2, Decimal("89.50"), 1), ("（未分楼栋）", 1, Decimal("120.25"), 1)]


def test_a_refunded_deposit_is_not_handed_over(sqlite_db):
    from models.fees import DepositAction
    from models.services.fee_results import fee_results, set_deposit_action

    db = sqlite_db
    hid = make_book(db)
    rc.reconcile(db, hid)
    rc.decide_many(db, hid, Decision.THEIRS, "以原物业台账为准")
    before = fee_results(db, hid)
    deposit, other = before.deposits  # 2,000.00 and 50.00, both held by the outgoing company
    assert deposit.is_handed_over and other.is_handed_over and not before.deposits_refunded
    assert before.deposits_total == deposit.amount + other.amount
    set_deposit_action(db, hid, deposit, DepositAction.REFUND, "业主已办理退还")
    after = fee_results(db, hid)
    refunded = next(d for d in after.deposits if d.amount == deposit.amount and d.unit == deposit.unit)
    assert not refunded.is_handed_over
    assert after.deposits_refunded == deposit.amount and after.deposits_total == other.amount


def test_gui_and_reports_open_no_session_and_name_no_role():
    """What keeps the shape: gui/ and reports/ read through models/ functions (no session, no SQL), and
    who may do what comes from models' permits (no Role member of their own choosing)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    forbidden = re.compile(r"db\.read\(|db\.begin\(|\.read\(\) as |sqlalchemy\.orm|from sqlalchemy import|"
                           r"(?<!def )\bselect\(\w|\bRole\.(CLERK|SUPERVISOR|ADMIN)\b")
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for path in sorted([*(root / "gui").rglob("*.py"), *(root / "reports").rglob("*.py")])
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if forbidden.search(line)]
    assert found == []
