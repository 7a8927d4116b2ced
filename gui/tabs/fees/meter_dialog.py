"""新增表具: a meter found at the cut-off that is not on the list yet (a unit's, or a common one)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from models.db import Database
from models.rules.numbers import READING, parse_decimal, parse_optional
from models.services import meters

from ... import ops
from ...dates import qdate
from ...dialogs.base_dialog import OptionalDate, ServiceDialog, date_edit
from ...widgets.unit_combo import unit_combo
from .common import number_edit


class AddMeterDialog(ServiceDialog):
    """表号, 类别, the unit (typed with suggestions) or a common place, and both readings."""

    def __init__(self, db: Database, handover_id: int, units: list[tuple[int, str]], read_on: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增表具"), parent)
        self.db, self.handover_id = db, handover_id
        self._unit_ids = {number: uid for uid, number in units}
        self.meter_no = QLineEdit(self)
        self.meter_no.setPlaceholderText(self.tr("表具上的编号"))
        self.kind = QComboBox(self)
        for kind in meters.KINDS:
            self.kind.addItem(kind.label, kind.value)  # Qt hands the code back; add_meter reads it
        self.place = unit_combo(self, [number for _uid, number in units],
                                self.tr("房号；公共表具填位置，如“3栋 总水表”"))
        self.place.setMinimumWidth(320)
        self.prev_reading = number_edit(self, placeholder=self.tr("原物业最后一次计费的读数（可空）"))
        self.prev_read_on = OptionalDate(None, self.tr("已知"), self)
        self.prev_read_on.edit.setDate(qdate(meters.usual_previous_reading(read_on)))
        self.reading = number_edit(self, placeholder=self.tr("交接基准日读数"))
        self.read_on = date_edit(self, read_on)
        for label, widget in ((self.tr("表号"), self.meter_no), (self.tr("类别"), self.kind),
                              (self.tr("房号/位置"), self.place), (self.tr("上次读数"), self.prev_reading),
                              (self.tr("上次抄表日"), self.prev_read_on), (self.tr("本次读数"), self.reading),
                              (self.tr("抄表日"), self.read_on)):
            self.form.addRow(self.tr("{label}：").format(label=label), widget)
        self.finish_layout()
        self.meter_no.setFocus()

    def operation(self) -> ops.Op:
        text = self.place.currentText().strip()
        unit_id = self._unit_ids.get(text)
        # Read strictly, in the order of the form: the first bad field is the one named.
        prev_reading = parse_optional(self.prev_reading.text(), self.tr("上次读数"), READING)
        reading = parse_decimal(self.reading.text(), self.tr("本次读数"), READING)
        handover_id = self.handover_id
        fields: dict[str, Any] = dict(
            meter_no=self.meter_no.text(), kind=self.kind.currentData(),
            unit_id=unit_id, location="" if unit_id is not None else text,
            reading=reading, read_on=self.read_on.date().toPython(),
            prev_reading=prev_reading, prev_read_on=self.prev_read_on.value())
        return lambda db: meters.add_meter(db, handover_id, **fields)

    def announces(self, result: Any) -> ops.Change:
        return ops.change(ops.FEES, ids=[getattr(result, "id", None)], handover_id=self.handover_id)
