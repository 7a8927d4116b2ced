"""遗留问题 tab: the defect register — filters, 今日待办, the selected defect's detail and its lifecycle."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout

from models.base import now as wall_clock
from models.browse import Scope, TableSpec
from models.db import Database
from models.defect import DefectCategory, DefectStatus, Responsible, Severity
from models.errors import DomainError
from models.services import defect_register as reg
from models.services.defect_rows import DefectDetail, DueRow
from models.services.locations import unit_choices

from ... import tasks
from ...dialogs.deadline_settings import DeadlineSettingsDialog
from ...errors import show_error
from ...table_model import FOREGROUND, BrowseModel, Index, RecordIdRole
from ...widgets.photo_strip import PhotoViewer
from ...widgets.screen_fit import scrolling_form
from ..browse_tab import BrowseTab
from . import actions
from .dialogs import DefectDialog, NoteDialog
from .panels import DetailPane, DuePanel

LATE = QColor("#b3261e")


class DefectsModel(BrowseModel):
    """The register's rows: 逾期天数 blank when not late, late rows in red."""

    def __init__(self, db: Database, spec: TableSpec, parent: Any = None, background: bool = True) -> None:
        super().__init__(db, spec, parent, background)
        self._late_col = spec.column_index("overdue_days")  # looked up once: data() runs for every cell

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FOREGROUND:
            r = index.row()  # -1 for an invalid index
            return LATE if 0 <= r < len(self._rows) and (self._rows[r][self._late_col] or 0) > 0 else None
        return super().data(index, role)

    def format_row(self, row: tuple[Any, ...]) -> tuple[str, ...]:
        days = row[self._late_col] or 0
        texts = super().format_row(row)
        return (*texts[:self._late_col], str(days) if days > 0 else "", *texts[self._late_col + 1:])


class DefectsTab(BrowseTab):
    TABLE = "defects"
    MODEL = DefectsModel
    WIDTHS = {"number": 100, "location": 104, "category": 72, "description": 300, "severity": 64,
              "responsible": 64, "found_at": 120, "deadline": 86, "status": 64, "overdue_days": 64}
    STRETCH = "description"

    # The clock every rule reads; tests replace it to pass time.
    now: Callable[[], dt.datetime] = staticmethod(wall_clock)

    data_edited = Signal(str)   # this tab changed records ("defects"): the overview reloads
    due_loaded = Signal()       # 今日待办 of the current scope is shown

    def placeholder(self) -> str:
        return self.tr("按编号、位置、描述筛选，回车转到表格")

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.detail: DefectDetail | None = None
        self.current_id: int | None = None
        self._units: list[tuple[int, str]] | None = None
        self._due_gen, self._due_loading, self._own_change = 0, False, False
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.placeholder())
        self.loading_label = QLabel(self.tr("加载中…"), self)
        self.loading_label.setVisible(False)
        self.count_label = QLabel(self)
        self.table = self._make_table()
        self.due_panel, self.detail_pane = DuePanel(self), DetailPane(self)
        self.acts = actions.build(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._filter_row())
        layout.addWidget(actions.toolbar(self))
        layout.addWidget(self._splitter(), 1)
        self.setFocusProxy(self.filter_edit)

    def _filter_row(self) -> QHBoxLayout:
        self.status_combo = self._filter_combo(self.tr("全部状态"), [(s.label, s.value) for s in DefectStatus])
        self.category_combo = self._filter_combo(self.tr("全部类别"), [(c.label, c.value) for c in DefectCategory])
        self.severity_combo = self._filter_combo(self.tr("全部程度"), [(s.label, s.value) for s in Severity])
        self.party_combo = self._filter_combo(self.tr("全部责任方"), [(p.label, p.value) for p in Responsible])
        self.overdue_check = QCheckBox(self.tr("只看逾期"), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("筛选："), self))
        # The typed filter keeps room for a defect number or a word; the combos give way first.
        self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().averageCharWidth() * 16 + 24)
        row.addWidget(self.filter_edit, 1)
        for combo in (self.status_combo, self.category_combo, self.severity_combo, self.party_combo):
            row.addWidget(combo)
        row.addWidget(self.overdue_check)
        row.addWidget(self.loading_label)
        row.addWidget(self.count_label)
        return row

    def _filter_combo(self, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
        """(shown text, filter value) choices after "everything"."""
        combo = QComboBox(self)
        # Its longest choice where the row has room, a short one at the least: the English categories
        # would otherwise hold the window wider than a small screen.
        combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 8 + 24)
        combo.addItem(everything, "")
        for text, value in choices:
            combo.addItem(text, value)
        return combo

    def _splitter(self) -> QSplitter:
        due_box, detail_box = QGroupBox(self.tr("今日待办"), self), QGroupBox(self.tr("详情与记录"), self)
        QVBoxLayout(due_box).addWidget(self.due_panel)
        detail_scroll = scrolling_form(self.detail_pane, detail_box)  # a short screen scrolls the detail
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setMinimumHeight(self.fontMetrics().height() * 3)
        QVBoxLayout(detail_box).addWidget(detail_scroll)
        for box in (due_box, detail_box):
            box_layout = box.layout()
            assert box_layout is not None  # laid out just above
            box_layout.setContentsMargins(2, 2, 2, 2)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(due_box)
        right.addWidget(detail_box)
        right.setStretchFactor(1, 1)
        right.setSizes([300, 300])  # 今日待办 about 6 rows at 125 %, never fewer than its DUE_ROWS
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([930, 420])
        return self.splitter

    def _wire(self) -> None:
        super()._wire()
        for combo in (self.status_combo, self.category_combo, self.severity_combo, self.party_combo):
            combo.currentIndexChanged.connect(lambda _i: self.on_filters_changed())
        self.overdue_check.toggled.connect(lambda _on: self.on_filters_changed())
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.table.doubleClicked.connect(lambda _index: self.on_edit_triggered())
        self.due_panel.defect_picked.connect(self.show_defect)
        self.detail_pane.photo_opened.connect(self.on_photo_opened)
        actions.update(self)

    # ---- scope, filters and loading ----------------------------------------------------------

    def scope(self) -> Scope | None:
        return self._scope

    def filters(self) -> dict[str, Any]:
        """The combos and the check box, with today's date by the tab's clock (逾期天数, 只看逾期)."""
        out: dict[str, Any] = {"today": self.now().date(), "overdue": self.overdue_check.isChecked()}
        for key, combo in (("status", self.status_combo), ("category", self.category_combo),
                           ("severity", self.severity_combo), ("responsible", self.party_combo)):
            out[key] = combo.currentData()
        return out

    def set_scope(self, scope: Scope | None) -> None:
        if scope != self._scope:
            self._units, self.current_id, self.detail = None, None, None
        super().set_scope(scope)

    def reload(self) -> None:
        if self._own_change:
            return
        self.model.set_filters(self.filters(), refresh=False)
        super().reload()
        if self.isVisible():
            self.load_due()
            self.load_detail()

    def is_loaded(self) -> bool:
        return super().is_loaded() and not self._due_loading

    def on_filters_changed(self) -> None:
        self.model.set_filters(self.filters())

    def load_due(self) -> None:
        """今日待办 in a worker: on the large demo it reads every open defect."""
        self._due_gen += 1
        gen, scope, db, when = self._due_gen, self._scope, self.db, self.now()
        if scope is None:
            self.on_due_loaded(gen, [])
            return
        self._due_loading = True
        self.due_panel.show_loading()
        tasks.start(lambda progress: reg.due_list(db, scope.project_id, scope.handover_id, when, progress),
                    lambda due: self.on_due_loaded(gen, due), lambda exc: self.on_due_failed(gen, exc))

    def on_due_loaded(self, gen: int, due: list[DueRow]) -> None:
        if gen != self._due_gen:
            return
        self._due_loading = False
        self.due_panel.show_due(due)
        self.due_loaded.emit()
        self._maybe_done()

    def on_due_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._due_gen:
            self._due_loading = False
            self.due_panel.status_label.setText("")
            show_error(exc, self)
            self.due_loaded.emit()

    # ---- the selected defect -----------------------------------------------------------------

    def on_current_row_changed(self, current: Index, _previous: Index) -> None:
        if current.isValid():
            self.show_defect(current.data(RecordIdRole))

    def show_defect(self, defect_id: int | None) -> None:
        self.current_id = defect_id
        self.load_detail()

    def load_detail(self) -> None:
        try:
            self.detail = reg.defect_detail(self.db, self.current_id, self.now()) if self.current_id else None
        except DomainError as exc:  # removed meanwhile, or another project
            self.detail = None
            show_error(exc, self)
        self.detail_pane.show_detail(self.detail, self._where(self.detail))
        actions.update(self)

    def _where(self, detail: DefectDetail | None) -> str:
        if detail is None or detail.defect.location or detail.defect.unit_id is None:
            return ""
        return dict(self.units()).get(detail.defect.unit_id, "")

    def on_photo_opened(self, photo_id: int) -> None:
        PhotoViewer(reg.photo_data(self.db, photo_id), self.tr("照片"), self).exec()

    def _changed(self, defect_id: int) -> None:
        """After a save: the table, 今日待办 and the detail again, then tell the other tabs."""
        self.current_id = defect_id
        self.model.set_filters(self.filters(), refresh=False)
        self.model.refresh()
        self.load_due()
        self.load_detail()
        self._own_change = True
        try:
            self.data_edited.emit("defects")
        finally:
            self._own_change = False

    # ---- actions -----------------------------------------------------------------------------

    def units(self) -> list[tuple[int, str]]:
        if self._units is None:
            self._units = unit_choices(self.db, self._scope.project_id) if self._scope else []
        return self._units

    def on_new_triggered(self) -> None:
        if self._scope is None:
            return
        dialog = DefectDialog(self.db, self._scope.project_id, self._scope.handover_id, self.units(),
                              self.now(), parent=self)
        if dialog.exec():
            self._changed(dialog.result_value.id)

    def on_edit_triggered(self) -> None:
        if self.detail is None or self._scope is None or not self.acts.edit.isEnabled():
            return
        dialog = DefectDialog(self.db, self._scope.project_id, self._scope.handover_id, self.units(),
                              self.now(), self.detail.defect, self.detail.photos, self)
        if dialog.exec():
            self._changed(dialog.result_value.id)

    def on_deadline_settings_triggered(self) -> None:
        """The office's 整改期限 table; it sets the default deadline of defects registered from now on."""
        if not self.acts.deadline_settings.isEnabled():
            return
        dialog = DeadlineSettingsDialog(self.db, self)
        if dialog.exec():
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("整改期限已保存，新登记的问题按新期限计算"), 10000)

    def _step(self, title: str, prompt: str, act: Callable[..., Any], required: bool = False,
              choices: list[tuple[str, str]] | None = None) -> None:
        """One lifecycle step through a note dialog; the service refuses what the rules forbid."""
        if self.detail is None:
            return
        dialog = NoteDialog(f"{title} — {self.detail.defect.number}", prompt, act, required, self, choices)
        if dialog.exec():
            self._changed(self.detail.defect.id)

    def on_notice_triggered(self) -> None:
        d = self.detail.defect if self.detail else None
        if d is None:  # nothing selected: no dialog to open
            return
        self._step(self.tr("发出整改通知"), self.tr("备注（送达方式、签收人）"),
                   lambda note: reg.issue_notice(self.db, d.id, d.version, at=self.now(), note=note))

    def on_submit_triggered(self) -> None:
        d = self.detail.defect if self.detail else None
        if d is None:  # nothing selected: no dialog to open
            return
        self._step(self.tr("提交复验"), self.tr("整改情况"),
                   lambda note: reg.submit_rectified(self.db, d.id, d.version, at=self.now(), note=note))

    def on_reinspect_triggered(self, passed: bool) -> None:
        d = self.detail.defect if self.detail else None
        if d is None:  # nothing selected: no dialog to open
            return
        title = self.tr("复验通过") if passed else self.tr("复验不合格")
        prompt = self.tr("复验意见（复验覆盖整套房屋或整个项目）") if passed else self.tr("不合格原因")
        self._step(title, prompt, lambda note: reg.reinspect(self.db, d.id, d.version, passed=passed,
                                                             at=self.now(), note=note), required=not passed)

    def on_unfixable_triggered(self) -> None:
        d = self.detail.defect if self.detail else None
        if d is None:  # nothing selected: no dialog to open
            return
        self._step(self.tr("无法整改"), self.tr("书面报告"),
                   lambda note: reg.declare_unfixable(self.db, d.id, d.version, report=note, at=self.now()),
                   required=True)

    def on_log_action_triggered(self) -> None:
        d = self.detail.defect if self.detail else None
        choices = actions.loggable(self.detail)
        if d is None or not choices:
            return
        self._step(self.tr("记录已催办/已上报"), self.tr("说明（发给谁、如何告知）"),
                   lambda kind, note: reg.log_action(self.db, d.id, kind, at=self.now(), note=note),
                   choices=choices)
