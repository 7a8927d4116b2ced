"""The defect register's ladder of deadlines (from the seeds' 接管验收管理制度), as pure functions of "now".

- the written notice goes out within 24 h of finding (later notices are flagged);
- 3 days after notice without rectification: a written reminder 催办函, leadership told within 24 h;
- 7 days after notice: escalate to company leadership, the developer's engineering department and leadership;
- 3 failed re-inspections: report to company leadership within 24 h;
- a 重大 defect is reported to leadership at once.
A duty stays due until the clerk logs the matching action after it became due.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..defect import DefectStatus, Severity
from ..i18n import QT_TRANSLATE_NOOP, translate

NOTICE_WITHIN = dt.timedelta(hours=24)
REMINDER_AFTER = dt.timedelta(days=3)
ESCALATE_AFTER = dt.timedelta(days=7)
REPORT_WITHIN = dt.timedelta(hours=24)
FAILURES_TO_REPORT = 3
OPEN = (DefectStatus.PENDING_NOTICE, DefectStatus.RECTIFYING, DefectStatus.PENDING_REINSPECTION)

LABELS = {
    "notice": QT_TRANSLATE_NOOP("escalation", "发出书面整改通知单（发现后 24 小时内）"),
    "major_report": QT_TRANSLATE_NOOP("escalation", "重大问题立即报告公司领导"),
    "reminder": QT_TRANSLATE_NOOP("escalation", "发催办函，并在 24 小时内告知公司领导"),
    "escalation": QT_TRANSLATE_NOOP("escalation", "上报公司领导、开发商工程部及开发商领导"),
    "failure_report": QT_TRANSLATE_NOOP("escalation", "三次复验不合格，24 小时内报告公司领导"),
}


@dataclass(frozen=True)
class DefectFacts:
    severity: Severity
    status: DefectStatus
    found_at: dt.datetime
    notice_at: dt.datetime | None
    deadline: dt.date | None
    failed_reinspections: int = 0
    last_failure_at: dt.datetime | None = None
    done_actions: frozenset[tuple[str, dt.datetime]] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # A snapshot or an older row may hand over the Chinese word (重大): the rules decide on the member.
        object.__setattr__(self, "severity", Severity(self.severity))


@dataclass(frozen=True)
class Duty:
    code: str
    label: str
    due_at: dt.datetime
    overdue: bool


def _done_since(facts: DefectFacts, code: str, since: dt.datetime) -> bool:
    return any(kind == code and at >= since for kind, at in facts.done_actions)


def _duty(facts: DefectFacts, code: str, becomes_due: dt.datetime, due_at: dt.datetime,
          now: dt.datetime) -> list[Duty]:
    """A duty shows from `becomes_due` until done; it is overdue after `due_at`."""
    if now < becomes_due or _done_since(facts, code, becomes_due):
        return []
    return [Duty(code, translate("escalation", LABELS[code]), due_at, now > due_at)]


def duties(facts: DefectFacts, now: dt.datetime) -> list[Duty]:
    if facts.status not in OPEN:
        return []
    out: list[Duty] = []
    if facts.severity is Severity.MAJOR:
        out += _duty(facts, "major_report", facts.found_at, facts.found_at, now)
    if facts.status is DefectStatus.PENDING_NOTICE:
        out += [Duty("notice", translate("escalation", LABELS["notice"]), facts.found_at + NOTICE_WITHIN,
                     now > facts.found_at + NOTICE_WITHIN)]
    if facts.status is DefectStatus.RECTIFYING and facts.notice_at is not None:
        reminder, escalation = facts.notice_at + REMINDER_AFTER, facts.notice_at + ESCALATE_AFTER
        out += _duty(facts, "reminder", reminder, reminder + REPORT_WITHIN, now)
        out += _duty(facts, "escalation", escalation, escalation, now)
    if facts.failed_reinspections >= FAILURES_TO_REPORT and facts.last_failure_at is not None:
        out += _duty(facts, "failure_report", facts.last_failure_at,
                     facts.last_failure_at + REPORT_WITHIN, now)
    return out


def notice_late(facts: DefectFacts) -> bool:
    """The notice went out more than 24 h after the defect was found."""
    return facts.notice_at is not None and facts.notice_at - facts.found_at > NOTICE_WITHIN


def overdue_days(facts: DefectFacts, now: dt.datetime) -> int:
    """Whole days past the rectification deadline while still open (0 if not overdue)."""
    if facts.status not in OPEN or facts.deadline is None:
        return 0
    return max((now.date() - facts.deadline).days, 0)


def is_overdue(facts: DefectFacts, now: dt.datetime) -> bool:
    return overdue_days(facts, now) > 0
