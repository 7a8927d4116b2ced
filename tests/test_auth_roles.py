"""Who may create users: an administrator; the very first administrator with no one logged in (both backends)."""
from __future__ import annotations

import threading
import time

import pytest
from conftest import TEST_USER
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from models.audit import AuditLog
from models.db import Database, UserRef
from models.errors import AuthError, DomainError
from models.people import Role, User
from models.project import Project
from models.services import auth, projects

CLERK = UserRef(None, "wang", "王文员", "clerk")
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")


def usernames(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(User.username).order_by(User.id)))


def user_audit(db: Database) -> list[tuple]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(AuditLog.user_id, AuditLog.username, AuditLog.action,
                                                   AuditLog.record_id, AuditLog.after)
                                            .where(AuditLog.table_name == "users").order_by(AuditLog.id))]


@pytest.mark.parametrize("who", [CLERK, SUPERVISOR], ids=["clerk", "supervisor"])
def test_only_an_admin_creates_users(db, who):
    db.user = who
    with pytest.raises(AuthError, match="管理员权限"):
        auth.create_user(db, "boss", "老板", "secret-1", Role.ADMIN)
    with pytest.raises(AuthError, match="管理员权限"):
        auth.create_user(db, "zhao", "赵", "secret-1", Role.CLERK)
    assert usernames(db) == [] and user_audit(db) == []


def test_nobody_logged_in_cannot_create_a_user_either(db):
    db.user = None
    with pytest.raises(AuthError):
        auth.create_user(db, "boss", "老板", "secret-1", Role.ADMIN)
    assert usernames(db) == []


def test_an_admin_creates_a_user_and_the_audit_names_the_admin(db):
    admin = auth.create_first_admin(db, "admin", "管理员", "secret-1")
    auth.login(db, "admin", "secret-1")
    clerk = auth.create_user(db, "wang", "王文员", "secret-2", Role.CLERK)
    assert (clerk.role, clerk.display_name) == (Role.CLERK, "王文员")
    inserted = [r for r in user_audit(db) if r[2] == "insert" and r[3] == clerk.id]
    assert [r[:2] for r in inserted] == [(admin.id, "admin")]
    assert "secret-2" not in inserted[0][4] and "password_hash" not in inserted[0][4]
    assert "scrypt" not in inserted[0][4]
    assert auth.login(db, "wang", "secret-2").role == "clerk"


def test_the_first_admin_is_created_signed_out_and_names_themself(db):
    db.user = None
    row = auth.create_first_admin(db, " admin ", "", "secret-1")
    assert (row.username, row.display_name, row.role) == ("admin", "admin", Role.ADMIN)
    assert db.user is None  # created, not logged in
    [(user_id, username, action, record_id, after)] = user_audit(db)
    assert (user_id, username, action, record_id) == (row.id, "admin", "insert", row.id)
    assert "secret-1" not in after


def test_create_first_admin_refuses_once_a_user_exists(db):
    auth.create_first_admin(db, "admin", "管理员", "secret-1")
    db.user = None
    with pytest.raises(AuthError, match="已有用户"):
        auth.create_first_admin(db, "mallory", "", "secret-2")
    assert usernames(db) == ["admin"]


def test_create_first_admin_refuses_after_any_user(db):
    db.user = TEST_USER  # an admin of the fixture (not in the users table) made a clerk
    auth.create_user(db, "wang", "王文员", "secret-1", Role.CLERK)
    with pytest.raises(AuthError):
        auth.create_first_admin(db, "admin", "", "secret-2")
    assert usernames(db) == ["wang"]


def test_two_desks_cannot_both_create_the_first_admin(db):
    """Both count no user; each holds its transaction open a while before inserting: one must lose."""
    other = Database(db.url)
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def slow_insert(session, context, instances):  # noqa: ANN001
        if any(isinstance(o, User) for o in session.new):
            time.sleep(0.5)

    def desk(database: Database, name: str) -> None:
        start.wait()
        try:
            outcomes.append(auth.create_first_admin(database, name, "", "secret-1"))
        except DomainError as exc:
            outcomes.append(exc)

    event.listen(Session, "before_flush", slow_insert)
    try:
        threads = [threading.Thread(target=desk, args=(d, n)) for d, n in ((db, "admin"), (other, "root"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        event.remove(Session, "before_flush", slow_insert)
        other.dispose()
    assert len(usernames(db)) == 1
    assert sorted(type(o).__name__ for o in outcomes) == ["AuthError", "UserRow"]


def test_login_refuses_a_disabled_account_without_saying_why(db):
    auth.create_user(db, "wang", "王文员", "secret-1", Role.CLERK)
    with db.begin() as s:
        s.scalar(select(User).where(User.username == "wang")).active = False
    messages = set()
    for username, password in (("wang", "secret-1"), ("wang", "wrong-1"), ("nobody", "secret-1")):
        with pytest.raises(AuthError) as refused:
            auth.login(db, username, password)
        messages.add(str(refused.value))
    assert messages == {"用户名或密码不正确。"}


def test_signed_out_reading_refuses_every_write(db):
    auth.read_only(db)
    assert db.user.id is None and db.user.role == "clerk"
    with pytest.raises(AuthError, match="未登录"):
        projects.add_project(db, "CHY", "翠湖园")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0
    assert projects.list_projects(db) == []  # reading still works
