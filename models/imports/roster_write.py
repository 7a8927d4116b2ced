"""Writing a checked roster: buildings, units, owners and ownerships in one transaction.

What the project holds is loaded as plain values, not ORM objects, and the new rows are flushed
and let go a chunk at a time: a 200,000-unit roster no longer keeps 600,000 objects alive.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..db import Database
from ..errors import ValidationError
from ..people import Owner, Relation, UnitOwnership
from ..project import Building, Occupancy, Project, Unit, UnitUse
from ..rules.unit_match import UnitMatcher
from ..rules.unit_number import building_key, parse_unit_number
from ..services.common import get
from ..services.place_choices import chinese_word
from .places import place
from .sheet import ImportCancelled, RowProblem, SkippedRow

if TYPE_CHECKING:
    from .roster import RosterRow
    from .roster_owners import RosterOwner

OWNER = Relation.OWNER
OwnerKey = tuple[str, str, str]
Progress = Callable[[int, int], object]
PROGRESS_EVERY = 200
CHUNK = 500  # rows flushed (and audited) together, then let go


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
    sheet_notes: tuple[str, ...] = ()  # columns not imported, total rows that disagree with their lines

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
        if self.sheet_notes:
            text += "；" + "；".join(self.sheet_notes)
        return text


@dataclass(frozen=True, slots=True)
class _UnitInfo:
    id: int
    number: str
    area: Decimal | None
    use: UnitUse


@dataclass
class _Context:
    """What the project already holds, loaded once at the start of the transaction, as plain values."""

    session: Session
    project_id: int
    units: UnitMatcher[_UnitInfo | None]  # the project's units (None: made by this import)
    unit_owners: dict[int, list[str]]
    buildings: dict[str, int]  # building_key → id
    owners: dict[OwnerKey, int]
    next_sort: int
    pending: dict[OwnerKey, Owner] = field(default_factory=dict)  # made in this chunk, not flushed yet
    created_buildings: int = 0
    created_owners: int = 0

    def flush(self) -> None:
        """Write the chunk (the audit hook sees it), remember the new owners' ids, let the objects go."""
        self.session.flush()
        self.owners.update({key: owner.id for key, owner in self.pending.items()})
        self.pending.clear()
        self.session.expunge_all()


def write_roster(db: Database, project_id: int, rows: Sequence[RosterRow], skipped: Sequence[SkippedRow],
                 file_name: str, progress: Progress | None = None, sheet_notes: Sequence[str] = ()) -> ImportReport:
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
            if done % CHUNK == CHUNK - 1:
                ctx.flush()
            found, candidates = ctx.units.find(row.number, row.building, row.entrance)
            if candidates:
                problems.append(_ambiguous(row, candidates))
                continue
            if found is None:
                _create_unit(ctx, row)
                created += 1
                continue
            outcome = _existing_unit(ctx, found, row, problems, notes)
            added += outcome == "added"
            unchanged += outcome == "unchanged"
        ctx.flush()
        if problems:
            raise ValidationError(_refusal(problems))
        report = ImportReport(file_name, created, unchanged, ctx.created_owners, ctx.created_buildings,
                              added, tuple(skipped), tuple(notes), tuple(sheet_notes))
        record_action(s, "import", Unit.__tablename__, None, f"导入业主名册“{file_name}”：{report.summary()}")
    db.refresh_statistics(Building.__tablename__, Unit.__tablename__, Owner.__tablename__,
                          UnitOwnership.__tablename__)
    return report


def _report_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress and done % PROGRESS_EVERY == 0 and progress(done, total) is False:
        raise ImportCancelled()


def _refusal(problems: list[RowProblem]) -> str:
    listed = "；".join(str(p) for p in problems)
    return f"名册与系统中的资料冲突 {len(problems)} 处，未导入任何数据：{listed}"


def _ambiguous(row: RosterRow, candidates: Sequence[_UnitInfo | None]) -> RowProblem:
    # A None is a unit an earlier row of this roster makes: it has no stored number yet to name.
    known = [u for u in candidates if u is not None]
    which = "、".join(f"“{u.number}”" for u in known[:5])
    made = "本名册前面新建的房屋" if len(known) < len(candidates) else ""
    which = "及".join(filter(None, [which, made]))
    return RowProblem(row.row, "房号", f"“{row.number}”可对应系统中的 {which}，请写明单元")


def _load(s: Session, project_id: int) -> _Context:
    names = {i: n for n, i in s.execute(select(Building.name, Building.id).where(Building.project_id == project_id))}
    query = (select(Unit.id, Unit.number, Unit.area, Unit.use, Unit.building_id, Unit.entrance)
             .where(Unit.project_id == project_id))
    units: UnitMatcher[_UnitInfo | None] = UnitMatcher(
        (_UnitInfo(i, n, a, u), n, "" if b is None else names.get(b, ""), e) for i, n, a, u, b, e in s.execute(query))
    buildings = {building_key(n): i for i, n in names.items()}
    owners = s.execute(select(Owner.name, Owner.mobile, Owner.id_number, Owner.id)
                       .where(Owner.project_id == project_id))
    max_sort = s.scalar(select(func.max(Building.sort_no)).where(Building.project_id == project_id))
    return _Context(s, project_id, units, _unit_owners(s, project_id), buildings,
                    {_key(n, m, i): owner_id for n, m, i, owner_id in owners}, (max_sort or 0) + 1)


def _unit_owners(s: Session, project_id: int) -> dict[int, list[str]]:
    query = (select(UnitOwnership.unit_id, Owner.name).join(Owner, UnitOwnership.owner_id == Owner.id)
             .where(Owner.project_id == project_id, UnitOwnership.relation == OWNER,
                    UnitOwnership.until.is_(None)))
    found: dict[int, list[str]] = defaultdict(list)
    for unit_id, name in s.execute(query):
        found[unit_id].append(name)
    return found


def _key(name: str, mobile: str, id_number: str) -> OwnerKey:
    return name, mobile, id_number


def _create_unit(ctx: _Context, row: RosterRow) -> None:
    parts = parse_unit_number(row.number)
    # (a row is written only when its use and occupancy were read: the preview refuses the others)
    unit = Unit(project_id=ctx.project_id, number=row.number, area=row.area, use=UnitUse(row.use),
                occupancy=Occupancy(row.occupancy), building_id=_building(ctx, row.building),
                entrance=row.entrance or parts.entrance, floor=row.floor or parts.floor)
    ctx.session.add(unit)
    ctx.units.add(None, row.number, row.building, row.entrance)
    _add_owners(ctx, row, unit=unit)


def _building(ctx: _Context, name: str) -> int | None:
    """The building by its designator ('1号楼' is the project's '1栋'), made when the project has none."""
    if not name:
        return None
    key = building_key(name)
    if key not in ctx.buildings:
        building = Building(project_id=ctx.project_id, name=name, sort_no=ctx.next_sort)
        ctx.session.add(building)
        ctx.session.flush()  # its id, for the units below (a roster has a few dozen buildings)
        ctx.buildings[key] = building.id
        ctx.next_sort += 1
        ctx.created_buildings += 1
    return ctx.buildings[key]


def _add_owners(ctx: _Context, row: RosterRow, **unit: object) -> None:
    """Each owner the row names (co-owners "王芳、李强" are two) owns the unit: one 业主 ownership each."""
    for owner in row.owners:
        ctx.session.add(_ownership(ctx, owner, **unit))


def _ownership(ctx: _Context, owner: RosterOwner, **unit: object) -> UnitOwnership:
    """The same person (name and mobile or ID number) owning two units is one owner."""
    key = _key(owner.name, owner.mobile, owner.id_number)
    known = (ctx.owners.get(key) or ctx.pending.get(key)) if (owner.mobile or owner.id_number) else None
    if isinstance(known, int):
        return UnitOwnership(owner_id=known, relation=OWNER, **unit)
    if known is None:
        known = Owner(project_id=ctx.project_id, name=owner.name, is_company=owner.is_company, mobile=owner.mobile,
                      other_phones=owner.other_phones, id_kind=owner.id_kind, id_number=owner.id_number)
        ctx.session.add(known)
        ctx.created_owners += 1
        if owner.mobile or owner.id_number:
            ctx.pending[key] = known
    return UnitOwnership(owner=known, relation=OWNER, **unit)


def _existing_unit(ctx: _Context, unit: _UnitInfo | None, row: RosterRow, problems: list[RowProblem],
                   notes: list[str]) -> str:
    """'unchanged', 'added' (the owners for an ownerless unit) or 'conflict' (a problem is added)."""
    if unit is None:
        return "unchanged"  # the sheet names it twice: the preview refused that already
    names = ctx.unit_owners.get(unit.id, [])
    sheet_names = [o.name for o in row.owners]
    if sheet_names and names and any(n not in names for n in sheet_names):
        problems.append(RowProblem(row.row, "业主姓名", f"房屋“{row.number}”在系统中的业主是"
                                   f"“{'、'.join(names)}”，与表中“{row.owner}”不同；过户请在房屋资料中办理"))
        return "conflict"
    if sheet_names and not names:
        _add_owners(ctx, row, unit_id=unit.id)
        ctx.unit_owners[unit.id] = sheet_names
        return "added"
    notes.extend(_differences(unit, row))
    return "unchanged"


def _differences(unit: _UnitInfo, row: RosterRow) -> Iterable[str]:
    if row.area is not None and unit.area is not None and unit.area != row.area:
        yield f"{place(row.row)}“{row.number}”建筑面积 系统 {unit.area}、表中 {row.area}"
    if unit.use is not UnitUse(row.use):
        yield f"{place(row.row)}“{row.number}”房屋用途 系统 {chinese_word(unit.use)}、表中 {chinese_word(UnitUse(row.use))}"
