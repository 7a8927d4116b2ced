"""Fixtures: a fresh file database per test, on SQLite and on the real PostgreSQL server."""
from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read Chinese texts: an English host (跟随系统) must not switch them to English.
os.environ.setdefault("HANDOVERDESK_LANG", "zh")

from models.db import Database, UserRef  # noqa: E402
from models.migrate import upgrade  # noqa: E402

PG_URL = os.environ.get("HANDOVERDESK_TEST_PG", "postgresql+psycopg://127.0.0.1:5432/test")
TEST_USER = UserRef(None, "tester", "测试员", "admin")


def sqlite_database(tmp_path: Path) -> Database:
    db = Database.open(str(tmp_path / "test.sqlite"))
    db.user = TEST_USER
    return db


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = sqlite_database(tmp_path)
    yield db
    db.dispose()


def new_pg_schema() -> Iterator[str]:
    """A schema of its own in database `test`, dropped afterwards."""
    name = "hd_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    yield name
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()


@pytest.fixture
def pg_schema() -> Iterator[str]:
    yield from new_pg_schema()


def pg_url(schema: str) -> str:
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_db(pg_schema: str) -> Iterator[Database]:
    db = Database(pg_url(pg_schema), user=TEST_USER)
    upgrade(db.engine)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Storage and rule tests run on both backends; PostgreSQL must not be skipped."""
    if request.param == "sqlite":
        yield from _yield(sqlite_database(tmp_path))
    else:
        schema = request.getfixturevalue("pg_schema")
        database = Database(pg_url(schema), user=TEST_USER)
        upgrade(database.engine)
        yield from _yield(database)


def _yield(db: Database) -> Iterator[Database]:
    yield db
    db.dispose()


@pytest.fixture
def book(db: Database) -> int:
    """The hand-worked fee book of tests/fee_book.py in `db`; its handover's id."""
    from tests.fee_book import make_book

    return make_book(db)


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """As the app does (gui/gc_main_thread.py): no collection inside a worker thread."""
    from gui.gc_main_thread import collect_due

    gc.disable()
    yield
    collect_due()
    gc.enable()


@pytest.fixture(autouse=True, scope="session")
def _pc_settings_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """What the app remembers on this PC (gui.run_context.pc_settings: window, folders, database choice) goes
    to a folder of the test run, never to the tester's own settings. Tests that read it back use the
    pc_settings fixture, which gives each test its own folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("pc-settings")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded, not shown: a modal box would wait for a click forever."""
    shown: list[str] = []
    monkeypatch.setattr("gui.errors._show_box",
                        lambda parent, icon, text, details="": shown.append(text + details))
    return shown
