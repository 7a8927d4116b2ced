"""抄表底数: every meter of the handover (52,000 on the large demo, read in the worker), filtered as
you type, corrected in place until the settlement is signed, and 新增表具…."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.browse import Scope
from models.db import Database
from models.errors import DomainError, StaleRecordError
from models.fees import MeterKind
from models.labels import word
from models.services import meters
from models.services.locations import unit_choices
from models.services.meters import MeterRow

from ... import tasks
from ...errors import show_error
from ..browse_tab import FILTER_DELAY_MS
from .meter_dialog import AddMeterDialog
from .meters_model import MetersModel
from .meters_view import meters_view
from .records_model import ShownProxy


class MetersPanel(QWidget):
    """Loads when shown (and after a change); one save per edited cell."""

    changed = Signal()  # a reading was corrected or a meter added here
    loaded = Signal()   # the rows of the current handover are in

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.dialog: AddMeterDialog | None = None
        self._scope: Scope | None = None
        self._dirty = True
        self._loading = False
        self._gen = 0
        self._read_only = False
        self._build()

    def _build(self) -> None:
        self.model = MetersModel(self.db, self)
        self.proxy = ShownProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = meters_view(self.proxy, self)
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.tr("按表号、房号、位置筛选，回车转到表格"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("全部表具"), "")
        for kind in meters.KINDS:
            self.kind_combo.addItem(word(meters.METER_NAMES[kind]), kind.value)
        self.loading_label = QLabel(self.tr("加载中…"), self)
        self.loading_label.setVisible(False)
        self.count_label, self.hint_label = QLabel(self), QLabel(self)
        self.add_button = QPushButton(self.tr("新增表具…"), self)
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("筛选："), self))
        for widget, stretch in ((self.filter_edit, 1), (self.kind_combo, 0), (self.loading_label, 0),
                                (self.count_label, 0), (self.add_button, 0)):
            top.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter_edit)
        self._wire()

    def _wire(self) -> None:
        self.filter_edit.textEdited.connect(lambda _t: self._debounce.start())
        self.filter_edit.returnPressed.connect(self.on_filter_return_pressed)
        self._debounce.timeout.connect(self.on_filter_settled)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.on_filter_settled())
        self.add_button.clicked.connect(self.on_add_clicked)
        self.model.meter_saved.connect(lambda _row: self.changed.emit())
        self.model.edit_refused.connect(self.on_cell_edit_refused)
        self.update_actions()

    # ---- scope and loading -------------------------------------------------------------------

    def handover_id(self) -> int | None:
        return self._scope.handover_id if self._scope else None

    def set_scope(self, scope: Scope | None) -> None:
        if scope != self._scope:
            self.model.set_records([])
        self._scope = scope
        self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.update_actions()

    def reload(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.load()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def is_loaded(self) -> bool:
        return not self._dirty and not self._loading

    def load(self) -> None:
        self._gen += 1
        gen, handover_id, db = self._gen, self.handover_id(), self.db
        if handover_id is None:
            self.on_rows_loaded(gen, [])
            return
        self._loading = True
        self.loading_label.setVisible(True)
        tasks.start(lambda _p: meters.meter_rows(db, handover_id), lambda rows: self.on_rows_loaded(gen, rows),
                    lambda exc: self.on_load_failed(gen, exc))

    def on_rows_loaded(self, gen: int, rows: list[MeterRow]) -> None:
        if gen != self._gen:
            return
        self._loading = False
        self.loading_label.setVisible(False)
        self.model.set_records(rows)
        self._show_count()
        self.update_actions()
        self.loaded.emit()

    def on_load_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._loading = False
            self.loading_label.setVisible(False)
            show_error(exc, self)
            self.loaded.emit()

    def update_actions(self) -> None:
        editable = not self._read_only and self.handover_id() is not None
        self.model.set_editable(editable)
        self.table.set_editable(editable)
        self.add_button.setEnabled(editable)
        if self.handover_id() is None:
            hint = self.tr("请先在工具栏选择交接。")
        elif self._read_only:
            hint = self.tr("财务结算已签署：抄表底数只读。")
        else:
            hint = self.tr("双击或直接输入修改上次读数、上次抄表日、本次读数、抄表日；回车保存并转到下一行。")
        self.hint_label.setText(hint)

    # ---- filtering ---------------------------------------------------------------------------

    def on_filter_settled(self) -> None:
        self._debounce.stop()
        code = self.kind_combo.currentData()  # "" for 全部表具
        kind = MeterKind(code) if code else None
        self.proxy.set_filter_text(self.filter_edit.text(), (lambda m: m.kind is kind) if kind else None)
        self._show_count()

    def on_filter_return_pressed(self) -> None:
        self.on_filter_settled()
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 5))  # 本次读数: the cell most often corrected

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total
        self.count_label.setText(self.tr("共 {n} 个表具").format(n=f"{total:,}") if shown == total else
                                 self.tr("筛选出 {m} 个 / 共 {n} 个").format(m=f"{shown:,}", n=f"{total:,}"))

    # ---- edits -------------------------------------------------------------------------------

    def on_cell_edit_refused(self, exc: DomainError, row: int, column: int, text: str) -> None:
        # Shown once the editor has closed, not inside setData; the cell keeps the stored value and
        # opens again with the clerk's text to correct.
        record = self.model.record(row)
        meter_id = record.id if record is not None else None
        QTimer.singleShot(0, self, lambda: self.on_edit_refused(exc, meter_id, column, text))

    def on_edit_refused(self, exc: DomainError, meter_id: int | None = None, column: int = -1,
                        text: str = "") -> None:
        show_error(exc, self)
        if isinstance(exc, StaleRecordError):
            self.load()  # someone else saved: show what is stored now (the new rows come later)
            return
        if meter_id is not None and self.model.editable:
            index = self.proxy.mapFromSource(self.model.index(self._row_of(meter_id), column))
            self.table.retry_cell(index, text)

    def _row_of(self, meter_id: int) -> int:
        return next((r for r in range(self.model.rowCount()) if self.model.record(r).id == meter_id), -1)

    def on_add_clicked(self) -> None:
        handover_id, project_id = self.handover_id(), self._scope.project_id if self._scope else None
        if handover_id is None or project_id is None:
            return
        db = self.db
        tasks.run_with_progress(self, self.tr("正在读取房屋…"), lambda _p: unit_choices(db, project_id),
                                self.on_units_read, lambda exc: show_error(exc, self))

    def on_units_read(self, units: list[tuple[int, str]]) -> None:
        handover_id = self.handover_id()
        if handover_id is None:
            return
        first = next(iter(self.model.records()), None)  # the first of all, whatever the filter shows
        read_on = first.read_on if first is not None else dt.date.today()  # usually the cut-off
        self.dialog = AddMeterDialog(self.db, handover_id, units, read_on, self)
        self.dialog.accepted.connect(self.on_meter_added)
        self.dialog.open()

    def on_meter_added(self) -> None:
        saved: Any = self.dialog.result_value if self.dialog else None
        if saved is None:
            return
        row = self.model.add_row(saved)
        self._show_count()
        index = self.proxy.mapFromSource(self.model.index(row, 5))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        self.changed.emit()
