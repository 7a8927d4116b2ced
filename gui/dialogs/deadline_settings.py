"""The office's rectification deadlines per severity (重大/一般/轻微), which default a new defect's deadline."""
from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from models.db import Database
from models.defect import SEVERITIES
from models.services import defect_register

from ..tabs.handover.base_dialog import ServiceDialog


class DeadlineSettingsDialog(ServiceDialog):
    """Supervisors change the table; the service refuses anyone else with a message."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("整改期限设置"), parent)
        self.db = db
        self.spins: dict[str, QSpinBox] = {}
        for severity, days in defect_register.deadline_days(db).items():
            spin = QSpinBox(self, minimum=1, maximum=365, value=days, suffix=self.tr(" 天"))
            self.spins[severity] = spin
            self.form.addRow(self.tr("{s}问题整改期限：").format(s=severity), spin)
        self.finish_layout()

    def save(self) -> dict[str, int]:
        return defect_register.set_deadline_days(
            self.db, {s: self.spins[s].value() for s in SEVERITIES})
