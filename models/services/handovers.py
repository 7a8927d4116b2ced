"""Handovers: read one, create one with its parties and dates, edit it (version-checked)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from ..db import Database
from ..errors import ValidationError
from ..handover import Handover
from ..project import Project
from .checklist_rows import HandoverInfo
from .common import get, get_for_save
from .projects import parse_kind

TEXT_FIELDS = ("title", "from_company", "from_rep", "to_company", "to_rep", "witness", "witness_rep")
DATE_FIELDS = ("cutoff_date", "planned_date", "actual_date")
REQUIRED = {"from_company": "移交方", "to_company": "接收方", "cutoff_date": "交接基准日"}


def handover_info(session: Session, handover: Handover) -> HandoverInfo:
    project = get(session, Project, handover.project_id)
    return HandoverInfo(
        handover.id, handover.version, project.id, project.code, project.name, handover.kind,
        handover.title, handover.from_company, handover.from_rep, handover.to_company, handover.to_rep,
        handover.witness, handover.witness_rep, handover.cutoff_date, handover.planned_date,
        handover.actual_date, handover.status)


def get_handover(db: Database, handover_id: int) -> HandoverInfo:
    with db.read() as s:
        return handover_info(s, get(s, Handover, handover_id))


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate what the clerk typed; messages name the field."""
    unknown = set(fields) - set(TEXT_FIELDS) - set(DATE_FIELDS) - {"kind"}
    if unknown:
        raise ValidationError(f"未知的交接字段：{'、'.join(sorted(unknown))}。")
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "kind" in out:
        out["kind"] = parse_kind(out["kind"])
    for key in DATE_FIELDS:
        if key in out and out[key] is not None and not isinstance(out[key], dt.date):
            raise ValidationError(f"「{_label(key)}」应为日期。")
    for key, label in REQUIRED.items():
        if key in out and not out[key]:
            raise ValidationError(f"「{label}」不能为空。")
    return out


def _label(key: str) -> str:
    return {"cutoff_date": "交接基准日", "planned_date": "计划交接日期", "actual_date": "实际交接日期"}[key]


def create_handover(db: Database, project_id: int, kind: str, from_company: str, to_company: str,
                    cutoff_date: dt.date, **optional: Any) -> HandoverInfo:
    fields = _clean({"kind": kind, "from_company": from_company, "to_company": to_company,
                     "cutoff_date": cutoff_date, **optional})
    with db.begin() as s:
        get(s, Project, project_id)
        handover = Handover(project_id=project_id, **fields)
        s.add(handover)
        s.flush()
        return handover_info(s, handover)


def update_handover(db: Database, handover_id: int, version: int, **fields: Any) -> HandoverInfo:
    values = _clean(fields)
    with db.begin() as s:
        handover = get_for_save(s, Handover, handover_id, version)
        for key, value in values.items():
            setattr(handover, key, value)
        s.flush()
        return handover_info(s, handover)
