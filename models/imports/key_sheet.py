"""Key sheet (钥匙清单 Excel) import: preview the clerk's own sheet, then receive every key all-or-nothing.

A row is one key or key set: 标签号, 房号, 开启对象, 数量, 钥匙柜, 格位, 备注 — under whatever names
the sheet gives them (钥匙编号, 房间号, 钥匙名称, 把数, 柜号, 钩位…), below a title, with a two-row
header, blank rows and 合计 rows, as the one pipeline in sheet.py reads every import.

A sheet of one row per unit with a count column per kind of key (防盗门 | 室内门 | 信箱 | 合计) is read
as that many keys of those kinds, one set per kind, and 合计 is checked, never a key; 开启部位 is
kept beside 开启对象 (key_kinds.py reshapes the rows before the checks below, which stay one path).

A blank 标签号 is not a problem: the keys of the handing-over party usually carry their own
numbering or none, and our labels are printed after receiving them, so the program gives the key
its tag (K-01-01-101-A for a unit's key, K-GG-0001-A for any other, see services/key_intake.py) and
the preview shows which tags it made. A tag the sheet gives is kept as written (upper case).

A row names its unit in 房号; with 房号 blank, a unit written in 开启对象 ("1栋1单元101 入户门") links
the key to it. A row refuses the whole sheet when its unit is not a unit of the project, it has
neither a unit nor 开启对象, its tag repeats another row's or a key already in the register, or
its 数量 is not a whole number of at least 1 ("-" is no number). Nothing is written until the sheet
is clean; then every key and its 接收 event are written in one transaction.

A sheet imported twice receives nothing twice: a row whose key the register already holds from the
same handover — the same unit, 开启对象 and 格位 (and 钥匙柜, where the row names one), or the
same tag — is skipped as 已接收, naming the key, both in the preview and when importing.
Texts (开启对象, 钥匙柜, 格位, 备注) are stored as the sheet writes them.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import now as wall_clock
from ..db import Database
from ..errors import ValidationError
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, chinese, translate
from ..keys import Key, KeyEvent
from ..rules.numbers import COUNT
from ..services.common import get
from ..services.key_intake import (
    OPENS_LIMIT,
    PLACE_LIMIT,
    TAG_LIMIT,
    KeyIntakeReport,
    NewKey,
    TagMaker,
    UnitIndex,
    user_name,
    write_keys,
)
from .address import BUILDING_FIELD, ENTRANCE_FIELD, NUMBER_NAMES, read_address
from .key_kinds import KIND, KIND_FIELDS, PLACE_FIELD, TOTAL_FIELD, KeyRows
from .places import place, places
from .preview import SheetPreview, sheet_problems
from .sheet import (
    CellError,
    FieldSpec,
    Progress,
    RowProblem,
    SheetRow,
    SkippedRow,
    cell_text,
    clean_text,
    number_cell,
    open_table,
    stored_text,
)
from .text_limits import too_long
from .totals import total_mismatches

__all__ = ["KEY_FIELDS", "KeySheetPreview", "KeySheetRow", "import_key_sheet", "import_key_sheet_file",
           "preview_key_sheet"]

# The order matters: a column goes to the first field that names it, and the "no header"
# message quotes the first four labels.
KEY_FIELDS = (
    FieldSpec("tag", QT_TRANSLATE_NOOP("imports", "标签号"), ("钥匙编号", "编号", "钥匙号", "标签", "标签编号", "钥匙标签", "钥匙标签号",
                                "钥匙牌号")),
    FieldSpec("number", QT_TRANSLATE_NOOP("imports", "房号"), NUMBER_NAMES),
    BUILDING_FIELD,
    ENTRANCE_FIELD,
    FieldSpec("opens", QT_TRANSLATE_NOOP("imports", "开启对象"), ("钥匙名称", "用途", "名称", "钥匙用途")),
    PLACE_FIELD,  # 开启部位: kept beside 开启对象 (key_kinds.py)
    FieldSpec("count", QT_TRANSLATE_NOOP("imports", "数量"), ("把数", "套数", "件数", "钥匙数量", "数量合计")),
    FieldSpec("cabinet", QT_TRANSLATE_NOOP("imports", "钥匙柜"), ("柜号", "钥匙柜号", "钥匙箱", "箱号", "存放柜")),
    FieldSpec("slot", QT_TRANSLATE_NOOP("imports", "格位"), ("位置", "钩位", "挂钩号", "钩号", "格号", "存放位置", "柜位")),
    FieldSpec("remarks", QT_TRANSLATE_NOOP("imports", "备注"), ("说明", "备注说明", "情况说明")),
)
LABELS = {f.key: f.label for f in KEY_FIELDS}
# What a sheet is read for: the fields the clerk maps, and the count columns per kind of key with
# their 合计 (one row per unit: 防盗门 | 室内门 | 信箱 | 合计, reshaped into keys by key_kinds.py).
READ_FIELDS = (*KEY_FIELDS, TOTAL_FIELD, *KIND_FIELDS)
COUNT_WITH_UNIT_RE = re.compile(r"^(\d+)\s*(把|套|串|张|个|枚|条)$")  # "2把" → 2
DASHES = frozenset({"-", "--", "—", "——", "－", "/"})
RECEIVED = QT_TRANSLATE_NOOP("imports", "已接收")
# "一、设备房钥匙", "（二）单元门钥匙", "三．信报箱": a heading over the keys below it, not a key.
HEADING_RE = re.compile(r"^([一二三四五六七八九十]+|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))[、.．]?\S")
Check = Callable[[str, str], None]  # (field key, message)
Identity = tuple[int | None, str, str]  # (unit, 开启对象, 格位): what a key is when it has no tag


@dataclass(frozen=True)
class KeySheetReport(KeyIntakeReport):
    """A key sheet's intake, and what the sheet held that is not imported (columns, disagreeing totals)."""

    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        text = super().summary()
        separator = translate("imports", "；")
        return text + (separator + separator.join(self.notes) if self.notes else "")


class Received:
    """The keys the register already holds from one handover, by tag and by what they are."""

    def __init__(self, keys: Iterable[tuple[str, int | None, str, str, str]]) -> None:
        self.by_tag: dict[str, Identity] = {}
        self.by_identity: dict[Identity, list[tuple[str, str]]] = defaultdict(list)  # → [(cabinet, tag)]
        for tag, unit_id, opens, cabinet, slot in keys:
            self.by_tag[tag.upper()] = (unit_id, opens, slot)
            self.by_identity[(unit_id, opens, slot)].append((cabinet, tag))

    @classmethod
    def load(cls, session: Session, project_id: int, handover_id: int | None) -> Received:
        query = select(Key.tag, Key.unit_id, Key.opens, Key.cabinet, Key.slot).where(Key.project_id == project_id)
        query = query.where(Key.handover_id.is_(None) if handover_id is None else Key.handover_id == handover_id)
        return cls((t, u, o, c, sl) for t, u, o, c, sl in session.execute(query))

    def same_as(self, row: KeySheetRow) -> str:
        """The tag of the key this row already is, or ""."""
        identity = (row.unit_id, row.opens, row.slot)
        if row.tag:
            return row.tag if self.by_tag.get(row.tag) == identity else ""
        for cabinet, tag in self.by_identity.get(identity, []):
            if not row.cabinet or row.cabinet == cabinet:
                return tag
        return ""


@dataclass(frozen=True, slots=True)  # hundreds of thousands of them: no __dict__ each
class KeySheetRow:
    """One key as read; a refused 数量 keeps its text so the preview can show it."""

    row: int
    tag: str
    generated: bool  # the program made the tag: the sheet left it blank
    number: str      # the unit as written in the project ('' if none)
    unit_id: int | None
    opens: str
    count: int
    count_text: str
    cabinet: str
    slot: str
    remarks: str
    kind: str = ""   # the kind column it was read from (key_kinds.py), "" for a row of one key


@dataclass(frozen=True)
class KeySheetPreview(SheetPreview[KeySheetRow]):
    """The keys as read and checked against the project's register, before anything is written."""

    NOUN: ClassVar[str] = QT_TRANSLATE_NOOP("imports", "钥匙表")

    project_id: int = 0
    handover_id: int | None = None
    reading: tuple[str, ...] = ()  # how the columns were read (by kind of key, 合计 checked…)

    @property
    def generated(self) -> int:
        return sum(1 for r in self.rows if r.generated)

    @property
    def pieces(self) -> int:
        """Keys to receive counted one by one (a row may stand for a set of several)."""
        return sum(r.count for r in self.rows)

    @property
    def notes(self) -> tuple[str, ...]:
        return (*self.reading, *super().notes)


def preview_key_sheet(db: Database, project_id: int, path: str | Path,
                      mapping: Mapping[str, int | None] | None = None,
                      progress: Progress | None = None, *, handover_id: int | None = None) -> KeySheetPreview:
    """Read and check the sheet against the project's units and tags; nothing is written.

    Rows whose keys were received from `handover_id` before are skipped (已接收).
    """
    path = Path(path)
    with db.read() as s:
        units, tags = UnitIndex.load(s, project_id), TagMaker.load(s, project_id)
        received = Received.load(s, project_id, handover_id)
    problems: list[RowProblem] = []
    with open_table(path, READ_FIELDS, mapping) as table:
        shape = KeyRows(table.header)  # a row of kind columns is a row per kind (key_kinds.py)
        headings: list[SkippedRow] = []
        rows = [_parse_row(k, units, shape.described, problems) for r in table.rows(progress)
                if not _heading(r, headings) for k in shape.split(r, problems, headings)]
        rows, again = _not_received(rows, received)
        skipped = tuple(sorted([*table.skipped, *headings, *again], key=lambda x: x.row))
        problems += _header_problems(table.header.last_row, shape.missing) + _tag_problems(rows, tags.taken)
        found = sheet_problems(table, KEY_FIELDS, problems)
        bad = {p.row for p in found}
        lines = ((r.row, shape.line_values(r.kind, None if r.row in bad else r.count)) for r in rows)
        mismatches = total_mismatches(table.totals, lines, {"count": LABELS["count"], **shape.total_labels()})
        header, above = table.header, tuple(table.above)
    rows = _with_tags(rows, tags, units)
    return KeySheetPreview(path, header, tuple(rows), found, skipped, mismatches, above, project_id=project_id,
                           handover_id=handover_id, reading=shape.notes())


def _not_received(rows: list[KeySheetRow], received: Received) -> tuple[list[KeySheetRow], list[SkippedRow]]:
    """The rows still to receive, and the rows whose keys the handover already gave (skipped, named)."""
    keep, again = [], []
    for row in rows:
        tag = received.same_as(row)
        if tag:
            again.append(SkippedRow(row.row, RECEIVED, detail=translate("imports", "即钥匙 {tag}：同一交接、同一房屋/开启对象/格位，不重复接收").format(
                tag=tag)))
        else:
            keep.append(row)
    return keep, again


def import_key_sheet(db: Database, preview: KeySheetPreview, *, handover_id: int | None = None,
                     cabinet: str = "", progress: Progress | None = None) -> KeyIntakeReport:
    """Receive every previewed key in one transaction, or refuse the sheet whole (ValidationError).

    `cabinet` fills the 钥匙柜 of rows that leave it blank.
    """
    if not preview.ok:
        raise ValidationError(preview.refusal())
    cabinet = cabinet.strip()
    if len(cabinet) > PLACE_LIMIT:
        raise ValidationError(translate("imports", "「钥匙柜」不能超过 {place_limit} 个字。").format(
            place_limit=PLACE_LIMIT))
    with db.begin(immediate=True) as s:
        if handover_id is not None and get(s, Handover, handover_id).project_id != preview.project_id:
            raise ValidationError(translate("imports", "该交接不属于钥匙表所读的项目。"))
        taken = TagMaker.load(s, preview.project_id).taken
        _refuse_received(preview, Received.load(s, preview.project_id, handover_id))
        _refuse_taken(preview, taken)
        keys = [NewKey(r.tag, r.unit_id, r.opens, r.count, r.cabinet or cabinet, r.slot, "", "",
                       _note(preview.path.name, r)) for r in preview.rows]
        write_keys(s, user_name(db), preview.project_id, handover_id, keys, wall_clock().replace(microsecond=0),
                   progress)
        skipped = Counter(x.reason for x in preview.skipped)
        report = KeySheetReport(preview.path.name, tuple(k.tag for k in keys), sum(k.count for k in keys),
                                sum(1 for k in keys if k.unit_id is not None),
                                tuple(r.tag for r in preview.rows if r.generated),
                                skipped=tuple(translate("imports", "{reason} {count} 行").format(
                                    reason=translate("imports", reason), count=n) for reason, n in skipped.items()),
                                notes=preview.notes)
        record_action(s, "import", Key.__tablename__, None, f"导入钥匙表“{preview.path.name}”：{report.summary()}")
    db.refresh_statistics(Key.__tablename__, KeyEvent.__tablename__)
    return report


def import_key_sheet_file(db: Database, handover_id: int, path: str | Path, cabinet: str = "",
                          mapping: Mapping[str, int | None] | None = None) -> KeyIntakeReport:
    """`main.py import keys FILE --handover ID [--cabinet C]`: the keys of that handover's project."""
    with db.read() as s:
        project_id = get(s, Handover, handover_id).project_id
    preview = preview_key_sheet(db, project_id, path, mapping, handover_id=handover_id)
    return import_key_sheet(db, preview, handover_id=handover_id, cabinet=cabinet)


def _note(file_name: str, row: KeySheetRow) -> str:
    with chinese():  # stored with the key (shared by every desk, printed on Chinese forms): always Chinese
        where = place(row.row)
    source = f"钥匙表“{file_name}”{where}"
    return f"{source}：{row.remarks}" if row.remarks else source


def _refuse_received(preview: KeySheetPreview, received: Received) -> None:
    """The same keys received (from another desk, or a preview read for another handover) since: refuse."""
    found = [(r, received.same_as(replace(r, tag="") if r.generated else r)) for r in preview.rows]
    again = [RowProblem(r.row, LABELS["opens"], translate("imports", "已接收（钥匙 {tag}），请重新读取").format(
        tag=tag)) for r, tag in found if tag]
    if again:
        listed = "；".join(str(p) for p in again)
        raise ValidationError(translate("imports", "钥匙表有 {again} 行已接收过，未导入任何数据：{listed}").format(
            again=len(again), listed=listed))


def _refuse_taken(preview: KeySheetPreview, taken: set[str]) -> None:
    """Another desk registered one of these tags since the preview: refuse, naming the rows."""
    clashes = [RowProblem(r.row, LABELS["tag"], translate("imports", "“{tag}”已被其他钥匙使用（读取后才登记），请重新读取").format(
        tag=r.tag))
               for r in preview.rows if r.tag in taken]
    if clashes:
        listed = "；".join(str(p) for p in clashes)
        raise ValidationError(translate("imports", "钥匙表有 {clashes} 处问题，未导入任何数据：{listed}").format(
            clashes=len(clashes), listed=listed))


# ---- one row ------------------------------------------------------------------------------------

def _heading(row: SheetRow, headings: list[SkippedRow]) -> bool:
    """A row whose one text is a numbered heading (一、设备房钥匙) is listed as such, never read as a key."""
    texts = [t for t in (stored_text(v) for v in row.values.values()) if t.strip()]
    if len(texts) == 1 and HEADING_RE.match(clean_text(texts[0])) and len(texts[0]) <= 40:
        headings.append(SkippedRow(row.row, QT_TRANSLATE_NOOP("imports", "分类标题行"), detail=texts[0]))  # as written, brackets and all
        return True
    return False


def _parse_row(row: SheetRow, units: UnitIndex, described: bool, problems: list[RowProblem]) -> KeySheetRow:
    """`described`: the sheet has a 房号 or 开启对象 column (if not, the header row says so once)."""
    def check(key: str, message: str) -> None:
        problems.append(RowProblem(row.row, LABELS[key], message))

    tag = _tag(row.get("tag"), check)
    number, unit_id, opens = _unit(row, units, check if described else _ignore)
    count, count_text = _count(row.get("count"), check)
    cabinet = _limited(row.get("cabinet"), "cabinet", PLACE_LIMIT, check)
    slot = _limited(row.get("slot"), "slot", PLACE_LIMIT, check)
    return KeySheetRow(row.row, tag, False, number, unit_id, opens, count, count_text, cabinet, slot,
                       stored_text(row.get("remarks")), row.get(KIND) or "")


def _ignore(_key: str, _message: str) -> None:
    pass


def _tag(value: Any, check: Check) -> str:
    tag = clean_text(value).upper()
    if " " in tag:
        check("tag", translate("imports", "“{tag}”含空格：扫码枪读出的标签号不能有空格").format(tag=tag))
    elif len(tag) > TAG_LIMIT:
        check("tag", translate("imports", "超过 {limit} 个字符（{length} 个）").format(limit=TAG_LIMIT, length=len(tag)))
    return tag


def _unit(row: SheetRow, units: UnitIndex, check: Check) -> tuple[str, int | None, str]:
    """(unit number as the project writes it, unit id, 开启对象); the unit by 楼栋 + 单元 + 房号 where the
    sheet splits them, however each is written ('1-1-0101' is 1栋1单元101)."""
    written = stored_text(row.get("number"))
    opens = _limited(row.get("opens"), "opens", OPENS_LIMIT, check)
    if written:
        address = read_address(row, "number", check)
        if address.problem:
            return written, None, opens
        unit, candidates = units.find(address.number, address.building, address.entrance)
        if candidates:
            which = "、".join(f"“{u.number}”" for u in candidates[:5])
            check("number", translate("imports", "“{number}”可对应本项目的 {which}，请写明单元").format(
                number=address.number, which=which))
            return written, None, opens
        if unit is None:
            check("number", translate("imports", "“{number}”不是本项目的房屋（请先导入业主名册，或核对房号）").format(
                number=address.number))
            return written, None, opens
        return unit.number, unit.id, opens
    # a unit named in 开启对象 is looked for only in a text that fits: the look-up is per character
    unit = units.named_in(opens) if 0 < len(opens) <= OPENS_LIMIT else None
    if unit is None and not opens:
        check("opens", translate("imports", "不能为空：请填写房号或开启对象（公共部位、设备房等）"))
    return (unit.number, unit.id, opens) if unit else ("", None, opens)


def _count(value: Any, check: Check) -> tuple[int, str]:
    """A whole number from 1 (models/rules/numbers.py COUNT; blank: 1); "2把" is 2, "-" is no number.
    A refused cell keeps its text."""
    text = stored_text(value)
    match = COUNT_WITH_UNIT_RE.match(text)
    if text in DASHES:
        check("count", translate("imports", "“{text}”不是数量：请填写把数，或留空（按 1 把计）").format(text=text))
        return 1, text
    try:
        number = number_cell(match.group(1) if match else value, LABELS["count"], COUNT)
    except CellError as exc:
        check("count", str(exc))
        return 1, cell_text(value)
    return (int(number) if number is not None else 1), ""


COLUMNS = {"opens": "opens", "cabinet": "cabinet", "slot": "slot"}  # field → column of keys


def _limited(value: Any, key: str, limit: int, check: Check) -> str:
    """The text as written; longer than its column is the row's problem (field_labels.check_text)."""
    text = stored_text(value)
    message = too_long("keys", COLUMNS[key], text)
    if message:
        check(key, message)
    return text


# ---- whole sheet --------------------------------------------------------------------------------

def _header_problems(header_row: int, missing: tuple[str, ...]) -> list[RowProblem]:
    """A key needs a unit or a description: the sheet must have one of the two columns."""
    if "number" in missing and "opens" in missing:
        return [RowProblem(header_row, "房号/开启对象",
                           translate("imports", "表头中找不到「房号」或「开启对象」列，请在“列对应”中指定"))]
    return []


def _tag_problems(rows: list[KeySheetRow], taken: set[str]) -> list[RowProblem]:
    seen: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        if r.tag:
            seen[r.tag].append(r.row)
    problems = []
    for tag, at in seen.items():
        if tag in taken:
            problems += [RowProblem(n, LABELS["tag"], translate("imports", "“{tag}”已在钥匙台账中").format(
                tag=tag)) for n in at]
        elif len(at) > 1:
            problems += [RowProblem(n, LABELS["tag"], translate("imports", "“{tag}”在表中重复（{at}）").format(
                tag=tag, at=places(at))) for n in at]
    return problems


def _with_tags(rows: list[KeySheetRow], tags: TagMaker, units: UnitIndex) -> list[KeySheetRow]:
    """Blank tags made after every tag the sheet gives is claimed, so none is made twice."""
    for r in rows:
        if r.tag:
            tags.claim(r.tag)
    out = []
    for r in rows:
        if r.tag:
            out.append(r)
            continue
        unit = units.get(r.number) if r.unit_id is not None else None
        out.append(replace(r, tag=tags.next(unit), generated=True))
    return out
