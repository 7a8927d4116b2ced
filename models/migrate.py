"""Alembic, run from code: the app upgrades a clerk's database at start."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from .errors import DatabaseUnreachable, StorageError
from .i18n import QT_TRANSLATE_NOOP, translate

MIGRATIONS = Path(__file__).with_name("migrations")
DAMAGED = QT_TRANSLATE_NOOP("db", "数据库文件已损坏或不是 HandoverDesk 数据库（{detail}）。请从备份恢复，或用 --db 打开另一个文件。")


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


# The newest migration's revision (tests/test_migrations.py checks it against the scripts). A database
# already there skips Alembic, which reads every migration script on each start (1.4 s of it).
HEAD = "0014"


def _at_head(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            versions = [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
    except DatabaseError:  # a new database (no table yet) or an unreadable one: Alembic's path decides
        return False
    return versions == [HEAD]


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and _at_head(engine):
        from . import schema  # noqa: F401  (every record class registered, as the migration env does)

        return
    try:
        command.upgrade(alembic_config(engine), revision)
    except DatabaseError as exc:
        from .db import storage_error

        error = storage_error(exc, engine.url.render_as_string(hide_password=True))
        if isinstance(error, DatabaseUnreachable):
            raise error from None  # the server, not the data
        raise StorageError(translate("db", DAMAGED).format(detail=str(exc.orig).splitlines()[0][:120])) from None
