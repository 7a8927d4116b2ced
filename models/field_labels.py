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
from .i18n import QT_TRANSLATE_NOOP, translate

LABELS: dict[str, dict[str, str]] = {
    "projects": {"code": QT_TRANSLATE_NOOP("field_labels", "项目编码"), "name": QT_TRANSLATE_NOOP("field_labels", "项目名称"), "address": QT_TRANSLATE_NOOP("field_labels", "地址"), "kind": QT_TRANSLATE_NOOP("field_labels", "项目类型"),
                 "manager_company": QT_TRANSLATE_NOOP("field_labels", "管理单位")},
    "buildings": {"name": QT_TRANSLATE_NOOP("field_labels", "楼栋")},
    "units": {"number": QT_TRANSLATE_NOOP("field_labels", "房号"), "entrance": QT_TRANSLATE_NOOP("field_labels", "单元"), "floor": QT_TRANSLATE_NOOP("field_labels", "楼层"), "use": QT_TRANSLATE_NOOP("field_labels", "房屋用途"), "occupancy": QT_TRANSLATE_NOOP("field_labels", "入住状态")},
    "owners": {"name": QT_TRANSLATE_NOOP("field_labels", "业主姓名或单位名称"), "mobile": QT_TRANSLATE_NOOP("field_labels", "联系电话"), "other_phones": QT_TRANSLATE_NOOP("field_labels", "其他电话"), "id_kind": QT_TRANSLATE_NOOP("field_labels", "证件类型"),
               "id_number": QT_TRANSLATE_NOOP("field_labels", "证件号码")},
    "unit_ownerships": {"relation": QT_TRANSLATE_NOOP("field_labels", "关系")},
    "users": {"username": QT_TRANSLATE_NOOP("field_labels", "用户名"), "display_name": QT_TRANSLATE_NOOP("field_labels", "姓名")},
    "handovers": {"title": QT_TRANSLATE_NOOP("field_labels", "交接名称"), "from_company": QT_TRANSLATE_NOOP("field_labels", "移交方"), "from_rep": QT_TRANSLATE_NOOP("field_labels", "移交方代表"), "to_company": QT_TRANSLATE_NOOP("field_labels", "接收方"),
                  "to_rep": QT_TRANSLATE_NOOP("field_labels", "接收方代表"), "witness": QT_TRANSLATE_NOOP("field_labels", "监交方"), "witness_rep": QT_TRANSLATE_NOOP("field_labels", "监交方代表")},
    "handover_lists": {"title": QT_TRANSLATE_NOOP("field_labels", "清单名称"), "template_code": QT_TRANSLATE_NOOP("field_labels", "模板编码"), "signed_from": QT_TRANSLATE_NOOP("field_labels", "移交方签字人"),
                       "signed_to": QT_TRANSLATE_NOOP("field_labels", "接收方签字人"), "signed_witness": QT_TRANSLATE_NOOP("field_labels", "监交方签字人"), "scan_name": QT_TRANSLATE_NOOP("field_labels", "扫描件文件名")},
    "handover_items": {"category": QT_TRANSLATE_NOOP("field_labels", "类别"), "name": QT_TRANSLATE_NOOP("field_labels", "名称"), "spec": QT_TRANSLATE_NOOP("field_labels", "规格型号"), "uom": QT_TRANSLATE_NOOP("field_labels", "单位"),
                       "original_or_copy": QT_TRANSLATE_NOOP("field_labels", "原件/复印件"), "condition": QT_TRANSLATE_NOOP("field_labels", "状况"), "checked_by": QT_TRANSLATE_NOOP("field_labels", "核对人")},
    "list_templates": {"code": QT_TRANSLATE_NOOP("field_labels", "模板编码"), "name": QT_TRANSLATE_NOOP("field_labels", "模板名称"), "kinds": QT_TRANSLATE_NOOP("field_labels", "适用交接类型")},
    "template_items": {"category": QT_TRANSLATE_NOOP("field_labels", "类别"), "name": QT_TRANSLATE_NOOP("field_labels", "名称"), "spec": QT_TRANSLATE_NOOP("field_labels", "规格型号"), "uom": QT_TRANSLATE_NOOP("field_labels", "单位"),
                       "original_or_copy": QT_TRANSLATE_NOOP("field_labels", "原件/复印件")},
    "defects": {"number": QT_TRANSLATE_NOOP("field_labels", "编号"), "location": QT_TRANSLATE_NOOP("field_labels", "位置"), "category": QT_TRANSLATE_NOOP("field_labels", "类别"), "severity": QT_TRANSLATE_NOOP("field_labels", "严重程度"),
                "responsible": QT_TRANSLATE_NOOP("field_labels", "责任方"), "found_by": QT_TRANSLATE_NOOP("field_labels", "发现人")},
    "defect_photos": {"filename": QT_TRANSLATE_NOOP("field_labels", "照片文件名")},
    "keys": {"tag": QT_TRANSLATE_NOOP("field_labels", "标签号"), "opens": QT_TRANSLATE_NOOP("field_labels", "开启对象"), "cabinet": QT_TRANSLATE_NOOP("field_labels", "钥匙柜"), "slot": QT_TRANSLATE_NOOP("field_labels", "柜格")},
    "key_events": {"person": QT_TRANSLATE_NOOP("field_labels", "借用人/归还人"), "department": QT_TRANSLATE_NOOP("field_labels", "部门"), "reason": QT_TRANSLATE_NOOP("field_labels", "借用事由"), "reason_text": QT_TRANSLATE_NOOP("field_labels", "事由说明"),
                   "approved_by": QT_TRANSLATE_NOOP("field_labels", "批准主管"), "seal_no": QT_TRANSLATE_NOOP("field_labels", "封条编号"), "condition": QT_TRANSLATE_NOOP("field_labels", "钥匙状况")},
    "fee_items": {"code": QT_TRANSLATE_NOOP("field_labels", "项目编码"), "name": QT_TRANSLATE_NOOP("field_labels", "收费项目")},
    "tariffs": {"unit_use": QT_TRANSLATE_NOOP("field_labels", "房屋用途")},
    "meter_readings": {"meter_no": QT_TRANSLATE_NOOP("field_labels", "表号"), "kind": QT_TRANSLATE_NOOP("field_labels", "表类"), "location": QT_TRANSLATE_NOOP("field_labels", "位置")},
    "ledger_lines": {"owner_name": QT_TRANSLATE_NOOP("field_labels", "业主"), "receipt_no": QT_TRANSLATE_NOOP("field_labels", "票据号"), "remark": QT_TRANSLATE_NOOP("field_labels", "说明"), "contact": QT_TRANSLATE_NOOP("field_labels", "联系电话")},
}


def label(table: str, column: str) -> str:
    """The field's name in the chosen language (the column's own name when it has none)."""
    text = LABELS.get(table, {}).get(column)
    return translate("field_labels", text) if text else column


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
        raise ValidationError(translate("field_labels", "{place}「{field}」最多 {limit} 个字，现有 {length} 个字；请缩短后再保存。").format(
            place=place, field=label(table, column), limit=limit, length=len(value)))
