"""Starting the desktop app: QApplication, bundled Chinese font, translator, error hook, login, window."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (QLibraryInfo, QLocale, QMessageLogContext, QtMsgType, QTranslator,
                            qInstallMessageHandler)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from models.db import Database, data_dir
from models.errors import DomainError

from .errors import install_excepthook, show_error
from .gc_main_thread import MainThreadCollector

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
FONT_POINTS = 10
QT_TRANSLATOR = "qtbase_zh_CN"  # qt_zh_CN.qm also wants qtmultimedia, which Essentials lacks
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


def install_translator(app: QApplication) -> QTranslator | None:
    """Source strings are Chinese; another language comes from resources/i18n/handoverdesk_<lang>.qm."""
    language = os.environ.get("HANDOVERDESK_LANG") or QLocale.system().name()
    for name in (language, language.split("_")[0]):
        qm = RESOURCES / "i18n" / f"handoverdesk_{name}.qm"
        translator = QTranslator(app)
        if qm.exists() and translator.load(str(qm)):
            app.installTranslator(translator)
            return translator
    install_qt_chinese(app)  # the app speaks Chinese: so do Qt's own buttons, menus and dialogs
    return None


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


def setup_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with font and translator (the shot command reuses this)."""
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
    app.setApplicationName("HandoverDesk")
    app.setApplicationDisplayName("物业交接台")
    register_font(app)
    install_translator(app)
    return app


def _setup_logging() -> None:
    try:
        path = data_dir() / "handoverdesk.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=path, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(level=logging.INFO)


def run_app(db_arg: str | None, preselect_user: str | None = None) -> int:
    """`python main.py [--db X] [--user U]`: open the database, sign in, show the main window."""
    from .login import sign_in
    from .main_window import MainWindow

    _setup_logging()
    app = setup_application()
    install_excepthook()
    try:
        # The file's quick_check runs beside the login: the login's own write waits for its verdict,
        # so a damaged file is reported at sign-in and never written to.
        db = Database.open(db_arg, check_in_background=True)
    except DomainError as exc:
        show_error(exc)
        return 1
    if not sign_in(db, preselect_user):
        return 0
    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.dispose()
    return code
