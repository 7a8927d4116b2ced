"""Typed conversions between Python's dates and times and Qt's.

PySide6 converts them itself at run time (`QDate(date)`, `edit.date().toPython()`), but its stubs know
neither way: the constructors take no `datetime.date`, and `toPython()` is typed `object`. These give
mypy the types and do what PySide6 does: a naive local time, to the millisecond.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute, value.second, value.microsecond // 1000)


def qdatetime(value: dt.datetime) -> QDateTime:
    """A tzinfo is ignored, as PySide6's own conversion ignores it: the wall-clock time is kept."""
    return QDateTime(qdate(value), qtime(value.time()))


def py_date(value: QDate) -> dt.date:
    result = value.toPython()
    assert isinstance(result, dt.date)  # PySide6 turns a QDate into a datetime.date
    return result


def py_time(value: QTime) -> dt.time:
    result = value.toPython()
    assert isinstance(result, dt.time)  # PySide6 turns a QTime into a datetime.time
    return result


def py_datetime(value: QDateTime) -> dt.datetime:
    result = value.toPython()
    assert isinstance(result, dt.datetime)  # PySide6 turns a QDateTime into a datetime.datetime
    return result
