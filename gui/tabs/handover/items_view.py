"""The items table: spin boxes and combo boxes as editors, and Enter that moves down like a paper form."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from models.services.checklist_rows import CONDITIONS, COPY_KINDS

from ...widgets.form_table import FormTableView
from .items_model import COL, ItemsModel

Index = QModelIndex | QPersistentModelIndex
QTY_COLUMNS = (COL["expected_qty"], COL["received_qty"], COL["pages"])
MAX_QTY = 999_999


class ItemDelegate(QStyledItemDelegate):
    """Combo boxes for 状况 and 原件/复印件, spin boxes for quantities and pages."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == COL["condition"]:
            return self._combo(parent, CONDITIONS)
        if column == COL["original_or_copy"]:
            return self._combo(parent, ("",) + COPY_KINDS)  # "" for things that are neither
        if column in QTY_COLUMNS:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_QTY)
            spin.setFrame(False)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        return super().createEditor(parent, option, index)

    @staticmethod
    def _combo(parent: QWidget, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItems(list(values))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(value or ""), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(value if value is not None else self._spin_default(index))
        else:
            super().setEditorData(editor, index)

    @staticmethod
    def _spin_default(index: Index) -> int:
        """An empty 实收 starts at 应交: most items arrive complete, Enter accepts it."""
        if index.column() == COL["received_qty"]:
            return index.siblingAtColumn(COL["expected_qty"]).data(Qt.ItemDataRole.EditRole) or 0
        return 0

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
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

    def select_cell(self, row: int, column: Any = None) -> None:
        column = self.currentIndex().column() if column is None else column
        index = self.model().index(row, max(column, 0))
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
