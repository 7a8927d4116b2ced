"""A table edited like a paper form: typing starts an edit, Enter saves and moves down a row."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QTableView,
    QWidget,
)

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)


class FormTableView(QTableView):
    """Enter commits and moves to the same column of the next row; a read-only one gets no triggers."""

    def set_editable(self, editable: bool) -> None:
        """A signed record gets no edit triggers at all (its model refuses edits too)."""
        self.setEditTriggers(EDIT_TRIGGERS if editable else QAbstractItemView.EditTrigger.NoEditTriggers)

    def move_down(self) -> None:
        """To the same column of the next row (the last row stays put)."""
        current = self.currentIndex()
        below = current.sibling(current.row() + 1, current.column()) if current.isValid() else QModelIndex()
        if below.isValid():
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        # The delegate closes with SubmitModelCache on Enter/Return: the clerk confirmed the cell.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and \
                self.state() != QAbstractItemView.State.EditingState:
            self.move_down()  # Enter on a cell without editing it: next row, like the editor does
            return
        super().keyPressEvent(event)
