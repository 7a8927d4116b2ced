"""Printing forms from the command line (and the GUI's print actions): records in, PDF out."""
from __future__ import annotations

from pathlib import Path

from models.db import Database
from models.errors import ValidationError
from models.services.handovers import get_handover
from models.services.projects import HandoverRow, list_handovers, project_by_code
from models.services.roster import roster_rows

from .forms.base import Parties
from .forms.certificate import CertificateForm
from .forms.handover_list import HandoverListBook
from .forms.roster import RosterForm
from .handover_data import handover_lists, open_defect_count
from .progress import Progress


def latest_handover(db: Database, project_id: int) -> HandoverRow | None:
    """The project's newest handover: its parties sign a project-wide form such as the roster."""
    handovers = list_handovers(db, project_id)
    return handovers[-1] if handovers else None


def handover_parties(handover: HandoverRow | None) -> Parties:
    if handover is None:
        return Parties()  # blank company lines, filled in by hand
    return Parties(handover.from_company, handover.to_company, handover.witness or None)


def handover_caption(handover: HandoverRow | None) -> str:
    """'进场接管（甲 → 乙）' for the page header, which already says 交接："""
    if handover is None:
        return ""
    return handover.title or (f"{handover.kind.value}（{handover.from_company} → "
                              f"{handover.to_company}）")


def print_roster(db: Database, project_code: str, out: Path,
                 progress: Progress | None = None) -> int:
    """业主名册 of the project to `out` (PDF, phones masked); returns the number of pages.

    Printing unmasked phones needs a role check and an audit row first (SPEC 2),
    so that path is left to a service that does both, passing show_personal.
    """
    project = project_by_code(db, project_code)
    handover = latest_handover(db, project.id)
    form = RosterForm(roster_rows(db, project.id), project.name,
                      handover_caption(handover), parties=handover_parties(handover))
    return form.render(out, progress)


def print_handover_list(db: Database, handover_id: int, out: Path, list_id: int | None = None,
                        progress: Progress | None = None) -> int:
    """交接清单 to `out`: one list (any version), or every current list, each from a new page."""
    details = handover_lists(db, handover_id, list_id)
    if not details:
        raise ValidationError("该交接还没有交接清单，没有可打印的内容。")
    return HandoverListBook(details).render(out, progress)


def print_handover_certificate(db: Database, handover_id: int, out: Path,
                               progress: Progress | None = None) -> int:
    """交接确认书 of the handover over its current lists; returns the number of pages (1)."""
    handover = get_handover(db, handover_id)
    details = handover_lists(db, handover_id)
    if not details:
        raise ValidationError("该交接还没有交接清单，无法出具交接确认书。")
    return CertificateForm(handover, details, open_defect_count(db, handover_id)).render(
        out, progress)
