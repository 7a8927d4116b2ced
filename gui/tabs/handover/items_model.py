"""The items of one handover list as a Qt table model, edited in place through the checklist services
(each edited cell saved in the writer thread, gui/ops.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from models.db import Database
from models.errors import DomainError
from models.labels import Coded
from models.rules.numbers import QUANTITY, parse_optional
from models.services import checklists
from models.services.checklist_rows import CODED_FIELDS, ITEM_FIELD_LABELS, ItemRow

from ...ops import refusal, run_op

SortRole = Qt.ItemDataRole.UserRole + 1  # the raw value for comparing
ItemRole = Qt.ItemDataRole.UserRole + 3  # the ItemRow behind the row
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

SHORT_BACKGROUND = QColor("#fbdcdc")    # short or missing: light red
DAMAGED_BACKGROUND = QColor("#fcebc6")  # damaged but complete: amber
UNCHECKED_TEXT = QColor("#9aa0a6")      # the "未核对" status of a row nobody has checked yet


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemsModel", text)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    editable: bool = False
    numeric: bool = False


def columns() -> tuple[Column, ...]:
    """Built on call, so the titles pass through the translator installed at start-up."""
    return (
        Column("seq", _tr("序号"), 40, numeric=True),
        Column("category", _tr("类别"), 104, True),
        Column("name", _tr("名称"), 200, True),
        Column("spec", _tr("规格"), 56, True),
        Column("uom", _tr("单位"), 38, True),
        Column("expected_qty", _tr("应交"), 46, True, True),  # room for a four-digit quantity
        Column("received_qty", _tr("实收"), 46, True, True),
        Column("shortfall", _tr("短缺"), 46, numeric=True),
        Column("original_or_copy", _tr("原件/复印件"), 76, True),
        Column("pages", _tr("页数"), 46, True, True),
        Column("condition", _tr("状况"), 50, True),
        Column("remarks", _tr("备注"), 140, True),
        Column("checked_by", _tr("核对人"), 56),
        Column("checked_at", _tr("核对时间"), 80),
        Column("defect_number", _tr("遗留问题"), 92),
    )


COLUMN_KEYS = tuple(c.key for c in columns())
# One constant per column, for the view, delegates and tests: COL["received_qty"] == 6.
COL = {key: i for i, key in enumerate(COLUMN_KEYS)}
QUANTITY_KEYS = ("expected_qty", "received_qty", "pages")  # typed as text, read strictly


def typed(key: str, value: Any) -> Any:
    """What the clerk typed in a cell, as the service takes it: a quantity's text read strictly
    ("1o00", "-5", "13800138000" and "１２" are refused by the field's name; empty is "not known")."""
    if key in QUANTITY_KEYS and isinstance(value, str):
        number = parse_optional(value, ITEM_FIELD_LABELS[key], QUANTITY)
        return None if number is None else int(number)
    if key in CODED_FIELDS:
        return checklists.coded_value(key, value)  # a pasted or typed word, in either language: its member
    return value


def save_cell(db: Database, item: ItemRow, key: str, value: Any) -> ItemRow:
    """One edited cell = one service call (one transaction) with the row's version.

    Entering 实收 is the check (it stamps who and when). 状况 on an item not yet received is noted
    without a check: the clerk may say 缺失 first and type the quantity next.
    """
    if key == "received_qty" or (key == "condition" and item.received_qty is not None):
        received = value if key == "received_qty" else item.received_qty
        condition = value if key == "condition" else item.condition
        return checklists.check_item(db, item.id, item.version, received_qty=received, condition=condition)
    return checklists.update_item(db, item.id, item.version, **{key: value})


class ItemsModel(QAbstractTableModel):
    """Rows are ItemRow records; a draft list is editable, a signed one is not."""

    item_saved = Signal(object)       # the ItemRow as saved, after an edit in the table
    # The DomainError, the row and column, and the text typed: the row is unchanged, the text is the
    # clerk's to correct (the view opens the cell again with it).
    edit_refused = Signal(object, int, int, str)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._columns = columns()
        self._rows: list[ItemRow] = []
        self._editable = False
        self._saving: set[int] = set()  # ids of the rows whose edit is on its way (ops.run_op)

    # ---- contents ----------------------------------------------------------------------------

    def set_rows(self, rows: list[ItemRow], editable: bool) -> None:
        self.beginResetModel()
        self._rows, self._editable = list(rows), editable
        self.endResetModel()

    def replace_row(self, item: ItemRow) -> int:
        """Put a saved ItemRow in place of the old one; returns its row (-1 if not shown)."""
        row = self.row_of(item.id)
        if row >= 0:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return row

    def row_of(self, item_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)

    def item(self, row: int) -> ItemRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def items(self) -> list[ItemRow]:
        return list(self._rows)

    @property
    def editable(self) -> bool:
        return self._editable

    def column(self, section: int) -> Column:
        return self._columns[section]

    # ---- Qt overrides ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        # A row whose last edit is still being saved waits for it: its next edit needs the new version.
        if self._editable and self._columns[index.column()].editable and \
                self._rows[index.row()].id not in self._saving:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column.key)
        if role in (Qt.ItemDataRole.EditRole, SortRole):
            return _raw(item, column.key)
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.BackgroundRole:
            return _background(item)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "condition" and not item.checked:
            return QBrush(UNCHECKED_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item, column.key)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        item, key, column = self._rows[index.row()], self._columns[index.column()].key, index.column()
        text = "" if value is None else str(value)
        try:
            typed_value = typed(key, value)
        except DomainError as exc:
            self.edit_refused.emit(exc, index.row(), column, text)
            return False
        if typed_value == _raw(item, key):
            return False  # nothing changed: no transaction, no audit row
        self._saving.add(item.id)
        parent = self.parent()
        run_op(parent if isinstance(parent, QWidget) else None, self._db,  # type: ignore[arg-type]
               lambda db: save_cell(db, item, key, typed_value), busy=[],
               on_success=lambda saved: self._saved(item.id, saved),
               on_failure=refusal(lambda exc: self._refused(item.id, exc, column, text)))
        return True

    def _saved(self, item_id: int, saved: ItemRow) -> None:
        self._saving.discard(item_id)
        if not shiboken6.isValid(self):  # closed while the cell was being saved
            return
        self.replace_row(saved)
        self.item_saved.emit(saved)

    def _refused(self, item_id: int, exc: DomainError, column: int, text: str) -> None:
        self._saving.discard(item_id)
        if not shiboken6.isValid(self):
            return
        self.edit_refused.emit(exc, self.row_of(item_id), column, text)

    def is_saving(self) -> bool:
        """A cell's write is on its way (tests wait for it)."""
        return bool(self._saving)


def _raw(item: ItemRow, key: str) -> Any:
    return item.shortfall if key == "shortfall" else getattr(item, key)


def _display(item: ItemRow, key: str) -> Any:
    value = _raw(item, key)
    if key == "shortfall":
        return value or ""  # only a real shortfall catches the eye
    if key == "condition" and not item.checked:
        return value.label if value else _tr("未核对")
    if isinstance(value, Coded):
        return value.label
    if isinstance(value, dt.datetime):
        return value.strftime("%m-%d %H:%M")  # the year is in the tooltip; the column stays narrow
    return "" if value is None else value


def _tooltip(item: ItemRow, key: str) -> str | None:
    if key == "checked_at" and item.checked_at is not None:
        return item.checked_at.strftime("%Y-%m-%d %H:%M")
    if key in ("category", "name", "spec", "remarks", "checked_by"):
        return _raw(item, key) or None
    return None


def _background(item: ItemRow) -> QBrush | None:
    if not item.is_problem:
        return None
    return QBrush(DAMAGED_BACKGROUND if item.is_only_damaged else SHORT_BACKGROUND)
