"""Plain, frozen rows the defect-register services return."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..defect import DefectStatus
from ..rules.escalation import Duty

ACTION_KINDS = {"reminder": "已发催办函", "escalation": "已上报（公司领导、开发商工程部及领导）",
                "failure_report": "已报告公司领导（三次复验不合格）", "major_report": "已报告公司领导（重大问题）"}


@dataclass(frozen=True)
class DefectRow:
    id: int
    version: int
    number: str
    project_id: int
    handover_id: int | None
    unit_id: int | None
    location: str
    category: str
    description: str
    severity: str
    responsible: str
    found_at: dt.datetime
    found_by: str
    notice_at: dt.datetime | None
    deadline: dt.date | None
    status: DefectStatus
    failed_reinspections: int
    closed_at: dt.datetime | None
    report: str
    photo_count: int = 0


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    by: str
    from_status: DefectStatus | None
    to_status: DefectStatus
    note: str


@dataclass(frozen=True)
class ActionRow:
    kind: str
    at: dt.datetime
    by: str
    note: str

    @property
    def label(self) -> str:
        return ACTION_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class PhotoRow:
    id: int
    filename: str
    thumbnail: bytes
    width: int
    height: int


@dataclass(frozen=True)
class DueRow:
    defect: DefectRow
    duties: list[Duty]
    overdue_days: int


@dataclass(frozen=True)
class DefectDetail:
    defect: DefectRow
    history: list[HistoryRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    photos: list[PhotoRow] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    overdue_days: int = 0
    notice_late: bool = False  # the notice went out more than 24 h after finding


@dataclass(frozen=True)
class DefectStats:
    by_category: dict[str, tuple[int, int]]  # category -> (open, overdue)
    by_party: dict[str, tuple[int, int]]
