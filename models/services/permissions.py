"""Role checks for actions only a supervisor may take (sign-off, amendments, approvals)."""
from __future__ import annotations

from dataclasses import dataclass

from ..audit import NO_USER
from ..db import Database, UserRef
from ..errors import AuthError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role


def require_role(db: Database, role: Role, action: str) -> None:
    user = db.user
    current = Role(user.role) if user and user.role in Role._value2member_map_ else Role.CLERK
    if not current.at_least(role):
        raise AuthError(translate("permissions", "{action}需要{role}权限；当前用户是{current}。").format(
            action=translate("permissions", action), role=role.label, current=current.label))


def signed_in_user(db: Database) -> UserRef:
    """Who is signing or deciding; AuthError (the same refusal as any unaudited write) when nobody is."""
    if db.user is None:
        raise AuthError(translate("audit", NO_USER))
    return db.user


def may(db: Database, role: Role) -> bool:
    """Whether the current user has at least `role` (the GUI enables an action from this; the service
    still calls require_role)."""
    try:
        require_role(db, role, "")
    except AuthError:
        return False
    return True


def who_may(role: Role, action: str) -> str:
    """What a disabled control says to a user below `role`: who may take the action."""
    holders = translate("permissions", "或").join(r.label for r in Role if r.at_least(role))
    return translate("permissions", "仅{holders}可以{action}").format(holders=holders, action=translate("permissions", action))


@dataclass(frozen=True)
class Permit:
    """Whether the current user's role lets them take an action, and if not, who may (for a disabled
    control's tooltip). Rows carry these so the GUI never re-checks a role itself."""

    allowed: bool
    refusal: str = ""


def permit(db: Database, role: Role, action: str) -> Permit:
    return Permit(True) if may(db, role) else Permit(False, who_may(role, action))


# Actions whose only role check is the one their dialogs and menus make with these (no service of
# their own refuses): the role and the action, as a refusal names it.
EXPORT_ARCHIVE = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "导出备份文件"))
RESTORE_BACKUP = (Role.ADMIN, QT_TRANSLATE_NOOP("permissions", "从备份恢复"))
SETUP_GUIDE = (Role.ADMIN, QT_TRANSLATE_NOOP("permissions", "使用设置向导"))
