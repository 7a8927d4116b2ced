"""结果: the settlement beside the tables it comes from (欠费明细, 预收款, 押金, 代收代缴, 收缴率, 抄表费用).

The results are computed from the whole ledger (seconds on the large demo), so they are computed in
the worker when the panel is shown and out of date, or when the clerk asks; never on a timer. The
worker hands back the results kept from the last computation when nothing they read has changed
since (models.services.results_store), so showing the tab again costs filling the tables.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QWidget

from models.browse import Scope
from models.db import Database
from models.errors import DomainError
from models.fees import DepositAction
from models.services.fee_results import kept_or_computed, set_deposit_action
from models.services.fee_rows import DepositLine, FeeResults

from ... import tasks
from ...errors import show_error
from ...ops import run_op
from . import result_columns as cols
from .exit_prints import ExitPrints
from .records_page import RecordsPage
from .settlement_box import SettlementBox, money
from .settlement_dialogs import RefundDialog


class ResultsPanel(QWidget):
    """Shows one FeeResults; `mark_stale()` after anything that changes them."""

    computed = Signal(object)  # the FeeResults just computed (not when the kept ones, unchanged, came back)
    changed = Signal()         # a deposit's disposition was changed here

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.results: FeeResults | None = None
        self.task: tasks.Task | None = None
        self.dialog: RefundDialog | None = None
        self._scope: Scope | None = None
        self._stale = True
        self._read_only = False
        self._gen = 0
        self._fills: list[tuple[RecordsPage, tuple, str]] = []  # tables still to fill with the results
        self._build()

    def _build(self) -> None:
        self.box = SettlementBox(self)
        self.pages = QTabWidget(self)
        # Tables that end in amounts keep them together (no stretched column); text ends stretch.
        self.arrears = self._page(self.tr("欠费明细"), cols.arrears(), stretch=None)
        self.prepayments = self._page(self.tr("预收款"), cols.prepayments(), stretch=None)
        self.deposits = self._page(self.tr("押金"), cols.deposits(), stretch=7)
        self.for_others = self._page(self.tr("代收代缴"), cols.for_others(), stretch=None)
        self.rates = self._page(self.tr("收缴率"), cols.rates(), stretch=None)
        self.meters = self._page(self.tr("抄表费用"), cols.meters())
        self.refund_button = QPushButton(self.tr("改为退还业主…"), self)
        self.hand_over_button = QPushButton(self.tr("改为移交"), self)
        self.refund_button.clicked.connect(self.on_refund_clicked)
        self.hand_over_button.clicked.connect(self.on_hand_over_clicked)
        self.deposits.buttons.addWidget(self.refund_button)
        self.deposits.buttons.addWidget(self.hand_over_button)
        self.deposits.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        self.exit_prints = ExitPrints(self)  # 告业主书 and the owners' 确认单 at an exit
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.box)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 930])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.update_actions()

    def _page(self, title: str, columns: tuple, stretch: int | None = -1) -> RecordsPage:
        page = RecordsPage(columns, self, stretch)
        self.pages.addTab(page, title)
        return page

    # ---- scope, staleness, computing ---------------------------------------------------------

    def set_scope(self, scope: Scope | None) -> None:
        if scope != self._scope:
            self._scope = scope
            self._show(None)
        self.mark_stale()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.update_actions()

    def mark_stale(self) -> None:
        """The results no longer match the data: computed again now if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self.compute()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.compute()

    def is_loaded(self) -> bool:
        return self.task is None and not self._fills and not (self._stale and self.isVisible())

    def compute(self) -> None:
        """fee_results in the worker, with progress and cancel; a newer computation supersedes."""
        handover_id = self._scope.handover_id if self._scope else None
        self._gen += 1
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._stale = False
        if handover_id is None:
            self._show(None, self.tr("请先在工具栏选择交接。"))
            return
        db, gen = self.db, self._gen
        self.task = tasks.run_with_progress(self, self.tr("正在计算对账结果…"),
                                            lambda progress: kept_or_computed(db, handover_id, progress),
                                            lambda done: self.on_computed(gen, *done),
                                            lambda exc: self.on_compute_failed(gen, exc))
        self.task.cancelled.connect(lambda: self.on_compute_cancelled(gen))

    def on_computed(self, gen: int, results: FeeResults, fresh: bool = True) -> None:
        if gen != self._gen:
            return
        self.task = None
        if results is not self.results or self._fills:
            self._show(results)
        else:  # the kept results this panel shows already: the tables stay as they are
            self.box.show_results(results, "")
            self.update_actions()
        if fresh:  # kept ones changed nothing: no summary saved, nothing for the other tabs to reload
            self.computed.emit(results)

    def on_compute_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.task = None
        self._show(None, str(exc) if isinstance(exc, DomainError) else "")
        show_error(exc, self)

    def on_compute_cancelled(self, gen: int) -> None:
        if gen != self._gen:
            return
        self.task, self._stale = None, True
        self._show(self.results, self.tr("计算已取消：点击“计算结果”重新计算。"))

    # ---- showing -----------------------------------------------------------------------------

    def _show(self, results: FeeResults | None, hint: str = "") -> None:
        """The settlement now; the tables one per turn of the event loop, so filling 100,000
        arrears lines and 35,000 meter charges never holds the window for long at once."""
        self.results = results
        self.box.show_results(results, hint)
        r = results
        self._fills = [
            (self.arrears, r.arrears if r else (), self._total(self.tr("欠费合计"), r, "arrears_total")),
            (self.prepayments, r.prepayments if r else (), self._total(self.tr("预收款合计"), r, "prepaid_total")),
            (self.deposits, r.deposits if r else (), self._total(self.tr("移交押金合计"), r, "deposits_total")),
            (self.for_others, r.for_others if r else (),
             self._total(self.tr("代业主保管余额合计"), r, "for_others_total")),
            (self.rates, r.rates if r else (), self._rate_total(r)),
            (self.meters, r.meters if r else (), self._total(self.tr("抄表费用合计"), r, "meters_total")),
        ]
        current = self.pages.currentWidget()
        self._fills.sort(key=lambda fill: fill[0] is not current)  # what the clerk looks at first
        self._fill_next()
        self.update_actions()

    def _fill_next(self) -> None:
        if not self._fills:
            return
        page, records, total = self._fills.pop(0)
        page.set_records(records, total)
        if self._fills:
            QTimer.singleShot(0, self, self._fill_next)
        else:
            self.update_actions()

    @staticmethod
    def _total(label: str, results: FeeResults | None, total: str) -> str:
        """The results' own total (the sum of rounded lines), as signed and printed."""
        if results is None:
            return ""
        return QCoreApplication.translate("ResultsPanel", "{label}：{amount}").format(
            label=label, amount=money(getattr(results, total)))

    def _rate_total(self, r: FeeResults | None) -> str:
        if r is None:
            return ""
        rate = f"{r.paid_total / r.billed_total * 100:.2f}%" if r.billed_total else "—"
        return self.tr("合计：应收 {billed}，实收 {paid}，收缴率 {rate}").format(
            billed=money(r.billed_total), paid=money(r.paid_total), rate=rate)

    # ---- 押金: hand over (the default) or refunded to the owner --------------------------------

    def current_deposit(self) -> DepositLine | None:
        return self.deposits.current_record()

    def update_actions(self) -> None:
        deposit = self.current_deposit()
        editable = deposit is not None and not self._read_only and self.task is None
        handed_over = deposit is not None and deposit.is_handed_over
        self.refund_button.setEnabled(editable and handed_over)
        self.hand_over_button.setEnabled(editable and not handed_over)
        self.exit_prints.update_actions()

    def on_refund_clicked(self) -> None:
        deposit, handover_id = self.current_deposit(), self._scope.handover_id if self._scope else None
        if deposit is None or handover_id is None:
            return
        self.dialog = RefundDialog(self.db, handover_id, deposit, self)
        self.dialog.accepted.connect(self.on_deposit_changed)
        self.dialog.open()

    def on_hand_over_clicked(self) -> None:
        deposit, handover_id = self.current_deposit(), self._scope.handover_id if self._scope else None
        if deposit is None or handover_id is None:
            return
        run_op(self, self.db, lambda db: set_deposit_action(db, handover_id, deposit, DepositAction.HAND_OVER, ""),
               on_success=lambda _r: self.on_deposit_changed(), busy=[self.hand_over_button])

    def on_deposit_changed(self) -> None:
        self.changed.emit()
        self.mark_stale()
