"""Writing a checked roster: buildings, units, owners and ownerships in one transaction."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..db import Database
from ..errors import ValidationError
from ..people import Owner, UnitOwnership
from ..project import Building, Project, Unit
from ..services.common import get
from .sheet import ImportCancelled, RowProblem, SkippedRow

if TYPE_CHECKING:
    from .roster import RosterRow

OWNER = "业主"
OwnerKey = tuple[str, str, str]
Progress = Callable[[int, int], object]
PROGRESS_EVERY = 200


@dataclass(frozen=True)
class ImportReport:
    """What an import did, in numbers the clerk can check against the sheet."""

    file_name: str
    created_units: int
    unchanged_units: int
    created_owners: int
    created_buildings: int
    owners_added: int = 0  # existing units that had no owner and got the sheet's
    skipped: tuple[SkippedRow, ...] = ()
    notes: tuple[str, ...] = field(default=())  # existing units whose sheet data differs (left alone)

    def summary(self) -> str:
        text = f"新增 {self.created_units} 户，已存在 {self.unchanged_units} 户（未改动）"
        if self.created_units:
            text += f"；新建楼栋 {self.created_buildings} 栋，新建业主 {self.created_owners} 人"
        if self.owners_added:
            text += f"；为已有房屋补充业主 {self.owners_added} 户"
        if self.skipped:
            counts = Counter(s.reason for s in self.skipped)
            text += "；跳过 " + "、".join(f"{reason} {n} 行" for reason, n in counts.items())
        if self.notes:
            text += f"；{len(self.notes)} 户与系统中的资料不同（未改动）：" + "；".join(self.notes)
        return text


@dataclass
class _Context:
    """What the project already holds, loaded once at the start of the transaction."""

    session: Session
    project_id: int
    units: dict[str, Unit]
    unit_owners: dict[int, list[Owner]]
    buildings: dict[str, Building]
    owners: dict[OwnerKey, Owner]
    next_sort: int
    created_buildings: int = 0
    created_owners: int = 0


def write_roster(db: Database, project_id: int, rows: Sequence[RosterRow], skipped: Sequence[SkippedRow],
                 file_name: str, progress: Progress | None = None) -> ImportReport:
    """All rows or none: a unit owned by someone else refuses the whole import.

    `progress(done, total)` returning False cancels: the transaction rolls back.
    """
    with db.begin(immediate=True) as s:
        get(s, Project, project_id)
        ctx = _load(s, project_id)
        problems: list[RowProblem] = []
        created, unchanged, added = 0, 0, 0
        notes: list[str] = []
        for done, row in enumerate(rows):
            _report_progress(progress, done, len(rows))
            unit = ctx.units.get(row.number)
            if unit is None:
                _create_unit(ctx, row)
                created += 1
                continue
            outcome = _existing_unit(ctx, unit, row, problems, notes)
            added += outcome == "added"
            unchanged += outcome == "unchanged"
        if problems:
            raise ValidationError(_refusal(problems))
        report = ImportReport(file_name, created, unchanged, ctx.created_owners, ctx.created_buildings,
                              added, tuple(skipped), tuple(notes))
        record_action(s, "import", Unit.__tablename__, None, f"导入业主名册“{file_name}”：{report.summary()}")
        return report


def _report_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress and done % PROGRESS_EVERY == 0 and progress(done, total) is False:
        raise ImportCancelled()


def _refusal(problems: list[RowProblem]) -> str:
    listed = "；".join(str(p) for p in problems)
    return f"名册与系统中的资料冲突 {len(problems)} 处，未导入任何数据：{listed}"


def _load(s: Session, project_id: int) -> _Context:
    units = {u.number: u for u in s.scalars(select(Unit).where(Unit.project_id == project_id))}
    buildings = {b.name: b for b in s.scalars(select(Building).where(Building.project_id == project_id))}
    owners = list(s.scalars(select(Owner).where(Owner.project_id == project_id)))
    max_sort = s.scalar(select(func.max(Building.sort_no)).where(Building.project_id == project_id))
    return _Context(s, project_id, units, _unit_owners(s, project_id), buildings,
                    {_key(o.name, o.mobile, o.id_number): o for o in owners}, (max_sort or 0) + 1)


def _unit_owners(s: Session, project_id: int) -> dict[int, list[Owner]]:
    query = (select(UnitOwnership.unit_id, Owner).join(Owner, UnitOwnership.owner_id == Owner.id)
             .where(Owner.project_id == project_id, UnitOwnership.relation == OWNER,
                    UnitOwnership.until.is_(None)))
    found: dict[int, list[Owner]] = defaultdict(list)
    for unit_id, owner in s.execute(query):
        found[unit_id].append(owner)
    return found


def _key(name: str, mobile: str, id_number: str) -> OwnerKey:
    return name, mobile, id_number


def _create_unit(ctx: _Context, row: RosterRow) -> None:
    unit = Unit(project_id=ctx.project_id, number=row.number, area=row.area, use=row.use,
                occupancy=row.occupancy, building=_building(ctx, row.building))
    ctx.session.add(unit)
    ctx.units[row.number] = unit
    if row.owner:
        ctx.session.add(UnitOwnership(unit=unit, owner=_owner(ctx, row), relation=OWNER))


def _building(ctx: _Context, name: str) -> Building | None:
    if not name:
        return None
    if name not in ctx.buildings:
        ctx.buildings[name] = Building(project_id=ctx.project_id, name=name, sort_no=ctx.next_sort)
        ctx.session.add(ctx.buildings[name])
        ctx.next_sort += 1
        ctx.created_buildings += 1
    return ctx.buildings[name]


def _owner(ctx: _Context, row: RosterRow) -> Owner:
    """The same person (name and mobile or ID number) owning two units is one owner."""
    key = _key(row.owner, row.mobile, row.id_number)
    known = ctx.owners.get(key) if (row.mobile or row.id_number) else None
    if known is not None:
        return known
    owner = Owner(project_id=ctx.project_id, name=row.owner, mobile=row.mobile, id_number=row.id_number)
    ctx.session.add(owner)
    ctx.owners[key] = owner
    ctx.created_owners += 1
    return owner


def _existing_unit(ctx: _Context, unit: Unit, row: RosterRow, problems: list[RowProblem],
                   notes: list[str]) -> str:
    """'unchanged', 'added' (an owner for an ownerless unit) or 'conflict' (a problem is added)."""
    current = ctx.unit_owners.get(unit.id, []) if unit.id is not None else []
    names = [o.name for o in current]
    if row.owner and names and row.owner not in names:
        problems.append(RowProblem(row.row, "业主姓名", f"房屋“{row.number}”在系统中的业主是"
                                   f"“{'、'.join(names)}”，与表中“{row.owner}”不同；过户请在房屋资料中办理"))
        return "conflict"
    if row.owner and not names and unit.id is not None:
        ctx.session.add(UnitOwnership(unit=unit, owner=_owner(ctx, row), relation=OWNER))
        return "added"
    notes.extend(_differences(unit, row))
    return "unchanged"


def _differences(unit: Unit, row: RosterRow) -> Iterable[str]:
    if row.area is not None and unit.area is not None and unit.area != row.area:
        yield f"第 {row.row} 行“{row.number}”建筑面积 系统 {unit.area}、表中 {row.area}"
    if unit.use != row.use:
        yield f"第 {row.row} 行“{row.number}”房屋用途 系统 {unit.use}、表中 {row.use}"
