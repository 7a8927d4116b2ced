"""Users and login. Passwords are hashed with scrypt (memory-hard), never kept in clear.

Wrong passwords are counted per account: LOCK_AFTER in a row lock its login for LOCK_FOR, and the
message says until when. An unknown, disabled or mistyped account is always "用户名或密码不正确" and
never says which of the two was wrong. "now" is passed in (tests move the clock, never sleep).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, select, text, update
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import now
from ..db import Database, UserRef
from ..errors import AuthError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role, User
from .permissions import require_role

WRONG = QT_TRANSLATE_NOOP("auth", "用户名或密码不正确。")
LOCK_AFTER = 5                        # wrong passwords in a row ...
LOCK_FOR = dt.timedelta(minutes=10)   # ... lock the account's login this long
MIN_PASSWORD = 6

# 2**15 * 8 * 128 bytes = 32 MiB per hash: slow for an attacker, instant for a login.
SCRYPT = {"n": 2**15, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt_b64), **SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool


def _ref(user: User) -> UserRef:
    return UserRef(user.id, user.username, user.display_name, user.role.value)


def needs_first_user(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(User)) == 0


def create_user(db: Database, username: str, display_name: str, password: str, role: Role,
                must_change_password: bool = False) -> UserRow:
    """An administrator adds a user (who, `must_change_password`, replaces the password given at their
    first login). The very first user is `create_first_admin`'s."""
    require_role(db, Role.ADMIN, QT_TRANSLATE_NOOP("permissions", "创建用户"))
    username, hashed = _checked(username, password)
    with db.begin() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ValidationError(translate("auth", "用户名“{username}”已存在。").format(username=username))
        return _insert(s, username, display_name, hashed, role, must_change=must_change_password)


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> UserRow:
    """The administrator of an empty database, created with no one logged in; refused once any user exists.

    The check and the insert are one transaction holding the write lock (BEGIN IMMEDIATE on SQLite,
    a lock on `users` on PostgreSQL), so two desks cannot both create a "first" administrator.
    """
    username, hashed = _checked(username, password)
    with db.begin(immediate=True) as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
        if s.scalar(select(func.count()).select_from(User)):
            raise AuthError(translate("auth", "数据库中已有用户，不能再创建首个管理员；请由管理员登录后添加用户。"))
        return _insert(s, username, display_name, hashed, Role.ADMIN, creates_themself=True)


def _checked(username: str, password: str) -> tuple[str, str]:
    """The trimmed username and the password's hash (hashed before the transaction: scrypt is slow)."""
    username = username.strip()
    if not username:
        raise ValidationError(translate("auth", "用户名不能为空。"))
    return username, hash_password(checked_password(password))


def checked_password(password: str, field: str = QT_TRANSLATE_NOOP("auth", "密码")) -> str:
    """A new password as typed, or ValidationError naming the field."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(translate("auth", "{field}至少 {MIN_PASSWORD} 位。").format(
            field=translate("auth", field), MIN_PASSWORD=MIN_PASSWORD))
    if password != password.strip():
        raise ValidationError(translate("auth", "{field}的开头或结尾有空格，请去掉后再输入。").format(
            field=translate("auth", field)))
    return password


def _insert(s: Session, username: str, display_name: str, hashed: str, role: Role,
            creates_themself: bool = False, must_change: bool = False) -> UserRow:
    user = User(username=username, display_name=display_name.strip() or username, role=role,
                password_hash=hashed, must_change_password=must_change)
    if creates_themself:
        # No one is logged in yet: the audit row names the new administrator. The flush hook reads
        # `id` and `username` after the INSERT, when the new row's id is known.
        s.info["user"] = user
    s.add(user)
    s.flush()
    return UserRow(user.id, user.username, user.display_name, user.role, user.active)


def list_users(db: Database) -> list[UserRow]:
    with db.read() as s:
        users = s.scalars(select(User).order_by(User.username)).all()
        return [UserRow(u.id, u.username, u.display_name, u.role, u.active) for u in users]


@dataclass(frozen=True)
class SignedIn:
    """Who logged in, and whether they must change a password an administrator reset before going on."""

    user: UserRef
    must_change_password: bool


def login(db: Database, username: str, password: str, at: dt.datetime | None = None) -> UserRef:
    """Check the password; on success the user is on every audit row from now on."""
    return authenticate(db, username, password, at).user


def authenticate(db: Database, username: str, password: str, at: dt.datetime | None = None) -> SignedIn:
    """Log in, or AuthError: the generic message, or (a known account locked) until when.

    The password is checked outside any write transaction: scrypt takes a tenth of a second on purpose
    and must not hold another desk behind SQLite's write lock.
    """
    at = at or now()
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active:
        raise AuthError(translate("auth", WRONG))
    if is_locked(user.locked_until, at):
        raise AuthError(locked_message(user.locked_until, at))
    if not verify_password(password, user.password_hash):
        _count_failure(db, user, at)
    db.user = _ref(user)
    with db.begin() as s:
        note = "登录" if not user.failed_logins else f"登录（此前连续输错密码 {user.failed_logins} 次）"
        if user.failed_logins or user.locked_until is not None:
            _set_failures(s, user.id, 0, None)
        record_action(s, "login", "users", user.id, note)
    return SignedIn(db.user, user.must_change_password)


def is_locked(locked_until: dt.datetime | None, at: dt.datetime) -> bool:
    return locked_until is not None and at < locked_until


def locked_message(until: dt.datetime | None, at: dt.datetime) -> str:
    when = until.strftime("%H:%M") if until and until.date() == at.date() else \
        (until.strftime("%Y-%m-%d %H:%M") if until else "")
    return translate("auth", "密码连续输错 {count} 次，账号已暂时锁定，请于 {when} 后再试；"
                             "如忘记密码，请管理员重置。").format(count=LOCK_AFTER, when=when)


def _count_failure(db: Database, user: User, at: dt.datetime) -> None:
    """One more wrong password: counted and audited; the LOCK_AFTER-th locks the login. Always raises.

    The audit rows name the account that was tried (no one is logged in). The count is read and
    written under the write lock, so two desks typing wrong passwords each count.
    """
    with db.begin(immediate=True) as s:
        s.info["user"] = _ref(user)
        if s.get_bind().dialect.name == "postgresql":
            s.execute(select(User.id).where(User.id == user.id).with_for_update())
        failures = (s.scalar(select(User.failed_logins).where(User.id == user.id)) or 0) + 1
        if failures < LOCK_AFTER:
            _set_failures(s, user.id, failures, None)
            record_action(s, "login_failed", "users", user.id, f"登录失败：密码错误（连续第 {failures} 次）")
            until = None
        else:
            until = lock_end(at)
            _set_failures(s, user.id, 0, until)
            record_action(s, "lockout", "users", user.id,
                          f"密码连续输错 {failures} 次，登录锁定至 {until:%Y-%m-%d %H:%M}")
    raise AuthError(locked_message(until, at) if until else translate("auth", WRONG))


def lock_end(at: dt.datetime) -> dt.datetime:
    """At + LOCK_FOR, rounded up to the whole minute the message names (so "14:36" is exact)."""
    end = at + LOCK_FOR
    whole = end.replace(second=0, microsecond=0)
    return whole if whole == end else whole + dt.timedelta(minutes=1)


def _set_failures(s: Session, user_id: int, failures: int, until: dt.datetime | None) -> None:
    """The login counters only: no new version (an administrator's open dialog stays current), and
    audited by the caller's own row (login, login_failed, lockout) rather than as an update."""
    s.execute(update(User.__table__).where(User.__table__.c.id == user_id)
              .values(failed_logins=failures, locked_until=until)
              .execution_options(hd_audit="done"))


def change_password(db: Database, old_password: str, new_password: str) -> None:
    """The user at the desk changes their own password (old one required); a reset's duty is done."""
    me = db.user
    if me is None or me.id is None:
        raise AuthError(translate("auth", "请先登录。"))
    with db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.id == me.id)) or ""
    if not old_password:
        raise ValidationError(translate("auth", "请输入原密码。"))
    if not verify_password(old_password, stored):
        raise ValidationError(translate("auth", "原密码不正确。"))
    if new_password == old_password:
        raise ValidationError(translate("auth", "新密码不能与原密码相同。"))
    hashed = hash_password(checked_password(new_password, QT_TRANSLATE_NOOP("auth", "新密码")))
    with db.begin() as s:
        user = s.get(User, me.id)
        if user is None or not user.active:
            raise AuthError(translate("auth", "账号已停用，不能修改密码。"))
        user.password_hash, user.must_change_password = hashed, False
        s.flush()
        record_action(s, "password", "users", user.id, "修改本人密码")


def must_change_password(db: Database) -> bool:
    """Whether the user at the desk still has to replace a password an administrator reset."""
    me = db.user
    if me is None or me.id is None:
        return False
    with db.read() as s:
        return bool(s.scalar(select(User.must_change_password).where(User.id == me.id)))


def logout(db: Database) -> None:
    """The user leaves the desk (audited); nothing can be written until someone logs in again."""
    me = db.user
    try:
        if me is not None and me.id is not None:
            with db.begin() as s:
                record_action(s, "logout", "users", me.id, "退出登录")
    finally:
        db.user = None  # signed out even when the database could not take the audit row


# Nobody signed in: what a terminal command that only reads (print, export, results) runs as.
READER = UserRef(None, "", "只读（未登录）", Role.CLERK.value)
_DML = ("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "TRUNCATE")


def read_only(db: Database) -> UserRef:
    """Read with no one signed in: a clerk's view, and any write is refused, so no audit row names no one."""
    db.user = READER
    event.listen(db.engine, "before_cursor_execute", _refuse_writes)
    return db.user


def _refuse_writes(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
    words = statement.split(None, 1)
    if words and words[0].upper() in _DML:
        raise AuthError(translate("auth", "未登录时只能查看，不能修改数据；请以用户身份登录。"))


def act_as(db: Database, username: str) -> UserRef:
    """Offscreen screenshots and tests only: show the app as `username` without a password.

    Never used by a command that changes data (main.py signs those in with `login`)."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise AuthError(translate("auth", "用户“{username}”不存在。").format(username=username))
    db.user = _ref(user)
    return db.user


def act_as_system(db: Database) -> UserRef:
    """`main.py shot` with no user only (gui/shot.py): view as the first admin (or 'system' before any user).

    Never used by a command that changes data."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.role == Role.ADMIN).order_by(User.id))
    db.user = _ref(user) if user else UserRef(None, "system", "系统")
    return db.user
