"""Built-in list templates: the JSON files are complete and seed idempotently, on both backends."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import func, select

from models.audit import AuditLog
from models.errors import ValidationError
from models.handover import CopyKind, HandoverKind, ListTemplate, TemplateItem
from models.services import checklists, handovers, projects
from models.templates import TemplateSpec, load_template_files, seed_builtin_templates
from reports.forms.base import MARGIN_X
from reports.forms.handover_list import COLUMNS, HandoverListForm

DOCUMENT_TEMPLATES = {"DOC-ORIGINAL", "DOC-MAINT", "DOC-OWNER", "DOC-FINANCE", "DOC-PENDING"}
SYSTEMS = ("供电", "供水", "排水", "消防", "电梯", "供暖", "空调", "安防监控", "车场")


def test_files_cover_the_spec_categories() -> None:
    specs = {s.code: s for s in load_template_files()}
    assert set(specs) >= DOCUMENT_TEMPLATES
    assert {"PHY-COMMON", "PHY-OFFICE", "PHY-KEYS", "PHY-SEALS", "SYS-ACCOUNTS", "STAFF", "EXIT-ASSETS"} <= set(specs)
    names = " ".join(s.name for s in specs.values())
    assert all(system in names for system in SYSTEMS)


@pytest.mark.parametrize("spec", load_template_files(), ids=lambda s: s.code)
def test_each_template_has_dozens_of_well_formed_items(spec) -> None:
    assert len(spec.items) >= 20
    assert len({i.name for i in spec.items}) == len(spec.items), "a name twice in one template"
    for item in spec.items:
        assert item.category and item.name and item.uom and item.qty >= 1
        assert isinstance(item.copy, CopyKind)
        assert len(item.name) <= 200 and len(item.uom) <= 10 and len(item.category) <= 40
    if spec.code in DOCUMENT_TEMPLATES:
        assert all(i.copy for i in spec.items), "every document says 原件 or 复印件"


def test_kinds() -> None:
    specs = {s.code: s for s in load_template_files()}
    finance = specs["DOC-FINANCE"]
    assert finance.suits(HandoverKind.TAKEOVER) and not finance.suits(HandoverKind.ACCEPTANCE)
    assert specs["PHY-FIRE"].suits(HandoverKind.ACCEPTANCE) and specs["PHY-FIRE"].kind_column == ""
    # assets bought with the owners' money go back only when a manager leaves
    assert specs["EXIT-ASSETS"].kinds == (HandoverKind.EXIT,)
    assert specs["DOC-PENDING"].suits(HandoverKind.ACCEPTANCE)  # 第十一条 is about 承接查验 first of all


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


def test_a_database_from_an_earlier_version_gets_the_items_added_since(db) -> None:
    """The keys template as an earlier version shipped it (住宅分户钥匙, no four kinds) is brought to this
    version's items; a template a clerk saved is left as it is; one audit row says which were updated."""
    with db.begin() as s:
        seed_builtin_templates(s)
        keys = s.scalar(select(ListTemplate).where(ListTemplate.code == "PHY-KEYS"))
        s.execute(TemplateItem.__table__.delete().where(TemplateItem.template_id == keys.id))
        s.add(TemplateItem(template_id=keys.id, seq=1, category="钥匙", name="住宅分户钥匙", uom="套", expected_qty=200))
        own = ListTemplate(code="MY-OWN", name="本处自定义", kinds="", builtin=False)
        own.items = [TemplateItem(seq=1, category="其他", name="自定义条目", uom="项", expected_qty=1)]
        s.add(own)
    names = [t.code for t in checklists.list_templates(db)]
    assert "PHY-KEYS" in names and "MY-OWN" in names
    with db.read() as s:
        keys = s.scalar(select(ListTemplate).where(ListTemplate.code == "PHY-KEYS"))
        shipped = next(spec for spec in load_template_files() if spec.code == "PHY-KEYS")
        assert [i.name for i in keys.items] == [i.name for i in shipped.items]
        assert "住宅分户钥匙" not in [i.name for i in keys.items] and "防盗门钥匙" in [i.name for i in keys.items]
        own = s.scalar(select(ListTemplate).where(ListTemplate.code == "MY-OWN"))
        assert [i.name for i in own.items] == ["自定义条目"]
        updated = s.scalars(select(AuditLog.note).where(AuditLog.action == "seed")).all()
    assert any("按新版本更新 1 个：PHY-KEYS" in u for u in updated)
    with db.begin() as s:
        assert seed_builtin_templates(s) == 0
    with db.read() as s:  # nothing more to update: no second audit row
        assert sum("按新版本更新" in u for u in s.scalars(select(AuditLog.note).where(AuditLog.action == "seed"))) == 1


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


# --- issue 13 point 10: what 物业承接查验办法 第十一至十三条 and 更迭移交 practice ask for --------

REGULATION_ITEMS = (  # (template, category, name)
    # 第十一条（一）竣工验收资料, 物业设计方案
    ("DOC-ORIGINAL", "竣工验收资料", "建设工程竣工验收报告"),
    ("DOC-ORIGINAL", "竣工验收资料", "物业设计方案（规划设计方案及施工图设计文件）"),
    # 第十一条（二）共用设施设备清单
    ("DOC-ORIGINAL", "技术资料", "共用设施设备清单"),
    # 第十一条（三）准许使用文件
    ("DOC-ORIGINAL", "准许使用文件", "供水准许使用文件（供水合同、通水验收证明）"),
    ("DOC-ORIGINAL", "准许使用文件", "供电准许使用文件（供用电合同、送电验收证明）"),
    ("DOC-ORIGINAL", "准许使用文件", "供气准许使用文件（供气合同、通气验收证明）"),
    ("DOC-ORIGINAL", "准许使用文件", "供热准许使用文件（供热入网协议、验收证明）"),
    ("DOC-ORIGINAL", "准许使用文件", "通信准许使用文件（通信配套设施验收证明）"),
    ("DOC-ORIGINAL", "准许使用文件", "有线电视准许使用文件（入网验收证明）"),
    # 第十一条 末款：未移交资料清单 with a written 补交时限
    ("DOC-ORIGINAL", "未移交资料", "未移交资料清单（建设单位书面承诺补交时限）"),
    ("DOC-PENDING", "承诺与补交", "补交资料书面承诺书（写明每项补交的具体时限）"),
    # 第十二条 出厂、安装、试验和运行的合格证明
    ("DOC-ORIGINAL", "合格证明文件", "电梯出厂、安装、试验和运行合格证明"),
    ("DOC-ORIGINAL", "合格证明文件", "锅炉出厂、安装、试验和运行合格证明"),
    ("DOC-ORIGINAL", "合格证明文件", "压力容器出厂、安装、试验和运行合格证明"),
    ("DOC-ORIGINAL", "合格证明文件", "消防设施出厂、安装、试验和运行合格证明"),
    # 第十三条 共用部位、共用设备、共用设施
    ("PHY-COMMON", "楼宇本体", "楼栋主体结构（基础、承重墙体、柱、梁、楼板）"),
    ("PHY-COMMON", "楼宇本体", "电梯井道"),
    ("PHY-COMMON", "楼宇本体", "护栏（平台、屋面及临空处）"),
    ("PHY-COMMON", "楼宇本体", "设备间（配电室、水泵房、电梯机房等）"),
    ("PHY-COMMON", "楼宇本体", "架空层"),
    ("PHY-COMMON", "公共区域", "人造景观（假山、雕塑、景观小品）"),
    ("PHY-COMMON", "室外配套", "垃圾转运设施（转运站、压缩设备）"),
    ("PHY-COMMON", "共用设备", "电视天线（有线电视前端及分配系统）"),
    ("PHY-COMMON", "人防设施", "人防工程（防空地下室）"),
    ("PHY-COMMON", "人防设施", "人防防护密闭门及密闭门"),
    ("PHY-DRAIN", "污水", "污水处理设施（一体化污水处理站）"),
    # 业主资料：入住登记、装修图纸与装修消防审批、钥匙托管委托书
    ("DOC-OWNER", "入住资料", "入住登记资料（入住登记表、身份及产权证明复印件）"),
    ("DOC-OWNER", "装修资料", "装修图纸（平面布置、水电改造及结构改动图）"),
    ("DOC-OWNER", "装修资料", "装修消防审批（备案）资料"),
    ("DOC-OWNER", "钥匙托管", "业主钥匙托管委托书"),
    # 财务：维修资金使用审批资料
    ("DOC-FINANCE", "公共收益与维修基金", "专项维修资金使用审批资料（业主表决、申请及审核文件）"),
    # 人员：留用人员档案、培训记录
    ("STAFF", "人员档案", "留用人员档案（花名册、劳动合同、上岗证书）"),
    ("STAFF", "人员档案", "培训记录（岗前、在岗培训及考核）"),
    # 钥匙：分户钥匙四类、业主托管钥匙
    ("PHY-KEYS", "房屋钥匙", "防盗门钥匙"),
    ("PHY-KEYS", "房屋钥匙", "室内门钥匙"),
    ("PHY-KEYS", "房屋钥匙", "对讲门（单元门）钥匙"),
    ("PHY-KEYS", "房屋钥匙", "信箱钥匙"),
    ("PHY-KEYS", "业主托管钥匙", "业主托管钥匙（凭钥匙托管委托书）"),
    # 退场：业主共有资金购置的资产
    ("EXIT-ASSETS", "清单与凭证", "业主共有资金购置资产清单"),
    ("EXIT-ASSETS", "清单与凭证", "购置决议（业主大会或业主委员会决议）"),
)


def by_code() -> dict[str, TemplateSpec]:
    return {s.code: s for s in load_template_files()}


@pytest.mark.parametrize("code,category,name", REGULATION_ITEMS, ids=lambda v: str(v)[:12])
def test_regulation_item_is_in_its_template(code: str, category: str, name: str) -> None:
    found = [i for i in by_code()[code].items if i.name == name]
    assert len(found) == 1, f"{code} 缺少“{name}”"
    item = found[0]
    assert item.category == category and item.uom and item.qty >= 1
    if code.startswith("DOC-"):
        assert item.copy in (CopyKind.ORIGINAL, CopyKind.COPY)


def test_every_permit_and_certificate_the_regulation_names() -> None:
    original = by_code()["DOC-ORIGINAL"].items
    permits = {i.name[:2] for i in original if i.category == "准许使用文件"}
    assert permits == {"供水", "供电", "供气", "供热", "通信", "有线"}
    certified = [i.name for i in original if i.category == "合格证明文件"]
    assert all("安装、试验和运行合格证明" in n for n in certified) and len(certified) >= 4


def test_pending_documents_carry_a_deadline_to_fill_in() -> None:
    pending = by_code()["DOC-PENDING"]
    documents = [i for i in pending.items if i.category != "承诺与补交"]
    assert len(documents) >= 20
    # TemplateItem and HandoverItem have no deadline column: the clerk writes the date after
    # "补交时限：" in 规格 (short enough to leave room on the printed line for a handwritten date)
    assert all(i.spec == "补交时限：" for i in documents)
    assert "补交的具体时限" in pending.note and "规格" in pending.note
    permits = [i.name for i in documents if i.category == "准许使用文件"]
    assert len(permits) == 6


def test_keys_per_unit_and_entrusted_keys() -> None:
    specs = by_code()
    keys = specs["PHY-KEYS"].items
    per_unit = [i for i in keys if i.category == "房屋钥匙" and i.spec == "按户"]
    assert [i.name for i in per_unit] == ["防盗门钥匙", "室内门钥匙", "对讲门（单元门）钥匙", "信箱钥匙"]
    assert len({i.qty for i in per_unit}) == 1  # one set of each kind per flat
    # every item of a key list becomes a key when received in bulk: no papers in it, and the
    # 托管委托书 itself is checked as a document with the owners' files
    assert not any(i.copy for i in keys)
    assert "业主资料移交清单" in specs["PHY-KEYS"].note
    letter = [i for i in specs["DOC-OWNER"].items if "托管委托书" in i.name]
    assert [(i.copy, i.uom) for i in letter] == [(CopyKind.ORIGINAL, "份")]


@pytest.fixture
def exit_handover(db):
    project = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, project.id, "退场移交", "原物业服务有限公司", "翠湖园业主委员会",
                                     dt.date(2026, 6, 30))


def test_lists_started_from_the_templates_hold_the_regulation_items(db, exit_handover) -> None:
    specs = by_code()
    offered = {t.code for t in checklists.list_templates(db, "退场移交")}
    assert {"EXIT-ASSETS", "DOC-PENDING"} <= offered
    assert "EXIT-ASSETS" not in {t.code for t in checklists.list_templates(db, "承接查验")}
    for code in sorted({code for code, _, _ in REGULATION_ITEMS}):
        summary = checklists.start_list(db, exit_handover.id, code)
        items = checklists.list_detail(db, summary.id).items
        assert [(i.category, i.name, i.spec, i.uom, i.expected_qty, i.original_or_copy) for i in items] == [
            (i.category, i.name, i.spec, i.uom, i.qty, i.copy) for i in specs[code].items]
        names = {(i.category, i.name) for i in items}
        assert {(c, n) for c2, c, n in REGULATION_ITEMS if c2 == code} <= names


def column_text(path: Path, title: str) -> str:
    """One column of every page alone (名称, 规格…), its wrapped lines joined: from its rule to the next."""
    weights = [c.weight for c in COLUMNS]
    n = [c.title for c in COLUMNS].index(title)
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            scale = (page.width - 2 * MARGIN_X) / sum(weights)
            left = MARGIN_X + scale * sum(weights[:n])
            crop = page.crop((left + 1, 0, left + scale * weights[n] - 1, page.height))
            out.append((crop.extract_text() or "").replace("\n", ""))
    return "".join(out)


def test_a_list_with_the_long_new_names_prints_whole(db, exit_handover, tmp_path: Path) -> None:
    summary = checklists.start_list(db, exit_handover.id, "DOC-ORIGINAL")
    detail = checklists.list_detail(db, summary.id)
    out = tmp_path / "original.pdf"
    HandoverListForm(detail, printed_on=dt.date(2026, 12, 2)).render(out)
    column = column_text(out, "名称")
    with pdfplumber.open(out) as pdf:
        texts = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for item in detail.items:  # every name, the longest too, is printed whole inside its column
        assert item.name in column
    assert "五、合格证明文件" in texts and "六、准许使用文件" in texts and "九、未移交资料" in texts
    assert f"合计：共 {len(detail.items)} 项" in texts


def test_pending_list_keeps_the_deadline_the_clerk_writes_and_prints_it(db, exit_handover, tmp_path: Path) -> None:
    summary = checklists.start_list(db, exit_handover.id, "DOC-PENDING")
    items = checklists.list_detail(db, summary.id).items
    permit = next(i for i in items if i.name == "有线电视准许使用文件")
    checklists.update_item(db, permit.id, permit.version, spec=f"{permit.spec}2026年8月31日")
    delivered = next(i for i in items if i.name == "竣工总平面图")  # handed over after all: removed
    checklists.remove_item(db, delivered.id, delivered.version)
    detail = checklists.list_detail(db, summary.id)
    assert [i.spec for i in detail.items if i.name == permit.name] == ["补交时限：2026年8月31日"]
    assert len(detail.items) == len(items) - 1
    out = tmp_path / "pending.pdf"
    HandoverListForm(detail, printed_on=dt.date(2026, 12, 2)).render(out)
    with pdfplumber.open(out) as pdf:
        texts = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "未移交资料清单（补交承诺）" in texts and "补交时限：2026年8月31日" in column_text(out, "规格")
