"""The office's rectification deadlines per severity (重大/一般/轻微, keyed by the Severity member), which default a new defect's deadline."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from models.db import Database
from models.defect import Severity
from models.rules.numbers import DAYS, parse_int
from models.services import defect_register

from ..ops import SETTINGS, Change, Op, change
from .base_dialog import ServiceDialog


class DeadlineSettingsDialog(ServiceDialog):
    """Supervisors change the table; the service refuses anyone else with a message.

    Plain text fields read strictly on OK: a spin box turned a typed "1o00" into 100 without a word.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("整改期限设置"), parent)
        self.db = db
        self.edits: dict[Severity, QLineEdit] = {}
        for severity, days in defect_register.deadline_days(db).items():
            edit = QLineEdit(str(days), self)
            edit.setMaximumWidth(80)
            self.edits[severity] = edit
            row = QHBoxLayout()
            row.addWidget(edit)
            row.addWidget(QLabel(self.tr("天（1～365）"), self))
            row.addStretch(1)
            self.form.addRow(self.tr("{s}问题整改期限：").format(s=severity.label), row)
        self.finish_layout()

    def field(self, severity: Severity) -> str:
        return self.tr("{s}问题整改期限").format(s=severity.label)

    def operation(self) -> Op:
        table = {s: parse_int(self.edits[s].text(), self.field(s), DAYS) for s in Severity}
        return lambda db: defect_register.set_deadline_days(db, table)

    def announces(self, result: Any) -> Change:
        return change(SETTINGS)
