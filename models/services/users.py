"""User management by an administrator: list accounts with what may be done to each, add, reset a
password, disable or enable, change a role.

Two rules keep an office from locking itself out: an administrator never disables or re-roles their
own account, and the last active administrator stays one. Both are decided here once (`refusals`),
shown by the dialog from AccountRow.refused and enforced again inside each action's transaction,
which holds the active administrators' rows locked, so two admins cannot demote each other at once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import now
from ..db import Database
from ..errors import AuthError, DomainError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role, User
from . import auth
from .common import get_for_save
from .permissions import Permit, permit, require_role

# What an administrator may do to an account (AccountRow.refused says why not, per action).
RESET, DISABLE, ENABLE, ROLE = "reset", "disable", "enable", "role"
ACTION_NAMES = {RESET: QT_TRANSLATE_NOOP("permissions", "重置密码"), DISABLE: QT_TRANSLATE_NOOP("permissions", "停用账号"),
                ENABLE: QT_TRANSLATE_NOOP("permissions", "启用账号"), ROLE: QT_TRANSLATE_NOOP("permissions", "修改角色")}
MANAGE = QT_TRANSLATE_NOOP("permissions", "管理用户")


def manage_permit(db: Database) -> Permit:
    """Whether the current user may open 用户管理 (every account change requires an administrator)."""
    return permit(db, Role.ADMIN, MANAGE)


@dataclass(frozen=True)
class AccountRow:
    """An account as the user-management dialog shows it, with the actions it refuses and why."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    version: int
    refused: tuple[tuple[str, str], ...] = ()  # (action, why not)
    status: str = ""

    def may(self, action: str) -> bool:
        return action not in dict(self.refused)

    def why_not(self, action: str) -> str:
        return dict(self.refused).get(action, "")

    @property
    def caption(self) -> str:
        if self.display_name == self.username:
            return self.username
        return translate("users", "{name}（{username}）").format(name=self.display_name, username=self.username)


def status_label(active: bool, must_change: bool, locked_until: dt.datetime | None, at: dt.datetime) -> str:
    if not active:
        return translate("users", "已停用")
    if auth.is_locked(locked_until, at):
        until = f"{locked_until:%H:%M}" if locked_until and locked_until.date() == at.date() \
            else f"{locked_until:%Y-%m-%d %H:%M}"
        return translate("users", "锁定至 {until}").format(until=until)
    return translate("users", "须修改密码") if must_change else translate("users", "正常")


def _is_me(db: Database, user: User) -> bool:
    me = db.user
    return me is not None and ((me.id is not None and me.id == user.id) or me.username == user.username)


def refusals(db: Database, user: User, active_admins: int) -> dict[str, str]:
    """Which actions on `user` are refused, and why (the one place these rules live)."""
    who = translate("users", "“{name}”").format(name=user.display_name or user.username)
    last_admin = user.active and user.role == Role.ADMIN and active_admins <= 1
    refused: dict[str, str] = {}
    if _is_me(db, user):
        refused[RESET] = translate("users", "自己的密码请用“修改密码”修改。")
        refused[DISABLE] = translate("users", "不能停用自己的账号；请由另一位管理员停用。")
        refused[ROLE] = translate("users", "不能修改自己的角色；请由另一位管理员修改。")
    elif last_admin:
        refused[DISABLE] = translate("users", "{who}是最后一位在用的管理员，不能停用；请先把另一位用户设为管理员。").format(who=who)
        refused[ROLE] = translate("users", "{who}是最后一位在用的管理员，不能改为其他角色；请先把另一位用户设为管理员。").format(
            who=who)
    if user.active:
        refused[ENABLE] = translate("users", "{who}的账号已在使用中。").format(who=who)
    else:
        refused[DISABLE] = translate("users", "{who}的账号已停用。").format(who=who)
        refused[RESET] = translate("users", "{who}的账号已停用；请先启用再重置密码。").format(who=who)
        refused.setdefault(ROLE, translate("users", "{who}的账号已停用；请先启用再修改角色。").format(who=who))
    return refused


def _active_admins(s: Session, lock: bool = False) -> int:
    query = select(User.id).where(User.role == Role.ADMIN, User.active.is_(True))
    if lock:  # PostgreSQL: held to the end of the action (SQLite's BEGIN IMMEDIATE already serialises)
        return len(s.scalars(query.with_for_update()).all())
    return int(s.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _row(db: Database, user: User, active_admins: int, at: dt.datetime) -> AccountRow:
    refused = refusals(db, user, active_admins)
    return AccountRow(user.id, user.username, user.display_name, user.role, user.active,
                      user.must_change_password, user.locked_until, user.version,
                      tuple(sorted(refused.items())),
                      status_label(user.active, user.must_change_password, user.locked_until, at))


def list_accounts(db: Database, at: dt.datetime | None = None) -> list[AccountRow]:
    """Every account, active first, then by username (administrators only)."""
    require_role(db, Role.ADMIN, MANAGE)
    at = at or now()
    with db.read() as s:
        admins = _active_admins(s)
        users = s.scalars(select(User).order_by(User.active.desc(), User.username)).all()
        return [_row(db, u, admins, at) for u in users]


def add_account(db: Database, username: str, display_name: str, password: str, role: Role,
                must_change_password: bool = True) -> AccountRow:
    """A new account; by default its owner replaces the given password at the first login."""
    row = auth.create_user(db, username, display_name, password, role, must_change_password)
    return _reload(db, row.id)


def _reload(db: Database, user_id: int) -> AccountRow:
    return next(r for r in list_accounts(db) if r.id == user_id)


def _checked_target(db: Database, s: Session, user_id: int, version: int, action: str) -> User:
    """The account as the administrator saw it, refused with the rule's words if `action` is not allowed."""
    admins = _active_admins(s, lock=True)
    _still_admin(db, s)
    user = get_for_save(s, User, user_id, version)
    why = refusals(db, user, admins).get(action)
    if why:
        raise DomainError(why)
    return user


def _still_admin(db: Database, s: Session) -> None:
    """The acting administrator may have been demoted or disabled at another desk since logging in."""
    me = db.user
    if me is None or me.id is None:
        return  # require_role has decided (tests' and scripts' users that are not rows)
    row = s.get(User, me.id)
    if row is None or not row.active or row.role != Role.ADMIN:
        raise AuthError(translate("users", "{MANAGE}需要管理员权限；您的账号已被停用或改为其他角色，请重新登录。").format(
            MANAGE=translate("permissions", MANAGE)))


def reset_password(db: Database, user_id: int, version: int, new_password: str) -> AccountRow:
    """Set a password the user must replace at their next login; an active lockout ends with it."""
    require_role(db, Role.ADMIN, QT_TRANSLATE_NOOP("permissions", "重置密码"))
    hashed = auth.hash_password(auth.checked_password(new_password, QT_TRANSLATE_NOOP("auth", "新密码")))
    with db.begin(immediate=True) as s:
        user = _checked_target(db, s, user_id, version, RESET)
        user.password_hash, user.must_change_password = hashed, True
        user.failed_logins, user.locked_until = 0, None
        s.flush()
        record_action(s, "reset_password", "users", user.id,
                      f"重置“{user.display_name}（{user.username}）”的密码，下次登录须修改")
    return _reload(db, user_id)


def set_active(db: Database, user_id: int, version: int, active: bool) -> AccountRow:
    """Disable an account (it stays, with its history, and cannot log in) or enable it again."""
    action = ENABLE if active else DISABLE
    require_role(db, Role.ADMIN, ACTION_NAMES[action])
    with db.begin(immediate=True) as s:
        user = _checked_target(db, s, user_id, version, action)
        user.active = active
        if active:
            user.failed_logins, user.locked_until = 0, None
    return _reload(db, user_id)


def change_role(db: Database, user_id: int, version: int, role: Role) -> AccountRow:
    require_role(db, Role.ADMIN, ACTION_NAMES[ROLE])
    role = Role(role)
    with db.begin(immediate=True) as s:
        user = _checked_target(db, s, user_id, version, ROLE)
        if user.role == role:
            raise ValidationError(translate("users", "“{display_name}”已经是{label}。").format(display_name=user.display_name, label=role.label))
        user.role = role
    return _reload(db, user_id)
