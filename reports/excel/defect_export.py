"""The defect workbook: sheet 遗留问题 (every defect, overdue days as numbers) and sheet
状态记录 (every status change), each with a frozen header and a filter."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.db import Database
from models.errors import ValidationError
from models.i18n import in_chinese, translate
from models.queries.defect_forms import defect_workbook_rows
from models.services.handovers import get_handover
from models.services.projects import project_by_code

from ..progress import Progress
from .writer import ExcelWriter, XlColumn

DEFECT_COLUMNS = (
    XlColumn("编号", width=14), XlColumn("交接编号", "int", 9), XlColumn("位置", width=18),
    XlColumn("类别", width=11), XlColumn("严重程度", width=9), XlColumn("责任方", width=9),
    XlColumn("问题描述", width=48), XlColumn("发现时间", "datetime"), XlColumn("发现人", width=10),
    XlColumn("通知时间", "datetime"), XlColumn("整改期限", "date"), XlColumn("状态", width=9),
    XlColumn("复验不合格次数", "int", 15), XlColumn("逾期天数", "int", 10),
    XlColumn("关闭时间", "datetime"), XlColumn("照片数", "int", 8),
    XlColumn("无法整改说明", width=30),
)
HISTORY_COLUMNS = (
    XlColumn("编号", width=14), XlColumn("时间", "datetime"), XlColumn("操作人", width=10),
    XlColumn("原状态", width=10), XlColumn("新状态", width=10), XlColumn("说明", width=48),
)


@in_chinese
def write_defect_workbook(db: Database, project_id: int, out: Path,
                          handover_id: int | None = None, now: dt.datetime | None = None,
                          progress: Progress | None = None) -> int:
    """Stream the project's (or one handover's) defects and their history; returns defects."""
    when = now or dt.datetime.now()
    with defect_workbook_rows(db, project_id, handover_id, when) as rows, ExcelWriter(out, progress) as xw:
        total = rows.defects + rows.changes
        written = xw.add_table("遗留问题", DEFECT_COLUMNS, rows.defect_rows, total)
        xw.add_table("状态记录", HISTORY_COLUMNS, rows.change_rows, total)
    return written


@in_chinese
def export_defects(db: Database, out: Path, project_code: str | None = None,
                   handover_id: int | None = None, now: dt.datetime | None = None,
                   progress: Progress | None = None) -> int:
    """`export defects --project CODE` or `--handover ID` (that handover's defects only)."""
    if handover_id is not None:
        project_id = get_handover(db, handover_id).project_id
    elif project_code:
        project_id = project_by_code(db, project_code).id
    else:
        raise ValidationError(translate("defects", "请指定项目编码或交接编号。"))
    return write_defect_workbook(db, project_id, out, handover_id, now, progress)
