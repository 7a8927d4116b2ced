"""The escalation ladder at its boundaries, with "now" passed in (no clock)."""
from __future__ import annotations

import datetime as dt

import pytest

from models.defect import DefectStatus as S
from models.defect import Severity
from models.errors import DomainError
from models.rules.defect_lifecycle import ALLOWED, check_transition
from models.rules.escalation import DefectFacts, duties, is_overdue, notice_late, overdue_days

FOUND = dt.datetime(2026, 7, 1, 9, 0)
NOTICE = dt.datetime(2026, 7, 1, 15, 0)
MIN = dt.timedelta(minutes=1)


def f(**kw) -> DefectFacts:
    base = dict(severity=Severity.NORMAL, status=S.RECTIFYING, found_at=FOUND, notice_at=NOTICE,
                deadline=dt.date(2026, 7, 8), failed_reinspections=0, last_failure_at=None)
    return DefectFacts(**{**base, **kw})


def codes(facts: DefectFacts, now: dt.datetime) -> dict[str, bool]:
    return {d.code: d.overdue for d in duties(facts, now)}


def test_notice_due_within_24_hours_of_finding():
    pending = f(status=S.PENDING_NOTICE, notice_at=None)
    assert codes(pending, FOUND + dt.timedelta(hours=23, minutes=59)) == {"notice": False}
    assert codes(pending, FOUND + dt.timedelta(hours=24, minutes=1)) == {"notice": True}


def test_a_notice_later_than_24_hours_is_flagged():
    assert not notice_late(f(notice_at=FOUND + dt.timedelta(hours=23, minutes=59)))
    assert not notice_late(f(notice_at=FOUND + dt.timedelta(hours=24)))
    assert notice_late(f(notice_at=FOUND + dt.timedelta(hours=24, minutes=1)))


def test_reminder_on_day_3_after_notice():
    day3 = NOTICE + dt.timedelta(days=3)
    assert "reminder" not in codes(f(), day3 - MIN)
    assert codes(f(), day3) == {"reminder": False}
    assert codes(f(), day3 + dt.timedelta(hours=24, minutes=1))["reminder"] is True  # leadership not told


def test_escalation_on_day_7_after_notice():
    day7 = NOTICE + dt.timedelta(days=7)
    assert "escalation" not in codes(f(), day7 - MIN)
    assert "escalation" in codes(f(), day7)


def test_a_logged_action_discharges_its_duty():
    day3 = NOTICE + dt.timedelta(days=3)
    done = f(done_actions=frozenset({("reminder", day3 + dt.timedelta(hours=2))}))
    assert "reminder" not in codes(done, day3 + dt.timedelta(hours=5))
    early = f(done_actions=frozenset({("reminder", day3 - dt.timedelta(days=1))}))
    assert "reminder" in codes(early, day3 + dt.timedelta(hours=5))  # done before it was due: still due


def test_report_after_the_third_failed_reinspection():
    failed_at = dt.datetime(2026, 7, 20, 10, 0)
    assert "failure_report" not in codes(f(failed_reinspections=2, last_failure_at=failed_at), failed_at)
    third = f(failed_reinspections=3, last_failure_at=failed_at)
    assert codes(third, failed_at)["failure_report"] is False
    assert codes(third, failed_at + dt.timedelta(hours=24, minutes=1))["failure_report"] is True


def test_major_defect_reported_at_once():
    major = f(severity=Severity.MAJOR, status=S.PENDING_NOTICE, notice_at=None)
    assert codes(major, FOUND) == {"major_report": False, "notice": False}
    assert codes(major, FOUND + MIN)["major_report"] is True


@pytest.mark.parametrize("given", ["重大", "major", "Major"])
def test_a_major_defect_named_by_its_old_word_code_or_english_still_escalates(given):
    """Facts read from data written before the codes (a snapshot, a backup) may hold 重大."""
    major = f(severity=given, status=S.PENDING_NOTICE, notice_at=None)
    assert major.severity is Severity.MAJOR
    assert codes(major, FOUND + MIN)["major_report"] is True
    assert "major_report" not in codes(f(severity="一般", status=S.PENDING_NOTICE, notice_at=None), FOUND + MIN)


def test_nothing_due_once_closed_or_waiting_for_reinspection():
    late = NOTICE + dt.timedelta(days=30)
    assert duties(f(status=S.CLOSED), late) == [] and duties(f(status=S.UNFIXABLE), late) == []
    assert duties(f(status=S.PENDING_REINSPECTION), late) == []


def test_overdue_days_count_from_the_deadline():
    facts = f(deadline=dt.date(2026, 7, 8))
    assert overdue_days(facts, dt.datetime(2026, 7, 8, 23, 59)) == 0
    assert overdue_days(facts, dt.datetime(2026, 7, 9, 0, 0)) == 1 and is_overdue(facts, dt.datetime(2026, 7, 9))
    assert overdue_days(f(status=S.CLOSED), dt.datetime(2026, 8, 1)) == 0


ALL = list(S)


@pytest.mark.parametrize("old", ALL)
@pytest.mark.parametrize("new", ALL)
def test_every_transition_is_allowed_or_refused(old, new):
    legal = {(S.PENDING_NOTICE, S.RECTIFYING), (S.PENDING_NOTICE, S.UNFIXABLE),
             (S.RECTIFYING, S.PENDING_REINSPECTION), (S.RECTIFYING, S.UNFIXABLE),
             (S.PENDING_REINSPECTION, S.CLOSED), (S.PENDING_REINSPECTION, S.RECTIFYING),
             (S.PENDING_REINSPECTION, S.UNFIXABLE)}
    assert (new in ALLOWED[old]) == ((old, new) in legal)
    if (old, new) in legal:
        check_transition(old, new)
    else:
        with pytest.raises(DomainError):
            check_transition(old, new)
