"""Projects and handovers: create and list (the command line and the selector use these)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..db import Database
from ..errors import NotFoundError, ValidationError
from ..handover import Handover, HandoverKind
from ..project import PROJECT_KINDS, Project


@dataclass(frozen=True)
class ProjectRow:
    id: int
    code: str
    name: str
    kind: str
    address: str


@dataclass(frozen=True)
class HandoverRow:
    id: int
    project_id: int
    kind: HandoverKind
    title: str
    from_company: str
    to_company: str
    witness: str
    cutoff_date: dt.date
    status: str

    @property
    def caption(self) -> str:
        return self.title or f"{self.kind.value}：{self.from_company} → {self.to_company}"


def _project_row(p: Project) -> ProjectRow:
    return ProjectRow(p.id, p.code, p.name, p.kind, p.address)


def _handover_row(h: Handover) -> HandoverRow:
    return HandoverRow(h.id, h.project_id, h.kind, h.title, h.from_company, h.to_company,
                       h.witness, h.cutoff_date, h.status.value)


def add_project(db: Database, code: str, name: str, kind: str = "住宅", address: str = "",
                manager_company: str = "") -> ProjectRow:
    code, name = code.strip(), name.strip()
    if not code:
        raise ValidationError("项目编码不能为空。")
    if not name:
        raise ValidationError("项目名称不能为空。")
    if kind not in PROJECT_KINDS:
        raise ValidationError(f"项目类型“{kind}”无效，应为：{'、'.join(PROJECT_KINDS)}。")
    with db.begin() as s:
        if s.scalar(select(Project).where(Project.code == code)):
            raise ValidationError(f"项目编码“{code}”已存在。")
        project = Project(code=code, name=name, kind=kind, address=address,
                          manager_company=manager_company)
        s.add(project)
        s.flush()
        return _project_row(project)


def list_projects(db: Database) -> list[ProjectRow]:
    with db.read() as s:
        return [_project_row(p) for p in s.scalars(select(Project).order_by(Project.code))]


def project_by_code(db: Database, code: str) -> ProjectRow:
    with db.read() as s:
        project = s.scalar(select(Project).where(Project.code == code))
        if project is None:
            raise NotFoundError(f"项目“{code}”不存在。")
        return _project_row(project)


def parse_kind(kind: str) -> HandoverKind:
    try:
        return HandoverKind(kind)
    except ValueError:
        names = "、".join(k.value for k in HandoverKind)
        raise ValidationError(f"交接类型“{kind}”无效，应为：{names}。") from None


def add_handover(db: Database, project_code: str, kind: str, from_company: str, to_company: str,
                 cutoff: dt.date, witness: str = "", title: str = "") -> HandoverRow:
    if not from_company.strip():
        raise ValidationError("移交方不能为空。")
    if not to_company.strip():
        raise ValidationError("接收方不能为空。")
    handover_kind = parse_kind(kind)
    project = project_by_code(db, project_code)
    with db.begin() as s:
        handover = Handover(project_id=project.id, kind=handover_kind, title=title.strip(),
                            from_company=from_company.strip(), to_company=to_company.strip(),
                            witness=witness.strip(), cutoff_date=cutoff)
        s.add(handover)
        s.flush()
        return _handover_row(handover)


def list_handovers(db: Database, project_id: int) -> list[HandoverRow]:
    with db.read() as s:
        rows = s.scalars(select(Handover).where(Handover.project_id == project_id).order_by(Handover.id))
        return [_handover_row(h) for h in rows]
