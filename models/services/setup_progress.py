"""How far an office has come with its first setup: what the first-start guide shows on each step
and whether it should open at all. One read, counted in SQL; the GUI only shows it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Database
from ..handover import Handover, HandoverList
from ..i18n import translate
from ..people import Owner, Role, User
from ..project import Building, Project, Unit
from .office import office
from .permissions import may


@dataclass(frozen=True)
class SetupState:
    """Counts of what exists; `project_id` narrows the house and handover counts to one project."""

    office_name: str
    office_address: str
    projects: int
    buildings: int
    units: int
    owners: int
    handovers: int
    lists: int
    active_by_role: dict[str, int]
    may_set_up: bool  # an administrator: the guide offers every step (each service checks again)

    @property
    def is_empty(self) -> bool:
        """A database nobody has set up yet: no project at all. The guide opens by itself only then."""
        return self.projects == 0

    @property
    def has_colleagues(self) -> bool:
        """Someone besides administrators can log in: a clerk or a supervisor."""
        return any(self.active_by_role.get(r.value, 0) for r in (Role.CLERK, Role.SUPERVISOR))

    def accounts_line(self) -> str:
        """e.g. "管理员 1 个，主管 1 个，文员 2 个" (roles with nobody are left out)."""
        parts = [translate("setup", "{role} {count} 个").format(role=r.label, count=self.active_by_role[r.value])
                 for r in reversed(Role) if self.active_by_role.get(r.value)]
        return translate("setup", "，").join(parts) or translate("setup", "无")


def _count(s: Session, column: object, *where: object) -> int:
    return int(s.scalar(select(func.count(column)).where(*where)) or 0)  # type: ignore[arg-type]


def setup_state(db: Database, project_id: int | None = None) -> SetupState:
    """What the office has so far (one read transaction)."""
    here = office(db)
    with db.read() as s:
        projects = _count(s, Project.id)
        if project_id is None:
            buildings = units = owners = handovers = lists = 0
        else:
            buildings = _count(s, Building.id, Building.project_id == project_id)
            units = _count(s, Unit.id, Unit.project_id == project_id)
            owners = _count(s, Owner.id, Owner.project_id == project_id)
            handovers = _count(s, Handover.id, Handover.project_id == project_id)
            lists = _count(s, HandoverList.id, HandoverList.handover_id == Handover.id,
                           Handover.project_id == project_id)
        roles = dict(s.execute(select(User.role, func.count(User.id)).where(User.active.is_(True))
                               .group_by(User.role)).all())
    by_role = {getattr(role, "value", role): int(n) for role, n in roles.items()}
    return SetupState(here.name, here.address, projects, buildings, units, owners, handovers, lists, by_role,
                      may(db, Role.ADMIN))
