"""The audit log (操作日志) as the viewer filters it, to one .xlsx (administrators only)."""
from __future__ import annotations

from pathlib import Path

from models.audit_view import AUDIT, stream_audit
from models.browse import Filters
from models.db import Database
from models.i18n import in_chinese

from ..progress import Progress
from .writer import XlColumn, write_xlsx

SHEET = "操作日志"
WIDTHS = {"detail": 80.0}


def columns() -> list[XlColumn]:
    return [XlColumn(c.title, c.kind, WIDTHS.get(c.key)) for c in AUDIT.columns]


@in_chinese
def export_audit(db: Database, out: Path, filter_text: str = "", filters: Filters | None = None,
                 progress: Progress | None = None) -> int:
    """Every matching row, newest first, streamed from one read into the write-only writer; rows written."""
    with stream_audit(db, filter_text, filters) as (total, rows):  # refuses a non-administrator
        return write_xlsx(out, SHEET, columns(), rows, total=total, progress=progress)
