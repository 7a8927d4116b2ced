"""Showing errors: a domain error is a message for the clerk; anything else is a bug, logged once."""
from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.errors import DomainError, file_error

log = logging.getLogger("handoverdesk")
_showing_bug = False  # one bug dialog at a time: a failing paint would otherwise open hundreds


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def _show_box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str = "") -> None:
    """The one place a message box is shown (tests replace it)."""
    box = QMessageBox(icon, _tr("物业交接台"), text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """A refused action gets its Chinese message; anything else goes to the bug dialog.

    A file that cannot be written (open in Excel, a folder without rights, a full disk) is the
    clerk's to fix, not a bug: its message names the file.
    """
    if isinstance(exc, OSError):
        log.warning("file error: %s", type(exc).__name__)
        exc = file_error(exc)
    if isinstance(exc, DomainError):
        _show_box(parent or QApplication.activeWindow(), QMessageBox.Icon.Warning, str(exc))
    else:
        report_bug(type(exc), exc, exc.__traceback__)


def report_bug(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    global _showing_bug
    details = "".join(traceback.format_exception(etype, value, tb))
    log.error("未处理的错误 / unhandled error:\n%s", details)
    if _showing_bug or QApplication.instance() is None:
        return
    _showing_bug = True
    try:
        _show_box(QApplication.activeWindow(), QMessageBox.Icon.Critical,
                  _tr("程序出现了一个错误，已记录到日志。您的数据已保存到上一次成功的操作。\n"
                      "如果问题反复出现，请把详细信息发给技术支持。"), details)
    finally:
        _showing_bug = False


def _excepthook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if isinstance(value, (DomainError, OSError)):  # refused inside a slot: still the clerk's message
        show_error(value)
    elif issubclass(etype, KeyboardInterrupt):
        sys.__excepthook__(etype, value, tb)
    else:
        report_bug(etype, value, tb)


def install_excepthook() -> None:
    sys.excepthook = _excepthook
