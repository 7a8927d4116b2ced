"""Users and login. Passwords are hashed with scrypt (memory-hard), never kept in clear."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import func, select

from ..audit import record_action
from ..db import Database, UserRef
from ..errors import AuthError, ValidationError
from ..people import Role, User

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
    username = username.strip()
    if not username:
        raise ValidationError("用户名不能为空。")
    if len(password) < 6:
        raise ValidationError("密码至少 6 位。")
    with db.begin() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在。")
        user = User(username=username, display_name=display_name.strip() or username,
                    role=role, password_hash=hash_password(password))
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


def act_as(db: Database, username: str) -> UserRef:
    """For commands run at the terminal (demo, print, export): act as a named user."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise AuthError(f"用户“{username}”不存在。")
    db.user = _ref(user)
    return db.user


def act_as_system(db: Database) -> UserRef:
    """Terminal commands with no --user act as the first admin (or 'system' before any user)."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.role == Role.ADMIN).order_by(User.id))
    db.user = _ref(user) if user else UserRef(None, "system", "系统")
    return db.user
