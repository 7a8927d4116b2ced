"""Defect register services used so far: numbering and recording a defect (issue 4 grows this)."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import now
from ..defect import DEFECT_CATEGORIES, RESPONSIBLE_PARTIES, SEVERITIES, Defect, DefectStatus, DefectStatusChange
from ..errors import ValidationError

# Default rectification time per severity (days); the office may change it later (issue 4).
DEFAULT_DEADLINE_DAYS = {"重大": 3, "一般": 7, "轻微": 15}
NUMBER_RE = re.compile(r"^YL-(\d{4})-(\d+)$")


def next_defect_number(session: Session, project_id: int, year: int) -> str:
    """YL-YYYY-NNNN, one more than the highest of that year in the project."""
    prefix = f"YL-{year}-"
    numbers = session.scalars(select(Defect.number).where(
        Defect.project_id == project_id, Defect.number.like(prefix + "%")))
    highest = max((int(m.group(2)) for n in numbers if (m := NUMBER_RE.match(n))), default=0)
    return f"{prefix}{highest + 1:04d}"


def default_deadline(severity: str, found: dt.datetime) -> dt.date:
    return found.date() + dt.timedelta(days=DEFAULT_DEADLINE_DAYS[severity])


def validate_defect(category: str, severity: str, responsible: str, description: str) -> None:
    if category not in DEFECT_CATEGORIES:
        raise ValidationError(f"「类别」应为：{'、'.join(DEFECT_CATEGORIES)}。")
    if severity not in SEVERITIES:
        raise ValidationError(f"「严重程度」应为：{'、'.join(SEVERITIES)}。")
    if responsible not in RESPONSIBLE_PARTIES:
        raise ValidationError(f"「责任方」应为：{'、'.join(RESPONSIBLE_PARTIES)}。")
    if not description.strip():
        raise ValidationError("「问题描述」不能为空。")


def record_defect(session: Session, *, project_id: int, handover_id: int | None, location: str,
                  category: str, severity: str, responsible: str, description: str,
                  found_by: str) -> Defect:
    """A new defect in 待通知, numbered, with its first status-history row."""
    validate_defect(category, severity, responsible, description)
    found = now()
    defect = Defect(project_id=project_id, handover_id=handover_id,
                    number=next_defect_number(session, project_id, found.year), location=location,
                    category=category, description=description.strip(), severity=severity,
                    responsible=responsible, found_at=found, found_by=found_by,
                    deadline=default_deadline(severity, found), status=DefectStatus.PENDING_NOTICE)
    session.add(defect)
    session.flush()
    session.add(DefectStatusChange(defect_id=defect.id, from_status=None,
                                   to_status=DefectStatus.PENDING_NOTICE, at=found, by=found_by,
                                   note="登记"))
    return defect
