"""Built-in handover-list templates: read from resources/templates/*.json and seeded into the database.

File format (one UTF-8 JSON file per template; later issues may add keys, readers ignore unknown ones):

    {
     "code": "PHY-FIRE",                  # unique, <= 40 chars; the seed matches on it
     "name": "共用设施设备交接清单（消防）",
     "kinds": ["进场接管", "退场移交"],     # handover kinds it suits; [] = all kinds
     "note": "...",                       # optional, for the clerk
     "items": [
      {"category": "消防控制室", "name": "火灾报警控制器（主机）",
       "spec": "", "uom": "台", "qty": 1, "copy": "原件"}    # spec/copy optional; copy: 原件|复印件|"" (or its code)
     ]
    }
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .audit import record_action
from .base import now
from .errors import ValidationError
from .handover import CopyKind, HandoverKind, ListTemplate, TemplateItem
from .i18n import translate

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"


@dataclass(frozen=True)
class TemplateItemSpec:
    category: str
    name: str
    spec: str = ""
    uom: str = ""
    qty: int = 1
    copy: CopyKind = CopyKind.UNSET  # UNSET: not a document


@dataclass(frozen=True)
class TemplateSpec:
    code: str
    name: str
    kinds: tuple[HandoverKind, ...]  # empty = suits every kind
    note: str
    items: tuple[TemplateItemSpec, ...]

    @property
    def kind_column(self) -> str:
        """ListTemplate.kinds: the kinds it suits joined with "," ("" = every kind)."""
        return ",".join(k.value for k in self.kinds)

    def suits(self, kind: HandoverKind) -> bool:
        return not self.kinds or kind in self.kinds


def _item(raw: dict[str, Any], where: str) -> TemplateItemSpec:
    if not raw.get("name") or not raw.get("category"):
        raise ValidationError(translate("templates", "{where}：缺少 category 或 name。").format(where=where))
    try:
        copy = CopyKind(raw.get("copy", ""))  # the files write the Chinese word; a code reads too
    except ValueError:
        raise ValidationError(translate("templates", "{where}：copy 应为“原件”“复印件”或空，而不是“{copy}”。").format(
            where=where, copy=raw.get("copy"))) from None
    qty = raw.get("qty", 1)
    if not isinstance(qty, int) or qty < 0:
        raise ValidationError(translate("templates", "{where}：qty 应为非负整数。").format(where=where))
    return TemplateItemSpec(raw["category"], raw["name"], raw.get("spec", ""), raw.get("uom", ""), qty, copy)


def _kinds(values: Iterable[str], where: str) -> tuple[HandoverKind, ...]:
    try:
        return tuple(HandoverKind(v) for v in values)
    except ValueError as exc:
        raise ValidationError(translate("templates", "{where}：交接类型无效（{exc}）。").format(where=where, exc=exc)) from None


def parse_template(data: dict[str, Any], where: str) -> TemplateSpec:
    """One template from its JSON object; `where` names the file in messages."""
    if not data.get("code") or not data.get("name"):
        raise ValidationError(translate("templates", "{where}：缺少 code 或 name。").format(where=where))
    items = tuple(_item(raw, f"{where} 第 {n} 项") for n, raw in enumerate(data.get("items", []), 1))
    return TemplateSpec(data["code"], data["name"], _kinds(data.get("kinds", []), where),
                        data.get("note", ""), items)


def load_template_files(directory: Path | None = None) -> list[TemplateSpec]:
    """Every *.json template in the directory, sorted by file name; codes must be unique."""
    specs: list[TemplateSpec] = []
    for path in sorted((directory or TEMPLATE_DIR).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(translate("templates", "模板文件 {name} 无法读取：{error}").format(
                name=path.name, error=exc)) from exc
        specs.append(parse_template(data, path.name))
    codes = [s.code for s in specs]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValidationError(translate("templates", "模板编码重复：{codes}。").format(
            codes=translate("templates", "、").join(duplicates)))
    return specs


def _insert_template(session: Session, spec: TemplateSpec) -> None:
    template_id = session.execute(insert(ListTemplate.__table__).values(
        code=spec.code, name=spec.name, kinds=spec.kind_column, builtin=True,
        version=1, updated_at=now()).returning(ListTemplate.__table__.c.id)).scalar_one()
    session.execute(insert(TemplateItem.__table__), _item_rows(template_id, spec))


def _item_rows(template_id: int, spec: TemplateSpec) -> list[dict[str, Any]]:
    return [{"template_id": template_id, "seq": seq, "category": i.category, "name": i.name,
             "spec": i.spec, "uom": i.uom, "expected_qty": i.qty, "original_or_copy": i.copy}
            for seq, i in enumerate(spec.items, 1)]


def seed_builtin_templates(session: Session, specs: list[TemplateSpec] | None = None) -> int:
    """Insert the built-in templates whose code is not in the database yet, and bring the built-in
    ones already there to what this version ships; returns how many were inserted.

    A built-in template is never edited by a clerk (a list saved as a template is a new one), so a
    database made by an earlier version gets the items added since (物业承接查验办法's 准许使用文件,
    the four key kinds …). Lists already started keep the items they were started with: they copy
    them. Core inserts and one summary audit row: seeding hundreds of items is not a clerk's edit,
    and one row per item would bury the log.
    """
    specs = load_template_files() if specs is None else specs
    present = {t.code: t for t in session.scalars(select(ListTemplate))}
    missing = [s for s in specs if s.code not in present]
    for spec in missing:
        _insert_template(session, spec)
    if missing:
        names = "、".join(s.code for s in missing)
        record_action(session, "seed", ListTemplate.__tablename__, None, f"内置清单模板 {len(missing)} 个：{names}")
    stale = [(present[s.code], s) for s in specs if s.code in present and present[s.code].builtin
             and _stored_items(session, present[s.code].id) != _shipped_items(s)]
    for template, spec in stale:
        _refresh_template(session, template, spec)
    if stale:
        names = "、".join(s.code for _t, s in stale)
        record_action(session, "seed", ListTemplate.__tablename__, None,
                      f"内置清单模板按新版本更新 {len(stale)} 个：{names}")
    return len(missing)


ItemTuple = tuple[str, str, str, str, int, CopyKind]


def _shipped_items(spec: TemplateSpec) -> list[ItemTuple]:
    return [(i.category, i.name, i.spec, i.uom, i.qty, i.copy) for i in spec.items]


def _stored_items(session: Session, template_id: int) -> list[ItemTuple]:
    t = TemplateItem.__table__.c
    rows = session.execute(select(t.category, t.name, t.spec, t.uom, t.expected_qty, t.original_or_copy)
                           .where(t.template_id == template_id).order_by(t.seq))
    return [tuple(r) for r in rows]


def _refresh_template(session: Session, template: ListTemplate, spec: TemplateSpec) -> None:
    table = TemplateItem.__table__
    session.execute(table.delete().where(table.c.template_id == template.id))
    template.name, template.kinds = spec.name, spec.kind_column
    session.execute(insert(table), _item_rows(template.id, spec))
