"""The defect register (遗留问题): record, move through the lifecycle, log duties done, photos, lists for today."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..base import now as wall_clock
from ..db import Database
from ..defect import (
    Defect,
    DefectAction,
    DefectCategory,
    DefectPhoto,
    DefectStatus,
    DefectStatusChange,
    Responsible,
    Severity,
    category_of,
    responsible_of,
    severity_of,
)
from ..errors import Cancelled, DomainError, NotFoundError, ValidationError
from ..field_labels import check_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role
from ..photos import Prepared, prepare_photo
from ..rules.deadlines import change_note, check_table
from ..rules.defect_lifecycle import FINAL, check_transition
from ..rules.escalation import DefectFacts, duties, notice_late, overdue_days
from ..settings import Setting
from .common import get, get_for_save
from .defect_rows import ACTION_KINDS, ActionRow, DefectDetail, DefectRow, DefectStats, DueRow, HistoryRow, PhotoRow
from .defects import DEADLINE_SETTING, office_deadline_days, office_default_deadline, record_defect, validate_defect
from .permissions import Permit, may, permit, require_role

S = DefectStatus
OPEN = (S.PENDING_NOTICE, S.RECTIFYING, S.PENDING_REINSPECTION)
DEADLINE_TABLE_ROLE = Role.SUPERVISOR  # who may change the office's 整改期限 table
EDITABLE = ("location", "unit_id", "category", "severity", "responsible", "description", "deadline")
# The word-list fields: given as a member, code or label, stored as the member.
VOCABULARIES: dict[str, Callable[[object], Any]] = {
    "category": category_of, "severity": severity_of, "responsible": responsible_of}
Progress = Callable[..., bool]


# --- rows ------------------------------------------------------------------------------------

def _row(d: Defect, photo_count: int = 0) -> DefectRow:
    return DefectRow(d.id, d.version, d.number, d.project_id, d.handover_id, d.unit_id, d.location, d.category,
                     d.description, d.severity, d.responsible, d.found_at, d.found_by, d.notice_at, d.deadline,
                     d.status, d.failed_reinspections, d.closed_at, d.report, photo_count)


def _user(db: Database) -> str:
    return (db.user.display_name or db.user.username) if db.user else ""


def _at(at: dt.datetime | None) -> dt.datetime:
    return (at or wall_clock()).replace(microsecond=0)


def facts(d: Defect | DefectRow, actions: Iterable[tuple[str, dt.datetime]] = (),
          last_failure_at: dt.datetime | None = None) -> DefectFacts:
    return DefectFacts(d.severity, d.status, d.found_at, d.notice_at, d.deadline,
                       d.failed_reinspections, last_failure_at, frozenset(actions))


# --- the office's deadline table -------------------------------------------------------------

def deadline_days(db: Database) -> dict[Severity, int]:
    with db.read() as s:
        return office_deadline_days(s)


def default_deadline(db: Database, severity: Severity | str, found_at: dt.datetime | dt.date) -> dt.date:
    """What a new defect's 整改期限 will be unless the clerk changes it (the form shows it)."""
    with db.read() as s:
        return office_default_deadline(s, severity, found_at)


def deadline_table_permit(db: Database) -> Permit:
    """Whether the current user may change the table, and if not, who may (the tab's tooltip)."""
    return permit(db, DEADLINE_TABLE_ROLE, QT_TRANSLATE_NOOP("permissions", "修改整改期限"))


def may_set_deadline_days(db: Database) -> bool:
    """Whether the current user may change the table (the GUI enables 整改期限设置 from this)."""
    return may(db, DEADLINE_TABLE_ROLE)


def set_deadline_days(db: Database, table: Mapping[Any, int]) -> dict[Severity, int]:
    """Change some rows of the table (severity as member, code or label). It is saved keyed by code, the
    whole table: a table saved before the codes (keyed by 重大…) is rewritten with codes."""
    require_role(db, DEADLINE_TABLE_ROLE, QT_TRANSLATE_NOOP("permissions", "修改整改期限"))
    checked = check_table(table)
    with db.begin() as s:
        row = s.scalar(select(Setting).where(Setting.key == DEADLINE_SETTING))
        merged = {**office_deadline_days(s), **checked}
        value = json.dumps({severity.value: days for severity, days in merged.items()})
        if row is None:
            s.add(Setting(key=DEADLINE_SETTING, value=value))
        else:
            row.value = value
        return merged


# --- recording and editing -------------------------------------------------------------------

PhotoIn = Prepared | tuple[str, bytes]  # a photo read by models/photos, or a file's name and bytes


def _prepared(photos: Iterable[PhotoIn]) -> list[Prepared]:
    """Every photo checked and downscaled before a transaction opens: one bad file refuses the whole
    save, named in the message, and nothing is half-written. A Prepared was checked when it was read."""
    return [p if isinstance(p, Prepared) else prepare_photo(*p) for p in photos]


def _add_photo(session: Session, defect_id: int, photo: Prepared) -> DefectPhoto:
    row = DefectPhoto(defect_id=defect_id, filename=photo.filename[-200:], data=photo.data,
                      thumbnail=photo.thumbnail, width=photo.width, height=photo.height)
    session.add(row)
    return row


def record_new(db: Database, project_id: int, *, category: DefectCategory | str, severity: Severity | str,
               responsible: Responsible | str,
               description: str, handover_id: int | None = None, unit_id: int | None = None,
               location: str = "", found_at: dt.datetime | None = None, found_by: str = "",
               deadline: dt.date | None = None, photos: Iterable[PhotoIn] = ()) -> DefectRow:
    validate_defect(category, severity, responsible, description, location=location, found_by=found_by)
    if not location.strip() and unit_id is None:
        raise ValidationError(translate("defects", "「位置」不能为空：请选择房屋或填写公共部位。"))
    ready = _prepared(photos)
    with db.begin() as s:
        defect = record_defect(s, project_id=project_id, handover_id=handover_id, unit_id=unit_id,
                               location=location, category=category, severity=severity, responsible=responsible,
                               description=description, found_at=_at(found_at), found_by=found_by or _user(db),
                               by=_user(db), deadline=deadline)
        for photo in ready:
            _add_photo(s, defect.id, photo)
        s.flush()
        return _row(defect, len(ready))


def _open_for_save(session: Session, defect_id: int, version: int) -> Defect:
    defect = get_for_save(session, Defect, defect_id, version)
    if defect.status in FINAL:
        raise DomainError(translate("defects", "遗留问题 {number} 已{status}，不能再修改。").format(
                number=defect.number, status=defect.status.label))
    return defect


def _photo_count(session: Session, defect_id: int) -> int:
    return session.scalar(select(func.count()).where(DefectPhoto.defect_id == defect_id)) or 0


def _remove_photos(session: Session, defect: Defect, photo_ids: Iterable[int]) -> None:
    for photo_id in photo_ids:
        photo = session.get(DefectPhoto, photo_id)
        if photo is None or photo.defect_id != defect.id:
            raise NotFoundError(translate(
                "defects", "遗留问题 {number} 的照片（编号 {photo_id}）已不存在，请刷新后重试；您的修改未保存。").format(
                    number=defect.number, photo_id=photo_id))
        session.delete(photo)


def update_defect(db: Database, defect_id: int, version: int, *, reason: str = "",
                  at: dt.datetime | None = None, add_photos: Iterable[PhotoIn] = (),
                  remove_photos: Iterable[int] = (), **fields: Any) -> DefectRow:
    """Edit a defect, its fields and photos in one transaction: every field and photo is checked first,
    and a refused save changes nothing (so the clerk's next OK is not refused as stale). A changed
    整改期限 needs `reason`, kept as a row of its history (status unchanged)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(translate("defects", "未知的遗留问题字段：{fields}。").format(
            fields="、".join(sorted(unknown))))
    values = {k: VOCABULARIES[k](v) if k in VOCABULARIES else v.strip() if isinstance(v, str) else v
              for k, v in fields.items()}
    for key, value in values.items():
        check_text("defects", key, value)
    ready, removed = _prepared(add_photos), list(remove_photos)
    with db.begin() as s:
        defect = _open_for_save(s, defect_id, version)
        before = defect.deadline
        for key, value in values.items():
            setattr(defect, key, value)
        validate_defect(defect.category, defect.severity, defect.responsible, defect.description)
        if not defect.location and defect.unit_id is None:
            raise ValidationError(translate("defects", "「位置」不能为空：请选择房屋或填写公共部位。"))
        if defect.deadline != before:
            s.add(DefectStatusChange(defect_id=defect.id, from_status=defect.status, to_status=defect.status,
                                     at=_at(at), by=_user(db), note=change_note(before, defect.deadline, reason)))
        _remove_photos(s, defect, removed)
        for photo in ready:
            _add_photo(s, defect.id, photo)
        s.flush()
        return _row(defect, _photo_count(s, defect_id))


# --- the lifecycle ---------------------------------------------------------------------------

def _move(db: Database, defect_id: int, version: int, to: S, at: dt.datetime | None, note: str,
          change: Callable[[Defect, dt.datetime], None] = lambda d, t: None) -> DefectRow:
    when = _at(at)
    with db.begin() as s:
        defect = get_for_save(s, Defect, defect_id, version)
        check_transition(defect.status, to)
        s.add(DefectStatusChange(defect_id=defect.id, from_status=defect.status, to_status=to, at=when,
                                 by=_user(db), note=note.strip()))
        change(defect, when)
        defect.status = to
        s.flush()
        return _row(defect, _photo_count(s, defect_id))


def issue_notice(db: Database, defect_id: int, version: int, *, at: dt.datetime | None = None,
                 note: str = "") -> DefectRow:
    def stamp(d: Defect, when: dt.datetime) -> None:
        d.notice_at = when
    return _move(db, defect_id, version, S.RECTIFYING, at, note or "发出整改通知单", stamp)


def submit_rectified(db: Database, defect_id: int, version: int, *, at: dt.datetime | None = None,
                     note: str = "") -> DefectRow:
    return _move(db, defect_id, version, S.PENDING_REINSPECTION, at, note or "责任方报整改完成，待复验")


def reinspect(db: Database, defect_id: int, version: int, *, passed: bool, at: dt.datetime | None = None,
              note: str = "") -> DefectRow:
    """Re-inspection covers the whole unit or item; a failure sends it back and counts one attempt."""
    if passed:
        def close(d: Defect, when: dt.datetime) -> None:
            d.closed_at = when
        return _move(db, defect_id, version, S.CLOSED, at, note or "复验合格", close)

    def count(d: Defect, when: dt.datetime) -> None:
        d.failed_reinspections += 1
    return _move(db, defect_id, version, S.RECTIFYING, at, note or "复验不合格", count)


def declare_unfixable(db: Database, defect_id: int, version: int, *, report: str,
                      at: dt.datetime | None = None) -> DefectRow:
    if len(report.strip()) < 10:
        raise ValidationError(translate("defects", "「无法整改报告」必须写明原因和处理意见（至少 10 个字）。"))

    def keep(d: Defect, when: dt.datetime) -> None:
        d.report, d.closed_at = report.strip(), when
    return _move(db, defect_id, version, S.UNFIXABLE, at, "无法整改：" + report.strip()[:60], keep)


def log_action(db: Database, defect_id: int, kind: str, *, at: dt.datetime | None = None, note: str = "") -> None:
    if kind not in ACTION_KINDS:
        raise ValidationError(translate("defects", "未知的催办/上报类型：{kind}。").format(kind=kind))
    with db.begin() as s:
        get(s, Defect, defect_id)
        s.add(DefectAction(defect_id=defect_id, kind=kind, at=_at(at), by=_user(db), note=note.strip()))


# --- photos ----------------------------------------------------------------------------------

def add_photo(db: Database, defect_id: int, filename: str, data: bytes) -> PhotoRow:
    """One photo (its size and pixels checked before it is decoded, and before the transaction)."""
    prepared = prepare_photo(filename, data)
    with db.begin() as s:
        defect = get(s, Defect, defect_id)
        if defect.status in FINAL:
            raise DomainError(translate("defects", "遗留问题 {number} 已{status}，不能再添加照片。").format(
                number=defect.number, status=defect.status.label))
        photo = _add_photo(s, defect_id, prepared)
        s.flush()
        return PhotoRow(photo.id, photo.filename, photo.thumbnail, photo.width, photo.height)


def remove_photo(db: Database, photo_id: int) -> None:
    with db.begin() as s:
        photo = get(s, DefectPhoto, photo_id)
        defect = get(s, Defect, photo.defect_id)
        if defect.status in FINAL:
            raise DomainError(translate("defects", "遗留问题 {number} 已{status}，不能删除照片。").format(
                number=defect.number, status=defect.status.label))
        s.delete(photo)


def photo_data(db: Database, photo_id: int) -> bytes:
    with db.read() as s:
        return get(s, DefectPhoto, photo_id).data


# --- reading ---------------------------------------------------------------------------------

def _actions(session: Session, ids: list[int]) -> dict[int, list[tuple[str, dt.datetime]]]:
    out: dict[int, list[tuple[str, dt.datetime]]] = {}
    for defect_id, kind, at in session.execute(select(DefectAction.defect_id, DefectAction.kind, DefectAction.at)
                                               .where(DefectAction.defect_id.in_(ids))):
        out.setdefault(defect_id, []).append((kind, at))
    return out


def _last_failures(session: Session, ids: list[int]) -> dict[int, dt.datetime]:
    c = DefectStatusChange
    rows = session.execute(select(c.defect_id, func.max(c.at)).where(
        c.defect_id.in_(ids), c.from_status == S.PENDING_REINSPECTION, c.to_status == S.RECTIFYING)
        .group_by(c.defect_id))
    return {defect_id: at for defect_id, at in rows}


def defect_detail(db: Database, defect_id: int, now: dt.datetime | None = None) -> DefectDetail:
    when = _at(now)
    with db.read() as s:
        d = get(s, Defect, defect_id)
        history = [HistoryRow(h.at, h.by, h.from_status, h.to_status, h.note) for h in d.history]
        acts = s.scalars(select(DefectAction).where(DefectAction.defect_id == defect_id).order_by(DefectAction.id))
        actions = [ActionRow(a.kind, a.at, a.by, a.note) for a in acts]
        photos = [PhotoRow(p.id, p.filename, p.thumbnail, p.width, p.height) for p in d.photos]
        f = facts(d, [(a.kind, a.at) for a in actions], _last_failures(s, [d.id]).get(d.id))
        return DefectDetail(_row(d, len(photos)), history, actions, photos, duties(f, when),
                            overdue_days(f, when), notice_late(f))


def find_by_number(db: Database, project_id: int, number: str) -> DefectRow:
    with db.read() as s:
        d = s.scalar(select(Defect).where(Defect.project_id == project_id, Defect.number == number.strip()))
        if d is None:
            raise NotFoundError(translate("defects", "遗留问题“{number}”不存在。").format(number=number))
        return _row(d, _photo_count(s, d.id))


def _open_defects(session: Session, project_id: int, handover_id: int | None, extra: Any = None) -> list[Defect]:
    q = select(Defect).where(Defect.project_id == project_id, Defect.status.in_(OPEN))
    if handover_id is not None:
        q = q.where(Defect.handover_id == handover_id)
    if extra is not None:
        q = q.where(extra)
    return list(session.scalars(q.order_by(Defect.id)))


def _due_rows(session: Session, defects: list[Defect], when: dt.datetime, progress: Progress | None,
              keep_all_overdue: bool = True) -> list[DueRow]:
    ids = [d.id for d in defects]
    actions, failures = _actions(session, ids), _last_failures(session, ids)
    out: list[DueRow] = []
    for n, d in enumerate(defects):
        f = facts(d, actions.get(d.id, ()), failures.get(d.id))
        due, late = duties(f, when), overdue_days(f, when)
        if due or (late and keep_all_overdue):
            out.append(DueRow(_row(d), due, late))
        if progress and n % 2000 == 0 and progress(n, len(defects)) is False:
            raise Cancelled()
    return out


def _urgency(row: DueRow) -> tuple:
    first_due = min((d.due_at for d in row.duties), default=dt.datetime.max)
    return (not any(d.overdue for d in row.duties), -row.overdue_days, first_due, row.defect.id)


def due_list(db: Database, project_id: int, handover_id: int | None = None, now: dt.datetime | None = None,
             progress: Progress | None = None) -> list[DueRow]:
    """Open defects with a duty due today or past their deadline, most urgent first."""
    with db.read() as s:
        rows = _due_rows(s, _open_defects(s, project_id, handover_id), _at(now), progress)
    return sorted(rows, key=_urgency)


def overdue_of_party(db: Database, project_id: int, responsible: Responsible | str,
                     now: dt.datetime | None = None) -> list[DueRow]:
    """What a 催办函 may list: notified (整改中) and past the deadline. A 待通知 defect was never
    notified, and a 待复验 one waits on us, not on the party."""
    party = responsible_of(responsible)
    with db.read() as s:
        defects = _open_defects(s, project_id, None,
                                (Defect.responsible == party) & (Defect.status == S.RECTIFYING))
        rows = _due_rows(s, defects, _at(now), None)
    return sorted([r for r in rows if r.overdue_days > 0], key=lambda r: (-r.overdue_days, r.defect.number))


def summary_rows(db: Database, handover_id: int, progress: Progress | None = None) -> list[DefectRow]:
    with db.read() as s:
        q = select(Defect).where(Defect.handover_id == handover_id).order_by(Defect.category, Defect.number)
        out = []
        for n, d in enumerate(s.scalars(q.execution_options(yield_per=2000))):
            out.append(_row(d))
            if progress and n % 5000 == 0:
                progress(n, 0)
        return out


def stats(db: Database, project_id: int, handover_id: int | None = None,
          now: dt.datetime | None = None) -> DefectStats:
    """Open and overdue defects by category and by party (the overview charts)."""
    today = _at(now).date()
    with db.read() as s:
        q = select(Defect.category, Defect.responsible, Defect.deadline).where(
            Defect.project_id == project_id, Defect.status.in_(OPEN))
        if handover_id is not None:
            q = q.where(Defect.handover_id == handover_id)
        by_cat = {c: [0, 0] for c in DefectCategory}
        by_party = {p: [0, 0] for p in Responsible}
        for category, party, deadline in s.execute(q):
            late = int(deadline is not None and deadline < today)
            for cell in (by_cat[category], by_party[party]):
                cell[0] += 1
                cell[1] += late
    return DefectStats({k: (v[0], v[1]) for k, v in by_cat.items()},
                       {k: (v[0], v[1]) for k, v in by_party.items()})
