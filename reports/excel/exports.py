"""`export TAB`: which workbook each tab exports, by project or by handover."""
from __future__ import annotations

from pathlib import Path

from models.db import Database
from models.i18n import in_chinese
from models.services.fee_results import fee_results
from models.services.reconcile import iter_differences

from ..progress import Progress
from .defect_export import export_defects
from .fee_export import export_fee_workbook
from .handover_export import export_by_handover
from .key_export import export_keys
from .tab_export import export_tab


@in_chinese
def export_for(db: Database, tab: str, out: Path, project_code: str | None = None,
               handover_id: int | None = None, progress: Progress | None = None) -> int:
    """The defect register has its own workbook (with the status history); the handover tab by
    handover is the handover workbook; anything else is the tab's table."""
    if tab == "defects":
        return export_defects(db, out, project_code, handover_id, progress=progress)
    if tab == "keys" and project_code is not None:
        return export_keys(db, project_code, out, progress)  # the register and its event log
    if tab == "fees" and handover_id is not None:
        return export_fees(db, handover_id, out, progress)  # the accountant's workbook
    if handover_id is not None:
        return export_by_handover(db, tab, handover_id, out, progress=progress)
    assert project_code is not None  # argparse requires one of the two
    return export_tab(db, tab, project_code, out, progress)


@in_chinese
def export_fees(db: Database, handover_id: int, out: Path,
                progress: Progress | None = None) -> int:
    """`export fees --handover ID`: the accountant's workbook (汇总 as formulas over the detail
    sheets); returns the detail rows written."""
    results = fee_results(db, handover_id, progress)
    return export_fee_workbook(results, iter_differences(db, handover_id), out, progress)
