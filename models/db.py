"""Opening the database: SQLite file by default, PostgreSQL for several desks.

One `Database` per process holds the engine, the session factory and the
user who is logged in; `db.begin()` is one user action, one transaction.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .errors import BusyError, DomainError, SignedRecordError, StaleRecordError, StorageError

APP_NAME = "HandoverDesk"
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs"}
NETWORK_MESSAGE = ("数据库文件位于网络共享上（{path}）。多台电脑同时使用网络共享上的 SQLite 文件会损坏数据；"
                   "多个前台请共用一台 PostgreSQL 服务器（--db postgresql://用户@服务器/数据库）。")


@dataclass(frozen=True)
class UserRef:
    """Who is at the desk; written on every audit row."""

    id: int | None
    username: str
    display_name: str = ""
    role: str = "clerk"


def data_dir() -> Path:
    """%APPDATA%\\HandoverDesk on Windows, the XDG data folder on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "handoverdesk.sqlite"


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def _linux_fs_type(path: Path) -> str:
    best, fstype = "", ""
    target = str(path.resolve())
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, fstype = parts[1], parts[2]
    return fstype


def is_network_path(path: str | Path) -> bool:
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True  # UNC path: \\server\share\file
    p = Path(text)
    if sys.platform == "win32":
        return _windows_drive_is_remote(p)
    return _linux_fs_type(p.parent if not p.exists() else p) in NETWORK_FS


def resolve_url(db: str | None) -> str:
    """`--db` as the clerk types it → a SQLAlchemy URL (refusing network shares)."""
    if db and "://" in db:
        if db.startswith("postgresql://") or db.startswith("postgres://"):
            db = "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    path = Path(db).expanduser() if db else default_db_path()
    if is_network_path(path):
        raise StorageError(NETWORK_MESSAGE.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    # pysqlite's own transaction handling defeats SAVEPOINT and transactional
    # DDL: switch it off and issue BEGIN ourselves (SQLAlchemy's SQLite docs).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """The engine, a session factory and the logged-in user."""

    def __init__(self, url: str, user: UserRef | None = None) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # BEGIN IMMEDIATE takes SQLite's write lock at the start of the action.
        self.locking_sessions = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self.user = user

    @classmethod
    def open(cls, db: str | None = None, upgrade: bool = True) -> Database:
        """Open (creating if needed) and bring the schema up to date."""
        database = cls(resolve_url(db))
        if upgrade:
            from .migrate import upgrade as do_upgrade

            do_upgrade(database.engine)
        return database

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        u = make_url(self.url)
        if self.is_sqlite:
            return str(u.database)
        return u.render_as_string(hide_password=True)

    @contextmanager
    def begin(self, immediate: bool = False) -> Iterator[Session]:
        """One user action: commit on success, roll back everything on any error.

        `immediate` takes SQLite's write lock at BEGIN, so two desks cannot both
        read-then-write the same row (SELECT ... FOR UPDATE is a no-op there).
        """
        factory = self.locking_sessions if immediate else self.sessions
        with factory() as session:
            session.info["user"] = self.user
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise StaleRecordError() from exc
            except DBAPIError as exc:
                raise translate_db_error(exc) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session for lists and reports."""
        with self.sessions() as session:
            session.info["user"] = self.user
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def translate_db_error(exc: DBAPIError) -> Exception:
    """The database refused: say why in the clerk's words (a bug stays a bug)."""
    text = str(exc.orig)
    if "HD_FINAL" in text:
        return SignedRecordError()
    if "database is locked" in text or "could not serialize" in text:
        return BusyError()
    if "HD_APPEND_ONLY" in text:
        return DomainError("记录只能追加，不能修改或删除。")
    if "UNIQUE" in text.upper() or "duplicate key" in text:
        return DomainError(f"保存失败：与已有记录重复。（{text.splitlines()[0][:160]}）")
    if "FOREIGN KEY" in text.upper() or "foreign key" in text:
        return DomainError(f"保存失败：引用的记录不存在或仍被其他记录引用。（{text.splitlines()[0][:160]}）")
    return exc
