"""What the handover forms and workbook print: the current version of each list, and open defects."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from ..base import DocStatus
from ..db import Database
from ..defect import Defect, DefectStatus
from ..errors import ValidationError
from ..i18n import translate
from ..services.checklist_rows import ListDetail, ListSummary
from ..services.checklists import list_detail, lists_of
from ..services.handovers import get_handover

# A defect in one of these states needs nothing more from anyone.
DONE_DEFECT = (DefectStatus.CLOSED, DefectStatus.UNFIXABLE)


def current_lists(summaries: Sequence[ListSummary]) -> list[ListSummary]:
    """Each list as it stands, in the order the lists were started: a version later amended
    is left out (its amendment takes its place), and so is a cancelled one."""
    by_id = {s.id: s for s in summaries}
    amended = {s.amends_id for s in summaries if s.amends_id is not None}

    def first_version(s: ListSummary) -> int:
        while s.amends_id in by_id:
            s = by_id[s.amends_id]
        return s.id

    return sorted((s for s in summaries
                   if s.id not in amended and s.status is not DocStatus.CANCELLED),
                  key=first_version)


def handover_lists(db: Database, handover_id: int, list_id: int | None = None) -> list[ListDetail]:
    """The handover's current lists with their items (or just `list_id`, any version)."""
    get_handover(db, handover_id)  # NotFoundError names a missing handover before anything else
    summaries = lists_of(db, handover_id)
    if list_id is not None:
        if all(s.id != list_id for s in summaries):
            raise ValidationError(translate("forms", "交接清单（编号 {list_id}）不属于交接（编号 {handover_id}）。").format(
                list_id=list_id, handover_id=handover_id))
        return [list_detail(db, list_id)]
    return [list_detail(db, s.id) for s in current_lists(summaries)]


def open_defect_count(db: Database, handover_id: int) -> int:
    """Defects registered against the handover that are neither closed nor declared unfixable."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Defect).where(
            Defect.handover_id == handover_id, Defect.status.not_in(DONE_DEFECT))) or 0)
