"""备份与恢复: the list of this PC's SQLite backups and restoring one; the offer of the latest good backup
when the database is damaged; restoring a PostgreSQL office's archive into an empty database.

Only what the clerk sees and chooses lives here; copying, checking and loading are models/backup.py
and models/archive.py, run off the GUI thread through gui/tasks.py.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import archive
from models import backup as bk
from models.db import Database
from models.errors import DomainError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import office
from models.services.office import DatabaseChoice
from models.services.permissions import RESTORE_BACKUP, require_role

from .. import ops, relaunch, tasks
from ..blocking_task import run_blocking
from ..file_dialogs import get_open_file_name
from ..widgets.screen_fit import fit_to_screen

log = logging.getLogger("handoverdesk")
ERROR_STYLE = "color: #b3261e;"
ARCHIVE_FILTER = QT_TRANSLATE_NOOP("backups", "物业交接台备份 (*.zip);;所有文件 (*)")
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("backups", text)


def confirm(parent: QWidget | None, text: str) -> bool:
    """Yes/No (tests replace this)."""
    answer = QMessageBox.question(parent, _tr("物业交接台"), text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, text: str) -> None:
    """A message the clerk acknowledges (tests replace this)."""
    QMessageBox.information(parent, _tr("物业交接台"), text)


def keep_note() -> str:
    return _tr("备份保存在数据库文件旁的 backups 文件夹里；每天保留最新的一份，保留最近 {days} 天，"
               "另每月保留一份，保留最近 {months} 个月。").format(days=bk.KEEP_DAYS, months=bk.KEEP_MONTHS)


class BackupsModel(QAbstractTableModel):
    """One row per backup file: when it was made, its size, its file name."""

    def __init__(self, files: list[bk.BackupFile], parent: Any = None) -> None:
        super().__init__(parent)
        self.files = files
        self.headers = [self.tr("备份时间"), self.tr("大小"), self.tr("文件")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self.files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{b.made_at:%Y-%m-%d %H:%M:%S}", size_text(b.size), b.path.name)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        return None

    def set_files(self, files: list[bk.BackupFile]) -> None:
        self.beginResetModel()
        self.files = files
        self.endResetModel()


def size_text(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:,.1f} MB"
    return f"{max(size, 1) / 1024:,.0f} KB"


def _table(model: BackupsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return view


# ---- SQLite: 恢复… --------------------------------------------------------------------------------

class RestoreDialog(QDialog):
    """This PC's backups, newest first; the chosen one is checked, confirmed, put in place, and the
    app restarts on it. An administrator's (the constructor refuses anyone else)."""

    def __init__(self, db: Database, window: Any = None, parent: QWidget | None = None) -> None:
        require_role(db, *RESTORE_BACKUP)
        path = bk.sqlite_file(db)
        if path is None:
            raise ValidationError(_tr("这个数据库在 PostgreSQL 服务器上：请用“恢复…”载入备份文件到一个空数据库。"))
        super().__init__(parent or window)
        self.db, self.window_, self.path = db, window, path
        self.restored_from: bk.BackupFile | None = None
        self.aside: Path | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        self.model = BackupsModel(bk.backups(path), self)
        self.view = _table(self.model, self)
        intro = QLabel(self.tr("数据库文件：{path}\n备份文件夹：{folder}").format(
            path=path, folder=bk.backup_folder(path)), self)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(keep_note() + self.tr("\n恢复前会先检查所选备份；当前文件另存一份（文件名含“恢复前”），"
                                            "然后程序重新启动并打开恢复后的数据库。"), self)
        note.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("恢复所选备份…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.view, 1)
        box.addWidget(note)
        box.addWidget(self.error_label)
        box.addWidget(self.buttons)
        if self.model.rowCount():
            self.view.selectRow(0)
        else:
            self.error_label.setText(self.tr("还没有备份。请先用“文件 → 备份…”备份一次。"))
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        fit_to_screen(self, 720, 460)

    def selected(self) -> bk.BackupFile | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.files[rows[0].row()] if rows else None

    def select(self, backup: bk.BackupFile) -> None:
        self.view.selectRow(self.model.files.index(backup))

    def on_restore_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.error_label.setText(self.tr("请先在列表中选一份备份。"))
            return
        self.error_label.clear()
        try:
            run_blocking(self, self.tr("正在检查所选备份…"), lambda _p: bk.check_backup(chosen.path))
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        if not confirm(self, self.tr("所选备份（{label}）检查通过。\n\n用它替换当前数据库吗？当前文件会另存一份，"
                                     "然后程序重新启动。备份之后所做的修改将不在恢复后的数据库里。")
                       .format(label=chosen.label)):
            return
        try:
            # In the writer thread: the database's connections are closed only once no write of this
            # desk is half-way through, and none starts until the restored file is in place.
            self.aside = run_blocking(self, self.tr("正在恢复…"), lambda _p: bk.restore_open(self.db, chosen.path),
                                      executor=ops.writer())
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        except Exception:  # noqa: BLE001 - the clerk gets a sentence, the log the details
            log.exception("恢复出错")
            self.error_label.setText(self.tr("恢复没有完成，详情已记入日志。请联系技术支持后再试。"))
            return
        self.restored_from = chosen
        log.info("已从备份 %s 恢复（原文件另存为 %s）", chosen.path.name, self.aside.name)
        inform(self, self.tr("已从 {label} 的备份恢复。\n原来的文件另存为：{aside}\n\n程序现在重新启动。")
               .format(label=chosen.label, aside=self.aside))
        self.accept()
        if self.window_ is not None:
            relaunch.restart(self.window_)


# ---- a damaged database at start ------------------------------------------------------------------

def short_problem(problem: str) -> str:
    """SQLite's complaint can run to five lines of page numbers: the message keeps the first one."""
    match = re.match(r"(.*?（)(.*?)(）.*)", problem, re.S)
    if match is None or "\n" not in match[2]:
        return problem
    lines = [ln for ln in match[2].splitlines() if ln.strip() and not ln.startswith("***")]
    first = (lines[0] if lines else match[2].splitlines()[0])[:60]
    return f"{match[1]}{first}…{match[3]}"


class DamagedDialog(QDialog):
    """The database is damaged: here is its latest good backup (date, size); restore it?"""

    def __init__(self, problem: str, latest: bk.BackupFile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        said = QLabel(short_problem(problem), self)
        said.setWordWrap(True)
        said.setStyleSheet(ERROR_STYLE)
        box = QVBoxLayout(self)
        box.addWidget(said)
        self.buttons = QDialogButtonBox(self)
        if latest is None:
            box.addWidget(QLabel(self.tr("没有找到完好的备份。请联系技术支持。"), self))
            self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            box.addWidget(QLabel(self.tr("最近一份完好的备份（已检查）："), self))
            self.model = BackupsModel([latest], self)
            self.view = _table(self.model, self)
            self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height()
                                     + self.view.verticalHeader().defaultSectionSize() + 6)
            box.addWidget(self.view)
            note = QLabel(self.tr("恢复后，损坏的文件另存一份（文件名含“恢复前”），程序打开恢复后的数据库。"
                                  "备份之后所做的修改不在备份里。"), self)
            note.setWordWrap(True)
            box.addWidget(note)
            self.restore_button = self.buttons.addButton(self.tr("恢复这份备份"),
                                                         QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(self.tr("不恢复"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addStretch(1)
        box.addWidget(self.buttons)
        fit_to_screen(self, 640, 320)


# ---- PostgreSQL: 恢复… ----------------------------------------------------------------------------

class ArchiveRestoreDialog(QDialog):
    """A backup file (models/archive.py) loaded into an empty PostgreSQL database; then, if wanted,
    this PC uses that database from its next start. An administrator's."""

    def __init__(self, db: Database, settings: QSettings, window: Any = None, parent: QWidget | None = None) -> None:
        require_role(db, *RESTORE_BACKUP)
        super().__init__(parent or window)
        self.db, self.settings, self.window_ = db, settings, window
        self.counts: dict[str, int] | None = None
        self.switched = False
        self.setWindowTitle(self.tr("从备份文件恢复到空数据库"))
        intro = QLabel(self.tr("备份文件只能恢复到一个空的数据库：请先请管理员在服务器上新建一个空数据库，"
                               "在下面填写它。当前数据库不会被改动。"), self)
        intro.setWordWrap(True)
        self.file_edit = QLineEdit(self, placeholderText=self.tr("物业交接台备份文件（.zip）"))
        choose = QPushButton(self.tr("选择…"), self)
        choose.clicked.connect(self.on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        here = DatabaseChoice.of_url(db.url)
        self.host_edit = QLineEdit(here.host, self)
        self.port_edit = QLineEdit(here.port, self)
        self.port_edit.setMaximumWidth(90)
        self.database_edit = QLineEdit(self, placeholderText=self.tr("空数据库的名称"))
        self.user_edit = QLineEdit(here.user, self)
        self.password_edit = QLineEdit(here.password, self, echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("备份文件："), row)
        for label, edit in ((self.tr("服务器："), self.host_edit), (self.tr("端口："), self.port_edit),
                            (self.tr("数据库名："), self.database_edit), (self.tr("用户名："), self.user_edit),
                            (self.tr("密码："), self.password_edit)):
            form.addRow(label, edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.error_label)
        box.addStretch(1)
        box.addWidget(self.buttons)
        fit_to_screen(self, 640, 360)

    def on_choose_clicked(self) -> None:
        path, _ = get_open_file_name(self, self.tr("选择备份文件"), "", _tr(ARCHIVE_FILTER))
        if path:
            self.file_edit.setText(path)

    def choice(self) -> DatabaseChoice:
        return DatabaseChoice(office.POSTGRESQL, "", self.host_edit.text(), self.port_edit.text(),
                              self.database_edit.text(), self.user_edit.text(), self.password_edit.text())

    def on_restore_clicked(self) -> None:
        self.error_label.clear()
        file = Path(self.file_edit.text().strip())
        choice = self.choice()
        if not self.file_edit.text().strip() or not file.is_file():
            self.error_label.setText(self.tr("「备份文件」：请选择一个存在的备份文件。"))
            return

        def job(progress: tasks.Progress) -> dict[str, int]:
            archive.read_manifest(file)  # not an archive: said before anything is touched
            check = office.check_database(choice)
            if not check.usable:
                raise ValidationError(check.message)
            target = Database.open(choice.target())
            try:
                return archive.import_archive(target, file, progress)
            finally:
                target.dispose()

        try:
            self.counts = run_blocking(self, self.tr("正在恢复…"), job)
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        rows = archive.restored_rows(self.counts)
        log.info("备份文件已恢复到 %s（%d 行）", choice.where, rows)
        if confirm(self, self.tr("已把备份恢复到数据库“{where}”（共 {rows} 行）。\n\n"
                                 "要让本机改用这个数据库吗？程序将重新启动。").format(where=choice.where, rows=rows)):
            from .settings import store_choice

            store_choice(self.settings, choice)
            self.switched = True
            self.accept()
            if self.window_ is not None:
                relaunch.restart(self.window_)
            return
        self.accept()


def restore_dialog(db: Database, settings: QSettings, window: Any = None) -> QDialog:
    """恢复…: the list of backups (SQLite) or a backup file into an empty database (PostgreSQL)."""
    if db.is_sqlite:
        return RestoreDialog(db, window)
    return ArchiveRestoreDialog(db, settings, window)
