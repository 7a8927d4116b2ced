"""The settlement at a glance: each line with its direction and amount, what each company owes the
other, the net in figures and in Chinese capitals (大写), and how far the reconciliation got."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models import i18n
from models.labels import word
from models.money import to_capital
from models.services.fee_rows import FeeResults

from ...table_model import format_value
from ...widgets.screen_fit import scrolling_form
from . import result_columns
from .records_model import RecordsModel, RecordsProxy, records_view

CAPITAL_STYLE = "color: #5c4300;"


def money(amount: Decimal) -> str:
    return "¥" + format_value(amount, "money")


class SettlementBox(QGroupBox):
    """Filled from one FeeResults; empty (with a hint) until the results are computed.

    Its lines sit in a scroll area: on a short screen (1366×768 at 150 %) the box scrolls instead of
    squeezing its table and labels over each other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("财务结算"), parent)
        self.model = RecordsModel(result_columns.settlement(), self)
        self.proxy = RecordsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.content = QWidget(self)
        self.table = records_view(self.proxy, self.content, stretch=0)
        self.table.setSortingEnabled(False)  # the breakdown reads in its own order
        self.table.setWordWrap(True)  # the labels say why each line is owed: never cut them off
        self.hint_label = QLabel(self.content, wordWrap=True)
        self.state_label = QLabel(self.content, wordWrap=True)
        self.to_incoming_label, self.to_outgoing_label = QLabel(self.content), QLabel(self.content)
        self.net_label = QLabel(self.content, wordWrap=True)
        self.net_label.setStyleSheet("font-weight: bold;")
        self.capital_label = QLabel(self.content, wordWrap=True)
        self.capital_label.setStyleSheet(CAPITAL_STYLE)
        self.facts_label = QLabel(self.content, wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("原物业应付新物业："), self.to_incoming_label)
        form.addRow(self.tr("新物业应付原物业："), self.to_outgoing_label)
        form.addRow(self.tr("结算净额："), self.net_label)
        form.addRow("", self.capital_label)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.facts_label)
        layout.addStretch(1)
        self.scroll_area = scrolling_form(self.content, self)  # not `scroll`: that is QWidget.scroll()
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # labels wrap instead
        QVBoxLayout(self).addWidget(self.scroll_area)
        self.content.installEventFilter(self)
        self.show_results(None)

    def show_results(self, results: FeeResults | None, hint: str = "") -> None:
        self.hint_label.setText(hint or (self.tr("尚未计算结果：点击上方“计算结果”。") if results is None else ""))
        self.hint_label.setVisible(bool(self.hint_label.text()))
        self.model.set_records(results.settlement if results else ())
        self._fit_table()
        for label in (self.state_label, self.to_incoming_label, self.to_outgoing_label, self.net_label,
                      self.capital_label, self.facts_label):
            label.setText("")
        if results is not None:
            self._fill(results)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.content and event.type() == QEvent.Type.Resize \
                and event.size().width() != event.oldSize().width():
            self._fit_table()  # a narrower box wraps the labels onto more lines
        return super().eventFilter(watched, event)

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped labels, and the table exactly as tall as its rows."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(i) for i in range(self.model.rowCount())) or 24 * 5
        self.table.setFixedHeight(rows + self.table.horizontalHeader().height() + 4)

    def _fill(self, r: FeeResults) -> None:
        self.state_label.setText(self._state(r))
        self.to_incoming_label.setText(money(r.due_to_incoming))
        self.to_outgoing_label.setText(money(r.due_to_outgoing))
        net = r.net_to_incoming
        self.net_label.setText(self.tr("{direction} {amount}").format(direction=word(r.net_direction),
                                                                      amount=money(abs(net))))
        self.capital_label.setText(self.tr("大写：{capital}").format(capital=to_capital(abs(net))))
        # Chinese capitals are what a Chinese form needs against alteration; an English desk has no use for them.
        self.capital_label.setVisible(i18n.language() == i18n.CHINESE)
        self.facts_label.setText(self._facts(r))

    def _state(self, r: FeeResults) -> str:
        if not r.settlement_status:
            return self.tr("结算状态：尚未签署")
        text = self.tr("结算状态：{status}（第 {n} 版）").format(status=r.settlement_status.label, n=r.settlement_revision)
        if r.signed_at is not None:
            text += self.tr("，{who} 签署于 {at}").format(who=r.signed_by, at=r.signed_at.strftime("%Y-%m-%d %H:%M"))
        return text

    def _facts(self, r: FeeResults) -> str:
        rate = "—" if r.overall_rate is None else f"{r.overall_rate * 100:.2f}%"
        return self.tr("对账差异 {total} 项，待处理 {open} 项\n台账：原物业 {theirs} 行，我方 {ours} 行\n"
                       "基准日前应收 {billed}，实收 {paid}，收缴率 {rate}\n"
                       "押金退还业主 {refunded}；代收代缴业主尚欠 {owed}（不在两家之间结算）").format(
            total=f"{r.differences_total:,}", open=f"{r.differences_open:,}", theirs=f"{r.lines_theirs:,}",
            ours=f"{r.lines_ours:,}", billed=money(r.billed_total), paid=money(r.paid_total), rate=rate,
            refunded=money(r.deposits_refunded), owed=money(r.for_others_owed))
