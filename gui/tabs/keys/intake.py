"""从钥匙交接清单接收: pick a key list of the handover, see what each item becomes, receive them at once."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import key_intake
from models.services.checklist_rows import ListSummary
from models.services.key_intake import ItemPlan, KeyIntakeReport, ListPlan

from ... import tasks
from ...errors import show_error
from ...widgets.screen_fit import fit_to_screen

OK_STYLE, ERROR_STYLE = "color: #1e7d32;", "color: #b3261e;"
MUTED, REFUSED = QColor("#6b6b6b"), QColor("#b3261e")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


class PlanModel(QAbstractTableModel):
    """The items of the chosen list and what receiving makes of each (grey: received before; red: not)."""

    COLUMNS = (QT_TRANSLATE_NOOP("PlanModel", "序号"), QT_TRANSLATE_NOOP("PlanModel", "名称"),
               QT_TRANSLATE_NOOP("PlanModel", "房号"), QT_TRANSLATE_NOOP("PlanModel", "数量"),
               QT_TRANSLATE_NOOP("PlanModel", "标签号"), QT_TRANSLATE_NOOP("PlanModel", "结果"))

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.items: tuple[ItemPlan, ...] = ()

    def set_items(self, items: tuple[ItemPlan, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(item.seq), item.name, item.unit_number, str(item.count), item.tag, item.outcome)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not item.receives:
            return MUTED if item.outcome == key_intake.ALREADY else REFUSED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None


class ListIntakeDialog(QDialog):
    """The items of one key list and the key each becomes (or why not); 接收 writes them in one go."""

    planned = Signal()              # the plan of the chosen list is shown (or its refusal)
    keys_received = Signal(object)  # the KeyIntakeReport

    def __init__(self, db: Database, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan: ListPlan | None = None
        self._task: tasks.Task | None = None
        self.setWindowTitle(self.tr("从钥匙交接清单接收钥匙"))
        fit_to_screen(self, 960, 600)
        self._build()
        self._fill_lists(key_intake.key_lists(db, handover_id))

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.list_combo = QComboBox(self)
        self.list_combo.setMinimumWidth(360)
        self.list_combo.currentIndexChanged.connect(self.on_list_changed)
        self.cabinet_edit = QLineEdit(self)
        self.cabinet_edit.setMaxLength(key_intake.PLACE_LIMIT)
        self.cabinet_edit.setMaximumWidth(220)
        self.cabinet_edit.setPlaceholderText(self.tr("如 G01，可不填"))
        form = QFormLayout()
        form.addRow(self.tr("钥匙交接清单："), self.list_combo)
        form.addRow(self.tr("存入钥匙柜："), self.cabinet_edit)
        hint = QLabel(self.tr("每个条目接收为一把（套）钥匙：已核对的按实收数量，未核对的按应交数量；"
                              "核对为缺失或实收为 0 的不接收。已接收过的条目不会重复接收。"), self)
        hint.setWordWrap(True)
        self.plan_model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.plan_model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column, width in enumerate((48, 260, 130, 50, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.receive_button = buttons.addButton(self.tr("接收"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.receive_button.setEnabled(False)
        self.receive_button.clicked.connect(self.on_receive_clicked)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)

    def _fill_lists(self, lists: list[ListSummary]) -> None:
        self.list_combo.blockSignals(True)
        for summary in lists:
            text = self.tr("{title}（已核 {checked}/{total}）").format(
                title=summary.caption, checked=summary.checked, total=summary.total)
            self.list_combo.addItem(text, summary.id)
        self.list_combo.blockSignals(False)
        if lists:
            self.on_list_changed()
        else:
            self.summary_label.setText(self.tr("本次交接还没有钥匙交接清单：请先在“交接清单”页签从“钥匙交接清单”模板新建。"))

    # ---- the plan ----------------------------------------------------------------------------

    def list_id(self) -> int | None:
        return self.list_combo.currentData()

    def on_list_changed(self, _index: int = 0) -> None:
        list_id = self.list_id()
        if list_id is None:
            return
        self.receive_button.setEnabled(False)
        db = self.db
        tasks.start(lambda _progress: key_intake.plan_from_list(db, list_id), self.on_plan_ready,
                    self.on_plan_failed)

    def on_plan_ready(self, plan: ListPlan) -> None:
        if plan.list_id != self.list_id():
            return  # the clerk picked another list meanwhile
        self.plan = plan
        self.plan_model.set_items(plan.items)
        self.summary_label.setText(self.tr("将接收 {n} 项，已接收过 {a} 项，不接收 {x} 项。").format(
            n=len(plan.to_receive), a=plan.already, x=len(plan.refused)))
        self.receive_button.setEnabled(bool(plan.to_receive) and self._task is None)
        self.planned.emit()

    def on_plan_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            show_error(exc, self)
            return
        self.plan = None
        self.plan_model.set_items(())
        self.summary_label.setText(str(exc))
        self.planned.emit()

    # ---- receiving ---------------------------------------------------------------------------

    def on_receive_clicked(self, _checked: bool = False) -> None:
        list_id = self.list_id()
        if list_id is None or self.plan is None or not self.plan.to_receive:
            return
        self.receive_button.setEnabled(False)
        db, cabinet = self.db, self.cabinet_edit.text()
        def job(progress: Any) -> KeyIntakeReport:
            return key_intake.receive_keys_from_list(db, list_id, cabinet=cabinet, progress=progress)
        self._task = tasks.run_with_progress(self, self.tr("正在接收钥匙…"), job, self.on_received,
                                             self.on_receive_failed)
        self._task.cancelled.connect(self.on_receive_cancelled)

    def on_received(self, report: KeyIntakeReport) -> None:
        self._task = None
        self.show_result(self.tr("接收完成：") + report.summary(), ok=True)
        self.keys_received.emit(report)
        self.on_list_changed()  # every item now reads 已接收

    def on_receive_failed(self, exc: BaseException) -> None:
        self._task = None
        if not isinstance(exc, DomainError):
            show_error(exc, self)
            return
        self.show_result(str(exc), ok=False)
        self.on_list_changed()

    def on_receive_cancelled(self) -> None:
        self._task = None
        self.show_result(self.tr("已取消接收，未写入任何数据。"), ok=False)
        self.on_list_changed()

    def show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
