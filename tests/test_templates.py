"""Built-in list templates: the JSON files are complete and seed idempotently, on both backends."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.audit import AuditLog
from models.errors import ValidationError
from models.handover import HandoverKind, ListTemplate, TemplateItem
from models.templates import COPY_VALUES, load_template_files, seed_builtin_templates

DOCUMENT_TEMPLATES = {"DOC-ORIGINAL", "DOC-MAINT", "DOC-OWNER", "DOC-FINANCE"}
SYSTEMS = ("供电", "供水", "排水", "消防", "电梯", "供暖", "空调", "安防监控", "车场")


def test_files_cover_the_spec_categories() -> None:
    specs = {s.code: s for s in load_template_files()}
    assert DOCUMENT_TEMPLATES <= set(specs)
    assert {"PHY-COMMON", "PHY-OFFICE", "PHY-KEYS", "PHY-SEALS", "SYS-ACCOUNTS", "STAFF"} <= set(specs)
    names = " ".join(s.name for s in specs.values())
    assert all(system in names for system in SYSTEMS)


@pytest.mark.parametrize("spec", load_template_files(), ids=lambda s: s.code)
def test_each_template_has_dozens_of_well_formed_items(spec) -> None:
    assert len(spec.items) >= 20
    assert len({(i.category, i.name) for i in spec.items}) == len(spec.items)
    for item in spec.items:
        assert item.category and item.name and item.uom and item.qty >= 1
        assert item.copy in COPY_VALUES
        assert len(item.name) <= 200 and len(item.uom) <= 10 and len(item.category) <= 40
    if spec.code in DOCUMENT_TEMPLATES:
        assert all(i.copy for i in spec.items), "every document says 原件 or 复印件"


def test_kinds() -> None:
    specs = {s.code: s for s in load_template_files()}
    finance = specs["DOC-FINANCE"]
    assert finance.suits(HandoverKind.TAKEOVER) and not finance.suits(HandoverKind.ACCEPTANCE)
    assert specs["PHY-FIRE"].suits(HandoverKind.ACCEPTANCE) and specs["PHY-FIRE"].kind_column == ""


def test_seed_is_idempotent(db) -> None:
    specs = load_template_files()
    with db.begin() as s:
        assert seed_builtin_templates(s) == len(specs)
    with db.begin() as s:
        assert seed_builtin_templates(s) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ListTemplate)) == len(specs)
        items = s.scalar(select(func.count()).select_from(TemplateItem))
        assert items == sum(len(spec.items) for spec in specs)
        fire = s.scalar(select(ListTemplate).where(ListTemplate.code == "PHY-FIRE"))
        assert fire.builtin and len(fire.items) >= 20 and [i.seq for i in fire.items][:3] == [1, 2, 3]
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "seed")) == 1


def test_seed_adds_only_missing_codes(db) -> None:
    specs = load_template_files()
    with db.begin() as s:
        seed_builtin_templates(s, specs[:3])
    with db.begin() as s:
        assert seed_builtin_templates(s, specs) == len(specs) - 3


def test_bad_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="bad.json"):
        load_template_files(tmp_path)


def test_bad_copy_value_names_the_item(tmp_path: Path) -> None:
    data = {"code": "X", "name": "X", "items": [{"category": "a", "name": "b", "copy": "扫描件"}]}
    (tmp_path / "x.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="第 1 项"):
        load_template_files(tmp_path)
