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
from ..rules.numbers import AREA
from .preview import SheetPreview, sheet_problems
from .roster_write import ImportReport, Progress, unit_key, write_roster
from .sheet import (
    CellError,
    FieldSpec,
    RowProblem,
    SheetRow,
    cell_text,
    clean_text,
    number_cell,
    open_table,
    stored_text,
)
from .text_limits import too_long
from .totals import total_mismatches

__all__ = [
    "ROSTER_FIELDS",
    "ImportReport",
    "RosterPreview",
    "RosterRow",
    "building_of",
    "import_roster",
    "import_roster_file",
    "preview_roster",
]

ROSTER_FIELDS = (
    FieldSpec("number", "房号", ("房间号", "房间编号", "房屋编号", "单元号", "房屋号", "房号编号", "户号",
                                 "房屋坐落", "门牌号", "室号", "铺位", "铺位号", "物业编号", "新单元号",
                                 "房屋编码"), required=True),
    FieldSpec("owner", "业主姓名", ("业主", "姓名", "客户名称", "客户姓名", "业主名称", "产权人", "客户", "户主")),
    FieldSpec("mobile", "联系电话", ("手机", "手机号", "手机号码", "电话", "联系方式", "电话号码", "业主电话",
                                     "联系手机")),
    FieldSpec("area", "建筑面积", ("面积", "房屋面积", "产权面积")),
    FieldSpec("use", "房屋用途", ("用途", "房屋类型", "物业类型", "类型")),
    FieldSpec("occupancy", "入住状态", ("状态", "房屋状态", "居住状态")),
    FieldSpec("id_number", "身份证号", ("证件号码", "身份证号码", "身份证", "证件号")),
    FieldSpec("building", "楼栋", ("楼号", "楼栋号", "栋号", "楼宇", "楼栋名称", "楼阁名称")),
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


@dataclass(frozen=True, slots=True)  # hundreds of thousands of them: no __dict__ each
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
    problems: list[RowProblem] = []
    with open_table(path, ROSTER_FIELDS, mapping) as table:
        rows = tuple(_parse_row(r, problems) for r in table.rows(progress))
        found = sheet_problems(table, ROSTER_FIELDS, problems, _duplicates(rows))
        mismatches = total_mismatches(table.totals, ((r.row, {"area": r.area}) for r in rows),
                                      {"area": LABELS["area"]}, {p.row for p in found})
        return RosterPreview(path, table.header, rows, found, tuple(table.skipped), mismatches,
                             tuple(table.above))


def import_roster(db: Database, project_id: int, preview: RosterPreview,
                  progress: Progress | None = None) -> ImportReport:
    """Write the previewed roster in one transaction, or refuse it whole (ValidationError)."""
    if not preview.ok:
        raise ValidationError(preview.refusal())
    return write_roster(db, project_id, preview.rows, preview.skipped, preview.path.name, progress,
                        preview.notes)


def import_roster_file(db: Database, project_code: str, path: str | Path,
                       mapping: Mapping[str, int | None] | None = None) -> ImportReport:
    """`main.py import roster FILE --project CODE`."""
    from ..services.projects import project_by_code

    project = project_by_code(db, project_code)
    return import_roster(db, project.id, preview_roster(path, mapping))


# ---- one row ------------------------------------------------------------------------------------

# (field key, table, column) of each text stored as the sheet writes it
STORED = (("number", "units", "number"), ("building", "buildings", "name"), ("owner", "owners", "name"))


def _parse_row(row: SheetRow, problems: list[RowProblem]) -> RosterRow:
    def check(key: str, message: str) -> None:
        problems.append(RowProblem(row.row, LABELS[key], message))

    number = stored_text(row.get("number"))
    if not number:
        check("number", "房号不能为空")
    area, area_text = _area(row.get("area"), check)
    use = _choice(row.get("use"), USE_ALIASES, UNIT_USES, _default_use(number), "use", check)
    occupancy = _choice(row.get("occupancy"), OCCUPANCY_ALIASES, OCCUPANCIES, "空置", "occupancy", check)
    owner, mobile, id_number = _owner(row, check)
    building = stored_text(row.get("building")) or building_of(clean_text(number))
    texts = {"number": number, "building": building, "owner": owner}
    for key, table, column in STORED:
        message = too_long(table, column, texts[key])
        if message:
            check(key, message)
    return RosterRow(row.row, number, building, area, area_text, use, occupancy, owner, mobile, id_number)


def _area(value: Any, check: Check) -> tuple[Decimal | None, str]:
    """建筑面积 by the shared rules (AREA); "-" written for an unknown area is no area."""
    if clean_text(value) in ("-", "--", "—", "/"):
        return None, ""
    try:
        return number_cell(value, LABELS["area"], AREA), ""
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
    owner = stored_text(row.get("owner"))
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
    digits = digits.removeprefix("+86")
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
            seen[unit_key(r.number)].append(r.row)
    numbers = {r.row: r.number for r in rows}
    problems = []
    for at in seen.values():
        if len(at) > 1:
            where = "、".join(str(n) for n in at)
            problems += [RowProblem(n, LABELS["number"], f"“{numbers[n]}”在表中重复（第 {where} 行）") for n in at]
    return problems
