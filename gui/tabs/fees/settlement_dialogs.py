"""The settlement's dialogs: 签署结算 (computes and freezes, so it runs in the worker), 修订结算, and a
deposit 退还业主 with its note."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.db import Database
from models.fees import DepositAction
from models.i18n import QT_TRANSLATE_NOOP
from models.services.fee_results import set_deposit_action
from models.services.fee_rows import DepositLine, FeeResults
from models.services.settlement import amend_settlement, sign_settlement

from ... import ops, tasks
from ...dialogs.base_dialog import ServiceDialog
from ...table_model import format_value
from .common import WorkerDialog


def _note_edit(parent: QWidget, placeholder: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(360)
    return edit


class SignDialog(WorkerDialog):
    """签署结算: what signing freezes, the figures as last computed, and a note."""

    WORKING = QT_TRANSLATE_NOOP("FeesTab", "正在计算并签署结算…")  # translated where shown (WorkerDialog)

    def __init__(self, db: Database, handover_id: int, results: FeeResults | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("签署财务结算"), parent)
        self.db, self.handover_id = db, handover_id
        intro = QLabel(self.tr("签署时按当前数据重新计算结果并保存；签署后本交接的台账、对账差异、押金处理和"
                               "抄表底数全部锁定，只能由主管“修订结算”后更改。"), self, wordWrap=True)
        intro.setMinimumWidth(420)
        self.form.addRow(intro)
        if results is not None:
            self.form.addRow(self.tr("原物业应付新物业："), QLabel("¥" + format_value(results.due_to_incoming, "money")))
            self.form.addRow(self.tr("新物业应付原物业："), QLabel("¥" + format_value(results.due_to_outgoing, "money")))
            still_open = QLabel(f"{results.differences_open:,}", self)
            if results.differences_open:
                still_open.setText(self.tr("{n}（签署前须全部处理）").format(n=f"{results.differences_open:,}"))
                still_open.setStyleSheet("color: #b3261e;")
            self.form.addRow(self.tr("待处理差异："), still_open)
        self.note = _note_edit(self, self.tr("签署说明（可空），如“双方财务已核对”"))
        self.form.addRow(self.tr("说明："), self.note)
        self.finish_layout()
        self.note.setFocus()

    def job(self) -> tasks.Job:
        db, handover_id, note = self.db, self.handover_id, self.note.text()
        return lambda progress: sign_settlement(db, handover_id, note=note, progress=progress)


class AmendDialog(ServiceDialog):
    """修订结算: a supervisor opens revision n+1 as a draft; the signed one stays as signed."""

    def __init__(self, db: Database, handover_id: int, revision: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修订财务结算"), parent)
        self.db, self.handover_id = db, handover_id
        text = self.tr("将创建第 {n} 版结算草稿；第 {old} 版保持签署时的内容。修订期间可重新导入台账、处理差异、"
                       "更正抄表底数，完成后再次签署。").format(n=revision + 1, old=revision)
        label = QLabel(text, self, wordWrap=True)
        label.setMinimumWidth(420)
        self.form.addRow(label)
        self.finish_layout()

    def operation(self) -> ops.Op:
        handover_id = self.handover_id
        return lambda db: amend_settlement(db, handover_id)

    def announces(self, result: Any) -> ops.Change:
        return ops.change(ops.FEES, handover_id=self.handover_id)


class RefundDialog(ServiceDialog):
    """押金 退还业主: the outgoing company refunded it, so it is not handed over; the note is the proof."""

    def __init__(self, db: Database, handover_id: int, deposit: DepositLine, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("押金改为退还业主 — {unit}").format(unit=deposit.unit), parent)
        self.db, self.handover_id, self.deposit = db, handover_id, deposit
        self.form.addRow(self.tr("押金："), QLabel(self.tr("{item} ¥{amount}（{received}）").format(
            item=deposit.fee_item, amount=format_value(deposit.amount, "money"),
            received=deposit.received_on.isoformat()), self))
        self.form.addRow(self.tr("业主："), QLabel(deposit.owner, self))
        self.note = _note_edit(self, self.tr("退还日期、凭证号等"))
        self.form.addRow(self.tr("处理说明："), self.note)
        self.finish_layout()
        self.note.setFocus()

    def operation(self) -> ops.Op:
        handover_id, deposit, note = self.handover_id, self.deposit, self.note.text()
        return lambda db: set_deposit_action(db, handover_id, deposit, DepositAction.REFUND, note)

    def announces(self, result: Any) -> ops.Change:
        return ops.change(ops.FEES, handover_id=self.handover_id)
