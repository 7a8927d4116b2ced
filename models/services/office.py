"""The office's settings: 本处信息 kept in the database for every desk, and the database a desk uses.

Name and address print on every form's header and default a new handover's 接收方 (or 移交方);
the key closing time and the 整改期限 table live with their subjects (key_custody, defect_register)
and are gathered here for the settings dialog. Which database a PC opens is the PC's own choice
(the GUI keeps it); `check_database` tells, before it is kept, whether that database will work.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..db import Database, make_engine, quick_check, resolve_url, storage_error
from ..defect import Severity
from ..errors import DomainError, StorageError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..migrate import HEAD, known_revision, stored_revision, unknown_revision
from ..people import Role
from ..rules.numbers import NumberKind, parse_int
from ..settings import Setting
from ..version import version
from . import defect_register, key_custody
from .permissions import may, require_role

NAME_SETTING, ADDRESS_SETTING = "office_name", "office_address"
NAME_MAX, ADDRESS_MAX = 100, 200  # a handover's company columns hold 100; a project's address 200
OFFICE_ROLE = Role.SUPERVISOR
OFFICE_ACTION = QT_TRANSLATE_NOOP("permissions", "修改本处信息")
PORT = NumberKind(0, Decimal("1"), Decimal("65535"))


# --- 本处信息 ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Office:
    """What every desk shares, and whether this desk's user may change name and address."""

    name: str
    address: str
    closing: dt.time
    deadlines: dict[Severity, int] = field(default_factory=dict)  # days per severity
    may_change: bool = False

    @property
    def letterhead(self) -> str:
        """The line printed at the top of every form's header: name and address, or ''."""
        return "　".join(t for t in (self.name, f"地址：{self.address}" if self.address else "") if t)


def _value(session: Session, key: str) -> str:
    return session.scalar(select(Setting.value).where(Setting.key == key)) or ""


def office(db: Database) -> Office:
    with db.read() as s:
        name, address = _value(s, NAME_SETTING), _value(s, ADDRESS_SETTING)
    return Office(name, address, key_custody.closing_time(db), defect_register.deadline_days(db),
                  may(db, OFFICE_ROLE))


def letterhead(db: Database) -> str:
    """The line every printed form carries under its title (reports/print_commands.py)."""
    with db.read() as s:
        return letterhead_in(s)


def letterhead_in(session: Session) -> str:
    """The same, read in the caller's transaction (a signed document keeps the one it was signed with)."""
    name, address = _value(session, NAME_SETTING), _value(session, ADDRESS_SETTING)
    return Office(name, address, key_custody.DEFAULT_CLOSING).letterhead


def _checked(value: str, label: str, longest: int) -> str:
    value = " ".join(value.split())  # a pasted line break or tab would break the printed header
    if len(value) > longest:
        raise ValidationError(translate("office", "「{field}」最多 {longest} 个字，现有 {length} 个字。").format(
            field=translate("office", label), longest=longest, length=len(value)))
    return value


def set_office(db: Database, name: str, address: str) -> Office:
    """One action: both values saved (each change audited like any record), or neither."""
    require_role(db, OFFICE_ROLE, OFFICE_ACTION)
    values = {NAME_SETTING: _checked(name, QT_TRANSLATE_NOOP("office", "单位名称"), NAME_MAX),
              ADDRESS_SETTING: _checked(address, QT_TRANSLATE_NOOP("office", "地址"), ADDRESS_MAX)}
    with db.begin() as s:
        for key, value in values.items():
            row = s.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                s.add(Setting(key=key, value=value))
            elif row.value != value:
                row.value = value
    return office(db)


# --- the database a desk uses --------------------------------------------------------------

SQLITE, POSTGRESQL = "sqlite", "postgresql"


@dataclass(frozen=True)
class DatabaseChoice:
    """This PC's SQLite file (path "" = the default file), or a PostgreSQL server."""

    kind: str = SQLITE
    path: str = ""
    host: str = ""
    port: str = "5432"
    database: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def of_url(cls, url: str) -> DatabaseChoice:
        """The choice an open database's URL stands for (the restore dialog starts from its server)."""
        u = make_url(url)
        if u.get_backend_name() == SQLITE:
            return cls(SQLITE, path=u.database or "")
        return cls(POSTGRESQL, host=u.host or "", port=str(u.port or 5432), database=u.database or "",
                   user=u.username or "", password=u.password or "")

    @property
    def is_sqlite(self) -> bool:
        return self.kind == SQLITE

    def target(self) -> str | None:
        """What Database.open takes (None: the default file); ValidationError naming an empty field."""
        if self.is_sqlite:
            return self.path.strip() or None
        for value, label in ((self.host, QT_TRANSLATE_NOOP("office", "服务器")),
                             (self.database, QT_TRANSLATE_NOOP("office", "数据库名"))):
            if not value.strip():
                raise ValidationError(translate("office", "「{field}」不能为空。").format(field=translate("office", label)))
        port = parse_int(self.port, translate("office", "端口"), PORT)
        return URL.create("postgresql+psycopg", username=self.user.strip() or None,
                          password=self.password or None, host=self.host.strip(), port=port,
                          database=self.database.strip()).render_as_string(hide_password=False)

    @property
    def where(self) -> str:
        """For messages: the file, or user@host:port/database (never the password)."""
        if self.is_sqlite:
            return self.path.strip() or translate("office", "本机默认数据库文件")
        user = f"{self.user.strip()}@" if self.user.strip() else ""
        return f"{user}{self.host.strip()}:{self.port.strip()}/{self.database.strip()}"


@dataclass(frozen=True)
class DatabaseCheck:
    """The verdict of 测试连接: whether the next start can use the database, and what to tell."""

    usable: bool
    message: str


NEW_FILE = QT_TRANSLATE_NOOP("office", "文件“{where}”还不存在：下次启动时将新建这个数据库文件。")
NOT_A_DATABASE = QT_TRANSLATE_NOOP("office", "文件“{where}”不是可用的数据库（已损坏，或不是数据库文件）：{detail}。请换一个文件。")
EMPTY = QT_TRANSLATE_NOOP("office", "连接成功。数据库“{where}”是空的：下次启动时将在其中建立数据表。")
FOREIGN = QT_TRANSLATE_NOOP("office", "数据库“{where}”里已有别的数据表，但不是物业交接台的数据库。"
           "为免弄乱其中的数据，请换一个空数据库（或请管理员新建一个）。")
CURRENT = QT_TRANSLATE_NOOP("office", "连接成功。这是物业交接台的数据库，结构是最新的（结构版本 {revision}）。")
OLDER = QT_TRANSLATE_NOOP("office", "连接成功。这是物业交接台的数据库，但结构较旧（结构版本 {revision}）："
         "下次启动时将自动升级到 {head}。升级前请先备份；共用这个数据库的其他前台也须升级到本程序的版本 {version}。")
NEWER = QT_TRANSLATE_NOOP("office", "数据库“{where}”由更新版本的物业交接台建立（结构版本 {revision}），本程序（版本 {version}）太旧，"
         "不能使用它：请先把本程序升级到最新版本。")


def check_database(choice: DatabaseChoice) -> DatabaseCheck:
    """Connect and read the schema's revision; nothing is created or changed (a new file is not made)."""
    try:
        target = choice.target()
        url = resolve_url(target)  # refuses a SQLite file on a network share
    except DomainError as exc:
        return DatabaseCheck(False, str(exc))
    if choice.is_sqlite:
        path = Path(url.split("///", 1)[1])
        if not path.exists() or path.stat().st_size == 0:
            return DatabaseCheck(True, translate("office", NEW_FILE).format(where=path))
        problem = quick_check(path)
        if problem is not None:
            return DatabaseCheck(False, translate("office", NOT_A_DATABASE).format(where=path, detail=problem[:80]))
    return _schema_verdict(url, choice.where if not choice.is_sqlite else str(path))


def _schema_verdict(url: str, where: str) -> DatabaseCheck:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            revision = stored_revision(conn)
            tables = inspect(conn).get_table_names()
    except DBAPIError as exc:
        return DatabaseCheck(False, str(storage_error(exc, where)))
    finally:
        engine.dispose()
    return schema_state(revision, tables, where)


def schema_state(revision: str | None, tables: list[str], where: str) -> DatabaseCheck:
    """How a database's alembic revision compares with the program's head."""
    head = HEAD
    if revision is None:
        if [t for t in tables if t != "alembic_version"]:
            return DatabaseCheck(False, translate("office", FOREIGN).format(where=where))
        return DatabaseCheck(True, translate("office", EMPTY).format(where=where))
    if revision == head:
        return DatabaseCheck(True, translate("office", CURRENT).format(revision=revision))
    if known_revision(revision):
        return DatabaseCheck(True, translate("office", OLDER).format(revision=revision, head=head, version=version()))
    return DatabaseCheck(False, translate("office", NEWER).format(where=where, revision=revision, version=version()))


def open_database(target: str | None, check_in_background: bool = False) -> Database:
    """Database.open, with a database made by a newer program refused in words (alembic's own
    "Can't locate revision" would otherwise reach the clerk as a bug)."""
    try:
        return Database.open(target, check_in_background=check_in_background)
    except Exception as exc:
        if not unknown_revision(exc):
            raise
        url = resolve_url(target)
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                revision = stored_revision(conn)
        finally:
            engine.dispose()
        where = engine.url.database if engine.dialect.name == "sqlite" else \
            engine.url.render_as_string(hide_password=True)
        raise StorageError(translate("office", NEWER).format(where=where, revision=revision, version=version())) from None
