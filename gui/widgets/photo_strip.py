"""A row of photo thumbnails: files dropped on it or added by the form, click to view, remove.

It only draws thumbnails made by models/photos.py; a dropped file is handed to the owner unread."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from .screen_fit import fit_to_screen

THUMB = 96  # px shown; the stored thumbnails are larger and scaled down here


@dataclass(frozen=True)
class StripPhoto:
    """One thumbnail: `key` is the stored photo id, or a negative number for a photo not yet saved."""

    key: int
    filename: str
    thumbnail: bytes


def pixmap_from(data: bytes, size: int | None = None) -> QPixmap:
    image = QImage.fromData(data)
    if size and not image.isNull():
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(image)


class PhotoStrip(QListWidget):
    """Shows thumbnails only; the dialog or pane that owns it keeps the photos themselves."""

    files_dropped = Signal(list)   # local file paths dropped on the strip
    photo_opened = Signal(int)     # a thumbnail was clicked (its key)

    def __init__(self, parent: QWidget | None = None, accept_drops: bool = False) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 12, THUMB + 24))
        self.setFixedHeight(THUMB + 44)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAcceptDrops(accept_drops)
        self.viewport().setAcceptDrops(accept_drops)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly if accept_drops else
                             QListWidget.DragDropMode.NoDragDrop)
        self.itemClicked.connect(lambda item: self.photo_opened.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_photos(self, photos: list[StripPhoto]) -> None:
        self.clear()
        for photo in photos:
            self.add_photo(photo)

    def add_photo(self, photo: StripPhoto) -> None:
        item = QListWidgetItem(QIcon(pixmap_from(photo.thumbnail, THUMB)), _short(photo.filename))
        item.setToolTip(photo.filename)
        item.setData(Qt.ItemDataRole.UserRole, photo.key)
        self.addItem(item)

    def keys(self) -> list[int]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def selected_key(self) -> int | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def remove_key(self, key: int) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.takeItem(i)
                return

    # ---- drops ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Every dropped file goes to the owner, whatever its name ends with: the owner reads it with
        models/photos.py, which names a file that is not a picture (or is too large) instead of the
        drop doing nothing, and takes a photo saved as .jfif or without an extension."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


class PhotoViewer(QDialog):
    """One photo at full size, scrollable, within the screen."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.image_label = QLabel(self)
        self.image_label.setPixmap(pixmap_from(data))
        scroll = QScrollArea(self)
        scroll.setWidget(self.image_label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(scroll)
        size = self.image_label.pixmap().size()
        fit_to_screen(self, min(size.width() + 40, 1200), min(size.height() + 40, 700))
