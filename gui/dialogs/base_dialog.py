"""The shape of the tab's small dialogs: a form, an error line, OK/Cancel; OK makes one write, in a worker."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError

from ..dates import py_date, qdate
from ..errors import show_error
from ..ops import Change, Op, run_op
from ..widgets.screen_fit import scrolling_form

ERROR_STYLE = "color: #b3261e;"


class ServiceDialog(QDialog):
    """Subclasses add rows to `self.form` and implement save(); a refused save keeps the dialog open."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None  # what save() or the operation returned, once accepted
        self._writing = False
        self.write_task: Any = None  # the last write's task (tests see its progress bar)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def scroll_form(self) -> None:
        """A long form: its rows scroll on a short screen, the error line and buttons stay in view.

        Call once the rows are added, before finish_layout()."""
        self.layout_.removeItem(self.form)
        self.form.setParent(None)
        content = QWidget(self)
        content.setLayout(self.form)
        area = scrolling_form(content, self)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(content.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
        self.layout_.insertWidget(0, area, 1)

    def finish_layout(self) -> None:
        """Call after the rows are added: error line and buttons go last."""
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)

    def save(self) -> Any:
        raise NotImplementedError

    def operation(self) -> Op | None:
        """The write OK makes, its arguments read from the form now; it runs in a worker (gui/ops.py).

        None: a dialog without a write of its own, whose save() returns what the caller needs."""
        return None

    def announces(self, result: Any) -> Change | None:
        """What the write changed, for the other tabs (None: nothing another view shows)."""
        return None

    def refused(self, exc: DomainError) -> None:
        """The service said no: the message under the form, the dialog stays open as typed."""
        self.error_label.setText(str(exc))
        self.error_label.setVisible(True)

    def accept(self) -> None:
        if self._writing:
            return
        try:
            op = self.operation()
            if op is None:
                self.result_value = self.save()
        except DomainError as exc:
            self.refused(exc)
            return
        if op is None:
            super().accept()
            return
        self._writing = True
        # The buttons only: a scan typed into the form meanwhile must still reach it (keys/scan.py).
        self.write_task = run_op(self, self._database(), op, what=self.announces, on_success=self._written,
                                 on_failure=self._not_written, busy=[self.buttons])

    def _database(self) -> Any:
        """The dialog's database: `db`, or `_db` in the dialogs written before the runner."""
        return getattr(self, "db", None) or getattr(self, "_db", None)

    def _written(self, result: Any) -> None:
        self._writing = False
        self.result_value = result
        super().accept()

    def _not_written(self, exc: BaseException) -> None:
        self._writing = False
        if isinstance(exc, DomainError):
            self.refused(exc)
        else:
            show_error(exc, self)

    def reject(self) -> None:
        if not self._writing:  # the write is on its way: its outcome decides whether the dialog closes
            super().reject()

    def is_writing(self) -> bool:
        return self._writing

    def ok(self) -> None:
        """Press OK (tests and keyboard users alike)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def date_edit(parent: QWidget, value: dt.date | None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumWidth(130)
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a date needs no more width
    edit.setDate(qdate(value) if value else QDate.currentDate())
    return edit


class OptionalDate(QWidget):
    """A date that may not be known yet: a check box switches the date edit on."""

    def __init__(self, value: dt.date | None, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = date_edit(self, value)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1, Qt.AlignmentFlag.AlignLeft)

    def value(self) -> dt.date | None:
        return py_date(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))
