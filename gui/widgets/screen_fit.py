"""Sizing windows to the screen they open on: an office laptop is 1366×768 at 125 % or 150 %.

At 125 % such a screen is 1093×614 logical pixels, at 150 % 911×512; a taskbar takes ~40 of them and
the window's title bar ~32 more. Dialogs ask for their comfortable size and get the free area where
that is smaller; long forms sit in a scroll area (scrolling_form) so they can shrink.
"""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

TASKBAR = 40    # px a taskbar may take that availableGeometry does not always know of
TITLE_BAR = 32  # px of the window frame's title bar above the dialog's client area
MARGIN = 20     # px left free at the sides


def free_area(screen: QScreen | None = None) -> QRect:
    """The screen's available geometry less a taskbar it may not report (logical pixels)."""
    screen = screen or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    return QRect(free.x(), free.y(), free.width(), free.height() - TASKBAR)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen `widget`'s window is on (else the primary one).

    Never `widget.screen ()` from Python: PySide6 6.11 can tie the QScreen wrapper it returns to the
    widget's wrapper, and when that wrapper is collected the application's QScreen itself is deleted;
    the next window to ask for its screen then crashes (seen as a segfault in QWidget's constructor).
    QGuiApplication.screenAt is static, so nothing is tied to a widget."""
    window = widget.window()
    centre = window.geometry().center() if window.isVisible() else widget.mapToGlobal(widget.rect().center())
    return QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()


def max_client_size(widget: QWidget) -> tuple[int, int]:
    """The largest client area a dialog on `widget`'s screen may have: room for the frame and taskbar."""
    screen = screen_of(widget)
    if screen is None:
        return 10_000, 10_000
    free = free_area(screen)
    return free.width() - MARGIN, free.height() - TITLE_BAR


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """`width` × `height`, or the screen's free area where that is smaller (a laptop at 125 % or 150 %)."""
    max_w, max_h = max_client_size(widget)
    widget.resize(min(width, max_w), min(height, max_h))


def scrolling_form(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a frameless scroll area that scrolls only when the screen is too short for it."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
