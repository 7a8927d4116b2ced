"""The keys tab's dialogs: 接收, 借出, 归还, 发放, the one-line steps (封存, 启封, 遗失, 移交, 作废) and 下班时间.

Each makes one key-custody write on OK, in a worker (gui/ops.py: another desk holding the database's
write lock must not freeze the window); a refused event keeps the dialog open with the message and
every field as typed (a 数量 of "1o" stays there to be corrected).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QTimeEdit, QWidget

from models.db import Database
from models.errors import AuthError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.keys import KeyEventKind as E
from models.keys import LendReason
from models.rules.key_rules import LENDING_REASONS, needs_extension_reason
from models.services import approvals
from models.services import key_custody as kc
from models.services.key_custody import KeyRow

from ... import ops
from ...dates import py_datetime, py_time, qdatetime, qtime
from ...dialogs.base_dialog import ServiceDialog
from ...widgets.unit_combo import unit_combo
from ...widgets.word_combo import stored_word, word_combo

# Suggestions in an editable combo: what is chosen or typed is kept as text, in the language shown.
DEPARTMENTS = (QT_TRANSLATE_NOOP("LendDialog", "工程部"), QT_TRANSLATE_NOOP("LendDialog", "保洁部"),
               QT_TRANSLATE_NOOP("LendDialog", "秩序部"), QT_TRANSLATE_NOOP("LendDialog", "客服部"),
               QT_TRANSLATE_NOOP("LendDialog", "绿化部"))
CONDITIONS = (QT_TRANSLATE_NOOP("ReturnDialog", "完好"), QT_TRANSLATE_NOOP("ReturnDialog", "损坏"),
              QT_TRANSLATE_NOOP("ReturnDialog", "数量不符"))


def _line(parent: QWidget, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(240)
    return edit


def _caption(key: KeyRow) -> str:
    if not key.opens:
        return key.tag
    return QCoreApplication.translate("LendDialog", "{tag}（{opens}）").format(tag=key.tag, opens=key.opens)


class KeyStepDialog(ServiceDialog):
    """A dialog whose write records one key's event: it announces that key as changed."""

    project_id: int | None = None  # the project the key belongs to, when the opener knows it

    def announces(self, result: Any) -> ops.Change | None:
        key_id = result.id if isinstance(result, KeyRow) else None
        return ops.change(ops.KEYS, ids=[key_id], project_id=self.project_id)


class ReceiveDialog(KeyStepDialog):
    """接收 one key (set) into store: a key the other party brings later, a replacement, a spare.

    数量 is typed as text and read strictly by the service (models/rules/numbers.py: a whole number from
    1 to 9999); the hook (柜格) must be free. Units are picked by typing part of the number.
    """

    project_id: int  # always known here: the key is received into this project

    def __init__(self, db: Database, project_id: int, handover_id: int | None, units: list[str],
                 now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("接收钥匙"), parent)
        self.db, self.project_id, self.handover_id, self.now = db, project_id, handover_id, now
        self.tag = _line(self, placeholder=self.tr("如 K-03-02-1201-A（扫码或输入）"))
        self.unit = unit_combo(self, units, self.tr("选择或输入房号；公共部位不填"))
        self.opens = _line(self, placeholder=self.tr("如 入户门、配电室、北门岗亭"))
        self.count = _line(self, "1", self.tr("把/套，整数"))
        self.cabinet = _line(self, placeholder=self.tr("如 G01"))
        self.slot = _line(self, placeholder=self.tr("如 01-16；一个柜格只挂一把（套）"))
        self.person = _line(self, placeholder=self.tr("移交钥匙的人"))
        self.note = _line(self, placeholder=self.tr("备注"))
        for label, widget in ((self.tr("标签号："), self.tag), (self.tr("房号："), self.unit),
                              (self.tr("开启对象："), self.opens), (self.tr("数量："), self.count),
                              (self.tr("钥匙柜："), self.cabinet), (self.tr("柜格："), self.slot),
                              (self.tr("交来人："), self.person), (self.tr("备注："), self.note)):
            self.form.addRow(label, widget)
        self.finish_layout()
        self.tag.setFocus()

    def operation(self) -> ops.Op:
        project_id = self.project_id
        fields: dict[str, Any] = dict(
            tag=self.tag.text(), unit=self.unit.currentText(), opens=self.opens.text(), count=self.count.text(),
            cabinet=self.cabinet.text(), slot=self.slot.text(), handover_id=self.handover_id, at=self.now,
            person=self.person.text(), note=self.note.text())
        return lambda db: kc.receive_key(db, project_id, **fields)


class LendDialog(KeyStepDialog):
    """借出: borrower first (focused); the due time shows the office's default (closing time).

    A supervisor approves at the desk: picks their own account and types their password. A due time
    after today also needs a 延期原因. Enter saves from any line.
    """

    def __init__(self, db: Database, key: KeyRow, now: dt.datetime, last: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("借出钥匙 — {key}").format(key=_caption(key)), parent)
        self.db, self.key, self.now = db, key, now.replace(microsecond=0)
        last = last or {}
        closing = kc.closing_time(db)
        self.default_due = kc.default_due(self.now, closing)
        self.borrower = _line(self, placeholder=self.tr("姓名"))
        self.department = word_combo(self, DEPARTMENTS, self.tr, last.get("department", DEPARTMENTS[0]))
        self.reason = QComboBox(self)
        for reason in LENDING_REASONS:  # shown in the desk's language, carrying the code
            self.reason.addItem(reason.label, reason.value)
        self.reason.setCurrentIndex(max(self.reason.findData(last.get("reason", LENDING_REASONS[0])), 0))
        self.reason_text = _line(self, placeholder=self.tr("具体事由（“其他”时必填）"))
        self.due = QDateTimeEdit(qdatetime(self.default_due), self, calendarPopup=True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setToolTip(self.tr("默认当天下班时间（{t}）前归还").format(t=closing.strftime("%H:%M")))
        self.extension = _line(self, placeholder=self.tr("应还时间晚于借出当天时必填"))
        self._build_approval()
        self.form.addRow(self.tr("借用人："), self.borrower)
        self.form.addRow(self.tr("部门："), self.department)
        self.form.addRow(self.tr("借用事由："), self.reason)
        self.form.addRow(self.tr("事由说明："), self.reason_text)
        self.form.addRow(self.tr("应还时间："), self.due)
        self.form.addRow(self.tr("延期原因："), self.extension)
        self.form.addRow(self.tr("批准主管："), self.approver)
        self.form.addRow(self.tr("主管密码："), self.password)
        self.finish_layout()
        self.due.dateTimeChanged.connect(self.on_due_changed)
        self.on_due_changed()
        if not self.approver.count():
            self.error_label.setText(self.no_approver_text())
            self.error_label.setVisible(True)
        self.borrower.setFocus()

    def _build_approval(self) -> None:
        """The accounts that may approve (never pre-chosen: each loan is approved afresh) and a password."""
        self.approver = QComboBox(self)
        self.approver.setMinimumWidth(240)
        for who in approvals.approvers(self.db):  # the name people know, and the account it is
            self.approver.addItem(self.tr("{name}（{account}）").format(name=who.display_name, account=who.username),
                                  who.username)
        self.approver.setCurrentIndex(-1)
        self.approver.setPlaceholderText(self.tr("请选择批准借出的主管"))
        self.password = _line(self, placeholder=self.tr("由该主管本人输入登录密码"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        has_any = self.approver.count() > 0
        self.approver.setEnabled(has_any)
        self.password.setEnabled(has_any)

    def no_approver_text(self) -> str:
        return self.tr("没有可批准的主管账号，请管理员先添加主管。")

    def on_due_changed(self, _value: QDateTime | None = None) -> None:
        """延期原因 opens only for a loan due after the lending day (the rule in key_rules)."""
        self.extension.setEnabled(needs_extension_reason(self.now, self._shown_due()))

    def _shown_due(self) -> dt.datetime:
        return py_datetime(self.due.dateTime()).replace(second=0, microsecond=0)

    def due_at(self) -> dt.datetime | None:
        """None (the service's default) unless the clerk changed the shown default."""
        value = self._shown_due()
        return None if value == self.default_due.replace(second=0) else value

    def remembered(self) -> dict[str, str]:
        """What the next loan at this desk starts with (department and reason, never the approver)."""
        return {"department": stored_word(self.department), "reason": self.chosen_reason().value}

    def chosen_reason(self) -> LendReason:
        """The reason picked (Qt hands the item data back as the plain code)."""
        return LendReason(self.reason.currentData())

    def operation(self) -> ops.Op:
        if not self.approver.count():
            raise ValidationError(self.no_approver_text())
        key_id = self.key.id
        fields: dict[str, Any] = dict(
            borrower=self.borrower.text(), department=stored_word(self.department),
            reason=self.chosen_reason(), reason_text=self.reason_text.text(),
            extension_reason=self.extension.text() if self.extension.isEnabled() else "",
            approver=self.approver.currentData() or "", password=self.password.text(),
            due_at=self.due_at(), at=self.now)
        return lambda db: kc.lend(db, key_id, **fields)

    def refused(self, exc: Exception) -> None:
        super().refused(exc)  # type: ignore[arg-type]
        if isinstance(exc, AuthError):
            self.password.clear()  # typed again by the supervisor, not left in the form
            self.password.setFocus()


class ReturnDialog(KeyStepDialog):
    """归还: who brought it back (focused) and its condition."""

    def __init__(self, db: Database, key: KeyRow, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("归还钥匙 — {key}").format(key=_caption(key)), parent)
        self.db, self.key, self.now = db, key, now
        self.returned_by = _line(self, placeholder=self.tr("姓名"))
        self.condition = word_combo(self, CONDITIONS, self.tr)
        self.form.addRow(self.tr("归还人："), self.returned_by)
        self.form.addRow(self.tr("钥匙状况："), self.condition)
        self.finish_layout()
        self.returned_by.setFocus()

    def _condition(self) -> str:
        return stored_word(self.condition, CONDITIONS[0])

    def operation(self) -> ops.Op:
        key_id, at = self.key.id, self.now
        returned_by, condition = self.returned_by.text(), self._condition()
        return lambda db: kc.return_key(db, key_id, returned_by=returned_by, condition=condition, at=at)


class IssueDialog(KeyStepDialog):
    """发放 to an owner of the key's unit, chosen from the unit's current owners."""

    def __init__(self, db: Database, key: KeyRow, owners: list[tuple[int, str]], now: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("发放钥匙给业主 — {key}").format(key=_caption(key)), parent)
        self.db, self.key, self.now = db, key, now
        self.owner = QComboBox(self)
        self.owner.setMinimumWidth(240)
        for owner_id, name in owners:
            self.owner.addItem(name, owner_id)
        self.note = _line(self, placeholder=self.tr("备注"))
        self.form.addRow(self.tr("业主："), self.owner)
        self.form.addRow(self.tr("备注："), self.note)
        self.finish_layout()
        if not owners:
            self.error_label.setText(self.tr("该房屋没有登记业主，不能发放。"))
            self.error_label.setVisible(True)
        self.owner.setFocus()

    def operation(self) -> ops.Op:
        owner_id = self.owner.currentData()
        if owner_id is None:
            raise ValidationError(self.tr("请选择业主。"))
        key_id, note, at = self.key.id, self.note.text(), self.now
        return lambda db: kc.issue_to_owner(db, key_id, owner_id=owner_id, note=note, at=at)


class StepDialog(KeyStepDialog):
    """One line of text, then one service call: 封存 (seal no.), 遗失 (follow-up), 移交, 启封/作废 (note)."""

    def __init__(self, db: Database, title: str, label: str, act: Callable[[Database, str], Any],
                 parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(title, parent)
        self.db, self.act = db, act
        self.text = _line(self, placeholder=placeholder)
        self.form.addRow(label, self.text)
        self.finish_layout()
        self.text.setFocus()

    def operation(self) -> ops.Op:
        act, text = self.act, self.text.text()
        return lambda db: act(db, text)


class ClosingTimeDialog(ServiceDialog):
    """下班时间: loans fall due by it; a supervisor's or an admin's to change (the service checks)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("下班时间"), parent)
        self.db = db
        self.time = QTimeEdit(qtime(kc.closing_time(db)), self)
        self.time.setDisplayFormat("HH:mm")
        self.form.addRow(self.tr("下班时间（借出钥匙默认此前归还）："), self.time)
        self.finish_layout()
        self.time.setFocus()

    def operation(self) -> ops.Op:
        closing = py_time(self.time.time())

        def set_closing(db: Database) -> dt.time:
            kc.set_closing_time(db, closing)
            return closing
        return set_closing

    def announces(self, result: Any) -> ops.Change:
        return ops.change(ops.SETTINGS)


def step_dialog(db: Database, kind: E, key: KeyRow, now: dt.datetime, last_loan: dict[str, str],
                owners: list[tuple[int, str]], parent: QWidget) -> ServiceDialog:
    """The dialog of one event on `key` (a card button, or Enter after a scan); it keeps `key`."""
    if kind is E.LEND:
        return LendDialog(db, key, now, last_loan, parent)
    if kind is E.RETURN:
        return ReturnDialog(db, key, now, parent)
    if kind is E.ISSUE:  # offered for a unit's key only (KeyRow.allowed): `owners` are its unit's
        return IssueDialog(db, key, owners, now, parent)
    steps = {
        E.SEAL: (QCoreApplication.translate("StepDialog", "封存钥匙"), QCoreApplication.translate("StepDialog", "封条编号："),
                 lambda d, text: kc.seal(d, key.id, seal_no=text, at=now)),
        E.UNSEAL: (QCoreApplication.translate("StepDialog", "启封钥匙"), QCoreApplication.translate("StepDialog", "备注："),
                   lambda d, text: kc.unseal(d, key.id, at=now, note=text)),
        E.LOSE: (QCoreApplication.translate("StepDialog", "登记遗失"), QCoreApplication.translate("StepDialog", "后续处理："),
                 lambda d, text: kc.report_lost(d, key.id, follow_up=text, at=now)),
        E.HAND_OVER: (QCoreApplication.translate("StepDialog", "移交钥匙"),
                      QCoreApplication.translate("StepDialog", "接收单位："),
                      lambda d, text: kc.hand_over(d, key.id, to_company=text, at=now)),
        E.RETIRE: (QCoreApplication.translate("StepDialog", "作废钥匙"), QCoreApplication.translate("StepDialog", "原因："),
                   lambda d, text: kc.retire(d, key.id, at=now, note=text)),
    }
    title, label, act = steps[kind]
    dialog = StepDialog(db, f"{title} — {key.tag}", label, act, parent)
    dialog.key = key  # type: ignore[attr-defined]  # the key it belongs to (a queued scan's note names it)
    return dialog
