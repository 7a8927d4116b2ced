"""A table over a tuple of frozen records (the FeeResults lines, meter rows), sorted and filtered in
Python lists rather than cell by cell, so 100,000 arrears lines stay quick.

Cells are formatted when Qt asks for them; nothing is built per cell up front. The proxy hands
sorting to the model (one `sorted()` with a key beats a C++ sort calling back into Python for
every comparison) and asks the model which rows match the filter text (one pass per change).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ...table_model import ALIGNMENT, DISPLAY, EDIT, LEFT, RIGHT, TOOLTIP, SortRole, format_value

RecordRole = Qt.ItemDataRole.UserRole + 3  # the record behind the row
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the default parent of the Qt overrides
NUMERIC = {"money", "int", "percent", "quantity", "years"}
_ANSWERED = frozenset({SortRole, EDIT, ALIGNMENT, RecordRole, TOOLTIP})  # beside DISPLAY


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeesTab", text)


@dataclass(frozen=True)
class Col:
    """One column: title, how to get the value from a record, kind (text/money/date/int/percent/quantity)."""

    title: str
    get: Callable[[Any], Any]
    kind: str = "text"
    width: int = 90
    editable: bool = False


def attr(name: str) -> Callable[[Any], Any]:
    return attrgetter(name)  # in C: a sort or filter calls it once per row


def display(value: Any, kind: str) -> str:
    """What the clerk reads: 1,234.56 for money, 87.34% for a rate, 1,234.50 for a reading."""
    if value is None:
        return ""
    if kind == "percent":
        return f"{Decimal(value) * 100:.2f}%"
    if kind == "quantity":
        return f"{Decimal(value):,.2f}"
    if kind == "years":
        return _tr("{n} 年").format(n=value) if value else _tr("不足 1 年")
    if kind == "int":
        return f"{value:,}"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return format_value(value, kind)


def _sort_key(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


class RecordsModel(QAbstractTableModel):
    """Rows are records; `set_records()` replaces them all, `sort()` reorders them in one go."""

    def __init__(self, columns: Sequence[Col], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._records: list[Any] = []
        self._match: list[bool] | None = None  # None = every row matches the filter text
        self._text = ""
        self._keep: Callable[[Any], bool] | None = None  # a filter beside the text (the 类别 combo)
        self._haystack: list[str] | None = None  # each row's text columns, lower case, once filtered
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def columns(self) -> tuple[Col, ...]:
        return self._columns

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records, self._haystack = list(records), None
        if self._sort is not None:
            self._sort_records(*self._sort)
        self._match = self._matches()
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    # ---- sorting and filtering (called by RecordsProxy) --------------------------------------
    # Both reset the model: the proxy then rebuilds its mapping in one pass, far quicker than
    # the row-by-row insert and remove signals of an incremental change over 100,000 rows.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # QTableView.sortByColumn asks twice (directly and through the header's indicator).
        if not 0 <= column < len(self._columns) or self._sort == (column, order):
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._sort_records(column, order)
        self._match = self._matches()
        self.endResetModel()

    def _sort_records(self, column: int, order: Qt.SortOrder) -> None:
        get = self._columns[column].get
        keys = [get(r) for r in self._records]
        if any(k is None for k in keys):  # blanks last, whichever way
            keys = [_sort_key(k) for k in keys]
        order_ = sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._records = [self._records[i] for i in order_]
        if self._haystack is not None:
            self._haystack = [self._haystack[i] for i in order_]

    def set_filter_text(self, text: str, keep: Callable[[Any], bool] | None = None) -> None:
        self.beginResetModel()
        self._text, self._keep = text.strip().lower(), keep
        self._match = self._matches()
        self.endResetModel()

    def _matches(self) -> list[bool] | None:
        text, keep = self._text, self._keep
        if not text and keep is None:
            return None
        if text and self._haystack is None:  # built on the first filter, one string per row
            getters = [c.get for c in self._columns if c.kind == "text"]
            self._haystack = ["\t".join([format_value(get(r), "text") for get in getters]).lower()
                              for r in self._records]
        if keep is None:
            return [text in h for h in self._haystack or ()]
        if not text:
            return [keep(r) for r in self._records]
        return [keep(r) and text in h for r, h in zip(self._records, self._haystack or (), strict=True)]

    def accepts(self, row: int) -> bool:
        return self._match is None or self._match[row]

    @property
    def row_matches(self) -> list[bool] | None:
        """Which rows pass the filter (None: all); the proxy reads it for every row."""
        return self._match

    # ---- Qt's questions ----------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self._columns[section].kind in NUMERIC else LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks ~7 roles of every painted cell; the ones never answered leave before any other
        # work, and the rest compare plain ints (a Qt.ItemDataRole.X lookup costs ~0.6 µs in PySide6).
        if role != DISPLAY and role not in _ANSWERED:
            return None
        r = index.row()  # -1 for an invalid index
        if not 0 <= r < len(self._records):
            return None
        record, column = self._records[r], self._columns[index.column()]
        if role == DISPLAY:
            return display(column.get(record), column.kind)
        if role in (SortRole, EDIT):
            return column.get(record)
        if role == ALIGNMENT:
            return RIGHT if column.kind in NUMERIC else LEFT
        if role == RecordRole:
            return record
        if column.kind == "text":  # the tooltip
            text = str(column.get(record) or "")
            return text if len(text) > 12 else None
        return None


def haystack(records: Sequence[Any], columns: Sequence[Col]) -> list[str]:
    """Each record's text columns in lower case, one string per record (a column at a time: the
    getters are C attrgetters, so 100,000 records take a fraction of a second)."""
    values = [[v if type(v) is str else format_value(v, "text") for v in map(c.get, records)]
              for c in columns if c.kind == "text"]
    return ["\t".join(row).lower() for row in zip(*values, strict=True)] if values else [""] * len(records)


class ShownRecordsModel(RecordsModel):
    """Rows are the records that pass the filter, not every record: a filter keystroke is one list
    comprehension over the haystack and a reset, and the proxy over it (ShownProxy) asks Python
    nothing per row. (Qt calling filterAcceptsRow once per row of 100,000 took most of 150 ms.)

    For read-only tables (the results'); the meter readings, edited in place, keep RecordsModel.
    """

    def __init__(self, columns: Sequence[Col], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._all: list[Any] = []  # every record in the current order; _records: those shown

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._all, self._haystack = list(records), None
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._records = self._shown()
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._all)

    @property
    def total(self) -> int:
        return len(self._all)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._sort == (column, order):
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._sort_all(column, order)
        self._records = self._shown()
        self.endResetModel()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        shown, self._records = self._records, self._all
        self._sort_records(column, order)  # reorders _records and the haystack alike
        self._all, self._records = self._records, shown

    def set_filter_text(self, text: str, keep: Callable[[Any], bool] | None = None) -> None:
        text = text.strip().lower()
        if (text, keep) == (self._text, self._keep):
            return
        self.beginResetModel()
        self._text, self._keep = text, keep
        self._records = self._shown()
        self.endResetModel()

    def _shown(self) -> list[Any]:
        text, keep = self._text, self._keep
        if not text and keep is None:
            return self._all
        if text and self._haystack is None:  # built on the first filter: most tables are never filtered
            self._haystack = haystack(self._all, self._columns)
        if not text:
            return [r for r in self._all if keep is not None and keep(r)]
        hay = self._haystack or []
        if keep is None:
            return [r for r, h in zip(self._all, hay, strict=True) if text in h]
        return [r for r, h in zip(self._all, hay, strict=True) if text in h and keep(r)]

    @property
    def row_matches(self) -> list[bool] | None:
        return None  # every row shown matches


class _ModelOrderProxy(QSortFilterProxyModel):
    """The view's model: sorting and the filter text are the source model's, done over whole lists."""

    _model: RecordsModel | None = None

    def setSourceModel(self, model: RecordsModel) -> None:  # type: ignore[override]
        self._model = model  # kept here: filterAcceptsRow runs once per row and must be cheap
        super().setSourceModel(model)

    def source(self) -> RecordsModel:
        assert self._model is not None
        return self._model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def set_filter_text(self, text: str, keep: Callable[[Any], bool] | None = None) -> None:
        self.source().set_filter_text(text, keep)

    def record(self, row: int) -> Any:
        return self.source().record(self.mapToSource(self.index(row, 0)).row())


class RecordsProxy(_ModelOrderProxy):
    """Over a RecordsModel: the rows the model says match."""

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        match = self._model.row_matches if self._model is not None else None
        return match is None or match[source_row]


class ShownProxy(_ModelOrderProxy):
    """Over a ShownRecordsModel, whose rows are already the filtered ones: no filterAcceptsRow, so
    Qt maps the rows without calling into Python."""


def records_view(proxy: _ModelOrderProxy, parent: QWidget, stretch: int | None = -1,
                 cls: type[QTableView] = QTableView) -> QTableView:
    """A read-only table like the browse tabs': rows selected whole, sortable, compact.

    `stretch`: the column that takes the spare width; -1 the last one; None none (a table that
    ends in amounts keeps them next to their neighbours).
    """
    view = cls(parent)
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(40)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    for i, column in enumerate(proxy.source().columns):
        header.resizeSection(i, column.width)
    header.setStretchLastSection(stretch == -1)
    if stretch is not None and stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
