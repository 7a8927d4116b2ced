"""The rectification deadline (整改期限): the default from severity and finding date, and how it may change.

The office keeps a table of days per severity (重大/一般/轻微); a new defect's deadline is the finding
date plus that many days, however the defect was created (登记, 转为遗留问题, the demo). Once registered,
the deadline moves only with a written reason, kept in the defect's history.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from ..defect import SEVERITIES
from ..errors import ValidationError

# Used for a severity the office has not set (a new database): the seeds' 接管验收管理制度.
DEFAULT_DEADLINE_DAYS: Mapping[str, int] = MappingProxyType({"重大": 3, "一般": 7, "轻微": 15})
MAX_DAYS = 365


def office_table(stored: Mapping[str, int] | None) -> dict[str, int]:
    """The office's table as stored (possibly partial), completed with the defaults."""
    return {**DEFAULT_DEADLINE_DAYS, **(stored or {})}


def default_deadline(severity: str, found_at: dt.datetime | dt.date, table: Mapping[str, int]) -> dt.date:
    """The finding date plus the office's days for this severity."""
    if severity not in SEVERITIES:
        raise ValidationError(f"「严重程度」应为：{'、'.join(SEVERITIES)}。")
    found = found_at.date() if isinstance(found_at, dt.datetime) else found_at
    return found + dt.timedelta(days=office_table(table)[severity])


def check_table(table: Mapping[str, int]) -> None:
    for severity, days in table.items():
        if severity not in SEVERITIES:
            raise ValidationError(f"「严重程度」应为：{'、'.join(SEVERITIES)}。")
        if isinstance(days, bool) or not isinstance(days, int) or not 0 < days <= MAX_DAYS:
            raise ValidationError(f"「{severity}整改期限」应为 1–{MAX_DAYS} 天。")


def change_note(old: dt.date | None, new: dt.date | None, reason: str) -> str:
    """The history line of a deadline change; a change without a reason is refused."""
    if not reason.strip():
        raise ValidationError("「期限变更原因」不能为空：修改整改期限须写明原因。")
    return f"整改期限 {_day(old)} → {_day(new)}：{reason.strip()}"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "（无）"
