"""Owner roster (业主名册) import: preview a clerk's sheet, then write units and owners all-or-nothing."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from ..db import Database
from ..errors import ValidationError
from ..project import OCCUPANCIES, UNIT_USES
from ..rules.idcard import is_valid_id_number
from .preview import SheetPreview, missing_columns
from .roster_write import ImportReport, Progress, write_roster
from .sheet import (
    CellError,
    FieldSpec,
    RowProblem,
    SheetRow,
    cell_text,
    check_places,
    clean_text,
    open_table,
    parse_decimal,
)

__all__ = ["ROSTER_FIELDS", "ImportReport", "RosterPreview", "RosterRow", "import_roster",
           "import_roster_file", "preview_roster", "building_of"]

ROSTER_FIELDS = (
    FieldSpec("number", "房号", ("房间号", "房间编号", "房屋编号", "单元号", "房屋号", "房号编号", "户号",
                                 "房屋坐落", "门牌号"), required=True),
    FieldSpec("owner", "业主姓名", ("业主", "姓名", "客户名称", "客户姓名", "业主名称", "产权人")),
    FieldSpec("mobile", "联系电话", ("手机", "手机号", "手机号码", "电话", "联系方式", "电话号码")),
    FieldSpec("area", "建筑面积", ("面积", "房屋面积", "产权面积")),
    FieldSpec("use", "房屋用途", ("用途", "房屋类型", "物业类型", "类型")),
    FieldSpec("occupancy", "入住状态", ("状态", "房屋状态", "居住状态")),
    FieldSpec("id_number", "身份证号", ("证件号码", "身份证号码", "身份证", "证件号")),
    FieldSpec("building", "楼栋", ("楼号", "楼栋号", "栋号", "楼宇")),
)
LABELS = {f.key: f.label for f in ROSTER_FIELDS}
USE_ALIASES = {"住房": "住宅", "住户": "住宅", "商业": "商铺", "底商": "商铺", "门面": "商铺", "写字楼": "办公",
               "办公室": "办公", "车库": "车位", "停车位": "车位", "地下室": "储藏室", "储物间": "储藏室",
               "储藏间": "储藏室"}
OCCUPANCY_ALIASES = {"入住": "已入住", "已住": "已入住", "自住": "已入住", "出租": "已入住", "空房": "空置",
                     "未入住": "空置", "未住": "空置", "装修": "装修中"}
BUILDING_RE = re.compile(r"\s*([0-9]+|[A-Za-z]+[0-9]*|[一二三四五六七八九十]+)\s*(号楼|栋|幢|座|号院|区)")
MOBILE_RE = re.compile(r"1\d{10}")
Check = Callable[[str, str], None]  # (field key, message): records a problem of the current row


@dataclass(frozen=True)
class RosterRow:
    """A roster row as read; a bad cell keeps its text (`area_text`) so the preview can show it."""

    row: int
    number: str
    building: str
    area: Decimal | None
    area_text: str
    use: str
    occupancy: str
    owner: str
    mobile: str
    id_number: str


@dataclass(frozen=True)
class RosterPreview(SheetPreview[RosterRow]):
    """The roster as read and checked, before anything is written."""

    NOUN: ClassVar[str] = "名册"


def preview_roster(path: str | Path, mapping: Mapping[str, int | None] | None = None,
                   progress: Progress | None = None) -> RosterPreview:
    """Read and check the roster; nothing is written. Raises ValidationError if unreadable."""
    path = Path(path)
    with open_table(path, ROSTER_FIELDS, mapping) as table:
        parsed = [_parse_row(r) for r in table.rows(progress)]
        header, skipped = table.header, tuple(table.skipped)
    rows = tuple(row for row, _ in parsed)
    problems = [p for _, row_problems in parsed for p in row_problems]
    problems += missing_columns(header, ROSTER_FIELDS) + _duplicates(rows)
    problems.sort(key=lambda p: p.row)
    return RosterPreview(path, header, rows, tuple(problems), skipped)


def import_roster(db: Database, project_id: int, preview: RosterPreview,
                  progress: Progress | None = None) -> ImportReport:
    """Write the previewed roster in one transaction, or refuse it whole (ValidationError)."""
    if not preview.ok:
        raise ValidationError(preview.refusal())
    return write_roster(db, project_id, preview.rows, preview.skipped, preview.path.name, progress)


def import_roster_file(db: Database, project_code: str, path: str | Path,
                       mapping: Mapping[str, int | None] | None = None) -> ImportReport:
    """`main.py import roster FILE --project CODE`."""
    from ..services.projects import project_by_code

    project = project_by_code(db, project_code)
    return import_roster(db, project.id, preview_roster(path, mapping))


# ---- one row ------------------------------------------------------------------------------------

def _parse_row(row: SheetRow) -> tuple[RosterRow, list[RowProblem]]:
    problems: list[RowProblem] = []

    def check(key: str, message: str) -> None:
        problems.append(RowProblem(row.row, LABELS[key], message))

    number = clean_text(row.get("number"))
    if not number:
        check("number", "房号不能为空")
    area, area_text = _area(row.get("area"), check)
    use = _choice(row.get("use"), USE_ALIASES, UNIT_USES, _default_use(number), "use", check)
    occupancy = _choice(row.get("occupancy"), OCCUPANCY_ALIASES, OCCUPANCIES, "空置", "occupancy", check)
    owner, mobile, id_number = _owner(row, check)
    building = clean_text(row.get("building")) or building_of(number)
    return RosterRow(row.row, number, building, area, area_text, use, occupancy, owner, mobile,
                     id_number), problems


def _area(value: Any, check: Check) -> tuple[Decimal | None, str]:
    try:
        area = parse_decimal(value)
        if area is None:
            return None, ""
        if area < 0:
            raise CellError(f"“{cell_text(value)}”不能为负数")
        return check_places(area, 2, value), ""
    except CellError as exc:
        check("area", str(exc))
        return None, cell_text(value)


def _choice(value: Any, aliases: dict[str, str], allowed: tuple[str, ...], default: str,
            key: str, check: Check) -> str:
    text = clean_text(value).replace(" ", "")
    if not text:
        return default
    text = aliases.get(text, text)
    if text not in allowed:
        check(key, f"“{text}”无效，应为：{'、'.join(allowed)}")
    return text


def _default_use(number: str) -> str:
    for word, use in (("车位", "车位"), ("储藏", "储藏室"), ("商铺", "商铺")):
        if word in number:
            return use
    return "住宅"


def _owner(row: SheetRow, check: Check) -> tuple[str, str, str]:
    owner = clean_text(row.get("owner"))
    mobile = _mobile(row.get("mobile"), check)
    id_number = clean_text(row.get("id_number")).replace(" ", "").upper()
    if id_number and not is_valid_id_number(id_number):
        check("id_number", f"“{id_number}”不是有效的身份证号（位数或校验码不对）")
    if (mobile or id_number) and not owner:
        check("owner", "有联系电话或身份证号，但业主姓名为空")
    return owner, mobile, id_number


def _mobile(value: Any, check: Check) -> str:
    raw = clean_text(value)
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    if digits and not MOBILE_RE.fullmatch(digits):
        check("mobile", f"“{raw}”不是 11 位手机号")
    return digits


def building_of(number: str) -> str:
    """'1栋1单元101' → '1栋', 'B座-1502' → 'B座', '3号楼502' → '3号楼'; '' when the number names none."""
    match = BUILDING_RE.match(number)
    return (match.group(1).upper() + match.group(2)) if match else ""


# ---- whole sheet ------------------------------------------------------------------------------

def _duplicates(rows: tuple[RosterRow, ...]) -> list[RowProblem]:
    seen: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        if r.number:
            seen[r.number].append(r.row)
    problems = []
    for number, at in seen.items():
        if len(at) > 1:
            where = "、".join(str(n) for n in at)
            problems += [RowProblem(n, LABELS["number"], f"“{number}”在表中重复（第 {where} 行）") for n in at]
    return problems
