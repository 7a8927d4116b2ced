"""费用对账 tab: import the outgoing company's ledger, reconcile it against ours, decide every
difference, agree the meter readings, see the results and sign the settlement.

The toolbar and a status line (settlement revision, open differences, when the results were last
computed) sit above four inner tabs: 台账, 对账差异, 抄表底数, 结果. Once the settlement is signed
everything is read-only (banner) except printing, exporting and a supervisor's 修订结算.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.browse import Scope
from models.db import Database
from models.services.fee_rows import FeeResults
from models.services.fee_state import FeesState, fees_state
from models.services.reconcile import ReconcileReport

from ... import tasks
from ...errors import show_error
from ..browse_tab import BrowseTab, ExportQuery
from . import actions
from .common import BANNER_STYLE, inform
from .differences_panel import DifferencesPanel
from .ledger_panel import LedgerPanel
from .meters_panel import MetersPanel
from .results_panel import ResultsPanel
from .settlement_dialogs import AmendDialog, SignDialog

SUBTABS = ("ledger", "differences", "meters", "results")


class FeesTab(QWidget):
    """Holds the scope and the settlement state; the panels show and edit, services decide."""

    SUBTABS = SUBTABS  # `main.py shot --subtab` picks one

    data_edited = Signal(str)  # this tab changed records ("fees"): the overview and others reload
    state_loaded = Signal()    # the status line shows the current handover's state

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.state: FeesState | None = None
        self.task: tasks.Task | None = None    # 对账 while it runs
        self.dialog: Any = None                # the open dialog (tests reach it here)
        self.message_box: Any = None           # the last information box
        self._scope: Scope | None = None
        self._dirty = False
        self._own_change = False
        self._state_gen = 0
        self._state_loading = False
        self._build()
        self._wire()

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.acts = actions.build(self)
        self.status_label = QLabel(self)
        self.banner = QLabel(self, wordWrap=True)
        self.banner.setVisible(False)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.ledger, self.differences = LedgerPanel(self.db, self), DifferencesPanel(self.db, self)
        self.meters, self.results = MetersPanel(self.db, self), ResultsPanel(self.db, self)
        self.inner = QTabWidget(self)
        for panel, title in ((self.ledger, self.tr("台账")), (self.differences, self.tr("对账差异")),
                             (self.meters, self.tr("抄表底数")), (self.results, self.tr("结果"))):
            self.inner.addTab(panel, title)
        bar = actions.toolbar(self)
        bar.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.inner, 1)
        self.setFocusProxy(self.ledger)

    def _wire(self) -> None:
        self.inner.currentChanged.connect(self.on_subtab_changed)
        self.differences.decided.connect(lambda: self.after_change(ledger=False, differences=False))
        self.meters.changed.connect(lambda: self.after_change(ledger=False, differences=False, meters=False))
        self.results.changed.connect(lambda: self.after_change(ledger=False, differences=False, meters=False))
        self.results.computed.connect(self.on_results_computed)
        actions.update(self)

    # ---- what the main window calls ----------------------------------------------------------

    def set_scope(self, scope: Scope | None) -> None:
        """A new project/handover: every panel, and the state line now if shown."""
        self._scope = scope
        self.state = None
        for panel in (self.ledger, self.differences, self.meters, self.results):
            panel.set_scope(scope)
        self.load_state()

    def reload(self) -> None:
        """Another tab changed records (or the clerk switched back): lists again; results stay."""
        if self._own_change:
            return
        for panel in (self.ledger, self.differences, self.meters):
            panel.reload()
        self.load_state()

    def is_loaded(self) -> bool:
        panel = self.inner.currentWidget()
        assert isinstance(panel, LedgerPanel | DifferencesPanel | MetersPanel | ResultsPanel)  # the four tabs
        return not self._dirty and not self._state_loading and panel.is_loaded()

    def handover_id(self) -> int | None:
        return self._scope.handover_id if self._scope else None

    def project_id(self) -> int | None:
        return self._scope.project_id if self._scope else None

    def show_subtab(self, key: str) -> None:
        """台账, 对账差异, 抄表底数 or 结果 (by key: ledger, differences, meters, results)."""
        self.inner.setCurrentIndex(SUBTABS.index(key))

    def export_query(self) -> ExportQuery | None:
        """What 导出当前表格 exports: the ledger or the differences as filtered; None elsewhere."""
        panel = self.inner.currentWidget()
        return panel.export_query() if isinstance(panel, BrowseTab) else None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.load_state()

    # ---- the state line and the banner -------------------------------------------------------

    def load_state(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self._state_gen += 1
        gen, handover_id, db = self._state_gen, self.handover_id(), self.db
        if handover_id is None:
            self.on_state_loaded(gen, None)
            return
        self._state_loading = True
        tasks.start(lambda _p: fees_state(db, handover_id), lambda state: self.on_state_loaded(gen, state),
                    lambda exc: self.on_state_failed(gen, exc))

    def on_state_loaded(self, gen: int, state: FeesState | None) -> None:
        if gen != self._state_gen:
            return
        self._state_loading = False
        self.state = state
        self.status_label.setText(self._status_text(state))
        self._show_banner(state)
        read_only = state is None or not state.can_change
        for panel in (self.differences, self.meters, self.results):
            panel.set_read_only(read_only)
        self.differences.set_fee_items(state.fee_items if state else [])
        actions.update(self)
        self.state_loaded.emit()

    def on_state_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._state_gen:
            self._state_loading = False
            show_error(exc, self)
            self.state_loaded.emit()

    def _status_text(self, state: FeesState | None) -> str:
        if state is None:
            return self.tr("　请先在工具栏选择交接。")
        settlement = self.tr("结算：未签署") if state.settlement is None else self.tr("结算：{status}（第 {n} 版）").format(
            status=state.settlement.status.label, n=state.revision)
        computed = state.computed_at.strftime("%Y-%m-%d %H:%M") if state.computed_at else self.tr("尚未计算")
        return self.tr("　{settlement}　｜　差异：待处理 {open} / 共 {total}　｜　结果：{computed}").format(
            settlement=settlement, open=f"{state.differences_open:,}", total=f"{state.differences_total:,}",
            computed=computed)

    def _show_banner(self, state: FeesState | None) -> None:
        signed = state is not None and state.is_signed
        if state is not None and signed:
            self.banner.setText(self.tr("财务结算已签署（第 {n} 版）：只读；如需更改请由主管修订").format(n=state.revision))
        self.banner.setVisible(signed)

    # ---- after a change made here ------------------------------------------------------------

    def after_change(self, ledger: bool = True, differences: bool = True, meters: bool = True) -> None:
        """Reload what the change touched, mark the results out of date, and tell the other tabs."""
        if ledger:
            self.ledger.reload()
        if differences:
            self.differences.reload()
        if meters:
            self.meters.reload()
        self.results.mark_stale()
        self.load_state()
        self._tell_others()

    def _tell_others(self) -> None:
        self._own_change = True
        try:
            self.data_edited.emit("fees")
        finally:
            self._own_change = False

    def inform(self, text: str) -> None:
        self.message_box = inform(self, text)

    def open_dialog(self, dialog: Any) -> None:
        """Window-modal, not exec(): the tab behind keeps refreshing; tests reach it as tab.dialog."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    # ---- slots -------------------------------------------------------------------------------

    def on_subtab_changed(self, _index: int) -> None:
        self.setFocusProxy(self.inner.currentWidget())

    def on_reconciled(self, report: ReconcileReport) -> None:
        self.task = None
        self.inform(report.summary())
        self.after_change(ledger=False, meters=False)

    def on_task_failed(self, exc: BaseException) -> None:
        self.task = None
        actions.update(self)
        show_error(exc, self)

    def on_task_cancelled(self) -> None:
        self.task = None
        actions.update(self)

    def on_ledger_imported(self, _report: object) -> None:
        self.after_change(meters=False)
        self.inform(self.tr("原物业台账已导入。请点击“对账”核对双方台账。"))

    def on_compute_triggered(self) -> None:
        if self.inner.currentWidget() is self.results:
            self.results.compute()
        else:
            self.results.mark_stale()
            self.show_subtab("results")  # shown and out of date: it computes

    def on_results_computed(self, _results: FeeResults) -> None:
        self.load_state()  # 结果计算于 …
        self._tell_others()  # the overview charts the new per-building summary

    def on_sign_triggered(self) -> None:
        handover_id = self.handover_id()
        if handover_id is None:
            return
        dialog = SignDialog(self.db, handover_id, self.results.results, self)
        dialog.accepted.connect(self.on_signed)
        self.open_dialog(dialog)

    def on_signed(self) -> None:
        row = self.dialog.result_value if self.dialog else None
        self.after_change(ledger=False)
        if row is not None:
            self.inform(self.tr("财务结算第 {n} 版已签署。").format(n=row.revision))

    def on_amend_triggered(self) -> None:
        handover_id, state = self.handover_id(), self.state
        if handover_id is None or state is None or not state.is_signed:
            return
        dialog = AmendDialog(self.db, handover_id, state.revision, self)
        dialog.accepted.connect(lambda: self.after_change(ledger=False))
        self.open_dialog(dialog)
