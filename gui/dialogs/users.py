"""用户管理 (administrators): the accounts with role and status; add, reset a password, disable or
enable, change a role. Every button follows the selected row's decisions (AccountRow.refused)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import DomainError, ValidationError
from models.people import Role
from models.services import users as service
from models.services.users import AccountRow

from ..errors import show_error
from ..ops import Op, refusal, run_op
from ..widgets.screen_fit import fit_to_screen
from ..widgets.tables import RecordsModel
from .base_dialog import ServiceDialog
from .change_password import password_edit


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no (tests replace this: a modal box would wait for a click)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class UsersDialog(QDialog):
    """The office's accounts. Opening it refuses (AuthError) anyone but an administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("用户管理"))
        self.model = RecordsModel(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")],
            lambda row: (row.username, row.display_name, row.role.label, row.status), self,
            muted=lambda row: not row.active)
        self.table = self._table()
        self.add_button = QPushButton(self.tr("添加用户…"), self)
        self.reset_button = QPushButton(self.tr("重置密码…"), self)
        self.active_button = QPushButton(self.tr("停用"), self)
        self.role_button = QPushButton(self.tr("修改角色…"), self)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.active_button.clicked.connect(self.on_active_clicked)
        self.role_button.clicked.connect(self.on_role_clicked)
        self._layout()
        self.model.set_records(service.list_accounts(db))  # AuthError for a non-administrator
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.selectRow(0)
        self._update_buttons()
        fit_to_screen(self, 720, 460)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return table

    def _layout(self) -> None:
        side = QVBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button, self.role_button):
            side.addWidget(button)
        side.addStretch(1)
        note = QLabel(self.tr("停用的账号保留在操作日志中，不能再登录。连续输错密码 5 次锁定 10 分钟；"
                              "重置密码即解锁。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(note)
        layout.addWidget(close)

    # ---- the selected account ------------------------------------------------------------------

    def current(self) -> AccountRow | None:
        index = self.table.currentIndex()
        return self.model.data(index, RecordsModel.RecordRole) if index.isValid() else None

    def select_user(self, username: str) -> None:
        for i, row in enumerate(self.model.records):
            if row.username == username:
                self.table.selectRow(i)

    def _update_buttons(self) -> None:
        row = self.current()
        self.active_button.setText(self.tr("启用") if row and not row.active else self.tr("停用"))
        action = service.ENABLE if row and not row.active else service.DISABLE
        for button, act in ((self.reset_button, service.RESET), (self.active_button, action),
                            (self.role_button, service.ROLE)):
            button.setEnabled(row is not None and row.may(act))
            button.setToolTip(row.why_not(act) if row else self.tr("请先选择一个用户"))

    def _refresh(self, select: str | None = None) -> None:
        self.model.set_records(service.list_accounts(self.db))
        if select:
            self.select_user(select)
        self._update_buttons()

    # ---- actions -----------------------------------------------------------------------------

    def on_add_clicked(self) -> None:
        dialog = AddUserDialog(self.db, self)
        if dialog.exec():
            self._refresh(dialog.result_value.username)

    def on_reset_clicked(self) -> None:
        row = self.current()
        if row is not None and ResetPasswordDialog(self.db, row, self).exec():
            self._refresh(row.username)

    def on_role_clicked(self) -> None:
        row = self.current()
        if row is not None and RoleDialog(self.db, row, self).exec():
            self._refresh(row.username)

    def on_active_clicked(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.active and not confirm(self, self.tr("停用账号"),
                                      self.tr("停用“{who}”的账号？停用后不能登录，其操作记录保留；"
                                              "以后可以再启用。").format(who=row.caption)):
            return
        def refused(exc: DomainError) -> None:
            show_error(exc, self)
            self._refresh(row.username)
        run_op(self, self.db, lambda db: service.set_active(db, row.id, row.version, not row.active),
               on_success=lambda _r: self._refresh(row.username), on_failure=refusal(refused, self))


class AddUserDialog(ServiceDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加用户"), parent)
        self.db = db
        self.username_edit = QLineEdit(self)
        self.display_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(self.tr(role.label), role.value)
        self.password_edit, self.confirm_edit = password_edit(self), password_edit(self)
        self.must_change_check = QCheckBox(self.tr("首次登录时须修改密码"), self)
        self.must_change_check.setChecked(True)
        self.form.addRow(self.tr("用户名："), self.username_edit)
        self.form.addRow(self.tr("姓名："), self.display_edit)
        self.form.addRow(self.tr("角色："), self.role_combo)
        self.form.addRow(self.tr("初始密码："), self.password_edit)
        self.form.addRow(self.tr("确认密码："), self.confirm_edit)
        self.form.addRow("", self.must_change_check)
        self.finish_layout()

    def operation(self) -> Op:
        if self.password_edit.text() != self.confirm_edit.text():
            raise ValidationError(self.tr("两次输入的密码不一致。"))
        args = (self.username_edit.text(), self.display_edit.text(), self.password_edit.text(),
                Role(self.role_combo.currentData()), self.must_change_check.isChecked())
        return lambda db: service.add_account(db, *args)


class ResetPasswordDialog(ServiceDialog):
    """A temporary password the user must replace at the next login."""

    def __init__(self, db: Database, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重置密码"), parent)
        self.db, self.row = db, row
        self.password_edit, self.confirm_edit = password_edit(self), password_edit(self)
        self.form.addRow(self.tr("用户："), QLabel(row.caption, self))
        self.form.addRow(self.tr("临时密码："), self.password_edit)
        self.form.addRow(self.tr("确认密码："), self.confirm_edit)
        note = QLabel(self.tr("请把临时密码当面告诉本人；他下次登录时须改为自己的新密码。"), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish_layout()

    def operation(self) -> Op:
        if self.password_edit.text() != self.confirm_edit.text():
            raise ValidationError(self.tr("两次输入的密码不一致。"))
        row, password = self.row, self.password_edit.text()
        return lambda db: service.reset_password(db, row.id, row.version, password)


class RoleDialog(ServiceDialog):
    def __init__(self, db: Database, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改角色"), parent)
        self.db, self.row = db, row
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(self.tr(role.label), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(row.role.value))
        self.form.addRow(self.tr("用户："), QLabel(row.caption, self))
        self.form.addRow(self.tr("角色："), self.role_combo)
        note = QLabel(self.tr("文员：日常登记；主管：批准借钥匙、签署、更正；管理员：另管理用户和查看操作日志。"), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish_layout()

    def operation(self) -> Op:
        row, role = self.row, Role(self.role_combo.currentData())
        return lambda db: service.change_role(db, row.id, row.version, role)
