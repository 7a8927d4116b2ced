"""A cell edited like a field of a form: a refused value is shown, then the cell's editor opens again
with the clerk's text in it, to correct — what was typed is never lost to a refusal (issue 11)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QWidget

Index = QModelIndex | QPersistentModelIndex


def number_line(parent: QWidget) -> QLineEdit:
    """The editor of a numeric cell: plain text, read strictly by the model (no validator that would
    drop the keys it does not like, no spin box that would clamp 99999999999 to 999999)."""
    line = QLineEdit(parent)
    line.setFrame(False)
    line.setAlignment(Qt.AlignmentFlag.AlignRight)
    return line


class RetryDelegate(QStyledItemDelegate):
    """Remembers the text of a refused edit for the moment its cell's editor opens again."""

    _retry: tuple[int, int, str] | None = None

    def retry(self, view: QAbstractItemView, index: QModelIndex, text: str) -> bool:
        """Open `index`'s editor with `text` (call after the refusal was shown); False if it cannot."""
        if not index.isValid() or view.state() == QAbstractItemView.State.EditingState:
            return False  # the clerk is already in another cell: leave them there
        self._retry = (index.row(), index.column(), text)
        try:
            view.setFocus()
            view.setCurrentIndex(index)
            view.scrollTo(index)
            view.edit(index)
        finally:
            self._retry = None  # the editor was filled synchronously, inside edit()
        return view.state() == QAbstractItemView.State.EditingState

    def retried(self, editor: QWidget, index: Index) -> bool:
        """Fill `editor` with the refused text if this is the cell being retried."""
        pending = self._retry
        if pending is None or (pending[0], pending[1]) != (index.row(), index.column()):
            return False
        if isinstance(editor, QLineEdit):
            editor.setText(pending[2])  # the cursor at the end, nothing selected: ready to correct
            return True
        return False
