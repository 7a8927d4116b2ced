"""The 遗留问题 tab driven as a clerk would: a defect with two photos, the notice, time passing by the
tab's clock (reminder, escalation), three failed re-inspections (report due), then closed — audited."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication, QToolBar

from gui.dialogs.deadline_settings import DeadlineSettingsDialog
from gui.tabs.defects.tab import DefectsTab
from models.audit import AuditLog
from models.browse import Scope
from models.db import UserRef
from models.defect import DefectCategory, DefectStatus, Responsible, Severity
from models.rules.escalation import LABELS
from models.services import defect_register as reg
from models.services import projects
from tests.gui_helpers import Clock, answer_dialog, ok_and_wait

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
FOUND = dt.datetime(2026, 6, 1, 9, 0)


@pytest.fixture
def photos(tmp_path):
    paths = []
    for i, color in enumerate(("red", "blue")):
        buf = io.BytesIO()
        Image.new("RGB", (1200, 900), color).save(buf, "JPEG")
        path = tmp_path / f"crack{i + 1}.jpg"
        path.write_bytes(buf.getvalue())
        paths.append(str(path))
    return paths


@pytest.fixture
def tab(qtbot, sqlite_db):
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    tab = DefectsTab(sqlite_db)
    tab.now = Clock(FOUND)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(project.id))
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab


def step(qtbot, tab, action, note=""):
    def fill(dialog):
        dialog.note.setPlainText(note)
        ok_and_wait(dialog)
    with qtbot.waitSignal(tab.due_loaded, timeout=5000):
        seen = answer_dialog(action.trigger, fill)
    assert len(seen) == 1, seen[1:]  # no refusal text


def pass_time(qtbot, tab, when):
    tab.now.at = when
    with qtbot.waitSignal(tab.due_loaded, timeout=5000):
        tab.reload()
    return tab.due_panel.model.texts()


def test_defect_from_finding_to_closed(qtbot, tab, photos, monkeypatch, sqlite_db):
    monkeypatch.setattr("gui.file_dialogs.QFileDialog.getOpenFileNames",
                        lambda *a, **k: (photos, ""))

    def fill(dialog):
        dialog.location.setEditText("地下车库B区")
        dialog.category.setCurrentText("土建装饰")
        dialog.severity.setCurrentText("一般")
        assert dialog.deadline.date().toPython() == dt.date(2026, 6, 8)  # 一般: 7 days by the office's table
        dialog.responsible.setCurrentText("施工单位")
        dialog.description.setPlainText("车库顶板渗水，墙面开裂")
        dialog.add_photo_button.click()
        qtbot.waitUntil(lambda: not dialog.reading_photos(), timeout=5000)  # read in a worker
        assert dialog.strip.count() == 2
        ok_and_wait(dialog)
    with qtbot.waitSignal(tab.due_loaded, timeout=5000):
        seen = answer_dialog(tab.acts.new.trigger, fill)
    assert len(seen) == 1, seen[1:]
    qtbot.waitUntil(lambda: tab.model.total == 1, timeout=5000)
    detail = tab.detail
    assert detail.defect.location == "地下车库B区" and len(detail.photos) == 2
    assert (detail.defect.category, detail.defect.severity, detail.defect.responsible) == (
        DefectCategory.CIVIL, Severity.NORMAL, Responsible.CONTRACTOR)  # the combos carry the members
    assert detail.defect.status is DefectStatus.PENDING_NOTICE and tab.detail_pane.photos.count() == 2
    assert any(LABELS["notice"] in t for t in tab.due_panel.model.texts())
    assert tab.acts.notice.isEnabled() and not tab.acts.submit.isEnabled()

    tab.now.at = FOUND + dt.timedelta(hours=2)
    step(qtbot, tab, tab.acts.notice, "书面通知已送达施工单位")
    assert tab.detail.defect.status is DefectStatus.RECTIFYING
    notice_at = tab.detail.defect.notice_at

    texts = pass_time(qtbot, tab, notice_at + dt.timedelta(days=3, minutes=1))
    assert any(LABELS["reminder"] in t for t in texts)
    assert not any(LABELS["escalation"] in t for t in texts)
    texts = pass_time(qtbot, tab, notice_at + dt.timedelta(days=7, minutes=1))
    assert any(LABELS["escalation"] in t for t in texts)
    assert tab.acts.log_action.isEnabled()

    for attempt in range(3):
        tab.now.at += dt.timedelta(hours=1)
        step(qtbot, tab, tab.acts.submit, "已整改")
        assert tab.acts.failed.isEnabled()
        tab.now.at += dt.timedelta(hours=1)
        step(qtbot, tab, tab.acts.failed, f"第{attempt + 1}次复验仍渗水")
    assert tab.detail.defect.failed_reinspections == 3
    assert any(LABELS["failure_report"] in t for t in tab.due_panel.model.texts())

    tab.now.at += dt.timedelta(hours=1)
    step(qtbot, tab, tab.acts.submit, "已整改")
    step(qtbot, tab, tab.acts.passed, "整套复验合格")
    assert tab.detail.defect.status is DefectStatus.CLOSED
    assert not tab.acts.edit.isEnabled() and not tab.acts.notice.isEnabled()
    assert not any(tab.detail.defect.number in t for t in tab.due_panel.model.texts())
    history = tab.detail_pane.history.toPlainText()
    assert history.count("待复验→整改中") == 3 and "待复验→已关闭" in history

    with sqlite_db.read() as s:
        log = s.query(AuditLog).filter(AuditLog.table_name.like("defect%")).order_by(AuditLog.id).all()
    changes = [json.loads(r.after or "{}").get("to_status") for r in log if r.table_name == "defect_status_changes"]
    assert [DefectStatus(c).label for c in changes] == ["待通知", "整改中"] + ["待复验", "整改中"] * 3 + ["待复验", "已关闭"]
    assert sum(1 for r in log if r.table_name == "defect_photos" and r.action == "insert") == 2


def test_filters_and_refused_save(qtbot, tab):
    def fill(dialog):
        dialog.description.setPlainText("没有位置")
        ok_and_wait(dialog)
    seen = answer_dialog(tab.acts.new.trigger, fill)
    assert "位置" in seen[1]  # the service refused it; the dialog said why
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("已关闭"))
    tab.overdue_check.setChecked(True)
    assert tab.model.filters["status"] == DefectStatus.CLOSED.value and tab.model.filters["overdue"]
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    assert tab.model.total == 0


def _tab_as(qtbot, db, user):
    db.user = user
    project = projects.add_project(db, "CHY", "翠湖园")
    tab = DefectsTab(db)
    tab.now = Clock(FOUND)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(project.id))
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    return tab, project


def test_clerk_sees_the_deadline_settings_disabled_with_the_reason(qtbot, sqlite_db):
    tab, _project = _tab_as(qtbot, sqlite_db, UserRef(None, "wang", "王文员", "clerk"))
    action = tab.acts.deadline_settings
    assert action in tab.findChild(QToolBar).actions()
    assert not action.isEnabled() and action.toolTip() == "仅主管或管理员可以修改整改期限"  # role_gate.gate
    assert tab.acts.new.isEnabled()  # only what a service requires a role for is gated
    action.trigger()  # a disabled action does nothing, and no dialog opens
    assert QApplication.activeModalWidget() is None


def test_supervisor_opens_the_deadline_settings_from_the_tab(qtbot, sqlite_db):
    tab, project = _tab_as(qtbot, sqlite_db, UserRef(None, "li", "李主管", "supervisor"))
    assert tab.acts.deadline_settings.isEnabled()
    assert tab.acts.deadline_settings.toolTip() == "修改各严重程度的默认整改期限（天）"

    def fill(dialog):
        assert isinstance(dialog, DeadlineSettingsDialog)
        dialog.edits[Severity.NORMAL].setText("30")
        ok_and_wait(dialog)
    seen = answer_dialog(tab.acts.deadline_settings.trigger, fill)
    assert len(seen) == 1, seen[1:]
    assert reg.deadline_days(sqlite_db)[Severity.NORMAL] == 30


def test_new_defect_form_defaults_the_deadline_from_the_office_table(qtbot, tab, sqlite_db):
    reg.set_deadline_days(sqlite_db, {"一般": 30, "重大": 1})
    shown = []

    def fill(dialog):
        shown.append(dialog.deadline.date().toPython())
        dialog.severity.setCurrentText("重大")
        shown.append(dialog.deadline.date().toPython())
        dialog.found_at.setDateTime(FOUND + dt.timedelta(days=2))
        shown.append(dialog.deadline.date().toPython())
        assert not dialog.deadline_reason.isVisibleTo(dialog)  # a new defect: no reason asked
        dialog.reject()

    answer_dialog(tab.acts.new.trigger, fill)
    assert shown == [dt.date(2026, 7, 1), dt.date(2026, 6, 2), dt.date(2026, 6, 4)]


def test_moving_the_deadline_asks_a_reason_and_the_history_shows_it(qtbot, tab, sqlite_db):
    d = reg.record_new(sqlite_db, tab.scope().project_id, category="给排水", severity="一般",
                       responsible="开发商", description="楼道顶板渗水", location="1栋1单元", found_at=FOUND)
    tab.now.at = FOUND + dt.timedelta(days=1)
    tab.show_defect(d.id)
    errors = []

    def fill(dialog):
        assert not dialog.deadline_reason.isVisibleTo(dialog)
        dialog.deadline.setDate(dt.date(2026, 6, 30))
        assert dialog.deadline_reason.isVisibleTo(dialog)
        ok_and_wait(dialog)
        errors.append(dialog.error_label.text())
        dialog.deadline_reason.setText("开发商申请延期，等待材料")
        ok_and_wait(dialog)
    with qtbot.waitSignal(tab.due_loaded, timeout=5000):
        seen = answer_dialog(tab.acts.edit.trigger, fill)
    assert len(seen) == 1, seen[1:]
    assert "期限变更原因" in errors[0]
    assert tab.detail.defect.deadline == dt.date(2026, 6, 30)
    assert "整改期限 2026-06-08 → 2026-06-30：开发商申请延期，等待材料" in tab.detail_pane.history.toPlainText()


def test_the_filter_combos_show_labels_and_filter_by_member(qtbot, tab, sqlite_db):
    project_id = tab.scope().project_id
    for severity, party in (("重大", "开发商"), ("轻微", "施工单位")):
        reg.record_new(sqlite_db, project_id, category="给排水", severity=severity, responsible=party,
                       description="楼道顶板渗水", location="1栋1单元", found_at=FOUND)
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.total == 2, timeout=5000)
    assert [tab.severity_combo.itemText(i) for i in range(tab.severity_combo.count())] == [
        "全部程度", "重大", "一般", "轻微"]
    tab.severity_combo.setCurrentIndex(tab.severity_combo.findText("重大"))
    assert tab.filters()["severity"] == Severity.MAJOR
    qtbot.waitUntil(lambda: tab.model.total == 1, timeout=5000)
    tab.severity_combo.setCurrentIndex(0)
    tab.party_combo.setCurrentIndex(tab.party_combo.findText("施工单位"))
    qtbot.waitUntil(lambda: tab.model.total == 1, timeout=5000)
    row = tab.model.index(0, tab.model.spec.column_index("severity"))
    assert tab.model.data(row) == "轻微"
