"""Issue 13 point 7, cells as people write them: areas with 4 decimals, landlines and several phones in a
cell, co-owners in one cell, 统一社会信用代码 / 护照 / 通行证 instead of a 身份证 (one rule with the owner
forms), a system's codes mapped to words, and checklist quantities written in words. Both backends where
the database is written. The people are made up; their ID numbers carry computed check characters."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from cli_login import cli_user
from sqlalchemy import select
from test_imports_every_cell import accounted
from xlsx_builder import ROSTER_HEADER, write_sheet

import main
from models.errors import ValidationError
from models.handover import HandoverItem
from models.imports.checklist import import_checklist_file, preview_checklist
from models.imports.roster import import_roster_file, preview_roster, value_options
from models.imports.roster_owners import split_owners
from models.people import IdKind, Owner, UnitOwnership
from models.project import Occupancy, Unit, UnitUse
from models.rules.identity import check_id, guess_id_kind, id_problem, read_phones
from models.services import people, projects
from models.services.people import OwnerForm

TODAY = dt.date(2026, 12, 1)
ID_A = "110105198001011238"   # 北京朝阳, 1980-01-01
ID_B = "330106197512314567"   # 杭州西湖, 1975-12-31
ID_YUHANG = "330110198506150024"  # 余杭区 (code since 2001), born 1985: stdnum's validate() refuses it, we do not
BAD_CHECK = "110105198001011239"
BAD_BIRTH = "440305199202300011"  # 2 月 30 日
BAD_REGION = "990105198001011233"
R, SHOP, OCC, VAC = UnitUse.RESIDENCE, UnitUse.SHOP, Occupancy.OCCUPIED, Occupancy.VACANT
CREDIT = "91330106MA2B3C4D5D"  # a 统一社会信用代码 with its computed check character
ID_HEADER = ("房号", "业主姓名", "联系电话", "建筑面积", "房屋用途", "入住状态", "身份证号")


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def owners_of(db, number: str) -> list[tuple[str, str, str, str, str, bool]]:
    with db.read() as s:
        q = (select(Owner).join(UnitOwnership, UnitOwnership.owner_id == Owner.id)
             .join(Unit, Unit.id == UnitOwnership.unit_id)
             .where(Unit.number == number, UnitOwnership.relation == "业主").order_by(Owner.id))
        return [(o.name, o.mobile, o.other_phones, o.id_kind, o.id_number, o.is_company) for o in s.scalars(q)]


def problems(preview) -> list[str]:
    return [str(p) for p in preview.problems]


# ---- 1. areas with 3 or 4 decimals ----------------------------------------------------------------

def test_areas_with_four_decimals_are_rounded_with_a_note(db, project, tmp_path):
    rows = [ROSTER_HEADER, ("101", "甲一", None, 89.1234, "住宅", "空置"), ("102", "乙二", None, "76.125", "住宅", "空置"),
            ("103", "丙三", None, 60.5, "住宅", "空置")]
    path = write_sheet(tmp_path / "a.xlsx", rows)
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    assert [r.area for r in preview.rows] == [Decimal("89.12"), Decimal("76.13"), Decimal("60.50")]  # half-up
    assert "第 2 行 建筑面积 89.1234 按 89.12 导入" in preview.notes
    assert "第 3 行 建筑面积 76.125 按 76.13 导入" in preview.notes
    assert not any("第 4 行" in n for n in preview.notes)
    report = import_roster_file(db, "CHY", path)
    assert "第 2 行 建筑面积 89.1234 按 89.12 导入" in report.summary()
    with db.read() as s:
        assert s.scalar(select(Unit.area).where(Unit.number == "101")) == Decimal("89.12")


@pytest.mark.parametrize(("area", "words"), [("89.12345", "最多 4 位小数"), ("八十九", "“八十九”不是数字"),
                                            (89.12345, "最多 4 位小数")])
def test_more_than_four_decimals_or_no_number_stays_a_problem(tmp_path, area, words):
    preview = preview_roster(write_sheet(tmp_path / "a.xlsx", [ROSTER_HEADER, ("101", "甲一", None, area, "住宅", "空置")]))
    assert len(preview.problems) == 1 and str(preview.problems[0]).startswith("第 2 行「建筑面积」")
    assert words in str(preview.problems[0]) and not any("建筑面积" in n for n in preview.notes)


def test_many_rows_alike_are_counted_not_listed(tmp_path):
    rows = [ROSTER_HEADER, *[(f"{100 + i}", f"业主{i}", "无", 80.1234, "住宅", "空置") for i in range(1, 26)]]
    notes = preview_roster(write_sheet(tmp_path / "many.xlsx", rows)).notes
    assert sum("建筑面积 80.1234 按 80.12 导入" in n for n in notes) == 20
    assert "另有 5 行建筑面积同样四舍五入到 2 位小数导入" in notes
    assert sum("联系电话“无”" in n for n in notes) == 20
    assert "另有 5 条同类提示（电话、证件号码、共有业主）未逐条列出" in notes


# ---- 2. phones ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "mobile", "others"), [
    ("0571-88886666", "0571-88886666", ""),
    ("(0571)88886666", "0571-88886666", ""),
    ("（0571）88886666", "0571-88886666", ""),
    ("88886666", "88886666", ""),
    ("13800000000/13900000000", "13800000000", "13900000000"),
    ("13800000000、0571-88886666", "13800000000", "0571-88886666"),
    ("13800000000 13900000000", "13800000000", "13900000000"),
    ("138 0000 0000", "13800000000", ""),
    (13800000000, "13800000000", ""),
])
def test_landlines_and_several_phones_in_one_cell(db, project, tmp_path, cell, mobile, others):
    path = write_sheet(tmp_path / "p.xlsx", [ROSTER_HEADER, ("101", "甲一", cell, 90, "住宅", "空置")])
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    import_roster_file(db, "CHY", path)
    assert owners_of(db, "101") == [("甲一", mobile, others, IdKind.ID_CARD, "", False)]


def test_the_forms_read_phones_by_the_same_rule(db, project):
    """One rule: the owner form's 其他电话 takes what the roster takes, stored alike."""
    assert read_phones("13800000000 13900000000") == (("13800000000", "13900000000"), "")
    owner = people.save_owner(db, project.id, None, 0, OwnerForm("甲一", mobile="(0571)88886666",
                                                                 other_phones="13800000000 13900000000"))
    with db.read() as s:
        stored = s.get(Owner, owner.id)
        assert (stored.mobile, stored.other_phones) == ("0571-88886666", "13800000000、13900000000")


@pytest.mark.parametrize("junk", ["无", "不详", "-", "暂无"])
def test_no_phone_written_is_a_note_not_a_problem(db, project, tmp_path, junk):
    path = write_sheet(tmp_path / "j.xlsx", [ID_HEADER, ("101", "甲一", junk, 90, "住宅", "空置", junk)])
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    assert f"第 2 行 联系电话“{junk}”不是电话号码，按没有电话导入" in preview.notes
    assert f"第 2 行 身份证号“{junk}”不是证件号码，按没有证件号码导入" in preview.notes
    assert accounted(path, preview) == []
    import_roster_file(db, "CHY", path)
    assert owners_of(db, "101") == [("甲一", "", "", IdKind.ID_CARD, "", False)]


@pytest.mark.parametrize("cell", ["1380000000", "13800000000/12345", "0571-8888", "电话13800000000"])
def test_a_malformed_phone_is_a_problem_naming_the_row(tmp_path, cell):
    rows = [ROSTER_HEADER, ("101", "甲一", "13800000000", 90, "住宅", "空置"), ("102", "乙二", cell, 90, "住宅", "空置")]
    preview = preview_roster(write_sheet(tmp_path / "m.xlsx", rows))
    assert len(preview.problems) == 1
    assert str(preview.problems[0]).startswith("第 3 行「联系电话」") and "不是有效的电话号码" in str(preview.problems[0])


# ---- 3. co-owners ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "names"), [
    ("王芳、李强", ("王芳", "李强")), ("王芳,李强", ("王芳", "李强")), ("王芳/李强", ("王芳", "李强")),
    ("王芳 李强", ("王芳", "李强")), ("欧阳娜娜、李强", ("欧阳娜娜", "李强")), ("王芳", ("王芳",)),
    ("杭州东方、西湖贸易有限公司", ("杭州东方、西湖贸易有限公司",)),  # a company is one owner
    ("王 芳", ("王 芳",)), ("王芳、Tom", ("王芳、Tom",)), ("阿卜杜拉·买买提、李强", ("阿卜杜拉·买买提、李强",)),
])
def test_which_owner_cells_name_co_owners(written, names):
    assert split_owners(written) == names


def test_co_owners_are_two_owners_of_one_unit_with_phones_and_ids_paired(db, project, tmp_path):
    rows = [ID_HEADER,
            ("101", "王芳、李强", "13800000001/13900000002", 90, "住宅", "已入住", f"{ID_A}、{ID_B}"),
            ("102", "赵六 钱七", "13700000003", 80, "住宅", "已入住", ID_YUHANG)]
    path = write_sheet(tmp_path / "c.xlsx", rows)
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    assert [o.name for o in preview.rows[0].owners] == ["王芳", "李强"]
    assert "第 3 行 共有业主 2 人，联系电话 1 个：都记在第一位业主名下" in preview.notes
    assert "第 3 行 共有业主 2 人，证件号码 1 个：都记在第一位业主名下" in preview.notes
    assert not any(ID_YUHANG in n or "13700000003" in n for n in preview.notes)  # notes reach the audit log
    report = import_roster_file(db, "CHY", path)
    assert report.created_owners == 4 and ID_A not in report.summary()
    assert owners_of(db, "101") == [("王芳", "13800000001", "", IdKind.ID_CARD, ID_A, False),
                                    ("李强", "13900000002", "", IdKind.ID_CARD, ID_B, False)]
    assert owners_of(db, "102") == [("赵六", "13700000003", "", IdKind.ID_CARD, ID_YUHANG, False),
                                    ("钱七", "", "", IdKind.ID_CARD, "", False)]
    again = import_roster_file(db, "CHY", path)  # the same co-owners again: nothing changes
    assert (again.created_units, again.unchanged_units, again.created_owners) == (0, 2, 0)


def test_a_changed_co_owner_refuses_the_import(db, project, tmp_path):
    import_roster_file(db, "CHY", write_sheet(tmp_path / "a.xlsx", [ROSTER_HEADER, ("101", "王芳、李强", None, 90)]))
    with pytest.raises(ValidationError, match="第 2 行「业主姓名」：房屋“101”在系统中的业主是“王芳、李强”"):
        import_roster_file(db, "CHY", write_sheet(tmp_path / "b.xlsx", [ROSTER_HEADER, ("101", "王芳、张三", None, 90)]))


def test_two_id_numbers_for_one_owner_is_a_problem(tmp_path):
    rows = [ID_HEADER, ("101", "王芳", None, 90, "住宅", "空置", f"{ID_A}/{ID_B}")]
    preview = preview_roster(write_sheet(tmp_path / "two.xlsx", rows))
    assert problems(preview) == ["第 2 行「身份证号」：一格中有 2 个证件号码，业主只有 1 人"]


# ---- 4. identity documents ------------------------------------------------------------------------

@pytest.mark.parametrize(("owner", "number", "kind", "company"), [
    ("王芳", ID_A, "身份证", False),
    ("王芳", "11010519491231002x", "身份证", False),  # GB 11643's own example, its X written small
    ("王芳", ID_YUHANG, "身份证", False),
    ("John Smith", "E12345678", "护照", False),
    ("陈大文", "H12345678", "港澳台通行证", False),
    ("林志明", "12345678", "港澳台通行证", False),
    ("杭州某某物业管理有限公司", CREDIT, "统一社会信用代码", True),
    ("某某", CREDIT.lower(), "统一社会信用代码", True),
])
def test_id_documents_of_each_kind_are_stored_as_written(db, project, tmp_path, owner, number, kind, company):
    path = write_sheet(tmp_path / "id.xlsx", [ID_HEADER, ("101", owner, None, 90, "住宅", "空置", number)])
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    import_roster_file(db, "CHY", path)
    assert owners_of(db, "101") == [(owner, "", "", IdKind(kind), number.upper(), company)]


@pytest.mark.parametrize(("owner", "number", "words"), [
    ("王芳", BAD_CHECK, "不是有效的身份证号（校验码不对）"),
    ("王芳", BAD_BIRTH, "不是有效的身份证号（出生日期无效：19920230 不存在）"),
    ("王芳", "110105203001011234", "出生日期无效"),
    ("王芳", "110105189912311234", "出生日期无效"),
    ("王芳", BAD_REGION, "不是有效的身份证号（地区码无效：前六位 990105"),
    ("王芳", "110105800101123", "15 位的旧身份证号"),
    ("王芳", "11010519800101", "应为 18 位"),
    ("杭州某某物业管理有限公司", ID_A, "不是有效的统一社会信用代码（校验码不对）；表中未写证件类型，按业主是单位认作统一社会信用代码"),
    ("王芳", "91330106MA2B3C4D5E", "不是有效的统一社会信用代码（校验码不对）；表中未写证件类型，按号码的形式认作统一社会信用代码"),
])
def test_an_invalid_document_says_the_kind_assumed_and_why(tmp_path, owner, number, words):
    path = write_sheet(tmp_path / "bad.xlsx", [ID_HEADER, ("101", owner, None, 90, "住宅", "空置", number)])
    preview = preview_roster(path)
    assert len(preview.problems) == 1, problems(preview)
    assert str(preview.problems[0]).startswith("第 2 行「身份证号」") and words in str(preview.problems[0])


def test_a_kind_column_says_what_the_number_is(db, project, tmp_path):
    header = (*ID_HEADER, "证件类型")
    rows = [header, ("101", "甲一", None, 90, "住宅", "空置", "12345678", "护照"),
            ("102", "乙二", None, 90, "住宅", "空置", ID_A, "居民身份证"),
            ("103", "丙三", None, 90, "住宅", "空置", "X1", "护照"),
            ("104", "丁四", None, 90, "住宅", "空置", ID_B, "驾驶证")]
    preview = preview_roster(write_sheet(tmp_path / "k.xlsx", rows))
    assert [p.row for p in preview.problems] == [4, 5]
    assert "“X1”不是有效的护照号码" in str(preview.problems[0]) and "按号码" not in str(preview.problems[0])
    assert str(preview.problems[1]).startswith("第 5 行「证件类型」：“驾驶证”无效")
    assert [o.id_kind for r in preview.rows[:2] for o in r.owners] == [IdKind.PASSPORT, IdKind.ID_CARD]


def test_the_owner_forms_use_the_same_document_rule(db, project):
    assert guess_id_kind(CREDIT, False) is IdKind.CREDIT_CODE and guess_id_kind("E12345678", False) is IdKind.PASSPORT
    assert id_problem("身份证", ID_YUHANG, TODAY) == "" and "地区码无效" in id_problem("身份证", BAD_REGION, TODAY)
    with pytest.raises(ValidationError, match="「证件号码」.*地区码无效"):
        check_id("身份证", BAD_REGION, TODAY)
    with pytest.raises(ValidationError, match="地区码无效"):
        people.save_owner(db, project.id, None, 0, OwnerForm("甲一", id_number=BAD_REGION))
    saved = people.save_owner(db, project.id, None, 0, OwnerForm("甲一", id_number=ID_YUHANG))
    assert saved.id_number.startswith("3301")


# ---- 5. a system's codes mapped to words ----------------------------------------------------------

def code_sheet(tmp_path: Path) -> Path:
    rows = [("房号", "业主姓名", "房屋类型", "状态"), ("101", "甲一", 110, 2001), ("102", "乙二", "110", 2002),
            ("103", "丙三", 120, "2001"), ("104", "丁四", "商铺", "空置")]
    return write_sheet(tmp_path / "codes.xlsx", rows)


def test_codes_are_listed_once_each_with_the_words_allowed(tmp_path):
    preview = preview_roster(code_sheet(tmp_path))
    assert not preview.ok and preview.problem_rows == {2, 3, 4}
    assert "“对应取值”" in str(preview.problems[0])
    use, occupancy = preview.unknown
    assert (use.key, use.label, use.values, use.counts) == ("use", "房屋用途", ("110", "120"), (2, 1))
    assert "住宅" in use.allowed and "商铺" in use.allowed
    assert (occupancy.key, occupancy.values, occupancy.counts) == ("occupancy", ("2001", "2002"), (2, 1))


def test_a_value_map_reads_the_codes_as_words(db, project, tmp_path):
    values = {"use": {"110": "住宅", "120": "商铺"}, "occupancy": {"2001": "已入住", "2002": "空置"}}
    path = code_sheet(tmp_path)
    preview = preview_roster(path, values=values)
    assert preview.ok and not preview.unknown, problems(preview)
    assert [(r.use, r.occupancy) for r in preview.rows] == [(R, OCC), (R, VAC), (SHOP, OCC),
                                                            (SHOP, VAC)]
    assert "房屋用途“110”按“住宅”导入（2 行）" in preview.notes and "入住状态“2002”按“空置”导入（1 行）" in preview.notes
    import_roster_file(db, "CHY", path, values=values)
    with db.read() as s:
        assert s.execute(select(Unit.use, Unit.occupancy).where(Unit.number == "103")).one() == (UnitUse.SHOP, Occupancy.OCCUPIED)


def test_a_partial_map_leaves_the_rest_unknown(tmp_path):
    preview = preview_roster(code_sheet(tmp_path), values={"use": {"110": "住宅"}})
    assert [(u.key, u.values) for u in preview.unknown] == [("use", ("120",)), ("occupancy", ("2001", "2002"))]


def test_cli_value_option(db, project, tmp_path, capsys, monkeypatch):
    assert value_options(["房屋用途:110=住宅", "房屋类型:120=商铺", "状态：2001=已入住"]) == {
        "use": {"110": "住宅", "120": "商铺"}, "occupancy": {"2001": "已入住"}}
    with pytest.raises(ValidationError, match="“别墅”不是房屋用途的取值"):
        value_options(["房屋用途:110=别墅"])
    with pytest.raises(ValidationError, match="--value 应写成"):
        value_options(["业主姓名:1=2"])
    cli_user(db, monkeypatch)
    args = ["import", "roster", str(code_sheet(tmp_path)), "--project", "CHY", "--db", db.url]
    assert main.main([*args, "--value", "房屋用途:110=住宅"]) == 1
    assert "对应取值" in capsys.readouterr().err
    values = ["--value", "房屋用途:110=住宅", "--value", "房屋用途:120=商铺", "--value", "入住状态:2001=已入住",
              "--value", "入住状态:2002=空置"]
    assert main.main([*args, *values]) == 0
    assert "新增 4 户" in capsys.readouterr().out
    with db.read() as s:
        assert s.scalar(select(Unit.use).where(Unit.number == "102")) is UnitUse.RESIDENCE


# ---- every cell accounted for -----------------------------------------------------------------------

def test_every_cell_of_a_roster_written_like_this_is_accounted_for(tmp_path):
    rows = [("业主名册",), ID_HEADER,
            ("101", "王芳、李强", "13800000001/13900000002", 89.1234, "住宅", "已入住", f"{ID_A}、{ID_B}"),
            ("102", "陈大文", "无", "76.125", "住宅", "空置", "H12345678"),
            ("103", "杭州某某物业管理有限公司", "0571-88886666", 120, "商铺", "已入住", CREDIT),
            ("合计", None, None, "285.25")]
    path = write_sheet(tmp_path / "all.xlsx", rows)
    preview = preview_roster(path)
    assert preview.ok, problems(preview)
    assert accounted(path, preview) == []
    assert not preview.mismatches  # 89.12 + 76.13 + 120 = 285.25


# ---- 6. checklist quantities written in words ---------------------------------------------------------

QTY_HEADER = ("序号", "资料名称", "单位", "数量", "页数", "备注")


def test_quantities_written_in_words(db, tmp_path):
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    rows = [QTY_HEADER, (1, "竣工图", None, "一套"), (2, "设备说明书", None, "两套"), (3, "业主档案", None, "二十份"),
            (4, "装修资料", None, "若干", None, "在档案室"), (5, "维修记录", "本", "约420"), (6, "会议纪要", None, "共360页"),
            (7, "合同", None, "38份"), (8, "图纸光盘", None, "电子版"), (9, "钥匙", "把", 12)]
    path = write_sheet(tmp_path / "q.xlsx", rows)
    preview = preview_checklist(path)
    assert preview.ok, [str(p) for p in preview.problems]
    assert accounted(path, preview) == []
    assert "第 5 行 数量“若干”没有数字：应交数量按 1 计，原文记入备注" in preview.notes
    assert "第 6 行 数量“约420”按 420本 导入，原文记入备注" in preview.notes
    assert "第 7 行 数量“共360页”按页数 360 导入，应交数量按 1 计，原文记入备注" in preview.notes
    result = import_checklist_file(db, handover.id, path, title="资料")
    with db.read() as s:
        items = s.scalars(select(HandoverItem).where(HandoverItem.list_id == result.list_id)
                          .order_by(HandoverItem.seq)).all()
        got = [(i.name, i.expected_qty, i.uom, i.pages, i.remarks) for i in items]
    assert got == [
        ("竣工图", 1, "套", None, "数量：一套"),
        ("设备说明书", 2, "套", None, "数量：两套"),
        ("业主档案", 20, "份", None, "数量：二十份"),
        ("装修资料", 1, "", None, "在档案室；数量：若干"),
        ("维修记录", 420, "本", None, "数量：约420"),
        ("会议纪要", 1, "", 360, "数量：共360页"),
        ("合同", 38, "份", None, ""),  # "38份" is its number and unit
        ("图纸光盘", 1, "", None, "数量：电子版"),
        ("钥匙", 12, "把", None, ""),
    ]


@pytest.mark.parametrize(("cell", "words"), [("1o00", "“1o00”不是数字"), ("-", "不是数量"), ("两套", "单位与单位列")])
def test_a_quantity_that_is_no_number_nor_words_is_still_a_problem(tmp_path, cell, words):
    rows = [QTY_HEADER, (1, "竣工图", "册", cell)]
    preview = preview_checklist(write_sheet(tmp_path / "q.xlsx", rows))
    assert len(preview.problems) == 1 and str(preview.problems[0]).startswith("第 2 行「数量」")
    assert words in str(preview.problems[0])
