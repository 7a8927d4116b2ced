"""抄表底数: the meter readings both companies agree at the cut-off — listed, corrected, added.

Each reading carries the outgoing company's last billed reading (上次读数/上次抄表日); the usage
between the two is still theirs to charge (fee_results.meter_charges). A pair left half-filled
(a date without a reading, say, while the clerk types the second cell) is stored but not charged.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import ValidationError
from ..fees import MeterKind, MeterReading
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..project import Unit
from ..rules.numbers import READING, check_number
from .common import get, get_for_save
from .settlement_state import refuse_if_signed

KINDS = tuple(MeterKind)
# What a filter offers for each kind: the meters of that kind, as one word to translate.
METER_NAMES = {MeterKind.WATER: QT_TRANSLATE_NOOP("words", "水表"), MeterKind.POWER: QT_TRANSLATE_NOOP("words", "电表"),
               MeterKind.GAS: QT_TRANSLATE_NOOP("words", "气表")}


class _Keep:
    """The default of the 上次 fields of save_reading: leave them as stored (None clears them)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()


@dataclass(frozen=True, slots=True)
class MeterRow:
    """One meter's readings as the tab shows them."""

    id: int
    version: int
    meter_no: str
    kind: MeterKind
    unit: str  # the unit's number, "" for a common meter
    location: str
    prev_reading: Decimal | None
    prev_read_on: dt.date | None
    reading: Decimal
    read_on: dt.date

    @property
    def usage(self) -> Decimal | None:
        """本次 − 上次, or None while the previous reading is unknown."""
        return None if self.prev_reading is None else self.reading - self.prev_reading

    @property
    def place(self) -> str:
        return self.unit or self.location


def usual_previous_reading(read_on: dt.date) -> dt.date:
    """Where an unknown 上次抄表日 starts: a month before the reading (meters are read monthly), the
    same day or the month's last (31 March → 28/29 February)."""
    year, month = (read_on.year, read_on.month - 1) if read_on.month > 1 else (read_on.year - 1, 12)
    return dt.date(year, month, min(read_on.day, calendar.monthrange(year, month)[1]))


def _row(m: MeterReading, unit: str) -> MeterRow:
    return MeterRow(m.id, m.version, m.meter_no, m.kind, unit, m.location, m.prev_reading, m.prev_read_on,
                    m.reading, m.read_on)


def _unit_number(s: Session, unit_id: int | None) -> str:
    return (s.scalar(select(Unit.number).where(Unit.id == unit_id)) or "") if unit_id else ""


def meter_rows(db: Database, handover_id: int) -> list[MeterRow]:
    """Every meter of the handover in meter-number order (52,000 on the large demo: one query)."""
    m = MeterReading
    q = (select(m.id, m.version, m.meter_no, m.kind, func.coalesce(Unit.number, "").label("unit"), m.location,
                m.prev_reading, m.prev_read_on, m.reading, m.read_on)
         .outerjoin(Unit, Unit.id == m.unit_id).where(m.handover_id == handover_id).order_by(m.meter_no, m.id))
    same: dict[Any, Any] = {}  # a unit's meters share its number, all meters the few reading dates
    with db.read() as s:
        return [MeterRow(i, v, no, kind, same.setdefault(unit, unit), same.setdefault(loc, loc), prev,
                         same.setdefault(prev_on, prev_on), reading, same.setdefault(on, on))
                for i, v, no, kind, unit, loc, prev, prev_on, reading, on in s.execute(q)]


# ---- checking what the clerk typed ----------------------------------------------------------------

def _quantity(label: str, value: Any, required: bool = True) -> Decimal | None:
    if value is None:
        if required:
            raise ValidationError(translate("meters", "「{label}」不能为空。").format(label=label))
        return None
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        # float included: never exact
        raise ValidationError(translate("meters", "「{label}」应为数字（最多两位小数）。").format(label=label))
    value = Decimal(value)
    if not value.is_finite() or value < 0:
        raise ValidationError(translate("meters", "「{label}」应为不小于 0 的数字。").format(label=label))
    if value > READING.high:
        check_number(value, label, READING)  # out of range, by name (the column holds 10 digits)
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(translate("meters", "「{label}」最多两位小数。").format(label=label))
    return check_number(value.quantize(Decimal("0.01")), label, READING)


def _date(label: str, value: Any, required: bool = True) -> dt.date | None:
    if value is None:
        if required:
            raise ValidationError(translate("meters", "「{label}」不能为空。").format(label=label))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(translate("meters", "「{label}」应为日期。").format(label=label))
    return value


def _check_order(reading: Decimal, read_on: dt.date, prev_reading: Decimal | None,
                 prev_read_on: dt.date | None) -> None:
    if prev_reading is not None and reading < prev_reading:
        raise ValidationError(translate("meters", "「本次读数」{reading} 小于「上次读数」{prev_reading}：表数不会倒走，请核对。").format(reading=reading, prev_reading=prev_reading))
    if prev_read_on is not None and read_on <= prev_read_on:
        raise ValidationError(translate("meters", "「抄表日」{read_on} 应晚于「上次抄表日」{prev_read_on}。").format(
            read_on=read_on.isoformat(), prev_read_on=prev_read_on.isoformat()))


# ---- saving ---------------------------------------------------------------------------------------

def save_reading(db: Database, reading_id: int, seen_version: int, *, reading: Decimal, read_on: dt.date,
                 prev_reading: Decimal | None | _Keep = KEEP,
                 prev_read_on: dt.date | None | _Keep = KEEP) -> MeterRow:
    """Correct one meter's readings (one edited cell = one call); 上次 fields omitted stay as stored."""
    value = _quantity("本次读数", reading)
    on = _date("抄表日", read_on)
    assert value is not None and on is not None
    with db.begin() as s:
        m = get_for_save(s, MeterReading, reading_id, seen_version)
        refuse_if_signed(s, m.handover_id)
        prev = m.prev_reading if isinstance(prev_reading, _Keep) else _quantity("上次读数", prev_reading, False)
        prev_on = m.prev_read_on if isinstance(prev_read_on, _Keep) else _date("上次抄表日", prev_read_on, False)
        _check_order(value, on, prev, prev_on)
        m.reading, m.read_on, m.prev_reading, m.prev_read_on = value, on, prev, prev_on
        s.flush()
        return _row(m, _unit_number(s, m.unit_id))


def meter_kind(value: MeterKind | str) -> MeterKind:
    """A meter's kind from a member or its code, Chinese word (水) or English label; else refused by name."""
    try:
        return MeterKind(value.strip() if isinstance(value, str) else value)
    except ValueError:
        choices = translate("labels", "、").join(k.label for k in KINDS)
        raise ValidationError(translate("meters", "「类别」应为{choices}之一。").format(choices=choices)) from None


def _check_new(s: Session, handover: Handover, meter_no: str, unit_id: int | None, location: str) -> None:
    if not meter_no:
        raise ValidationError(translate("meters", "「表号」不能为空。"))
    if unit_id is None and not location:
        raise ValidationError(translate("meters", "请选择房屋，或为公共表具填写「位置」。"))
    if unit_id is not None and s.scalar(select(Unit.project_id).where(Unit.id == unit_id)) != handover.project_id:
        raise ValidationError(translate("meters", "所选房屋不属于本交接的项目。"))
    taken = s.scalar(select(func.count()).select_from(MeterReading).where(
        MeterReading.handover_id == handover.id, MeterReading.meter_no == meter_no))
    if taken:
        raise ValidationError(translate("meters", "「表号」{meter_no} 在本次交接中已登记。").format(meter_no=meter_no))


def add_meter(db: Database, handover_id: int, *, meter_no: str, kind: MeterKind | str, unit_id: int | None = None,
              location: str = "", reading: Decimal, read_on: dt.date, prev_reading: Decimal | None = None,
              prev_read_on: dt.date | None = None) -> MeterRow:
    """Record a meter found at the cut-off that is not on the list yet; `kind` as meter_kind reads it."""
    meter_no, location = (meter_no or "").strip(), (location or "").strip()
    member = meter_kind(kind)
    value, on = _quantity("本次读数", reading), _date("抄表日", read_on)
    prev, prev_on = _quantity("上次读数", prev_reading, False), _date("上次抄表日", prev_read_on, False)
    assert value is not None and on is not None
    with db.begin() as s:
        handover = get(s, Handover, handover_id)
        refuse_if_signed(s, handover_id)
        _check_new(s, handover, meter_no, unit_id, location)
        _check_order(value, on, prev, prev_on)
        m = MeterReading(handover_id=handover_id, meter_no=meter_no, kind=member, unit_id=unit_id, location=location,
                         reading=value, read_on=on, prev_reading=prev, prev_read_on=prev_on)
        s.add(m)
        s.flush()
        return _row(m, _unit_number(s, unit_id))
