"""Reading the audit log (操作日志) at the desk: Chinese names of tables and actions, the viewer's
query (filter by user, table, dates and text in SQL, paged) and each row's change in words.

Administrators only: the rows name every clerk's every change.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, case, or_, select
from sqlalchemy.orm import Session

from .audit import AuditLog
from .base import StrEnum
from .browse import ColumnSpec, Filters, Like, Scope, TableSpec, TextLike, _any
from .db import Database
from .errors import AuthError
from .field_labels import label as column_label
from .i18n import QT_TRANSLATE_NOOP, translate
from .labels import Coded
from .people import Role, User
from .services.permissions import Permit, permit, who_may

READ = QT_TRANSLATE_NOOP("audit", "查看操作日志")
ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("audit", "新增"), "update": QT_TRANSLATE_NOOP("audit", "修改"), "delete": QT_TRANSLATE_NOOP("audit", "删除"), "login": QT_TRANSLATE_NOOP("audit", "登录"), "logout": QT_TRANSLATE_NOOP("audit", "退出登录"),
    "login_failed": QT_TRANSLATE_NOOP("audit", "登录失败"), "lockout": QT_TRANSLATE_NOOP("audit", "锁定登录"), "password": QT_TRANSLATE_NOOP("audit", "修改密码"), "reset_password": QT_TRANSLATE_NOOP("audit", "重置密码"),
    "import": QT_TRANSLATE_NOOP("audit", "导入"), "demo": QT_TRANSLATE_NOOP("audit", "演示数据"), "seed": QT_TRANSLATE_NOOP("audit", "内置模板"), "unmask": QT_TRANSLATE_NOOP("audit", "查看个人信息"),
    # Actions written under their Chinese name (the fees' reconcile and bulk decisions).
    "对账": QT_TRANSLATE_NOOP("audit", "对账"), "批量处理差异": QT_TRANSLATE_NOOP("audit", "批量处理差异"),
}
# Column names the field labels (models/field_labels.py, written for text limits) do not cover.
MORE_COLUMN_LABELS = {
    "users": {"role": QT_TRANSLATE_NOOP("field_labels", "角色"), "active": QT_TRANSLATE_NOOP("field_labels", "在用"), "must_change_password": QT_TRANSLATE_NOOP("field_labels", "须修改密码"), "failed_logins": QT_TRANSLATE_NOOP("field_labels", "连续输错次数"),
              "locked_until": QT_TRANSLATE_NOOP("field_labels", "锁定至")},
}
NOISE = frozenset({"version", "updated_at"})  # on every update; the row's time says as much
ALL_SCOPE = Scope(0)  # the audit log is not a project's: the browse model needs some scope


@cache
def table_labels() -> dict[str, str]:
    """Every audited table's Chinese name (each record class's __label__), by table name."""
    from . import schema  # noqa: F401  (every record class registered)
    from .base import Base

    labels = {m.class_.__table__.name: str(m.class_.__dict__.get("__label__", m.class_.__table__.name))
              for m in Base.registry.mappers if m.class_.__audited__}
    return dict(sorted(labels.items(), key=lambda kv: kv[1]))


@cache
def coded_columns() -> dict[tuple[str, str], type[Coded]]:
    """(table, column) of every column that stores an enum's code, with its enum."""
    from . import schema  # noqa: F401  (every record class registered)
    from .base import Base

    return {(m.class_.__table__.name, c.name): c.type.enum_cls for m in Base.registry.mappers
            for c in m.class_.__table__.columns if isinstance(c.type, StrEnum) and issubclass(c.type.enum_cls, Coded)}


def table_label(name: str) -> str:
    """A table's name at the desk, in the chosen language."""
    return translate("audit", table_labels().get(name, name))


def action_label(action: str) -> str:
    return translate("audit", ACTION_LABELS.get(action, action))


def _shown_label(text: Any) -> Any:
    """The viewer's action and table columns are labelled in SQL (so they sort and search in Chinese):
    translated as they leave models/."""
    return translate("audit", text) if isinstance(text, str) else text


# ---- a row's change in words -------------------------------------------------------------------

def _field(table: str, column: str) -> str:
    more = MORE_COLUMN_LABELS.get(table, {}).get(column)
    return translate("field_labels", more) if more else column_label(table, column)


def _value(table: str, column: str, value: Any) -> str:
    if value is None or value == "":
        return translate("audit", "（空）")
    if isinstance(value, bool):
        return translate("audit", "是") if value else translate("audit", "否")
    enum_cls = coded_columns().get((table, column))
    if enum_cls is not None and isinstance(value, str):
        try:
            return enum_cls(value).label  # a code, or the word a row written before the codes holds
        except ValueError:
            pass
    return str(value)


def _loads(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def describe(table: str, action: str, before: str | None, after: str | None, note: str) -> str:
    """What the row says happened, e.g. "角色：文员 → 主管" or the action's own note."""
    if note:
        return note
    old, new = _loads(before), _loads(after)
    keys = [k for k in dict.fromkeys([*old, *new]) if k not in NOISE]
    if action == "update":
        change = translate("audit", "{field}：{old} → {new}")
        parts = [change.format(field=_field(table, k), old=_value(table, k, old.get(k)), new=_value(table, k, new.get(k)))
                 for k in keys]
    else:
        values = new if action == "insert" else old
        parts = [f"{_field(table, k)}={_value(table, k, values.get(k))}" for k in keys if k != "id"]
    return translate("audit", "；").join(parts)


# ---- the viewer's table -----------------------------------------------------------------------

def _case(column: Any, labels: dict[str, str]) -> Any:
    if not labels:
        return column
    return case(*((column == k, v) for k, v in labels.items()), else_=column)


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _filters(filters: Filters) -> list[ColumnElement[bool]]:
    """{"username": ..., "table": table name, "from": date, "to": date (both days included)}."""
    where: list[ColumnElement[bool]] = []
    if filters.get("username"):
        where.append(AuditLog.username == filters["username"])
    if filters.get("table"):
        where.append(AuditLog.table_name == filters["table"])
    start, end = _day(filters.get("from")), _day(filters.get("to"))
    if start is not None:
        where.append(AuditLog.at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        where.append(AuditLog.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    return where


def read_permit(db: Database) -> Permit:
    """Whether the current user may open 操作日志 (what _require_reader lets through)."""
    return permit(db, Role.ADMIN, READ)


def _require_reader(session: Session) -> None:
    """The session's user (Database.read puts it there) must be an administrator."""
    user = session.info.get("user")
    role = getattr(user, "role", "")
    if role not in Role._value2member_map_ or not Role(role).at_least(Role.ADMIN):
        raise AuthError(who_may(Role.ADMIN, READ) + translate("audit", "。"))


# The raw columns each row needs beside the shown ones, to say its change in words.
_RAW = (AuditLog.table_name, AuditLog.action, AuditLog.before, AuditLog.after)
DETAIL = 5  # index of the 内容 column


def _shown(row: tuple[Any, ...], keep_id: bool) -> tuple[Any, ...]:
    """(the six shown values[, id]) from (six shown values, id, table, action, before, after)."""
    shown, record_id, (table, action, before, after) = list(row[:6]), row[6], row[7:11]
    shown[DETAIL] = describe(table, action, before, after, shown[DETAIL] or "")
    return (*shown, record_id) if keep_id else tuple(shown)


class AuditSpec(TableSpec):
    """The audit log as a browsable table: the 内容 column is the change in words, made from the
    raw before/after after the page is read (in the worker), sorted and searched by its note."""

    def select(self, session: Session, scope: Scope, filter_text: str = "", sort_col: int | None = None,
               descending: bool = False, filters: Filters | None = None) -> Select[Any]:
        _require_reader(session)
        return super().select(session, scope, filter_text, sort_col, descending, filters).add_columns(*_RAW)

    def fetch(self, session: Session, scope: Scope, filter_text: str = "", sort_col: int | None = None,
              descending: bool = False, offset: int = 0, limit: int = 500,
              filters: Filters | None = None) -> list[tuple[Any, ...]]:
        rows = super().fetch(session, scope, filter_text, sort_col, descending, offset, limit, filters)
        return [_shown(r, keep_id=True) for r in rows]

    def count(self, session: Session, scope: Scope, filter_text: str = "", filters: Filters | None = None) -> int:
        _require_reader(session)
        return super().count(session, scope, filter_text, filters)

    def rows(self, session: Session, filter_text: str = "", filters: Filters | None = None,
             batch: int = 5000) -> Iterator[tuple[Any, ...]]:
        """Every matching row, newest first, as shown (streamed: a server-side cursor on PostgreSQL)."""
        stmt = self.select(session, ALL_SCOPE, filter_text, filters=filters)
        result = session.execute(stmt.execution_options(yield_per=batch))
        for part in result.partitions(batch):
            for row in part:
                yield _shown(tuple(row), keep_id=False)


def _text_where(like: Like) -> ColumnElement[bool]:
    """The typed text in the note or the raw values, or a Chinese word the 内容 column shows for a
    stored code: "主管" finds the row whose after holds "role": "supervisor", "借出" the rows holding
    "lent" (and, by the plain match, the rows written before the codes, which hold "借出" itself)."""
    found = _any(like, [AuditLog.note, AuditLog.before, AuditLog.after])
    text = like.text if isinstance(like, TextLike) else ""
    if not text:
        return found
    codes = {m.value for enum_cls in set(coded_columns().values()) for m in enum_cls if text in m.label}
    actions = [code for code, label in ACTION_LABELS.items() if text in label]
    tables = [name for name, label in table_labels().items() if text in label]
    more = [c for code in sorted(codes) for c in (AuditLog.before.contains(f'"{code}"', autoescape=True),
                                                   AuditLog.after.contains(f'"{code}"', autoescape=True))]
    if actions:
        more.append(AuditLog.action.in_(actions))
    if tables:
        more.append(AuditLog.table_name.in_(tables))
    return or_(found, *more)


AUDIT = AuditSpec(
    key="audit_log",
    columns=[
        ColumnSpec("at", QT_TRANSLATE_NOOP("columns", "时间"), "datetime", AuditLog.at),
        ColumnSpec("username", QT_TRANSLATE_NOOP("columns", "用户"), "text", AuditLog.username),
        ColumnSpec("action", QT_TRANSLATE_NOOP("columns", "操作"), "text", _case(AuditLog.action, ACTION_LABELS),
                   present=_shown_label),
        ColumnSpec("table", QT_TRANSLATE_NOOP("columns", "数据表"), "text", _case(AuditLog.table_name, table_labels()),
                   present=_shown_label),
        ColumnSpec("record_id", QT_TRANSLATE_NOOP("columns", "记录号"), "int", AuditLog.record_id),
        ColumnSpec("detail", QT_TRANSLATE_NOOP("columns", "内容"), "text", AuditLog.note),
    ],
    id_col=AuditLog.id,
    from_=lambda: AuditLog.__table__,
    scope_where=lambda scope: [],
    text_where=lambda like: _text_where(like),
    default_order=lambda: [AuditLog.at.desc(), AuditLog.id.desc()],
    filter_where=_filters,
)


@contextmanager
def stream_audit(db: Database, filter_text: str = "", filters: Filters | None = None
                 ) -> Iterator[tuple[int, Iterator[tuple[Any, ...]]]]:
    """How many rows match (refused for a non-administrator), and the rows, newest first, streamed from
    one read session that stays open while the caller writes them."""
    with db.read() as session:
        yield AUDIT.count(session, ALL_SCOPE, filter_text, filters), AUDIT.rows(session, filter_text, filters)


# ---- the filters' choices ---------------------------------------------------------------------

@dataclass(frozen=True)
class AuditChoices:
    """What the viewer's filters offer: (username, caption) of every account, (table, 中文名) of every table."""

    users: tuple[tuple[str, str], ...]
    tables: tuple[tuple[str, str], ...]


def choices(db: Database) -> AuditChoices:
    with db.read() as s:
        _require_reader(s)
        users = s.execute(select(User.username, User.display_name).order_by(User.username)).all()
    caption = translate("audit", "{name}（{username}）")
    return AuditChoices(tuple((u, caption.format(name=d, username=u) if d and d != u else u) for u, d in users),
                        tuple((name, translate("audit", text)) for name, text in table_labels().items()))
