"""The one table model: a TableSpec browsed page by page, filtered and sorted in SQL."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from models.browse import Scope, TableSpec, count_rows, count_rows_upto, fetch_page
from models.db import Database
from models.labels import Coded

from . import tasks

SortRole = Qt.ItemDataRole.UserRole + 1      # the raw value (Decimal, date...) for comparing
RecordIdRole = Qt.ItemDataRole.UserRole + 2  # the id of the record behind the row
# The roles as plain ints, for data(): Qt asks it ~7 roles for every painted cell, and reading
# Qt.ItemDataRole.X costs ~0.6 µs a time in PySide6 against ~0.1 µs for comparing two ints.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
EDIT = int(Qt.ItemDataRole.EditRole)
PAGE = 500
# The count that comes with the first page stops here; a larger one is shown as "more than" and
# counted exactly afterwards (every line that "1" matches among 1,200,000 takes ~0.3 s to count).
COUNT_CAP = 10_000
NUMERIC = {"int", "money", "area"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex
Rows = list[tuple[Any, ...]]
_ANSWERED = frozenset({ALIGNMENT, TOOLTIP, SortRole, RecordIdRole})  # beside DISPLAY


def format_value(value: Any, kind: str) -> str:
    """What the clerk reads: 1,234.56 for money, 2026-06-30 for dates."""
    if value is None:
        return ""
    if isinstance(value, Coded):
        return value.label
    if kind in ("money", "area") and isinstance(value, (Decimal, int)):
        return f"{Decimal(value):,.2f}"
    if kind == "datetime" and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class BrowseModel(QAbstractTableModel):
    """Rows of one TableSpec for one scope; queries run in a worker unless `background` is False.

    Every new query (scope, filter, sort) bumps a generation; a result of an older generation
    is dropped, so a slow scan that finishes late never overwrites what the clerk asked for since.
    """

    loading_started = Signal()  # a new query went out
    loaded = Signal()           # its first page is in
    counted = Signal(int)       # the total number of matching rows is known (or that it is above COUNT_CAP)
    failed = Signal(object)     # a query raised (the exception)

    def __init__(self, db: Database, spec: TableSpec, parent: Any = None, background: bool = True) -> None:
        super().__init__(parent)
        self._db, self._spec, self._background = db, spec, background
        self._rows: Rows = []
        self._scope: Scope | None = None
        self._filter = ""
        self._filters: dict[str, Any] = {}  # the table's own filters (TableSpec.filter_where)
        self._sort: tuple[int | None, bool] = (None, False)
        self._gen = 0
        self._total: int | None = 0
        self._exact = True  # whether _total is the exact count, not only "more than COUNT_CAP"
        self._exhausted = True
        self._pending = 0  # queries of the current generation still running
        self._fetching = False
        self._tasks: list[tasks.Task] = []
        # What does not depend on the row, worked out once (a model keeps its spec for life).
        self._kinds = tuple(c.kind for c in spec.columns)
        self._alignments = tuple(RIGHT if kind in NUMERIC else LEFT for kind in self._kinds)
        self._text_columns = tuple(kind == "text" for kind in self._kinds)
        # Each row's display texts, formatted the first time Qt paints the row: Qt asks for them at
        # every repaint, and only the ~30 visible rows of a 500-row page are ever painted. The row
        # itself is kept beside its texts, so a row replaced in _rows is formatted afresh.
        self._texts: dict[int, tuple[tuple[Any, ...], tuple[str, ...]]] = {}

    # ---- what the clerk asks for -------------------------------------------------------------

    @property
    def spec(self) -> TableSpec:
        return self._spec

    @property
    def total(self) -> int | None:
        """Matching rows in the database (None while the count runs; COUNT_CAP while only known to be
        more, see total_is_exact)."""
        return self._total

    def total_is_exact(self) -> bool:
        """False while the exact count of a filter matching more than COUNT_CAP rows still runs."""
        return self._exact

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def scope(self) -> Scope | None:
        return self._scope

    def is_loading(self) -> bool:
        return self._pending > 0

    def set_scope(self, scope: Scope | None) -> None:
        self._scope = scope
        self.refresh()

    def set_filter(self, text: str) -> None:
        if text.strip() != self._filter:
            self._filter = text.strip()
            self.refresh()

    @property
    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    def set_filters(self, filters: dict[str, Any], refresh: bool = True) -> None:
        """The table's own filters; `refresh=False` only remembers them for the next query."""
        if filters != self._filters:
            self._filters = dict(filters)
            if refresh:
                self.refresh()

    def refresh(self) -> None:
        """Query again from the first page (after a change, or a new scope/filter/sort)."""
        self._gen += 1
        self._cancel_running()
        if self._scope is None:
            self._set_rows([], exhausted=True)
            self._total = 0
            self.counted.emit(0)
            return
        self._total, self._exact = None, True
        self._pending = 2
        self.loading_started.emit()
        args, filters = (self._scope, self._filter, *self._sort), dict(self._filters)
        db, spec = self._db, self._spec
        self._run(self._gen, lambda: fetch_page(db, spec, *args, 0, PAGE, filters=filters), self._on_first_page)
        self._run(self._gen, lambda: count_rows_upto(db, spec, *args[:2], filters=filters, cap=COUNT_CAP),
                  self._on_count)

    # ---- running queries ---------------------------------------------------------------------

    def _run(self, gen: int, query: Callable[[], Any], deliver: Callable[[int, Any], None]) -> None:
        def job(_progress: tasks.Progress) -> Any:
            return query()

        if not self._background:
            deliver(gen, job(lambda *a: True))
            return
        def alive(then: Callable[[Any], None]) -> Callable[[Any], None]:
            # The view may close (a dialog, a tab) before its query returns: deliver to nobody then.
            return lambda value: then(value) if shiboken6.isValid(self) else None

        task = tasks.start(job, alive(lambda result: deliver(gen, result)),
                           alive(lambda exc: self._on_failed(gen, exc)))
        self._tasks.append(task)
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)

    def _cancel_running(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self._fetching = False

    def _on_first_page(self, gen: int, rows: Rows) -> None:
        if gen != self._gen:
            return
        self._set_rows(rows, exhausted=len(rows) < PAGE)
        self._done_one()
        self.loaded.emit()

    def _on_count(self, gen: int, result: tuple[int, bool]) -> None:
        if gen != self._gen:
            return
        self._total, self._exact = result
        self._done_one()
        self.counted.emit(self._total)
        if not self._exact and self._scope is not None:
            # The page and "more than COUNT_CAP" are in (the query is loaded); the exact figure follows.
            args, filters, db, spec = (self._scope, self._filter), dict(self._filters), self._db, self._spec
            self._run(gen, lambda: count_rows(db, spec, *args, filters=filters), self._on_exact_count)

    def _on_exact_count(self, gen: int, total: int) -> None:
        if gen != self._gen:
            return
        self._total, self._exact = total, True
        self.counted.emit(total)

    def _on_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._pending, self._fetching = 0, False
        self.failed.emit(exc)

    def _done_one(self) -> None:
        self._pending = max(0, self._pending - 1)

    def _set_rows(self, rows: Rows, exhausted: bool) -> None:
        self.beginResetModel()
        self._rows, self._exhausted = rows, exhausted
        self._texts.clear()
        self.endResetModel()

    # ---- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent) or self._scope is None:
            return
        self._fetching = True
        args, filters = (self._scope, self._filter, *self._sort, len(self._rows), PAGE), dict(self._filters)
        db, spec = self._db, self._spec
        self._run(self._gen, lambda: fetch_page(db, spec, *args, filters=filters), self._on_more)

    def _on_more(self, gen: int, rows: Rows) -> None:
        if gen != self._gen:
            return
        self._fetching = False
        self._exhausted = len(rows) < PAGE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # ---- sorting -----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (column if 0 <= column < len(self._spec.columns) else None,
                  order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.refresh()

    # ---- Qt's questions ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._spec.columns):
            return None
        column = self._spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("columns", column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # An invalid index has row -1, so the bounds check also stands for index.isValid() (each
        # call into the index costs ~0.7 µs, and this runs for every role of every painted cell).
        if role == DISPLAY:
            r = index.row()
            return self._row_texts(r)[index.column()] if 0 <= r < len(self._rows) else None
        if role not in _ANSWERED:  # most of what Qt asks a cell (font, colours, check state...)
            return None
        r = index.row()
        if not 0 <= r < len(self._rows):
            return None
        if role == ALIGNMENT:
            return self._alignments[index.column()]
        row = self._rows[r]
        if role == SortRole:
            return row[index.column()]
        if role == RecordIdRole:
            return row[-1]
        value = row[index.column()]  # the tooltip
        if self._text_columns[index.column()] and len(str(value)) > 20:
            return str(value)
        return None

    def _row_texts(self, r: int) -> tuple[str, ...]:
        row = self._rows[r]
        cached = self._texts.get(r)
        if cached is not None and cached[0] is row:
            return cached[1]
        texts = self.format_row(row)
        self._texts[r] = (row, texts)
        return texts

    def format_row(self, row: tuple[Any, ...]) -> tuple[str, ...]:
        """What the clerk reads in each column of a loaded row (a subclass may show a column its own way)."""
        return tuple(map(format_value, row, self._kinds))  # row[-1], the record id, has no kind: not shown

    def row_values(self, row: int) -> tuple[Any, ...]:
        """The raw column values of one loaded row."""
        return self._rows[row][:-1]
