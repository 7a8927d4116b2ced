"""The keys tab's panels: the scanned key's card with its allowed next actions, and 逾期未还 in red."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.keys import KeyEventKind as E
from models.services.key_custody import KeyRow, OnLoan

LATE = QColor("#b3261e")
ERROR_STYLE = "color: #b3261e;"
# The buttons the card can show, in the order a clerk reads them; each shows only when the rules allow it.
LOAN_REASON_CHARS = 16  # of a 延期原因 on the card; the tooltip has all of it
OPENS_CHARS = 24        # of 开启对象 (up to 100) on the card, which must fit a 1366-pixel screen
ACTIONS = (E.LEND, E.RETURN, E.ISSUE, E.SEAL, E.UNSEAL, E.LOSE, E.HAND_OVER, E.RETIRE)


def _short(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[:chars - 1] + "…"


class KeyCard(QWidget):
    """Tag, what it opens, where it hangs, status and loan — and a button for each event the key allows next.

    The first line says what the key is; the second, while it is out, who has it until when, and the
    buttons. The button the scan field's Enter starts (KeyRow.next_step) is drawn as the default.
    """

    action_clicked = Signal(object)  # KeyEventKind
    history_clicked = Signal()       # 历史… : every event of the key shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: KeyRow | None = None
        self.tag_label = QLabel(self)
        self.tag_label.setStyleSheet("font-weight: bold;")
        self.tag_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.opens_label = QLabel(self)
        self.place_label = QLabel(self)   # 柜格 G01-01-16 (or where it hung, once it left)
        self.status_label = QLabel(self)
        self.loan_label = QLabel(self)    # a lent key: who has it, until when, approved by whom
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet(ERROR_STYLE)
        texts = {E.LEND: self.tr("借出…"), E.RETURN: self.tr("归还…"), E.ISSUE: self.tr("发放给业主…"),
                 E.SEAL: self.tr("封存…"), E.UNSEAL: self.tr("启封…"), E.LOSE: self.tr("遗失…"),
                 E.HAND_OVER: self.tr("移交…"), E.RETIRE: self.tr("作废…")}
        self.buttons: dict[E, QPushButton] = {}
        self.history_button = QPushButton(self.tr("历史…"), self)
        self.history_button.setVisible(False)
        self.history_button.setToolTip(self.tr("这把钥匙的全部记录（也可双击表格中的行）"))
        self.history_button.clicked.connect(lambda _checked=False: self.history_clicked.emit())
        first = QHBoxLayout()  # what the key is
        first.setSpacing(14)
        for label in (self.tag_label, self.opens_label, self.place_label, self.status_label, self.message_label):
            first.addWidget(label)
        first.addStretch(1)
        second = QHBoxLayout()  # who has it, and what may happen next
        second.addWidget(self.loan_label)
        second.addStretch(1)
        for kind in ACTIONS:
            button = QPushButton(texts[kind], self, autoDefault=True)
            button.setVisible(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.action_clicked.emit(k))
            self.buttons[kind] = button
            second.addWidget(button)
        second.addWidget(self.history_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(first)
        column.addLayout(second)
        self.show_key(None)

    def show_key(self, key: KeyRow | None) -> None:
        self.key = key
        self.message_label.setText("")
        if key is None:
            self.tag_label.setText(self.tr("未选钥匙"))
            self.opens_label.setText(self.tr("扫描钥匙标签（或输入标签号）后回车"))
            self.status_label.setText("")
        else:
            self.tag_label.setText(key.tag)
            self.opens_label.setText(self.tr("开启：{opens}").format(opens=_short(key.opens, OPENS_CHARS) or "—"))
            self.opens_label.setToolTip(key.opens if len(key.opens) > OPENS_CHARS else "")
            self.status_label.setText(self.tr("状态：{status}").format(status=key.status.label))
        self.show_place(key)
        self.show_loan(key.loan if key is not None else None)
        for kind, button in self.buttons.items():
            button.setVisible(key is not None and kind in key.allowed)
        self.history_button.setVisible(key is not None)
        first = self.first_action()
        for button in self.buttons.values():
            button.setDefault(button is first)  # what Enter in the scan field starts

    def show_place(self, key: KeyRow | None) -> None:
        if key is None:
            self.place_label.setText("")
        elif key.holds_slot:
            self.place_label.setText(self.tr("柜格：{place}").format(place=key.place or self.tr("未定")))
        else:  # issued, handed over, lost or retired: the hook is another key's now
            self.place_label.setText(self.tr("原柜格：{place}").format(place=key.place or "—"))

    def show_loan(self, loan: OnLoan | None) -> None:
        if loan is None:
            self.loan_label.setText("")
            self.loan_label.setToolTip("")
            return
        due = loan.due_at.strftime("%m-%d %H:%M") if loan.due_at else "—"
        text = self.tr("借用人 {who}，应还 {due}，批准：{approver}").format(
            who=loan.borrower, due=due, approver=loan.approved_by or "—")
        full = text
        if why := loan.extension_reason:
            full = text + self.tr("，延期原因：{why}").format(why=why)
            short = _short(why, LOAN_REASON_CHARS)
            text += self.tr("，延期原因：{why}").format(why=short)  # the card's row keeps room for its buttons
        self.loan_label.setText(text)
        self.loan_label.setToolTip(full)

    def show_message(self, text: str) -> None:
        """A scan that found nothing: the message, and no key's buttons."""
        self.show_key(None)
        self.opens_label.setText("")
        self.message_label.setText(text)

    def visible_actions(self) -> list[E]:
        return [kind for kind, button in self.buttons.items() if not button.isHidden()]

    def first_kind(self) -> E | None:
        """The likely next step the rules name for the key (借出 from store, 归还 when out), or none."""
        return self.key.next_step if self.key is not None else None

    def first_action(self) -> QPushButton | None:
        kind = self.first_kind()
        return self.buttons[kind] if kind is not None else None


class OverduePanel(QWidget):
    """逾期未还: keys out past their due time, red until returned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("标签号"), self.tr("借用人"), self.tr("应还时间")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 80)
        header.resizeSection(2, 118)
        self.status_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def show_overdue(self, rows: list[tuple[str, str, dt.datetime]]) -> None:
        self.table.setRowCount(len(rows))
        for r, (tag, borrower, due) in enumerate(rows):
            for c, text in enumerate((tag, borrower, due.strftime("%Y-%m-%d %H:%M"))):
                item = QTableWidgetItem(text)
                item.setForeground(LATE)
                self.table.setItem(r, c, item)
        self.status_label.setText(self.tr("{n} 把钥匙逾期未还").format(n=len(rows)) if rows
                                  else self.tr("没有逾期未还的钥匙"))

    def tags(self) -> list[str]:
        return [item.text() for r in range(self.table.rowCount()) if (item := self.table.item(r, 0)) is not None]
