"""Handover lists (交接清单): start from a template, edit and check items, turn problems into defects."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..base import DocStatus, now
from ..db import Database
from ..defect import Defect, DefectCategory, Responsible, Severity
from ..errors import NotFoundError, SignedRecordError, ValidationError
from ..handover import (
    CopyKind,
    Handover,
    HandoverItem,
    HandoverKind,
    HandoverList,
    ItemCondition,
    ListTemplate,
    TemplateItem,
)
from ..i18n import QT_TRANSLATE_NOOP, chinese, translate
from ..labels import Coded
from ..rules.numbers import QUANTITY, check_number, parse_int
from ..templates import seed_builtin_templates
from .checklist_rows import (
    CODED_FIELDS,
    ITEM_FIELDS,
    PROBLEM_CONDITIONS,
    DefectRef,
    ItemRow,
    ListDetail,
    ListSummary,
    TemplateRow,
)
from .common import get, get_for_save
from .defects import record_defect
from .handovers import handover_info
from .list_versions import version_changes

INT_FIELDS = {"expected_qty": QT_TRANSLATE_NOOP("checklists", "应交数量"),
              "received_qty": QT_TRANSLATE_NOOP("checklists", "实收数量"), "pages": QT_TRANSLATE_NOOP("checklists", "页数")}
TEXT_LIMITS = {"category": (QT_TRANSLATE_NOOP("checklists", "类别"), 40), "name": (QT_TRANSLATE_NOOP("checklists", "名称"), 200),
               "spec": (QT_TRANSLATE_NOOP("checklists", "规格"), 100), "uom": (QT_TRANSLATE_NOOP("checklists", "单位"), 10)}
CODED_LABELS = {"condition": QT_TRANSLATE_NOOP("checklists", "状况"),
                "original_or_copy": QT_TRANSLATE_NOOP("checklists", "原件/复印件")}


# --- reading ---------------------------------------------------------------------------------

def item_row(item: HandoverItem, defect_number: str = "") -> ItemRow:
    return ItemRow(item.id, item.version, item.seq, item.category, item.name, item.spec, item.uom,
                   item.expected_qty, item.received_qty, item.original_or_copy, item.pages,
                   item.condition, item.remarks, item.checked_by, item.checked_at, item.defect_id,
                   defect_number)


def _counts(session: Session, list_ids: list[int]) -> dict[int, tuple[int, int, int, int]]:
    """Per list: total, checked, short, problems — one grouped query, not a loop."""
    i = HandoverItem
    short = (i.received_qty.is_not(None)) & (i.received_qty < i.expected_qty)
    rows = session.execute(select(
        i.list_id, func.count(), func.count(i.checked_at),
        func.sum(case((short, 1), else_=0)),
        func.sum(case((short | i.condition.in_(PROBLEM_CONDITIONS), 1), else_=0)),
    ).where(i.list_id.in_(list_ids)).group_by(i.list_id))
    return {r[0]: (r[1], r[2], int(r[3] or 0), int(r[4] or 0)) for r in rows}


def _summary(lst: HandoverList, counts: tuple[int, int, int, int], amended: bool = False) -> ListSummary:
    return ListSummary(lst.id, lst.version, lst.handover_id, lst.title, lst.template_code, lst.status,
                       lst.revision, lst.amends_id, lst.signed_at, lst.signed_from, lst.signed_to,
                       lst.signed_witness, lst.scan_name, *counts, amended)


def _amended(session: Session, list_ids: list[int]) -> set[int]:
    return set(session.scalars(select(HandoverList.amends_id).where(HandoverList.amends_id.in_(list_ids))))


def summaries(session: Session, lists: list[HandoverList]) -> list[ListSummary]:
    ids = [x.id for x in lists]
    counts, amended = _counts(session, ids), _amended(session, ids)
    return [_summary(x, counts.get(x.id, (0, 0, 0, 0)), x.id in amended) for x in lists]


def lists_of(db: Database, handover_id: int) -> list[ListSummary]:
    with db.read() as s:
        lists = s.scalars(select(HandoverList).where(HandoverList.handover_id == handover_id)
                          .order_by(HandoverList.title, HandoverList.revision, HandoverList.id)).all()
        return summaries(s, list(lists))


def _items(session: Session, list_id: int) -> list[ItemRow]:
    rows = session.execute(select(HandoverItem, Defect.number)
                           .outerjoin(Defect, Defect.id == HandoverItem.defect_id)
                           .where(HandoverItem.list_id == list_id).order_by(HandoverItem.seq))
    return [item_row(item, number or "") for item, number in rows]


def list_detail(db: Database, list_id: int) -> ListDetail:
    """The list with its items; a signed (or cancelled) list shows the handover as it was signed."""
    with db.read() as s:
        lst = get(s, HandoverList, list_id)
        handover = handover_info(s, get(s, Handover, lst.handover_id))
        if lst.status is not DocStatus.DRAFT:
            handover = handover.as_signed(lst.handover_snapshot)
        return ListDetail(handover, summaries(s, [lst])[0], _items(s, list_id), version_changes(s, lst))


def list_templates(db: Database, kind: HandoverKind | str | None = None) -> list[TemplateRow]:
    """The templates that suit a handover kind (its member, code or label; None: every template)."""
    code = HandoverKind(kind).value if kind else ""
    with db.begin() as s:
        seed_builtin_templates(s)  # a new database gets the shipped templates on first use
        count = select(func.count()).where(TemplateItem.template_id == ListTemplate.id).scalar_subquery()
        rows = s.execute(select(ListTemplate, count).order_by(ListTemplate.builtin.desc(), ListTemplate.code))
        out = [TemplateRow(t.id, t.code, t.name, t.kinds, t.builtin, n) for t, n in rows]
    return [t for t in out if not code or not t.kinds or code in t.kinds.split(",")]


# --- creating lists --------------------------------------------------------------------------

def _draft_list(session: Session, list_id: int, version: int | None = None) -> HandoverList:
    lst = get(session, HandoverList, list_id) if version is None else \
        get_for_save(session, HandoverList, list_id, version)
    if lst.status is not DocStatus.DRAFT:
        raise SignedRecordError(HandoverList.__label__)
    return lst


def _title(title: str | None, fallback: str) -> str:
    text = (title or "").strip() or fallback
    if len(text) > 100:
        raise ValidationError(translate("checklists", "「清单名称」不能超过 100 个字。"))
    return text


def start_list(db: Database, handover_id: int, template_code: str, title: str | None = None) -> ListSummary:
    with db.begin() as s:
        seed_builtin_templates(s)
        get(s, Handover, handover_id)
        template = s.scalar(select(ListTemplate).where(ListTemplate.code == template_code))
        if template is None:
            raise NotFoundError(translate("checklists", "清单模板“{template_code}”不存在。").format(
                template_code=template_code))
        lst = HandoverList(handover_id=handover_id, title=_title(title, template.name),
                           template_code=template.code)
        for t in template.items:
            lst.items.append(HandoverItem(seq=t.seq, category=t.category, name=t.name, spec=t.spec,
                                          uom=t.uom, expected_qty=t.expected_qty,
                                          original_or_copy=t.original_or_copy))
        s.add(lst)
        s.flush()
        return summaries(s, [lst])[0]


def create_list(db: Database, handover_id: int, title: str) -> ListSummary:
    with db.begin() as s:
        get(s, Handover, handover_id)
        lst = HandoverList(handover_id=handover_id, title=_title(title, ""))
        if not lst.title:
            raise ValidationError(translate("checklists", "「清单名称」不能为空。"))
        s.add(lst)
        s.flush()
        return summaries(s, [lst])[0]


# --- editing items ---------------------------------------------------------------------------

def _check_int(key: str, value: Any) -> int | None:
    """A whole number of the QUANTITY kind, by the field's name: "1o00" is not 100, -5 is refused, and
    13800138000 is refused here rather than overflowing PostgreSQL's INTEGER (SQLite would keep it)."""
    label = translate("checklists", INT_FIELDS[key])
    if value is None or (isinstance(value, str) and not value.strip()):
        if key == "expected_qty":
            raise ValidationError(translate("checklists", "「应交数量」不能为空。"))
        return None
    if isinstance(value, str):
        return parse_int(value, label, QUANTITY)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or \
            (isinstance(value, Decimal) and not value.is_finite()):
        raise ValidationError(translate("checklists", "「{field}」应为整数：“{value}”。").format(field=label, value=value))
    return int(check_number(value, label, QUANTITY))


def _check_text(key: str, value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if key in TEXT_LIMITS:
        label, limit = translate("checklists", TEXT_LIMITS[key][0]), TEXT_LIMITS[key][1]
        if len(text) > limit:
            raise ValidationError(translate("checklists", "「{field}」不能超过 {limit} 个字。").format(
                field=label, limit=limit))
        if key in ("name", "category") and not text:
            raise ValidationError(translate("checklists", "「{field}」不能为空。").format(field=label))
    return text


def coded_value(key: str, value: Any) -> Coded:
    """状况 or 原件/复印件 as its member, from the member, its code, or its Chinese or English label
    (a combo, a typed cell, a spreadsheet); empty is UNSET. Anything else is refused by the field."""
    enum_cls = CODED_FIELDS[key]
    try:
        return enum_cls(value.strip() if isinstance(value, str) else "" if value is None else value)
    except ValueError:
        choices = translate("checklists", "、").join(m.label for m in enum_cls if m)
        raise ValidationError(translate("checklists", "「{field}」应为：{choices}。").format(
            field=translate("checklists", CODED_LABELS[key]), choices=choices)) from None


def _check_field(key: str, value: Any) -> Any:
    if key in INT_FIELDS:
        return _check_int(key, value)
    if key in CODED_FIELDS:
        return coded_value(key, value)
    return _check_text(key, value)


def clean_item_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError(translate("checklists", "未知的清单字段：{fields}。").format(
            fields=translate("checklists", "、").join(sorted(unknown))))
    return {k: _check_field(k, v) for k, v in fields.items()}


def _item_for_save(session: Session, item_id: int, version: int) -> HandoverItem:
    item = get_for_save(session, HandoverItem, item_id, version)
    _draft_list(session, item.list_id)
    return item


def _saved(session: Session, item: HandoverItem) -> ItemRow:
    session.flush()
    number = session.scalar(select(Defect.number).where(Defect.id == item.defect_id)) if item.defect_id else ""
    return item_row(item, number or "")


def update_item(db: Database, item_id: int, version: int, **fields: Any) -> ItemRow:
    values = clean_item_fields(fields)
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        for key, value in values.items():
            setattr(item, key, value)
        return _saved(s, item)


def _stamp(item: HandoverItem, db: Database) -> None:
    user = db.user
    item.checked_by = (user.display_name or user.username) if user else ""
    item.checked_at = now()


def check_item(db: Database, item_id: int, version: int, *, received_qty: Any, condition: ItemCondition | str,
               **optional: Any) -> ItemRow:
    """Record what was received: quantity, condition (and copy kind, pages, remarks)."""
    values = clean_item_fields({"received_qty": received_qty, "condition": condition,
                                **{k: v for k, v in optional.items() if v is not None}})
    if values["received_qty"] is None:
        raise ValidationError(translate("checklists", "「实收数量」不能为空。"))
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        for key, value in values.items():
            setattr(item, key, value)
        _stamp(item, db)
        return _saved(s, item)


def mark_received_as_expected(db: Database, item_id: int, version: int) -> ItemRow:
    """The everyday case: everything there and in good order."""
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        item.received_qty = item.expected_qty
        item.condition = ItemCondition.GOOD
        _stamp(item, db)
        return _saved(s, item)


def _renumber(items: list[HandoverItem]) -> None:
    for seq, item in enumerate(items, 1):
        if item.seq != seq:
            item.seq = seq


def add_item(db: Database, list_id: int, *, category: str, name: str, spec: str = "", uom: str = "",
             expected_qty: int = 1, original_or_copy: CopyKind | str = CopyKind.UNSET,
             after_item_id: int | None = None) -> ItemRow:
    values = clean_item_fields({"category": category, "name": name, "spec": spec, "uom": uom,
                                "expected_qty": expected_qty, "original_or_copy": original_or_copy})
    with db.begin() as s:
        lst = _draft_list(s, list_id)
        items = list(lst.items)
        at = next((n + 1 for n, i in enumerate(items) if i.id == after_item_id), len(items))
        item = HandoverItem(seq=0, **values)
        items.insert(at, item)
        lst.items.append(item)
        _renumber(items)
        return _saved(s, item)


def remove_item(db: Database, item_id: int, version: int) -> None:
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        lst = get(s, HandoverList, item.list_id)
        rest = [i for i in lst.items if i.id != item_id]
        lst.items.remove(item)  # delete-orphan: the row goes
        _renumber(rest)


def move_item(db: Database, item_id: int, version: int, delta: int) -> list[ItemRow]:
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        items = list(get(s, HandoverList, item.list_id).items)
        at = items.index(item)
        to = min(max(at + delta, 0), len(items) - 1)
        items.insert(to, items.pop(at))
        _renumber(items)
        s.flush()
        return _items(s, item.list_id)


# --- templates and defects -------------------------------------------------------------------

def save_as_template(db: Database, list_id: int, code: str, name: str) -> TemplateRow:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError(translate("checklists", "「模板编码」和「模板名称」不能为空。"))
    with db.begin() as s:
        lst = get(s, HandoverList, list_id)
        if s.scalar(select(ListTemplate).where(ListTemplate.code == code)):
            raise ValidationError(translate("checklists", "模板编码“{code}”已存在。").format(code=code))
        kind = get(s, Handover, lst.handover_id).kind.value
        template = ListTemplate(code=code, name=name, kinds=kind, builtin=False)
        template.items = [TemplateItem(seq=i.seq, category=i.category, name=i.name, spec=i.spec, uom=i.uom,
                                       expected_qty=i.expected_qty, original_or_copy=i.original_or_copy)
                          for i in lst.items]
        s.add(template)
        s.flush()
        return TemplateRow(template.id, code, name, kind, False, len(template.items))


@dataclass(frozen=True)
class DefectSuggestion:
    """What item_to_defect writes unless the clerk changes it (the dialog shows it first)."""

    description: str
    responsible: Responsible
    category: DefectCategory


def suggest_defect(list_title: str, handover_kind: HandoverKind, item: ItemRow) -> DefectSuggestion:
    with chinese():  # the description is stored, in the Chinese the rest of it is written in
        problem = item.condition.label if item.condition in PROBLEM_CONDITIONS else "短缺"
    received = item.received_qty if item.received_qty is not None else 0
    text = (f"{list_title}第 {item.seq} 项“{item.name}”{problem}：应交 {item.expected_qty}{item.uom}，"
            f"实收 {received}{item.uom}") + (f"；{item.remarks}" if item.remarks else "")
    # At acceptance the developer answers for defects; at a take-over, the previous company.
    responsible = Responsible.DEVELOPER if handover_kind is HandoverKind.ACCEPTANCE else Responsible.PREVIOUS
    return DefectSuggestion(text, responsible,
                            DefectCategory.DOCUMENTS if item.original_or_copy else DefectCategory.OTHER)


def item_to_defect(db: Database, item_id: int, version: int, *, severity: Severity | str = Severity.NORMAL,
                   responsible: Responsible | str = "", category: DefectCategory | str = "",
                   description: str | None = None) -> DefectRef:
    """One action: the short, damaged or missing item becomes a defect, linked both ways."""
    with db.begin() as s:
        item = _item_for_save(s, item_id, version)
        if item.defect_id:
            raise ValidationError(translate("checklists", "第 {seq} 项已登记为遗留问题。").format(seq=item.seq))
        if not item_row(item).is_problem:
            raise ValidationError(translate("checklists", "第 {seq} 项没有短缺、缺陷或缺失，不能转为遗留问题。").format(
                seq=item.seq))
        lst = get(s, HandoverList, item.list_id)
        handover = get(s, Handover, lst.handover_id)
        hint = suggest_defect(lst.title, handover.kind, item_row(item))
        defect = record_defect(
            s, project_id=handover.project_id, handover_id=handover.id, location=lst.title,
            category=category or hint.category, severity=severity,
            responsible=responsible or hint.responsible, description=description or hint.description,
            found_by=(db.user.display_name or db.user.username) if db.user else "")
        item.defect_id = defect.id
        s.flush()
        return DefectRef(defect.id, defect.number)
