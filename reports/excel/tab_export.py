"""Export what a tab's table shows (all matching rows, not just the loaded page) to .xlsx."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models import browse
from models.browse import Filters
from models.db import Database
from models.errors import ValidationError
from models.i18n import in_chinese
from models.services.projects import project_by_code

from ..progress import Progress
from .writer import FORMATS, XlColumn, write_xlsx

SHEET_NAMES = {"handover": "交接清单", "defects": "遗留问题", "keys": "钥匙管理", "fees": "费用对账",
               "fee_differences": "对账差异"}


def xl_columns(columns: Sequence[Any]) -> list[XlColumn]:
    """The tab's columns as the writer declares them."""
    return [XlColumn(c.title, c.kind if c.kind in FORMATS else "text") for c in columns]


def table_spec(tab: str) -> Any:
    try:
        return browse.TABLES[tab]
    except KeyError:
        names = "、".join(browse.TABLES)
        raise ValidationError(f"没有名为“{tab}”的表格，可选：{names}。") from None


@in_chinese
def export_tab(db: Database, tab: str, project_code: str, out: Path,
               progress: Progress | None = None, *, handover_id: int | None = None,
               filter_text: str = "", filters: Filters | None = None) -> int:
    """Every row of the tab for the project (and handover, and filter) → out; returns rows written.

    Rows stream from one read session through the write-only writer, so the
    1,200,000-line fee ledger never sits in memory (and continues on sheet (2)).
    """
    spec = table_spec(tab)
    project = project_by_code(db, project_code)
    columns = xl_columns(spec.columns)
    totals = any(c.summed for c in columns)
    with browse.stream_table(db, spec, project.id, handover_id, filter_text, filters) as (total, rows):
        return write_xlsx(out, SHEET_NAMES.get(tab, tab), columns, rows, total=total,
                          totals=totals, progress=progress)
