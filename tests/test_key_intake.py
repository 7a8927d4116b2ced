"""Bulk receive of keys (批量接收钥匙) on SQLite and PostgreSQL: from a key handover list (idempotent,
amendments too) and from a clerk's Excel sheet (odd layouts, refused whole with row-numbered reasons)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_login import cli_user
from sqlalchemy import func, select
from xlsx_builder import KEY_HEADER, write_sheet

import main
from models.audit import AuditLog
from models.errors import DomainError, ValidationError
from models.imports.cells import ImportCancelled
from models.imports.key_sheet import (
    import_key_sheet,
    import_key_sheet_file,
    preview_key_sheet,
)
from models.keys import Key, KeyEvent, KeyEventKind
from models.keys import KeyStatus as K
from models.project import Unit
from models.services import checklists, projects, signoff
from models.services import key_custody as kc
from models.services.key_intake import (
    TagMaker,
    UnitIndex,
    UnitRef,
    key_lists,
    plan_from_list,
    receive_keys_from_list,
    unit_stem,
)

UNITS = (("1栋1单元101", "住宅"), ("1栋1单元1011", "住宅"), ("1栋1单元102", "住宅"), ("商铺 S-105", "商铺"))
T0 = dt.datetime(2026, 7, 1, 9, 30)


@pytest.fixture
def setup(db) -> tuple[int, int]:
    """A project with four units and a take-over handover: (project_id, handover_id)."""
    project = projects.add_project(db, "CHY", "翠湖园")
    with db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use=u) for n, u in UNITS)
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    return project.id, handover.id


def key_list(db, handover_id: int, items: list[tuple[str, int]], title: str = "钥匙交接清单") -> tuple[int, list]:
    """A draft list with (name, expected quantity) items: (list_id, ItemRows)."""
    list_id = checklists.create_list(db, handover_id, title).id
    rows = [checklists.add_item(db, list_id, category="钥匙", name=n, uom="把", expected_qty=q) for n, q in items]
    return list_id, rows


def keys(db) -> list[tuple]:
    with db.read() as s:
        return [(k.tag, k.unit_id is not None, k.opens, k.count, k.cabinet, k.status)
                for k in s.scalars(select(Key).order_by(Key.id))]


def count(db, table, *where) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(table).where(*where))


# ---- tags and units ------------------------------------------------------------------------------

def test_units_named_in_text_and_their_tags():
    units = UnitIndex((UnitRef(i, n, u), "", "") for i, (n, u) in enumerate(UNITS, 1))
    assert units.named_in("1栋1单元101 入户门钥匙").number == "1栋1单元101"
    assert units.named_in("1栋 1单元 1011入户门").number == "1栋1单元1011"  # the longest, spaces ignored
    assert units.named_in("入户门（１栋1单元102）").number == "1栋1单元102"   # full-width digits
    assert units.named_in("1栋1单元1012 入户门") is None                      # 101 is not inside 1012
    assert units.named_in("消防控制室钥匙") is None
    assert units.get(" 商铺S-105 ").id == 4
    assert [unit_stem(UnitRef(1, n, u)) for n, u in (*UNITS, ("3号楼502", "住宅"), ("B座-1502", "办公"),
                                                      ("会所", "住宅"))] == [
        "K-01-01-101", "K-01-01-1011", "K-01-01-102", "K-SP-S-105", "K-03-00-502", "K-B-00-1502", "K-U1"]
    tags = TagMaker(["K-01-01-101-A", "k-gg-0007-a"])
    unit = UnitRef(1, "1栋1单元101", "住宅")
    assert [tags.next(unit), tags.next(unit), tags.next(None), tags.next(None)] == [
        "K-01-01-101-B", "K-01-01-101-C", "K-GG-0008-A", "K-GG-0009-A"]


# ---- from a handover list -------------------------------------------------------------------------

def test_receive_from_a_key_list(db, setup):
    project_id, handover_id = setup
    kc.receive_key(db, project_id, tag="K-GG-0007-A", opens="旧的公共钥匙")  # common tags go on after it
    list_id, items = key_list(db, handover_id, [
        ("1栋1单元101 入户门钥匙", 3), ("1栋1单元1011 入户门钥匙", 2), ("商铺 S-105 卷帘门钥匙", 2),
        ("消防控制室钥匙", 3), ("垃圾房钥匙", 1), ("1栋1单元101 信报箱钥匙", 1), ("水表井钥匙", 2)])
    checklists.check_item(db, items[0].id, items[0].version, received_qty=2, condition="完好", remarks="短缺 1 把")
    checklists.check_item(db, items[3].id, items[3].version, received_qty=3, condition="有缺陷")
    checklists.check_item(db, items[4].id, items[4].version, received_qty=0, condition="缺失")
    checklists.check_item(db, items[6].id, items[6].version, received_qty=0, condition="完好")

    plan = plan_from_list(db, list_id)
    assert [(i.seq, i.tag, i.outcome) for i in plan.items] == [
        (1, "K-01-01-101-A", "接收"), (2, "K-01-01-1011-A", "接收"), (3, "K-SP-S-105-A", "接收"),
        (4, "K-GG-0008-A", "接收"), (5, "", "核对为缺失，未接收"), (6, "K-01-01-101-B", "接收"),
        (7, "", "实收为 0，未接收")]
    assert count(db, Key) == 1  # a plan writes nothing

    report = receive_keys_from_list(db, list_id, cabinet=" G01 ", at=T0)
    assert report.tags == ("K-01-01-101-A", "K-01-01-1011-A", "K-SP-S-105-A", "K-GG-0008-A", "K-01-01-101-B")
    assert (report.pieces, report.linked, report.unchecked) == (2 + 2 + 2 + 3 + 1, 4, 3)
    assert report.summary().startswith("已接收钥匙 5 条（共 10 把/套），其中 4 条关联到房屋")
    assert "3 项尚未核对，按应交数量接收" in report.summary()
    assert "第 5 项“垃圾房钥匙”核对为缺失，未接收；第 7 项“水表井钥匙”实收为 0，未接收" in report.summary()
    assert keys(db)[1:] == [
        ("K-01-01-101-A", True, "1栋1单元101 入户门钥匙", 2, "G01", K.IN_STORE),
        ("K-01-01-1011-A", True, "1栋1单元1011 入户门钥匙", 2, "G01", K.IN_STORE),
        ("K-SP-S-105-A", True, "商铺 S-105 卷帘门钥匙", 2, "G01", K.IN_STORE),
        ("K-GG-0008-A", False, "消防控制室钥匙", 3, "G01", K.IN_STORE),
        ("K-01-01-101-B", True, "1栋1单元101 信报箱钥匙", 1, "G01", K.IN_STORE)]
    with db.read() as s:
        events = s.execute(select(Key.tag, Key.handover_id, KeyEvent).join(KeyEvent, KeyEvent.key_id == Key.id)
                           .where(Key.tag.in_(report.tags)).order_by(Key.id)).all()
        assert all(h == handover_id and e.kind is KeyEventKind.RECEIVE and e.at == T0 and e.by == "测试员"
                   and e.person == "原物业服务公司" for _, h, e in events)
        first, fire = events[0][2], events[3][2]
        assert first.note == "交接清单“钥匙交接清单”第 1 项：短缺 1 把"
        linked = s.scalars(select(Key.list_item_id).where(Key.tag.in_(report.tags)).order_by(Key.id)).all()
        assert linked[0] == items[0].id and all(linked)
        assert (first.condition, fire.condition) == ("完好", "有缺陷")
        audit = s.scalars(select(AuditLog).where(AuditLog.table_name.in_(("keys", "key_events")),
                                                 AuditLog.action == "insert")).all()
        assert len(audit) == 2 * 6  # the key received by hand, and the five: each with its event
        note = s.scalar(select(AuditLog.note).where(AuditLog.action == "import"))
        assert note.startswith("从交接清单批量接收钥匙：已接收钥匙 5 条")


def test_a_second_run_adds_nothing_and_says_so(db, setup):
    _, handover_id = setup
    list_id, _ = key_list(db, handover_id, [("1栋1单元102 入户门钥匙", 2), ("电梯机房钥匙", 2)])
    assert receive_keys_from_list(db, list_id).received == 2
    audit = count(db, AuditLog)
    again = receive_keys_from_list(db, list_id)
    assert (again.received, again.already) == (0, 2)
    assert again.summary() == "没有新接收的钥匙：清单中的钥匙均已接收过"
    assert count(db, Key) == 2 and count(db, AuditLog) == audit  # nothing written, not even a note
    assert [i.outcome for i in plan_from_list(db, list_id).items] == ["已接收", "已接收"]

    # an item added to the draft list later is received on the next run, alone
    checklists.add_item(db, list_id, category="钥匙", name="1栋1单元102 信报箱钥匙", expected_qty=1)
    third = receive_keys_from_list(db, list_id)
    assert third.tags == ("K-01-01-102-B",) and "此前已接收 2 项，未重复接收" in third.summary()


def test_an_amendment_receives_only_what_it_adds(db, setup):
    _, handover_id = setup
    list_id, items = key_list(db, handover_id, [("1栋1单元101 入户门钥匙", 2), ("配电房钥匙", 1)])
    for item in items:
        checklists.mark_received_as_expected(db, item.id, item.version)
    assert receive_keys_from_list(db, list_id).received == 2
    version = checklists.list_detail(db, list_id).summary.version
    signoff.sign_list(db, list_id, version, signed_from="张三", signed_to="李四", signed_at=T0)
    amendment = signoff.amend_list(db, list_id).id
    checklists.add_item(db, amendment, category="钥匙", name="补交：配电房钥匙", expected_qty=1)

    assert [lst.id for lst in key_lists(db, handover_id)] == [amendment]  # the signed version is superseded
    with pytest.raises(ValidationError, match="已有补充版本"):
        receive_keys_from_list(db, list_id)
    report = receive_keys_from_list(db, amendment)
    assert (report.tags, report.already) == (("K-GG-0002-A",), 2)  # -0001 went to the first 配电房钥匙
    assert count(db, Key) == 3


def test_only_key_lists_of_the_handover(db, setup):
    _, handover_id = setup
    docs, _ = key_list(db, handover_id, [("竣工总平面图", 2)], title="物业原始资料移交清单")
    empty, _ = key_list(db, handover_id, [], title="钥匙补交清单")
    templated = checklists.start_list(db, handover_id, "PHY-KEYS", title="接管钥匙")
    assert sorted(lst.id for lst in key_lists(db, handover_id)) == sorted([empty, templated.id])
    with pytest.raises(ValidationError, match="不是钥匙交接清单"):
        receive_keys_from_list(db, docs)
    with pytest.raises(ValidationError, match="没有条目"):
        receive_keys_from_list(db, empty)
    # the template's items (防盗门钥匙 200 套…) are received as sets, each with its expected count
    report = receive_keys_from_list(db, templated.id)
    assert report.received == 38 and report.linked == 0 and report.unchecked == 38
    assert keys(db)[0][:4] == ("K-GG-0001-A", False, "防盗门钥匙", 200)
    assert count(db, KeyEvent) == 38


def test_cancelling_part_way_writes_nothing(db, setup):
    _, handover_id = setup
    list_id, _ = key_list(db, handover_id, [("1栋1单元101 入户门钥匙", 1)])
    with pytest.raises(ImportCancelled):
        receive_keys_from_list(db, list_id, progress=lambda done, total: False)
    assert count(db, Key) == 0 and count(db, KeyEvent) == 0


# ---- from an Excel sheet ----------------------------------------------------------------------------

def clerk_sheet(tmp_path: Path) -> Path:
    """A title, a two-row header with merged groups, a blank row in the middle, a 合计 row and trailing blanks."""
    rows = [
        ("翠湖园钥匙移交清单",),                                                        # 1 title, merged
        ("移交单位：原物业服务公司", None, None, None, None, "日期：2026-07-01"),              # 2
        ("序号", "钥匙", None, "开启对象", "把数", "存放位置", None, "备注"),                  # 3 upper header
        (None, "钥匙编号", "房间号", None, None, "柜号", "钩位", None),                        # 4 lower header
        (1, None, "1栋1单元101", "入户门", 2, "G01", "01-01", None),                      # 5 tag made: unit
        (2, "k-xf-01", None, "消防控制室", "3把", "G01", "01-02", "含备用 1 把"),           # 6 tag given
        (),                                                                          # 7 blank
        (3, None, None, "1栋1单元102 入户门", 1, None, None, None),                        # 8 unit from 开启对象
        (4, None, None, "北门岗亭", None, None, None, None),                              # 9 common, count blank
        ("合计", None, None, None, 7),                                                  # 10
        (),                                                                          # 11 trailing blank
    ]
    merges = ["A1:H1", "B3:C3", "F3:G3", "A3:A4", "D3:D4", "E3:E4", "H3:H4"]
    return write_sheet(tmp_path / "钥匙移交.xlsx", rows, merges=merges)


def test_sheet_with_title_two_row_header_blank_and_total_rows(db, setup, tmp_path):
    project_id, handover_id = setup
    kc.receive_key(db, project_id, tag="K-01-01-101-A", unit_id=None, opens="旧钥匙")
    preview = preview_key_sheet(db, project_id, clerk_sheet(tmp_path))
    assert preview.ok, preview.refusal()
    assert (preview.header.first_row, preview.header.last_row) == (3, 4)
    assert set(preview.header.columns) == {"tag", "number", "opens", "count", "cabinet", "slot", "remarks"}
    assert [(s.row, s.reason) for s in preview.skipped] == [(7, "空行"), (10, "合计行")]
    assert [(r.row, r.tag, r.generated, r.number, r.opens, r.count, r.cabinet, r.slot) for r in preview.rows] == [
        (5, "K-01-01-101-B", True, "1栋1单元101", "入户门", 2, "G01", "01-01"),  # -A is taken
        (6, "K-XF-01", False, "", "消防控制室", 3, "G01", "01-02"),
        (8, "K-01-01-102-A", True, "1栋1单元102", "1栋1单元102 入户门", 1, "", ""),
        (9, "K-GG-0001-A", True, "", "北门岗亭", 1, "", "")]
    assert preview.generated == 3 and count(db, Key) == 1

    report = import_key_sheet(db, preview, handover_id=handover_id, cabinet="G02")
    assert report.tags == ("K-01-01-101-B", "K-XF-01", "K-01-01-102-A", "K-GG-0001-A")
    assert report.summary() == ("已接收钥匙 4 条（共 7 把/套），其中 2 条关联到房屋，自动编标签号 3 个"
                                "（K-01-01-101-B … K-GG-0001-A）；跳过 空行 1 行、合计行 1 行"
                                "；未导入的列：A 列「序号」（没有对应的字段，可在“列对应”中指定）")
    assert [k[4] for k in keys(db)[1:]] == ["G01", "G01", "G02", "G02"]  # the default fills blanks only
    with db.read() as s:
        events = s.execute(select(Key.handover_id, KeyEvent.kind, KeyEvent.note)
                           .join(KeyEvent, KeyEvent.key_id == Key.id).where(Key.tag == "K-XF-01")).all()
        assert [(h, k, n) for h, k, n in events] == [
            (handover_id, KeyEventKind.RECEIVE, "钥匙表“钥匙移交.xlsx”第 6 行：含备用 1 把")]
        inserted = s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.table_name == "key_events", AuditLog.action == "insert"))
        assert inserted == 5
        assert "导入钥匙表“钥匙移交.xlsx”：已接收钥匙 4 条" in s.scalar(
            select(AuditLog.note).where(AuditLog.action == "import"))


def test_a_bad_sheet_is_refused_whole_with_row_numbers(db, setup, tmp_path):
    project_id, handover_id = setup
    kc.receive_key(db, project_id, tag="K-01-01-101-A", opens="旧钥匙")
    rows = [KEY_HEADER,
            ("K-1", "9栋9单元999", "入户门", 1, "G01"),     # 2 unknown unit
            ("K-2", None, None, 1, None),                   # 3 neither unit nor 开启对象
            ("K-3", None, "配电房", "若干", None),            # 4 bad count; tag repeated below
            ("k-3", None, "水泵房", 0, None),                # 5 count 0; tag repeated above
            ("K-01-01-101-A", None, "门卫室", 1.5, None),     # 6 tag in the register; count not whole
            ("K 9", None, "仓库", 1, "一二三四五六七八九十一二三四五六七八九十一")]  # 7 space; cabinet too long
    preview = preview_key_sheet(db, project_id, write_sheet(tmp_path / "bad.xlsx", rows))
    assert not preview.ok and len(preview.rows) == 6
    assert [str(p) for p in preview.problems] == [
        "第 2 行「房号」：“9栋9单元999”不是本项目的房屋（请先导入业主名册，或核对房号）",
        "第 3 行「开启对象」：不能为空：请填写房号或开启对象（公共部位、设备房等）",
        "第 4 行「数量」：应为数字，“若干”不是数字",
        "第 4 行「标签号」：“K-3”在表中重复（第 4、5 行）",
        "第 5 行「数量」：超出范围：应在 1 到 9,999 之间",
        "第 5 行「标签号」：“K-3”在表中重复（第 4、5 行）",
        "第 6 行「数量」：应为整数",
        "第 6 行「标签号」：“K-01-01-101-A”已在钥匙台账中",
        "第 7 行「标签号」：“K 9”含空格：扫码枪读出的标签号不能有空格",
        "第 7 行「钥匙柜」：最多 20 个字，现有 21 个字；请缩短后再保存"]
    audit = count(db, AuditLog)
    with pytest.raises(ValidationError) as refused:
        import_key_sheet(db, preview, handover_id=handover_id)
    assert str(refused.value).startswith("钥匙表有 10 处问题（6 行），未导入任何数据：第 2 行「房号」")
    assert count(db, Key) == 1 and count(db, KeyEvent) == 1 and count(db, AuditLog) == audit


def test_a_tag_registered_after_the_preview_refuses_the_import(db, setup, tmp_path):
    project_id, handover_id = setup
    path = write_sheet(tmp_path / "k.xlsx", [KEY_HEADER, (None, "1栋1单元101", "入户门", 1, None),
                                             ("K-XF-01", None, "消防控制室", 1, None)])
    preview = preview_key_sheet(db, project_id, path)
    assert preview.ok
    kc.receive_key(db, project_id, tag="K-01-01-101-A", unit_id=None, opens="另一台登记的")
    with pytest.raises(ValidationError, match="第 2 行「标签号」：“K-01-01-101-A”已被其他钥匙使用"):
        import_key_sheet(db, preview, handover_id=handover_id)
    assert count(db, Key) == 1


def test_a_sheet_without_unit_or_opens_columns(db, setup, tmp_path):
    project_id, _ = setup
    path = write_sheet(tmp_path / "k.xlsx", [("标签号", "数量", "钥匙柜"), ("K-1", 1, "G01")])
    preview = preview_key_sheet(db, project_id, path)
    assert [str(p) for p in preview.problems] == [  # said once, on the header, not on every row
        "第 1 行「房号/开启对象」：表头中找不到「房号」或「开启对象」列，请在“列对应”中指定"]
    assert not preview.ok


def test_import_file_for_a_handover_of_another_project_is_refused(db, setup, tmp_path):
    project_id, _ = setup
    projects.add_project(db, "LJY", "丽景苑")
    other = projects.add_handover(db, "LJY", "进场接管", "甲物业", "安居物业", dt.date(2026, 6, 30))
    path = write_sheet(tmp_path / "k.xlsx", [KEY_HEADER, ("K-1", None, "大门", 1, None)])
    preview = preview_key_sheet(db, project_id, path)
    with pytest.raises(DomainError, match="不属于"):
        import_key_sheet(db, preview, handover_id=other.id)
    assert import_key_sheet_file(db, other.id, path).tags == ("K-1",)  # the handover's own project
    with db.read() as s:
        assert s.scalar(select(Key.project_id).where(Key.tag == "K-1")) != project_id


# ---- the command line -------------------------------------------------------------------------------

def test_command_line_imports_a_sheet_and_receives_a_list(sqlite_db, tmp_path, capsys, monkeypatch):
    db = sqlite_db
    cli_user(db, monkeypatch)  # importing writes: the command line signs in
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    path = write_sheet(tmp_path / "k.xlsx", [KEY_HEADER, (None, None, "大门", 2, None)])
    database = str(tmp_path / "test.sqlite")
    assert main.main(["import", "keys", str(path), "--handover", str(handover.id), "--cabinet", "G03",
                      "--db", database]) == 0
    assert "已接收钥匙 1 条（共 2 把/套）" in capsys.readouterr().out
    list_id, _ = key_list(db, handover.id, [("监控室钥匙", 3)])
    assert main.main(["import", "keys", "--list", str(list_id), "--db", database]) == 0
    assert main.main(["import", "keys", "--list", str(list_id), "--db", database]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("已接收钥匙 1 条（共 3 把/套）") and out[1] == "没有新接收的钥匙：清单中的钥匙均已接收过"
    assert [k[:5] for k in keys(db)] == [("K-GG-0001-A", False, "大门", 2, "G03"),
                                         ("K-GG-0002-A", False, "监控室钥匙", 3, "")]
    assert main.main(["import", "keys", str(path), "--db", database]) == 2  # a sheet needs its handover
    assert "--handover" in capsys.readouterr().err
