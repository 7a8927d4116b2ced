"""Opening a database: SQLite pragmas, real transactions, network shares refused, damage detected."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import main
from models.db import Database, is_network_path, resolve_url
from models.errors import StorageError
from models.paths import default_db_path
from models.project import Project


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_savepoint_rolls_back_alone(db):
    with db.begin() as s:
        s.add(Project(code="A", name="甲"))
        s.flush()
        try:
            with s.begin_nested():
                s.add(Project(code="B", name="乙"))
                s.flush()
                raise ValueError("inner step fails")
        except ValueError:
            pass
    with db.read() as s:
        assert s.scalars(select(Project.code)).all() == ["A"]


def test_a_failed_action_leaves_nothing(db):
    with pytest.raises(ZeroDivisionError), db.begin() as s:
        s.add(Project(code="A", name="甲"))
        s.flush()
        _ = 1 / 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0


def test_transactional_ddl_on_sqlite(sqlite_db):
    with pytest.raises(RuntimeError), sqlite_db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
        raise RuntimeError
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name='scratch'").scalar() == 0


@pytest.mark.parametrize("path", [r"\\fileserver\物业\handover.sqlite", "//fileserver/share/hd.sqlite"])
def test_network_share_is_refused_pointing_to_postgresql(path):
    assert is_network_path(path)
    with pytest.raises(StorageError, match="PostgreSQL"):
        resolve_url(path)


def test_network_share_refused_from_the_command_line(capsys):
    code = main.main(["project", "add", "--db", "//fileserver/share/hd.sqlite", "--code", "A", "--name", "甲"])
    assert code == 1
    assert "PostgreSQL" in capsys.readouterr().err


def test_local_file_is_not_a_network_path(tmp_path):
    assert not is_network_path(tmp_path / "x.sqlite")


def test_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("APPDATA", str(tmp_path))
    path = default_db_path()
    assert str(path).startswith(str(tmp_path)) and path.name == "handoverdesk.sqlite"
    db = Database.open(None)
    assert Path(db.display_name).exists()
    db.dispose()


def test_postgres_url_is_accepted_as_typed():
    assert resolve_url("postgresql://desk@server/hd").startswith("postgresql+psycopg://")


def test_damaged_file_is_detected_with_advice(tmp_path):
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"this is not a database" * 200)
    with pytest.raises(StorageError, match="备份"):
        Database.open(str(bad))
