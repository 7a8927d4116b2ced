"""操作日志 (administrators): the audit log filtered by user, table, dates and text in SQL, paged as it
scrolls, and exported to Excel in the background."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import audit_view
from models.audit_view import ALL_SCOPE, AUDIT
from models.db import Database

from .. import file_dialogs, tasks
from ..dates import py_date
from ..errors import show_error
from ..table_model import BrowseModel
from ..widgets.screen_fit import fit_to_screen
from ..widgets.tables import record_table
from .base_dialog import date_edit

DEFAULT_DAYS = 30  # the viewer opens on the last month; the dates go back as far as the log does
FILTER_DELAY_MS = 200
WIDTHS = {"at": 132, "username": 90, "action": 76, "table": 110, "record_id": 64}


class AuditLogDialog(QDialog):
    """Opening it refuses (AuthError) anyone but an administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("操作日志"))
        choices = audit_view.choices(db)  # AuthError for a non-administrator
        today = today or dt.date.today()
        self.user_combo = self._combo(self.tr("全部用户"), choices.users)
        self.table_combo = self._combo(self.tr("全部数据表"), choices.tables)
        self.from_edit = date_edit(self, today - dt.timedelta(days=DEFAULT_DAYS))
        self.to_edit = date_edit(self, today)
        self.search_edit = QLineEdit(self, clearButtonEnabled=True)
        self.search_edit.setPlaceholderText(self.tr("在内容中查找（如房号、姓名）"))
        self.count_label = QLabel(self)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.model = BrowseModel(db, AUDIT, self)
        self.table = self._table()
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._layout()
        self._wire()
        self.model.set_filters(self.filters(), refresh=False)
        self.model.set_scope(ALL_SCOPE)
        fit_to_screen(self, 1100, 640)

    # ---- building ----------------------------------------------------------------------------

    def _combo(self, everything: str, items: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for value, caption in items:
            combo.addItem(caption, value)
        combo.setMinimumContentsLength(12)  # a long name must not push the dates off a small screen
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _table(self) -> QTableView:
        table = record_table(self, self.model)
        header = table.horizontalHeader()
        for i, column in enumerate(AUDIT.columns):
            if column.key in WIDTHS:
                header.resizeSection(i, WIDTHS[column.key])
        header.setStretchLastSection(True)  # 内容
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in ((self.tr("用户："), self.user_combo), (self.tr("数据表："), self.table_combo),
                              (self.tr("日期："), self.from_edit), (self.tr("至"), self.to_edit)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(QLabel(self.tr("查找："), self))
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.count_label)
        search.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)

    def _wire(self) -> None:
        for combo in (self.user_combo, self.table_combo):
            combo.currentIndexChanged.connect(self.on_filters_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.on_filters_changed)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self._debounce.timeout.connect(lambda: self.model.set_filter(self.search_edit.text()))
        self.export_button.clicked.connect(self.on_export_clicked)
        self.model.loading_started.connect(lambda: self.count_label.setText(self.tr("加载中…")))
        self.model.counted.connect(lambda n: self.count_label.setText(self.tr("共 {n} 条").format(n=n)))
        self.model.failed.connect(lambda exc: show_error(exc, self))

    # ---- filters -----------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {"username": self.user_combo.currentData() or "", "table": self.table_combo.currentData() or "",
                "from": _date(self.from_edit.date()), "to": _date(self.to_edit.date())}

    def on_filters_changed(self, *_: Any) -> None:
        self.model.set_filters(self.filters())

    # ---- export ------------------------------------------------------------------------------

    def on_export_clicked(self) -> None:
        name = self.tr("操作日志_{day}.xlsx").format(day=dt.date.today().isoformat())
        path, _ = file_dialogs.get_save_file_name(self, self.tr("导出操作日志"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> tasks.Task:
        """What the table shows now (every matching row, not just the loaded pages) → out, in a worker."""
        from reports.excel.audit_export import export_audit

        text, filters = self.model.filter_text, self.filters()
        return tasks.run_with_progress(
            self, self.tr("正在导出操作日志…"),
            lambda progress: export_audit(self.db, out, text, filters, progress),
            lambda rows: self.on_export_finished(out, rows), lambda exc: show_error(exc, self))

    def on_export_finished(self, out: Path, rows: int) -> None:
        self.count_label.setText(self.tr("已导出 {rows} 条到 {path}").format(rows=rows, path=out.name))


def _date(value: QDate) -> dt.date:
    return py_date(value)
