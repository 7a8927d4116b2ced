"""A scanner is a keyboard: what it types lands wherever the focus is. These filters make every scan
reach the key it names — from a card button or the table to the scan field, and out of a key's dialog.

A scanner types a tag and Enter, fast. Typed into a card button, the characters were lost and the
Enter pressed the button: the second of two scans opened the first key's dialog. Typed into the field
of an open key dialog (归还人, 封条编号…), the tag would become the first key's returner and its Enter
would save it. Here the first stray character moves the scan to the scan field, and a tag typed into a
dialog is taken back out of the field it landed in and handed over as a scan, the dialog kept open.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
QUIET = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)  # a scanner presses Shift for capitals
LONGEST = 80  # characters kept of what was typed: a tag is at most 40


def typed_char(event: QEvent) -> str:
    """The printable character a key press types ('' for Enter, arrows, shortcuts…)."""
    if event.type() != QEvent.Type.KeyPress:
        return ""
    key_event: QKeyEvent = event  # type: ignore[assignment]
    text = key_event.text()
    if not text or not text.isprintable() or key_event.modifiers() & CHORDS:
        return ""
    return text


class ToScanField(QObject):
    """Installed on the card's buttons and the tables: a printable key starts a new scan in the field."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        char = typed_char(event)
        if not char:
            return False
        self.field.setFocus()
        self.field.selectAll()  # a new scan replaces the last
        key_event: QKeyEvent = event  # type: ignore[assignment]
        copy = QKeyEvent(QEvent.Type.KeyPress, key_event.key(), key_event.modifiers(), char)
        QApplication.sendEvent(self.field, copy)
        return True


class ScanCatcher(QObject):
    """Watches one key dialog: a tag typed into it and Enter is a scan (`scanned`), not the dialog's text.

    `find_tag(typed)` names the tag the end of the typed text is (models decide what a tag is), or "".
    The field the scan landed in gets back what it held before the scan's first character, and the
    Enter is eaten, so the dialog stays open for the key it belongs to.
    """

    scanned = Signal(str)  # the tag scanned while the dialog was open

    def __init__(self, dialog: QWidget, find_tag: Callable[[str], str]) -> None:
        super().__init__(dialog)
        self.dialog, self.find_tag = dialog, find_tag
        self._widget: QObject | None = None
        self._typed = ""
        self._before: list[Any] = []  # the widget's value before each typed character
        for widget in dialog.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The focus widget only: a key an editor ignores travels on to its parents, counted once.
        if event.type() != QEvent.Type.KeyPress or watched is not self.dialog.focusWidget():
            return False
        if isinstance(watched, QLineEdit) and watched.echoMode() != QLineEdit.EchoMode.Normal:
            return False  # a password is never looked up, nor kept here
        if event.key() in ENTER:  # type: ignore[attr-defined]
            return self._enter(watched)
        char = typed_char(event)
        if char:
            self._typing(watched, char)
        elif event.key() not in QUIET:  # type: ignore[attr-defined]
            self._clear()  # Backspace, arrows, Tab…: a person editing, not a scan
        return False

    def _typing(self, widget: QObject, char: str) -> None:
        if widget is not self._widget:
            self._clear()
            self._widget = widget
        if len(self._typed) >= LONGEST:
            self._typed, self._before = self._typed[1:], self._before[1:]
        self._before.append(_value(widget))
        self._typed += char

    def _enter(self, widget: QObject) -> bool:
        typed, before = self._typed, self._before
        self._clear()
        tag = self.find_tag(typed) if typed.strip() else ""
        if not tag:
            return False
        _restore(widget, before[max(0, min(_start(typed, tag), len(before) - 1))])
        self.scanned.emit(tag)
        return True

    def _clear(self) -> None:
        self._widget, self._typed, self._before = None, "", []


def _start(typed: str, tag: str) -> int:
    """Where the scanned tag begins in what was typed (it ends the text, in any case)."""
    return len(typed.rstrip()) - len(tag)


def _value(widget: QObject) -> Any:
    """The widget's user property (a line's text, a combo's text, a date-time edit's value)."""
    prop = widget.metaObject().userProperty()
    return prop.read(widget) if prop.isValid() else None


def _restore(widget: QObject, value: Any) -> None:
    prop = widget.metaObject().userProperty()
    if prop.isValid() and value is not None:
        prop.write(widget, value)
