"""Creating a defect, the one way every path takes (登记, 转为遗留问题): numbering, the office's deadline
table, validation and the first history row."""
from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import now
from ..defect import (
    Defect,
    DefectCategory,
    DefectStatus,
    DefectStatusChange,
    Responsible,
    Severity,
    category_of,
    responsible_of,
    severity_of,
)
from ..errors import ValidationError
from ..field_labels import check_text
from ..i18n import translate
from ..rules.deadlines import default_deadline, office_table
from ..settings import Setting

DEADLINE_SETTING = "defect_deadline_days"  # the settings row holding the office's 整改期限 table (JSON)
NUMBER_RE = re.compile(r"^YL-(\d{4})-(\d+)$")


def next_defect_number(session: Session, project_id: int, year: int) -> str:
    """YL-YYYY-NNNN, one more than the highest of that year in the project."""
    prefix = f"YL-{year}-"
    numbers = session.scalars(select(Defect.number).where(
        Defect.project_id == project_id, Defect.number.like(prefix + "%")))
    highest = max((int(m.group(2)) for n in numbers if (m := NUMBER_RE.match(n))), default=0)
    return f"{prefix}{highest + 1:04d}"


def office_deadline_days(session: Session) -> dict[Severity, int]:
    """The office's 整改期限 table (days per severity), the defaults where it has not been set."""
    value = session.scalar(select(Setting.value).where(Setting.key == DEADLINE_SETTING))
    return office_table(json.loads(value) if value else None)


def office_default_deadline(session: Session, severity: Severity | str, found: dt.datetime | dt.date) -> dt.date:
    return default_deadline(severity, found, office_deadline_days(session))


def validate_defect(category: DefectCategory | str, severity: Severity | str, responsible: Responsible | str,
                    description: str, *, location: str = "", found_by: str = ""
                    ) -> tuple[DefectCategory, Severity, Responsible]:
    """Every field a clerk types, checked before anything is written (the ORM's flush check repeats
    the lengths for any other path); the three word lists come back as their members."""
    members = category_of(category), severity_of(severity), responsible_of(responsible)
    if not description.strip():
        raise ValidationError(translate("defects", "「问题描述」不能为空。"))
    check_text("defects", "location", location.strip())
    check_text("defects", "found_by", found_by.strip())
    return members


def record_defect(session: Session, *, project_id: int, handover_id: int | None, location: str,
                  category: DefectCategory | str, severity: Severity | str, responsible: Responsible | str,
                  description: str, found_by: str,
                  by: str | None = None, unit_id: int | None = None, found_at: dt.datetime | None = None,
                  deadline: dt.date | None = None) -> Defect:
    """A new defect in 待通知, numbered, with its first status-history row. Without a deadline it gets the
    office's default for its severity. `by` (who registers it) defaults to the finder."""
    kind, grade, party = validate_defect(category, severity, responsible, description, location=location,
                                         found_by=found_by)
    found = found_at or now()
    defect = Defect(project_id=project_id, handover_id=handover_id, unit_id=unit_id,
                    number=next_defect_number(session, project_id, found.year), location=location.strip(),
                    category=kind, description=description.strip(), severity=grade,
                    responsible=party, found_at=found, found_by=found_by,
                    deadline=deadline or office_default_deadline(session, grade, found),
                    status=DefectStatus.PENDING_NOTICE)
    session.add(defect)
    session.flush()
    session.add(DefectStatusChange(defect_id=defect.id, from_status=None,
                                   to_status=DefectStatus.PENDING_NOTICE, at=found,
                                   by=found_by if by is None else by, note="登记"))
    return defect
