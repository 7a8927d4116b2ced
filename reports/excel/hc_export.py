"""Hand the data on (issue 17 point 4): a handover's units, owners, arrears and prepayments written in
the import templates of HC 小区管理系统 (java110/MicroCommunity), so the next company's system takes them.

Where the shape was taken from — java110/MicroCommunity, whose importers find each sheet by its name
and read the columns by position, skipping the header row(s):

- 资产信息.xlsx, sheet 资产信息, one header row (房产导入, importAdapt "importRoomOwner"):
  service-api/src/main/java/com/java110/api/importData/adapt/ImportRoomOwnerDataCleaningAdapt.java
- 房屋费用信息.xlsx, sheet 房屋费用信息, two header rows (费用导入, "importRoomFee"): the fees still owed.
  service-api/src/main/java/com/java110/api/importData/adapt/ImportRoomFeeDataCleaningAdapt.java
- 房屋缴费历史.xlsx, sheet 房屋缴费历史, one header row (历史缴费导入, "importRoomHistoryFeeDetail"):
  the periods already paid for after the cut-off, i.e. the prepayments.
  service-api/src/main/java/com/java110/api/importData/adapt/ImportRoomHistoryFeeDetailDataCleaningAdapt.java
- The codes: 房屋类型 110 住宅 / 119 办公 and 房屋状态 2001 已入住 / 2002 未销售 / 2004 未入住 / 2009 装修中
  from java110-bean/src/main/java/com/java110/dto/room/RoomDto.java; 业主类型 1001 业主 and 是否有电梯
  有/无 from the 资产信息 importer above.

HC's template workbooks themselves are binary files and could not be read here: the header texts are the
names those importers' messages give each column ("行楼号不能为空", "行费用名称不能为空"…), in its
position. HC has no 应缴 | 实缴 fee sheet: what an owner still owes goes in as a fee of that amount
(费用), and a period paid ahead as a payment (缴费金额) of that period.

What HC requires and this app does not keep is filled as the 说明 sheet of 资产信息.xlsx says (户型
未登记, 室内面积 and 租金 0, 电梯 by the floor count); what cannot be filled honestly (性别 without an ID
card number, 单元 of a unit that has none) is left blank and counted in the result, for the next
company to complete before HC takes those rows.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from models.db import Database
from models.i18n import QT_TRANSLATE_NOOP, in_chinese, translate
from models.people import IdKind
from models.project import Occupancy, UnitUse
from models.rules.unit_number import parse_unit_number
from models.services.fee_results import fee_results
from models.services.fee_rows import ArrearsLine, FeeResults, PrepaymentLine
from models.services.handoff_people import EXPORT_FULL, HandoffOwner, HandoffPeople, HandoffUnit, handoff_people
from models.services.people import PERSONAL_DATA_ROLE
from models.services.permissions import require_role

from ..progress import Progress, report
from .writer import typed_cell

ASSET_FILE, FEE_FILE, HISTORY_FILE = "资产信息.xlsx", "房屋费用信息.xlsx", "房屋缴费历史.xlsx"
ASSET_SHEET, FEE_SHEET, HISTORY_SHEET = "资产信息", "房屋费用信息", "房屋缴费历史"
ASSET_HEADERS = ("楼号", "单元", "房屋", "楼层", "总楼层", "是否有电梯", "房屋类型", "房屋户型", "建筑面积", "室内面积",
                 "租金", "房屋状态", "业主名称", "性别", "手机号", "身份证", "业主类型")
ASSET_KINDS = ("text", "text", "text", "text", "int", "text", "text", "text", "area", "area", "money", "text",
               "text", "text", "text", "text", "text")
FEE_HEADERS = ("房屋", "费用名称", "开始时间", "结束时间", "费用")
FEE_KINDS = ("text", "text", "date", "date", "money")
HISTORY_HEADERS = ("楼栋编号", "单元编号", "房屋编号", "收费项目", "缴费周期", "开始时间", "结束时间", "缴费时间",
                   "缴费金额", "备注")
HISTORY_KINDS = ("text", "text", "text", "text", "int", "date", "date", "date", "money", "text")
# RoomDto.ROOM_SUB_TYPE_PERSON / _WORK; HC's 资产信息 has no code for a shop, a parking space or a store
# room (HC keeps those as 商铺 rooms and 车位 of their own): their word is written for the next company.
ROOM_TYPE = {UnitUse.RESIDENCE: "110", UnitUse.OFFICE: "119"}
SOLD, UNSOLD, NOT_MOVED_IN, RENOVATING = "2001", "2002", "2004", "2009"
OWNER_TYPE = "1001"  # OwnerDto.OWNER_TYPE_CD_OWNER: 业主 (not 家庭成员 or 租客)
NO_LAYOUT = "未登记"  # 房屋户型 must not be empty in HC; this app keeps no layout
LIFT_FLOORS = 7  # GB 50096: a home of seven floors or more has a lift
ZERO = Decimal("0.00")
BOLD = Font(bold=True)


@dataclass(frozen=True)
class HcExport:
    """What was written, and what the next company has to complete (counts only: no personal data)."""

    files: tuple[Path, ...]
    units: int
    owners: int
    arrears_lines: int
    arrears_total: Decimal
    prepayment_lines: int
    prepaid_total: Decimal
    no_room_type: int      # units whose use HC's 资产信息 has no code for
    no_entrance: int       # units with no 单元 (HC requires one)
    no_sex: int            # owners whose 性别 could not be told (no 18-digit ID card number)

    def summary(self) -> str:
        lines = [translate("hc_export", "已导出 {files} 个文件：房屋 {units} 户，业主 {owners} 人；欠费 {arrears} 笔 {arrears_total:,}；"
                                        "预收 {prepaid} 笔 {prepaid_total:,}").format(
            files=len(self.files), units=self.units, owners=self.owners, arrears=self.arrears_lines,
            arrears_total=self.arrears_total, prepaid=self.prepayment_lines, prepaid_total=self.prepaid_total)]
        todo = [translate("hc_export", what).format(count=n) for n, what in (
            (self.no_room_type, QT_TRANSLATE_NOOP("hc_export", "{count} 户的房屋类型在 HC 中没有代码（已写用途名称）")),
            (self.no_entrance, QT_TRANSLATE_NOOP("hc_export", "{count} 户没有单元（HC 要求填写）")),
            (self.no_sex, QT_TRANSLATE_NOOP("hc_export", "{count} 位业主的性别无法由身份证号得出（已留空）"))) if n]
        if todo:
            lines.append(translate("hc_export", "导入 HC 前请补全：") + translate("hc_export", "；").join(todo))
        return "\n".join(lines)


@in_chinese
def export_hc(db: Database, handover_id: int, out_dir: Path, progress: Progress | None = None) -> HcExport:
    """`main.py export hc --handover ID --out DIR`: the three workbooks in `out_dir`.

    The owners' phones and ID numbers are written in full (the next company needs them): a
    supervisor's action, audited (models.services.handoff_people)."""
    require_role(db, PERSONAL_DATA_ROLE, EXPORT_FULL)  # before the long part; handoff_people checks again
    out_dir.mkdir(parents=True, exist_ok=True)
    # Only reads (a signed settlement gives what was signed); on a large ledger the longest part.
    results = fee_results(db, handover_id, progress)
    people = handoff_people(db, handover_id)
    total = len(people.units) + len(results.arrears) + len(results.prepayments)
    counter = _Counter(progress, total)
    places = {u.number: _place(u) for u in people.units}
    asset_rows, gaps = _asset_rows(people.units, counter)
    files = (out_dir / ASSET_FILE, out_dir / FEE_FILE, out_dir / HISTORY_FILE)
    fee_caption = (f"{people.project}：原物业（{people.from_company}）截至交接基准日 {results.cutoff:%Y-%m-%d} 的欠费；"
                   f"结束时间为该期最后一天（含当日）",)
    parts: list[Path] = []
    try:  # the rows are made as they are written, so the progress moves with the writing
        parts.append(_write(files[0], [(ASSET_SHEET, (ASSET_HEADERS,), ASSET_KINDS, asset_rows),
                                       (NOTES_SHEET, (), ("text",), [(line,) for line in _notes(people, results)])]))
        parts.append(_write(files[1], [(FEE_SHEET, (fee_caption, FEE_HEADERS), FEE_KINDS,
                                        (_fee_row(a, places, counter) for a in results.arrears))]))
        parts.append(_write(files[2], [(HISTORY_SHEET, (HISTORY_HEADERS,), HISTORY_KINDS,
                                        (_history_row(p, places, results, counter) for p in results.prepayments))]))
        for part, out in zip(parts, files, strict=True):
            os.replace(part, out)  # all three, or (cancelled, failed) none
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
    report(progress, total, total)
    return HcExport(files, len(people.units), people.owner_count, len(results.arrears), results.arrears_total,
                    len(results.prepayments), results.prepaid_total, *gaps)


class _Counter:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def tick(self) -> None:
        self.done += 1
        if self.done % 500 == 0:
            report(self.progress, self.done, self.total)


# ---- 资产信息 ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Place:
    """A unit as HC names it: 楼号, 单元, 房屋 — and the one-column name its fee sheet uses."""

    building: str
    entrance: str
    room: str
    floor: str

    @property
    def joined(self) -> str:
        """HC names a room 楼号-单元-房屋 (1-1-101); a unit with no 单元 by its number as written."""
        return f"{self.building}-{self.entrance}-{self.room}" if self.entrance else self.room


def _place(unit: HandoffUnit) -> _Place:
    parts = parse_unit_number(unit.number)
    entrance = unit.entrance or parts.entrance
    floor = unit.floor or parts.floor
    if parts.building and entrance:
        # 1栋1单元101 is 楼号 1, 单元 1, 房屋 101 — HC names buildings by their number; the importers
        # here join them back as 1栋1单元101.
        written = parts.written or parts.building
        return _Place(written.removesuffix("栋"), entrance, parts.room, floor)
    return _Place(unit.building, entrance, unit.number, floor)


def _asset_rows(units: Sequence[HandoffUnit], counter: _Counter) -> tuple[list[tuple[Any, ...]], tuple[int, int, int]]:
    tops: dict[str, int] = {}
    placed = [(u, _place(u)) for u in units]
    for _, p in placed:
        if p.floor.lstrip("-").isdigit():
            tops[p.building] = max(tops.get(p.building, 0), int(p.floor))
    rows: list[tuple[Any, ...]] = []
    no_type = no_entrance = no_sex = 0
    for unit, p in placed:
        counter.tick()
        top = tops.get(p.building)
        room_type = ROOM_TYPE.get(unit.use, unit.use.label)
        no_type += unit.use not in ROOM_TYPE
        no_entrance += not p.entrance
        base = (p.building, p.entrance, p.room, p.floor, top, ("有" if top and top >= LIFT_FLOORS else "无") if top else "",
                room_type, NO_LAYOUT, unit.area, ZERO if unit.area is not None else None, ZERO)
        if not unit.owners:
            rows.append((*base, UNSOLD, None, None, None, None, None))
            continue
        state = _state(unit.occupancy)
        for owner in unit.owners:
            sex = _sex(owner)
            no_sex += not sex
            rows.append((*base, state, owner.name, sex, owner.mobile, owner.id_number, OWNER_TYPE))
    return rows, (no_type, no_entrance, no_sex)


def _state(occupancy: Occupancy) -> str:
    return {Occupancy.OCCUPIED: SOLD, Occupancy.RENOVATING: RENOVATING}.get(occupancy, NOT_MOVED_IN)


def _sex(owner: HandoffOwner) -> str:
    """The 17th digit of an 18-digit ID card number: odd is 男. Nothing else tells it."""
    number = owner.id_number
    if owner.is_company or owner.id_kind is not IdKind.ID_CARD or len(number) != 18 or not number[16].isdigit():
        return ""
    return "男" if int(number[16]) % 2 else "女"


NOTES_SHEET = "说明"


def _notes(people: HandoffPeople, results: FeeResults) -> list[str]:
    return [
        f"{people.project}（{people.project_code}）：{people.from_company} → {people.to_company}，"
        f"交接基准日 {results.cutoff:%Y-%m-%d}。由物业交接台导出，供 HC 小区管理系统“资产导入”使用（读“资产信息”工作表）。",
        "本表含业主完整的手机号与身份证号，请按个人信息保护要求保管和传递。",
        "楼号、单元、房屋：由房号拆分（1栋1单元101 → 1、1、101）；无法拆分的房屋（如商铺、车位）楼号为所在楼栋，房屋为原房号，"
        "单元留空，楼层不详的也留空，导入 HC 前请补全。",
        "总楼层：该楼栋已登记房屋的最高楼层；是否有电梯：按七层及以上有电梯推定，请核对。",
        "房屋类型：110 住宅、119 办公；商铺、车位、储藏室在 HC 资产信息中没有代码，写的是用途名称，导入前请按 HC 的设置改写。",
        "房屋户型：本系统不登记户型，写“未登记”；室内面积、租金：本系统不登记，写 0。",
        "房屋状态：2001 已入住、2004 未入住、2009 装修中；没有业主的房屋为 2002 未销售。",
        "共有业主每人一行（业主类型 1001）；性别由 18 位身份证号得出，无法得出的留空。",
        "欠费见“房屋费用信息.xlsx”（HC 费用导入），预收款见“房屋缴费历史.xlsx”（HC 历史缴费导入）；"
        "开始时间、结束时间为该期的第一天和最后一天（含当日）。",
    ]


# ---- fees ---------------------------------------------------------------------------------------------

def _fee_row(line: ArrearsLine, places: dict[str, _Place], counter: _Counter) -> tuple[Any, ...]:
    counter.tick()
    place = places.get(line.unit)
    return (place.joined if place else line.unit, line.fee_item, line.period_start, line.period_end, line.amount)


def _history_row(line: PrepaymentLine, places: dict[str, _Place], results: FeeResults,
                 counter: _Counter) -> tuple[Any, ...]:
    """A period paid ahead is, in HC, a payment of that period; the outgoing company received it by
    the cut-off (the day is not kept), so 缴费时间 is the 交接基准日."""
    counter.tick()
    place = places.get(line.unit) or _Place(line.building, "", line.unit, "")
    return (place.building, place.entrance, place.room, line.fee_item, _months(line.period_start, line.period_end),
            line.period_start, line.period_end, results.cutoff, line.amount,
            f"原物业预收，随交接移交（基准日 {results.cutoff:%Y-%m-%d}）")


def _months(start: dt.date, end: dt.date) -> int:
    """HC's 缴费周期 in months (at least 1)."""
    return max((end.year - start.year) * 12 + end.month - start.month + (end.day >= start.day), 1)


# ---- the workbooks --------------------------------------------------------------------------------------

Sheet = tuple[str, Sequence[Sequence[str]], Sequence[str], Iterable[Sequence[Any]]]


def _write(out: Path, sheets: Sequence[Sheet]) -> Path:
    """Plain sheets as HC reads them: the header row(s) as the template has them, then the data rows
    (no totals row: HC would read it as a unit). Written beside `out` as a part file, returned."""
    wb = Workbook(write_only=True)
    part = out.with_name(out.name + ".part")
    try:
        for name, headers, kinds, rows in sheets:
            ws = wb.create_sheet(name)
            for header in headers:
                ws.append([_bold(ws, text) for text in header])
            for row in rows:
                ws.append([typed_cell(ws, value, kind) for value, kind in zip(row, kinds, strict=True)])
        wb.save(part)
    except BaseException:  # cancelled or failed: each sheet's temp file goes now, not at garbage collection
        for ws in wb.worksheets:
            if ws._writer is not None:
                if not ws.closed:
                    ws.close()
                ws._writer.cleanup()
        part.unlink(missing_ok=True)
        raise
    return part


def _bold(ws: Any, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, text)
    cell.font = BOLD
    return cell


__all__ = ["ASSET_HEADERS", "FEE_HEADERS", "HISTORY_HEADERS", "HcExport", "export_hc"]
