"""设置: this PC's database (SQLite file or PostgreSQL server, tested before it is kept), its 界面语言,
and 本处信息.

The database choice is this PC's own (QSettings, used at the next start; `--db` still overrides);
本处信息 lives in the database for every desk (models/services/office.py).

The PostgreSQL password is never kept in clear in the settings file: on Windows it is encrypted with
DPAPI for the Windows user (CryptProtectData: only that user, on that PC, can decrypt it; a copied
settings file or profile backup reveals nothing); elsewhere it goes to libpq's own password file
(~/.pgpass or $PGPASSFILE, mode 0600, which libpq refuses to read if others can), the standard place
PostgreSQL tools keep passwords.
"""
from __future__ import annotations

import base64
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import i18n
from models.db import Database
from models.paths import default_db_path
from models.services import office
from models.services.office import DatabaseCheck, DatabaseChoice

from .. import tasks
from ..file_dialogs import get_save_file_name
from ..ops import Op, refusal, run_op
from ..run_context import LANGUAGE_KEY, stored_language
from ..widgets.role_gate import apply_permit, gate
from ..widgets.screen_fit import fit_to_screen
from .base_dialog import ERROR_STYLE

GROUP = "database"
FIELDS = ("kind", "path", "host", "port", "database", "user")
OK_STYLE = "color: #1b6e20;"


# --- what this PC keeps ----------------------------------------------------------------------

def stored_choice(settings: QSettings) -> DatabaseChoice:
    """The database chosen in 设置 on this PC (the default SQLite file if none was)."""
    values = {f: str(settings.value(f"{GROUP}/{f}", "") or "") for f in FIELDS}
    values = {k: v for k, v in values.items() if v}
    choice = DatabaseChoice(**values)
    if choice.is_sqlite:
        return choice
    return DatabaseChoice(**{**values, "password": recall_password(settings, choice)})


def store_choice(settings: QSettings, choice: DatabaseChoice) -> None:
    for f in FIELDS:
        settings.setValue(f"{GROUP}/{f}", getattr(choice, f))
    if not choice.is_sqlite:
        keep_password(settings, choice)
    settings.sync()


def store_language(settings: QSettings, language: str) -> None:
    settings.setValue(LANGUAGE_KEY, language if language in i18n.LANGUAGES else "")
    settings.sync()


def keep_password(settings: QSettings, choice: DatabaseChoice) -> None:
    if sys.platform == "win32":
        secret = base64.b64encode(_dpapi(choice.password.encode("utf-8"), True)).decode() if choice.password else ""
        settings.setValue(f"{GROUP}/password_dpapi", secret)
    else:
        PgPass().put(choice)


def recall_password(settings: QSettings, choice: DatabaseChoice) -> str:
    """'' when none was kept, or it cannot be read here (another Windows user): the server then says so."""
    if sys.platform == "win32":
        secret = str(settings.value(f"{GROUP}/password_dpapi", "") or "")
        try:
            return _dpapi(base64.b64decode(secret), False).decode("utf-8") if secret else ""
        except (OSError, ValueError):
            return ""
    return PgPass().get(choice)


def _dpapi(data: bytes, protect: bool) -> bytes:
    """CryptProtectData / CryptUnprotectData for the current Windows user (no prompt)."""
    import ctypes

    class Blob(ctypes.Structure):
        _fields_ = [("size", ctypes.c_uint32), ("data", ctypes.POINTER(ctypes.c_char))]

    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in, blob_out = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), Blob()
    crypt32 = ctypes.windll.crypt32  # type: ignore[attr-defined]
    call = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    description = ctypes.c_wchar_p("HandoverDesk") if protect else None
    if not call(ctypes.byref(blob_in), description, None, None, None, 0x1, ctypes.byref(blob_out)):
        raise OSError("DPAPI failed")
    try:
        return ctypes.string_at(blob_out.data, blob_out.size)
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.data)  # type: ignore[attr-defined]


class PgPass:
    """libpq's password file: host:port:database:user:password lines, ':' and '\\' escaped."""

    def __init__(self) -> None:
        self.path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")

    @staticmethod
    def _escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace(":", "\\:")

    def _key(self, c: DatabaseChoice) -> str:
        fields = (c.host.strip(), c.port.strip(), c.database.strip(), c.user.strip() or "*")
        return ":".join(self._escape(f) for f in fields) + ":"

    def _lines(self) -> list[str]:
        try:
            return self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []

    def get(self, choice: DatabaseChoice) -> str:
        key = self._key(choice)
        for line in self._lines():
            if line.startswith(key):
                return line[len(key):].replace("\\:", ":").replace("\\\\", "\\")
        return ""

    def put(self, choice: DatabaseChoice) -> None:
        key = self._key(choice)
        before = self._lines()
        lines = [line for line in before if not line.startswith(key)]
        if not choice.password and len(lines) == len(before):
            return  # nothing to keep, nothing to forget: leave the file (or its absence) alone
        if choice.password:
            lines.append(key + self._escape(choice.password))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))
        os.chmod(self.path, 0o600)  # an existing file keeps its mode on open: libpq wants 0600


# --- the database page -----------------------------------------------------------------------

class DatabasePage(QWidget):
    """本机 SQLite 文件 or PostgreSQL 服务器, with 测试连接 and its verdict."""

    def __init__(self, choice: DatabaseChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sqlite_radio = QRadioButton(self.tr("本机数据库文件（SQLite，一个前台）"), self)
        self.pg_radio = QRadioButton(self.tr("PostgreSQL 服务器（多个前台共用）"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.sqlite_radio)
        kinds.addButton(self.pg_radio)
        box = QVBoxLayout(self)
        box.addWidget(self.sqlite_radio)
        box.addWidget(self._sqlite_box())
        box.addWidget(self.pg_radio)
        box.addWidget(self._pg_box())
        box.addLayout(self._test_row())
        note = QLabel(self.tr("保存后下次启动程序时生效。切换数据库不会搬移数据：原数据库的内容仍在原处。"), self)
        note.setWordWrap(True)
        box.addWidget(note)
        box.addStretch(1)
        self._fill(choice)
        self.sqlite_radio.toggled.connect(self.on_kind_toggled)
        self.on_kind_toggled()

    def _sqlite_box(self) -> QGroupBox:
        self.sqlite_group = QGroupBox(self)
        self.path_edit = QLineEdit(self, placeholderText=str(default_db_path()))
        self.path_edit.setToolTip(self.tr("留空即本机默认数据库文件"))
        self.choose_button = QPushButton(self.tr("选择或新建…"), self)
        self.choose_button.clicked.connect(self.on_choose_clicked)
        row = QHBoxLayout(self.sqlite_group)
        row.addWidget(QLabel(self.tr("文件："), self))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        return self.sqlite_group

    def _pg_box(self) -> QGroupBox:
        self.pg_group = QGroupBox(self)
        form = QFormLayout(self.pg_group)
        self.host_edit = QLineEdit(self, placeholderText=self.tr("服务器名称或 IP 地址"))
        self.port_edit = QLineEdit(self)
        self.port_edit.setMaximumWidth(90)
        self.database_edit = QLineEdit(self)
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        for label, edit in ((self.tr("服务器："), self.host_edit), (self.tr("端口："), self.port_edit),
                            (self.tr("数据库名："), self.database_edit), (self.tr("用户名："), self.user_edit),
                            (self.tr("密码："), self.password_edit)):
            form.addRow(label, edit)
        return self.pg_group

    def _test_row(self) -> QHBoxLayout:
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.test_button, 0)
        row.addWidget(self.result_label, 1)
        return row

    def _fill(self, c: DatabaseChoice) -> None:
        (self.sqlite_radio if c.is_sqlite else self.pg_radio).setChecked(True)
        for edit, value in ((self.path_edit, c.path), (self.host_edit, c.host), (self.port_edit, c.port),
                            (self.database_edit, c.database), (self.user_edit, c.user),
                            (self.password_edit, c.password)):
            edit.setText(value)

    def choice(self) -> DatabaseChoice:
        kind = office.SQLITE if self.sqlite_radio.isChecked() else office.POSTGRESQL
        return DatabaseChoice(kind, self.path_edit.text().strip(), self.host_edit.text(), self.port_edit.text(),
                              self.database_edit.text(), self.user_edit.text(), self.password_edit.text())

    def show_verdict(self, text: str, good: bool | None) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if good is None else OK_STYLE if good else ERROR_STYLE)

    def on_kind_toggled(self, _checked: bool = False) -> None:
        self.sqlite_group.setEnabled(self.sqlite_radio.isChecked())
        self.pg_group.setEnabled(self.pg_radio.isChecked())
        self.show_verdict("", None)

    def on_choose_clicked(self) -> None:
        path, _ = get_save_file_name(self, self.tr("选择或新建数据库文件"), self.path_edit.text(),
                                     self.tr("SQLite 数据库 (*.sqlite *.db);;所有文件 (*)"),
                                     options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)


# --- the language page -------------------------------------------------------------------------

class LanguagePage(QWidget):
    """界面语言 of this PC: 跟随系统 (English on an English system, Chinese otherwise), 中文, English.
    The two languages are named in themselves, as every program's language list does."""

    def __init__(self, stored: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("language_combo")
        self.combo.addItem(self.tr("跟随系统"), "")
        self.combo.addItem("中文", i18n.CHINESE)
        self.combo.addItem("English", i18n.ENGLISH)
        self.combo.setCurrentIndex(max(0, self.combo.findData(stored)))
        form = QFormLayout(self)
        form.addRow(self.tr("界面语言："), self.combo)
        note = QLabel(self.tr("重新启动程序后生效。打印的表单和导出的工作簿也用这种语言。"), self)
        note.setWordWrap(True)
        form.addRow(note)

    def language(self) -> str:
        return str(self.combo.currentData() or "")


# --- the office page ---------------------------------------------------------------------------

class OfficePage(QWidget):
    """本处信息: name and address for the forms' header and new handovers; the closing time and the
    deadline table open their own dialogs (the same ones the keys and defects tabs open)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loaded = office.office(db)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self.loaded.name, self, placeholderText=self.tr("如：某某物业服务有限公司"))
        self.address_edit = QLineEdit(self.loaded.address, self)
        form.addRow(self.tr("单位名称："), self.name_edit)
        form.addRow(self.tr("地址："), self.address_edit)
        hint = QLabel(self.tr("印在每张表单的页眉上；新建交接时作为接收方（退场移交时为移交方）的默认单位。"
                              "本处信息保存在数据库中，各前台共用。"), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.closing_label, self.closing_button = QLabel(self), QPushButton(self.tr("修改…"), self)
        self.deadline_label, self.deadline_button = QLabel(self), QPushButton(self.tr("修改…"), self)
        form.addRow(self.tr("钥匙下班时间："), self._row(self.closing_label, self.closing_button))
        form.addRow(self.tr("整改期限："), self._row(self.deadline_label, self.deadline_button))
        self.closing_button.clicked.connect(self.on_closing_clicked)
        self.deadline_button.clicked.connect(self.on_deadline_clicked)
        for edit in (self.name_edit, self.address_edit):
            gate(edit, db, office.OFFICE_ROLE, office.OFFICE_ACTION)
        self._show_subject_settings()

    def _row(self, label: QLabel, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addWidget(button)
        return row

    def _show_subject_settings(self) -> None:
        from models.services import defect_register, key_custody

        o = office.office(self.db)
        self.closing_label.setText(o.closing.strftime("%H:%M"))
        days = [self.tr("{s} {d} 天").format(s=s.label, d=d) for s, d in o.deadlines.items()]
        self.deadline_label.setText(self.tr("，").join(days))
        gate(self.closing_button, self.db, key_custody.CLOSING_ROLE, key_custody.CLOSING_ACTION)
        apply_permit(self.deadline_button, defect_register.deadline_table_permit(self.db), "")

    def on_closing_clicked(self) -> None:
        from ..tabs.keys.dialogs import ClosingTimeDialog

        ClosingTimeDialog(self.db, self).exec()
        self._show_subject_settings()

    def on_deadline_clicked(self) -> None:
        from .deadline_settings import DeadlineSettingsDialog

        DeadlineSettingsDialog(self.db, self).exec()
        self._show_subject_settings()

    def changed(self) -> bool:
        return (self.name_edit.text(), self.address_edit.text()) != (self.loaded.name, self.loaded.address)

    def operation(self) -> Op | None:
        """The write OK makes (None: nothing changed); the page shows what was saved afterwards."""
        if not self.changed():
            return None
        name, address = self.name_edit.text(), self.address_edit.text()
        return lambda db: office.set_office(db, name, address)

    def saved(self, row: Any) -> None:
        self.loaded = row


# --- the dialog ----------------------------------------------------------------------------------

class SettingsDialog(QDialog):
    """Without a database (the start could not open one) it shows the database page only."""

    def __init__(self, db: Database | None, settings: QSettings, parent: QWidget | None = None,
                 started_with: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.settings = settings
        self.initial = stored_choice(settings)
        self.database_changed = False  # a new choice was kept: it takes effect at the next start
        self.language_changed = False  # likewise for 界面语言
        self.verdicts: dict[DatabaseChoice, DatabaseCheck] = {}
        self.pages = QTabWidget(self)
        self.database_page = DatabasePage(self.initial, self)
        self.office_page = OfficePage(db, self) if db is not None else None
        if self.office_page is not None:
            self.pages.addTab(self.office_page, self.tr("本处信息（各前台共用）"))
        self.pages.addTab(self.database_page, self.tr("数据库（本机）"))
        self.language_page = LanguagePage(stored_language(settings), self)
        self.pages.addTab(self.language_page, self.tr("界面语言（本机）"))
        self.database_page.test_button.clicked.connect(self.on_test_clicked)
        self._build(started_with)

    def _build(self, started_with: str) -> None:
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.pages, 1)
        if started_with:
            note = QLabel(self.tr("本次启动用命令行 --db 指定了数据库（{db}），它优先于这里的设置。")
                          .format(db=started_with), self)
            note.setWordWrap(True)
            box.addWidget(note)
        box.addWidget(self.error_label)
        box.addWidget(self.buttons)
        self._fit()

    def _fit(self) -> None:
        """As wide as the PG form needs, never wider or taller than the screen's free area (less the
        taskbar and the title bar: 1366×768 at 150 %)."""
        hint = self.sizeHint()
        fit_to_screen(self, max(hint.width(), 620), hint.height())

    # ---- 测试连接 ---------------------------------------------------------------------------

    def on_test_clicked(self) -> None:
        self._check(self.database_page.choice(), None)

    def _check(self, choice: DatabaseChoice, then: Any) -> None:
        """The connection is tried in a worker: an unreachable server takes up to 10 s to give up."""
        self.database_page.show_verdict(self.tr("正在连接…"), None)
        self._busy(True)

        def done(check: DatabaseCheck) -> None:
            self._busy(False)
            self.verdicts[choice] = check
            self.database_page.show_verdict(check.message, check.usable)
            if then is not None:
                then(check)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self.database_page.show_verdict("", None)
            from ..errors import show_error

            show_error(exc, self)

        tasks.start(lambda _progress: office.check_database(choice), done, failed)

    def _busy(self, busy: bool) -> None:
        self.database_page.test_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    # ---- OK ---------------------------------------------------------------------------------

    def accept(self) -> None:
        """本处信息 first (one transaction); then a changed database choice, kept only if it works."""
        self.error_label.setVisible(False)
        page = self.office_page
        op = page.operation() if page is not None else None
        if op is None or page is None:
            self._after_office()
            return
        run_op(self, page.db, op, busy=[self.buttons],  # the menu announces 设置 once it closes
               on_success=lambda row: self._office_saved(page, row),
               on_failure=refusal(lambda exc: self._refuse(str(exc), page), self))

    def _office_saved(self, page: OfficePage, row: Any) -> None:
        page.saved(row)
        self._after_office()

    def _after_office(self) -> None:
        self._keep_language()
        choice = self.database_page.choice()
        if choice == self.initial:
            super().accept()
        elif choice in self.verdicts:
            self._keep(choice, self.verdicts[choice])
        else:
            self._check(choice, lambda check: self._keep(choice, check))

    def _keep_language(self) -> None:
        language = self.language_page.language()
        if language != stored_language(self.settings):
            store_language(self.settings, language)
            self.language_changed = True

    def _keep(self, choice: DatabaseChoice, check: DatabaseCheck) -> None:
        if not check.usable:
            self._refuse(check.message, self.database_page)
            return
        store_choice(self.settings, choice)
        self.database_changed = True
        super().accept()

    def _refuse(self, message: str, page: QWidget | None) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        if page is not None:
            self.pages.setCurrentWidget(page)

    def ok(self) -> None:
        """Press OK (tests and keyboard users alike)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
