"""收费项目与收费标准: the project's fee items, their rates by date and use; add items and rates."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QDate,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import DomainError
from models.fees import BASES
from models.labels import word
from models.project import UNIT_USES
from models.rules.numbers import RATE, parse_decimal
from models.services import fee_items as service
from models.services.fee_items import FeeItemRow

from ..dates import py_date
from ..errors import show_error
from ..ops import FEES, change, run_op
from ..widgets.role_gate import apply_permit
from ..widgets.screen_fit import fit_to_screen
from ..widgets.tables import RecordsModel, small_table


class FeeItemsDialog(QDialog):
    """What each fee item is and what it costs from which day; metered charges use these rates."""

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._project_id = db, project_id
        self._items: list[FeeItemRow] = []
        self.setWindowTitle(self.tr("收费项目与收费标准"))
        fit_to_screen(self, 960, 600)
        self.items_model = RecordsModel([self.tr("编码"), self.tr("名称"), self.tr("计费方式"), self.tr("类别")], tuple, self)
        self.rates_model = RecordsModel([self.tr("房屋用途"), self.tr("起用日期"), self.tr("截止日期"), self.tr("单价（元）")],
                                        tuple, self, right={3})
        self.items_view = small_table(self, self.items_model)
        self.rates_view = small_table(self, self.rates_model)
        tables = QHBoxLayout()
        tables.addWidget(self._box(self.tr("收费项目"), self.items_view, self._item_form()), 3)
        tables.addWidget(self._box(self.tr("收费标准（所选项目）"), self.rates_view, self._rate_form()), 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(tables, 1)
        layout.addWidget(buttons)
        self.items_view.selectionModel().currentRowChanged.connect(self.on_item_changed)
        self.refresh()

    # ---- building ----------------------------------------------------------------------------

    def _box(self, title: str, view: QTableView, form: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.addWidget(view, 1)
        layout.addWidget(form)
        return box

    def _item_form(self) -> QWidget:
        panel = QWidget(self)
        form = QFormLayout(panel)
        self.code_edit, self.name_edit = QLineEdit(panel), QLineEdit(panel)
        self.code_edit.setPlaceholderText(self.tr("如 SF"))
        self.name_edit.setPlaceholderText(self.tr("如 水费"))
        self.basis_combo = QComboBox(panel)
        for key, label in BASES.items():
            self.basis_combo.addItem(word(label), key)
        self.deposit_check = QCheckBox(self.tr("押金"), panel)
        self.others_check = QCheckBox(self.tr("代收代缴"), panel)
        flags = QHBoxLayout()
        flags.addWidget(self.deposit_check)
        flags.addWidget(self.others_check)
        flags.addStretch(1)
        self.add_item_button = QPushButton(self.tr("新增收费项目"), panel)
        self.add_item_button.clicked.connect(self.on_add_item_clicked)
        form.addRow(self.tr("编码"), self.code_edit)
        form.addRow(self.tr("名称"), self.name_edit)
        form.addRow(self.tr("计费方式"), self.basis_combo)
        form.addRow(self.tr("类别"), flags)
        form.addRow("", self.add_item_button)
        return panel

    def _rate_form(self) -> QWidget:
        panel = QWidget(self)
        form = QFormLayout(panel)
        self.use_combo = QComboBox(panel)
        self.use_combo.addItem(self.tr("全部用途"), "")
        for use in UNIT_USES:
            self.use_combo.addItem(use.label, use.value)  # shown as the label, carried as the code
        self.from_edit = QDateEdit(QDate.currentDate(), panel)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("yyyy-MM-dd")
        self.rate_edit = QLineEdit(panel)
        self.rate_edit.setPlaceholderText(self.tr("元，如 2.8"))
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.set_rate_button = QPushButton(self.tr("设定单价"), panel)
        self.set_rate_button.clicked.connect(self.on_set_rate_clicked)
        hint = QLabel(self.tr("新单价自起用日期起生效，原单价到前一天为止。"), panel)
        hint.setWordWrap(True)
        form.addRow(self.tr("房屋用途"), self.use_combo)
        form.addRow(self.tr("起用日期"), self.from_edit)
        form.addRow(self.tr("单价"), self.rate_edit)
        form.addRow("", self.set_rate_button)
        form.addRow(hint)
        # 设定单价 is a supervisor's (set_rate refuses anyone else): a clerk sees who may, not a
        # refusal after typing the rate.
        rate = service.rate_permit(self._db)
        self.may_set_rate = rate.allowed
        for control in (self.use_combo, self.from_edit, self.rate_edit, self.set_rate_button):
            apply_permit(control, rate, "")
        return panel

    # ---- showing -------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        current = self.current_item()
        keep = select_id if select_id is not None else (current.id if current else None)
        self._items = service.fee_items(self._db, self._project_id)
        self.items_model.set_records([(i.code, i.name, word(i.basis_label), self._kind(i)) for i in self._items])
        row = next((n for n, i in enumerate(self._items) if i.id == keep), 0 if self._items else -1)
        if row >= 0:
            self.items_view.selectRow(row)
        self._show_rates()

    def _kind(self, item: FeeItemRow) -> str:
        if item.is_deposit:
            return self.tr("押金")
        return self.tr("代收代缴") if item.collected_for_others else self.tr("收费")

    def current_item(self) -> FeeItemRow | None:
        row = self.items_view.currentIndex().row()
        return self._items[row] if 0 <= row < len(self._items) else None

    def on_item_changed(self, *_args: Any) -> None:
        self._show_rates()

    def _show_rates(self) -> None:
        item = self.current_item()
        tariffs = item.tariffs if item else ()
        self.rates_model.set_records([(t.unit_use.label if t.unit_use is not None else self.tr("全部用途"), t.valid_from.isoformat(),
                                    t.valid_to.isoformat() if t.valid_to else self.tr("至今"), f"{t.rate:,.4f}")
                                   for t in tariffs])
        self.set_rate_button.setEnabled(item is not None and self.may_set_rate)

    # ---- actions -------------------------------------------------------------------------------

    def on_add_item_clicked(self) -> None:
        project_id, fields = self._project_id, dict(
            code=self.code_edit.text(), name=self.name_edit.text(), basis=self.basis_combo.currentData(),
            is_deposit=self.deposit_check.isChecked(), collected_for_others=self.others_check.isChecked())
        run_op(self, self._db, lambda db: service.add_fee_item(db, project_id, **fields),
               on_success=self._item_added, busy=[self.add_item_button],
               what=lambda row: change(FEES, ids=[row.id], project_id=project_id))

    def _item_added(self, row: FeeItemRow) -> None:
        self.code_edit.clear()
        self.name_edit.clear()
        self.refresh(row.id)

    def on_set_rate_clicked(self) -> None:
        item = self.current_item()
        if item is None:
            return
        try:
            rate = self._rate()
        except DomainError as exc:
            show_error(exc, self)
            return
        item_id, valid_from, unit_use = item.id, py_date(self.from_edit.date()), self.use_combo.currentData()
        run_op(self, self._db, lambda db: service.set_rate(db, item_id, valid_from=valid_from, rate=rate,
                                                           unit_use=unit_use),
               on_success=lambda _r: self._rate_set(item_id), busy=[self.set_rate_button],
               what=change(FEES, ids=[item_id], project_id=self._project_id))

    def _rate_set(self, item_id: int) -> None:
        self.rate_edit.clear()
        self.refresh(item_id)

    def _rate(self) -> Decimal:
        """The typed rate read strictly (元, up to 4 places): "1o00" is refused, never 100."""
        return parse_decimal(self.rate_edit.text(), self.tr("单价"), RATE)
