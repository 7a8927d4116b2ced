"""The key workbook: sheet 钥匙 (the register) and sheet 记录 (every event), each with a frozen
header and a filter."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from models.db import Database
from models.i18n import in_chinese
from models.queries.key_forms import EventInfo, KeyInfo, project_keys, streamed_events
from models.services.projects import project_by_code

from ..progress import Progress
from .writer import ExcelWriter, XlColumn

KEY_COLUMNS = (
    XlColumn("标签号", width=18), XlColumn("房屋", width=14), XlColumn("开启对象", width=20),
    XlColumn("数量", "int", 6), XlColumn("钥匙柜", width=8), XlColumn("格位", width=6),
    XlColumn("状态", width=8), XlColumn("交接编号", "int", 9),
)
EVENT_COLUMNS = (
    XlColumn("标签号", width=18), XlColumn("时间", "datetime"), XlColumn("事件", width=6),
    XlColumn("经办人", width=10), XlColumn("借用人/归还人/接收方", width=16),
    XlColumn("部门", width=10), XlColumn("事由", width=6), XlColumn("事由说明", width=20),
    XlColumn("批准人", width=10), XlColumn("应还时间", "datetime"), XlColumn("业主", width=10),
    XlColumn("封条编号", width=12), XlColumn("状况", width=8), XlColumn("备注", width=30),
)


def key_values(keys: list[KeyInfo]) -> Iterator[list[Any]]:
    for k in keys:
        yield [k.tag, k.unit, k.opens, k.count, k.cabinet, k.slot, k.status.label, k.handover_id]


def event_values(events: Iterator[EventInfo]) -> Iterator[list[Any]]:
    for e in events:
        yield [e.tag, e.at, e.kind.label, e.by, e.person, e.department, e.reason.label, e.reason_text,
               e.approved_by, e.due_at, e.owner, e.seal_no, e.condition, e.note]


@in_chinese
def export_keys(db: Database, project_code: str, out: Path,
                progress: Progress | None = None) -> int:
    """`export keys --project CODE`: the register and its event log; returns keys written."""
    project_id = project_by_code(db, project_code).id
    keys = project_keys(db, project_id)
    with streamed_events(db, project_id) as events, ExcelWriter(out, progress) as xw:
        written = xw.add_table("钥匙", KEY_COLUMNS, key_values(keys), len(keys))
        xw.add_table("记录", EVENT_COLUMNS, event_values(events))
    return written
