"""The 费用对账 tab driven as a desk clerk would, on the small demo community: 对账 in the worker,
filter the differences, decide one in the dialog and the rest in bulk, sign as a supervisor (a clerk is
refused), see everything read-only, 修订; the results' totals; 押金 refunded; meter readings edited in
place with a bad one refused — every step in the audit log."""
from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QLineEdit
from sqlalchemy import select

from gui.table_model import RecordIdRole
from gui.tabs.fees.decision_dialogs import BulkDialog, DecisionDialog
from gui.tabs.fees.differences_panel import OPEN_BACKGROUND, OPEN_DIFFERS
from gui.tabs.fees.settlement_box import money
from gui.tabs.fees.settlement_dialogs import AmendDialog, RefundDialog, SignDialog
from gui.tabs.fees.tab import FeesTab
from gui.tabs.overview.tab import OverviewTab
from models.audit import AuditLog
from models.browse import Scope
from models.db import Database
from models.demo import build_demo
from models.fees import Decision, DepositAction, DiffKind, MeterKind
from models.money import to_capital
from models.services import auth, meters, projects
from models.services import reconcile as rc
from models.services.fee_results import fee_results
from tests.conftest import TEST_USER
from tests.gui_helpers import ok_and_wait, writes_done

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The small demo community, built once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("fees") / "demo.sqlite"
    db = Database.open(str(path))
    build_demo(db, "small")
    db.dispose()
    return path


@pytest.fixture
def db(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    database = Database.open(str(path))
    database.user = TEST_USER
    yield database
    database.dispose()


@pytest.fixture
def scope(db):
    project = projects.list_projects(db)[0]
    return Scope(project.id, projects.list_handovers(db, project.id)[0].id)


@pytest.fixture
def tab(qtbot, db, scope):
    tab = FeesTab(db)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(scope)
    qtbot.waitUntil(tab.is_loaded, timeout=10000)
    return tab


def wait_dialog(qtbot, tab_or_panel, cls):
    qtbot.waitUntil(lambda: isinstance(tab_or_panel.dialog, cls) and tab_or_panel.dialog.isVisible(), timeout=10000)
    return tab_or_panel.dialog


def press_ok(qtbot, dialog) -> None:
    """OK, then wait for the service (in the worker for the slow ones)."""
    ok_and_wait(dialog)
    qtbot.waitUntil(lambda: not getattr(dialog, "is_busy", lambda: False)(), timeout=20000)


def reconcile(qtbot, tab) -> str:
    tab.acts.reconcile.trigger()
    assert tab.task is not None and not tab.acts.reconcile.isEnabled()  # in the worker, one at a time
    qtbot.waitUntil(lambda: tab.task is None and tab.message_box is not None, timeout=20000)
    qtbot.waitUntil(tab.is_loaded, timeout=10000)
    return tab.message_box.text()


def rows(panel):
    return [panel.model.row_values(r) for r in range(panel.model.rowCount())]


def audit(db, table: str) -> list[tuple[str, str, str]]:
    with db.read() as s:
        return [(a or "", n or "", after or "") for a, n, after in s.execute(
            select(AuditLog.action, AuditLog.note, AuditLog.after).where(AuditLog.table_name == table)
            .order_by(AuditLog.id))]


# ---- 对账, differences, signing -----------------------------------------------------------------

def test_reconcile_decide_bulk_sign_and_amend(qtbot, tab, db, scope, boxes):
    hid, panel = scope.handover_id, tab.differences
    assert "差异：待处理 0 / 共 0" in tab.status_label.text() and "结算：未签署" in tab.status_label.text()

    # 对账 runs in the worker; its summary is shown and the counts appear everywhere
    assert "对账完成" in reconcile(qtbot, tab)
    total, still_open = rc.difference_counts(db, hid)
    assert total == still_open > 100
    assert f"待处理 {still_open:,} / 共 {total:,}" in tab.status_label.text()
    tab.show_subtab("differences")
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total == total, timeout=10000)

    # filter by kind: only 金额不符, shown light red while open
    differs = rc.differences(db, hid, kind=DiffKind.DIFFERS)
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(DiffKind.DIFFERS.value))
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total == len(differs), timeout=10000)
    kind_col = panel.spec_index("kind")
    assert {r[kind_col] for r in rows(panel)} == {DiffKind.DIFFERS}
    assert panel.model.index(0, kind_col).data() == "金额不符"  # shown by its label
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OPEN_DIFFERS

    # Enter on the first row opens the dialog; 协商调整 with a note is saved
    panel.table.setFocus()
    panel.table.selectRow(0)
    first_id = panel.model.index(0, 0).data(RecordIdRole)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, panel, DecisionDialog)
    offered = [b.property("decision") for b in dialog.choices.buttons()]
    assert offered == ["theirs", "ours", "adjust", "exclude"]
    assert [b.text() for b in dialog.choices.buttons()] == ["以原物业为准", "以我方为准", "协商调整", "不计入"]
    dialog.choose(Decision.ADJUST)
    assert dialog.adjusted_billed.isEnabled()
    dialog.adjusted_billed.setText("100.50")
    dialog.adjusted_paid.setText("100.50")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "处理说明" in dialog.error_label.text()  # the service's own message
    dialog.note.setText("双方核实，按收据调整")
    with qtbot.waitSignal(tab.data_edited, timeout=10000):
        press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    decided = rc.difference(db, first_id)
    assert (decided.decision, decided.adjusted_billed, decided.note) == (Decision.ADJUST, Decimal("100.50"),
                                                                         "双方核实，按收据调整")
    qtbot.waitUntil(lambda: panel.is_loaded() and tab.is_loaded(), timeout=10000)
    assert panel.model.index(0, 0).data(RecordIdRole) == first_id and panel.table.currentIndex().row() == 0
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # decided: plain again
    assert f"待处理 {still_open - 1:,} / 共 {total:,}" in tab.status_label.text()

    # a 仅原物业 line cannot be taken "as ours": the dialog does not offer it
    only_theirs = rc.differences(db, hid, kind=DiffKind.ONLY_THEIRS)[0]
    only_dialog = DecisionDialog(db, only_theirs, panel)
    qtbot.addWidget(only_dialog)
    assert [b.text() for b in only_dialog.choices.buttons()] == ["以原物业为准", "协商调整", "不计入"]
    assert only_dialog.decision() is Decision.THEIRS
    assert panel.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) in (OPEN_DIFFERS, OPEN_BACKGROUND)

    # 批量处理: every open difference of the filter (all kinds), one decision and note
    panel.kind_combo.setCurrentIndex(0)
    panel.open_check.setChecked(True)
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total == still_open - 1, timeout=10000)
    panel.bulk_button.click()
    bulk = wait_dialog(qtbot, panel, BulkDialog)
    assert bulk.use_filter.isChecked() and bulk.affected() == still_open - 1
    assert f"将把 {still_open - 1:,} 项待处理差异" in bulk.summary_label.text()
    bulk.decision_combo.setCurrentIndex(bulk.decision_combo.findData(Decision.OURS.value))
    off_tariff = rc.differences(db, hid, kind=DiffKind.TARIFF)
    assert off_tariff  # the demo bills some 物业服务费 at an old area
    assert bulk.affected() == len(differs) - 1 + len(off_tariff)  # 以我方为准 leaves the 仅原物业 lines open
    bulk.decision_combo.setCurrentIndex(bulk.decision_combo.findData(Decision.THEIRS.value))
    bulk.note.setText("我方无记录，以原物业台账为准")
    with qtbot.waitSignal(tab.data_edited, timeout=20000):
        press_ok(qtbot, bulk)
    assert not bulk.isVisible() and rc.difference_counts(db, hid) == (total, 0)
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total == 0 and tab.is_loaded(), timeout=10000)
    assert f"待处理 0 / 共 {total:,}" in tab.status_label.text()

    # 签署: a clerk sees who may (the action is disabled, not refused after the dialog); a supervisor
    # signs, and the tab turns read-only
    auth.act_as(db, "clerk")
    tab.load_state()
    qtbot.waitUntil(tab.is_loaded, timeout=10000)
    assert not tab.acts.sign.isEnabled() and tab.acts.sign.toolTip() == "仅主管或管理员可以签署财务结算"
    auth.act_as(db, "supervisor")
    tab.load_state()
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.acts.sign.isEnabled(), timeout=10000)
    tab.acts.sign.trigger()
    sign = wait_dialog(qtbot, tab, SignDialog)
    sign.note.setText("双方财务已核对")
    press_ok(qtbot, sign)
    assert not sign.isVisible()
    qtbot.waitUntil(lambda: tab.state is not None and tab.state.signed and tab.is_loaded(), timeout=10000)
    assert tab.banner.isVisible() and "财务结算已签署（第 1 版）：只读" in tab.banner.text()
    assert "结算：已签署（第 1 版）" in tab.status_label.text()
    assert not any(a.isEnabled() for a in (tab.acts.import_ledger, tab.acts.reconcile, tab.acts.sign))
    assert all(a.isEnabled() for a in (tab.acts.print_settlement, tab.acts.print_arrears, tab.acts.export,
                                       tab.acts.amend, tab.acts.compute))
    assert not panel.decide_button.isEnabled() and not panel.bulk_button.isEnabled()
    assert not tab.meters.add_button.isEnabled() and not tab.meters.model.editable

    # a clerk cannot amend; a supervisor opens revision 2 and the tab is editable again
    auth.act_as(db, "clerk")
    tab.load_state()
    qtbot.waitUntil(tab.is_loaded, timeout=10000)
    assert not tab.acts.amend.isEnabled() and tab.acts.amend.toolTip() == "仅主管或管理员可以修订财务结算"
    auth.act_as(db, "supervisor")
    tab.load_state()
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.acts.amend.isEnabled(), timeout=10000)
    tab.acts.amend.trigger()
    amend = wait_dialog(qtbot, tab, AmendDialog)
    press_ok(qtbot, amend)
    qtbot.waitUntil(lambda: tab.state is not None and not tab.state.signed and tab.is_loaded(), timeout=10000)
    assert not tab.banner.isVisible() and "结算：草稿（第 2 版）" in tab.status_label.text()
    assert tab.acts.reconcile.isEnabled() and panel.bulk_button.isEnabled() and tab.meters.model.editable
    assert boxes == []

    # every step in the audit log
    steps = audit(db, "fee_differences")
    assert any(a == "对账" and "对账完成" in n for a, n, _ in steps)
    assert any(a == "update" and '"decision": "adjust"' in after for a, _, after in steps)
    assert any(a == "批量处理差异" and "以原物业为准" in n and "我方无记录" in n for a, n, _ in steps)
    settlements = audit(db, "settlements")
    assert any('"status": "signed"' in after and "双方财务已核对" in after for _, _, after in settlements)
    assert any(a == "insert" and '"revision": 2' in after for a, _, after in settlements)


# ---- 结果 ---------------------------------------------------------------------------------------

def show_results(qtbot, tab):
    tab.show_subtab("results")
    qtbot.waitUntil(lambda: tab.results.task is None and tab.results.results is not None and tab.is_loaded(),
                    timeout=20000)
    return tab.results


def test_results_totals_match_the_service_and_a_deposit_is_refunded(qtbot, tab, db, scope, boxes):
    rc.reconcile(db, scope.handover_id)
    panel = show_results(qtbot, tab)
    expected = fee_results(db, scope.handover_id)
    box = panel.box
    assert box.to_incoming_label.text() == money(expected.due_to_incoming)
    assert box.to_outgoing_label.text() == money(expected.due_to_outgoing)
    assert money(abs(expected.net_to_incoming)) in box.net_label.text()
    assert box.capital_label.text() == "大写：" + to_capital(abs(expected.net_to_incoming))
    assert [r.amount for r in box.model.records()] == [i.amount for i in expected.settlement]
    pages = ((panel.arrears, expected.arrears, expected.arrears_total),
             (panel.prepayments, expected.prepayments, expected.prepaid_total),
             (panel.deposits, expected.deposits, expected.deposits_total),
             (panel.for_others, expected.for_others, expected.for_others_total),
             (panel.meters, expected.meters, expected.meters_total))
    for page, lines, total in pages:
        assert page.model.rowCount() == len(lines) > 0
        assert page.total_label.text().endswith(money(total))
    assert f"{expected.paid_total / expected.billed_total * 100:.2f}%" in panel.rates.total_label.text()
    assert "结果：" in tab.status_label.text() and "尚未计算" not in tab.status_label.text()

    # phones show masked, as on every other list and form (issue 10 point 8)
    arrears = panel.arrears
    shown = [arrears.model.index(r, 3).data() for r in range(arrears.model.rowCount())]
    full = [line.contact for line in expected.arrears]
    assert any(shown) and all(not c or c not in s and "****" in s for c, s in zip(full, shown, strict=True))

    # the arrears list sorts by amount (one sort in Python) and filters as you type
    arrears.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    assert arrears.proxy.index(0, 7).data() == f"{max(a.amount for a in expected.arrears):,.2f}"
    assert arrears.proxy.index(0, 7).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    arrears.filter_edit.setText("水费")
    arrears.on_filter_settled()
    assert 0 < arrears.proxy.rowCount() < arrears.model.total
    assert all(arrears.proxy.record(r).fee_item == "水费" for r in range(arrears.proxy.rowCount()))
    assert "筛选出" in arrears.count_label.text()

    # 押金 改为退还业主: the note is required; the deposit then leaves the settlement
    deposits = panel.deposits
    panel.pages.setCurrentWidget(deposits)
    deposits.table.setCurrentIndex(deposits.proxy.index(0, 0))
    refunded = deposits.current_record()
    assert panel.refund_button.isEnabled() and not panel.hand_over_button.isEnabled()
    panel.refund_button.click()
    dialog = wait_dialog(qtbot, panel, RefundDialog)
    ok_and_wait(dialog)
    assert dialog.isVisible() and "处理说明" in dialog.error_label.text()
    dialog.note.setText("2026-06-20 已退还，收据 TH-0001")
    with qtbot.waitSignal(panel.computed, timeout=20000):
        ok_and_wait(dialog)
    after = panel.results
    assert after.deposits_total == expected.deposits_total - refunded.amount
    assert [d.action for d in after.deposits if d.unit == refunded.unit and d.fee_item == refunded.fee_item
            and d.received_on == refunded.received_on] == [DepositAction.REFUND]
    assert box.to_incoming_label.text() == money(expected.due_to_incoming - refunded.amount)
    assert any(a == "insert" and '"action": "refund"' in after for a, _, after in audit(db, "deposit_dispositions"))
    assert boxes == []


def test_results_tab_shows_the_kept_results_and_computes_again_after_a_change(qtbot, tab, db, scope, monkeypatch):
    """A second window's 结果 tab shows the results the first one computed, without computing; after
    a difference is decided it computes them again (models.services.results_store)."""
    from models.services import fee_results as service

    rc.reconcile(db, scope.handover_id)
    first = show_results(qtbot, tab).results
    computed: list[int] = []
    compute = service.compute_results

    def counted(*args, **kwargs):
        computed.append(1)
        return compute(*args, **kwargs)

    monkeypatch.setattr(service, "compute_results", counted)
    other = FeesTab(db)
    qtbot.addWidget(other)
    other.resize(1366, 700)
    other.show()
    other.set_scope(scope)
    qtbot.waitUntil(other.is_loaded, timeout=10000)
    panel = show_results(qtbot, other)
    assert panel.results is first and computed == []
    assert panel.arrears.model.rowCount() == len(first.arrears) > 0
    assert panel.box.to_incoming_label.text() == money(first.due_to_incoming)

    rc.decide_many(db, scope.handover_id, Decision.EXCLUDE, "不计入")
    with qtbot.waitSignal(panel.computed, timeout=20000):
        panel.mark_stale()
    assert computed == [1]
    fresh = fee_results(db, scope.handover_id)
    assert panel.results is not first and panel.results == fresh
    qtbot.waitUntil(panel.is_loaded, timeout=10000)
    assert panel.arrears.model.rowCount() == len(fresh.arrears)
    assert panel.box.to_incoming_label.text() == money(fresh.due_to_incoming)


# ---- 抄表底数 -----------------------------------------------------------------------------------

def open_editor(view, index, cls):
    view.setCurrentIndex(index)
    view.edit(index)  # as a double click, F2 or typing does
    editors = [w for w in view.viewport().findChildren(cls) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def commit(qtbot, view, editor) -> None:
    """Enter in the editor: the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=5000)
    writes_done(qtbot)  # the cell is saved in the writer thread


def edit_cell(qtbot, view, index, text):
    editor = open_editor(view, index, QLineEdit)
    editor.setText(text)
    commit(qtbot, view, editor)


def test_meter_reading_saved_in_place_and_a_bad_one_refused(qtbot, tab, db, scope, boxes):
    panel = tab.meters
    tab.show_subtab("meters")
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.rowCount() > 0, timeout=10000)
    stored = meters.meter_rows(db, scope.handover_id)
    assert panel.model.rowCount() == panel.model.total == len(stored)
    assert f"共 {len(stored):,} 个表具" in panel.count_label.text()
    water = [m for m in stored if m.kind is MeterKind.WATER and m.prev_reading is not None][:2]
    panel.filter_edit.setText(water[0].meter_no[:-2])  # a few meters, the first water meter among them
    panel.on_filter_settled()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(MeterKind.WATER))
    view, proxy = panel.table, panel.proxy
    assert 1 < proxy.rowCount() < panel.model.total and panel.model.rowCount() == proxy.rowCount()
    assert all(proxy.record(r).kind is MeterKind.WATER for r in range(proxy.rowCount()))
    row = next(r for r in range(proxy.rowCount()) if proxy.record(r).id == water[0].id)

    # 本次读数 + Enter: saved with the row's version, usage recomputed, the cursor one row down
    new = water[0].reading + Decimal("1.25")
    edit_cell(qtbot, view, proxy.index(row, 5), f"{new}")
    saved = next(m for m in meters.meter_rows(db, scope.handover_id) if m.id == water[0].id)
    assert (saved.reading, saved.version) == (new, water[0].version + 1)
    assert proxy.index(row, 7).data() == f"{saved.usage:,.2f}"
    assert view.currentIndex().row() == row + 1 and view.currentIndex().column() == 5

    # a reading below 上次读数 is refused with the service's message; the cell keeps the stored value,
    # and its editor opens again with what was typed, to correct (Esc gives up)
    typed = f"{saved.prev_reading - 1}"
    editor = open_editor(view, proxy.index(row, 5), QLineEdit)
    editor.setText(typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert "「本次读数」" in boxes[0] and "小于「上次读数」" in boxes[0]
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState, timeout=5000)
    [retry] = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert retry.text() == typed and view.currentIndex() == proxy.index(row, 5)
    qtbot.keyClick(retry, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=5000)
    assert proxy.index(row, 5).data() == f"{new:,.2f}"
    assert next(m for m in meters.meter_rows(db, scope.handover_id) if m.id == water[0].id).reading == new

    # 上次抄表日 through the date editor
    editor = open_editor(view, proxy.index(row, 4), QDateEdit)
    editor.setDate(editor.date().addDays(-1))
    commit(qtbot, view, editor)
    moved = next(m for m in meters.meter_rows(db, scope.handover_id) if m.id == water[0].id)
    assert moved.prev_read_on == saved.prev_read_on.fromordinal(saved.prev_read_on.toordinal() - 1)
    updates = [after for a, _, after in audit(db, "meter_readings") if a == "update"]
    assert any(f'"reading": "{new}"' in u for u in updates) and any("prev_read_on" in u for u in updates)

    # a reading saved while the filter hides it is kept among all of them (its next edit needs the new
    # version) and is shown saved once the filter lets it through again
    panel.filter_edit.setText(water[1].meter_no)
    panel.on_filter_settled()
    assert f"/ 共 {len(stored):,} 个" in panel.count_label.text()
    assert all(proxy.record(r).id != water[0].id for r in range(proxy.rowCount()))
    later = dataclasses.replace(moved, reading=moved.reading + 1, version=moved.version + 1)
    panel.model._saved(later)
    panel.filter_edit.setText("")
    panel.on_filter_settled()
    assert [r for r in panel.model.records() if r.id == water[0].id] == [later]
    shown = next(r for r in range(proxy.rowCount()) if proxy.record(r).id == water[0].id)
    assert proxy.index(shown, 5).data() == f"{later.reading:,.2f}"


# ---- the toolbar's hand-offs: import, print, export ---------------------------------------------

def test_import_print_and_export_from_the_toolbar(qtbot, tab, db, scope, tmp_path, monkeypatch, boxes):
    from gui.dialogs.ledger_import import LedgerImportDialog
    from gui.tabs.fees import actions

    tab.acts.import_ledger.trigger()
    dialog = wait_dialog(qtbot, tab, LedgerImportDialog)
    dialog.reject()

    rc.reconcile(db, scope.handover_id)
    task = actions.print_form(tab, "settlement")
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=30000)
    assert task.preview.pages >= 1 and "财务结算报告" in task.preview.windowTitle()
    task.preview.reject()

    out = tmp_path / "会计工作簿.xlsx"
    monkeypatch.setattr(actions, "ask_save_path", lambda _tab, _name: out)
    tab.acts.export.trigger()
    qtbot.waitUntil(lambda: tab.message_box is not None and "已导出" in tab.message_box.text(), timeout=30000)
    assert out.stat().st_size > 0 and boxes == []


# ---- 概览 ---------------------------------------------------------------------------------------

def test_overview_charts_fees_by_building(qtbot, db, scope):
    overview = OverviewTab(db)
    qtbot.addWidget(overview)
    overview.resize(1366, 700)
    overview.show()
    overview.set_scope(scope)
    qtbot.waitUntil(overview.is_loaded, timeout=10000)
    assert overview.arrears_chart.bars() == [] and "截至" not in overview.arrears_box.title()
    rc.reconcile(db, scope.handover_id)
    results = fee_results(db, scope.handover_id, remember=True)  # as the fees tab computes them
    overview.reload()
    qtbot.waitUntil(lambda: overview.is_loaded() and bool(overview.arrears_chart.bars()), timeout=10000)
    assert "截至" in overview.arrears_box.title() and "截至" in overview.rates_box.title()
    bars = overview.arrears_chart.bars()
    assert bars[0].value == max(b.value for b in bars)
    owed: dict[str, Decimal] = {}
    for line in results.arrears:
        owed[line.building] = owed.get(line.building, Decimal("0.00")) + line.amount
    assert bars[0].text == money(owed[bars[0].label])
    rates = overview.rates_chart.bars()
    assert rates and rates[0].text.endswith("%") and rates[0].value <= rates[-1].value
