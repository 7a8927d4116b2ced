"""Owners and occupants at the desk (房屋与业主): add, edit, delete, link to units, and unmask.

Personal data (phones, the ID number) leaves this module masked (138****8000, 1101**********1234).
Supervisors and administrators (PERSONAL_DATA_ROLE) may unmask one owner at a time; the unmasking is
written to the audit log first, and only then is the full record returned.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import now
from ..db import Database
from ..errors import ValidationError
from ..field_labels import check_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import RELATIONS as RELATIONS  # the forms offer these choices from here
from ..people import IdKind, Owner, Relation, Role, UnitOwnership
from ..project import Project, Unit
from ..rules.idcard import mask_id_number, mask_phones
from ..rules.identity import CREDIT_CODE, check_id, check_phones, id_problem
from .common import get, get_for_save
from .permissions import may, require_role
from .place_choices import read_member
from .units import UnitDetail, delete_unreferenced, unit_detail_of

# Who may see an owner's full phones and ID number (one owner at a time, audited): a clerk works
# with the masked record, a supervisor settles a dispute or a key issue with the full one.
PERSONAL_DATA_ROLE = Role.SUPERVISOR
UNMASK = QT_TRANSLATE_NOOP("permissions", "查看业主完整信息")
PHONES_SEPARATOR = "、"
MASKED_HINT = QT_TRANSLATE_NOOP("people", "是打码显示的号码；要修改请输入完整号码，不修改请保持原样")


@dataclass(frozen=True)
class OwnerForm:
    """What the clerk typed; a personal field left as shown (masked) is None: keep the stored value."""

    name: str
    is_company: bool = False
    id_kind: IdKind | str = IdKind.ID_CARD  # a member, or its code or label (read by save_owner)
    id_number: str | None = None
    mobile: str | None = None
    other_phones: str | None = None


@dataclass(frozen=True)
class OwnerDetail:
    """An owner as the desk shows it: masked unless `masked` is False (after an audited unmasking)."""

    id: int
    project_id: int
    name: str
    is_company: bool
    id_kind: IdKind
    id_number: str
    mobile: str
    other_phones: tuple[str, ...]
    version: int
    units: tuple[str, ...]  # "1栋1单元101", "车位 B1-003（使用人）"
    masked: bool
    may_unmask: bool  # whether this user may press 显示完整信息 (the service checks again)


def may_see_personal(db: Database) -> bool:
    return may(db, PERSONAL_DATA_ROLE)


def owner_detail(db: Database, owner_id: int) -> OwnerDetail:
    with db.read() as s:
        return _owner_detail(s, get(s, Owner, owner_id), masked=True, may_unmask=may_see_personal(db))


def _owner_detail(s: Session, owner: Owner, masked: bool, may_unmask: bool) -> OwnerDetail:
    q = (select(Unit.number, UnitOwnership.relation).join(UnitOwnership, UnitOwnership.unit_id == Unit.id)
         .where(UnitOwnership.owner_id == owner.id, UnitOwnership.until.is_(None)).order_by(Unit.id))
    units = tuple(n if r is Relation.OWNER else translate("people", "{number}（{relation}）").format(number=n, relation=r.label)
                  for n, r in s.execute(q))
    others = tuple(p for p in owner.other_phones.split(PHONES_SEPARATOR) if p)
    phone = mask_phones if masked else (lambda p: p)
    return OwnerDetail(owner.id, owner.project_id, owner.name, owner.is_company, owner.id_kind,
                       mask_id_number(owner.id_number) if masked else owner.id_number, phone(owner.mobile),
                       tuple(phone(p) for p in others), owner.version, units, masked, may_unmask)


def unmask_owner(db: Database, owner_id: int) -> OwnerDetail:
    """The owner's full phones and ID number, for a supervisor or admin; the audit row is written first."""
    require_role(db, PERSONAL_DATA_ROLE, UNMASK)
    with db.begin() as s:
        owner = get(s, Owner, owner_id)
        shown = [label for label, value in (("联系电话", owner.mobile), ("其他电话", owner.other_phones),
                                            ("证件号码", owner.id_number)) if value]
        record_action(s, "unmask", Owner.__tablename__, owner.id,
                      f"显示业主“{owner.name}”的完整信息：{'、'.join(shown) or '（无个人信息）'}")
        detail = _owner_detail(s, owner, masked=False, may_unmask=True)
    return detail  # the transaction (and its audit row) committed: now the full record may go out


# ---- saving -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Values:
    name: str
    is_company: bool
    id_kind: IdKind
    id_number: str
    mobile: str
    other_phones: str


def _checked(owner: Owner | None, form: OwnerForm, today: dt.date) -> _Values:
    """The values to store, or ValidationError naming the field; rules shared with the roster import."""
    name = form.name.strip()
    if not name:
        raise ValidationError(translate("people", "「业主姓名或单位名称」不能为空。"))
    check_text("owners", "name", name)
    kind = read_member(IdKind, form.id_kind, translate("people", "「证件类型」“{value}”无效，应为：{choices}。"))
    if form.is_company and kind is not CREDIT_CODE:
        raise ValidationError(translate("people", "「证件类型」单位业主的证件应为{CREDIT_CODE}。").format(CREDIT_CODE=CREDIT_CODE.label))
    if not form.is_company and kind is CREDIT_CODE:
        raise ValidationError(translate("people", "「证件类型」{CREDIT_CODE}是单位的证件；单位业主请勾选“单位”。").format(CREDIT_CODE=CREDIT_CODE.label))
    mobile = _mobile(owner, form.mobile)
    others = _others(owner, form.other_phones, mobile)
    return _Values(name, form.is_company, kind, _id_number(owner, kind, form.id_number, today), mobile, others)


def _id_number(owner: Owner | None, kind: IdKind, typed: str | None, today: dt.date) -> str:
    if typed is not None:
        _refuse_masked(typed, translate("field_labels", "证件号码"))
        return check_id(kind, typed, today)
    stored = owner.id_number if owner else ""
    # Only a kind changed under a kept number is checked again: an imported number the desk's stricter
    # rules would refuse must not stop the clerk correcting a name.
    if stored and owner is not None and owner.id_kind is not kind and id_problem(kind, stored, today):
        raise ValidationError(translate("people", "「证件号码」原号码 {number} 不是有效的{kind}号码；"
                                        "改了证件类型，请同时重新填写证件号码。").format(
                                            number=mask_id_number(stored), kind=kind.label))
    return stored


def _mobile(owner: Owner | None, text: str | None) -> str:
    if text is None:
        return owner.mobile if owner else ""
    _refuse_masked(text, translate("field_labels", "联系电话"))
    phones = check_phones(text, "联系电话")
    if len(phones) > 1:
        raise ValidationError(translate("people", "「联系电话」只填一个号码，其余的请填在「其他电话」中。"))
    return phones[0] if phones else ""


def _others(owner: Owner | None, text: str | None, mobile: str) -> str:
    if text is None:
        return owner.other_phones if owner else ""
    _refuse_masked(text, translate("field_labels", "其他电话"))
    joined = PHONES_SEPARATOR.join(p for p in check_phones(text, "其他电话") if p != mobile)
    check_text("owners", "other_phones", joined)
    return joined


def _refuse_masked(text: str, field: str) -> None:
    if "*" in text:
        raise ValidationError(translate("people", "「{field}」“{text}”{hint}。").format(
            field=field, text=text.strip(), hint=translate("people", MASKED_HINT)))


def _check_id_free(s: Session, project_id: int, owner_id: int | None, number: str) -> None:
    if not number:
        return
    other = s.scalar(select(Owner.name).where(Owner.project_id == project_id, Owner.id_number == number,
                                              Owner.id != (owner_id or 0)).limit(1))
    if other is not None:
        raise ValidationError(translate("people", "「证件号码」与本项目已有的业主“{other}”相同；同一人有多套房屋时，"
                                        "请在房屋中用“关联已有业主”。").format(other=other))


def save_owner(db: Database, project_id: int, owner_id: int | None, seen_version: int, form: OwnerForm,
               unit_id: int | None = None, relation: Relation | str = Relation.OWNER) -> OwnerDetail:
    """A new owner (owner_id None; linked to `unit_id` in the same action when given) or an edited one."""
    with db.begin(immediate=True) as s:
        get(s, Project, project_id)
        owner = None if owner_id is None else get_for_save(s, Owner, owner_id, seen_version)
        values = _checked(owner, form, now().date())
        _check_id_free(s, project_id, owner_id, values.id_number)
        if owner is None:
            owner = Owner(project_id=project_id)
            s.add(owner)
        for field, value in asdict(values).items():
            setattr(owner, field, value)
        s.flush()
        if unit_id is not None:
            _link(s, unit_id, owner, relation)
        return _owner_detail(s, owner, masked=True, may_unmask=may_see_personal(db))


def delete_owner(db: Database, owner_id: int, seen_version: int) -> None:
    delete_unreferenced(db, Owner, owner_id, seen_version, lambda o: translate("people", "业主“{name}”").format(name=o.name),
                        translate("people", "请先在房屋的业主列表中移除此人；领过钥匙的业主留在记录中，不能删除。"))


# ---- co-owners: who owns or uses which unit ----------------------------------------------------

def _link(s: Session, unit_id: int, owner: Owner, given: Relation | str) -> None:
    relation = read_member(Relation, given, translate("people", "「关系」“{value}”无效，应为：{choices}。"))
    unit = get(s, Unit, unit_id)
    if unit.project_id != owner.project_id:
        raise ValidationError(translate("people", "业主“{name}”不是房屋“{number}”所在项目的业主。").format(name=owner.name, number=unit.number))
    same = select(UnitOwnership.id).where(UnitOwnership.unit_id == unit_id, UnitOwnership.owner_id == owner.id,
                                          UnitOwnership.relation == relation)
    if s.scalar(same) is not None:
        raise ValidationError(translate("people", "“{name}”已是房屋“{number}”的{relation}。").format(name=owner.name, number=unit.number, relation=relation.label))
    s.add(UnitOwnership(unit_id=unit_id, owner_id=owner.id, relation=relation))
    s.flush()


def link_owner(db: Database, unit_id: int, owner_id: int, relation: Relation | str = Relation.OWNER) -> UnitDetail:
    """An existing owner becomes a (co-)owner or occupant of the unit."""
    with db.begin(immediate=True) as s:
        _link(s, unit_id, get(s, Owner, owner_id), relation)
        return unit_detail_of(s, get(s, Unit, unit_id))


def unlink_owner(db: Database, ownership_id: int, seen_version: int) -> UnitDetail:
    """Remove an owner from a unit (a link typed by mistake); the owner record stays."""
    with db.begin(immediate=True) as s:
        link = get_for_save(s, UnitOwnership, ownership_id, seen_version)
        unit = get(s, Unit, link.unit_id)
        s.delete(link)
        s.flush()
        return unit_detail_of(s, unit)
