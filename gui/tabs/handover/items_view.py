"""The items table: number fields and combo boxes as editors, and Enter that moves down like a paper form."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)

from models.handover import CopyKind
from models.labels import Coded
from models.services.checklist_rows import CONDITIONS, COPY_KINDS

from ...widgets.cell_editing import RetryDelegate, number_line
from ...widgets.form_table import FormTableView
from .items_model import COL, QUANTITY_KEYS, ItemsModel

Index = QModelIndex | QPersistentModelIndex
QTY_COLUMNS = tuple(COL[key] for key in QUANTITY_KEYS)


class ItemDelegate(RetryDelegate):
    """Combo boxes for 状况 and 原件/复印件; plain number fields for quantities and pages.

    Not spin boxes: a spin box clamps (99999999999 became 999999) and drops what it cannot read
    ("abc" kept the old 1, "-5" became 5) without a word. The model reads the text strictly and a
    refusal reopens the cell with the text as typed.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == COL["condition"]:
            return self._combo(parent, CONDITIONS)
        if column == COL["original_or_copy"]:
            return self._combo(parent, (CopyKind.UNSET, *COPY_KINDS))  # UNSET for things that are neither
        if column in QTY_COLUMNS:
            return number_line(parent)
        return super().createEditor(parent, option, index)

    @staticmethod
    def _combo(parent: QWidget, values: tuple[Coded, ...]) -> QComboBox:
        """Each member shown as its label in the desk's language, carried as the member itself."""
        combo = QComboBox(parent)
        for value in values:
            combo.addItem(value.label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if self.retried(editor, index):
            return
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value or ""), 0))
        elif index.column() in QTY_COLUMNS and isinstance(editor, QLineEdit):
            value = value if value is not None else self._quantity_default(index)
            editor.setText("" if value is None else str(value))
            editor.selectAll()  # typing replaces it, Enter accepts it
        else:
            super().setEditorData(editor, index)

    @staticmethod
    def _quantity_default(index: Index) -> int | None:
        """An empty 实收 starts at 应交: most items arrive complete, Enter accepts it."""
        if index.column() == COL["received_qty"]:
            return index.sibling(index.row(), COL["expected_qty"]).data(Qt.ItemDataRole.EditRole)
        return None

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif index.column() in QTY_COLUMNS and isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)  # as typed: the model reads it
        else:
            model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


class ItemsView(FormTableView):
    """Enter commits and moves to the same column of the next row; typing starts an edit."""

    def __init__(self, model: ItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(ItemDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setHighlightSections(False)
        self._size_columns(model)
        self.set_editable(False)

    def _size_columns(self, model: ItemsModel) -> None:
        header = self.horizontalHeader()
        header.setMinimumSectionSize(36)
        for section in range(model.columnCount()):
            header.resizeSection(section, model.column(section).width)
        header.setSectionResizeMode(COL["remarks"], QHeaderView.ResizeMode.Stretch)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def retry_cell(self, row: int, column: int, text: str) -> bool:
        """Open the cell a refused edit was in, with the text the clerk typed."""
        delegate = self.itemDelegate()
        return isinstance(delegate, RetryDelegate) and delegate.retry(self, self.model().index(row, column), text)

    def select_cell(self, row: int, column: Any = None) -> None:
        column = self.currentIndex().column() if column is None else column
        index = self.model().index(row, max(column, 0))
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
