"""修改密码: the user at the desk replaces their own password (the old one required).

After an administrator's reset the login opens it `forced`: the old password is the one just typed,
Cancel becomes 退出登录 and the desk cannot be used until the new password is saved.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.db import Database
from models.errors import ValidationError
from models.services import auth

from ..ops import Op
from .base_dialog import ServiceDialog


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(220)
    return edit


class ChangePasswordDialog(ServiceDialog):
    """Old password (unless `forced_old` is given), new password twice; OK saves it."""

    def __init__(self, db: Database, parent: QWidget | None = None, forced_old: str | None = None) -> None:
        super().__init__(self.tr("修改密码") if forced_old is None else self.tr("请设置新密码"), parent)
        self.db, self._forced_old = db, forced_old
        self.old_edit, self.new_edit, self.confirm_edit = (password_edit(self) for _ in range(3))
        who = db.user.display_name or db.user.username if db.user else ""
        if forced_old is None:
            self.form.addRow(self.tr("用户："), QLabel(who, self))
            self.form.addRow(self.tr("原密码："), self.old_edit)
        else:
            notice = QLabel(self.tr("{who}，管理员为您设置了临时密码。请设置只有您自己知道的新密码，"
                                    "保存后才能继续使用。").format(who=who), self)
            notice.setWordWrap(True)
            self.form.addRow(notice)
            self.old_edit.setVisible(False)
            self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("退出登录"))
        self.form.addRow(self.tr("新密码："), self.new_edit)
        self.form.addRow(self.tr("确认新密码："), self.confirm_edit)
        hint = QLabel(self.tr("至少 {n} 位；不能与原密码相同。").format(n=auth.MIN_PASSWORD), self)
        hint.setStyleSheet("color: #666;")
        self.form.addRow("", hint)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("保存新密码"))
        self.finish_layout()
        (self.new_edit if forced_old is not None else self.old_edit).setFocus()

    def operation(self) -> Op:
        if self.new_edit.text() != self.confirm_edit.text():
            raise ValidationError(self.tr("两次输入的新密码不一致。"))
        old = self._forced_old if self._forced_old is not None else self.old_edit.text()
        new = self.new_edit.text()
        return lambda db: auth.change_password(db, old, new)
