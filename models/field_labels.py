"""What each stored text field is called at the desk, and how long it may be.

SQLite stores 5,000 characters in a VARCHAR(40) without a word, data that could then never move to
PostgreSQL; PostgreSQL refuses with a DataError after the clerk pressed OK. Every ORM save is checked
against the column's length (models/guards.py) and importers check with `check_text` in their
preview, so an over-long text is a message naming the field, on both backends, before the database.
"""
from __future__ import annotations

from functools import cache

from sqlalchemy import String

from .errors import ValidationError

LABELS: dict[str, dict[str, str]] = {
    "projects": {"code": "项目编码", "name": "项目名称", "address": "地址", "kind": "项目类型",
                 "manager_company": "管理单位"},
    "buildings": {"name": "楼栋"},
    "units": {"number": "房号", "entrance": "单元", "floor": "楼层", "use": "房屋用途", "occupancy": "入住状态"},
    "owners": {"name": "业主姓名或单位名称", "mobile": "联系电话", "other_phones": "其他电话", "id_kind": "证件类型",
               "id_number": "证件号码"},
    "unit_ownerships": {"relation": "关系"},
    "users": {"username": "用户名", "display_name": "姓名"},
    "handovers": {"title": "交接名称", "from_company": "移交方", "from_rep": "移交方代表", "to_company": "接收方",
                  "to_rep": "接收方代表", "witness": "监交方", "witness_rep": "监交方代表"},
    "handover_lists": {"title": "清单名称", "template_code": "模板编码", "signed_from": "移交方签字人",
                       "signed_to": "接收方签字人", "signed_witness": "监交方签字人", "scan_name": "扫描件文件名"},
    "handover_items": {"category": "类别", "name": "名称", "spec": "规格型号", "uom": "单位",
                       "original_or_copy": "原件/复印件", "condition": "状况", "checked_by": "核对人"},
    "list_templates": {"code": "模板编码", "name": "模板名称", "kinds": "适用交接类型"},
    "template_items": {"category": "类别", "name": "名称", "spec": "规格型号", "uom": "单位",
                       "original_or_copy": "原件/复印件"},
    "defects": {"number": "编号", "location": "位置", "category": "类别", "severity": "严重程度",
                "responsible": "责任方", "found_by": "发现人"},
    "defect_photos": {"filename": "照片文件名"},
    "keys": {"tag": "标签号", "opens": "开启对象", "cabinet": "钥匙柜", "slot": "柜格"},
    "key_events": {"person": "借用人/归还人", "department": "部门", "reason": "借用事由", "reason_text": "事由说明",
                   "approved_by": "批准主管", "seal_no": "封条编号", "condition": "钥匙状况"},
    "fee_items": {"code": "项目编码", "name": "收费项目"},
    "tariffs": {"unit_use": "房屋用途"},
    "meter_readings": {"meter_no": "表号", "kind": "表类", "location": "位置"},
    "ledger_lines": {"owner_name": "业主", "receipt_no": "票据号", "remark": "说明", "contact": "联系电话"},
}


def label(table: str, column: str) -> str:
    return LABELS.get(table, {}).get(column, column)


@cache
def _limits(table: str) -> dict[str, int]:
    from .schema import metadata

    t = metadata.tables.get(table)
    if t is None:
        return {}
    return {c.name: c.type.length for c in t.columns if type(c.type) is String and c.type.length}


def text_limit(table: str, column: str) -> int | None:
    """The most characters the column holds, or None for unbounded text."""
    return _limits(table).get(column)


def check_text(table: str, column: str, value: object, where: str = "") -> None:
    """ValidationError naming the field (and `where`, e.g. "第 12 行") when `value` is too long."""
    limit = text_limit(table, column)
    if limit is not None and isinstance(value, str) and len(value) > limit:
        place = f"{where}：" if where else ""
        raise ValidationError(f"{place}「{label(table, column)}」最多 {limit} 个字，现有 {len(value)} 个字；"
                              "请缩短后再保存。")
