"""An editable combo of suggested words: shown in the desk's language, saved as the shared Chinese word.

Every desk writes to one database, and the printed forms are Chinese: a listed suggestion picked on an
English desk must be stored as the word a Chinese desk would have stored. What the clerk types in is
their own text and is kept as typed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QComboBox, QWidget


def word_combo(parent: QWidget, words: Iterable[str], shown: Callable[[str], str], current: str = "") -> QComboBox:
    """`words` as the stored values, `shown(word)` as their text; `current` (a stored value or typed
    text) selected."""
    combo = QComboBox(parent, editable=True)
    for w in words:
        combo.addItem(shown(w), w)
    index = combo.findData(current) if current else 0
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentText(current)
    return combo


def stored_word(combo: QComboBox, default: str = "") -> str:
    """The listed word behind the shown text, or the text as typed; `default` when left empty."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    data = combo.itemData(index) if index >= 0 else None  # an entry typed in and inserted has none
    return str(data) if data else text or default
