"""Accounts (issue 12 point 3), on both backends: disabled accounts, reset passwords, lockout after
wrong passwords (the clock passed in, never a sleep), and what only an administrator may do."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import AuditLog
from models.db import Database, UserRef
from models.errors import AuthError, DomainError, StaleRecordError, ValidationError
from models.people import Role, User
from models.services import auth, users

T0 = dt.datetime(2026, 7, 1, 14, 25, 30)
WRONG = "用户名或密码不正确。"


def audit(db: Database, action: str | None = None) -> list[tuple]:
    query = select(AuditLog.username, AuditLog.action, AuditLog.record_id, AuditLog.note)
    if action:
        query = query.where(AuditLog.action == action)
    with db.read() as s:
        return [tuple(r) for r in s.execute(query.order_by(AuditLog.id))]


def account(db: Database, username: str) -> users.AccountRow:
    return next(r for r in users.list_accounts(db, at=T0) if r.username == username)


@pytest.fixture
def office(db: Database) -> Database:
    """An administrator `admin` logged in, a clerk `wang` and a supervisor `li` (passwords secret-*)."""
    auth.create_first_admin(db, "admin", "管理员", "secret-a")
    auth.login(db, "admin", "secret-a", at=T0)
    users.add_account(db, "wang", "王文员", "secret-w", Role.CLERK, must_change_password=False)
    users.add_account(db, "li", "李主管", "secret-l", Role.SUPERVISOR, must_change_password=False)
    return db


def as_admin(db: Database) -> None:
    auth.login(db, "admin", "secret-a", at=T0)


# ---- disabled accounts ---------------------------------------------------------------------------

def test_a_disabled_account_cannot_log_in_and_stays_in_the_history(office):
    wang = account(office, "wang")
    row = users.set_active(office, wang.id, wang.version, False)
    assert (row.active, row.status, row.may(users.ENABLE), row.may(users.DISABLE)) == (False, "已停用", True, False)
    for password in ("secret-w", "wrong-1"):
        with pytest.raises(AuthError) as refused:
            auth.login(office, "wang", password, at=T0)
        assert str(refused.value) == WRONG  # never says the account is disabled
    assert office.user.username == "admin"
    assert [r.username for r in users.list_accounts(office)] == ["admin", "li", "wang"]  # kept, last
    [update] = [r for r in audit(office, "update") if r[2] == wang.id]
    assert update[0] == "admin"
    users.set_active(office, wang.id, row.version, True)
    assert auth.login(office, "wang", "secret-w", at=T0).username == "wang"


def test_an_admin_cannot_disable_themself_or_the_last_admin(office):
    me = account(office, "admin")
    assert not me.may(users.DISABLE) and "自己" in me.why_not(users.DISABLE)
    with pytest.raises(DomainError, match="不能停用自己的账号"):
        users.set_active(office, me.id, me.version, False)
    with pytest.raises(DomainError, match="不能修改自己的角色"):
        users.change_role(office, me.id, me.version, Role.CLERK)
    # Another administrator (an admin of the fixture, not a row) meets the last-admin rule instead.
    office.user = UserRef(None, "root", "外部管理员", "admin")
    me = account(office, "admin")
    assert "最后一位在用的管理员" in me.why_not(users.DISABLE)
    with pytest.raises(DomainError, match="最后一位在用的管理员"):
        users.set_active(office, me.id, me.version, False)
    with pytest.raises(DomainError, match="最后一位在用的管理员"):
        users.change_role(office, me.id, me.version, Role.SUPERVISOR)
    li = account(office, "li")
    li = users.change_role(office, li.id, li.version, Role.ADMIN)  # now there are two
    users.change_role(office, me.id, me.version, Role.SUPERVISOR)
    assert account(office, "li").why_not(users.ROLE).startswith("“李主管”是最后一位")
    assert account(office, "admin").role == Role.SUPERVISOR


def test_a_demoted_admin_is_refused_at_once(office):
    li = account(office, "li")
    users.change_role(office, li.id, li.version, Role.ADMIN)
    auth.login(office, "li", "secret-l", at=T0)
    admin = account(office, "admin")
    users.change_role(office, admin.id, admin.version, Role.CLERK)  # li demotes admin...
    office.user = UserRef(admin.id, "admin", "管理员", "admin")  # ...whose desk still says admin
    wang = account(office, "wang")
    with pytest.raises(AuthError, match="请重新登录"):
        users.set_active(office, wang.id, wang.version, False)


def test_an_action_on_a_stale_row_is_refused(office):
    wang = account(office, "wang")
    users.change_role(office, wang.id, wang.version, Role.SUPERVISOR)
    with pytest.raises(StaleRecordError):
        users.set_active(office, wang.id, wang.version, False)
    assert account(office, "wang").active


# ---- reset and change of passwords --------------------------------------------------------------

def test_a_reset_password_must_be_changed_at_the_next_login(office):
    wang = account(office, "wang")
    row = users.reset_password(office, wang.id, wang.version, "temp-123")
    assert (row.must_change_password, row.status) == (True, "须修改密码")
    [reset] = audit(office, "reset_password")
    assert reset[:3] == ("admin", "reset_password", wang.id) and "temp-123" not in reset[3]
    with pytest.raises(AuthError):
        auth.login(office, "wang", "secret-w", at=T0)  # the old password is gone
    signed = auth.authenticate(office, "wang", "temp-123", at=T0)
    assert signed.must_change_password and auth.must_change_password(office)
    with pytest.raises(ValidationError, match="新密码不能与原密码相同"):
        auth.change_password(office, "temp-123", "temp-123")
    with pytest.raises(ValidationError, match="原密码不正确"):
        auth.change_password(office, "temp-12", "better-1")
    with pytest.raises(ValidationError, match="新密码至少 6 位"):
        auth.change_password(office, "temp-123", "abc")
    auth.change_password(office, "temp-123", "better-1")
    assert not auth.must_change_password(office)
    assert audit(office, "password") == [("wang", "password", wang.id, "修改本人密码")]
    assert not auth.authenticate(office, "wang", "better-1", at=T0).must_change_password


def test_a_new_account_may_be_told_to_change_its_first_password(office):
    row = users.add_account(office, "zhao", "赵", "first-1", Role.CLERK)
    assert row.must_change_password
    assert auth.authenticate(office, "zhao", "first-1", at=T0).must_change_password


def test_everyone_changes_their_own_password(office):
    auth.login(office, "wang", "secret-w", at=T0)
    auth.change_password(office, "secret-w", "secret-w2")
    assert auth.login(office, "wang", "secret-w2", at=T0).role == "clerk"


# ---- lockout -------------------------------------------------------------------------------------

def test_five_wrong_passwords_lock_the_login_for_ten_minutes(office):
    for n in range(1, 5):
        with pytest.raises(AuthError) as refused:
            auth.login(office, "wang", f"wrong-{n}", at=T0 + dt.timedelta(seconds=n))
        assert str(refused.value) == WRONG
    with pytest.raises(AuthError) as locked:
        auth.login(office, "wang", "wrong-5", at=T0 + dt.timedelta(seconds=5))
    assert "已暂时锁定" in str(locked.value) and "14:36" in str(locked.value)  # 14:25:35 + 10 min, whole minute
    # Locked: the right password does not help, and the lock says until when.
    with pytest.raises(AuthError, match="14:36"):
        auth.login(office, "wang", "secret-w", at=T0 + dt.timedelta(minutes=9))
    assert account(office, "wang").status == "锁定至 14:36"
    [lockout] = audit(office, "lockout")
    assert lockout[0] == "wang" and "2026-07-01 14:36" in lockout[3]
    assert len(audit(office, "login_failed")) == 4
    assert auth.login(office, "wang", "secret-w", at=dt.datetime(2026, 7, 1, 14, 36)).username == "wang"
    with office.read() as s:
        user = s.scalar(select(User).where(User.username == "wang"))
        assert (user.failed_logins, user.locked_until) == (0, None)


def test_a_right_password_resets_the_count(office):
    for _ in range(4):
        with pytest.raises(AuthError, match=WRONG):
            auth.login(office, "wang", "wrong", at=T0)
    auth.login(office, "wang", "secret-w", at=T0)
    assert "此前连续输错密码 4 次" in audit(office, "login")[-1][3]
    for _ in range(4):
        with pytest.raises(AuthError, match=WRONG):
            auth.login(office, "wang", "wrong", at=T0)
    assert auth.login(office, "wang", "secret-w", at=T0).username == "wang"


def test_an_unknown_user_is_never_told_apart(office):
    for _ in range(8):
        with pytest.raises(AuthError) as refused:
            auth.login(office, "nobody", "wrong", at=T0)
        assert str(refused.value) == WRONG
    assert audit(office, "login_failed") == [] and audit(office, "lockout") == []


def test_a_reset_ends_a_lockout(office):
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(office, "wang", "wrong", at=T0)
    as_admin(office)
    wang = account(office, "wang")
    assert wang.status.startswith("锁定至")
    users.reset_password(office, wang.id, wang.version, "temp-123")
    assert auth.authenticate(office, "wang", "temp-123", at=T0).must_change_password


def test_a_lock_that_crosses_midnight_names_the_date(office):
    late = dt.datetime(2026, 7, 1, 23, 55)
    for _ in range(5):
        with pytest.raises(AuthError) as refused:
            auth.login(office, "wang", "wrong", at=late)
    assert "2026-07-02 00:05" in str(refused.value)


# ---- only an administrator -----------------------------------------------------------------------

@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_an_administrator_manages_accounts(office, role):
    wang = account(office, "wang")
    office.user = UserRef(None, "x", "非管理员", role)
    for attempt in (lambda: users.list_accounts(office),
                    lambda: users.add_account(office, "zhao", "赵", "secret-z", Role.ADMIN),
                    lambda: users.reset_password(office, wang.id, wang.version, "temp-123"),
                    lambda: users.set_active(office, wang.id, wang.version, False),
                    lambda: users.change_role(office, wang.id, wang.version, Role.ADMIN)):
        with pytest.raises(AuthError, match="需要管理员权限"):
            attempt()
    as_admin(office)
    assert [r.username for r in users.list_accounts(office)] == ["admin", "li", "wang"]
    assert account(office, "wang").version == wang.version
