"""Alembic, run from code: the app upgrades a clerk's database at start.

Alembic itself is imported only when a database must be upgraded or its scripts read: a database already
at HEAD never loads it (with the dialects and DDL compilers it pulls in, 0.3–0.7 s of every start).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from .errors import DatabaseUnreachable, StorageError
from .i18n import QT_TRANSLATE_NOOP, translate

MIGRATIONS = Path(__file__).with_name("migrations")
DAMAGED = QT_TRANSLATE_NOOP("db", "数据库文件已损坏或不是 HandoverDesk 数据库（{detail}）。请从备份恢复，或用 --db 打开另一个文件。")


if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return stored_revision(conn)


def stored_revision(conn: Connection) -> str | None:
    """The revision alembic_version holds (None for a database Alembic never touched), read as Alembic
    reads it — one row, since our migrations never branch — without loading Alembic."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def known_revision(revision: str) -> bool:
    """Whether one of our scripts is `revision` (not: a database made by a newer program)."""
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:  # alembic's "Can't locate revision"
        return False


def unknown_revision(exc: BaseException) -> bool:
    """Whether `exc` is Alembic's refusal of a revision it has no script for (a newer program's
    database). Only an upgrade raises it, and by then Alembic is loaded."""
    from alembic.util.exc import CommandError

    return isinstance(exc, CommandError)


# The newest migration's revision (tests/test_migrations.py checks it against the scripts). A database
# already there skips Alembic, which reads every migration script on each start (1.4 s of it).
HEAD = "0016"


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
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), revision)
    except DatabaseError as exc:
        from .db import storage_error

        error = storage_error(exc, engine.url.render_as_string(hide_password=True))
        if isinstance(error, DatabaseUnreachable):
            raise error from None  # the server, not the data
        raise StorageError(translate("db", DAMAGED).format(detail=str(exc.orig).splitlines()[0][:120])) from None
