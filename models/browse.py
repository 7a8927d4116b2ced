"""The queries behind every tab's table: SQL-side filter, sort, paging and streaming (no Qt)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Date,
    FromClause,
    Integer,
    Select,
    String,
    and_,
    any_,
    bindparam,
    case,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    type_coerce,
    union_all,
)
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from .base import DocStatus, now
from .db import Database
from .defect import Defect, DefectCategory, DefectStatus, Responsible, Severity
from .fees import Decision, DiffKind, FeeDifference, FeeItem, LedgerLine
from .handover import CopyKind, Handover, HandoverItem, HandoverList, ItemCondition
from .i18n import QT_TRANSLATE_NOOP
from .keys import Key, KeyEvent, KeyEventKind, KeyStatus
from .labels import Coded, word
from .project import Unit
from .types import Money

KINDS = ("text", "int", "money", "area", "date", "datetime")
# Up to this many matching rows, a filtered page of a table with text_arms is read through the
# indexes and sorted; beyond, by walking the table in order (matches are then dense enough).
DIRECT = 20_000
Like = Callable[[Any], ColumnElement[bool]]
Filters = Mapping[str, Any]  # a table's own filters beside the text, e.g. {"status": "rectifying", "overdue": True}


@dataclass(frozen=True)
class Scope:
    """Which rows a tab shows: one project, and one of its handovers (None = all of them)."""

    project_id: int
    handover_id: int | None = None


@dataclass(frozen=True)
class ColumnSpec:
    """One column: key, Chinese title, kind (text/int/money/area/date/datetime)."""

    key: str
    title: str
    kind: str = "text"
    expr: Any = field(default=None, compare=False, repr=False)
    # How a value leaves models/ (personal data masked: 138****8000); filter and sort see the stored value.
    present: Callable[[Any], Any] | None = field(default=None, compare=False, repr=False)
    # What a click on the header sorts by, when not the value itself (masked data: what is shown).
    sort: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TableSpec:
    """A browsable table: its columns and how to scope, filter, sort and page it in SQL.

    `fetch` rows are the column values followed by the record id (row[-1]);
    `iter_rows` rows are exactly the column values, for export.
    """

    key: str
    columns: list[ColumnSpec]
    id_col: Any = field(repr=False)
    from_: Callable[[], FromClause] = field(repr=False)
    scope_where: Callable[[Scope], list[ColumnElement[bool]]] = field(repr=False)
    text_where: Callable[[Like], ColumnElement[bool]] = field(repr=False)
    default_order: Callable[[], list[Any]] = field(repr=False)
    # What COUNT needs to join (only what the filter reads); None = from_. Leaving out the
    # display-only joins keeps the count on the 1,200,000-line ledger an index scan.
    count_from: Callable[[], FromClause] | None = field(default=None, repr=False)
    # The table's own filters (combos, check boxes); unknown keys and empty values are ignored.
    filter_where: Callable[[Filters], list[ColumnElement[bool]]] | None = field(default=None, repr=False)
    # Values for bind parameters the columns read ("today" for 逾期天数), from the filters.
    params: Callable[[Filters], dict[str, Any]] | None = field(default=None, repr=False)
    # The text filter split into disjoint parts, each one read through an index, whose union is
    # exactly text_where (a large table only; see `_arms`). None = text_where is read as it is.
    text_arms: Callable[[Like], list[ColumnElement[bool]]] | None = field(default=None, repr=False)
    # The scope inside each part; None = scope_where. (The parts' own index must be the one read.)
    arm_scope_where: Callable[[Scope], list[ColumnElement[bool]]] | None = field(default=None, repr=False)
    # What the parts read from; None = count_from, else from_.
    arm_from: Callable[[], FromClause] | None = field(default=None, repr=False)
    # The databases the parts are read on: where a part has no index of its own (SQLite has no trigram
    # index on the keys' and defects' texts) walking the table with the whole filter is faster.
    arms_on: tuple[str, ...] = ("sqlite", "postgresql")
    # Up to how many matches a page is read through the parts (None = DIRECT).
    direct: int | None = None

    def column_index(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    def _where(self, session: Session, scope: Scope, filter_text: str,
               filters: Filters | None = None) -> list[ColumnElement[bool]]:
        where = self.scope_where(scope)
        text = filter_text.strip()
        if text:
            where.append(self.text_where(_like(session, text)))
        if filters and self.filter_where is not None:
            where.extend(self.filter_where(filters))
        return where

    def _arms(self, session: Session, scope: Scope, filter_text: str,
              filters: Filters | None) -> list[list[ColumnElement[bool]]] | None:
        """The WHERE of each disjoint part of the filter, for a table with text_arms and a typed text.

        An OR of an IN on the units, an IN on the fee items and a text column cannot be read through
        any one index: both databases then read all 1,200,000 lines. Each part alone can be, and the
        parts exclude each other, so a UNION ALL of them counts each matching row once.
        """
        text = filter_text.strip()
        if self.text_arms is None or not text or session.get_bind().dialect.name not in self.arms_on:
            return None
        common = (self.arm_scope_where or self.scope_where)(scope)
        if filters and self.filter_where is not None:
            common.extend(self.filter_where(filters))
        return [[*common, arm] for arm in self.text_arms(_like(session, text))]

    def _union(self, arms: list[list[ColumnElement[bool]]], column: Any) -> Any:
        parts = [select(column).select_from((self.arm_from or self.count_from or self.from_)()).where(*w)
                 for w in arms]
        return union_all(*parts)

    def _matching(self, session: Session, scope: Scope, filter_text: str, filters: Filters | None,
                  cap: int) -> tuple[int, bool]:
        """How many rows match, counting no further than `cap` + 1: (n, whether n is exact)."""
        arms = self._arms(session, scope, filter_text, filters)
        if arms is None:
            inner: Any = (select(self.id_col).select_from((self.count_from or self.from_)())
                          .where(*self._where(session, scope, filter_text, filters)))
        else:
            inner = self._union(arms, self.id_col)
        stmt = select(func.count()).select_from(inner.limit(cap + 1).subquery())
        n = int(session.scalar(stmt.params(**self.params(filters or {})) if self.params else stmt) or 0)
        return min(n, cap), n <= cap

    def count_upto(self, session: Session, scope: Scope, filter_text: str = "", filters: Filters | None = None,
                   cap: int = 10_000) -> tuple[int, bool]:
        """(n, exact): the count when at most `cap` rows match, else (cap, False) — found as soon as cap + 1
        rows are, where the exact count of a filter matching nearly all of 1,200,000 lines takes a while."""
        if self.text_arms is None:
            return self.count(session, scope, filter_text, filters), True
        return self._matching(session, scope, filter_text, filters, cap)

    def _order(self, sort_col: int | None, descending: bool) -> list[Any]:
        if sort_col is None or not 0 <= sort_col < len(self.columns):
            return [*self.default_order(), self.id_col]
        column, tie = self.columns[sort_col], self.id_col
        expr = column.expr if column.sort is None else column.sort
        # The id tiebreak keeps paging stable when many rows share a value.
        return [expr.desc(), tie.desc()] if descending else [expr.asc(), tie.asc()]

    def select(self, session: Session, scope: Scope, filter_text: str = "",
               sort_col: int | None = None, descending: bool = False,
               filters: Filters | None = None) -> Select[Any]:
        cols = [c.expr.label(c.key) for c in self.columns]
        stmt = select(*cols, self.id_col.label("_id")).select_from(self.from_())
        arms = self._arms(session, scope, filter_text, filters)
        direct = DIRECT if self.direct is None else self.direct
        if arms is not None and self._matching(session, scope, filter_text, filters, direct)[1]:
            # Few rows match: read them through the parts' indexes and sort them. Many match: walk
            # the table in order, where the first page is found long before its end.
            ids = self._union(arms, self.id_col)
            # PostgreSQL plans an IN as a join and walked the whole primary key to merge 400 ids;
            # an array of them is an index condition.
            where: list[ColumnElement[bool]] = [
                self.id_col.in_(ids) if session.get_bind().dialect.name == "sqlite"
                else self.id_col == any_(func.array(ids.scalar_subquery()))]
        else:
            where = self._where(session, scope, filter_text, filters)
        stmt = stmt.where(*where).order_by(*self._order(sort_col, descending))
        return stmt.params(**self.params(filters or {})) if self.params else stmt

    def fetch(self, session: Session, scope: Scope, filter_text: str = "", sort_col: int | None = None,
              descending: bool = False, offset: int = 0, limit: int = 500,
              filters: Filters | None = None) -> list[tuple[Any, ...]]:
        stmt = self.select(session, scope, filter_text, sort_col, descending, filters)
        return [self._present(tuple(r)) for r in session.execute(stmt.offset(offset).limit(limit))]

    def _present(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        if not any(c.present for c in self.columns):
            return row
        shown = [c.present(v) if c.present and v is not None else v for c, v in zip(self.columns, row, strict=False)]
        return (*shown, *row[len(self.columns):])

    def count(self, session: Session, scope: Scope, filter_text: str = "", filters: Filters | None = None) -> int:
        arms = self._arms(session, scope, filter_text, filters)
        if arms is None:
            stmt = select(func.count()).select_from((self.count_from or self.from_)())
            stmt = stmt.where(*self._where(session, scope, filter_text, filters))
        else:
            stmt = select(func.count()).select_from(self._union(arms, self.id_col).subquery())
        return int(session.scalar(stmt.params(**self.params(filters or {})) if self.params else stmt) or 0)

    def iter_rows(self, session: Session, project_id: int, handover_id: int | None = None,
                  filter_text: str = "", batch: int = 5000,
                  filters: Filters | None = None) -> Iterator[tuple[Any, ...]]:
        """Every matching row in the default order, streamed (server-side cursor on PostgreSQL);
        a stored code as its label, since an export is read by people."""
        stmt = self.select(session, Scope(project_id, handover_id), filter_text, filters=filters)
        result = session.execute(stmt.execution_options(yield_per=batch))
        for part in result.partitions(batch):
            for row in part:
                yield tuple(v.label if isinstance(v, Coded) else v for v in self._present(tuple(row))[:-1])


class Browsable(Protocol):
    """What a paged table view reads: a TableSpec, or the audit log's spec."""

    def fetch(self, session: Session, scope: Scope, filter_text: str = "", sort_col: int | None = None,
              descending: bool = False, offset: int = 0, limit: int = 500,
              filters: Filters | None = None) -> list[tuple[Any, ...]]: ...

    def count(self, session: Session, scope: Scope, filter_text: str = "",
              filters: Filters | None = None) -> int: ...


def interactive(session: Session) -> Session:
    """A read a clerk waits for at each keystroke: on PostgreSQL without JIT, for this transaction.

    PostgreSQL compiles a query whose estimated cost passes jit_above_cost to machine code before it
    runs it. A page of 对账差异 filtered for a text nothing matches spent 170 ms of its 180 compiling
    (the filter's arms are costed as if they all ran, then find nothing). The long streams —
    reconciling, the results, exports — keep the server's setting: JIT helps their aggregates.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sql_text("SET LOCAL jit = off"))
    return session


def fetch_page(db: Database, spec: Browsable, scope: Scope, filter_text: str = "", sort_col: int | None = None,
               descending: bool = False, offset: int = 0, limit: int = 500,
               filters: Filters | None = None) -> list[tuple[Any, ...]]:
    """One page of a table's rows in its own read session (the GUI's paged views call this in a worker)."""
    with db.read() as s:
        return spec.fetch(interactive(s), scope, filter_text, sort_col, descending, offset, limit, filters=filters)


def count_rows(db: Database, spec: Browsable, scope: Scope, filter_text: str = "",
               filters: Filters | None = None) -> int:
    with db.read() as s:
        return spec.count(interactive(s), scope, filter_text, filters=filters)


def count_rows_upto(db: Database, spec: Browsable, scope: Scope, filter_text: str = "",
                    filters: Filters | None = None, cap: int = 10_000) -> tuple[int, bool]:
    """(n, exact): TableSpec.count_upto; a spec that cannot stop early counts them all."""
    with db.read() as s:
        interactive(s)
        if isinstance(spec, TableSpec):
            return spec.count_upto(s, scope, filter_text, filters, cap)
        return spec.count(s, scope, filter_text, filters=filters), True


@contextmanager
def stream_table(db: Database, spec: TableSpec, project_id: int, handover_id: int | None = None,
                 filter_text: str = "", filters: Filters | None = None
                 ) -> Iterator[tuple[int, Iterator[tuple[Any, ...]]]]:
    """How many rows match, and the rows themselves streamed from one read session that stays open
    while the caller writes them out (the 1,200,000-line ledger never sits in memory)."""
    with db.read() as s:
        yield (spec.count(s, Scope(project_id, handover_id), filter_text, filters),
               spec.iter_rows(s, project_id, handover_id=handover_id, filter_text=filter_text, filters=filters))


_CASELESS = re.compile(r"Lo|Nd|P.|Zs")  # letters without case, digits, punctuation, spaces (as （、５)


def caseless(text: str) -> bool:
    """Whether no character of `text` has a case, nor is what lowering another character gives: ASCII
    digits, punctuation and spaces, and letters without case (汉字, kana), full-width ones too. For such
    a text ILIKE finds exactly what LIKE finds: lowering a row's text only turns cased letters into
    cased letters. (Combining marks are left out: full case mapping lowers "İ" to "i" and a combining dot.)"""
    return all(c.isascii() and not c.isalpha() and c.isprintable() or _CASELESS.match(unicodedata.category(c))
               for c in text)


class TextLike:
    """Substring match of the typed `text`; SQLite's LIKE already ignores ASCII case, PostgreSQL needs ILIKE
    — except for a text without case ("1", "12栋"), where its LIKE finds the same rows about three times
    faster (ILIKE lowers every row's text first: 16 ms against 5 ms over the large demo's 30,000 defects)."""

    def __init__(self, text: str, sqlite: bool) -> None:
        self.text, self.sqlite = text, sqlite
        self._plain = sqlite or caseless(text)

    def __call__(self, col: Any) -> ColumnElement[bool]:
        return col.contains(self.text, autoescape=True) if self._plain else col.icontains(self.text, autoescape=True)


def _like(session: Session, text: str) -> Like:
    return TextLike(text, session.get_bind().dialect.name == "sqlite")


def _any(like: Like, cols: Sequence[Any]) -> ColumnElement[bool]:
    return or_(*(like(c) for c in cols))


def _text(expr: Any) -> Any:
    """An enum-valued column read as its plain stored text (sortable, filterable)."""
    return type_coerce(expr, String())


def _coded(key: str, title: str, column: Any, enum_cls: type[Coded]) -> ColumnSpec:
    """A column of stored codes: it leaves models/ as the member (the GUI shows its label and decides on
    the member), and sorts in the enum's own order (the lifecycle), not by the code's spelling."""
    text = _text(column)
    order = case(*((text == m.value, i) for i, m in enumerate(enum_cls)), else_=len(enum_cls))
    return ColumnSpec(key, title, "text", text, present=lambda v: enum_cls(v) if v else None, sort=order)


def _labels_like(like: Like, column: Any, enum_cls: type[Coded]) -> ColumnElement[bool]:
    """The rows whose code's label contains the typed text ("借" finds the keys stored as 'lent')."""
    text = like.text.strip().casefold() if isinstance(like, TextLike) else ""
    codes = [m.value for m in enum_cls if text and text in m.label.casefold()]
    return _text(column).in_(codes) if codes else false()


def _money(expr: Any) -> Any:
    return type_coerce(expr, Money())


class _Unindexed(FunctionElement[int]):
    """The column, in a form SQLite's planner reads no index for (its unary +; as it is elsewhere).

    Without statistics SQLite reads the handover's index (1,200,000 lines of one handover) before
    the far narrower index a filter part is meant to read; PostgreSQL weighs them by its statistics.
    """

    type = Integer()  # an id column
    inherit_cache = True


@compiles(_Unindexed)
def _unindexed_default(element: Any, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(next(iter(element.clauses)), **kw))


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(next(iter(element.clauses)), **kw))


def _handover_scope(handover_col: Any, scope: Scope) -> list[ColumnElement[bool]]:
    if scope.handover_id is not None:
        return [handover_col == scope.handover_id]
    ids = select(Handover.id).where(Handover.project_id == scope.project_id)
    return [handover_col.in_(ids)]


def _unit_arms(like: Like, unit_col: Any, own: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    """A record whose unit's number matches, or else whose own text (`own`) does: two disjoint parts,
    the first read through the unit_id index, the second without the join to the units."""
    units = select(Unit.id).where(like(Unit.number))
    return [unit_col.in_(units), and_(own, or_(unit_col.is_(None), unit_col.not_in(units)))]


# ---- 交接清单: the items of the handover's lists, list by list ----------------------------------

HANDOVER = TableSpec(
    key="handover",
    columns=[
        ColumnSpec("list_title", QT_TRANSLATE_NOOP("columns", "清单"), "text", HandoverList.title),
        _coded("list_status", QT_TRANSLATE_NOOP("columns", "清单状态"), HandoverList.status, DocStatus),
        ColumnSpec("seq", QT_TRANSLATE_NOOP("columns", "序号"), "int", HandoverItem.seq),
        ColumnSpec("category", QT_TRANSLATE_NOOP("columns", "类别"), "text", HandoverItem.category),
        ColumnSpec("name", QT_TRANSLATE_NOOP("columns", "名称"), "text", HandoverItem.name),
        ColumnSpec("spec", QT_TRANSLATE_NOOP("columns", "规格"), "text", HandoverItem.spec),
        ColumnSpec("uom", QT_TRANSLATE_NOOP("columns", "单位"), "text", HandoverItem.uom),
        ColumnSpec("expected_qty", QT_TRANSLATE_NOOP("columns", "应交"), "int", HandoverItem.expected_qty),
        ColumnSpec("received_qty", QT_TRANSLATE_NOOP("columns", "实收"), "int", HandoverItem.received_qty),
        _coded("original_or_copy", QT_TRANSLATE_NOOP("columns", "原件/复印件"), HandoverItem.original_or_copy, CopyKind),
        ColumnSpec("pages", QT_TRANSLATE_NOOP("columns", "页数"), "int", HandoverItem.pages),
        _coded("condition", QT_TRANSLATE_NOOP("columns", "状况"), HandoverItem.condition, ItemCondition),
        ColumnSpec("remarks", QT_TRANSLATE_NOOP("columns", "备注"), "text", HandoverItem.remarks),
        ColumnSpec("checked_by", QT_TRANSLATE_NOOP("columns", "核对人"), "text", HandoverItem.checked_by),
        ColumnSpec("checked_at", QT_TRANSLATE_NOOP("columns", "核对时间"), "datetime", HandoverItem.checked_at),
    ],
    id_col=HandoverItem.id,
    from_=lambda: HandoverItem.__table__.join(HandoverList.__table__,
                                              HandoverItem.list_id == HandoverList.id),
    scope_where=lambda scope: _handover_scope(HandoverList.handover_id, scope),
    text_where=lambda like: _any(like, [HandoverList.title, HandoverItem.category, HandoverItem.name,
                                        HandoverItem.spec, HandoverItem.remarks])
    | _labels_like(like, HandoverItem.condition, ItemCondition)
    | _labels_like(like, HandoverItem.original_or_copy, CopyKind),
    default_order=lambda: [HandoverList.id, HandoverItem.seq],
)

# ---- 遗留问题 ---------------------------------------------------------------------------------

_DEFECT_UNIT = aliased(Unit, name="defect_unit")
_DEFECT_LOCATION = case((Defect.location != "", Defect.location), else_=func.coalesce(_DEFECT_UNIT.number, ""))


_OPEN = (DefectStatus.PENDING_NOTICE.value, DefectStatus.RECTIFYING.value,
         DefectStatus.PENDING_REINSPECTION.value)
_TODAY = bindparam("today", type_=Date())


class _DaysSince(FunctionElement[int]):
    """Whole days from a date column to a later date (each database counts days its own way)."""

    type = Integer()
    inherit_cache = True


@compiles(_DaysSince)
def _days_since_default(element: Any, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"({later} - {earlier})"  # PostgreSQL: date - date is an integer of days


@compiles(_DaysSince, "sqlite")
def _days_since_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


# Open and past its deadline on "today" (the clerk's clock, passed in the filters): the days late.
_DEFECT_OPEN = _text(Defect.status).in_(_OPEN)
_OVERDUE_DAYS = case((_DEFECT_OPEN & (Defect.deadline < _TODAY), _DaysSince(_TODAY, Defect.deadline)), else_=0)


def _today(filters: Filters) -> dt.date:
    today = filters.get("today")
    return today if isinstance(today, dt.date) else now().date()


# The defect's word lists: filter key, column, enum. They sort in the form's order (重大, 一般, 轻微;
# the categories and parties as the form lists them), and the typed filter finds them by their label.
_DEFECT_WORDS: tuple[tuple[str, Any, type[Coded]], ...] = (
    ("category", Defect.category, DefectCategory), ("severity", Defect.severity, Severity),
    ("responsible", Defect.responsible, Responsible))


def _defect_filters(filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.get("status"):
        where.append(_text(Defect.status) == DefectStatus(filters["status"]).value)
    for key, col, enum_cls in _DEFECT_WORDS:
        if filters.get(key):  # the combo's member or code (an old word reads too)
            where.append(_text(col) == enum_cls(filters[key]).value)
    if filters.get("overdue"):
        where.extend([_DEFECT_OPEN, Defect.deadline < _today(filters)])
    return where


def _defect_scope(scope: Scope, unindexed: bool = False) -> list[ColumnElement[bool]]:
    project, handover = (_Unindexed(Defect.project_id), _Unindexed(Defect.handover_id)) if unindexed else (
        Defect.project_id, Defect.handover_id)
    where = [project == scope.project_id]
    if scope.handover_id is not None:
        where.append(handover == scope.handover_id)
    return where


DEFECTS = TableSpec(
    key="defects",
    columns=[
        ColumnSpec("number", QT_TRANSLATE_NOOP("columns", "编号"), "text", Defect.number),
        ColumnSpec("location", QT_TRANSLATE_NOOP("columns", "位置"), "text", _DEFECT_LOCATION),
        _coded("category", QT_TRANSLATE_NOOP("columns", "类别"), Defect.category, DefectCategory),
        ColumnSpec("description", QT_TRANSLATE_NOOP("columns", "描述"), "text", Defect.description),
        _coded("severity", QT_TRANSLATE_NOOP("columns", "严重程度"), Defect.severity, Severity),
        _coded("responsible", QT_TRANSLATE_NOOP("columns", "责任方"), Defect.responsible, Responsible),
        ColumnSpec("found_at", QT_TRANSLATE_NOOP("columns", "发现时间"), "datetime", Defect.found_at),
        ColumnSpec("deadline", QT_TRANSLATE_NOOP("columns", "整改期限"), "date", Defect.deadline),
        _coded("status", QT_TRANSLATE_NOOP("columns", "状态"), Defect.status, DefectStatus),
        ColumnSpec("overdue_days", QT_TRANSLATE_NOOP("columns", "逾期天数"), "int", _OVERDUE_DAYS),
    ],
    id_col=Defect.id,
    from_=lambda: Defect.__table__.outerjoin(_DEFECT_UNIT, Defect.unit_id == _DEFECT_UNIT.id),
    scope_where=_defect_scope,
    text_where=lambda like: or_(_any(like, [Defect.number, Defect.location, _DEFECT_UNIT.number, Defect.description]),
                                *(_labels_like(like, col, enum_cls) for _key, col, enum_cls in _DEFECT_WORDS),
                                _labels_like(like, Defect.status, DefectStatus)),
    text_arms=lambda like: _unit_arms(like, Defect.unit_id, or_(
        _any(like, [Defect.number, Defect.location, Defect.description]),
        *(_labels_like(like, col, enum_cls) for _key, col, enum_cls in _DEFECT_WORDS),
        _labels_like(like, Defect.status, DefectStatus))),
    arm_scope_where=lambda scope: _defect_scope(scope, unindexed=True),
    arm_from=lambda: Defect.__table__,
    arms_on=("postgresql",),
    direct=2_000,
    default_order=lambda: [],
    filter_where=_defect_filters,
    params=lambda filters: {"today": _today(filters)},
)

# ---- 钥匙管理: each key with its latest event ------------------------------------------------------

_KEY_UNIT = aliased(Unit, name="key_unit")
_LAST = aliased(KeyEvent, name="last_event")
_LAST_ID = (select(KeyEvent.id).where(KeyEvent.key_id == Key.id)
            .order_by(KeyEvent.at.desc(), KeyEvent.id.desc()).limit(1).correlate(Key).scalar_subquery())
_SLOT = case((Key.slot == "", Key.cabinet), else_=Key.cabinet + "-" + Key.slot)
_PERSON = case((_LAST.person != "", _LAST.person), else_=func.coalesce(_LAST.by, ""))


def _key_scope(scope: Scope, unindexed: bool = False) -> list[ColumnElement[bool]]:
    project, handover = (_Unindexed(Key.project_id), _Unindexed(Key.handover_id)) if unindexed else (
        Key.project_id, Key.handover_id)
    where = [project == scope.project_id]
    if scope.handover_id is not None:
        where.append(handover == scope.handover_id)
    return where


KEYS = TableSpec(
    key="keys",
    columns=[
        ColumnSpec("tag", QT_TRANSLATE_NOOP("columns", "标签号"), "text", Key.tag),
        ColumnSpec("unit", QT_TRANSLATE_NOOP("columns", "房号"), "text", func.coalesce(_KEY_UNIT.number, "")),
        ColumnSpec("opens", QT_TRANSLATE_NOOP("columns", "开启对象"), "text", Key.opens),
        ColumnSpec("count", QT_TRANSLATE_NOOP("columns", "数量"), "int", Key.count),
        ColumnSpec("slot", QT_TRANSLATE_NOOP("columns", "柜/格"), "text", _SLOT),
        _coded("status", QT_TRANSLATE_NOOP("columns", "状态"), Key.status, KeyStatus),
        _coded("last_kind", QT_TRANSLATE_NOOP("columns", "最近操作"), _LAST.kind, KeyEventKind),
        ColumnSpec("last_at", QT_TRANSLATE_NOOP("columns", "操作时间"), "datetime", _LAST.at),
        ColumnSpec("last_person", QT_TRANSLATE_NOOP("columns", "经手人"), "text", _PERSON),
    ],
    id_col=Key.id,
    from_=lambda: Key.__table__.outerjoin(_KEY_UNIT, Key.unit_id == _KEY_UNIT.id)
                               .outerjoin(_LAST, _LAST.id == _LAST_ID),
    count_from=lambda: Key.__table__.outerjoin(_KEY_UNIT, Key.unit_id == _KEY_UNIT.id),
    scope_where=_key_scope,
    text_where=lambda like: _any(like, [Key.tag, _KEY_UNIT.number, Key.opens, Key.cabinet])
                            | _labels_like(like, Key.status, KeyStatus),
    text_arms=lambda like: _unit_arms(like, Key.unit_id, _any(like, [Key.tag, Key.opens, Key.cabinet])
                                      | _labels_like(like, Key.status, KeyStatus)),
    arm_scope_where=lambda scope: _key_scope(scope, unindexed=True),
    arm_from=lambda: Key.__table__,
    arms_on=("postgresql",),
    direct=2_000,
    default_order=lambda: [],
)

# ---- 费用对账: ledger lines, ours and theirs (1,200,000 in the large demo) -----------------------

_FEE_UNIT = aliased(Unit, name="fee_unit")
_FEE_ITEM = aliased(FeeItem, name="fee_item")
_ARREARS = case((LedgerLine.billed > LedgerLine.paid, LedgerLine.billed - LedgerLine.paid), else_=0)
_SOURCE = case((LedgerLine.source == "ours", QT_TRANSLATE_NOOP("words", "我方")),
               (LedgerLine.source == "theirs", QT_TRANSLATE_NOOP("words", "对方")),
               else_=LedgerLine.source)


def _unit_or_item(like: Like, table: Any, own: ColumnElement[bool]) -> ColumnElement[bool]:
    """A line whose unit or fee item matches, or whose own text (`own`) does.

    Matching the 20,000 units and the fee items first, then the lines by id, beats a LIKE on a
    join of a million lines.
    """
    units = select(Unit.id).where(like(Unit.number))
    items = select(FeeItem.id).where(like(FeeItem.name))
    return or_(table.unit_id.in_(units), table.fee_item_id.in_(items), own)


def _outside(column: Any, ids: Any) -> ColumnElement[bool]:
    """`column` is not one of `ids` (a NULL is not one either; NOT IN alone would say unknown)."""
    return or_(column.is_(None), column.not_in(ids))


def _unit_or_item_arms(like: Like, table: Any, own: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    """_unit_or_item as three disjoint parts: the unit matches; else the fee item; else the line's own
    text. Each is read through its own index (unit_id, fee_item_id, the text's)."""
    units = select(Unit.id).where(like(Unit.number))
    items = select(FeeItem.id).where(like(FeeItem.name))
    return [table.unit_id.in_(units),
            and_(table.fee_item_id.in_(items), _outside(table.unit_id, units)),
            and_(own, _outside(table.unit_id, units), _outside(table.fee_item_id, items))]


# The ledger's owner names are matched among the distinct names (ledger_owner_names, migration 0014:
# 16,000 on the large demo, against 1,200,000 lines), the lines then found by their name's index.
_OWNER_NAMES = table("ledger_owner_names", column("id", Integer()), column("name", String()))
_OWNER_FTS = table("ledger_owner_fts", column("rowid", Integer()), column("name", String()))


def _longest_plain_run(text: str) -> str:
    """The longest piece of `text` without a LIKE wildcard (% or _) in it."""
    return max(re.split(r"[%_]", text), key=len)


def owner_matches(like: Like) -> ColumnElement[bool]:
    """The ledger line's owner name contains the typed text (the same rows as LIKE on the lines)."""
    col = LedgerLine.owner_name
    if not isinstance(like, TextLike):
        return like(col)
    found = like(_OWNER_NAMES.c.name)
    run = _longest_plain_run(like.text)
    if like.sqlite and len(run) >= 3:
        # The FTS5 trigram index over the names finds the candidates (a pattern piece shorter than 3
        # characters finds nothing there, so only the longest plain piece is asked for); LIKE decides.
        found = and_(_OWNER_NAMES.c.id.in_(select(_OWNER_FTS.c.rowid).where(_OWNER_FTS.c.name.like(f"%{run}%"))),
                     found)
    names = select(_OWNER_NAMES.c.name).where(found).scalar_subquery()
    if like.sqlite:
        return col.in_(names)
    # PostgreSQL: ILIKE reads the names' pg_trgm index when 0014 could make it, else the names. An IN
    # is planned as a join, and for a hundred names of ~75 lines each it chose to read all 1,200,000
    # lines (0.27 s); `= ANY(ARRAY(…))` is an index condition (a bitmap scan of the name index, 0.01 s).
    return col == any_(func.array(names))


FEES = TableSpec(
    key="fees",
    columns=[
        ColumnSpec("unit", QT_TRANSLATE_NOOP("columns", "房号"), "text", func.coalesce(_FEE_UNIT.number, "")),
        ColumnSpec("owner", QT_TRANSLATE_NOOP("columns", "业主"), "text", LedgerLine.owner_name),
        ColumnSpec("fee_item", QT_TRANSLATE_NOOP("columns", "收费项目"), "text", func.coalesce(_FEE_ITEM.name, "")),
        ColumnSpec("period_start", QT_TRANSLATE_NOOP("columns", "所属期起"), "date", LedgerLine.period_start),
        ColumnSpec("period_end", QT_TRANSLATE_NOOP("columns", "所属期止"), "date", LedgerLine.period_end),
        ColumnSpec("billed", QT_TRANSLATE_NOOP("columns", "应收"), "money", LedgerLine.billed),
        ColumnSpec("paid", QT_TRANSLATE_NOOP("columns", "实收"), "money", LedgerLine.paid),
        ColumnSpec("arrears", QT_TRANSLATE_NOOP("columns", "欠费"), "money", _money(_ARREARS)),
        ColumnSpec("source", QT_TRANSLATE_NOOP("columns", "来源"), "text", _SOURCE, present=word),
    ],
    id_col=LedgerLine.id,
    from_=lambda: LedgerLine.__table__.outerjoin(_FEE_UNIT, LedgerLine.unit_id == _FEE_UNIT.id)
                                      .outerjoin(_FEE_ITEM, LedgerLine.fee_item_id == _FEE_ITEM.id),
    count_from=lambda: LedgerLine.__table__,
    scope_where=lambda scope: _handover_scope(LedgerLine.handover_id, scope),
    text_where=lambda like: _unit_or_item(like, LedgerLine, owner_matches(like)),
    text_arms=lambda like: _unit_or_item_arms(like, LedgerLine, owner_matches(like)),
    arm_scope_where=lambda scope: _handover_scope(_Unindexed(LedgerLine.handover_id), scope),
    default_order=lambda: [],
)

# ---- 对账差异: what the two ledgers disagree on, and the clerk's decisions ----------------------

_DIFF_UNIT = aliased(Unit, name="diff_unit")
_DIFF_ITEM = aliased(FeeItem, name="diff_item")


def _differences_filters(filters: Filters) -> list[ColumnElement[bool]]:
    """{"kind": DiffKind (or its code), "open": True, "fee_item": name}."""
    where: list[ColumnElement[bool]] = []
    if filters.get("kind"):
        where.append(_text(FeeDifference.kind) == DiffKind(filters["kind"]).value)
    if filters.get("open"):
        where.append(FeeDifference.decision == Decision.OPEN)
    if filters.get("fee_item"):
        where.append(FeeDifference.fee_item_id.in_(select(FeeItem.id).where(FeeItem.name == filters["fee_item"])))
    return where


# ---- the outgoing company's remark (their ledger's 说明) beside each difference ----

REMARK_SEPARATOR = "；"


class JoinedText(FunctionElement[str]):
    """SQL: the texts a correlated subquery finds, joined with `separator` in the order of `order`
    (PostgreSQL's string_agg; SQLite's group_concat, in the order the subquery's index gives).
    One subclass per separator: it is part of the SQL text, so the class keeps statements cacheable."""

    type = String()
    name = "joined_text"
    inherit_cache = True
    separator = "、"


class _JoinedRemarks(JoinedText):
    inherit_cache = True
    separator = REMARK_SEPARATOR


@compiles(JoinedText)
def _joined_default(element: JoinedText, compiler: Any, **kw: Any) -> str:
    value, order = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"string_agg({value}, '{element.separator}' ORDER BY {order})"  # PostgreSQL


@compiles(JoinedText, "sqlite")
def _joined_sqlite(element: JoinedText, compiler: Any, **kw: Any) -> str:
    value, _order = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"group_concat({value}, '{element.separator}')"


def _remark_column() -> Any:
    """Their remark of each difference as a column of the differences table (500 rows a page).

    Each branch compares every key column with = or IS NULL, so the subquery is one lookup in
    ix_ledger_lines_match on both backends (an OR or IS NOT DISTINCT FROM would scan the handover's
    whole ledger on PostgreSQL for each row).
    """
    d, t = FeeDifference, LedgerLine

    def lines(unit: ColumnElement[bool], item: ColumnElement[bool]) -> Any:
        return func.coalesce(select(_JoinedRemarks(t.remark, t.id)).where(
            t.handover_id == d.handover_id, t.source == "theirs", unit, item, t.period_start == d.period_start,
            t.period_end == d.period_end, t.remark != "").correlate(d).scalar_subquery(), "")

    unit_eq, item_eq = t.unit_id == d.unit_id, t.fee_item_id == d.fee_item_id
    unit_null, item_null = t.unit_id.is_(None), t.fee_item_id.is_(None)
    return case((and_(d.unit_id.is_not(None), d.fee_item_id.is_not(None)), lines(unit_eq, item_eq)),
                (d.unit_id.is_not(None), lines(unit_eq, item_null)),
                (d.fee_item_id.is_not(None), lines(unit_null, item_eq)),
                else_=lines(unit_null, item_null))


def _noted(like: Like) -> ColumnElement[bool]:
    """The clerk's note matches: read among the noted differences only (the partial index
    ix_fee_differences_noted, whose condition the query must repeat word for word)."""
    return and_(FeeDifference.note != literal_column("''"), like(FeeDifference.note))


DIFFERENCES = TableSpec(
    key="fee_differences",
    columns=[
        ColumnSpec("unit", QT_TRANSLATE_NOOP("columns", "房号"), "text", func.coalesce(_DIFF_UNIT.number, "")),
        ColumnSpec("fee_item", QT_TRANSLATE_NOOP("columns", "收费项目"), "text", func.coalesce(_DIFF_ITEM.name, "")),
        ColumnSpec("period_start", QT_TRANSLATE_NOOP("columns", "所属期起"), "date", FeeDifference.period_start),
        ColumnSpec("period_end", QT_TRANSLATE_NOOP("columns", "所属期止"), "date", FeeDifference.period_end),
        _coded("kind", QT_TRANSLATE_NOOP("columns", "差异"), FeeDifference.kind, DiffKind),
        ColumnSpec("their_billed", QT_TRANSLATE_NOOP("columns", "原物业应收"), "money", FeeDifference.their_billed),
        ColumnSpec("their_paid", QT_TRANSLATE_NOOP("columns", "原物业实收"), "money", FeeDifference.their_paid),
        ColumnSpec("our_billed", QT_TRANSLATE_NOOP("columns", "我方应收"), "money", FeeDifference.our_billed),
        ColumnSpec("our_paid", QT_TRANSLATE_NOOP("columns", "我方实收"), "money", FeeDifference.our_paid),
        ColumnSpec("their_remark", QT_TRANSLATE_NOOP("columns", "原物业说明"), "text", _remark_column()),
        _coded("decision", QT_TRANSLATE_NOOP("columns", "处理"), FeeDifference.decision, Decision),
        ColumnSpec("note", QT_TRANSLATE_NOOP("columns", "说明"), "text", FeeDifference.note),
    ],
    id_col=FeeDifference.id,
    from_=lambda: FeeDifference.__table__.outerjoin(_DIFF_UNIT, FeeDifference.unit_id == _DIFF_UNIT.id)
                                         .outerjoin(_DIFF_ITEM, FeeDifference.fee_item_id == _DIFF_ITEM.id),
    count_from=lambda: FeeDifference.__table__,
    scope_where=lambda scope: _handover_scope(FeeDifference.handover_id, scope),
    text_where=lambda like: _unit_or_item(like, FeeDifference, like(FeeDifference.note)),
    text_arms=lambda like: _unit_or_item_arms(like, FeeDifference, _noted(like)),
    arm_scope_where=lambda scope: _handover_scope(_Unindexed(FeeDifference.handover_id), scope),
    direct=5_000,  # a page of 500 sorted by unit is found early in the walk once 5,000 of 400,000 match
    default_order=lambda: [FeeDifference.unit_id, FeeDifference.fee_item_id, FeeDifference.period_start],
    filter_where=_differences_filters,
)

from .browse_people import OWNERS, UNITS  # noqa: E402  (they build on the helpers above)

TABLES: dict[str, TableSpec] = {t.key: t for t in (HANDOVER, DEFECTS, KEYS, FEES, DIFFERENCES, UNITS, OWNERS)}
