"""Menu entries — 管理：用户管理、修改密码、操作日志."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from models import audit_view
from models.errors import DomainError
from models.services import users

from ..errors import show_error
from ..widgets.role_gate import apply_permit
from . import add_action


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install(window: Any, menus: dict[str, QMenu]) -> None:
    """Add this subject's actions to the window's menus (file, project, admin, help).

    用户管理 and 操作日志 are an administrator's: for anyone else they are disabled and say who may
    (the services refuse on their own as well). 修改密码 is everyone's.
    """
    menu = menus["admin"]
    menu.setToolTipsVisible(True)  # a disabled entry's tooltip says who may use it
    window.users_action = add_action(window, menu, _tr("用户管理…"), lambda: open_users(window))
    apply_permit(window.users_action, users.manage_permit(window.db), _tr("添加用户、重置密码、停用账号、修改角色"))
    window.change_password_action = add_action(window, menu, _tr("修改密码…"), lambda: open_change_password(window))
    window.audit_log_action = add_action(window, menu, _tr("操作日志…"), lambda: open_audit_log(window))
    apply_permit(window.audit_log_action, audit_view.read_permit(window.db), _tr("谁在何时改了哪条记录"))
    menu.addSeparator()
    window.switch_user_action = add_action(window, menu, _tr("切换用户（退出登录）…"), lambda: switch(window))


def _open(window: Any, make: Any) -> None:
    """Build the dialog (which may refuse: the user is not an administrator) and show it modal."""
    try:
        dialog = make()
    except DomainError as exc:
        show_error(exc, window)
        return
    dialog.exec()


def switch(window: Any) -> None:
    from ..session import switch_user

    switch_user(window)


def open_users(window: Any) -> None:
    from ..dialogs.users import UsersDialog

    _open(window, lambda: UsersDialog(window.db, window))


def open_change_password(window: Any) -> None:
    from ..dialogs.change_password import ChangePasswordDialog

    _open(window, lambda: ChangePasswordDialog(window.db, window))


def open_audit_log(window: Any) -> None:
    from ..dialogs.audit_log import AuditLogDialog

    _open(window, lambda: AuditLogDialog(window.db, window))
