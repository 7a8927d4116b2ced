"""Lending is approved by a supervisor's own account with its password, never by the lending user; a loan due
after the lending day needs a 延期原因; the closing time is a supervisor's — on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import logging
import random

import pytest
from sqlalchemy import func, select

from models.audit import AuditLog
from models.db import UserRef
from models.demo import keys as demo_keys
from models.errors import AuthError, DomainError
from models.keys import Key, KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from models.people import Role, User
from models.services import approvals, projects
from models.services import key_custody as kc
from reports import key_data
from tests.key_accounts import PASSWORD, approval, clerk, supervisor

T0 = dt.datetime(2026, 7, 1, 9, 0)


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


@pytest.fixture
def key(db, project):
    return kc.receive_key(db, project.id, tag="K-00-00-PDS-A", opens="高低压配电室", at=T0)


def lend(db, key_id, at=T0, **kw):
    base = {"borrower": "张师傅", "department": "工程部", "reason": "维修", "at": at}
    return kc.lend(db, key_id, **{**base, **kw})


def nothing_written(db, key_id: int, audit_before: int) -> None:
    """No 借出 event, the key still 在库, not one audit row more."""
    with db.read() as s:
        assert s.scalar(select(func.count()).where(KeyEvent.key_id == key_id, KeyEvent.kind == E.LEND)) == 0
        assert s.scalar(select(Key.status).where(Key.id == key_id)) is K.IN_STORE
        assert s.scalar(select(func.count()).select_from(AuditLog)) == audit_before


def audit_rows(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditLog))


def test_a_supervisor_with_the_right_password_approves(db, key):
    boss = supervisor(db)
    out = lend(db, key.id, **approval(boss))
    assert out.status is K.LENT
    assert out.loan is not None and out.loan.approved_by == "刘敏" and out.loan.borrower == "张师傅"
    with db.read() as s:
        ev = s.scalars(select(KeyEvent).where(KeyEvent.kind == E.LEND)).one()
        assert (ev.approved_by, ev.approver_id, ev.by) == ("刘敏", boss.id, "测试员")
        assert ev.note == ""  # back the same day: no 延期原因


def test_an_admin_may_approve_too(db, key):
    boss = supervisor(db, "admin2", "系统管理员", Role.ADMIN)
    lend(db, key.id, **approval(boss))
    with db.read() as s:
        assert s.scalar(select(KeyEvent.approver_id).where(KeyEvent.kind == E.LEND)) == boss.id


def test_a_clerk_account_cannot_approve(db, key):
    wang = clerk(db)
    before = audit_rows(db)
    with pytest.raises(AuthError, match="「批准主管」须是主管或管理员账号.*文员"):
        lend(db, key.id, **approval(wang))  # the clerk's own right password
    nothing_written(db, key.id, before)


@pytest.mark.parametrize("desk", ["by id and username", "by username", "by id"])
def test_the_lending_user_cannot_approve_themself_even_as_a_supervisor(db, key, desk):
    boss = supervisor(db)
    db.user = {"by id and username": UserRef(boss.id, boss.username, "刘敏", "supervisor"),
               "by username": UserRef(None, boss.username, "刘敏", "supervisor"),
               "by id": UserRef(boss.id, "renamed", "刘敏", "supervisor")}[desk]
    before = audit_rows(db)
    with pytest.raises(AuthError, match="「批准主管」不能是当前登录的用户本人"):
        lend(db, key.id, **approval(boss))
    nothing_written(db, key.id, before)
    assert boss.id not in [a.id for a in approvals.approvers(db)]  # not offered in the dialog either


def test_a_wrong_password_is_refused_and_nothing_is_written(db, key, caplog):
    boss = supervisor(db)
    before = audit_rows(db)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthError, match="「批准主管」的密码不正确") as refused:
        lend(db, key.id, **approval(boss, "wrong-guess-123"))
    nothing_written(db, key.id, before)
    assert "wrong-guess-123" not in str(refused.value) and "wrong-guess-123" not in caplog.text


def test_the_password_is_not_kept_anywhere(db, key, caplog):
    boss = supervisor(db)
    caplog.set_level(logging.DEBUG)
    lend(db, key.id, **approval(boss))
    with db.read() as s:
        audit = " ".join(f"{a.before} {a.after} {a.note}" for a in s.scalars(select(AuditLog)))
        event = s.scalars(select(KeyEvent).where(KeyEvent.kind == E.LEND)).one()
        stored = " ".join(str(getattr(event, c.key)) for c in KeyEvent.__table__.columns)
    for text in (audit, stored, caplog.text):
        assert PASSWORD not in text


@pytest.mark.parametrize("how", ["unknown", "disabled"])
def test_an_unknown_or_disabled_account_cannot_approve(db, key, how):
    boss = supervisor(db)
    if how == "disabled":
        with db.begin() as s:
            s.get(User, boss.id).active = False
    before = audit_rows(db)
    name = boss.username if how == "disabled" else "nobody"
    with pytest.raises(AuthError, match="「批准主管」账号“.*”不存在或已停用"):
        lend(db, key.id, approver=name, password=PASSWORD)
    nothing_written(db, key.id, before)


def test_an_account_disabled_while_its_password_was_checked_approves_nothing(db, key, monkeypatch):
    boss = supervisor(db)
    real = approvals.verify_password

    def disable_meanwhile(password: str, stored: str) -> bool:
        with db.begin() as s:
            s.get(User, boss.id).active = False
        return real(password, stored)

    monkeypatch.setattr(approvals, "verify_password", disable_meanwhile)
    before = audit_rows(db) + 1  # the disabling itself is audited
    with pytest.raises(AuthError, match="已停用"):
        lend(db, key.id, **approval(boss))
    nothing_written(db, key.id, before)


def test_approvers_are_active_supervisors_and_admins_other_than_the_desk_user(db):
    liu = supervisor(db)
    admin = supervisor(db, "zhaoadmin", "赵管理", Role.ADMIN)
    gone = supervisor(db, "old", "老主管")
    clerk(db)
    with db.begin() as s:
        s.get(User, gone.id).active = False
    assert [a.username for a in approvals.approvers(db)] == ["liumin", "zhaoadmin"]  # by name: 刘敏, 赵管理
    db.user = UserRef(liu.id, liu.username, liu.display_name, "supervisor")
    assert [a.id for a in approvals.approvers(db)] == [admin.id]


def test_due_after_the_lending_day_needs_a_reason(db, project, key):
    boss = supervisor(db)
    tomorrow = dt.datetime(2026, 7, 2, 12, 0)
    before = audit_rows(db)
    with pytest.raises(DomainError, match="「延期原因」"):
        lend(db, key.id, due_at=tomorrow, **approval(boss))
    with pytest.raises(DomainError, match="「延期原因」"):
        lend(db, key.id, due_at=tomorrow, extension_reason="  ", **approval(boss))
    nothing_written(db, key.id, before)
    out = lend(db, key.id, due_at=tomorrow, extension_reason="配电室检修跨夜施工", **approval(boss))
    assert out.loan is not None and out.loan.extension_reason == "配电室检修跨夜施工"
    with db.read() as s:
        ev = s.scalars(select(KeyEvent).where(KeyEvent.kind == E.LEND)).one()
    assert (ev.due_at, ev.note, ev.approver_id) == (tomorrow, "配电室检修跨夜施工", boss.id)
    (loan,) = key_data.loans(db, project.id, T0.date(), T0.date())
    assert loan.extension_reason == "配电室检修跨夜施工"


def test_lent_after_closing_time_is_due_tomorrow_and_so_needs_a_reason(db, key):
    boss = supervisor(db)
    evening = dt.datetime(2026, 7, 1, 19, 0)
    with pytest.raises(DomainError, match="「延期原因」"):
        lend(db, key.id, at=evening, **approval(boss))
    out = lend(db, key.id, at=evening, extension_reason="夜间抢修", **approval(boss))
    assert out.loan.due_at == dt.datetime(2026, 7, 2, 18, 0)


def test_same_day_needs_no_reason_and_keeps_none(db, key):
    boss = supervisor(db)
    out = lend(db, key.id, due_at=dt.datetime(2026, 7, 1, 16, 0), extension_reason="用不着", **approval(boss))
    assert out.loan.extension_reason == ""


def test_only_a_supervisor_or_admin_sets_the_closing_time(db):
    db.user = UserRef(None, "wangxw", "王晓雯", "clerk")
    assert kc.closing_setting(db) == kc.ClosingTime(dt.time(18, 0), may_change=False)
    with pytest.raises(AuthError, match="修改下班时间需要主管权限"):
        kc.set_closing_time(db, dt.time(17, 0))
    assert kc.closing_time(db) == dt.time(18, 0)
    for role in ("supervisor", "admin"):
        db.user = UserRef(None, "liumin", "刘敏", role)
        assert kc.closing_setting(db).may_change
        kc.set_closing_time(db, dt.time(17, 30))
        assert kc.closing_time(db) == dt.time(17, 30)


def test_the_demo_names_its_supervisor_account_on_its_historical_loans(db):
    boss = supervisor(db, "supervisor", "刘敏")
    with db.read() as s:
        approver = demo_keys.demo_approver(s)
    assert approver == (boss.id, "刘敏")
    loans = [e for seed in range(40)
             for e in demo_keys.key_history(random.Random(seed), seed + 1, None, approver)[1] if e["kind"] is E.LEND]
    assert loans and all((e["approver_id"], e["approved_by"]) == (boss.id, "刘敏") for e in loans)
