"""对账差异: what the two ledgers disagree on (up to ~500,000 lines, paged in SQL), filtered by kind,
fee item and 只看待处理; Enter or 处理… decides one, 批量处理… many."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from models.browse import Scope, TableSpec
from models.db import Database
from models.fees import Decision, DiffKind
from models.services import reconcile as rc

from ... import tasks
from ...errors import show_error
from ...table_model import BACKGROUND, BrowseModel, Index, RecordIdRole
from ..browse_tab import BrowseTab
from .decision_dialogs import BulkDialog, DecisionDialog

OPEN_BACKGROUND = QColor("#fcebc6")  # amber: still to be decided (signing waits for every one)
OPEN_DIFFERS = QColor("#fbdcdc")     # light red: the amounts disagree and nobody decided yet


class DifferencesModel(BrowseModel):
    """Open rows stand out; decided rows look like any other row."""

    def __init__(self, db: Database, spec: TableSpec, parent: Any = None, background: bool = True) -> None:
        super().__init__(db, spec, parent, background)
        # Looked up once: data() runs for every role of every painted cell.
        self._decision_col, self._kind_col = spec.column_index("decision"), spec.column_index("kind")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == BACKGROUND:
            r = index.row()  # -1 for an invalid index
            if not 0 <= r < len(self._rows):
                return None
            row = self._rows[r]
            if row[self._decision_col] is not Decision.OPEN:
                return None
            return OPEN_DIFFERS if row[self._kind_col] is DiffKind.DIFFERS else OPEN_BACKGROUND
        return super().data(index, role)


class DifferencesPanel(BrowseTab):
    TABLE = "fee_differences"
    MODEL = DifferencesModel
    WIDTHS: ClassVar[dict[str, int]] = {"unit": 130, "fee_item": 150, "period_start": 88, "period_end": 88, "kind": 84,
              "their_billed": 90, "their_paid": 90, "our_billed": 90, "our_paid": 90, "their_remark": 160,
              "decision": 90}
    STRETCH = "note"

    decided = Signal()  # one or more differences were decided here

    def placeholder(self) -> str:
        return self.tr("按房号、收费项目、说明筛选，回车转到表格")

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.dialog: Any = None  # the open decision dialog (tests reach it here)
        self._read_only = False
        self._keep_row = -1  # the row to select again after a decision (the next open one moves up)
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.placeholder())
        self.loading_label = QLabel(self.tr("加载中…"), self)
        self.loading_label.setVisible(False)
        self.count_label = QLabel(self)
        self.table = self._make_table()
        self.kind_combo = QComboBox(self)
        for text, value in ((self.tr("全部差异"), ""), *((k.label, k.value) for k in DiffKind)):
            self.kind_combo.addItem(text, value)
        self.item_combo = QComboBox(self, minimumContentsLength=8)
        self.item_combo.addItem(self.tr("全部收费项目"), "")
        self.open_check = QCheckBox(self.tr("只看待处理"), self)
        self.decide_button = QPushButton(self.tr("处理…"), self)
        self.decide_button.setToolTip(self.tr("处理选中的差异（回车或双击）"))
        self.bulk_button = QPushButton(self.tr("批量处理…"), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("筛选："), self))
        for widget, stretch in ((self.filter_edit, 1), (self.kind_combo, 0), (self.item_combo, 0),
                                (self.open_check, 0), (self.loading_label, 0), (self.count_label, 0),
                                (self.decide_button, 0), (self.bulk_button, 0)):
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter_edit)

    def _wire(self) -> None:
        super()._wire()
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.on_filters_changed())
        self.item_combo.currentIndexChanged.connect(lambda _i: self.on_filters_changed())
        self.open_check.toggled.connect(lambda _on: self.on_filters_changed())
        self.table.activated.connect(lambda _index: self.on_decide_clicked())  # Enter, or a double click
        self.decide_button.clicked.connect(self.on_decide_clicked)
        self.bulk_button.clicked.connect(self.on_bulk_clicked)
        self.model.loaded.connect(self.on_rows_loaded)
        self.update_actions()

    # ---- filters, scope and state ------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {"kind": self.kind_combo.currentData(), "open": self.open_check.isChecked(),
                "fee_item": self.item_combo.currentData()}

    def reload(self) -> None:
        self.model.set_filters(self.filters(), refresh=False)
        super().reload()

    def on_filters_changed(self) -> None:
        self.model.set_filters(self.filters())

    def set_fee_items(self, names: list[str]) -> None:
        """The 收费项目 choices of the project; keeps the chosen one if it is still there."""
        current = self.item_combo.currentData()
        self.item_combo.blockSignals(True)
        while self.item_combo.count() > 1:
            self.item_combo.removeItem(1)
        for name in names:
            self.item_combo.addItem(name, name)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(current)))
        self.item_combo.blockSignals(False)
        if self.item_combo.currentData() != current:
            self.on_filters_changed()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.update_actions()

    def handover_id(self) -> int | None:
        return self._scope.handover_id if self._scope else None

    def update_actions(self) -> None:
        editable = not self._read_only and self.handover_id() is not None
        for button in (self.decide_button, self.bulk_button):
            button.setEnabled(editable)
            button.setToolTip("" if editable else self.tr("财务结算已签署或未选择交接：只读"))

    def set_scope(self, scope: Scope | None) -> None:
        super().set_scope(scope)
        self.update_actions()

    # ---- one difference ----------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(RecordIdRole) if index.isValid() else None

    def on_decide_clicked(self) -> None:
        difference_id = self.current_id()
        if difference_id is None or not self.decide_button.isEnabled():
            return
        db = self.db  # the row with its version, read in the worker (names of 20,000 units)
        tasks.run_with_progress(self, self.tr("正在读取差异…"), lambda _p: rc.difference(db, difference_id),
                                self.on_difference_read, lambda exc: show_error(exc, self))

    def on_difference_read(self, row) -> None:
        self._open(DecisionDialog(self.db, row, self))

    def _open(self, dialog: Any) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(self.on_dialog_accepted)
        dialog.rejected.connect(self.table.setFocus)
        dialog.open()

    def on_dialog_accepted(self) -> None:
        self._keep_row = max(self.table.currentIndex().row(), 0)
        self.model.refresh()
        self.table.setFocus()
        self.decided.emit()

    def on_rows_loaded(self) -> None:
        """After a decision: the same position again, so Enter goes on with the next difference."""
        if self._keep_row >= 0 and self.model.rowCount():
            self.table.selectRow(min(self._keep_row, self.model.rowCount() - 1))
        self._keep_row = -1

    # ---- many differences --------------------------------------------------------------------

    def selected_rows(self) -> list[tuple[int, DiffKind, Decision]]:
        """(id, kind, decision) of every selected row."""
        kind, decision = self.spec_index("kind"), self.spec_index("decision")
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [(self.model.index(r, 0).data(RecordIdRole), self.model.row_values(r)[kind],
                 self.model.row_values(r)[decision]) for r in rows]

    def spec_index(self, key: str) -> int:
        return self.model.spec.column_index(key)

    def on_bulk_clicked(self) -> None:
        handover_id = self.handover_id()
        if handover_id is None or not self.bulk_button.isEnabled():
            return
        filters, db = self.filters(), self.db
        kind = DiffKind(filters["kind"]) if filters["kind"] else None

        def count(_progress: Any) -> dict[DiffKind, int]:
            return rc.open_counts(db, handover_id, kind=kind, fee_item=filters["fee_item"] or None)

        tasks.run_with_progress(self, self.tr("正在统计待处理差异…"), count, self.on_open_counted,
                                lambda exc: show_error(exc, self))

    def on_open_counted(self, open_by_kind: dict[DiffKind, int]) -> None:
        handover_id, filters = self.handover_id(), self.filters()
        if handover_id is None:
            return
        kind = DiffKind(filters["kind"]) if filters["kind"] else None
        self._open(BulkDialog(self.db, handover_id, kind, filters["fee_item"] or None, self.filter_edit.text(),
                              open_by_kind, self.selected_rows(), self))
