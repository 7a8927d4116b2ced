"""The translation layer (models/i18n.py) and the catalog's build (tools/build_translations.py)."""
from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from models import i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_translations as bt  # noqa: E402

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>第 {row} 行：{field}不能为空</source>
        <translation>Row {row}: {field} is required</translation>
    </message>
    <message>
        <source>金额</source>
        <translation type="unfinished">Guessed</translation>
    </message>
    <message>
        <source>日期</source>
        <comment>column</comment>
        <translation>Date</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def catalog_dir(tmp_path, monkeypatch):
    (tmp_path / "handoverdesk_en.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOG_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_catalogs", {})
    yield tmp_path
    i18n.set_language(i18n.CHINESE)


def test_chinese_is_the_source_itself(catalog_dir):
    assert i18n.set_language("zh_CN") == i18n.CHINESE
    assert i18n.translate("Errors", "第 {row} 行：{field}不能为空").format(row=3, field="房号") == "第 3 行：房号不能为空"


def test_english_looks_up_the_catalog_and_formats_after(catalog_dir):
    assert i18n.set_language("en_US") == i18n.ENGLISH
    assert i18n.translate("Errors", "第 {row} 行：{field}不能为空").format(row=3, field="Unit") == \
        "Row 3: Unit is required"
    assert i18n.translate("Errors", "日期", "column") == "Date"
    assert i18n.translate("Errors", "日期") == "日期"  # another disambiguation is another message
    assert i18n.translate("Errors", "金额") == "金额"  # unfinished: lrelease leaves it out, so do we
    assert i18n.translate("Other", "第 {row} 行：{field}不能为空") == "第 {row} 行：{field}不能为空"
    assert i18n.QT_TRANSLATE_NOOP("Errors", "金额") == "金额"


def test_languages_normalise():
    assert [i18n.normalise(x) for x in ("en", "EN_gb", "English", "zh", "zh_CN", "C", "", None)] == \
        ["en", "en", "en", "zh", "zh", "zh", "zh", "zh"]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    return {(c.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
            for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}


def _untranslated_copy(source: Path, ts: Path) -> None:
    """The committed catalog with every translation taken out: a merge has something to fill."""
    tree = ET.parse(source)
    for translation in tree.getroot().iter("translation"):
        translation.text = None
        translation.set("type", "unfinished")
    bt.write_ts(tree, ts)


def test_build_extracts_merges_and_compiles(tmp_path, qapp):
    """lupdate finds self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP and one-line _tr wrappers;
    a merged entry is finished in the .ts, compiled into the .qm, and read the same by models/i18n.py;
    a finished translation survives the next lupdate and is never overwritten by a merge."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    ts, qm = tmp_path / "handoverdesk_en.ts", tmp_path / "handoverdesk_en.qm"
    _untranslated_copy(bt.TS, ts)
    merged = tmp_path / "gui_settings.json"
    merged.write_text(json.dumps({"settings_menu": {"设置…": "Settings…"}, "FeesTab": {"正在保存…": "Saving…"},
                                  "NoSuchContext": {"设置…": "Nope"}}, ensure_ascii=False), encoding="utf-8")
    counts = bt.build([merged], ts=ts, qm=qm)
    assert bt.merge(ts, [json.loads(merged.read_text(encoding="utf-8"))])[1] == [("NoSuchContext", "设置…")]
    messages = _messages(ts)
    assert messages[("settings_menu", "设置…")].text == "Settings…"
    assert messages[("settings_menu", "设置…")].get("type") is None
    assert ("backups", "正在恢复备份…") in messages  # _tr("…") with def _tr(text): return translate("backups", text)
    assert ("DueModel", "应办事项") in messages  # QT_TRANSLATE_NOOP in a class attribute
    assert ("SettingsDialog", "设置") in messages  # self.tr
    assert ("NoSuchContext", "设置…") not in messages
    assert counts["settings_menu"] == sum(1 for (c, _) in messages if c == "settings_menu") - 1

    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("settings_menu", "设置…") == "Settings…"
        assert QCoreApplication.translate("settings_menu", "使用说明") == "使用说明"  # unfinished: the source
    finally:
        QCoreApplication.removeTranslator(translator)
    assert i18n.catalog("en", ts)[("settings_menu", "设置…", "")] == "Settings…"

    merged.write_text(json.dumps({"settings_menu": {"设置…": "Preferences…"}}, ensure_ascii=False), encoding="utf-8")
    bt.build([merged], ts=ts, qm=qm)
    assert _messages(ts)[("settings_menu", "设置…")].text == "Settings…"


def test_the_committed_catalog_is_current(tmp_path):
    """Every translatable string in the code is in resources/i18n/handoverdesk_en.ts, and nothing
    else: run `python tools/build_translations.py` after adding or changing one."""
    ts = tmp_path / "handoverdesk_en.ts"
    shutil.copy(bt.TS, ts)
    bt.lupdate(ts)
    assert set(_messages(ts)) == set(_messages(bt.TS))
    assert bt.QM.exists()


def test_lang_on_the_command_line():
    from main import build_parser

    parser = build_parser()
    assert parser.parse_args(["--lang", "en"]).lang == "en"
    assert parser.parse_args(["shot", "--tab", "keys", "--out", "k.png", "--lang", "en"]).lang == "en"
    assert parser.parse_args(["--lang", "en", "shot", "--tab", "keys", "--out", "k.png"]).lang == "en"
    assert parser.parse_args(["shot", "--tab", "keys", "--out", "k.png"]).lang is None


def test_models_and_reports_calls_are_extracted_into_the_same_catalog(tmp_path):
    """translate(), i18n.translate(), QT_TRANSLATE_NOOP and a one-line wrapper, Qt-free, in models/ and
    reports/; self.tr in gui/ — all in one .ts."""
    (tmp_path / "models").mkdir()
    (tmp_path / "reports").mkdir()
    (tmp_path / "gui").mkdir()
    (tmp_path / "models" / "rows.py").write_text(
        "from models import i18n\nfrom models.i18n import QT_TRANSLATE_NOOP, translate\n"
        "KINDS = {'lent': QT_TRANSLATE_NOOP('KeyStatus', '借出')}\n"
        "def problem(row):\n    return translate('ImportProblems', '第 {row} 行：房号不能为空').format(row=row)\n"
        "def other():\n    return i18n.translate('ImportProblems', '金额不是数字')\n", encoding="utf-8")
    (tmp_path / "reports" / "forms.py").write_text(
        "from models.i18n import translate\n\n\ndef _t(text: str) -> str:\n"
        "    return translate('SettlementForm', text)\n\n\nTITLE = _t('财务结算报告')\n", encoding="utf-8")
    (tmp_path / "gui" / "tab.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass KeysTab(QWidget):\n"
        "    def title(self):\n        return self.tr('钥匙管理')\n", encoding="utf-8")
    ts = tmp_path / "out.ts"
    bt.lupdate(ts, root=tmp_path)
    assert set(_messages(ts)) == {("KeyStatus", "借出"), ("ImportProblems", "第 {row} 行：房号不能为空"),
                                  ("ImportProblems", "金额不是数字"), ("SettlementForm", "财务结算报告"),
                                  ("KeysTab", "钥匙管理")}


def test_builtin_template_names_are_in_the_catalog():
    """A built-in template is shown by its translated name: every name in resources/templates/*.json is
    listed in models/template_names.py (so lupdate extracts it), and none that is not."""
    from models.template_names import BUILTIN_NAMES

    root = Path(__file__).resolve().parents[1] / "resources" / "templates"
    names = {json.loads(p.read_text(encoding="utf-8"))["name"] for p in root.glob("*.json")}
    assert names and set(BUILTIN_NAMES) == names
    messages = _messages(bt.TS)
    assert all(("templates", name) in messages for name in names)


def test_labels_translate_when_shown_parse_both_and_forms_stay_chinese():
    """A label is looked up when it is read, so the language chosen at start-up counts; old Chinese
    words and English labels both parse; reports/ entry points make their texts in Chinese."""
    from models.defect import Severity
    from models.handover import HandoverKind
    from models.labels import word
    from reports import print_commands
    from reports.excel import tab_export

    assert HandoverKind.TAKEOVER.label == "进场接管"
    i18n.set_language("en")
    try:
        assert HandoverKind.TAKEOVER.label == "Takeover"
        assert word("我方") == "Ours" and Severity("重大").label == "Major"
        assert HandoverKind("进场接管") is HandoverKind.parse("takeover") is HandoverKind.parse("TAKEOVER")
        with i18n.chinese():
            assert HandoverKind.TAKEOVER.label == "进场接管" and word("我方") == "我方" and Severity.MAJOR.label == "重大"
        assert HandoverKind.TAKEOVER.label == "Takeover"
        assert hasattr(print_commands.print_settlement, "__wrapped__")
        assert hasattr(tab_export.export_tab, "__wrapped__")
    finally:
        i18n.set_language("zh")
    assert HandoverKind.parse("Takeover") is HandoverKind.TAKEOVER  # English parses in Chinese too


def test_a_service_refusal_speaks_the_language_chosen_at_start_up(db):
    """Signing a list twice is refused in the clerk's language: the message is translated when raised."""
    import datetime as dt
    import re

    from models.errors import SignedRecordError
    from models.services import checklists, handovers, projects, signoff

    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "进场接管", "原物业服务有限公司", "本物业管理有限公司",
                                  dt.date(2026, 6, 30), planned_date=dt.date(2026, 7, 1))
    list_id = checklists.create_list(db, h.id, "消防设施移交清单").id
    checklists.add_item(db, list_id, category="消防设施", name="灭火器", uom="具", expected_qty=2)
    for item in checklists.list_detail(db, list_id).items:
        checklists.mark_received_as_expected(db, item.id, item.version)

    def sign() -> None:
        version = checklists.list_detail(db, list_id).summary.version
        signoff.sign_list(db, list_id, version, signed_from="赵国强", signed_to="孙志远",
                          signed_at=dt.datetime(2026, 7, 1, 10, 30))

    sign()
    i18n.set_language("en")
    try:
        with pytest.raises(SignedRecordError) as english:
            sign()
    finally:
        i18n.set_language("zh")
    assert not re.search(r"[\u3400-\u9fff]", str(english.value)), str(english.value)
    assert str(english.value).startswith("Handover list has been signed")
    with pytest.raises(SignedRecordError, match="^交接清单已签署，不能修改或删除；如需更正，请创建补充/更正版本。$"):
        sign()
