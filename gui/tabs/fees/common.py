"""What the fees tab's panels and dialogs share: a field for a number typed by the clerk, a dialog
whose OK runs in the worker, and a non-blocking information box."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget

from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP

from ... import tasks
from ...dialogs.base_dialog import ServiceDialog
from ...errors import show_error

BANNER_STYLE = "background: #fff4d6; border: 1px solid #e0b84c; padding: 6px; color: #5c4300;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeesTab", text)


def number_edit(parent: QWidget, value: Decimal | None = None, placeholder: str = "") -> QLineEdit:
    """A plain line edit for an amount or a reading, read strictly on OK (models/rules/numbers.py).

    No validator: one that drops the keys it does not like turns "1o00" into 100 without a word.
    Whatever the clerk typed stays in the field, and a refusal names the field.
    """
    edit = QLineEdit("" if value is None else f"{value:.2f}", parent)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(140)
    return edit


def inform(parent: QWidget, text: str) -> QMessageBox:
    """An information box that does not block (the caller keeps it; tests read its text)."""
    box = QMessageBox(QMessageBox.Icon.Information, _tr("物业交接台"), text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box


class WorkerDialog(ServiceDialog):
    """OK runs the service in the worker with progress (it may read a million ledger lines);
    a refusal stays in the dialog, as with ServiceDialog."""

    WORKING = QT_TRANSLATE_NOOP("FeesTab", "正在保存…")  # translated where shown (WorkerDialog)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.task: tasks.Task | None = None

    def job(self) -> tasks.Job:
        """Read the widgets (a DomainError here is shown at once) and return the work to run."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.task is not None:
            return
        try:
            job = self.job()
        except DomainError as exc:
            self._refused(exc)
            return
        self.buttons.setEnabled(False)
        self.error_label.setVisible(False)
        self.task = tasks.run_with_progress(self, _tr(self.WORKING), job, self.on_saved, self.on_save_failed)
        self.task.cancelled.connect(self.on_save_cancelled)

    def is_busy(self) -> bool:
        return self.task is not None

    def _refused(self, exc: DomainError) -> None:
        self.error_label.setText(str(exc))
        self.error_label.setVisible(True)

    def on_saved(self, result: Any) -> None:
        self.task, self.result_value = None, result
        self.buttons.setEnabled(True)
        QDialog.accept(self)

    def on_save_failed(self, exc: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self._refused(exc)
        else:
            show_error(exc, self)

    def on_save_cancelled(self) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self._refused(DomainError(_tr("已取消，未做任何改动。")))
