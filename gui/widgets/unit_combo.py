"""Where something is: a unit of the project picked by typing part of its number, or free text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


def unit_combo(parent: QWidget, numbers: list[str], placeholder: str, text: str = "") -> QComboBox:
    """Editable: “1201” finds 3栋2单元1201 among 20,000 units; a common area is typed as it is."""
    combo = QComboBox(parent, editable=True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(numbers)
    combo.setMaxVisibleItems(15)
    completer = QCompleter(numbers, combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    line = combo.lineEdit()
    if line is not None:  # an editable combo always has one
        line.setPlaceholderText(placeholder)
    combo.setCurrentIndex(-1)
    combo.setEditText(text)
    return combo
