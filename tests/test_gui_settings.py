"""设置 through the dialog: an office moves from SQLite to PostgreSQL and the next start uses it; every way
a connection fails is said in the dialog; 本处信息 edited for every desk (issue 12 point 4)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine, text

from gui.app import database_choice, open_database
from gui.dialogs.settings import PgPass, SettingsDialog, store_choice, stored_choice
from models.db import Database, UserRef
from models.services import office
from models.services.office import DatabaseChoice
from tests.conftest import PG_URL
from tests.gui_helpers import ok_and_wait
from tests.pc_settings_fixture import pc_settings  # noqa: F401  (fixture)

CLERK = UserRef(None, "clerk1", "文员", "clerk")


def _dialog(qtbot, db: Database | None, settings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(db, settings)
    qtbot.addWidget(dialog)
    dialog.show()  # as exec() would: a hidden dialog's error line is never "visible"
    return dialog


def _fill_pg(dialog: SettingsDialog, **fields: str) -> None:
    page = dialog.database_page
    page.pg_radio.setChecked(True)
    values = {"host": "127.0.0.1", "port": "5432", "database": "test", "user": "", "password": "", **fields}
    for name, value in values.items():
        getattr(page, f"{name}_edit").setText(value)


def _test_connection(qtbot, dialog: SettingsDialog) -> str:
    page = dialog.database_page
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20000)
    return page.result_label.text()


def _tables_in(schema: str) -> set[str]:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(text("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = :s"), {"s": schema}))
    finally:
        engine.dispose()


def test_an_office_moves_from_sqlite_to_postgresql_and_the_next_start_uses_it(
        qtbot, sqlite_db: Database, pg_schema: str, pc_settings: QSettings,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGOPTIONS", f"-csearch_path={pg_schema}")  # the test's own schema in database test
    assert database_choice(None, pc_settings) is None  # nothing chosen yet: the default file
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    assert dialog.database_page.sqlite_radio.isChecked()
    _fill_pg(dialog)
    said = _test_connection(qtbot, dialog)
    assert "连接成功" in said and "是空的：下次启动时将在其中建立数据表" in said
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        ok_and_wait(dialog)
    assert dialog.database_changed
    assert stored_choice(pc_settings).kind == office.POSTGRESQL

    # The next start: run_app's choice, then the opening itself (which sets the schema up).
    chosen = database_choice(None, QSettings(pc_settings.fileName(), QSettings.Format.IniFormat))
    assert chosen == "postgresql+psycopg://127.0.0.1:5432/test"
    started = open_database(None, pc_settings)
    assert started is not None and not started.is_sqlite
    started.dispose()
    assert {"projects", "settings", "alembic_version"} <= _tables_in(pg_schema)
    assert database_choice(str(sqlite_db.url), pc_settings) == str(sqlite_db.url)  # --db still wins


@pytest.mark.parametrize(("fields", "said"), [
    ({"port": "1"}, "连不上数据库服务器"),
    ({"database": "hd_no_such_database"}, "没有这个数据库（"),
    ({"user": "hd_no_such_role"}, "没有这个数据库用户"),
])
def test_each_failure_is_said_in_the_dialog_and_such_a_choice_is_not_kept(
        qtbot, sqlite_db: Database, pc_settings: QSettings, fields: dict[str, str], said: str) -> None:  # noqa: F811
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    _fill_pg(dialog, **fields)
    assert said in _test_connection(qtbot, dialog)
    ok_and_wait(dialog)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=20000)
    assert said in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert stored_choice(pc_settings).is_sqlite  # the PC keeps what worked


def test_ok_checks_a_choice_that_was_not_tested(qtbot, sqlite_db: Database, pc_settings: QSettings) -> None:  # noqa: F811
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    _fill_pg(dialog, port="1")
    ok_and_wait(dialog)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=20000)
    assert "连不上数据库服务器" in dialog.error_label.text()


def test_a_sqlite_file_is_chosen_and_kept(qtbot, sqlite_db: Database, pc_settings: QSettings,  # noqa: F811
                                         tmp_path: Path) -> None:
    target = tmp_path / "office" / "desk.sqlite"
    target.parent.mkdir()
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    dialog.database_page.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        ok_and_wait(dialog)
    assert database_choice(None, pc_settings) == str(target)
    assert not target.exists()  # made at the next start, not by the settings


def test_the_password_is_not_kept_in_the_settings_file(pc_settings: QSettings, tmp_path: Path) -> None:  # noqa: F811
    choice = DatabaseChoice(office.POSTGRESQL, host="db.office", port="5432", database="hd", user="desk",
                            password="s3cret:pw")
    store_choice(pc_settings, choice)
    assert "s3cret" not in Path(pc_settings.fileName()).read_text(encoding="utf-8")
    pgpass = Path(os.environ["PGPASSFILE"])
    assert pgpass.read_text(encoding="utf-8") == "db.office:5432:hd:desk:s3cret\\:pw\n"  # as libpq reads it
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert stored_choice(pc_settings) == choice
    assert database_choice(None, pc_settings) == "postgresql+psycopg://desk:s3cret%3Apw@db.office:5432/hd"
    store_choice(pc_settings, DatabaseChoice(office.POSTGRESQL, host="db.office", port="5432", database="hd",
                                             user="desk"))
    assert pgpass.read_text(encoding="utf-8") == ""  # a cleared password is forgotten
    assert PgPass().get(choice) == ""


def test_office_page_saves_name_and_address_for_every_desk(qtbot, sqlite_db: Database,
                                                           pc_settings: QSettings) -> None:  # noqa: F811
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    page = dialog.office_page
    assert page is not None and dialog.pages.currentWidget() is page
    assert page.closing_label.text() == "18:00" and "重大 3 天" in page.deadline_label.text()
    page.name_edit.setText("幸福物业服务有限公司")
    page.address_edit.setText("北京市朝阳区幸福路1号")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        ok_and_wait(dialog)
    assert office.office(sqlite_db).letterhead == "幸福物业服务有限公司　地址：北京市朝阳区幸福路1号"
    assert not dialog.database_changed


def test_a_clerk_sees_the_office_but_may_not_change_it(qtbot, sqlite_db: Database,
                                                       pc_settings: QSettings) -> None:  # noqa: F811
    sqlite_db.user = CLERK
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    page = dialog.office_page
    assert page is not None
    for control in (page.name_edit, page.address_edit, page.closing_button, page.deadline_button):
        assert not control.isEnabled() and "仅主管或管理员可以" in control.toolTip()


def test_a_start_that_cannot_open_the_chosen_database_offers_the_settings(
        sqlite_db: Database, pc_settings: QSettings, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        tmp_path: Path) -> None:
    store_choice(pc_settings, DatabaseChoice(office.POSTGRESQL, host="127.0.0.1", port="1", database="test"))
    offered: list[str] = []

    def choose_a_file(exc, settings) -> bool:  # the clerk picks this PC's file in the dialog
        offered.append(str(exc))
        store_choice(settings, DatabaseChoice(path=str(tmp_path / "fallback.sqlite")))
        return True

    monkeypatch.setattr("gui.app.offer_settings", choose_a_file)
    db = open_database(None, pc_settings)
    assert db is not None and db.is_sqlite and db.display_name.endswith("fallback.sqlite")
    db.dispose()
    assert len(offered) == 1 and "连不上数据库服务器" in offered[0]


def test_without_a_database_the_dialog_shows_the_database_page_only(qtbot, pc_settings: QSettings) -> None:  # noqa: F811
    dialog = _dialog(qtbot, None, pc_settings)
    assert dialog.office_page is None and dialog.pages.count() == 2  # and this PC's 界面语言
    assert [dialog.pages.widget(i) for i in range(2)] == [dialog.database_page, dialog.language_page]


def test_the_language_is_this_pcs_and_kept_for_the_next_start(qtbot, sqlite_db: Database, pc_settings: QSettings,  # noqa: F811
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.app import chosen_language, system_language
    from gui.dialogs.settings import stored_language

    monkeypatch.delenv("HANDOVERDESK_LANG", raising=False)
    assert stored_language(pc_settings) == "" and chosen_language(None, pc_settings) == system_language()
    dialog = _dialog(qtbot, sqlite_db, pc_settings)
    combo = dialog.language_page.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["跟随系统", "中文", "English"]
    combo.setCurrentIndex(combo.findData("en"))
    dialog.ok()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.language_changed
    assert not dialog.database_changed
    assert stored_language(pc_settings) == "en" and chosen_language(None, pc_settings) == "en"
    assert chosen_language("zh", pc_settings) == "zh"  # --lang wins
    monkeypatch.setenv("HANDOVERDESK_LANG", "zh_CN")
    assert chosen_language(None, pc_settings) == "zh"
    again = _dialog(qtbot, sqlite_db, pc_settings)
    assert again.language_page.language() == "en"
    again.ok()
    assert not again.language_changed
