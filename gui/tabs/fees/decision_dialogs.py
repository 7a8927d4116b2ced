"""对账差异的处理: one difference (any decision, 协商调整 with the agreed amounts), or many at once.

Both run their service in the worker: deciding a few hundred thousand 仅原物业 lines at once is one
UPDATE, but a long one.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from models.db import Database
from models.fees import Decision, DiffKind
from models.i18n import QT_TRANSLATE_NOOP
from models.rules.numbers import MONEY, parse_decimal
from models.services import reconcile as rc
from models.services.fee_rows import DifferenceRow

from ... import tasks
from ...table_model import format_value
from .common import WorkerDialog, number_edit


def _money(value) -> str:
    return "—" if value is None else format_value(value, "money")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionDialog", text)


def _note(parent: QWidget, text: str = "") -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setPlaceholderText(_tr("必填：处理依据，如“业主提供收据”“双方核实”"))
    edit.setMinimumWidth(360)
    return edit


class DecisionDialog(WorkerDialog):
    """One difference: both sides' amounts, the decisions its kind allows, the note (required)."""

    WORKING = QT_TRANSLATE_NOOP("FeesTab", "正在保存处理结果…")  # translated where shown (WorkerDialog)

    def __init__(self, db: Database, row: DifferenceRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("处理对账差异 — {unit} {item}").format(unit=row.unit, item=row.fee_item), parent)
        self.db, self.row = db, row
        self.kind = DiffKind(row.kind)
        self.form.addRow(self.tr("所属期："), QLabel(self.tr("{start} 至 {end}").format(
            start=row.period_start.isoformat(), end=row.period_end.isoformat()), self))
        self.form.addRow(self.tr("差异："), QLabel(row.kind.label, self))
        self.form.addRow(self._amounts())
        self.their_remark_label = QLabel(row.their_remark or self.tr("（无）"), self)
        self.their_remark_label.setWordWrap(True)
        self.their_remark_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("原物业说明："), self.their_remark_label)
        if not row.is_open:
            when = row.decided_at.strftime("%Y-%m-%d %H:%M") if row.decided_at else ""
            self.form.addRow(self.tr("当前处理："), QLabel(f"{row.decision.label}（{row.decided_by} {when}）", self))
        self.form.addRow(self.tr("处理："), self._choices())
        self.adjusted_billed = number_edit(self, row.their_billed if row.their_billed is not None else row.our_billed)
        self.adjusted_paid = number_edit(self, row.their_paid if row.their_paid is not None else row.our_paid)
        self.form.addRow(self.tr("调整后应收："), self.adjusted_billed)
        self.form.addRow(self.tr("调整后实收："), self.adjusted_paid)
        self.note = _note(self, row.note)
        self.form.addRow(self.tr("处理说明："), self.note)
        self.finish_layout()
        self.on_choice_changed()
        self.note.setFocus()

    def _amounts(self) -> QGridLayout:
        grid = QGridLayout()
        r = self.row
        cells = (("", self.tr("应收"), self.tr("实收")),
                 (self.tr("原物业台账"), _money(r.their_billed), _money(r.their_paid)),
                 (self.tr("我方台账"), _money(r.our_billed), _money(r.our_paid)))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, line in enumerate(cells):
            for j, text in enumerate(line):
                grid.addWidget(QLabel(text, self), i, j, right if j else Qt.AlignmentFlag.AlignLeft)
        grid.setColumnMinimumWidth(1, 110)
        grid.setColumnMinimumWidth(2, 110)
        grid.setColumnStretch(3, 1)  # the amounts stay next to their labels
        return grid

    def _choices(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.choices = QButtonGroup(self)
        options = self.row.choices
        current = Decision(self.row.decision)
        for decision in options:
            text = self.tr("恢复待处理") if decision is Decision.OPEN else decision.label
            button = QRadioButton(text, box)
            button.setProperty("decision", decision.value)
            button.setChecked(decision is current)
            self.choices.addButton(button)
            row.addWidget(button)
        if self.choices.checkedButton() is None:
            self.choices.buttons()[0].setChecked(True)
        self.choices.buttonToggled.connect(lambda *_: self.on_choice_changed())
        return box

    def decision(self) -> Decision:
        checked = self.choices.checkedButton()
        assert checked is not None  # an exclusive group, one checked from the start (_choices)
        return Decision(checked.property("decision"))

    def choose(self, decision: Decision) -> None:
        """Pick a decision (tests and keyboard users)."""
        for button in self.choices.buttons():
            if button.property("decision") == decision.value:
                button.setChecked(True)

    def on_choice_changed(self) -> None:
        adjust = self.decision() is Decision.ADJUST
        self.adjusted_billed.setEnabled(adjust)
        self.adjusted_paid.setEnabled(adjust)

    def job(self) -> tasks.Job:
        decision, note, row, db = self.decision(), self.note.text(), self.row, self.db
        billed = paid = None
        if decision is Decision.ADJUST:
            # Money, read strictly: "1o00" is no amount; negative is one (a credit line agreed as such).
            billed = parse_decimal(self.adjusted_billed.text(), self.tr("调整后应收"), MONEY)
            paid = parse_decimal(self.adjusted_paid.text(), self.tr("调整后实收"), MONEY)
        return lambda _progress: rc.decide(db, row.id, row.version, decision, note, adjusted_billed=billed,
                                           adjusted_paid=paid)


class BulkDialog(WorkerDialog):
    """Many differences, one decision and one note: those of the current filter, or the selected rows.

    `open_by_kind` counts the open differences of the filter per kind, so the dialog can say exactly
    how many a decision will change (以我方为准 leaves the 仅原物业 lines open, for instance).
    """

    WORKING = QT_TRANSLATE_NOOP("FeesTab", "正在批量处理差异…")  # translated where shown (WorkerDialog)

    def __init__(self, db: Database, handover_id: int, kind: DiffKind | None, fee_item: str | None,
                 filter_text: str, open_by_kind: dict[DiffKind, int], selected: Sequence[tuple[int, DiffKind, Decision]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("批量处理对账差异"), parent)
        self.db, self.handover_id, self.kind, self.fee_item = db, handover_id, kind, fee_item
        self.open_by_kind, self.selected = open_by_kind, list(selected)  # selected: (id, kind, decision)
        self.decision_combo = QComboBox(self)
        for decision in rc.BULK:
            self.decision_combo.addItem(decision.label, decision.value)
        self.use_filter = QRadioButton(self._filter_caption(filter_text), self)
        self.use_selection = QRadioButton(self.tr("选中的 {n} 行").format(n=len(self.selected)), self)
        self.use_selection.setEnabled(len(self.selected) > 1)
        (self.use_selection if len(self.selected) > 1 else self.use_filter).setChecked(True)
        self.note = _note(self)
        self.summary_label = QLabel(self, wordWrap=True)
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("处理方式："), self.decision_combo)
        self.form.addRow(self.tr("范围："), self.use_filter)
        self.form.addRow("", self.use_selection)
        self.form.addRow(self.tr("处理说明："), self.note)
        self.form.addRow(self.summary_label)
        self.finish_layout()
        for signal in (self.decision_combo.currentIndexChanged, self.use_filter.toggled):
            signal.connect(lambda *_: self.on_choice_changed())
        self.on_choice_changed()
        self.note.setFocus()

    def _filter_caption(self, filter_text: str) -> str:
        parts = [self.kind.label if self.kind else self.tr("全部差异类型"), self.fee_item or self.tr("全部收费项目")]
        caption = self.tr("当前筛选（{what}）的全部待处理差异").format(what=self.tr("、").join(parts))
        return caption + (self.tr("；文字筛选不适用") if filter_text.strip() else "")

    def decision(self) -> Decision:
        return Decision(self.decision_combo.currentData())

    def affected(self) -> int:
        """How many open differences the chosen decision will change."""
        if self.use_filter.isChecked():
            return rc.bulk_affected(self.decision(), self.open_by_kind)
        return rc.selection_affected(self.decision(), self.selected)

    def on_choice_changed(self) -> None:
        n = self.affected()
        self.summary_label.setText(self.tr("将把 {n} 项待处理差异标记为“{decision}”。不适用此处理或已处理的项保持不变。")
                                   .format(n=f"{n:,}", decision=self.decision().label))
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText(self.tr("处理 {n} 项").format(n=f"{n:,}"))
        ok.setEnabled(n > 0)

    def job(self) -> tasks.Job:
        db, hid, decision, note = self.db, self.handover_id, self.decision(), self.note.text()
        if self.use_filter.isChecked():
            kind, item = self.kind, self.fee_item
            return lambda _progress: rc.decide_many(db, hid, decision, note, kind=kind, fee_item=item)
        ids = [i for i, _kind, _decision in self.selected]
        return lambda _progress: rc.decide_many(db, hid, decision, note, ids=ids)
