"""gui/dates.py: the typed conversions give what PySide6's own conversions give, both ways."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime

from gui.dates import py_date, py_datetime, py_time, qdate, qdatetime, qtime

# A leap day, the small hours of a spring-forward night in Europe, and microseconds Qt cannot hold.
WHEN = dt.datetime(2028, 2, 29, 2, 30, 15, 123456)


def test_a_date_goes_to_qt_and_back_unchanged() -> None:
    day = WHEN.date()
    assert qdate(day) == QDate(day)  # PySide6's own conversion
    assert (qdate(day).year(), qdate(day).month(), qdate(day).day()) == (2028, 2, 29)
    assert py_date(qdate(day)) == day and type(py_date(qdate(day))) is dt.date


def test_a_datetime_keeps_its_wall_clock_time_to_the_millisecond() -> None:
    assert qdatetime(WHEN) == QDateTime(WHEN)
    assert qdatetime(WHEN).timeSpec() == QDateTime(WHEN).timeSpec()
    back = py_datetime(qdatetime(WHEN))
    assert back == WHEN.replace(microsecond=123000) and back.tzinfo is None


def test_a_datetime_with_a_zone_keeps_its_wall_clock_time_as_pyside6_does() -> None:
    beijing = WHEN.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert qdatetime(beijing) == QDateTime(beijing)
    assert py_datetime(qdatetime(beijing)) == WHEN.replace(microsecond=123000)


def test_a_time_goes_to_qt_and_back() -> None:
    closing = dt.time(17, 30)
    assert qtime(closing) == QTime(closing)
    assert py_time(qtime(closing)) == closing
    assert py_time(qtime(dt.time(23, 59, 59, 999999))) == dt.time(23, 59, 59, 999000)
