"""Projects and handovers: create, edit and list (the command line, the selector and the 项目 dialog)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import DocStatus
from ..db import Database
from ..errors import NotFoundError, ValidationError
from ..field_labels import check_text
from ..handover import Handover, HandoverKind
from ..i18n import translate
from ..project import Project, ProjectKind
from .common import get_for_save
from .place_choices import read_member


@dataclass(frozen=True)
class ProjectRow:
    id: int
    code: str
    name: str
    kind: ProjectKind
    address: str
    manager_company: str = ""
    version: int = 1


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
    status: DocStatus

    @property
    def caption(self) -> str:
        return self.title or translate("labels", "{kind}：{from_company} → {to_company}").format(
            kind=self.kind.label, from_company=self.from_company, to_company=self.to_company)


def _project_row(p: Project) -> ProjectRow:
    return ProjectRow(p.id, p.code, p.name, p.kind, p.address, p.manager_company, p.version)


def _handover_row(h: Handover) -> HandoverRow:
    return HandoverRow(h.id, h.project_id, h.kind, h.title, h.from_company, h.to_company,
                       h.witness, h.cutoff_date, h.status)


@dataclass(frozen=True)
class ProjectForm:
    """What the clerk typed for a project (texts as typed; the service trims and checks them)."""

    code: str
    name: str
    kind: ProjectKind | str = ProjectKind.RESIDENTIAL  # a member, or its code or label (read by _checked)
    address: str = ""
    manager_company: str = ""


def _checked(form: ProjectForm) -> ProjectForm:
    """The form trimmed, or ValidationError naming the first field that is wrong."""
    trimmed = ProjectForm(form.code.strip(), form.name.strip(), form.kind, form.address.strip(),
                          form.manager_company.strip())
    if not trimmed.code:
        raise ValidationError(translate("projects", "「项目编码」不能为空。"))
    if any(c.isspace() for c in trimmed.code):
        raise ValidationError(translate("projects", "「项目编码」不能含空格：“{code}”（命令行用 --project 编码 选项目）。").format(code=trimmed.code))
    if not trimmed.name:
        raise ValidationError(translate("projects", "「项目名称」不能为空。"))
    kind = read_member(ProjectKind, form.kind, translate("projects", "「项目类型」“{value}”无效，应为：{choices}。"))
    for column in ("code", "name", "address", "manager_company"):
        check_text("projects", column, getattr(trimmed, column))
    return replace(trimmed, kind=kind)


def _check_code_free(s: Session, code: str, project_id: int | None) -> None:
    clash = s.scalar(select(Project).where(Project.code == code, Project.id != (project_id or 0)))
    if clash is not None:
        raise ValidationError(translate("projects", "「项目编码」“{code}”已被项目“{name}”使用，请换一个编码。").format(code=code, name=clash.name))


def add_project(db: Database, code: str, name: str, kind: ProjectKind | str = ProjectKind.RESIDENTIAL, address: str = "",
                manager_company: str = "") -> ProjectRow:
    return create_project(db, ProjectForm(code, name, kind, address, manager_company))


def create_project(db: Database, form: ProjectForm) -> ProjectRow:
    """A new project (项目 → 新建项目…, the command line's project add)."""
    form = _checked(form)
    with db.begin(immediate=True) as s:
        _check_code_free(s, form.code, None)
        project = Project(code=form.code, name=form.name, kind=ProjectKind(form.kind), address=form.address,
                          manager_company=form.manager_company)
        s.add(project)
        s.flush()
        return _project_row(project)


def edit_project(db: Database, project_id: int, seen_version: int, form: ProjectForm) -> ProjectRow:
    """Save the project as the clerk saw it (version `seen_version`), or refuse if someone saved since."""
    form = _checked(form)
    with db.begin(immediate=True) as s:
        project = get_for_save(s, Project, project_id, seen_version)
        _check_code_free(s, form.code, project_id)
        project.code, project.name, project.kind = form.code, form.name, ProjectKind(form.kind)
        project.address, project.manager_company = form.address, form.manager_company
        s.flush()
        return _project_row(project)


def get_project(db: Database, project_id: int) -> ProjectRow:
    with db.read() as s:
        project = s.get(Project, project_id)
        if project is None:
            raise NotFoundError(translate("projects", "项目（编号 {project_id}）不存在。").format(project_id=project_id))
        return _project_row(project)


def list_projects(db: Database) -> list[ProjectRow]:
    with db.read() as s:
        return [_project_row(p) for p in s.scalars(select(Project).order_by(Project.code))]


def project_by_code(db: Database, code: str) -> ProjectRow:
    with db.read() as s:
        project = s.scalar(select(Project).where(Project.code == code))
        if project is None:
            raise NotFoundError(translate("projects", "项目“{code}”不存在。").format(code=code))
        return _project_row(project)


def parse_kind(kind: HandoverKind | str) -> HandoverKind:
    """Its member, code (acceptance) or label (承接查验)."""
    try:
        return HandoverKind(kind)
    except ValueError:
        names = "、".join(k.label for k in HandoverKind)
        raise ValidationError(translate("projects", "交接类型“{kind}”无效，应为：{names}。").format(kind=kind, names=names)) from None


def add_handover(db: Database, project_code: str, kind: str, from_company: str, to_company: str,
                 cutoff: dt.date, witness: str = "", title: str = "") -> HandoverRow:
    if not from_company.strip():
        raise ValidationError(translate("projects", "移交方不能为空。"))
    if not to_company.strip():
        raise ValidationError(translate("projects", "接收方不能为空。"))
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
