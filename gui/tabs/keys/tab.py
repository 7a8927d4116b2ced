"""钥匙管理 tab: a scan field (a scanner types the tag and Enter) opening that key with its allowed next
actions, every key with its status and latest event, 逾期未还 by the tab's clock (and the 下班时间 it
counts from, a supervisor's to change), 接收钥匙 one at a time or in bulk (from a key handover list or an
Excel sheet), each key's history, and every key form printed with a preview.

Scanning works as a clerk does it: each scan opens the key it names. The focus stays in the scan
field; Enter there without a new scan starts the key's likely next step (借出 or 归还). A key's dialog
opens window-modal without blocking; a scan that reaches the tab or lands in the dialog meanwhile is
queued and opens its key when the dialog closes (scan.py) — never lost, never applied to the open key.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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
from models.browse import Scope
from models.errors import DomainError
from models.keys import KeyEventKind as E
from models.queries.key_forms import key_history
from models.services import key_custody as kc
from models.services.key_custody import KeyRow
from models.services.locations import unit_choices, unit_owners

from ... import ops
from ...errors import show_error
from ...table_model import RecordIdRole
from ...widgets.role_gate import gate
from ..browse_tab import BrowseTab
from . import printing
from .dialogs import ClosingTimeDialog, LendDialog, ReceiveDialog, step_dialog
from .history import KeyHistoryDialog
from .intake import ListIntakeDialog
from .panels import KeyCard, OverduePanel
from .scan import ScanCatcher, ToScanField

OVERDUE_REFRESH_MS = 60_000  # 逾期未还 is read again every minute: a loan falls due with no one clicking


class KeysTab(BrowseTab):
    TABLE = "keys"
    WIDTHS = {"tag": 150, "unit": 150, "opens": 140, "count": 56, "slot": 90, "status": 70,
              "last_kind": 76, "last_person": 100}
    STRETCH = "opens"

    # The clock every event and 逾期未还 read; tests replace it to pass time.
    now: Callable[[], dt.datetime] = staticmethod(wall_clock)

    data_edited = Signal(str)  # this tab shows its own write ("keys"); the app hears of it from ops.changes()
    key_shown = Signal()       # the card shows a key (or a scan that found nothing)

    def placeholder(self) -> str:
        return self.tr("按标签号、房号、开启对象筛选，回车转到表格")

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._last_loan: dict[str, str] = {}  # the supervisor and department of this desk's last loan
        self._scans: deque[str] = deque()      # scans waiting for the open dialog to close
        self._armed = False   # the card's key came from a scan: Enter (no new scan) starts its next step
        self._fresh = False   # the scan field was typed into since the card last changed: a new scan
        self.dialog: Any = None  # the key's dialog now open (step, history or 接收)
        self.print_task: Any = None  # the last print's task (its preview, for tests)
        self.scan_edit = QLineEdit(self)
        self.scan_edit.setPlaceholderText(self.tr("扫码或输入标签号，回车"))
        self.scan_edit.setToolTip(self.tr("扫码（或输入标签号）后回车打开该钥匙；再按回车开始卡片上加框的操作"))
        self.scan_edit.setMinimumWidth(220)
        self.card = KeyCard(self)
        self.overdue = OverduePanel(self)
        self.overdue_timer = QTimer(self, interval=OVERDUE_REFRESH_MS)
        self.intake_dialog: QDialog | None = None  # the open 批量接收 dialog (tests reach it here)
        super()._build()
        self.prints = printing.build(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # BrowseTab._build lays the tab out in a column
        top = self.filter_row  # 接收, 批量接收 and 打印 at its end
        top.addWidget(self._receive_button())
        top.addWidget(self._intake_button())
        self.print_button = printing.button(self)
        top.addWidget(self.print_button)
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
        # a scanner typing while a button or a table has the focus scans into the field
        self.to_scan_field = ToScanField(self.scan_edit)
        self.to_scan_field.watch(self.table, self.overdue.table, self.card.history_button,
                                 *self.card.buttons.values())

    def scope(self) -> Scope | None:
        return self._scope

    def _receive_button(self) -> QPushButton:
        """接收钥匙… : one key (set), typed or scanned, with its 数量 and 柜格."""
        self.receive_button = QPushButton(self.tr("接收钥匙…"), self)
        self.receive_button.setToolTip(self.tr("接收一把（套）钥匙入柜"))
        self.receive_button.setEnabled(False)
        return self.receive_button

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
        self.receive_button.clicked.connect(self.on_receive_button_clicked)
        self.scan_edit.returnPressed.connect(self.on_scan_return_pressed)
        self.scan_edit.textEdited.connect(self.on_scan_edited)
        self.closing_button.clicked.connect(self.on_closing_button_clicked)
        self.card.action_clicked.connect(self.on_action_clicked)
        self.card.history_clicked.connect(self.on_history_clicked)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.key_shown.connect(lambda: printing.update(self))
        self.overdue_timer.timeout.connect(self.load_overdue)
        self.overdue_timer.start()

    # ---- scope and loading -------------------------------------------------------------------

    def set_scope(self, scope) -> None:
        if scope != self._scope:
            self.card.show_key(None)
            self._armed = False
        super().set_scope(scope)
        self.intake_button.setEnabled(scope is not None)
        self.receive_button.setEnabled(scope is not None)
        printing.update(self)
        has_handover = scope is not None and scope.handover_id is not None
        self.receive_from_list_action.setEnabled(has_handover)
        self.receive_from_list_action.setToolTip("" if has_handover else self.tr("请先在工具栏选择交接"))

    def reload(self) -> None:
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
        gate(self.closing_button, self.db, kc.CLOSING_ROLE, kc.CLOSING_ACTION,
             self.tr("修改下班时间（借出钥匙默认此前归还）"))

    def on_closing_button_clicked(self) -> None:
        dialog = ClosingTimeDialog(self.db, self)
        if dialog.exec():
            self.load_closing()  # loans already out keep the due time they were lent with
        self.focus_scan()

    # ---- the scan field and the card ---------------------------------------------------------

    def on_scan_edited(self, _text: str) -> None:
        self._fresh = True

    def on_scan_return_pressed(self) -> None:
        """A scan opens the key it names; Enter again (nothing typed since) starts its next step."""
        tag = self.scan_edit.text().strip()
        if self._scope is None:
            return
        if self.dialog is not None:  # a key's dialog is open: the scan waits for it
            if tag:
                self._queue(tag)
            self.scan_edit.selectAll()  # the next scan replaces this one
            return
        if not self._fresh and self._armed and (first := self.card.first_kind()) is not None:
            self.on_action_clicked(first)
            return
        if tag:
            self._scans.append(tag)
        self._drain()

    def _queue(self, tag: str) -> None:
        """A scan that arrived while a dialog of another key is open: opened when it closes."""
        self._scans.append(tag.strip().upper())
        note = getattr(self.dialog, "error_label", None) or getattr(self.dialog, "note_label", None)
        if note is not None:
            waiting = "、".join(self._scans)
            note.setText(self.tr("已扫描 {tags}：关闭本窗口后打开；本窗口仍只办理 {key}。").format(
                tags=waiting, key=self._dialog_key_tag()))
            note.setVisible(True)

    def _dialog_key_tag(self) -> str:
        key = getattr(self.dialog, "key", None)
        return key.tag if isinstance(key, KeyRow) else self.tr("本窗口的事项")

    def _drain(self) -> None:
        """Open the waiting scans in order (the card ends on the last), then ready for the next."""
        while self._scans and self.dialog is None:
            tag = self._scans.popleft()
            self.scan_edit.setText(tag)
            self.show_tag(tag)
            self._armed = self.card.key is not None
        self._fresh = False
        self.focus_scan()

    def show_tag(self, tag: str) -> KeyRow | None:
        assert self._scope is not None  # a tag is looked up in the chosen project: callers have one
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
        if key is None or self.dialog is not None:
            return
        dialog = self._dialog(kind, key)
        self._open(dialog, lambda: self._after_step(key, dialog))

    def _after_step(self, key: KeyRow, dialog: Any) -> None:
        if isinstance(dialog, LendDialog):
            self._last_loan = dialog.remembered()
        self._changed(key.tag)

    def _open(self, dialog: Any, accepted: Callable[[], None] | None = None) -> None:
        """Window-modal without blocking; scans typed into it are queued; `accepted` after OK."""
        self._armed = False
        project_id = self._scope.project_id if self._scope else 0
        catcher = ScanCatcher(dialog, lambda typed: kc.scanned_tag(self.db, project_id, typed))
        catcher.scanned.connect(self._queue)
        if self._scope is not None:
            dialog.project_id = self._scope.project_id  # what its write announces as changed
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self.on_dialog_finished(result, accepted))
        self.dialog = dialog
        dialog.open()

    def on_dialog_finished(self, result: int, accepted: Callable[[], None] | None) -> None:
        self.dialog = None
        if result == QDialog.DialogCode.Accepted and accepted is not None:
            accepted()
        self.window().activateWindow()  # the keyboard back to the desk: the next scan lands in the field
        self._drain()

    def _dialog(self, kind: E, key: KeyRow) -> Any:
        owners = unit_owners(self.db, key.unit_id) if kind is E.ISSUE and key.unit_id else []
        return step_dialog(self.db, kind, key, self.now(), self._last_loan, owners, self)

    # ---- history and 接收 ----------------------------------------------------------------------

    def on_history_clicked(self) -> None:
        if self.card.key is not None:
            self.open_history(self.card.key)

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        """A row's history; the card shows the key too (its buttons act on it after)."""
        key_id = index.data(RecordIdRole)
        if key_id is None or self.dialog is not None:
            return
        try:
            key = kc.key_by_id(self.db, int(key_id))
        except DomainError as exc:
            show_error(exc, self)
            return
        self.card.show_key(key)
        self.scan_edit.setText(key.tag)
        self.key_shown.emit()
        self.open_history(key)

    def open_history(self, key: KeyRow) -> None:
        if self.dialog is None:
            self._open(KeyHistoryDialog(key, key_history(self.db, key.id), self))

    def on_receive_button_clicked(self) -> None:
        if self._scope is None or self.dialog is not None:
            return
        scope = self._scope
        units = [number for _id, number in unit_choices(self.db, scope.project_id)]
        dialog = ReceiveDialog(self.db, scope.project_id, scope.handover_id, units, self.now(), self)
        self._open(dialog, lambda: self._changed(dialog.result_value.tag))

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
        # Imported when first opened: the import machinery (openpyxl, lxml, calamine) is not needed to show the window.
        from ...dialogs.key_import import KeyImportDialog

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
        """A bulk intake (a long job with its own progress dialog, already off the GUI thread)."""
        self.model.refresh()
        self.load_overdue()
        project_id = self._scope.project_id if self._scope else None
        ops.publish(ops.change(ops.KEYS, project_id=project_id), self)
        self.data_edited.emit("keys")

    def _changed(self, tag: str) -> None:
        """After an event: the card, the table and 逾期未还 again, then tell the other tabs."""
        self.scan_edit.setText(tag)
        self.show_tag(tag)
        self.model.refresh()
        self.load_overdue()
        self.data_edited.emit("keys")  # the dialog's write has announced itself (ops.changes())
        self.focus_scan()
