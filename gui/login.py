"""Signing in: the login dialog, and the first-run dialog that creates the administrator."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.db import Database, UserRef
from models.errors import DomainError
from models.services import auth

from .dialogs.change_password import ChangePasswordDialog
from .ops import Op, refusal, run_op


class _Form(QDialog):
    """A form, an error line in red and OK/Cancel: what both dialogs share."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(360)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._writing = False  # the sign-in is on its way (it writes the login's audit row)

    def write(self, op: Op, then: Callable[[Any], None], refused: Callable[[DomainError], None]) -> None:
        """The sign-in's write in the writer thread: another desk's write lock never freezes the form."""
        if self._writing:
            return
        self._writing = True

        def settled(handle: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._writing = False
                handle(value)
            return call
        run_op(self, self.db, op, busy=[self.buttons], on_success=settled(then),  # type: ignore[attr-defined]
               on_failure=settled(refusal(refused, self)))

    def reject(self) -> None:
        if not self._writing:
            super().reject()

    def _password(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit


class LoginDialog(_Form):
    """Username and password; on success `user` is who is at the desk."""

    def __init__(self, db: Database, preselect_user: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登录 — 物业交接台"), self.tr("登录"), parent)
        self.db = db
        self.user: UserRef | None = None
        self.user_combo = QComboBox(self)
        self.user_combo.setEditable(True)  # a username can also be typed
        for u in auth.list_users(db):
            if u.active:
                self.user_combo.addItem(f"{u.username}", u.username)
        self.password_edit = self._password()
        self.form.addRow(self.tr("用户名："), self.user_combo)
        self.form.addRow(self.tr("密码："), self.password_edit)
        self._preselect(preselect_user)

    def _preselect(self, username: str | None) -> None:
        index = self.user_combo.findData(username) if username else -1
        if index >= 0:
            self.user_combo.setCurrentIndex(index)
        if self.user_combo.currentText():
            self.password_edit.setFocus()

    def accept(self) -> None:
        password, username = self.password_edit.text(), self.user_combo.currentText()
        self.write(lambda db: auth.authenticate(db, username, password),
                   lambda signed: self._signed_in(signed, password), lambda exc: self._refused(str(exc)))

    def _signed_in(self, signed: Any, password: str) -> None:
        if signed.must_change_password and not self._new_password(password):
            reset = self.tr("管理员重置了您的密码：须设置新密码后才能继续使用。")
            # No way past a reset password but a new one; signed out all the same if only the
            # audit row of it could not be written.
            self.write(auth.logout, lambda _r: self._refused(reset), lambda _exc: self._refused(reset))
            return
        self.user = signed.user
        super().accept()

    def _refused(self, message: str) -> None:
        self.error_label.setText(message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _new_password(self, old_password: str) -> bool:
        """An administrator reset the password: the new one is set now, or the login is undone."""
        dialog = ChangePasswordDialog(self.db, self, forced_old=old_password)
        return dialog.exec() == QDialog.DialogCode.Accepted


class FirstRunDialog(_Form):
    """No users yet: create the administrator, then sign in as them."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("首次使用 — 创建管理员"), self.tr("创建并登录"), parent)
        self.db = db
        self.user: UserRef | None = None
        self.username_edit = QLineEdit("admin", self)
        self.display_edit = QLineEdit(self.tr("管理员"), self)
        self.password_edit, self.confirm_edit = self._password(), self._password()
        self.form.addRow(QLabel(self.tr("这是第一次使用本数据库，请创建管理员账号。"), self))
        self.form.addRow(self.tr("用户名："), self.username_edit)
        self.form.addRow(self.tr("姓名："), self.display_edit)
        self.form.addRow(self.tr("密码："), self.password_edit)
        self.form.addRow(self.tr("确认密码："), self.confirm_edit)
        self.password_edit.setFocus()

    def accept(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.error_label.setText(self.tr("两次输入的密码不一致。"))
            return
        username, name, password = self.username_edit.text(), self.display_edit.text(), self.password_edit.text()

        def create(db: Database) -> UserRef:
            # Refused if another desk created the first user meanwhile: then the clerk logs in instead.
            row = auth.create_first_admin(db, username, name, password)
            return auth.login(db, row.username, password)
        self.write(create, self._created, lambda exc: self.error_label.setText(str(exc)))

    def _created(self, user: UserRef) -> None:
        self.user = user
        super().accept()


def sign_in(db: Database, preselect_user: str | None = None) -> bool:
    """First run creates the admin; otherwise the login dialog. False if the clerk cancelled."""
    dialog: _Form = FirstRunDialog(db) if auth.needs_first_user(db) else LoginDialog(db, preselect_user)
    return bool(dialog.exec())
