"""Every way the database can fail is its own Chinese message; none leaks SQL or what was saved (issue 11 point 7)."""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from models.db import Database, storage_error
from models.errors import DatabaseUnreachable, DomainError, StorageError
from models.people import Owner
from models.project import Project
from tests.conftest import TEST_USER, pg_url

MOBILE, NAME = "13800138000", "王秀英"


def test_server_down_says_so():
    with pytest.raises(DatabaseUnreachable, match="连不上数据库服务器"):
        Database.open("postgresql://127.0.0.1:1/test")


def test_missing_database_says_so():
    with pytest.raises(DatabaseUnreachable, match="没有这个数据库"):
        Database.open("postgresql://127.0.0.1:5432/hd_no_such_database")


def test_unknown_database_user_says_so():
    with pytest.raises(DatabaseUnreachable, match="没有这个数据库用户"):
        Database.open("postgresql://hd_no_such_role@127.0.0.1:5432/test")


@pytest.mark.parametrize("server_said", [
    'connection to server at "db", port 5432 failed: FATAL:  password authentication failed for user "desk"',
    'connection to server at "db", port 5432 failed: 致命错误:  用户 "desk" Password 认证失败',
])
def test_wrong_password_says_so(server_said):
    """This machine's server trusts every login, so the driver's refusal is made here as libpq words it
    (in English, and as a server set to Chinese says it)."""
    exc = OperationalError("connect", {}, Exception(server_said))
    error = storage_error(exc, "db:5432/hd")
    assert isinstance(error, DatabaseUnreachable) and "用户名或密码不正确" in str(error)
    assert "desk" not in str(error)


def test_a_connection_killed_mid_save_is_a_message_and_nothing_is_saved(pg_schema):
    db = Database(pg_url(pg_schema), user=TEST_USER)
    from models.migrate import upgrade
    upgrade(db.engine)
    killer = Database(pg_url(pg_schema), user=TEST_USER)
    with pytest.raises(DatabaseUnreachable, match="连接中断.*没有保存"), db.begin() as s:
        s.add(Project(code="K1", name="被中断"))
        s.flush()
        pid = s.scalar(text("SELECT pg_backend_pid()"))
        with killer.engine.connect() as k:
            k.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        s.add(Project(code="K2", name="被中断"))
        s.flush()
    with db.read() as s:
        assert s.scalars(select(Project.code)).all() == []
    db.dispose()
    killer.dispose()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file (a failed disk, a copy cut short)."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 3, len(data) - page, page * 2):
        data[start + 100:start + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite"
    db = Database.open(str(path))
    db.user = TEST_USER
    with db.begin() as s:
        project = Project(code="D1", name="测试")
        s.add(project)
        s.flush()
        s.add_all([Owner(project_id=project.id, name=f"业主{i}", mobile=MOBILE) for i in range(3000)])
    db.dispose()
    _damage(path)
    return path


def test_a_damaged_file_is_found_at_start(damaged):
    with pytest.raises(StorageError, match="已损坏.*不会再写入"):
        Database.open(str(damaged))


def test_a_damaged_file_checked_beside_the_window_is_never_written(damaged):
    before = damaged.read_bytes()
    db = Database.open(str(damaged), upgrade=False, check_in_background=True)
    db.user = TEST_USER
    with pytest.raises(StorageError, match="已损坏"), db.begin() as s:
        s.add(Project(code="D2", name="不应写入"))
    db.dispose()
    assert damaged.read_bytes() == before


def test_a_healthy_file_checked_in_background_takes_writes(tmp_path):
    path = tmp_path / "ok.sqlite"
    Database.open(str(path)).dispose()
    db = Database.open(str(path), check_in_background=True)
    db.user = TEST_USER
    with db.begin() as s:
        s.add(Project(code="OK", name="好的"))
    with db.read() as s:
        assert s.scalar(select(Project.code)) == "OK"
    db.dispose()


def test_a_refused_save_leaks_no_sql_and_no_personal_data(db, caplog):
    """The driver's error text carries the statement and its values; the clerk's message and the
    log carry neither (hide_parameters on the engine, and the message is our own words)."""
    with db.begin() as s:
        s.add(Project(code="P1", name="项目"))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DomainError) as refused, db.begin() as s:
        s.execute(text("INSERT INTO projects (code, name, address, kind, manager_company, version, updated_at) "
                       "VALUES (:c, :n, '', '住宅', '', 1, '2026-01-01')"), {"c": "P1", "n": NAME + MOBILE})
    message = str(refused.value) + "".join(r.getMessage() for r in caplog.records)
    assert MOBILE not in message and NAME not in message and "INSERT" not in message


def test_a_bug_report_carries_no_parameters(db):
    """A statement the database rejects for a reason we do not translate stays a bug, but its text
    (what the bug dialog and the log show) has no values."""
    with pytest.raises(Exception) as bug, db.begin() as s:
        s.execute(text("SELECT no_such_column FROM projects WHERE name = :n"), {"n": NAME + MOBILE})
    assert MOBILE not in str(bug.value) and NAME not in str(bug.value)


def test_the_command_line_says_what_failed_without_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, "main.py", "print", "roster", "--project", "X", "--out",
                             str(tmp_path / "r.pdf"), "--db", "postgresql://127.0.0.1:1/test"],
                            capture_output=True, text=True, cwd=Path(__file__).parent.parent, timeout=120)
    assert result.returncode == 1
    assert "连不上数据库服务器" in result.stderr and "Traceback" not in result.stderr
