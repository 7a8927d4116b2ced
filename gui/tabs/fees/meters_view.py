"""The 抄表底数 table: a date editor for the dates, a number field for the readings, and Enter that
saves and moves down like a paper form (as the handover items table does)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)

from models.services import meters

from ...dates import qdate
from ...widgets.cell_editing import RetryDelegate, number_line
from ...widgets.form_table import FormTableView
from .meters_model import DATE_COLUMNS
from .records_model import ShownProxy, records_view

Index = QModelIndex | QPersistentModelIndex


class MeterDelegate(RetryDelegate):
    """Readings: a plain number field, right-aligned, read strictly by the model (a validator that
    dropped letters made "1o93.91" 193.91); dates: yyyy-MM-dd with a calendar."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() in DATE_COLUMNS:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        return number_line(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if self.retried(editor, index):
            return
        if isinstance(editor, QDateEdit):
            editor.setDate(qdate(value) if isinstance(value, dt.date) else self._default_date(index))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else f"{value:.2f}")
            editor.selectAll()

    @staticmethod
    def _default_date(index: Index) -> QDate:
        """An empty 上次抄表日 starts a month before the reading's date (the last monthly reading)."""
        read_on = index.sibling(index.row(), DATE_COLUMNS[1]).data(Qt.ItemDataRole.EditRole)
        return qdate(meters.usual_previous_reading(read_on)) if isinstance(read_on, dt.date) else QDate.currentDate()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date().toPython(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)  # as typed: the model reads it


def meters_view(proxy: ShownProxy, parent: QWidget) -> MetersView:
    view = records_view(proxy, parent, stretch=None, cls=MetersView)  # readings stay by their unit
    assert isinstance(view, MetersView)
    view.setup()
    return view


class MetersView(FormTableView):
    """Enter commits and moves to the same column of the next row; typing starts an edit."""

    def setup(self) -> None:
        self.setItemDelegate(MeterDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.set_editable(False)

    def retry_cell(self, index: QModelIndex, text: str) -> bool:
        """Open the cell a refused edit was in, with the text the clerk typed."""
        delegate = self.itemDelegate()
        return isinstance(delegate, RetryDelegate) and delegate.retry(self, index, text)
