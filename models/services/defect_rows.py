"""Plain, frozen rows the defect-register services return."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..defect import DefectCategory, DefectStatus, Responsible, Severity
from ..rules.defect_lifecycle import ALLOWED
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
    category: DefectCategory
    description: str
    severity: Severity
    responsible: Responsible
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

    @property
    def moved(self) -> bool:
        """The status changed (or the defect was registered); False for a note that keeps it, such as
        a deadline change."""
        return self.from_status != self.to_status


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

    @property
    def is_late(self) -> bool:
        """Past its 整改期限, or a duty (notice, reminder, report) is past its own day."""
        return self.overdue_days > 0 or any(x.overdue for x in self.duties)


def late_count(due: Sequence[DueRow]) -> int:
    """How many of the due list's defects are late (the due pane's 已逾期 count)."""
    return sum(1 for d in due if d.is_late)


@dataclass(frozen=True)
class DefectDetail:
    defect: DefectRow
    history: list[HistoryRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    photos: list[PhotoRow] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    overdue_days: int = 0
    notice_late: bool = False  # the notice went out more than 24 h after finding

    # What may happen to the defect next, by the lifecycle (defect_lifecycle.ALLOWED): the tab's actions
    # are enabled from these, the services refuse the rest.
    @property
    def moves(self) -> frozenset[DefectStatus]:
        return ALLOWED.get(self.defect.status, frozenset())

    @property
    def can_edit(self) -> bool:
        """Neither closed nor declared unfixable."""
        return bool(self.moves)

    @property
    def can_notice(self) -> bool:
        return self.defect.status is DefectStatus.PENDING_NOTICE

    @property
    def can_submit(self) -> bool:
        return self.defect.status is DefectStatus.RECTIFYING

    @property
    def can_pass(self) -> bool:
        return self.defect.status is DefectStatus.PENDING_REINSPECTION and DefectStatus.CLOSED in self.moves

    @property
    def can_fail(self) -> bool:
        return self.defect.status is DefectStatus.PENDING_REINSPECTION and DefectStatus.RECTIFYING in self.moves

    @property
    def can_declare_unfixable(self) -> bool:
        return DefectStatus.UNFIXABLE in self.moves

    @property
    def loggable(self) -> list[tuple[str, str]]:
        """(label, code) of the duties due that a logged action (已催办、已上报…) discharges."""
        return [(d.label, d.code) for d in self.duties if d.code in ACTION_KINDS]


@dataclass(frozen=True)
class DefectStats:
    by_category: dict[DefectCategory, tuple[int, int]]  # category -> (open, overdue), in the form's order
    by_party: dict[Responsible, tuple[int, int]]
