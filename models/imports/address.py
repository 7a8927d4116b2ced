"""A unit's address as sheets write it: one 房号 column, or 楼栋 | 单元 | 房号 split over three.

Every importer that names units (roster, ledger, key sheet) reads the same columns the same way:
`ADDRESS_FIELDS` are the field specs, `read_address` joins a row's parts into one number
(rules/unit_match.compose_address) and `address_note` tells the clerk how the columns were joined.
"""
from __future__ import annotations

from collections.abc import Callable

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..rules.unit_match import Composed, compose_address
from .sheet import FieldSpec, Header, SheetRow, stored_text

# What the number column is called; 单元号 comes last: beside a 房号 column it is the 单元.
NUMBER_NAMES = ("房间号", "房间", "房间编号", "房屋编号", "房屋号", "房号编号", "户号", "门牌号", "室号",
                "房屋坐落", "铺位", "铺位号", "物业编号", "新单元号", "房屋编码", "房屋名称", "房号名称",
                "单元房号", "房屋", "单元号")
BUILDING_FIELD = FieldSpec("building", QT_TRANSLATE_NOOP("imports", "楼栋"), ("楼号", "楼栋号", "栋号", "楼宇", "楼栋名称", "楼阁名称",
                                               "楼栋编号", "幢号", "楼座", "座号", "楼宇名称", "所属楼栋", "楼"))
ENTRANCE_FIELD = FieldSpec("entrance", QT_TRANSLATE_NOOP("imports", "单元"), ("单元名称", "单元编号", "所属单元", "单元号"))
Check = Callable[[str, str], None]  # (field key, message)


def read_address(row: SheetRow, number_key: str, check: Check) -> Composed:
    """The row's unit number, joined from 楼栋/单元/房号 where the sheet splits them."""
    composed = compose_address(stored_text(row.get("building")), stored_text(row.get("entrance")),
                               stored_text(row.get(number_key)))
    if composed.problem:
        check(number_key, composed.problem)
    return composed


def address_note(header: Header, number_label: str = "房号") -> str:
    """How the split columns were read, for the preview's notes ('' when the sheet has one column)."""
    split = [k for k in ("building", "entrance") if k in header.columns]
    if not split:
        return ""
    names = "".join(f"「{header.labels[header.columns[k]] or k}」" for k in (*split,))
    example = "1栋2单元0101" if len(split) == 2 else "1栋0101"
    return (translate("imports", "{names}与「{number_label}」合成一个房号（如 {example}）；同一房号在不同楼栋、单元不算重复，"
                                 "“1-2-101”“1栋2单元0101”等写法对应同一户").format(names=names, number_label=number_label, example=example))
