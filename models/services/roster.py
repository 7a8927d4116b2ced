"""业主名册: one row per unit of a project with its current owners, in natural building/unit order."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, select

from ..db import Database
from ..people import Owner, Relation, UnitOwnership
from ..project import Building, Occupancy, Unit, UnitUse


@dataclass(frozen=True)
class RosterRow:
    """A unit as the roster prints it; mobiles are raw, the form masks them."""

    building: str
    unit: str
    area: Decimal | None
    use: UnitUse
    occupancy: Occupancy
    owners: str                 # names joined with "、"
    mobiles: tuple[str, ...]

    def __post_init__(self) -> None:  # a code or label given (a report's caller, old data) is read as its member
        object.__setattr__(self, "use", UnitUse(self.use))
        object.__setattr__(self, "occupancy", Occupancy(self.occupancy))

    @property
    def is_occupied(self) -> bool:
        return self.occupancy is Occupancy.OCCUPIED

NO_BUILDING = "（未分楼栋）"


@dataclass(frozen=True)
class RosterTally:
    """What the roster's totals say about some units."""

    units: int
    area: Decimal          # the registered areas, exact (units without one count as nothing)
    without_area: int
    occupied: int


def tally(rows: Sequence[RosterRow]) -> RosterTally:
    return RosterTally(len(rows), sum((r.area for r in rows if r.area is not None), Decimal("0.00")),
                       sum(1 for r in rows if r.area is None), sum(1 for r in rows if r.is_occupied))


def by_building(rows: Sequence[RosterRow]) -> list[tuple[str, RosterTally]]:
    """The tally of each building, in the rows' order (they arrive sorted by building)."""
    groups: dict[str, list[RosterRow]] = {}
    for row in rows:
        groups.setdefault(row.building or NO_BUILDING, []).append(row)
    return [(name, tally(group)) for name, group in groups.items()]


@lru_cache(maxsize=1 << 16)  # sorting 100,000 result lines asks for the same 20,000 units' keys again and again
def natural_key(text: str) -> tuple[Any, ...]:
    """'2栋' before '10栋', '1201' after '302': digit runs compare as numbers.

    re.split with a capture group puts text at even and digits at odd
    positions, so two keys always compare str with str and int with int.
    """
    parts = re.split(r"(\d+)", text.strip())
    return tuple(int(p) if i % 2 else p.casefold() for i, p in enumerate(parts))


def _query(project_id: int) -> Any:
    current_owner = and_(UnitOwnership.unit_id == Unit.id, UnitOwnership.relation == Relation.OWNER,
                         UnitOwnership.until.is_(None))
    return (select(Unit.id, Building.name, Building.sort_no, Unit.number, Unit.area, Unit.use,
                   Unit.occupancy, Owner.name, Owner.mobile)
            .outerjoin(Building, Building.id == Unit.building_id)
            .outerjoin(UnitOwnership, current_owner)
            .outerjoin(Owner, Owner.id == UnitOwnership.owner_id)
            .where(Unit.project_id == project_id)
            .order_by(Unit.id, UnitOwnership.id))


def _fold(records: Iterable[Any]) -> list[tuple[tuple[Any, ...], RosterRow]]:
    """Join a unit's owner rows (the query gives one per owner) into one RosterRow."""
    units: dict[int, tuple[Any, list[str], list[str]]] = {}
    for rec in records:
        _, names, mobiles = units.setdefault(rec[0], (rec, [], []))
        if rec[7] is not None:
            names.append(rec[7])
            if rec[8]:
                mobiles.append(rec[8])
    return [(_sort_key(rec), _row(rec, names, mobiles)) for rec, names, mobiles in units.values()]


def _sort_key(rec: Any) -> tuple[Any, ...]:
    # Units without a building go last; buildings by their sort number, then by name.
    no_building = rec[1] is None
    return (no_building, rec[2] or 0, natural_key(rec[1] or ""), natural_key(rec[3]))


def _row(rec: Any, names: list[str], mobiles: list[str]) -> RosterRow:
    return RosterRow(building=rec[1] or "", unit=rec[3], area=rec[4], use=rec[5],
                     occupancy=rec[6], owners="、".join(names), mobiles=tuple(mobiles))


def roster_rows(db: Database, project_id: int) -> list[RosterRow]:
    with db.read() as s:
        keyed = _fold(s.execute(_query(project_id)))
    return [row for _, row in sorted(keyed, key=lambda pair: pair[0])]
