"""Handover checklist (交接清单) import: preview a clerk's sheet, then write one draft list all-or-nothing."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from ..db import Database
from ..errors import ValidationError
from ..handover import Handover, HandoverItem, HandoverList
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..services.common import get
from .address import BUILDING_FIELD, ENTRANCE_FIELD, NUMBER_NAMES
from .checklist_parse import (
    DEFAULT_CATEGORY,
    UNIT_KEYS,
    ChecklistReader,
    ChecklistRow,
)
from .preview import SheetPreview, sheet_problems
from .sheet import FieldSpec, Progress, SkippedRow, open_table
from .totals import total_mismatches

__all__ = ["CHECKLIST_FIELDS", "DEFAULT_CATEGORY", "TEMPLATE_CODE", "ChecklistPreview", "ChecklistRow",
           "ImportedList", "import_checklist", "import_checklist_file", "preview_checklist"]

TEMPLATE_CODE = "IMPORT"
TITLE_LIMIT = 100
CHUNK = 500  # items flushed (and audited) together, then let go
# The order matters twice: a column goes to the first field that names it, and the
# "no header" message quotes the first four labels.
CHECKLIST_FIELDS = (
    FieldSpec("name", QT_TRANSLATE_NOOP("imports", "名称"), ("资料名称", "项目名称", "设备名称", "物品名称", "内容", "资料内容", "文件名称",
                               "设施设备名称", "设备设施名称", "档案名称", "名称及内容", "移交内容", "移交资料名称",
                               "钥匙名称", "设施名称"),
              required=True),
    FieldSpec("quantity", QT_TRANSLATE_NOOP("imports", "数量"), ("份数", "应交数量", "移交数量", "件数", "套数", "册数", "应交", "数量合计")),
    FieldSpec("category", QT_TRANSLATE_NOOP("imports", "类别"), ("分类", "资料类别", "类型", "大类", "资料分类", "类别名称")),
    FieldSpec("uom", QT_TRANSLATE_NOOP("imports", "单位"), ("计量单位", "单位名称")),
    FieldSpec("seq", QT_TRANSLATE_NOOP("imports", "序号"), ("编号", "序", "no", "no.", "项次"),
              not_stored="序号不导入，条目按表中顺序重新编号（用于识别“一、二、”等类别行）"),
    FieldSpec("spec", QT_TRANSLATE_NOOP("imports", "规格"), ("型号", "规格型号", "规格及型号", "型号规格", "品牌型号")),
    FieldSpec("form", QT_TRANSLATE_NOOP("imports", "原件/复印件"), ("原件或复印件", "资料形式", "原件/复印", "原/复", "原件复印件", "原件、复印件",
                                      "形式", "原件/复印件/扫描件")),
    # Two tick columns (√ under 原件 or 复印件); the bracket is only for the dialog: headers drop brackets.
    FieldSpec("original", QT_TRANSLATE_NOOP("imports", "原件（勾选列）"), ("原件", "原件份数", "原件数")),
    FieldSpec("copy", QT_TRANSLATE_NOOP("imports", "复印件（勾选列）"), ("复印件", "复印件份数", "复印件数", "复印")),
    FieldSpec("pages", QT_TRANSLATE_NOOP("imports", "页数"), ("张数", "页码数", "总页数")),
    FieldSpec("remarks", QT_TRANSLATE_NOOP("imports", "备注"), ("说明", "备注说明", "情况说明")),
    # A list by unit (钥匙, 户内设施): 楼栋 | 单元 | 房号 name the unit, written before the item's name.
    FieldSpec("unit", QT_TRANSLATE_NOOP("imports", "房号"), NUMBER_NAMES),
    BUILDING_FIELD,
    ENTRANCE_FIELD,
)
LABELS = {f.key: f.label for f in CHECKLIST_FIELDS}


@dataclass(frozen=True)
class ChecklistPreview(SheetPreview[ChecklistRow]):
    """The checklist as read and checked; `title` is the sheet's title row ('' if none)."""

    NOUN: ClassVar[str] = "清单"

    title: str = ""
    row_notes: tuple[str, ...] = ()  # quantities written in words (一套, 约420, 若干): what was taken

    @property
    def notes(self) -> tuple[str, ...]:
        joined = ("「楼栋」「单元」「房号」合成房号，写在名称之前（如“1栋2单元0101 防盗门钥匙”）"
                  if UNIT_KEYS & set(self.header.columns) else "")
        return (*super().notes, *([joined] if joined else []), *self.row_notes)

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories in the order they first appear."""
        return tuple(dict.fromkeys(r.category for r in self.rows))

    @property
    def default_title(self) -> str:
        """The sheet's title row, else the file name without its extension."""
        return (self.title or self.path.stem)[:TITLE_LIMIT]


@dataclass(frozen=True)
class ImportedList:
    """What the import created, in numbers the clerk can check against the sheet."""

    list_id: int
    title: str
    items: int
    categories: int
    file_name: str
    skipped: tuple[SkippedRow, ...] = ()
    notes: tuple[str, ...] = ()  # columns not imported, total rows that disagree with their lines

    def summary(self) -> str:
        text = f"已创建清单“{self.title}”：{self.categories} 类 {self.items} 项"
        if self.skipped:
            counts = Counter(s.reason for s in self.skipped)
            text += "；跳过 " + "、".join(f"{reason} {n} 行" for reason, n in counts.items())
        if self.notes:
            text += "；" + "；".join(self.notes)
        return text


def preview_checklist(path: str | Path, mapping: Mapping[str, int | None] | None = None,
                      progress: Progress | None = None) -> ChecklistPreview:
    """Read and check the sheet; nothing is written. ValidationError if unreadable or headerless."""
    path = Path(path)
    with open_table(path, CHECKLIST_FIELDS, mapping) as table:
        reader = ChecklistReader(table.header.columns, LABELS)
        items = tuple(item for row in table.rows(progress) if (item := reader.read(row)) is not None)
        skipped = sorted([*table.skipped, *reader.skipped], key=lambda s: s.row)
        problems = sheet_problems(table, CHECKLIST_FIELDS, reader.problems)
        bad = {p.row for p in problems}
        mismatches = total_mismatches(table.totals, ((r.row, _summed(r, bad)) for r in items),
                                      {"quantity": LABELS["quantity"], "pages": LABELS["pages"]})
        title = table.above[0][1][:TITLE_LIMIT] if table.above else ""
        return ChecklistPreview(path, table.header, items, problems, tuple(skipped), mismatches, tuple(table.above),
                                title=title, row_notes=tuple(reader.notes))


def _summed(row: ChecklistRow, bad: set[int]) -> dict[str, Decimal | None]:
    """What a line adds to a 合计 row; nothing is said where the row has a problem."""
    if row.row in bad:
        return {"quantity": None, "pages": None}
    quantity = Decimal(row.expected_qty) if row.qty_known else None  # 若干: no number to add up
    return {"quantity": quantity, "pages": Decimal(row.pages or 0)}


def import_checklist(db: Database, handover_id: int, title: str, preview: ChecklistPreview) -> ImportedList:
    """Create a draft list with every previewed item in one transaction, or refuse it whole."""
    title = _checked_title(title)
    if not preview.ok:
        raise ValidationError(preview.refusal())
    with db.begin() as s:
        get(s, Handover, handover_id)
        checklist = HandoverList(handover_id=handover_id, title=title, template_code=TEMPLATE_CODE)
        s.add(checklist)
        s.flush()
        list_id = checklist.id
        for seq, row in enumerate(preview.rows, start=1):
            s.add(_item(list_id, seq, row))
            if seq % CHUNK == 0:  # 200,000 items as live objects would take gigabytes
                s.flush()
                s.expunge_all()
        s.flush()
        imported = ImportedList(list_id, title, len(preview.rows), len(preview.categories), preview.path.name,
                                preview.skipped, preview.notes)
    db.refresh_statistics(HandoverItem.__tablename__)
    return imported


def import_checklist_file(db: Database, handover_id: int, path: str | Path, title: str | None = None,
                          mapping: Mapping[str, int | None] | None = None) -> ImportedList:
    """Preview and import in one call (the command line); `title` defaults to the sheet's title."""
    preview = preview_checklist(path, mapping)
    return import_checklist(db, handover_id, title or preview.default_title, preview)


def _checked_title(title: str) -> str:
    title = title.strip()  # as the sheet's title row or the clerk writes it: （） stay （）
    if not title:
        raise ValidationError(translate("imports", "清单名称不能为空。"))
    if len(title) > TITLE_LIMIT:
        raise ValidationError(translate("imports", "清单名称不能超过 {limit} 个字。").format(limit=TITLE_LIMIT))
    return title


def _item(list_id: int, seq: int, row: ChecklistRow) -> HandoverItem:
    return HandoverItem(list_id=list_id, seq=seq, category=row.category, name=row.name, spec=row.spec, uom=row.uom,
                        expected_qty=row.expected_qty, original_or_copy=row.original_or_copy,
                        pages=row.pages, remarks=row.remarks)
