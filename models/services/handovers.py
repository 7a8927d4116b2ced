"""Handovers: read one, create one with its parties and dates, edit it (version-checked).

Once one of its documents is signed, the parties and the cut-off the document printed are a
correction (更正): a supervisor's, with a written reason, kept in handover_amendments. The signed
documents keep what they signed (their own snapshots); the cut-off stays while the settlement is
signed, since the settlement was computed from it.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import DocStatus, now
from ..db import Database
from ..errors import ValidationError
from ..fees import Settlement
from ..handover import Handover, HandoverAmendment, HandoverKind, HandoverList
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role
from ..project import Project
from .checklist_rows import HandoverInfo
from .common import get, get_for_save, lock_handover
from .ledger_state import ledger_changed
from .office import letterhead_in
from .permissions import Permit, permit, require_role
from .projects import parse_kind
from .settlement_state import latest_settlement

TEXT_FIELDS = ("title", "from_company", "from_rep", "to_company", "to_rep", "witness", "witness_rep")
DATE_FIELDS = ("cutoff_date", "planned_date", "actual_date")
REQUIRED = {"from_company": QT_TRANSLATE_NOOP("handovers", "移交方"), "to_company": QT_TRANSLATE_NOOP("handovers", "接收方"),
            "cutoff_date": QT_TRANSLATE_NOOP("handovers", "交接基准日")}
# What a signed document prints of its handover: changed afterwards only as a correction.
# Labels translated where shown (translate("handovers", …)).
FROZEN = {"kind": QT_TRANSLATE_NOOP("handovers", "交接类型"), "from_company": QT_TRANSLATE_NOOP("handovers", "移交方"),
          "from_rep": QT_TRANSLATE_NOOP("handovers", "移交方代表"), "to_company": QT_TRANSLATE_NOOP("handovers", "接收方"),
          "to_rep": QT_TRANSLATE_NOOP("handovers", "接收方代表"), "witness": QT_TRANSLATE_NOOP("handovers", "监交方"),
          "witness_rep": QT_TRANSLATE_NOOP("handovers", "监交方代表"),
          "cutoff_date": QT_TRANSLATE_NOOP("handovers", "交接基准日")}
DATE_LABELS = {"cutoff_date": QT_TRANSLATE_NOOP("handovers", "交接基准日"),
               "planned_date": QT_TRANSLATE_NOOP("handovers", "计划交接日期"),
               "actual_date": QT_TRANSLATE_NOOP("handovers", "实际交接日期")}


def signed_documents(session: Session, handover_id: int) -> tuple[str, ...]:
    """The handover's signed documents, named as the clerk knows them."""
    titles = session.scalars(select(HandoverList.title).where(
        HandoverList.handover_id == handover_id, HandoverList.status == DocStatus.SIGNED)
        .order_by(HandoverList.id))
    out = [translate("handovers", "交接清单“{title}”").format(title=t) for t in dict.fromkeys(titles)]
    settlement = _signed_settlement(session, handover_id)
    if settlement is not None:
        out.append(translate("handovers", "财务结算（第 {revision} 版）").format(revision=settlement.revision))
    return tuple(out)


def _signed_settlement(session: Session, handover_id: int) -> Settlement | None:
    settlement = latest_settlement(session, handover_id)
    return settlement if settlement is not None and settlement.status is DocStatus.SIGNED else None


def handover_info(session: Session, handover: Handover) -> HandoverInfo:
    project = get(session, Project, handover.project_id)
    return HandoverInfo(
        handover.id, handover.version, project.id, project.code, project.name, handover.kind,
        handover.title, handover.from_company, handover.from_rep, handover.to_company, handover.to_rep,
        handover.witness, handover.witness_rep, handover.cutoff_date, handover.planned_date,
        handover.actual_date, handover.status, signed_documents(session, handover.id),
        letterhead_in(session))


def get_handover(db: Database, handover_id: int) -> HandoverInfo:
    with db.read() as s:
        return handover_info(s, get(s, Handover, handover_id))


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate what the clerk typed; messages name the field."""
    unknown = set(fields) - set(TEXT_FIELDS) - set(DATE_FIELDS) - {"kind"}
    if unknown:
        raise ValidationError(translate("handovers", "未知的交接字段：{fields}。").format(fields="、".join(sorted(unknown))))
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "kind" in out:
        out["kind"] = parse_kind(out["kind"])
    for key in DATE_FIELDS:
        if key in out and out[key] is not None and not isinstance(out[key], dt.date):
            raise ValidationError(translate("handovers", "「{field}」应为日期。").format(
                field=translate("handovers", DATE_LABELS[key])))
    for key, label in REQUIRED.items():
        if key in out and not out[key]:
            raise ValidationError(translate("handovers", "「{field}」不能为空。").format(
                field=translate("handovers", label)))
    return out


def create_handover(db: Database, project_id: int, kind: HandoverKind | str, from_company: str, to_company: str,
                    cutoff_date: dt.date, **optional: Any) -> HandoverInfo:
    fields = _clean({"kind": kind, "from_company": from_company, "to_company": to_company,
                     "cutoff_date": cutoff_date, **optional})
    with db.begin() as s:
        get(s, Project, project_id)
        handover = Handover(project_id=project_id, **fields)
        s.add(handover)
        s.flush()
        return handover_info(s, handover)


# Who may move the cut-off, or correct what a signed document printed; the action as a refusal names it.
CUTOFF = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "更改交接基准日"))
CORRECTION = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "更正交接类型、交接双方或基准日"))


def cutoff_permit(db: Database) -> Permit:
    return permit(db, *CUTOFF)


def correction_permit(db: Database) -> Permit:
    return permit(db, *CORRECTION)


def update_handover(db: Database, handover_id: int, version: int, *, reason: str = "",
                    **fields: Any) -> HandoverInfo:
    """Save what the clerk changed; a change to what a signed document printed is a correction."""
    values = _clean(fields)
    with db.begin(immediate=True) as s:
        lock_handover(s, handover_id)  # a list or the settlement is not signed under this change
        handover = get_for_save(s, Handover, handover_id, version)
        changed = {k: v for k, v in values.items() if getattr(handover, k) != v}
        if "cutoff_date" in changed:
            require_role(db, *CUTOFF)
            ledger_changed(s, [handover_id])  # which periods are matched depends on it
        frozen = {k: v for k, v in changed.items() if k in FROZEN}
        if frozen and (signed := signed_documents(s, handover_id)):
            _correct(db, s, handover, frozen, signed, reason)
        for key, value in changed.items():
            setattr(handover, key, value)
        s.flush()
        return handover_info(s, handover)


def _correct(db: Database, s: Session, handover: Handover, changed: dict[str, Any], signed: tuple[str, ...],
             reason: str) -> None:
    """Record a correction of what signed documents printed (refused where it would move a figure)."""
    names = "、".join(translate("handovers", "「{field}」").format(field=translate("handovers", FROZEN[k]))
                     for k in changed)
    require_role(db, CORRECTION[0], translate("handovers", "更正{names}（本交接已有已签署的单据）").format(names=names))
    # Asked of the settlement itself, not of its name in `signed` (which is in the desk's language).
    if "cutoff_date" in changed and _signed_settlement(s, handover.id) is not None:
        raise ValidationError(translate("handovers", "财务结算已签署，「交接基准日」不能更改：结算按它计算。"
                                        "如需更正，请由主管先“修订结算”，再改基准日并重新对账、签署。"))
    if not reason.strip():
        raise ValidationError(translate("handovers", "本交接已有已签署的单据（{documents}），更改{names}属于更正，"
                                        "须写明「更正原因」。已签署的单据仍按签署时的内容打印。").format(
                                            documents="、".join(signed), names=names))
    s.add(HandoverAmendment(handover_id=handover.id, at=now(), by=_user(db), reason=reason.strip(),
                            before=_json({k: getattr(handover, k) for k in changed}), after=_json(changed)))


def _user(db: Database) -> str:
    return (db.user.display_name or db.user.username) if db.user else ""


def _json(values: dict[str, Any]) -> str:
    plain = {k: (v.isoformat() if isinstance(v, dt.date) else getattr(v, "value", v)) for k, v in values.items()}
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def corrections(db: Database, handover_id: int) -> list[tuple[dt.datetime, str, str, str, str]]:
    """The handover's corrections, oldest first: (at, by, reason, before, after) with the JSON as stored."""
    with db.read() as s:
        rows = s.scalars(select(HandoverAmendment).where(HandoverAmendment.handover_id == handover_id)
                         .order_by(HandoverAmendment.id))
        return [(a.at, a.by, a.reason, a.before, a.after) for a in rows]
