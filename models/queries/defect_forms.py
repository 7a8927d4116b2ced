"""What the defect forms and workbook print beyond the register's rows: where a defect is
(a unit's label when no location was typed) and the rows of the workbook, streamed."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Database
from ..defect import Defect, DefectPhoto, DefectStatusChange
from ..project import Building, Unit
from ..rules.escalation import DefectFacts, overdue_days
from ..services.defect_rows import DefectRow

# A unit's label: building and number, unless the number already names the building.
_UNIT_LABEL = (select(Unit.id, Building.name, Unit.number)
               .outerjoin(Building, Unit.building_id == Building.id))


def unit_label(building: str | None, number: str) -> str:
    if not building or number.startswith(building):
        return number
    return f"{building} {number}"


def unit_labels(db: Database, unit_ids: Sequence[int | None]) -> dict[int, str]:
    """Labels of the given units (ids of None are skipped), one query per 900 ids."""
    ids = sorted({i for i in unit_ids if i is not None})
    out: dict[int, str] = {}
    with db.read() as s:
        for k in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            chunk = ids[k:k + 900]
            for uid, building, number in s.execute(_UNIT_LABEL.where(Unit.id.in_(chunk))):
                out[uid] = unit_label(building, number)
    return out


def located(db: Database, rows: Sequence[DefectRow]) -> list[DefectRow]:
    """Rows with `location` filled from the unit where the clerk picked a unit, typed nothing."""
    labels = unit_labels(db, [r.unit_id for r in rows if not r.location])
    return [replace(r, location=labels.get(r.unit_id, "")) if not r.location and r.unit_id
            else r for r in rows]


# --- the workbook's rows ---------------------------------------------------------------------

def _scope(q: Any, project_id: int, handover_id: int | None) -> Any:
    q = q.where(Defect.project_id == project_id)
    return q if handover_id is None else q.where(Defect.handover_id == handover_id)


def count_defects(session: Session, project_id: int, handover_id: int | None) -> int:
    return int(session.scalar(_scope(select(func.count()).select_from(Defect),
                                     project_id, handover_id)) or 0)


def defect_values(session: Session, project_id: int, handover_id: int | None,
                  now: dt.datetime) -> Iterator[list[Any]]:
    """One list per defect in number order, for the 遗留问题 sheet (see DEFECT_COLUMNS)."""
    photos = (select(DefectPhoto.defect_id, func.count().label("n"))
              .group_by(DefectPhoto.defect_id).subquery())
    q = (select(Defect, Building.name, Unit.number, photos.c.n)
         .outerjoin(Unit, Defect.unit_id == Unit.id)
         .outerjoin(Building, Unit.building_id == Building.id)
         .outerjoin(photos, photos.c.defect_id == Defect.id)
         .order_by(Defect.number))
    for d, building, number, n in session.execute(
            _scope(q, project_id, handover_id).execution_options(yield_per=2000)):
        where = d.location or (unit_label(building, number) if number else "")
        late = overdue_days(DefectFacts(d.severity, d.status, d.found_at, d.notice_at,
                                        d.deadline), now)
        yield [d.number, d.handover_id, where, d.category.label, d.severity.label, d.responsible.label,
               d.description, d.found_at, d.found_by, d.notice_at, d.deadline, d.status.label,
               d.failed_reinspections, late, d.closed_at, int(n or 0), d.report]


def count_history(session: Session, project_id: int, handover_id: int | None) -> int:
    q = select(func.count()).select_from(DefectStatusChange).join(
        Defect, DefectStatusChange.defect_id == Defect.id)
    return int(session.scalar(_scope(q, project_id, handover_id)) or 0)


def history_values(session: Session, project_id: int,
                   handover_id: int | None) -> Iterator[list[Any]]:
    """Every status change, by defect number then in the order they happened."""
    c = DefectStatusChange
    q = (select(Defect.number, c.at, c.by, c.from_status, c.to_status, c.note)
         .join(Defect, c.defect_id == Defect.id).order_by(Defect.number, c.id))
    for number, at, by, old, new, note in session.execute(
            _scope(q, project_id, handover_id).execution_options(yield_per=5000)):
        yield [number, at, by, old.label if old else "（登记）", new.label, note]


@dataclass(frozen=True)
class DefectWorkbookRows:
    """The defect workbook's two sheets: their sizes up front (for progress) and their rows, streamed."""

    defects: int
    changes: int
    defect_rows: Iterator[list[Any]]
    change_rows: Iterator[list[Any]]


@contextmanager
def defect_workbook_rows(db: Database, project_id: int, handover_id: int | None,
                         now: dt.datetime) -> Iterator[DefectWorkbookRows]:
    """The project's (or one handover's) defects and their status changes, from one read session that
    stays open while the caller writes them."""
    with db.read() as s:
        yield DefectWorkbookRows(count_defects(s, project_id, handover_id), count_history(s, project_id, handover_id),
                                 defect_values(s, project_id, handover_id, now),
                                 history_values(s, project_id, handover_id))
