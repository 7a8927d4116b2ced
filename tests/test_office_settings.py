"""本处信息 in the database for every desk, and what 测试连接 says of a database (issue 12 point 4)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from models.audit import AuditLog
from models.db import Database, UserRef
from models.defect import Severity
from models.errors import AuthError, StorageError, ValidationError
from models.migrate import head_revision, upgrade
from models.services import office
from models.services.office import DatabaseChoice, check_database
from models.version import version
from tests.conftest import PG_URL

CLERK = UserRef(None, "clerk1", "文员", "clerk")


def test_office_name_and_address_are_kept_for_every_desk_and_audited(db: Database) -> None:
    assert office.office(db).name == ""
    saved = office.set_office(db, "  幸福物业服务有限公司 ", "北京市朝阳区\n幸福路 1 号")
    assert (saved.name, saved.address) == ("幸福物业服务有限公司", "北京市朝阳区 幸福路 1 号")
    assert saved.letterhead == "幸福物业服务有限公司　地址：北京市朝阳区 幸福路 1 号"
    other_desk = Database(db.url)  # another desk, same database
    try:
        assert office.office(other_desk).name == "幸福物业服务有限公司"
        assert office.letterhead(other_desk) == saved.letterhead
    finally:
        other_desk.dispose()
    with db.read() as s:
        audited = s.scalars(select(AuditLog.after).where(AuditLog.table_name == "settings")).all()
    assert any("幸福物业服务有限公司" in (a or "") for a in audited)


def test_a_clerk_may_not_change_the_office(db: Database) -> None:
    db.user = CLERK
    assert office.office(db).may_change is False
    with pytest.raises(AuthError, match="修改本处信息需要主管权限"):
        office.set_office(db, "某物业", "")


def test_an_over_long_name_is_refused_by_name(db: Database) -> None:
    with pytest.raises(ValidationError, match="「单位名称」最多 100 个字"):
        office.set_office(db, "物" * 101, "")
    assert office.office(db).name == ""


def test_the_office_page_gathers_the_closing_time_and_the_deadline_table(db: Database) -> None:
    o = office.office(db)
    assert o.closing.strftime("%H:%M") == "18:00"
    assert set(o.deadlines) == set(Severity)


# --- 测试连接 --------------------------------------------------------------------------------

def _pg(**fields: str) -> DatabaseChoice:
    values = {"host": "127.0.0.1", "port": "5432", "database": "test", **fields}
    return DatabaseChoice(office.POSTGRESQL, **values)


def test_a_new_sqlite_file_is_not_created_by_the_check(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    check = check_database(DatabaseChoice(path=str(path)))
    assert check.usable and "下次启动时将新建" in check.message
    assert not path.exists()


def test_a_current_sqlite_database_is_fine(sqlite_db: Database, tmp_path: Path) -> None:
    check = check_database(DatabaseChoice(path=str(tmp_path / "test.sqlite")))
    assert check.usable and f"结构是最新的（结构版本 {head_revision()}）" in check.message


def test_an_older_schema_will_be_upgraded_at_next_start(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    database = Database(f"sqlite:///{path}")
    upgrade(database.engine, "0008")
    database.dispose()
    check = check_database(DatabaseChoice(path=str(path)))
    assert check.usable
    assert f"结构较旧（结构版本 0008）：下次启动时将自动升级到 {head_revision()}" in check.message


def test_a_newer_schema_says_the_program_is_too_old(sqlite_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "test.sqlite"
    sqlite_db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    check = check_database(DatabaseChoice(path=str(path)))
    assert not check.usable
    assert f"更新版本的物业交接台建立（结构版本 0099），本程序（版本 {version()}）太旧" in check.message
    with pytest.raises(StorageError, match="本程序.*太旧"):  # and at start: a message, not alembic's error
        office.open_database(str(path))


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    check = check_database(DatabaseChoice(path=str(path)))
    assert not check.usable and "不是物业交接台的数据库" in check.message


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    check = check_database(DatabaseChoice(path=str(path)))
    assert not check.usable and "不是可用的数据库" in check.message


def test_an_empty_postgresql_schema_will_be_set_up(pg_schema: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGOPTIONS", f"-csearch_path={pg_schema}")
    check = check_database(_pg())
    assert check.usable and "数据库“127.0.0.1:5432/test”是空的：下次启动时将在其中建立数据表" in check.message


def test_a_current_postgresql_database_is_fine(pg_db: Database, pg_schema: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGOPTIONS", f"-csearch_path={pg_schema}")
    check = check_database(_pg())
    assert check.usable and "结构是最新的" in check.message


@pytest.mark.parametrize(("fields", "said"), [
    ({"port": "1"}, "连不上数据库服务器（127.0.0.1:1/test）"),
    ({"database": "hd_no_such_database"}, "数据库服务器上没有这个数据库（127.0.0.1:5432/hd_no_such_database）"),
    ({"user": "hd_no_such_role"}, "数据库服务器上没有这个数据库用户（hd_no_such_role@127.0.0.1:5432/test）"),
    ({"port": "５４３２"}, "「端口」请用半角数字"),
    ({"port": "70000"}, "「端口」超出范围"),
    ({"host": " "}, "「服务器」不能为空"),
])
def test_each_connection_failure_has_its_own_message(fields: dict[str, str], said: str) -> None:
    check = check_database(_pg(**fields))
    assert not check.usable and said in check.message


def test_a_wrong_password_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """This server trusts every login: the refusal is made here as libpq words it."""
    def refusing(url: str):
        raise OperationalError("connect", {}, Exception(
            'connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed '
            'for user "desk"'))

    class Engine:
        def connect(self):
            refusing("")

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(office, "make_engine", lambda url: Engine())
    check = check_database(_pg(user="desk", password="wrong"))
    assert not check.usable and "用户名或密码不正确" in check.message and "wrong" not in check.message


def test_the_url_carries_the_password_escaped_and_the_message_never_does() -> None:
    choice = _pg(user="desk", password="p@ss:/word")
    assert choice.target() == "postgresql+psycopg://desk:p%40ss%3A%2Fword@127.0.0.1:5432/test"
    assert "p@ss" not in choice.where
    assert PG_URL.startswith("postgresql+psycopg://127.0.0.1:5432/")
