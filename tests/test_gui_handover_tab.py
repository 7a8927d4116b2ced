"""The 交接清单 tab driven as a clerk would: handover, list from a template, keyboard checking, defect,
sign-off, a refused edit, an amendment signed in turn — and the audit log shows every step."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from gui.main_window import MainWindow
from gui.tabs.handover.items_model import COL, ItemsModel
from models.audit import AuditLog
from models.errors import SignedRecordError
from models.handover import ItemCondition
from models.people import Role
from models.services import auth, checklists, projects
from tests.gui_helpers import answer_dialog, ok_and_wait

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
KIND = "承接查验"


@pytest.fixture
def clerk_db(sqlite_db):
    auth.create_user(sqlite_db, "wang", "王文员", "secret-1", Role.CLERK)
    auth.create_user(sqlite_db, "li", "李主管", "secret-2", Role.SUPERVISOR)
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    auth.login(sqlite_db, "wang", "secret-1")
    return sqlite_db


@pytest.fixture
def window(qtbot, clerk_db):
    w = MainWindow(clerk_db, initial_tab="handover")
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.current_tab().is_loaded(), timeout=5000)
    return w


def focus_table(qtbot, tab, row, column):
    tab.window().activateWindow()  # a closed dialog gives activation back only on a real desktop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window(), timeout=2000)
    tab.table.setFocus()
    tab.table.select_cell(row, column)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table, timeout=2000)


def type_quantity(qtbot, tab, digit):
    """Type one digit on the cell (opens the number field with it) and press Enter in the editor."""
    qtbot.keyClick(tab.table, digit)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == digit  # it replaced the 应交 offered
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def items(tab):
    return tab.model.items()


def create_handover(qtbot, window, tab):
    def fill(d):
        d.kind_combo.setCurrentText(KIND)
        d.from_edit.setText("翠湖置业有限公司")
        d.from_rep_edit.setText("赵经理")
        d.to_edit.setText("本物业服务有限公司")
        d.to_rep_edit.setText("钱主任")
        d.witness_edit.setText("街道房管所")
        d.witness_rep_edit.setText("孙科长")
        d.cutoff_edit.setDate(QDate(2026, 6, 30))
        d.planned_date.set_value(dt.date(2026, 7, 15))
        ok_and_wait(d)
    answer_dialog(tab.acts.new_handover.trigger, fill)
    qtbot.waitUntil(lambda: tab.handover is not None, timeout=3000)


def start_from_template(qtbot, tab, db):
    template = min(checklists.list_templates(db, KIND), key=lambda t: t.item_count)

    def fill(d):
        assert all(KIND in t.kinds or not t.kinds for t in
                   (d.model.item(r).data(Qt.ItemDataRole.UserRole + 3) for r in range(d.model.rowCount())))
        d.select_template(template.code)
        assert d.title_edit.text() == template.name
        ok_and_wait(d)
    answer_dialog(tab.acts.new_from_template.trigger, fill)
    assert tab.model.rowCount() == template.item_count and tab.model.editable
    return template


def check_all_from_keyboard(qtbot, tab):
    """Row 0 typed (3, more than expected is fine), row 1 received 0 (missing), the rest by shortcut."""
    focus_table(qtbot, tab, 0, COL["received_qty"])
    type_quantity(qtbot, tab, "3")
    qtbot.waitUntil(lambda: items(tab)[0].received_qty == 3 and tab.table.current_row() == 1, timeout=2000)
    assert tab.table.currentIndex().column() == COL["received_qty"] and items(tab)[0].checked_by == "王文员"
    type_quantity(qtbot, tab, "0")
    qtbot.waitUntil(lambda: items(tab)[1].received_qty == 0 and tab.table.current_row() == 2, timeout=2000)
    assert items(tab)[1].shortfall == items(tab)[1].expected_qty and items(tab)[1].is_problem
    qtbot.keyClick(tab.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    qtbot.waitUntil(lambda: tab.table.current_row() == 3, timeout=5000)  # saved in the worker, then down
    assert items(tab)[2].received_qty == items(tab)[2].expected_qty and items(tab)[2].condition is ItemCondition.GOOD
    for row in range(3, tab.model.rowCount()):
        qtbot.keyClick(tab.table, "=")
        qtbot.waitUntil(lambda row=row: items(tab)[row].received_qty is not None, timeout=5000)
        assert items(tab)[row].checked, row
    assert "已核对 {0}/{0}，短缺 1 项，问题 1 项".format(tab.model.rowCount()) in tab.progress_label.text()


def turn_missing_into_defect(qtbot, tab):
    focus_table(qtbot, tab, 1, COL["name"])
    assert tab.acts.to_defect.isEnabled()

    def fill(d):
        assert items(tab)[1].name in d.description_edit.toPlainText()
        assert d.responsible_combo.currentText() == "开发商"  # 承接查验: the developer answers for it
        d.severity_combo.setCurrentText("重大")
        ok_and_wait(d)
    answer_dialog(tab.acts.to_defect.trigger, fill)
    number = items(tab)[1].defect_number
    assert number.startswith("YL-") and tab.model.index(1, COL["defect_number"]).data() == number
    assert not tab.acts.to_defect.isEnabled()  # already linked
    return number


def sign(qtbot, tab, scan_path=None):
    def fill(d):
        assert (d.from_edit.text(), d.to_edit.text(), d.witness_edit.text()) == ("赵经理", "钱主任", "孙科长")
        if scan_path:
            d.scan_edit.setText(str(scan_path))
        ok_and_wait(d)
    return answer_dialog(tab.acts.sign.trigger, fill)


def assert_read_only(qtbot, tab, db):
    summary = tab.current_summary()
    assert summary.signed_at is not None
    assert tab.banner.isVisible() and "本清单已签署（签署于" in tab.banner.text() and "补充清单" in tab.banner.text()
    assert tab.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not tab.model.flags(tab.model.index(0, COL["received_qty"])) & Qt.ItemFlag.ItemIsEditable
    for action in (tab.acts.mark_expected, tab.acts.add_item, tab.acts.remove_item, tab.acts.move_up,
                   tab.acts.to_defect, tab.acts.sign):
        assert not action.isEnabled(), action.text()
    before = items(tab)[0]
    focus_table(qtbot, tab, 0, COL["received_qty"])
    qtbot.keyClick(tab.table, "7")   # no editor opens
    qtbot.keyClick(tab.table, "=")   # the shortcut is disabled
    assert QApplication.focusWidget() is tab.table and items(tab)[0] == before
    assert not tab.model.setData(tab.model.index(0, COL["received_qty"]), 7)
    with pytest.raises(SignedRecordError):
        checklists.update_item(db, before.id, before.version, received_qty=7)
    assert checklists.list_detail(db, summary.id).items[0].received_qty == 3


def test_clerk_checks_signs_and_amends_a_list(qtbot, window, clerk_db, tmp_path, monkeypatch):
    db, tab = clerk_db, window.tabs["handover"]
    monkeypatch.setattr(tab, "confirm", lambda _text: True)
    create_handover(qtbot, window, tab)
    assert window.handover_combo.currentData().id == tab.handover.id and tab.handover.from_rep == "赵经理"
    assert tab.handover.planned_date == dt.date(2026, 7, 15) and tab.handover.actual_date is None
    start_from_template(qtbot, tab, db)
    check_all_from_keyboard(qtbot, tab)
    defect_number = turn_missing_into_defect(qtbot, tab)

    # a clerk may not sign: the action says who may instead of refusing a filled dialog
    assert not tab.acts.sign.isEnabled() and tab.acts.sign.toolTip() == "仅主管或管理员可以签署交接清单"
    assert tab.is_draft()
    auth.login(db, "li", "secret-2")
    tab.update_actions()
    scan = tmp_path / "签字页.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    sign(qtbot, tab, scan)
    first = tab.current_summary()
    assert first.scan_name == "签字页.png" and "已签署" in tab.lists_panel.history_label.text()
    assert_read_only(qtbot, tab, db)

    window.tabs["overview"].reload()  # the overview charts the signed list (it reloads when shown)
    window.show_tab("overview")
    qtbot.waitUntil(window.tabs["overview"].is_loaded, timeout=5000)
    window.show_tab("handover")

    assert tab.acts.amend.isEnabled()
    tab.acts.amend.trigger()
    qtbot.waitUntil(lambda: tab.current_summary().revision == 2, timeout=5000)  # made in the worker
    amendment = tab.current_summary()
    assert amendment.revision == 2 and amendment.amends_id == first.id and tab.model.editable
    assert tab.changes_box.isVisible() and "尚无变更" in tab.changes_text.toPlainText()
    assert not tab.acts.amend.isEnabled()  # the amendment is a draft; the first list says it is amended
    assert next(s for s in tab.summaries if s.id == first.id).amended
    focus_table(qtbot, tab, 1, COL["received_qty"])
    type_quantity(qtbot, tab, "1")  # the missing item turned up after all
    qtbot.waitUntil(lambda: items(tab)[1].received_qty == 1, timeout=2000)
    # the pane follows the edit by itself (no reload), and names the line
    assert "第 2 行 修改" in tab.changes_text.toPlainText() and "实收" in tab.changes_text.toPlainText()
    sign(qtbot, tab)
    assert tab.current_summary().signed_at is not None and tab.banner.isVisible()
    assert "补充第 1 版" in tab.lists_panel.history_label.text()
    assert_audit(db, tab.handover.id, first.id, amendment.id, defect_number)


def assert_audit(db, handover_id, first_id, amendment_id, defect_number):
    with db.read() as s:
        log = s.query(AuditLog).order_by(AuditLog.id).all()
    steps = [(r.action, r.table_name, r.record_id) for r in log]
    assert ("insert", "handovers", handover_id) in steps
    assert ("insert", "handover_lists", first_id) in steps
    assert ("insert", "handover_lists", amendment_id) in steps
    item_updates = [r for r in log if (r.action, r.table_name) == ("update", "handover_items")]
    assert len(item_updates) >= 20 and all(r.username in ("wang", "li") for r in item_updates)
    assert any(defect_number in (r.after or "") for r in log if (r.action, r.table_name) == ("insert", "defects"))
    signs = [r for r in log if (r.action, r.table_name) == ("update", "handover_lists")
             and json.loads(r.after).get("status") == "signed"]
    assert [(r.record_id, r.username) for r in signs] == [(first_id, "li"), (amendment_id, "li")]
    order = [steps.index(("insert", "handovers", handover_id)), steps.index(("insert", "handover_lists", first_id)),
             log.index(signs[0]), steps.index(("insert", "handover_lists", amendment_id)), log.index(signs[1])]
    assert order == sorted(order)


def test_condition_combo_and_item_actions(qtbot, window, clerk_db, monkeypatch, boxes):
    db, tab = clerk_db, window.tabs["handover"]
    monkeypatch.setattr(tab, "confirm", lambda _text: True)
    create_handover(qtbot, window, tab)
    start_from_template(qtbot, tab, db)
    first, second = items(tab)[0], items(tab)[1]
    focus_table(qtbot, tab, 0, COL["condition"])
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.findText("有缺陷") >= 0
    combo.setCurrentText("有缺陷")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: items(tab)[0].condition is ItemCondition.DEFECTIVE, timeout=2000)
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    focus_table(qtbot, tab, 0, COL["name"])
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [i.id for i in items(tab)[:2]] == [second.id, first.id], timeout=5000)
    assert tab.table.current_row() == 1
    count = tab.model.rowCount()
    tab.acts.add_item.trigger()
    qtbot.waitUntil(lambda: tab.model.rowCount() == count + 1 and isinstance(QApplication.focusWidget(), QLineEdit),
                    timeout=5000)  # added in the worker, then its name opened for typing
    QApplication.focusWidget().setText("消防设施检测报告")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: items(tab)[2].name == "消防设施检测报告", timeout=2000)
    count = tab.model.rowCount()
    focus_table(qtbot, tab, 2, COL["name"])
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.model.rowCount() == count - 1, timeout=5000)
    assert "消防设施检测报告" not in [i.name for i in items(tab)]
    assert boxes == []


def test_stale_edit_shows_the_message_and_reloads_the_row(qtbot, window, clerk_db, boxes):
    db, tab = clerk_db, window.tabs["handover"]
    create_handover(qtbot, window, tab)
    start_from_template(qtbot, tab, db)
    item = items(tab)[0]
    checklists.update_item(db, item.id, item.version, remarks="另一台电脑改的")  # someone else saved
    tab.model.setData(tab.model.index(0, COL["received_qty"]), 1)  # refused in the worker: stale
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert "已被其他人修改" in boxes[0] and items(tab)[0].remarks == "另一台电脑改的"


def test_items_model_passes_the_model_tester(qtmodeltester, clerk_db):
    handover_id = projects.add_handover(clerk_db, "CHY", KIND, "甲", "乙", dt.date(2026, 6, 30)).id
    code = checklists.list_templates(clerk_db, KIND)[0].code
    detail = checklists.list_detail(clerk_db, checklists.start_list(clerk_db, handover_id, code).id)
    model = ItemsModel(clerk_db)
    model.set_rows(detail.items, editable=True)
    qtmodeltester.check(model)


def test_print_and_export_go_to_the_helpers(qtbot, window, clerk_db, monkeypatch, tmp_path):
    db, tab = clerk_db, window.tabs["handover"]
    create_handover(qtbot, window, tab)
    start_from_template(qtbot, tab, db)
    made: list = []
    monkeypatch.setattr("gui.tabs.handover.actions.show_print_dialog",
                        lambda parent, make_pdf, title: made.append((make_pdf(tmp_path / "list.pdf", None), title)))
    assert tab.acts.print.isVisible() and tab.acts.print.isEnabled()
    tab.acts.print.trigger()
    assert (tmp_path / "list.pdf").read_bytes().startswith(b"%PDF") and tab.current_summary().title in made[0][1]
    out = tmp_path / "lists.xlsx"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.acts.export.trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10000)
