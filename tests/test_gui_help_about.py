"""Issue 12 point 6: 帮助 → 使用说明 opens the shipped manual, 关于 says version, database, data folder
and log file, and the log is UTF-8, rotates and starts each run with version, user and database."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from gui import app as gui_app
from gui import run_context
from gui.dialogs.about import AboutDialog
from gui.main_window import MainWindow
from gui.menus import settings as settings_menu
from models.paths import data_dir
from models.services import auth
from models.version import program_name, version

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def admin_db(sqlite_db):
    auth.create_first_admin(sqlite_db, "admin", "管理员", "admin-123")
    auth.login(sqlite_db, "admin", "admin-123")
    return sqlite_db


@pytest.fixture
def run_log(tmp_path):
    """The app's log pointed at a temporary file; the root logger is put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = tmp_path / "logs" / "handoverdesk.log"
    yield path
    for h in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(h)
        h.close()
    root.setLevel(level)


def test_the_version_is_the_one_in_pyproject():
    declared = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert declared and version() == declared.group(1) and program_name().endswith(version())


def test_the_log_is_utf8_rotates_and_starts_with_version_user_and_database(admin_db, run_log):
    gui_app._setup_logging(run_log, max_bytes=2000, backups=2)
    assert run_context.log_file() == run_log
    gui_app.log_session(admin_db)
    log = logging.getLogger("handoverdesk.test")
    for i in range(60):
        log.info("第 %d 行：翠湖园 1栋1单元101 钥匙归还", i)
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = sorted(run_log.parent.iterdir())
    assert [f.name for f in files] == ["handoverdesk.log", "handoverdesk.log.1", "handoverdesk.log.2"]
    assert all(f.stat().st_size <= 2000 + 200 for f in files)  # rotated, at most `backups` old files kept
    newest = run_log.read_text(encoding="utf-8")
    assert "第 59 行：翠湖园 1栋1单元101 钥匙归还" in newest  # UTF-8, not the Windows code page

    gui_app._setup_logging(run_log, max_bytes=100_000, backups=2)  # the next run: a fresh first line
    gui_app.log_session(admin_db)
    lines = run_log.read_text(encoding="utf-8").splitlines()
    start = [n for n, line in enumerate(lines) if program_name() in line and "启动" in line][-1]
    session = lines[start + 1]
    assert "用户 admin（admin）" in session and admin_db.display_name in session
    assert "admin-123" not in "\n".join(lines)


def test_about_says_version_database_folder_and_log(qtbot, admin_db, tmp_path):
    dialog = AboutDialog(admin_db, tmp_path / "handoverdesk.log")
    qtbot.addWidget(dialog)
    said = dialog.texts()
    assert program_name() in said and admin_db.display_name in said
    assert str(data_dir()) in said and str(tmp_path / "handoverdesk.log") in said
    assert "本机 SQLite 文件" in said


def test_the_manual_opens_from_the_help_menu(qtbot, admin_db, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(settings_menu.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(admin_db)
    qtbot.addWidget(window)
    help_menu = window.menus["help"]
    assert [a.text() for a in help_menu.actions() if a.text()][:2] == ["使用说明", "关于物业交接台…"]
    window.manual_action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(run_context.MANUAL)]


def test_the_manual_is_chinese_shows_its_pictures_and_follows_the_readme():
    text = run_context.MANUAL.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text and "<h1>物业交接台 使用说明</h1>" in text
    pictures = re.findall(r'<img src="([^"]+)"', text)
    assert pictures and all((run_context.MANUAL.parent / p).is_file() for p in pictures)
    for heading in ("交接清单页签怎么用", "钥匙管理页签怎么用", "费用对账页签怎么用", "开始使用：一个真实的管理处"):
        assert heading in text, heading  # built from the README's clerk sections (build.py)
