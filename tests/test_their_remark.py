"""The outgoing company's remark (their ledger's 说明) wherever a difference is decided (issue 11 point 4):
the difference rows (streamed, no query per row), the differences table, the decision dialog and the
差异 sheet of the accountant's workbook."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import event, select, update

from gui.tabs.fees.decision_dialogs import DecisionDialog
from gui.tabs.fees.differences_panel import DifferencesPanel
from models.browse import TABLES, Scope
from models.fees import Decision, DiffKind, FeeItem, LedgerLine
from models.handover import Handover
from models.project import Unit
from models.services import reconcile as rc
from reports.excel.exports import export_fees
from tests.fee_book import CUTOFF, make_book

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]
D = Decimal
SAID = "业主称已缴，未见收据"
ALSO = "另附催缴记录"
YEAR = "2026年全年，已收100元"
NO_UNIT = "房号不明，按原台账"


def remarked(db, hid: int) -> None:
    """Their lines get remarks: two lines on one difference, one alone, one without a unit."""
    with db.begin() as s:
        unit_b = s.scalar(select(Unit.id).where(Unit.number == "2栋1单元201"))
        wyf = s.scalar(select(FeeItem.id).where(FeeItem.code == "WYF"))
        ljf = s.scalar(select(FeeItem.id).where(FeeItem.code == "LJF"))
        theirs = (LedgerLine.handover_id == hid) & (LedgerLine.source == "theirs")
        s.execute(update(LedgerLine).where(theirs, LedgerLine.unit_id == unit_b, LedgerLine.fee_item_id == wyf)
                  .values(remark=SAID))
        s.execute(update(LedgerLine).where(theirs, LedgerLine.fee_item_id == ljf).values(remark=YEAR))
        s.add_all([  # a second line of the same key (nothing billed): its remark is joined to the first
            LedgerLine(handover_id=hid, source="theirs", unit_id=unit_b, fee_item_id=wyf,
                       period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31), billed=D("0"),
                       paid=D("0"), remark=ALSO),
            LedgerLine(handover_id=hid, source="theirs", unit_id=None, fee_item_id=wyf,
                       period_start=dt.date(2026, 1, 1), period_end=CUTOFF, billed=D("30.00"), paid=D("0"),
                       remark=NO_UNIT)])


@pytest.fixture
def reconciled(db, book):
    remarked(db, book)
    rc.reconcile(db, book)
    return book


def by_kind(rows, kind: DiffKind, unit: str = "") -> list:
    return [r for r in rows if r.kind == kind.value and (not unit or r.unit == unit)]


def test_difference_rows_carry_their_remark(db, reconciled):
    rows = rc.differences(db, reconciled)
    differs = by_kind(rows, DiffKind.DIFFERS)
    assert [r.their_remark for r in differs] == [f"{SAID}；{ALSO}"]
    assert [r.their_remark for r in by_kind(rows, DiffKind.ONLY_OURS)] == [""]
    only_theirs = {(r.unit, r.fee_item): r.their_remark for r in by_kind(rows, DiffKind.ONLY_THEIRS)}
    assert only_theirs[("", "物业服务费")] == NO_UNIT and only_theirs[("1栋1单元101", "垃圾消纳费")] == YEAR
    assert only_theirs[("1栋1单元101", "燃气费")] == ""
    one = rc.difference(db, differs[0].id)
    assert one.their_remark == f"{SAID}；{ALSO}"
    decided = rc.decide(db, one.id, one.version, Decision.OURS, "业主提供收据")
    assert decided.their_remark == one.their_remark


def test_remarks_are_read_without_a_query_per_difference(db, reconciled):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = list(rc.iter_differences(db, reconciled))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) >= 5 and sum(1 for r in rows if r.their_remark) >= 3
    assert len(statements) <= 8, statements  # names, the differences, their remarks: not one per row


def test_the_differences_table_query_shows_the_remark(db, reconciled):
    with db.read() as s:
        project_id = s.scalar(select(Handover.project_id).where(Handover.id == reconciled))
        spec = TABLES["fee_differences"]  # what the 对账差异 page shows and exports
        column = spec.column_index("their_remark")
        fetched = spec.fetch(s, Scope(project_id, reconciled))
        ordered = spec.fetch(s, Scope(project_id, reconciled), sort_col=column, descending=True)
    assert spec.columns[column].title == "原物业说明"
    assert f"{SAID}；{ALSO}" in [r[column] for r in fetched]
    assert NO_UNIT in [r[column] for r in fetched]
    assert ordered[-1][column] == ""  # sorts like any other column


# ---- at the desk: the table, the dialog, the workbook (SQLite) ---------------------------------

@pytest.fixture
def desk(sqlite_db):
    hid = make_book(sqlite_db)
    remarked(sqlite_db, hid)
    rc.reconcile(sqlite_db, hid)
    with sqlite_db.read() as s:
        project_id = s.scalar(select(Handover.project_id).where(Handover.id == hid))
    return sqlite_db, hid, project_id


def test_the_table_and_the_dialog_show_their_remark(qtbot, desk, boxes):
    db, hid, project_id = desk
    panel = DifferencesPanel(db)
    qtbot.addWidget(panel)
    panel.resize(1366, 600)
    panel.show()
    panel.set_scope(Scope(project_id, hid))
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.rowCount() > 0, timeout=10000)
    column = panel.spec_index("their_remark")
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "原物业说明"
    shown = [panel.model.index(r, column).data() for r in range(panel.model.rowCount())]
    assert f"{SAID}；{ALSO}" in shown and NO_UNIT in shown
    assert panel.table.columnWidth(column) >= 120 and not panel.table.isColumnHidden(column)

    row = by_kind(rc.differences(db, hid), DiffKind.DIFFERS)[0]
    dialog = DecisionDialog(db, row)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert f"{SAID}；{ALSO}" in texts
    quiet = DecisionDialog(db, by_kind(rc.differences(db, hid), DiffKind.ONLY_OURS)[0])
    qtbot.addWidget(quiet)
    quiet.show()
    assert "（无）" in [label.text() for label in quiet.findChildren(QLabel) if label.isVisible()]
    assert boxes == []


def test_the_workbook_difference_sheet_has_their_remark(desk, tmp_path):
    db, hid, _project = desk
    out = tmp_path / "会计工作簿.xlsx"
    export_fees(db, hid, out)
    ws = load_workbook(out, read_only=True)["差异"]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    assert "原物业说明" in head
    column, kind = head.index("原物业说明"), head.index("差异类型")
    said = {r[column] for r in rows[1:] if r[kind] == DiffKind.DIFFERS.label}  # the workbook is read by people
    assert said == {f"{SAID}；{ALSO}"}
    assert NO_UNIT in {r[column] for r in rows[1:]}
