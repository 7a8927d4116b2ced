"""The keys tab's dialogs: 借出, 归还, 发放 and the one-line steps (封存, 启封, 遗失, 移交, 作废).

Each calls one key-custody service on OK; a refused event keeps the dialog open with the message.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QWidget

from models.db import Database
from models.errors import ValidationError
from models.rules.key_rules import LENDING_REASONS
from models.services import key_custody as kc
from models.services.key_custody import KeyRow

from ..handover.base_dialog import ServiceDialog

DEPARTMENTS = ("工程部", "保洁部", "秩序部", "客服部", "绿化部")
CONDITIONS = ("完好", "损坏", "数量不符")


def _line(parent: QWidget, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(240)
    return edit


def _caption(key: KeyRow) -> str:
    return f"{key.tag}（{key.opens}）" if key.opens else key.tag


class LendDialog(ServiceDialog):
    """借出: borrower first (focused); the due time shows the office's default (closing time)."""

    def __init__(self, db: Database, key: KeyRow, now: dt.datetime, last: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("借出钥匙 — {key}").format(key=_caption(key)), parent)
        self.db, self.key, self.now = db, key, now.replace(microsecond=0)
        last = last or {}
        self.default_due = kc.default_due(self.now, kc.closing_time(db))
        self.borrower = _line(self, placeholder=self.tr("姓名"))
        self.department = QComboBox(self, editable=True)
        self.department.addItems(list(DEPARTMENTS))
        self.department.setCurrentText(last.get("department", DEPARTMENTS[0]))
        self.reason = QComboBox(self)
        self.reason.addItems(list(LENDING_REASONS))
        self.reason.setCurrentText(last.get("reason", LENDING_REASONS[0]))
        self.reason_text = _line(self, placeholder=self.tr("具体事由（“其他”时必填）"))
        # Never pre-filled: each loan is approved by a supervisor, named afresh.
        self.approved_by = _line(self, "", self.tr("批准借出的主管"))
        self.due = QDateTimeEdit(QDateTime(self.default_due), self, calendarPopup=True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setToolTip(self.tr("默认当天下班时间（{t}）前归还").format(t=kc.closing_time(db).strftime("%H:%M")))
        self.form.addRow(self.tr("借用人："), self.borrower)
        self.form.addRow(self.tr("部门："), self.department)
        self.form.addRow(self.tr("借用事由："), self.reason)
        self.form.addRow(self.tr("事由说明："), self.reason_text)
        self.form.addRow(self.tr("批准主管："), self.approved_by)
        self.form.addRow(self.tr("应还时间："), self.due)
        self.finish_layout()
        self.borrower.setFocus()

    def due_at(self) -> dt.datetime | None:
        """None (the service's default) unless the clerk changed the shown default."""
        value = self.due.dateTime().toPython().replace(second=0, microsecond=0)
        return None if value == self.default_due.replace(second=0) else value

    def remembered(self) -> dict[str, str]:
        """What the next loan at this desk starts with (department and reason, never the approver)."""
        return {"department": self.department.currentText(), "reason": self.reason.currentText()}

    def save(self) -> KeyRow:
        return kc.lend(self.db, self.key.id, borrower=self.borrower.text(), department=self.department.currentText(),
                       reason=self.reason.currentText(), reason_text=self.reason_text.text(),
                       approved_by=self.approved_by.text(), due_at=self.due_at(), at=self.now)


class ReturnDialog(ServiceDialog):
    """归还: who brought it back (focused) and its condition."""

    def __init__(self, db: Database, key: KeyRow, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("归还钥匙 — {key}").format(key=_caption(key)), parent)
        self.db, self.key, self.now = db, key, now
        self.returned_by = _line(self, placeholder=self.tr("姓名"))
        self.condition = QComboBox(self, editable=True)
        self.condition.addItems(list(CONDITIONS))
        self.form.addRow(self.tr("归还人："), self.returned_by)
        self.form.addRow(self.tr("钥匙状况："), self.condition)
        self.finish_layout()
        self.returned_by.setFocus()

    def save(self) -> KeyRow:
        return kc.return_key(self.db, self.key.id, returned_by=self.returned_by.text(),
                             condition=self.condition.currentText().strip() or CONDITIONS[0], at=self.now)


class IssueDialog(ServiceDialog):
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

    def save(self) -> KeyRow:
        owner_id = self.owner.currentData()
        if owner_id is None:
            raise ValidationError(self.tr("请选择业主。"))
        return kc.issue_to_owner(self.db, self.key.id, owner_id=owner_id, note=self.note.text(), at=self.now)


class StepDialog(ServiceDialog):
    """One line of text, then one service call: 封存 (seal no.), 遗失 (follow-up), 移交, 启封/作废 (note)."""

    def __init__(self, title: str, label: str, act: Callable[[str], Any], parent: QWidget | None = None,
                 placeholder: str = "") -> None:
        super().__init__(title, parent)
        self.act = act
        self.text = _line(self, placeholder=placeholder)
        self.form.addRow(label, self.text)
        self.finish_layout()
        self.text.setFocus()

    def save(self) -> Any:
        return self.act(self.text.text())
