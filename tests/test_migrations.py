"""Migrations: an empty database and one made by the previous migration both reach head intact."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from models.db import Database
from models.errors import StorageError
from models.fees import UNMODELLED_OBJECTS
from models.migrate import HEAD, current_revision, head_revision, upgrade
from models.migrations import guards_sql
from models.schema import metadata
from tests.conftest import TEST_USER, pg_url


def _fresh(request: pytest.FixtureRequest, tmp_path, backend: str) -> Database:
    if backend == "sqlite":
        return Database("sqlite:///" + str(tmp_path / "m.sqlite"), user=TEST_USER)
    return Database(pg_url(request.getfixturevalue("pg_schema")), user=TEST_USER)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request, tmp_path):
    db = _fresh(request, tmp_path, request.param)
    yield db
    db.dispose()


def _trigger_names(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        if db.is_sqlite:
            rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        else:
            rows = conn.execute(text(
                "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT tgisinternal AND c.relnamespace = current_schema()::regnamespace"))
        return {r[0] for r in rows}


def _modelled(obj, name, type_, reflected, compare_to) -> bool:
    """Everything but 0014's text-search objects (the FTS5 table's shadow tables included) and 0015's
    PostgreSQL-only index."""
    return not (name or "").startswith(UNMODELLED_OBJECTS)


def test_empty_database_upgrades_to_head_and_matches_the_models(empty):
    assert current_revision(empty.engine) is None
    upgrade(empty.engine)
    assert current_revision(empty.engine) == head_revision()
    with empty.engine.connect() as conn:
        opts = {"compare_type": True, "include_object": _modelled}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert diff == [], "models and migrations disagree: write a migration"


def test_guard_triggers_exist_at_head(empty):
    upgrade(empty.engine)
    names = _trigger_names(empty)
    if empty.is_sqlite:
        assert set(guards_sql.trigger_names()) <= names
        assert {"hd_append_update_defect_actions", "hd_append_delete_defect_actions"} <= names
    else:
        assert "hd_append_defect_actions" in names
        expected = {f"hd_final_{t}" for t in (*guards_sql.DOCUMENTS, *guards_sql.CHILDREN)}
        expected |= {f"hd_append_{t}" for t in guards_sql.APPEND_ONLY}
        expected |= {f"hd_settled_{t}" for t in guards_sql.SETTLED_INPUTS}
        assert expected <= names


def _earlier_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from models.migrate import MIGRATIONS
    revs = [r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()]
    return revs[1:]  # newest first; drop head


@pytest.mark.parametrize("previous", _earlier_revisions())
def test_database_made_by_an_earlier_migration_upgrades_without_loss(empty, previous):
    upgrade(empty.engine, previous)
    with empty.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO projects (id, code, name, address, kind, manager_company, version, updated_at) "
            "VALUES (1, 'OLD', '老小区', '', '住宅', '', 1, '2026-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO units (id, project_id, number, area, use, occupancy, version, updated_at) "
            "VALUES (1, 1, '1栋1单元101', 11803, '住宅', '已入住', 1, '2026-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO units (id, project_id, number, area, use, occupancy, version, updated_at) "
            "VALUES (2, 1, '1-1-0102', NULL, '住宅', '空置', 1, '2026-01-01 00:00:00')"))
    upgrade(empty.engine)
    assert current_revision(empty.engine) == head_revision()
    with empty.engine.connect() as conn:
        assert conn.execute(text("SELECT number, area FROM units WHERE id = 1")).one() == ("1栋1单元101", 11803)
        # 0010: a unit from before keeps its number and gains the 单元 and floor it names
        if previous < "0010":
            assert conn.execute(text("SELECT entrance, floor FROM units WHERE id = 1")).one() == ("1", "1")
        # 0011: both are filed under one building 1栋, read from their numbers however written
        if previous < "0011":
            filed = conn.execute(text("SELECT u.number, b.name FROM units u JOIN buildings b "
                                      "ON b.id = u.building_id ORDER BY u.id")).all()
            assert [tuple(r) for r in filed] == [("1栋1单元101", "1栋"), ("1-1-0102", "1栋")]
        # 0012 (statuses as codes) is tested with every old value in test_migration_codes.py
    assert inspect(empty.engine).has_table("audit_log")


def test_upgrade_is_idempotent(empty):
    upgrade(empty.engine)
    upgrade(empty.engine)
    assert current_revision(empty.engine) == head_revision()


def test_the_head_the_app_knows_is_the_newest_migration():
    """A new migration must move models.migrate.HEAD with it, or every start would skip it."""
    assert head_revision() == HEAD


def test_a_database_at_head_opens_without_running_alembic(empty, monkeypatch):
    """Alembic reads every migration script on each start (1.4 s of the large demo's start); a
    database already at the head skips it. One behind runs it as before."""
    from alembic import command

    upgrade(empty.engine, "0012")
    runs = []
    real = command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda *a, **k: (runs.append(a[1]), real(*a, **k)))
    upgrade(empty.engine)
    assert runs == ["head"] and current_revision(empty.engine) == HEAD
    upgrade(empty.engine)
    assert runs == ["head"]  # the second open found the head and left Alembic alone


def test_a_damaged_file_is_still_reported_as_damaged(tmp_path):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    db = Database("sqlite:///" + str(path), user=TEST_USER)
    with pytest.raises(StorageError, match="已损坏"):
        upgrade(db.engine)
    db.dispose()
