"""Users and login. Passwords are hashed with scrypt (memory-hard), never kept in clear."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from ..audit import record_action
from ..db import Database, UserRef
from ..errors import AuthError, ValidationError
from ..people import Role, User
from .permissions import require_role

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


def create_user(db: Database, username: str, display_name: str, password: str, role: Role) -> UserRow:
    """An administrator adds a user. (The very first user is `create_first_admin`'s.)"""
    require_role(db, Role.ADMIN, "创建用户")
    username, hashed = _checked(username, password)
    with db.begin() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在。")
        return _insert(s, username, display_name, hashed, role)


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
            raise AuthError("数据库中已有用户，不能再创建首个管理员；请由管理员登录后添加用户。")
        return _insert(s, username, display_name, hashed, Role.ADMIN, creates_themself=True)


def _checked(username: str, password: str) -> tuple[str, str]:
    """The trimmed username and the password's hash (hashed before the transaction: scrypt is slow)."""
    username = username.strip()
    if not username:
        raise ValidationError("用户名不能为空。")
    if len(password) < 6:
        raise ValidationError("密码至少 6 位。")
    return username, hash_password(password)


def _insert(s: Session, username: str, display_name: str, hashed: str, role: Role,
            creates_themself: bool = False) -> UserRow:
    user = User(username=username, display_name=display_name.strip() or username, role=role,
                password_hash=hashed)
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


def login(db: Database, username: str, password: str) -> UserRef:
    """Check the password; on success the user is on every audit row from now on."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        ok = user is not None and user.active and verify_password(password, user.password_hash)
    if not ok or user is None:
        raise AuthError("用户名或密码不正确。")
    db.user = _ref(user)
    with db.begin() as s:
        record_action(s, "login", "users", user.id, "登录")
    return db.user


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
        raise AuthError("未登录时只能查看，不能修改数据；请以用户身份登录。")


def act_as(db: Database, username: str) -> UserRef:
    """Offscreen screenshots and tests only: show the app as `username` without a password.

    Never used by a command that changes data (main.py signs those in with `login`)."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise AuthError(f"用户“{username}”不存在。")
    db.user = _ref(user)
    return db.user


def act_as_system(db: Database) -> UserRef:
    """`main.py shot` with no user only (gui/shot.py): view as the first admin (or 'system' before any user).

    Never used by a command that changes data."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.role == Role.ADMIN).order_by(User.id))
    db.user = _ref(user) if user else UserRef(None, "system", "系统")
    return db.user
