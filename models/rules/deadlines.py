"""The rectification deadline (整改期限): the default from severity and finding date, and how it may change.

The office keeps a table of days per severity (重大/一般/轻微); a new defect's deadline is the finding
date plus that many days, however the defect was created (登记, 转为遗留问题, the demo). Once registered,
the deadline moves only with a written reason, kept in the defect's history.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..defect import Severity, severity_of
from ..errors import ValidationError
from ..i18n import translate

# Used for a severity the office has not set (a new database): the seeds' 接管验收管理制度.
DEFAULT_DEADLINE_DAYS: Mapping[Severity, int] = MappingProxyType(
    {Severity.MAJOR: 3, Severity.NORMAL: 7, Severity.MINOR: 15})
MAX_DAYS = 365


def office_table(stored: Mapping[Any, int] | None) -> dict[Severity, int]:
    """The office's table as stored (possibly partial), completed with the defaults. The stored JSON is
    keyed by code; a table saved before the codes is keyed by the Chinese word, read through the enum.
    A key that names no severity (hand-edited data) is passed over: the default stands for it."""
    table = dict(DEFAULT_DEADLINE_DAYS)
    for key, days in (stored or {}).items():
        try:
            table[Severity(key)] = days
        except ValueError:
            continue
    return table


def default_deadline(severity: Severity | str, found_at: dt.datetime | dt.date,
                     table: Mapping[Severity, int]) -> dt.date:
    """The finding date plus the office's days for this severity."""
    member = severity_of(severity)
    found = found_at.date() if isinstance(found_at, dt.datetime) else found_at
    return found + dt.timedelta(days=office_table(table)[member])


def check_table(table: Mapping[Any, int]) -> dict[Severity, int]:
    """The table given (severity as member, code or label) keyed by member; refused naming the row."""
    checked: dict[Severity, int] = {}
    for key, days in table.items():
        severity = severity_of(key)
        if isinstance(days, bool) or not isinstance(days, int) or not 0 < days <= MAX_DAYS:
            raise ValidationError(translate("defects", "「{severity}整改期限」应为 1–{days} 天。").format(
                severity=severity.label, days=MAX_DAYS))
        checked[severity] = days
    return checked


def change_note(old: dt.date | None, new: dt.date | None, reason: str) -> str:
    """The history line of a deadline change; a change without a reason is refused."""
    if not reason.strip():
        raise ValidationError(translate("defects", "「期限变更原因」不能为空：修改整改期限须写明原因。"))
    return f"整改期限 {_day(old)} → {_day(new)}：{reason.strip()}"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "（无）"
