"""Owner roster (业主名册) import: preview a clerk's sheet, then write units and owners all-or-nothing."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from ..base import now
from ..db import Database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..labels import LABELS as WORDS
from ..labels import Coded
from ..project import Occupancy, UnitUse
from ..rules.identity import is_no_phone
from ..rules.numbers import AREA, AREA_SURVEYED, round_to_kind
from ..rules.unit_match import unit_identity
from ..rules.unit_number import read_floor
from .address import BUILDING_FIELD, ENTRANCE_FIELD, NUMBER_NAMES, address_note, read_address
from .places import place, places
from .preview import SheetPreview, sheet_problems
from .roster_owners import JOIN, RosterOwner, read_owners
from .roster_write import ImportReport, Progress, write_roster
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
from .value_map import UnknownValues, ValueMap, ValueReader, parse_value_options

__all__ = [
    "ROSTER_FIELDS",
    "ImportReport",
    "RosterOwner",
    "RosterPreview",
    "RosterRow",
    "building_of",
    "import_roster",
    "import_roster_file",
    "preview_roster",
]

ROSTER_FIELDS = (
    FieldSpec("number", QT_TRANSLATE_NOOP("imports", "房号"), NUMBER_NAMES, required=True),
    FieldSpec("owner", QT_TRANSLATE_NOOP("imports", "业主姓名"), ("业主", "姓名", "客户名称", "客户姓名", "业主名称", "产权人", "客户", "户主")),
    FieldSpec("mobile", QT_TRANSLATE_NOOP("imports", "联系电话"), ("手机", "手机号", "手机号码", "电话", "联系方式", "电话号码", "业主电话",
                                     "联系手机")),
    FieldSpec("area", QT_TRANSLATE_NOOP("imports", "建筑面积"), ("面积", "房屋面积", "产权面积")),
    FieldSpec("use", QT_TRANSLATE_NOOP("imports", "房屋用途"), ("用途", "房屋类型", "物业类型", "类型")),
    FieldSpec("occupancy", QT_TRANSLATE_NOOP("imports", "入住状态"), ("状态", "房屋状态", "居住状态")),
    FieldSpec("id_number", QT_TRANSLATE_NOOP("imports", "身份证号"), ("证件号码", "身份证号码", "身份证", "证件号")),
    FieldSpec("id_kind", QT_TRANSLATE_NOOP("imports", "证件类型"), ("证件名称", "证件种类")),
    BUILDING_FIELD,
    ENTRANCE_FIELD,
    FieldSpec("floor", QT_TRANSLATE_NOOP("imports", "楼层"), ("所在楼层", "所在层", "层次", "房屋楼层", "楼层号")),
)
LABELS = {f.key: f.label for f in ROSTER_FIELDS}
USE_ALIASES = {"住房": "住宅", "住户": "住宅", "商业": "商铺", "底商": "商铺", "门面": "商铺", "写字楼": "办公",
               "办公室": "办公", "车库": "车位", "停车位": "车位", "地下室": "储藏室", "储物间": "储藏室",
               "储藏间": "储藏室"}
OCCUPANCY_ALIASES = {"入住": "已入住", "已住": "已入住", "自住": "已入住", "出租": "已入住", "空房": "空置",
                     "未入住": "空置", "未住": "空置", "装修": "装修中"}
BUILDING_RE = re.compile(r"\s*([0-9]+|[A-Za-z]+[0-9]*|[一二三四五六七八九十]+)\s*(号楼|栋|幢|座|号院|区)")
# The fields a value map may translate, with the words a sheet writes for each member (the Chinese labels,
# whatever the desk's language: a value map and a --value option hold them); _choice turns them into members.
CHOICES = {"use": tuple(WORDS["UnitUse"].values()), "occupancy": tuple(WORDS["Occupancy"].values())}
CHOICE_ENUMS: dict[str, type[Coded]] = {"use": UnitUse, "occupancy": Occupancy}
VALUE_CHOICES = {key: (LABELS[key], words) for key, words in CHOICES.items()}  # for the 对应取值 dialog
ROUNDED_LISTED = 20  # rows named one by one in the notes; more are counted
Check = Callable[[str, str], None]  # (field key, message): records a problem of the current row


@dataclass(frozen=True, slots=True)  # hundreds of thousands of them: no __dict__ each
class RosterRow:
    """A roster row as read; a bad cell keeps its text (`area_text`) so the preview can show it."""

    row: int
    number: str
    building: str
    area: Decimal | None
    area_text: str
    use: UnitUse | str  # the member; the text as written when it names none (the row has a problem)
    occupancy: Occupancy | str  # likewise
    owner: str
    mobile: str
    id_number: str
    entrance: str = ""  # 单元 as a number ("2"), from its column or the number; "" when nothing names one
    # The owners of the unit (co-owners "王芳、李强" are two), phones and ID numbers paired to each;
    # `owner`, `mobile`, `id_number` above are the row's cells for the preview (phones and IDs joined by "、").
    owners: tuple[RosterOwner, ...] = ()
    floor: str = ""  # from its column ("12层" is 12); "" leaves it to the number (1201 → 12)


@dataclass(frozen=True)
class RosterPreview(SheetPreview[RosterRow]):
    """The roster as read and checked, before anything is written."""

    NOUN: ClassVar[str] = "名册"

    row_notes: tuple[str, ...] = ()  # areas rounded, "无" read as no phone, co-owners' phones, values mapped
    unknown: tuple[UnknownValues, ...] = ()  # written values of 房屋用途/入住状态 no word matches

    @property
    def notes(self) -> tuple[str, ...]:
        joined = address_note(self.header)
        return (*super().notes, *([joined] if joined else []), *self.row_notes)


def preview_roster(path: str | Path, mapping: Mapping[str, int | None] | None = None,
                   progress: Progress | None = None, values: ValueMap | None = None) -> RosterPreview:
    """Read and check the roster; nothing is written. Raises ValidationError if unreadable.

    `values` maps a sheet's own codes of 房屋用途/入住状态 to words ({"use": {"110": "住宅"}}).
    """
    path = Path(path)
    problems: list[RowProblem] = []
    reading = _Reading(ValueReader(values or {}, CHOICES, LABELS), now().date())
    with open_table(path, ROSTER_FIELDS, mapping) as table:
        rows = _owners_row_by_row(tuple(_parse_row(r, problems, reading) for r in table.rows(progress)), reading)
        found = sheet_problems(table, ROSTER_FIELDS, problems, _duplicates(rows))
        mismatches = total_mismatches(table.totals, ((r.row, {"area": r.area}) for r in rows),
                                      {"area": LABELS["area"]}, {p.row for p in found})
        return RosterPreview(path, table.header, rows, found, tuple(table.skipped), mismatches,
                             tuple(table.above), reading.all_notes(), reading.choices.unknown())


def import_roster(db: Database, project_id: int, preview: RosterPreview,
                  progress: Progress | None = None) -> ImportReport:
    """Write the previewed roster in one transaction, or refuse it whole (ValidationError)."""
    if not preview.ok:
        raise ValidationError(preview.refusal())
    return write_roster(db, project_id, preview.rows, preview.skipped, preview.path.name, progress,
                        preview.notes)


def import_roster_file(db: Database, project_code: str, path: str | Path,
                       mapping: Mapping[str, int | None] | None = None,
                       values: ValueMap | None = None) -> ImportReport:
    """`main.py import roster FILE --project CODE [--value 房屋用途:110=住宅]`."""
    from ..services.projects import project_by_code

    project = project_by_code(db, project_code)
    return import_roster(db, project.id, preview_roster(path, mapping, values=values))


def value_options(options: list[str]) -> dict[str, dict[str, str]]:
    """The command line's `--value 房屋用途:110=住宅` options as a value map for preview_roster."""
    return parse_value_options(options, ROSTER_FIELDS, CHOICES)


# ---- one row ------------------------------------------------------------------------------------

# (field key, table, column) of each text stored as the sheet writes it
STORED = (("number", "units", "number"), ("building", "buildings", "name"), ("owner", "owners", "name"))


@dataclass
class _Reading:
    """What reading the rows gathers besides the rows: notes, areas rounded, the choice fields' values."""

    choices: ValueReader
    today: dt.date
    notes: list[str] = field(default_factory=list)
    rounded: list[str] = field(default_factory=list)

    def all_notes(self) -> tuple[str, ...]:
        """A few of each kind row by row, the rest counted: a 200,000-row export with "无" in every
        phone cell must not make the report (and its audit row) 200,000 lines long."""
        return (*_listed(self.rounded, "行建筑面积同样四舍五入到 2 位小数导入"),
                *_listed(self.notes, "条同类提示（电话、证件号码、共有业主）未逐条列出"), *self.choices.notes())


def _listed(notes: list[str], more: str) -> list[str]:
    shown = notes[:ROUNDED_LISTED]
    return shown + ([f"另有 {len(notes) - ROUNDED_LISTED} {more}"] if len(notes) > ROUNDED_LISTED else [])


def _parse_row(row: SheetRow, problems: list[RowProblem], reading: _Reading) -> RosterRow:
    def check(key: str, message: str) -> None:
        problems.append(RowProblem(row.row, LABELS[key], message))

    number = stored_text(row.get("number"))
    if not number:
        check("number", "房号不能为空")
    area, area_text = _area(row, check, reading.rounded)
    use = _choice(row.get("use"), USE_ALIASES, _default_use(number), "use", check, reading.choices)
    occupancy = _choice(row.get("occupancy"), OCCUPANCY_ALIASES, Occupancy.VACANT, "occupancy", check, reading.choices)
    owner, owners = _owner(row, check, reading)
    mobile = JOIN.join(p for o in owners for p in (o.mobile, *o.other_phones.split(JOIN)) if p)
    id_number = JOIN.join(o.id_number for o in owners if o.id_number)
    address = read_address(row, "number", check)
    number, entrance = address.number, address.entrance
    building = address.building or building_of(clean_text(number))
    texts = {"number": number, "building": building, "owner": owner}
    for key, table, column in STORED:
        message = too_long(table, column, texts[key])
        if message:
            check(key, message)
    floor, problem = read_floor(stored_text(row.get("floor")))
    if problem:
        check("floor", problem)
    return RosterRow(row.row, number, building, area, area_text, use, occupancy, owner, mobile, id_number,
                     entrance=entrance, owners=owners, floor=floor)


def _area(row: SheetRow, check: Check, rounded: list[str]) -> tuple[Decimal | None, str]:
    """建筑面积 by the shared rules; "-" written for an unknown area is no area. A surveyed area with 3 or
    4 decimals (89.1234) is rounded half-up to AREA's 2, and the notes name the row; 5 or more is refused."""
    value = row.get("area")
    if clean_text(value) in ("-", "--", "—", "/"):
        return None, ""
    try:
        area = number_cell(value, LABELS["area"], AREA_SURVEYED)
    except CellError as exc:
        check("area", str(exc))
        return None, cell_text(value)
    if area is None:
        return None, ""
    stored = round_to_kind(area, AREA)
    if stored != area:
        rounded.append(f"{place(row.row)} 建筑面积 {cell_text(value)} 按 {stored} 导入")
    return stored, ""


def _choice(value: Any, aliases: dict[str, str], default: Coded, key: str, check: Check,
            choices: ValueReader) -> Coded | str:
    """The member the cell's word (or alias, or mapped code) names; the text as written when it is none."""
    word, problem = choices.read(key, value, aliases)
    if problem:
        check(key, problem)
        return word
    return CHOICE_ENUMS[key](word) if word else default


def _default_use(number: str) -> UnitUse:
    """A blank 房屋用途 told from the number ('车位 B2-117' is a parking space), else a residence."""
    for word, use in (("车位", UnitUse.PARKING), ("储藏", UnitUse.STORAGE), ("商铺", UnitUse.SHOP)):
        if word in number:
            return use
    return UnitUse.RESIDENCE


def _owner(row: SheetRow, check: Check, reading: _Reading) -> tuple[str, tuple[RosterOwner, ...]]:
    """The owner cell as written, and the owners it names with their phones and documents."""
    owner = stored_text(row.get("owner"))
    owners = read_owners(row.row, owner, row.get("mobile"), row.get("id_number"), row.get("id_kind"),
                         reading.today, check, reading.notes)
    if not owner and any(stored_text(row.get(k)) for k in ("mobile", "id_number")) and not _only_no_phone(row):
        check("owner", "有联系电话或身份证号，但业主姓名为空")
    return owner, owners


def _only_no_phone(row: SheetRow) -> bool:
    """"无" in 联系电话 and nothing in 身份证号: no owner data at all (a vacant unit's row)."""
    return not stored_text(row.get("id_number")) and is_no_phone(stored_text(row.get("mobile")))


def building_of(number: str) -> str:
    """'1栋1单元101' → '1栋', 'B座-1502' → 'B座', '3号楼502' → '3号楼'; '' when the number names none."""
    match = BUILDING_RE.match(number)
    return (match.group(1).upper() + match.group(2)) if match else ""


# ---- whole sheet ------------------------------------------------------------------------------

def _owners_row_by_row(rows: tuple[RosterRow, ...], reading: _Reading) -> tuple[RosterRow, ...]:
    """One row per owner, as property systems list co-owners (HC's 资产信息 among them): rows of one
    unit that write it alike and agree on it (房号, 面积, 用途, 状态, 楼层) and each name another owner
    are one unit with those owners, as if the sheet had written "王芳、李强". Others stay a repeated unit."""
    groups: dict[tuple[str, str, str], list[RosterRow]] = defaultdict(list)
    for r in rows:
        if r.number:
            groups[unit_identity(r.number, r.building, r.entrance)].append(r)
    merged: dict[int, RosterRow | None] = {}
    for group in groups.values():
        first = group[0]
        # The number written alike on each row: '1-1-0101' then '1栋1单元101' is a unit entered twice.
        if len(group) < 2 or not all(r.owners and not r.area_text and (r.number, r.area, r.use, r.occupancy, r.floor)
                                     == (first.number, first.area, first.use, first.occupancy, first.floor)
                                     for r in group):
            continue
        names = [o.name for r in group for o in r.owners]
        if len(set(names)) != len(names):
            continue  # the same owner twice is a repeated row, not a co-owner
        merged[first.row] = replace(
            first, owner=JOIN.join(r.owner for r in group), mobile=JOIN.join(r.mobile for r in group if r.mobile),
            id_number=JOIN.join(r.id_number for r in group if r.id_number),
            owners=tuple(o for r in group for o in r.owners))
        merged.update((r.row, None) for r in group[1:])
        reading.notes.append(translate("imports", "{rows}是“{number}”的共有业主，分行列出，合为一户导入").format(
            rows=places([r.row for r in group]), number=first.number))
    if not merged:
        return rows
    return tuple(m for r in rows for m in [merged.get(r.row, r)] if m is not None)


def _duplicates(rows: tuple[RosterRow, ...]) -> list[RowProblem]:
    """The same unit twice: '1-1-0101' and '1栋1单元101' are one; 101 of 1栋 and 101 of 2栋 are two."""
    seen: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for r in rows:
        if r.number:
            seen[unit_identity(r.number, r.building, r.entrance)].append(r.row)
    numbers = {r.row: r.number for r in rows}
    problems = []
    for at in seen.values():
        if len(at) > 1:
            where = places(at)  # 第 4、5 行, or each row with its sheet and block
            problems += [RowProblem(n, LABELS["number"], f"“{numbers[n]}”在表中重复（{where}）") for n in at]
    return problems
