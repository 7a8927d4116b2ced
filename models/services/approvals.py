"""Approval by a supervisor's own account: who may approve at this desk, and the check of their password.

The approver is an active 主管 or 管理员 account other than the user at the desk, confirming with their
own password. The password is checked and forgotten: it is never stored, logged or put in a message.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import AuthError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role, User
from .auth import verify_password

APPROVER_ROLES = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class Approver:
    """A supervisor or admin account that approved (or may approve) an action."""

    id: int
    username: str
    display_name: str


def _approver(user: User) -> Approver:
    return Approver(user.id, user.username, user.display_name or user.username)


def is_desk_user(db: Database, user: User) -> bool:
    """The account logged in at this desk: by id when the desk's user has one, and by username."""
    me = db.user
    if me is None:
        return False
    return (me.id is not None and me.id == user.id) or me.username == user.username


def approvers(db: Database) -> list[Approver]:
    """Active supervisor and admin accounts other than the desk's user: whom the desk may ask to approve."""
    q = (select(User).where(User.active.is_(True), User.role.in_(APPROVER_ROLES))
         .order_by(User.display_name, User.username))
    with db.read() as s:
        return [_approver(u) for u in s.scalars(q) if not is_desk_user(db, u)]


def _check_account(db: Database, user: User | None, username: str, field: str) -> Approver:
    """Everything but the password: the account exists, is active, may approve and is not the desk's user."""
    if user is None or not user.active:
        raise AuthError(translate("approvals", "「{field}」账号“{username}”不存在或已停用。").format(field=field, username=username))
    if is_desk_user(db, user):
        raise AuthError(translate("approvals", "「{field}」不能是当前登录的用户本人：请由另一位主管用自己的账号和密码确认。").format(field=field))
    if user.role not in APPROVER_ROLES:
        raise AuthError(translate("approvals", "「{field}」须是主管或管理员账号；“{name}”是{role}。").format(
            field=field, name=user.display_name or user.username, role=user.role.label))
    return _approver(user)


# The field's name when the caller gives none, translated where used (a caller's own name passes through).
APPROVER_FIELD = QT_TRANSLATE_NOOP("approvals", "批准主管")


def confirm(db: Database, username: str, password: str, field: str = APPROVER_FIELD) -> Approver:
    """The approver named by `username`, confirmed with their password; AuthError naming `field` if not.

    Checked in a read of its own, before the caller's writing transaction: scrypt takes a tenth of a
    second on purpose and must not hold another desk behind SQLite's write lock. The caller re-checks
    the account with `recheck` inside its transaction (no password needed there).
    """
    username, field = username.strip(), translate("approvals", field)
    if not username:
        raise AuthError(translate("approvals", "请选择「{field}」。").format(field=field))
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        approver = _check_account(db, user, username, field)
        stored = user.password_hash if user is not None else ""
    if not password:
        raise AuthError(translate("approvals", "请「{field}」输入自己的登录密码。").format(field=field))
    if not verify_password(password, stored):
        raise AuthError(translate("approvals", "「{field}」的密码不正确，未保存。").format(field=field))
    return approver


def recheck(session: Session, db: Database, approver: Approver, field: str = APPROVER_FIELD) -> None:
    """In the writing transaction: the account still may approve (not disabled or demoted meanwhile)."""
    _check_account(db, session.get(User, approver.id), approver.username, translate("approvals", field))
