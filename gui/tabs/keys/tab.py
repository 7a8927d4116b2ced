"""钥匙管理 tab: a scan field (a scanner types the tag and Enter) opening that key with its allowed next
actions, every key with its status and latest event, 逾期未还 by the tab's clock (and the 下班时间 it
counts from, a supervisor's to change), and 批量接收钥匙 (from a key handover list or an Excel sheet)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from models.base import now as wall_clock
from models.errors import DomainError
from models.keys import KeyEventKind as E
from models.services import key_custody as kc
from models.services.key_custody import KeyRow
from models.services.locations import unit_owners

from ...dialogs.key_import import KeyImportDialog
from ...errors import show_error
from ..browse_tab import BrowseTab
from .dialogs import ClosingTimeDialog, IssueDialog, LendDialog, ReturnDialog, StepDialog
from .intake import ListIntakeDialog
from .panels import KeyCard, OverduePanel

OVERDUE_REFRESH_MS = 60_000  # 逾期未还 is read again every minute: a loan falls due with no one clicking


class KeysTab(BrowseTab):
    TABLE = "keys"
    WIDTHS = {"tag": 150, "unit": 150, "opens": 140, "count": 50, "slot": 90, "status": 70,
              "last_kind": 76, "last_person": 100}
    STRETCH = "opens"

    # The clock every event and 逾期未还 read; tests replace it to pass time.
    now: Callable[[], dt.datetime] = staticmethod(wall_clock)

    data_edited = Signal(str)  # this tab recorded an event ("keys"): the overview and others reload
    key_shown = Signal()       # the card shows a key (or a scan that found nothing)

    def placeholder(self) -> str:
        return self.tr("按标签号、房号、开启对象筛选，回车转到表格")

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._own_change = False
        self._last_loan: dict[str, str] = {}  # the supervisor and department of this desk's last loan
        self.scan_edit = QLineEdit(self)
        self.scan_edit.setPlaceholderText(self.tr("扫码或输入标签号，回车"))
        self.scan_edit.setMinimumWidth(220)
        self.card = KeyCard(self)
        self.overdue = OverduePanel(self)
        self.overdue_timer = QTimer(self, interval=OVERDUE_REFRESH_MS)
        self.intake_dialog: QDialog | None = None  # the open 批量接收 dialog (tests reach it here)
        super()._build()
        layout: QVBoxLayout = self.layout()
        layout.itemAt(0).layout().addWidget(self._intake_button())  # at the end of the filter row
        scan_box = QGroupBox(self.tr("扫码"), self)
        row = QHBoxLayout(scan_box)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(QLabel(self.tr("标签号："), self))
        row.addWidget(self.scan_edit)
        row.addWidget(self.card, 1)
        layout.insertWidget(0, scan_box)
        # the table and 逾期未还 side by side
        layout.removeWidget(self.table)
        overdue_box = QGroupBox(self.tr("逾期未还"), self)
        box = QVBoxLayout(overdue_box)
        box.addWidget(self.overdue)
        box.addLayout(self._closing_row())
        box.setContentsMargins(2, 2, 2, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(overdue_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 330])
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.scan_edit)

    def _closing_row(self) -> QHBoxLayout:
        """下班时间 18:00 [修改…]: when a loan falls due; the button is a supervisor's or an admin's."""
        self.closing_label = QLabel(self)
        self.closing_button = QPushButton(self.tr("修改…"), self)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 0, 2)
        row.addWidget(self.closing_label, 1)
        row.addWidget(self.closing_button)
        return row

    def _intake_button(self) -> QPushButton:
        """批量接收钥匙… : from a key list of the handover, or from the clerk's Excel sheet.

        A push button with a menu rather than a tool button: its arrow gets room of its own
        instead of covering the end of the text.
        """
        self.receive_from_list_action = QAction(self.tr("从钥匙交接清单接收…"), self)
        self.import_sheet_action = QAction(self.tr("从 Excel 导入…"), self)
        menu = QMenu(self)
        menu.addAction(self.receive_from_list_action)
        menu.addAction(self.import_sheet_action)
        self.intake_button = QPushButton(self.tr("批量接收钥匙…"), self)
        self.intake_button.setMenu(menu)
        self.intake_button.setEnabled(False)
        return self.intake_button

    def _wire(self) -> None:
        super()._wire()
        self.receive_from_list_action.triggered.connect(self.on_receive_from_list_triggered)
        self.import_sheet_action.triggered.connect(self.on_import_sheet_triggered)
        self.scan_edit.returnPressed.connect(self.on_scan_return_pressed)
        self.closing_button.clicked.connect(self.on_closing_button_clicked)
        self.card.action_clicked.connect(self.on_action_clicked)
        self.overdue_timer.timeout.connect(self.load_overdue)
        self.overdue_timer.start()

    # ---- scope and loading -------------------------------------------------------------------

    def set_scope(self, scope) -> None:
        if scope != self._scope:
            self.card.show_key(None)
        super().set_scope(scope)
        self.intake_button.setEnabled(scope is not None)
        has_handover = scope is not None and scope.handover_id is not None
        self.receive_from_list_action.setEnabled(has_handover)
        self.receive_from_list_action.setToolTip("" if has_handover else self.tr("请先在工具栏选择交接"))

    def reload(self) -> None:
        if self._own_change:
            return
        super().reload()
        if self.isVisible():
            self.load_overdue()

    def load_overdue(self) -> None:
        self.load_closing()
        if self._scope is None:
            self.overdue.show_overdue([])
            return
        try:
            self.overdue.show_overdue(kc.overdue_keys(self.db, self._scope.project_id, self.now()))
        except DomainError as exc:
            show_error(exc, self)

    def load_closing(self) -> None:
        try:
            setting = kc.closing_setting(self.db)
        except DomainError as exc:
            show_error(exc, self)
            return
        self.closing_label.setText(self.tr("下班时间：{t}（未还即逾期）").format(t=setting.at.strftime("%H:%M")))
        self.closing_button.setEnabled(setting.may_change)
        self.closing_button.setToolTip(self.tr("修改下班时间（借出钥匙默认此前归还）") if setting.may_change
                                       else self.tr("只有主管或管理员可以修改下班时间"))

    def on_closing_button_clicked(self) -> None:
        dialog = ClosingTimeDialog(self.db, self)
        if dialog.exec():
            self.load_closing()  # loans already out keep the due time they were lent with
        self.focus_scan()

    # ---- the scan field and the card ---------------------------------------------------------

    def on_scan_return_pressed(self) -> None:
        tag = self.scan_edit.text().strip()
        if not tag or self._scope is None:
            return
        self.show_tag(tag)
        if self.card.key is not None and (button := self.card.first_action()) is not None:
            button.setFocus()  # Enter now starts the likely next step
        else:
            self.focus_scan()

    def show_tag(self, tag: str) -> KeyRow | None:
        try:
            self.card.show_key(kc.find_by_tag(self.db, self._scope.project_id, tag))
        except DomainError as exc:
            self.card.show_message(str(exc))
        self.key_shown.emit()
        return self.card.key

    def focus_scan(self) -> None:
        """The next scan replaces what is in the field."""
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def on_action_clicked(self, kind: E) -> None:
        key = self.card.key
        if key is None:
            return
        dialog = self._dialog(kind, key)
        if dialog is not None and dialog.exec():
            if isinstance(dialog, LendDialog):
                self._last_loan = dialog.remembered()
            self._changed(key.tag)
        else:
            self.focus_scan()

    def _dialog(self, kind: E, key: KeyRow) -> Any:
        db, now = self.db, self.now()
        if kind is E.LEND:
            return LendDialog(db, key, now, self._last_loan, self)
        if kind is E.RETURN:
            return ReturnDialog(db, key, now, self)
        if kind is E.ISSUE:
            if key.unit_id is None:
                show_error(DomainError(self.tr("只有房屋钥匙才能发放给业主。")), self)
                return None
            return IssueDialog(db, key, unit_owners(db, key.unit_id), now, self)
        steps = {
            E.SEAL: (self.tr("封存钥匙"), self.tr("封条编号："),
                     lambda text: kc.seal(db, key.id, seal_no=text, at=now)),
            E.UNSEAL: (self.tr("启封钥匙"), self.tr("备注："), lambda text: kc.unseal(db, key.id, at=now, note=text)),
            E.LOSE: (self.tr("登记遗失"), self.tr("后续处理："),
                     lambda text: kc.report_lost(db, key.id, follow_up=text, at=now)),
            E.HAND_OVER: (self.tr("移交钥匙"), self.tr("接收单位："),
                          lambda text: kc.hand_over(db, key.id, to_company=text, at=now)),
            E.RETIRE: (self.tr("作废钥匙"), self.tr("原因："), lambda text: kc.retire(db, key.id, at=now, note=text)),
        }
        title, label, act = steps[kind]
        return StepDialog(f"{title} — {key.tag}", label, act, self)

    # ---- 批量接收钥匙 --------------------------------------------------------------------------

    def on_receive_from_list_triggered(self) -> None:
        if self._scope is None or self._scope.handover_id is None:
            return
        dialog = ListIntakeDialog(self.db, self._scope.handover_id, self)
        dialog.keys_received.connect(self.on_keys_received)
        self._open_intake(dialog)

    def on_import_sheet_triggered(self) -> None:
        if self._scope is None:
            return
        dialog = KeyImportDialog(self.db, self._scope.project_id, self._scope.handover_id, self)
        dialog.keys_imported.connect(self.on_keys_received)
        self._open_intake(dialog)

    def _open_intake(self, dialog: QDialog) -> None:
        """Window-modal, not exec(): the table behind refreshes as soon as the keys are in."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_intake_finished)
        self.intake_dialog = dialog
        dialog.open()

    def on_intake_finished(self, _result: int) -> None:
        self.intake_dialog = None
        self.focus_scan()

    def on_keys_received(self, _report: object) -> None:
        self.model.refresh()
        self.load_overdue()
        self._tell_others()

    def _tell_others(self) -> None:
        self._own_change = True
        try:
            self.data_edited.emit("keys")
        finally:
            self._own_change = False

    def _changed(self, tag: str) -> None:
        """After an event: the card, the table and 逾期未还 again, then tell the other tabs."""
        self.show_tag(tag)
        self.model.refresh()
        self.load_overdue()
        self._tell_others()
        self.focus_scan()
