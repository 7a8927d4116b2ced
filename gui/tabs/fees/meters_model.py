"""抄表底数 as a table model: the four reading cells edited in place, each edit one save_reading call
(in the writer thread, gui/ops.py)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from models.db import Database
from models.errors import DomainError
from models.rules.numbers import READING, parse_decimal, parse_optional
from models.services import meters
from models.services.meters import MeterRow

from ...ops import refusal, run_op
from .records_model import Col, Index, ShownRecordsModel, attr, haystack

# The editable columns and the save_reading argument each one sets.
FIELDS = {3: "prev_reading", 4: "prev_read_on", 5: "reading", 6: "read_on"}
READING_COLUMNS = (3, 5)
DATE_COLUMNS = (4, 6)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeesTab", text)


def columns() -> tuple[Col, ...]:
    return (Col(_tr("表号"), attr("meter_no"), width=96), Col(_tr("类别"), lambda m: m.kind.label, width=44),
            Col(_tr("房号/位置"), attr("place"), width=240),
            Col(_tr("上次读数"), attr("prev_reading"), "quantity", 110, True),
            Col(_tr("上次抄表日"), attr("prev_read_on"), "date", 104, True),
            Col(_tr("本次读数"), attr("reading"), "quantity", 110, True),
            Col(_tr("抄表日"), attr("read_on"), "date", 104, True),
            Col(_tr("用量"), attr("usage"), "quantity", 100))


def _labels() -> dict[str, str]:
    return {"prev_reading": _tr("上次读数"), "reading": _tr("本次读数")}


class MetersModel(ShownRecordsModel):
    """MeterRow records; editable until the settlement is signed.

    Its rows are the readings the filter shows (ShownRecordsModel): a keystroke over the large demo's
    40,000 meters is one pass over the haystack, where a proxy asking Python row by row took 115–175
    ms. An edit replaces the reading both among the shown rows and among all of them."""

    meter_saved = Signal(object)        # the MeterRow as saved
    # The DomainError, the row and column, and the text typed: the row is unchanged, the text is the
    # clerk's to correct (the panel opens the cell again with it).
    edit_refused = Signal(object, int, int, str)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(columns(), parent)
        self._db = db
        self._editable = False
        self._saving: set[int] = set()  # ids of the meters whose edit is on its way (ops.run_op)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    @property
    def editable(self) -> bool:
        return self._editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        # A meter whose last edit is still being saved waits for it: its next edit needs the new version.
        if self._editable and index.column() in FIELDS and self._records[index.row()].id not in self._saving:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, field, column = self._records[index.row()], FIELDS[index.column()], index.column()
        text = value if isinstance(value, str) else ""
        try:
            typed = self._typed(field, value)
        except DomainError as exc:
            self.edit_refused.emit(exc, index.row(), column, text)
            return False
        if typed == getattr(row, field):
            return False  # nothing changed: no transaction, no audit row
        self._saving.add(row.id)
        parent = self.parent()
        run_op(parent if isinstance(parent, QWidget) else None, self._db,  # type: ignore[arg-type]
               lambda db: self._save(db, row, field, typed), busy=[],
               on_success=lambda saved: self._saved(saved),
               on_failure=refusal(lambda exc: self._refused(row.id, exc, column, text)))
        return True

    def _row_of(self, meter_id: int) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == meter_id), -1)

    def _saved(self, saved: MeterRow) -> None:
        self._saving.discard(saved.id)
        if not shiboken6.isValid(self):  # closed while the cell was being saved
            return
        self._store(saved)
        self.meter_saved.emit(saved)

    def _refused(self, meter_id: int, exc: DomainError, column: int, text: str) -> None:
        self._saving.discard(meter_id)
        if not shiboken6.isValid(self):
            return
        self.edit_refused.emit(exc, self._row_of(meter_id), column, text)

    @staticmethod
    def _typed(field: str, value: Any) -> Any:
        """Text from the line edit read strictly as a reading (上次读数 may be emptied: not known);
        dates come as dates."""
        if field == "reading":
            return parse_decimal(str(value or ""), _labels()[field], READING)
        if field == "prev_reading":
            return parse_optional(str(value or ""), _labels()[field], READING)
        return value if isinstance(value, dt.date) else None

    @staticmethod
    def _save(db: Database, row: MeterRow, field: str, value: Any) -> MeterRow:
        values = {"reading": row.reading, "read_on": row.read_on, "prev_reading": row.prev_reading,
                  "prev_read_on": row.prev_read_on, field: value}
        return meters.save_reading(db, row.id, row.version, **values)

    def _store(self, saved: MeterRow) -> None:
        """The saved reading in place of the one it replaces, among all readings (the next edit needs
        its version even if the filter hides it now) and, if shown, among the shown ones. Not found:
        the list was read again meanwhile and holds what is stored."""
        at = next((i for i, r in enumerate(self._all) if r.id == saved.id), -1)
        if at < 0:
            return
        old, self._all[at] = self._all[at], saved
        if self._haystack is not None:
            self._haystack[at] = haystack([saved], self._columns)[0]
        if self._records is self._all:  # no filter: the shown rows are all of them
            row = at
        else:
            row = next((i for i, r in enumerate(self._records) if r is old), -1)
            if row >= 0:
                self._records[row] = saved
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def add_row(self, saved: MeterRow) -> int:
        """A new meter goes at the end until the next sort, shown whatever the filter; returns its row."""
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        if self._records is not self._all:
            self._records.append(saved)
        self._all.append(saved)
        self._haystack = None  # built again at the next filter
        self.endInsertRows()
        return row
