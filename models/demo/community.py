"""The community itself: project, buildings, units, owners and who owns what, plus the demo users."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from ..people import Owner, Relation, Role, UnitOwnership, User
from ..project import Building, Occupancy, Project, ProjectKind, Unit, UnitUse
from ..rules.unit_number import parse_unit_number
from ..services.auth import hash_password
from ..services.place_choices import chinese_word
from .names import person
from .plan import DELIVERED, PROJECT_ADDRESS, PROJECT_CODE, PROJECT_NAME, REF_NOW, TO_COMPANY, SizePlan
from .writer import Row, Writer

# Flat sizes in hundredths of m² (89.56 m² ...): each building picks one per door position.
FLAT_AREAS = (7635, 8956, 9862, 10548, 11238, 12874, 13690, 14320)
DEMO_PASSWORD = "demo1234"
DEMO_USERS = (("admin", "系统管理员", Role.ADMIN), ("supervisor", "刘敏", Role.SUPERVISOR),
              ("clerk", "王晓雯", Role.CLERK))


@dataclass(slots=True)
class UnitInfo:
    """What later parts (keys, defects, ledger) need to know about a unit, kept in memory."""

    id: int
    number: str
    use: UnitUse
    area: Decimal
    occupancy: Occupancy
    building_id: int
    building_no: int = 0   # 3 for "3栋"; 0 for shops, parking and storage
    entrance: int = 0      # 单元
    floor: int = 0
    room: str = ""         # "1201", "S-105", "B2-117"
    owner_id: int = 0
    owner_name: str = ""


@dataclass
class Community:
    project_id: int
    buildings: dict[str, int] = field(default_factory=dict)  # name -> id
    units: list[UnitInfo] = field(default_factory=list)
    floors: dict[int, int] = field(default_factory=dict)     # building_no -> floors
    entrances: dict[int, int] = field(default_factory=dict)  # building_no -> 单元 count

    def of_use(self, use: UnitUse) -> list[UnitInfo]:
        return [u for u in self.units if u.use == use]


def versioned(**values: Any) -> Row:
    """A row of a Versioned table with the lock columns filled in (deterministic updated_at)."""
    return {**values, "version": 1, "updated_at": REF_NOW}


def area(hundredths: int) -> Decimal:
    return Decimal(hundredths).scaleb(-2)


def insert_users(w: Writer) -> None:
    """admin / supervisor / clerk with password demo1234; users already present are left alone."""
    present = set(w.session.scalars(select(User.username)))
    missing = [u for u in DEMO_USERS if u[0] not in present]
    if not missing:
        return
    hashed = hash_password(DEMO_PASSWORD)  # scrypt is slow on purpose: hash once, reuse
    w.insert(User.__table__, [versioned(username=name, display_name=display, role=role.value,
                                        password_hash=hashed, active=True)
                              for name, display, role in missing], "用户")


def insert_project(w: Writer) -> int:
    project_id = w.next_id(Project.__table__)
    w.insert(Project.__table__, [versioned(id=project_id, code=PROJECT_CODE, name=PROJECT_NAME,
                                           address=PROJECT_ADDRESS, kind=ProjectKind.RESIDENTIAL,
                                           manager_company=TO_COMPANY)], "项目")
    return project_id


def _layout(plan: SizePlan, rng: random.Random) -> list[tuple[int, int, int, list[int]]]:
    """Residential buildings (floors, 单元, flats per floor, area per door) until the flats suffice."""
    layout, remaining = [], plan.residential
    while remaining > 0:
        floors, entrances, per_floor = rng.choice(plan.floor_plans)
        doors = [a + rng.randint(-150, 150) for a in rng.sample(FLAT_AREAS, per_floor)]
        layout.append((floors, entrances, per_floor, doors))
        remaining -= floors * entrances * per_floor
    return layout


def _occupancy(rng: random.Random, use: UnitUse) -> Occupancy:
    r = rng.random()
    if use == UnitUse.RESIDENCE:
        return Occupancy.OCCUPIED if r < 0.80 else Occupancy.VACANT if r < 0.93 else Occupancy.RENOVATING
    return Occupancy.OCCUPIED if r < 0.82 else Occupancy.VACANT


def _residential(c: Community, plan: SizePlan, rng: random.Random, next_id: int) -> None:
    for no, (floors, entrances, per_floor, doors) in enumerate(_layout(plan, rng), 1):
        c.floors[no], c.entrances[no] = floors, entrances
        for e in range(1, entrances + 1):
            for f in range(1, floors + 1):
                for d in range(1, per_floor + 1):
                    if len(c.units) == plan.residential:
                        return
                    room = f"{f}{d:02d}"
                    c.units.append(UnitInfo(next_id + len(c.units), f"{no}栋{e}单元{room}", UnitUse.RESIDENCE,
                                            area(doors[d - 1]), _occupancy(rng, UnitUse.RESIDENCE), 0, no, e, f, room))


def _others(c: Community, plan: SizePlan, rng: random.Random, next_id: int) -> None:
    half = (plan.parking + 1) // 2  # two basement levels, B1 and B2
    specs = [(UnitUse.SHOP, plan.shops, lambda i: f"S-{101 + i}", (3500, 22000)),
             (UnitUse.PARKING, plan.parking, lambda i: f"B1-{i + 1:03d}" if i < half else f"B2-{i - half + 1:03d}",
              (1200, 1500)),
             (UnitUse.STORAGE, plan.storage, lambda i: f"D-{i + 1:03d}", (500, 1500))]
    for use, count, room_of, (lo, hi) in specs:
        for i in range(count):
            room = room_of(i)
            c.units.append(UnitInfo(next_id + len(c.units), f"{chinese_word(use)} {room}", use, area(rng.randint(lo, hi)),
                                    _occupancy(rng, use), 0, room=room))


def _buildings(c: Community, w: Writer) -> None:
    first = w.next_id(Building.__table__)
    names = [f"{no}栋" for no in c.floors] + ["沿街商铺", "地下车库"]
    c.buildings = {name: first + i for i, name in enumerate(names)}
    w.insert(Building.__table__, [versioned(id=bid, project_id=c.project_id, name=name, sort_no=i)
                                  for i, (name, bid) in enumerate(c.buildings.items())], "楼栋")
    for u in c.units:
        name = f"{u.building_no}栋" if u.building_no else "沿街商铺" if u.use == UnitUse.SHOP else "地下车库"
        u.building_id = c.buildings[name]


def _unit_row(c: Community, u: UnitInfo) -> Row:
    parts = parse_unit_number(u.number)
    return versioned(id=u.id, project_id=c.project_id, building_id=u.building_id, number=u.number,
                     entrance=parts.entrance, floor=parts.floor, area=u.area, use=u.use, occupancy=u.occupancy)


def build_community(w: Writer, plan: SizePlan, seed: int, project_id: int) -> Community:
    rng = random.Random(f"{seed}:units")
    c = Community(project_id)
    first = w.next_id(Unit.__table__)
    _residential(c, plan, rng, first)
    _others(c, plan, rng, first)
    _buildings(c, w)
    w.insert(Unit.__table__, (_unit_row(c, u) for u in c.units), "房屋")
    _owners(c, w, random.Random(f"{seed}:owners"))
    return c


def _since(rng: random.Random) -> dt.date:
    return DELIVERED + dt.timedelta(days=rng.randrange((dt.date(2026, 5, 31) - DELIVERED).days))


class _OwnerBook:
    """Collects owner and ownership rows with explicit owner ids."""

    def __init__(self, w: Writer, project_id: int) -> None:
        self.next = w.next_id(Owner.__table__)
        self.project_id = project_id
        self.owners: list[Row] = []
        self.links: list[Row] = []

    def new(self, rng: random.Random) -> tuple[int, str]:
        name, phone, idn = person(rng)
        oid = self.next + len(self.owners)
        self.owners.append(versioned(id=oid, project_id=self.project_id, name=name, mobile=phone,
                                     id_number=idn))
        return oid, name

    def link(self, unit: UnitInfo, owner_id: int, relation: Relation, since: dt.date) -> None:
        self.links.append(versioned(unit_id=unit.id, owner_id=owner_id, relation=relation, since=since,
                                    until=None))


def _owners(c: Community, w: Writer, rng: random.Random) -> None:
    book = _OwnerBook(w, c.project_id)
    homes = [u for u in c.units if u.use == UnitUse.RESIDENCE]
    for u in c.units:
        since = _since(rng)
        if u.use in (UnitUse.PARKING, UnitUse.STORAGE) and rng.random() < 0.75:
            home = rng.choice(homes)  # a flat's owner also owns this space
            u.owner_id, u.owner_name = home.owner_id, home.owner_name
        else:
            u.owner_id, u.owner_name = book.new(rng)
        book.link(u, u.owner_id, Relation.OWNER, since)
        if u.use == UnitUse.RESIDENCE and rng.random() < 0.12:
            book.link(u, book.new(rng)[0], Relation.OWNER, since)  # co-owner (spouse)
        tenant_share = 0.45 if u.use == UnitUse.SHOP else 0.08 if u.use == UnitUse.RESIDENCE else 0.0
        if u.occupancy == Occupancy.OCCUPIED and rng.random() < tenant_share:
            book.link(u, book.new(rng)[0], Relation.OCCUPANT, max(since, dt.date(2024, 1, 1)) + dt.timedelta(days=30))
    w.insert(Owner.__table__, book.owners, "业主")
    w.insert(UnitOwnership.__table__, book.links, "房屋产权")
