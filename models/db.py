"""Opening the database: SQLite file by default, PostgreSQL for several desks.

One `Database` per process holds the engine, the session factory and the
user who is logged in; `db.begin()` is one user action, one transaction.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
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

from .errors import (
    BusyError,
    DatabaseUnreachable,
    DomainError,
    SignedRecordError,
    StaleRecordError,
    StorageError,
)
from .i18n import QT_TRANSLATE_NOOP, translate
from .paths import default_db_path

log = logging.getLogger(__name__)

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs"}
NETWORK_MESSAGE = QT_TRANSLATE_NOOP("db", "数据库文件位于网络共享上（{path}）。多台电脑同时使用网络共享上的 SQLite 文件会损坏数据；"
                   "多个前台请共用一台 PostgreSQL 服务器（--db postgresql://用户@服务器/数据库）。")


@dataclass(frozen=True)
class UserRef:
    """Who is at the desk; written on every audit row."""

    id: int | None
    username: str
    display_name: str = ""
    role: str = "clerk"


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive or sys.platform != "win32":  # ctypes.windll exists on Windows only
        return False
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # DRIVE_REMOTE


def _linux_fs_type(path: Path) -> str:
    best, fstype = "", ""
    target = str(path.resolve())
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    for line in mounts:
        parts = line.split()
        mounted_on = len(parts) > 2 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/"))
        if mounted_on and len(parts[1]) > len(best):
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
        raise StorageError(translate("db", NETWORK_MESSAGE).format(path=path))
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
    # hide_parameters: an error's text (in a log, on stderr, in a bug report) never carries the values
    # of a statement — owners' names and phones among them.
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10},
                               hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args={"connect_timeout": 10})


class IntegrityCheck:
    """SQLite's quick_check of a file that already exists, run once at start.

    It reads every page (about 2 s for the large demo's 300 MB), so the app runs it beside the
    window; a command runs it before anything else. Every write waits for its verdict, and none is
    made into a file that fails it; a read that meets a damaged page says so in Chinese as well.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        self._done = threading.Event()

    def run(self) -> None:
        try:
            self.problem = quick_check(self.path)
        finally:
            self._done.set()

    def start(self) -> None:
        threading.Thread(target=self.run, name="quick_check", daemon=True).start()

    def verdict(self) -> None:
        """Wait for the check; StorageError if the file failed it."""
        self._done.wait()
        if self.problem is not None:
            raise StorageError(translate("db", DAMAGED).format(path=self.path, detail=self.problem))


def quick_check(path: Path, full: bool = False) -> str | None:
    """None when SQLite's quick_check (or, `full`, integrity_check) says ok; else its first complaint."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = conn.execute(f"PRAGMA {pragma}(5)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = str(rows[0][0]) if rows else "no answer"
    return None if first == "ok" else first


class Database:
    """The engine, a session factory and the logged-in user."""

    def __init__(self, url: str, user: UserRef | None = None) -> None:
        self.url = url
        self.integrity: IntegrityCheck | None = None  # SQLite: the check every write waits for
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # BEGIN IMMEDIATE takes SQLite's write lock at the start of the action.
        self.locking_sessions = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self.user = user

    @classmethod
    def open(cls, db: str | None = None, upgrade: bool = True, check_in_background: bool = False) -> Database:
        """Open (creating if needed), check the file and bring the schema up to date.

        A damaged SQLite file, a PostgreSQL server that is down, a wrong password, a missing database:
        each a StorageError with its own message. `check_in_background` lets the app show its window
        while a large file is checked; writes wait for the verdict either way.
        """
        database = cls(resolve_url(db))
        database._check(check_in_background)
        if upgrade:
            from .migrate import upgrade as do_upgrade

            do_upgrade(database.engine)
        return database

    def _check(self, in_background: bool) -> None:
        if not self.is_sqlite:
            try:
                with self.engine.connect():
                    pass
            except DBAPIError as exc:
                raise storage_error(exc, self.display_name) from None
            return
        path = Path(str(make_url(self.url).database))
        if not path.exists() or path.stat().st_size == 0:
            return  # a new database: nothing to check
        self.integrity = IntegrityCheck(path)
        if in_background:
            self.integrity.start()
        else:
            self.integrity.run()
            self.integrity.verdict()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        u = make_url(self.url)
        if self.is_sqlite:
            return str(u.database)
        return u.render_as_string(hide_password=True)

    def refresh_statistics(self, *tables: str) -> None:
        """After a bulk write (demo, imports, restore): PostgreSQL plans from statistics that only
        ANALYZE makes, and autovacuum gets to it minutes later or never (the keys filter took 684 ms on
        the large demo before, 14 ms after). SQLite needs none for these queries. Only the named
        tables: a bare ANALYZE would walk every schema of the server's database. A failure is logged,
        not raised: the data is already committed and the statistics only speed up reads."""
        if self.is_sqlite or not tables:
            return
        quote = self.engine.dialect.identifier_preparer.quote
        try:
            with self.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE " + ", ".join(quote(t) for t in sorted(set(tables))))
        except DBAPIError as exc:
            log.warning("ANALYZE failed (%s): reads may plan poorly until autovacuum runs",
                        type(exc.orig).__name__)

    @contextmanager
    def begin(self, immediate: bool = False) -> Iterator[Session]:
        """One user action: commit on success, roll back everything on any error.

        `immediate` takes SQLite's write lock at BEGIN, so two desks cannot both
        read-then-write the same row (SELECT ... FOR UPDATE is a no-op there).
        """
        if self.integrity is not None:
            self.integrity.verdict()  # never write into a file that fails quick_check
        factory = self.locking_sessions if immediate else self.sessions
        with factory() as session:
            session.info["user"] = self.user
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise StaleRecordError() from exc
            except DBAPIError as exc:
                raise translate_db_error(exc, self.display_name) from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session for lists and reports."""
        with self.sessions() as session:
            session.info["user"] = self.user
            try:
                yield session
            except DBAPIError as exc:
                error = translate_db_error(exc, self.display_name)
                if error is exc:
                    raise
                raise error from None

    def dispose(self) -> None:
        self.engine.dispose()


DAMAGED = QT_TRANSLATE_NOOP("db", "数据库文件“{path}”已损坏（{detail}）。为免损失扩大，程序不会再写入这个文件。"
           "请从备份恢复，或用 --db 打开另一个文件，并联系技术支持。")
PG_DOWN = QT_TRANSLATE_NOOP("db", "连不上数据库服务器（{where}）：服务器没有运行、地址或端口不对，或网络不通。"
           "请检查服务器和网络，或联系管理员。")
PG_PASSWORD = QT_TRANSLATE_NOOP("db", "数据库服务器拒绝登录（{where}）：用户名或密码不正确。请检查设置中的数据库用户和密码。")
PG_NO_USER = QT_TRANSLATE_NOOP("db", "数据库服务器上没有这个数据库用户（{where}）。请检查设置中的数据库用户名。")
PG_NO_DATABASE = QT_TRANSLATE_NOOP("db", "数据库服务器上没有这个数据库（{where}）。请检查数据库名称，或请管理员先建库。")
CONNECTION_LOST = QT_TRANSLATE_NOOP("db", "与数据库服务器的连接中断了（{where}），这次操作已全部撤销，没有保存任何内容。"
                   "请检查网络后重试。")
# (what the driver or the server says, in English or in a Chinese server's words) -> the clerk's message
CONNECTION_TEXTS = (
    (("password authentication failed", "密码认证失败", "Password 认证失败", "no password supplied"), PG_PASSWORD),
    (("role \"", "角色 \""), PG_NO_USER),
    (("database \"", "数据库 \""), PG_NO_DATABASE),
    (("server closed the connection", "terminating connection", "connection is closed", "connection already closed",
      "consuming input failed", "SSL SYSCALL error", "lost synchronization", "终止连接"), CONNECTION_LOST),
    (("Connection refused", "could not translate host name", "timeout expired", "No route to host",
      "Network is unreachable", "could not connect", "connection to server"), PG_DOWN),
)
SQLITE_DAMAGED = ("file is not a database", "database disk image is malformed", "malformed database schema")


def storage_error(exc: DBAPIError, where: str) -> StorageError:
    """Why the database cannot be used, in the clerk's words; the driver's own text is never shown."""
    text = str(exc.orig)
    for needles, message in CONNECTION_TEXTS:
        if any(n in text for n in needles):
            if message is PG_NO_USER and "does not exist" not in text and "不存在" not in text:
                continue
            if message is PG_NO_DATABASE and "does not exist" not in text and "不存在" not in text:
                continue
            return DatabaseUnreachable(translate("db", message).format(where=where))
    if any(n in text for n in SQLITE_DAMAGED):
        return StorageError(translate("db", DAMAGED).format(path=where, detail=text.splitlines()[0][:80]))
    return StorageError(translate("db", "无法使用数据库（{where}）。请联系管理员；详情已记入日志。").format(where=where))


def _is_connection_problem(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return bool(exc.connection_invalidated) or sqlstate[:2] in ("08", "57") or \
        any(n in str(exc.orig) for needles, m in CONNECTION_TEXTS if m in (CONNECTION_LOST, PG_DOWN) for n in needles)


def translate_db_error(exc: DBAPIError, where: str = "") -> Exception:
    """The database refused: say why in the clerk's words (a bug stays a bug)."""
    text = str(exc.orig)
    if _is_connection_problem(exc):
        return DatabaseUnreachable(translate("db", CONNECTION_LOST).format(where=where or translate("db", "数据库")))
    if any(n in text for n in SQLITE_DAMAGED):
        return StorageError(translate("db", DAMAGED).format(path=where, detail=text.splitlines()[0][:80]))
    if "HD_FINAL" in text:
        return SignedRecordError()
    if "database is locked" in text or "could not serialize" in text:
        return BusyError()
    if "HD_APPEND_ONLY" in text:
        return DomainError(translate("db", "记录只能追加，不能修改或删除。"))
    if "UNIQUE" in text.upper() or "duplicate key" in text:
        return DomainError(translate("db", "保存失败：与已有记录重复。（{detail}）").format(detail=text.splitlines()[0][:160]))
    if "FOREIGN KEY" in text.upper() or "foreign key" in text:
        return DomainError(translate("db", "保存失败：引用的记录不存在或仍被其他记录引用。（{detail}）").format(
            detail=text.splitlines()[0][:160]))
    return exc
