"""Issue 12 point 4: each PC remembers its window size and position, the last project and handover,
and the last folder of each file dialog (QSettings, in a throwaway folder per test)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from gui import app as gui_app
from gui import file_dialogs
from gui.main_window import MainWindow
from gui.widgets.screen_fit import screen_of
from models.services import auth, handovers, projects
from tests.pc_settings_fixture import pc_settings  # noqa: F401  (fixture)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]


@pytest.fixture
def office(sqlite_db):
    auth.create_first_admin(sqlite_db, "admin", "管理员", "admin-123")
    auth.login(sqlite_db, "admin", "admin-123")
    first = projects.add_project(sqlite_db, "CHY", "翠湖园")
    second = projects.add_project(sqlite_db, "JHY", "锦华苑")
    handovers.create_handover(sqlite_db, second.id, "承接查验", "开发商甲", "本物业", dt.date(2026, 6, 30))
    later = handovers.create_handover(sqlite_db, second.id, "进场接管", "原物业乙", "本物业", dt.date(2026, 9, 30))
    return sqlite_db, first, second, later


def test_the_window_comes_back_where_it_was_with_the_same_project_and_handover(
        qtbot, office, pc_settings: QSettings):  # noqa: F811
    db, _first, second, later = office
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    # Inside the offscreen screen (800×600), and no narrower than the window can be in the font the
    # test run left the app with.
    width = max(700, window.minimumSizeHint().width())
    window.setGeometry(40, 30, width, 500)
    window.show_scope(second.id, later.id)
    gui_app.remember_window(window, pc_settings)

    again = MainWindow(db)
    qtbot.addWidget(again)
    gui_app.restore_window(again, pc_settings)
    again.show()
    assert (again.width(), again.height()) == (width, 500)
    scope = again.current_scope()
    assert (scope.project_id, scope.handover_id) == (second.id, later.id)
    assert not again.isMaximized()


def test_a_first_start_on_a_small_screen_opens_maximised(qtbot, office, pc_settings: QSettings):  # noqa: F811
    db = office[0]
    window = MainWindow(db)
    qtbot.addWidget(window)
    free = screen_of(window).availableGeometry()
    window.resize(free.width() + 200, free.height() + 200)  # more than the screen: as 1366×768 at 125 %
    gui_app.restore_window(window, pc_settings)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_project_that_is_gone_is_not_selected(qtbot, office, pc_settings: QSettings):  # noqa: F811
    db, first, _second, _later = office
    key = gui_app._selection_key(db)
    pc_settings.setValue(f"{key}/project", 999_999)
    window = MainWindow(db)
    qtbot.addWidget(window)
    gui_app.restore_window(window, pc_settings)
    assert window.current_scope().project_id == first.id  # the first in the list, as on a first start


def test_each_file_dialog_opens_in_its_own_last_folder(tmp_path: Path, monkeypatch,
                                                       pc_settings: QSettings):  # noqa: F811
    exports, imports = tmp_path / "导出", tmp_path / "名册"
    exports.mkdir()
    imports.mkdir()
    started: list[str] = []

    def save(parent, caption, start, filter_):
        started.append(start)
        return str(exports / "翠湖园_交接清单.xlsx"), filter_

    def open_(parent, caption, start, filter_):
        started.append(start)
        return str(imports / "业主名册.xlsx"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    file_dialogs.get_save_file_name(None, "导出到 Excel", "翠湖园_交接清单.xlsx", "*.xlsx")
    file_dialogs.get_open_file_name(None, "选择业主名册", "", "*.xlsx")
    file_dialogs.get_save_file_name(None, "导出到 Excel", "锦华苑_钥匙.xlsx", "*.xlsx")
    file_dialogs.get_open_file_name(None, "选择业主名册", "", "*.xlsx")
    assert started == ["翠湖园_交接清单.xlsx", "", str(exports / "锦华苑_钥匙.xlsx"), str(imports)]
    assert str(tmp_path / "pc-settings") in pc_settings.fileName()


def test_a_folder_that_was_deleted_is_forgotten(tmp_path: Path, pc_settings: QSettings):  # noqa: F811
    gone = tmp_path / "U盘"
    gone.mkdir()
    file_dialogs.remember_folder("导出到 Excel", str(gone / "a.xlsx"))
    assert file_dialogs.remembered_folder("导出到 Excel") == str(gone)
    gone.rmdir()
    assert file_dialogs.remembered_folder("导出到 Excel") == ""
