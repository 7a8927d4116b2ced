"""A defect's severity, category and responsible party are stored as codes and decided on as members,
while the clerk's words (Chinese labels, the English ones, old data and settings) keep working."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text

from models import i18n
from models.browse import DEFECTS, Scope
from models.db import UserRef
from models.defect import DefectCategory, Responsible, Severity
from models.errors import ValidationError
from models.services import defect_register as reg
from models.services import projects
from models.services.defects import DEADLINE_SETTING
from models.settings import Setting
from reports.excel.defect_export import write_defect_workbook

T0 = dt.datetime(2026, 7, 1, 9, 0)
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def new(db, project, **kw):
    base = dict(category="土建装饰", severity="一般", responsible="开发商", location="3栋外墙",
                description="北侧外墙瓷砖空鼓脱落", found_at=T0)
    return reg.record_new(db, project.id, **{**base, **kw})


def stored(db, defect_id: int) -> tuple[str, str, str]:
    with db.read() as s:
        row = s.execute(text("SELECT category, severity, responsible FROM defects WHERE id = :id"),
                        {"id": defect_id}).one()
    return tuple(row)


def test_the_chinese_labels_are_stored_as_codes(db, project):
    d = new(db, project, category="给排水", severity="重大", responsible="施工单位")
    assert stored(db, d.id) == ("plumbing", "major", "contractor")
    assert (d.category, d.severity, d.responsible) == (DefectCategory.PLUMBING, Severity.MAJOR,
                                                       Responsible.CONTRACTOR)
    assert d.deadline == dt.date(2026, 7, 4)  # 重大: 3 days, decided on the member


def test_the_english_labels_codes_and_members_are_accepted(db, project):
    a = new(db, project, category="Fire protection", severity="minor", responsible=Responsible.OURS)
    b = new(db, project, category=DefectCategory.ELEVATOR, severity=" Major ", responsible="previous")
    assert stored(db, a.id) == ("fire", "minor", "ours")
    assert stored(db, b.id) == ("elevator", "major", "previous")


@pytest.mark.parametrize("kw, message", [
    ({"severity": "超大"}, "「严重程度」应为：重大、一般、轻微。"),
    ({"category": "杂项"}, "「类别」应为：土建装饰、给排水、强电"),
    ({"responsible": "物业"}, "「责任方」应为：开发商、施工单位、原物业、本公司。"),
    ({"severity": ""}, "「严重程度」应为"),
])
def test_anything_else_is_refused_naming_the_field_and_the_choices(db, project, kw, message):
    with pytest.raises(ValidationError, match=message):
        new(db, project, **kw)
    with db.read() as s:
        assert s.scalar(text("SELECT COUNT(*) FROM defects")) == 0


def test_an_edit_takes_the_words_too(db, project):
    d = new(db, project)
    moved = reg.update_defect(db, d.id, d.version, category="Lifts", severity="轻微", responsible="ours")
    assert (moved.category, moved.severity, moved.responsible) == (DefectCategory.ELEVATOR, Severity.MINOR,
                                                                   Responsible.OURS)
    assert stored(db, d.id) == ("elevator", "minor", "ours")
    with pytest.raises(ValidationError, match="「责任方」应为"):
        reg.update_defect(db, d.id, moved.version, responsible="监理")
    assert stored(db, d.id) == ("elevator", "minor", "ours")


def test_a_party_is_named_by_its_word_or_code_for_a_reminder(db, project):
    d = new(db, project, responsible="施工单位")
    d = reg.issue_notice(db, d.id, d.version, at=T0)
    later = T0 + dt.timedelta(days=30)
    for party in ("施工单位", "contractor", "Contractor", Responsible.CONTRACTOR):
        assert [r.defect.number for r in reg.overdue_of_party(db, project.id, party, now=later)] == [d.number]
    assert reg.overdue_of_party(db, project.id, "开发商", now=later) == []
    with pytest.raises(ValidationError, match="「责任方」应为"):
        reg.overdue_of_party(db, project.id, "甲方", now=later)


# --- the office's deadline table ----------------------------------------------------------------

def _setting(db) -> str | None:
    with db.read() as s:
        return s.scalar(select(Setting.value).where(Setting.key == DEADLINE_SETTING))


def test_a_table_saved_with_the_old_words_still_reads_and_is_saved_with_codes(db, project):
    with db.begin() as s:  # as a version before the codes saved it
        s.add(Setting(key=DEADLINE_SETTING, value=json.dumps({"重大": 1, "一般": 10}, ensure_ascii=False)))
    assert reg.deadline_days(db) == {Severity.MAJOR: 1, Severity.NORMAL: 10, Severity.MINOR: 15}
    assert new(db, project, severity="重大").deadline == dt.date(2026, 7, 2)
    db.user = SUPERVISOR
    assert reg.set_deadline_days(db, {"Minor": 20}) == {Severity.MAJOR: 1, Severity.NORMAL: 10,
                                                        Severity.MINOR: 20}
    assert json.loads(_setting(db) or "") == {"major": 1, "normal": 10, "minor": 20}
    assert reg.deadline_days(db)[Severity.MINOR] == 20


# --- the register table: shown as labels, filtered and sorted by member ----------------------------

@pytest.fixture
def three(db, project):
    rows = [new(db, project, severity="轻微", category="消防", responsible="原物业", description="灭火器过期"),
            new(db, project, severity="重大", category="电梯", responsible="开发商", description="电梯困人"),
            new(db, project, severity="一般", category="土建装饰", responsible="施工单位", description="墙面开裂")]
    return Scope(project.id), [r.number for r in rows]


def _numbers(db, scope, text_="", sort_col=None, descending=False, filters=None) -> list[str]:
    with db.read() as s:
        return [r[0] for r in DEFECTS.fetch(s, scope, text_, sort_col, descending, filters=filters)]


def test_the_columns_leave_models_as_members(db, three):
    scope, _ = three
    with db.read() as s:
        row = DEFECTS.fetch(s, scope, sort_col=DEFECTS.column_index("number"))[0]
    values = dict(zip([c.key for c in DEFECTS.columns], row, strict=False))
    assert values["severity"] is Severity.MINOR and values["category"] is DefectCategory.FIRE
    assert values["responsible"] is Responsible.PREVIOUS


def test_typed_words_find_rows_by_their_label_in_the_chosen_language(db, three):
    scope, (minor, major, normal) = three
    assert _numbers(db, scope, "重大") == [major]
    assert _numbers(db, scope, "消防") == [minor] and _numbers(db, scope, "施工") == [normal]
    assert _numbers(db, scope, "major") == []  # a code is not what the clerk reads
    i18n.set_language("en")
    try:
        assert _numbers(db, scope, "major") == [major]  # "Major"
        assert _numbers(db, scope, "fire prot") == [minor] and _numbers(db, scope, "contractor") == [normal]
    finally:
        i18n.set_language("zh")


def test_the_combos_filter_by_member_or_code(db, three):
    scope, (minor, major, normal) = three
    assert _numbers(db, scope, filters={"severity": Severity.MAJOR}) == [major]
    assert _numbers(db, scope, filters={"category": "civil"}) == [normal]
    assert _numbers(db, scope, filters={"responsible": Responsible.PREVIOUS, "severity": "minor"}) == [minor]


def test_sorting_follows_the_forms_order_not_the_spelling_of_the_code(db, three):
    scope, (minor, major, normal) = three
    severity = DEFECTS.column_index("severity")
    assert _numbers(db, scope, sort_col=severity) == [major, normal, minor]  # 重大, 一般, 轻微
    assert _numbers(db, scope, sort_col=severity, descending=True) == [minor, normal, major]
    assert _numbers(db, scope, sort_col=DEFECTS.column_index("category")) == [normal, minor, major]
    assert _numbers(db, scope, sort_col=DEFECTS.column_index("responsible")) == [major, normal, minor]


def test_the_workbook_prints_the_chinese_labels_in_any_language(db, three, tmp_path: Path):
    scope, _ = three
    out = tmp_path / "defects.xlsx"
    i18n.set_language("en")
    try:
        write_defect_workbook(db, scope.project_id, out, now=T0)
    finally:
        i18n.set_language("zh")
    ws = openpyxl.load_workbook(out)["遗留问题"]
    assert [(r[3].value, r[4].value, r[5].value) for r in ws.iter_rows(min_row=2, max_row=4)] == [
        ("消防", "轻微", "原物业"), ("电梯", "重大", "开发商"), ("土建装饰", "一般", "施工单位")]
