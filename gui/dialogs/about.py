"""关于: the program's version, the database in use (no password), the data folder and the log file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.paths import data_dir
from models.version import program_name

from ..widgets.screen_fit import screen_of


class AboutDialog(QDialog):
    """What a support call asks first; each path can be selected and copied, or its folder opened."""

    def __init__(self, db: Database, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于物业交接台"))
        kind = self.tr("本机 SQLite 文件") if db.is_sqlite else self.tr("PostgreSQL 服务器")
        title = QLabel(program_name(), self)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.version_label = title
        self.database_label = self._text(self.tr("{database}（{kind}）").format(database=db.display_name, kind=kind))
        self.folder_label = self._text(str(data_dir()))
        self.log_label = self._text(str(log_file))
        form = QFormLayout()
        form.addRow(self.tr("数据库："), self.database_label)
        form.addRow(self.tr("数据文件夹："), self._with_open(self.folder_label, data_dir()))
        form.addRow(self.tr("日志文件："), self._with_open(self.log_label, log_file.parent))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(QLabel(self.tr("物业交接的清单、遗留问题、钥匙和费用对账。"), self))
        box.addLayout(form)
        box.addWidget(buttons)
        screen = screen_of(self)
        room = screen.availableGeometry().width() - 40 if screen is not None else 10_000  # no screen: no limit
        self.resize(min(max(self.sizeHint().width(), 560), room), self.sizeHint().height())

    def _text(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _with_open(self, label: QLabel, folder: Path) -> QHBoxLayout:
        button = QPushButton(self.tr("打开文件夹"), self)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def texts(self) -> str:
        """Everything the dialog says, for tests and for pasting into a support mail."""
        return "\n".join(w.text() for w in (self.version_label, self.database_label, self.folder_label,
                                            self.log_label))
