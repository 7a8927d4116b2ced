"""Starting the desktop app: QApplication, bundled Chinese font, translator, error hook, login, window."""
from __future__ import annotations

import hashlib
import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from models import i18n
from models.errors import DomainError
from models.paths import data_dir

from .errors import install_excepthook, show_error
from .gc_main_thread import MainThreadCollector
from .run_context import LOG_HANDLER, LOG_NAME, RESOURCES, pc_settings, start_with, stored_language

if TYPE_CHECKING:  # the window's frame is painted before the storage layer is imported
    from models.db import Database

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
ICON_FILE = RESOURCES / "icons" / "handoverdesk.png"  # drawn by packaging/make_icon.py; the .ico beside it is the exe's
FONT_POINTS = 10
LOG_BYTES, LOG_FILES = 2 * 1024 * 1024, 5  # 2 MB a file, the current one and 5 older: at most 12 MB
QT_TRANSLATOR = "qtbase_zh_CN"  # qt_zh_CN.qm also wants qtmultimedia, which Essentials lacks
APP_TRANSLATOR = "handoverdesk"  # the object name of our own translator (English)
log = logging.getLogger("handoverdesk")


def register_font(app: QApplication) -> str | None:
    """Make the bundled font the app font: a PC without Chinese fonts would show boxes."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled font not loaded: %s", FONT_FILE)
        return None
    app.setFont(QFont(families[0], FONT_POINTS))
    return families[0]


def system_language() -> str:
    """跟随系统: English on an English Windows/desktop, Chinese on every other."""
    return i18n.ENGLISH if QLocale.system().language() == QLocale.Language.English else i18n.CHINESE


def chosen_language(override: str | None = None, settings: QSettings | None = None) -> str:
    """`--lang` wins, then HANDOVERDESK_LANG (the tests keep Chinese whatever the host's locale), then
    this PC's 设置, then the system's language."""
    override = override or os.environ.get("HANDOVERDESK_LANG")
    if override:
        return i18n.normalise(override)
    return stored_language(settings or pc_settings()) or system_language()


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Source strings are Chinese; English comes from resources/i18n/handoverdesk_en.qm, and the
    models' and reports' texts from the same catalog (models/i18n.py). Calling it again with another
    language swaps the translators (the English UI test goes back to Chinese)."""
    language = i18n.set_language(language or chosen_language())
    ours = app.findChild(QTranslator, APP_TRANSLATOR)
    if language == i18n.CHINESE:
        _remove_translator(app, ours)
        install_qt_chinese(app)  # the app speaks Chinese: so do Qt's own buttons, menus and dialogs
        return None
    _remove_translator(app, app.findChild(QTranslator, QT_TRANSLATOR))  # Qt's own texts are English
    if ours is not None:
        return ours
    translator = QTranslator(app)
    translator.setObjectName(APP_TRANSLATOR)
    qm = RESOURCES / "i18n" / f"handoverdesk_{language}.qm"
    if not translator.load(str(qm)):
        log.warning("translation not loaded: %s", qm)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def _remove_translator(app: QApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def install_qt_chinese(app: QApplication) -> QTranslator | None:
    """Qt's own texts in Chinese (OK → 确定, Yes/No, Show Details…, file dialogs, the text-field
    menu): qtbase_zh_CN.qm from the Qt that ships with PySide6, whatever the PC's system language."""
    installed = app.findChild(QTranslator, QT_TRANSLATOR)
    if installed is not None:
        return installed
    translator = QTranslator(app)
    translator.setObjectName(QT_TRANSLATOR)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QT_TRANSLATOR, path):
        log.warning("Qt's Chinese translation not found in %s", path)
        return None
    app.installTranslator(translator)
    return translator


# Said by the offscreen platform (the shot command) on every window shown: noise, not a problem.
QUIET_MESSAGES = ("This plugin does not support propagateSizeHints",)


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not message.startswith(QUIET_MESSAGES):
        log.warning("Qt: %s", message)
        print(message, file=sys.stderr)


def setup_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with font and translator (the shot command reuses this); `language` ('zh',
    'en') is --lang, else chosen_language() decides."""
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
    app.setApplicationName("HandoverDesk")
    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(ICON_FILE)))  # every window's title bar and the taskbar
    register_font(app)
    install_translator(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "物业交接台"))  # ends every window title
    return app


# ---- the log --------------------------------------------------------------------------------

def _setup_logging(path: Path | None = None, max_bytes: int = LOG_BYTES, backups: int = LOG_FILES) -> None:
    """UTF-8, rotating (LOG_BYTES × LOG_FILES kept), and each run starts with the program's version."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == LOG_HANDLER]:
        root.removeHandler(old)
        old.close()
    path = path or data_dir() / LOG_NAME
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.set_name(LOG_HANDLER)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    from models.version import program_name

    log.info("==== %s 启动（Python %s，Qt %s，%s）", program_name(), platform.python_version(),
             qVersion(), platform.platform())


def log_session(db: Database) -> None:
    """Once signed in: version, user and database (display_name never carries a password)."""
    from models.version import program_name

    user = db.user
    who = f"{user.username}（{user.role}）" if user else "未登录"
    log.info("==== %s；用户 %s；数据库 %s", program_name(), who, db.display_name)


# ---- which database ---------------------------------------------------------------------------

def database_choice(db_arg: str | None, settings: QSettings | None = None) -> str | None:
    """`--db` wins; without it, the database chosen in 设置 on this PC; else (None) the default file.

    Only the app reads this PC's choice: the command line's commands keep to --db or the default
    file, so a script does the same on every PC whatever a clerk chose in the app."""
    if db_arg:
        return db_arg
    from .dialogs.settings import stored_choice

    return stored_choice(settings or pc_settings()).target()


def open_database(db_arg: str | None, settings: QSettings) -> Database | None:
    """The database to work on, or None. When this PC's choice (or the default file) cannot be
    opened, the clerk is offered 设置 to choose another, and it is tried again; a --db that fails
    is reported as before."""
    from models.services.office import open_database as open_checked

    from .backup_hooks import restored_after_failed_open

    while True:
        try:
            return open_checked(database_choice(db_arg, settings), check_in_background=True)
        except DomainError as exc:
            log.warning("database not opened: %s", exc)
            if restored_after_failed_open(exc, lambda: database_choice(db_arg, settings)):
                continue  # a damaged file was replaced by its latest good backup: open that
            if db_arg:
                show_error(exc)
                return None
            if not offer_settings(exc, settings):
                return None


def offer_settings(exc: DomainError, settings: QSettings) -> bool:
    """Ask whether to change this PC's database settings; True once a new choice was kept."""
    from PySide6.QtWidgets import QMessageBox

    from .dialogs.settings import SettingsDialog

    answer = QMessageBox.question(None, QCoreApplication.translate("app", "物业交接台"),
                                  str(exc) + "\n\n" + QCoreApplication.translate("app", "要现在修改本机的数据库设置吗？"))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    dialog = SettingsDialog(None, settings)
    return bool(dialog.exec()) and dialog.database_changed


# ---- what the window remembers ------------------------------------------------------------------

def _selection_key(db: Database) -> str:
    """Last project/handover per database: ids of one database mean nothing in another."""
    return "selection/" + hashlib.sha1(db.display_name.encode("utf-8")).hexdigest()[:12]


def remember_window(window: Any, settings: QSettings) -> None:
    """Size, position, maximised state, and the project and handover shown."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/maximized", window.isMaximized())
    scope = window.current_scope()
    key = _selection_key(window.db)
    settings.setValue(f"{key}/project", scope.project_id if scope else 0)
    settings.setValue(f"{key}/handover", (scope.handover_id or 0) if scope else 0)
    settings.sync()


def restore_window(window: Any, settings: QSettings) -> None:
    """Before show(): the last size and place (Qt moves it onto a screen that still exists), the
    maximised state, and the last project and handover if they are still there. A first start on a
    small screen (1366×768 at 125 %) opens maximised."""
    restore_geometry(window, settings)
    restore_selection(window, settings)


def restore_geometry(window: Any, settings: QSettings) -> None:
    """The last size, place and maximised state (the frame has them before it is first shown)."""
    geometry = settings.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry)
    maximized = settings.value("window/maximized", False, type=bool)
    from .widgets.screen_fit import screen_of

    screen = screen_of(window)
    free = screen.availableGeometry() if screen is not None else None
    if maximized or (not restored and free is not None and (window.width() > free.width()
                                                            or window.height() > free.height())):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def restore_selection(window: Any, settings: QSettings) -> None:
    """The last project and handover of this database, if they are still there."""
    key = _selection_key(window.db)
    _select(window.project_combo, settings.value(f"{key}/project", 0, type=int))
    _select(window.handover_combo, settings.value(f"{key}/handover", 0, type=int))


def _select(combo: Any, record_id: object) -> None:  # QSettings' value (an int: type=int)
    for index in range(combo.count()):
        if record_id and getattr(combo.itemData(index), "id", None) == record_id:
            combo.setCurrentIndex(index)
            return


def run_app(db_arg: str | None, preselect_user: str | None = None, settings: QSettings | None = None,
            language: str | None = None) -> int:
    """`python main.py [--db X] [--user U] [--lang zh|en]`: the window's frame at once, then (gui/startup.py)
    the database opened, the sign-in over the frame, and the tabs."""
    from .main_window import MainWindow  # PySide6 alone: the storage layer is imported after the first paint
    from .startup import open_in_frame

    _setup_logging()
    settings = settings or pc_settings()
    start_with(db_arg)
    app = setup_application(language=chosen_language(language, settings))
    install_excepthook()
    window = MainWindow()
    restore_geometry(window, settings)
    start = _Start()

    def done(ok: bool) -> None:
        if not ok:  # no database (1), nobody signed in (0), or the start failed (1): the frame goes
            start.failed = True
            window.close()
            app.exit()  # whatever other window may still be up
            return
        restore_selection(window, settings)
        from .dialogs.first_start import offer_first_start

        QTimer.singleShot(0, lambda: offer_first_start(window))  # an empty database: the setup guide

    open_in_frame(window, lambda: start.open(db_arg, preselect_user, settings), done)
    window.show()
    code = app.exec()
    if start.db is None:  # not opened (1), or the frame closed before it was
        return 1 if start.failed else code
    if not start.signed_in:
        return 0
    return _close_down(start.db, window, settings, code)


class _Start:
    """How far the start got: the database opened, someone signed in."""

    def __init__(self) -> None:
        self.db: Database | None = None
        self.signed_in = False
        self.failed = False

    def open(self, db_arg: str | None, preselect_user: str | None, settings: QSettings) -> Database | None:
        """The database opened and someone signed in; None when either did not happen."""
        from . import backup_hooks
        from .login import sign_in

        # The file's quick_check runs beside the login: the login's own write waits for its verdict,
        # so a damaged file is reported at sign-in and never written to.
        self.db = open_database(db_arg, settings)
        if self.db is None:
            return None
        backup_hooks.at_start(self.db)  # the day's backup in a worker; a damaged file: its latest good backup
        if not sign_in(self.db, preselect_user):
            return None
        self.signed_in = True
        log_session(self.db)
        return self.db


def _close_down(db: Database, window: Any, settings: QSettings, code: int) -> int:
    from . import backup_hooks
    from .session import last_main_window

    window = last_main_window(window)  # 切换用户 replaced the first one
    if window.attached:
        remember_window(window, settings)
    backup_hooks.at_exit(db)  # the exit backup, waited for at most backup_hooks.EXIT_SECONDS
    db.dispose()
    return code
