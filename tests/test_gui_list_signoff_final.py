"""Issue 10 in the 交接清单 tab: the sign dialog shows the service's refusal of a missing 监交方
signatory, and the amendment's change pane follows every edit of its items."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.app import register_font
from gui.main_window import MainWindow
from gui.tabs.handover.dialogs import SignDialog
from gui.tabs.handover.items_model import COL
from models.base import DocStatus
from models.services import checklists as cl
from models.services import handovers, projects, signoff
from tests.gui_helpers import ok_and_wait

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
SHOTS = os.environ.get("HANDOVERDESK_SHOTS")  # a folder: the tests save what they show there


@pytest.fixture(autouse=True)
def _app_font(qapp):
    """Screenshots in the bundled font, as the app shows them (offscreen Qt has no Chinese font)."""
    if SHOTS:
        register_font(qapp)


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def make_list(db, witness: str) -> int:
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = handovers.create_handover(db, project.id, "进场接管", "原物业服务有限公司", "本物业管理有限公司",
                                         dt.date(2026, 6, 30), from_rep="赵国强", to_rep="孙志远",
                                         witness=witness, witness_rep="孙科长" if witness else "")
    list_id = cl.create_list(db, handover.id, "消防设施移交清单").id
    for name, spec in (("灭火器", "1号楼"), ("灭火器", "2号楼"), ("室内消火栓", "")):
        cl.add_item(db, list_id, category="消防设施", name=name, spec=spec, uom="具", expected_qty=2)
    for item in cl.list_detail(db, list_id).items:
        cl.mark_received_as_expected(db, item.id, item.version)
    return list_id


def sign_dialog(qtbot, db, list_id: int) -> SignDialog:
    detail = cl.list_detail(db, list_id)
    dialog = SignDialog(db, detail.handover, detail.summary)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_sign_dialog_refuses_without_the_witness_signatory(qtbot, sqlite_db):
    list_id = make_list(sqlite_db, "街道房管所")
    dialog = sign_dialog(qtbot, sqlite_db, list_id)
    assert dialog.witness_edit.isEnabled() and dialog.witness_edit.text() == "孙科长"
    dialog.witness_edit.clear()
    ok_and_wait(dialog)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "「监交方签字人」不能为空" in dialog.error_label.text() and "街道房管所" in dialog.error_label.text()
    shot(dialog, "sign-dialog-refused")
    assert cl.list_detail(sqlite_db, list_id).summary.status is DocStatus.DRAFT
    dialog.witness_edit.setText("孙科长")
    ok_and_wait(dialog)
    assert not dialog.isVisible() and dialog.result_value.status is DocStatus.SIGNED
    assert dialog.result_value.signed_witness == "孙科长"


def test_sign_dialog_of_a_two_party_handover(qtbot, sqlite_db):
    list_id = make_list(sqlite_db, "")
    dialog = sign_dialog(qtbot, sqlite_db, list_id)
    assert not dialog.witness_edit.isEnabled() and "没有监交方" in dialog.witness_edit.placeholderText()
    shot(dialog, "sign-dialog-two-parties")
    ok_and_wait(dialog)
    assert not dialog.isVisible() and dialog.result_value.status is DocStatus.SIGNED


@pytest.fixture
def amendment_tab(qtbot, sqlite_db, monkeypatch):
    """The tab showing a draft amendment of a signed list with two 灭火器 lines."""
    original = make_list(sqlite_db, "街道房管所")
    version = cl.list_detail(sqlite_db, original).summary.version
    signoff.sign_list(sqlite_db, original, version, signed_from="赵国强", signed_to="孙志远",
                      signed_witness="孙科长", signed_at=dt.datetime(2026, 7, 1, 10, 30))
    amendment = signoff.amend_list(sqlite_db, original).id
    window = MainWindow(sqlite_db, initial_tab="handover")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    tab = window.tabs["handover"]
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    tab.lists_panel.select_list(amendment)
    qtbot.waitUntil(lambda: tab.current_summary() is not None and tab.current_summary().id == amendment,
                    timeout=3000)
    monkeypatch.setattr(tab, "confirm", lambda _text: True)
    return window, tab  # the window is kept alive with the tab


def focus_cell(qtbot, tab, row: int, column: int) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window(), timeout=2000)
    tab.table.setFocus()
    tab.table.select_cell(row, column)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table, timeout=2000)


def pane(tab) -> list[str]:
    return tab.changes_text.toPlainText().splitlines()


def test_the_change_pane_follows_every_edit(qtbot, amendment_tab):
    _window, tab = amendment_tab
    assert tab.changes_box.isVisible() and pane(tab) == ["与原清单相同，尚无变更。"]
    assert tab.changes_box.title() == "与原清单相比的变更（0 项）"

    focus_cell(qtbot, tab, 0, COL["received_qty"])  # line 1: one of the two arrived
    qtbot.keyClick(tab.table, "1")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.items()[0].received_qty == 1, timeout=2000)
    assert pane(tab) == ["第 1 行 修改：消防设施 / 灭火器（实收 2 → 1）"]

    focus_cell(qtbot, tab, 1, COL["name"])  # line 2 goes
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=2000)
    assert pane(tab) == ["第 1 行 修改：消防设施 / 灭火器（实收 2 → 1）",
                         "原第 2 行 删除：消防设施 / 灭火器"]
    assert tab.changes_box.title() == "与原清单相比的变更（2 项）"

    focus_cell(qtbot, tab, 1, COL["name"])  # the hydrant to the top
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.items()[0].name == "室内消火栓", timeout=2000)
    assert pane(tab) == ["第 1 行（原第 3 行） 修改：消防设施 / 室内消火栓（序号 3 → 1）",
                         "第 2 行（原第 1 行） 修改：消防设施 / 灭火器（实收 2 → 1）",
                         "原第 2 行 删除：消防设施 / 灭火器"]  # the amendment's lines, then what went
    shot(tab.window(), "amendment-pane")
