"""The browse model without widgets: rows, paging, sort and filter, checked by qtmodeltester."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sample_data import UNITS, make_sample

from gui import table_model
from gui.table_model import BrowseModel, RecordIdRole, SortRole, format_value
from models.browse import TABLES, Scope

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def sample(sqlite_db):
    return make_sample(sqlite_db)


@pytest.fixture
def fees(sqlite_db, sample, monkeypatch):
    monkeypatch.setattr(table_model, "PAGE", 10)
    model = BrowseModel(sqlite_db, TABLES["fees"], background=False)
    model.set_scope(Scope(sample.project_id, sample.handover_id))
    return model


def test_format_value():
    assert format_value(Decimal("1234.5"), "money") == "1,234.50"
    assert format_value(None, "money") == ""
    import datetime as dt
    assert format_value(dt.date(2026, 6, 30), "date") == "2026-06-30"


def test_pages_in_on_fetch_more(fees):
    assert fees.rowCount() == 10 and fees.total == UNITS * 6
    assert fees.canFetchMore()
    while fees.canFetchMore():
        fees.fetchMore()
    assert fees.rowCount() == UNITS * 6
    ids = {fees.index(r, 0).data(RecordIdRole) for r in range(fees.rowCount())}
    assert len(ids) == UNITS * 6


def test_money_is_formatted_right_aligned_with_raw_sort_role(fees):
    col = TABLES["fees"].column_index("billed")
    index = fees.index(0, col)
    assert index.data() == "268.50"
    assert index.data(SortRole) == Decimal("268.50")
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert fees.headerData(col, Qt.Orientation.Horizontal) == "应收"


def test_sort_requeries_in_sql(fees):
    col = TABLES["fees"].column_index("owner")
    fees.sort(col, Qt.SortOrder.DescendingOrder)
    assert fees.index(0, col).data() == f"业主{UNITS - 1:02d}"
    fees.sort(col, Qt.SortOrder.AscendingOrder)
    assert fees.index(0, col).data() == "业主00"


def test_filter_narrows_and_counts(fees):
    fees.set_filter("业主03")
    assert fees.rowCount() == 6 and fees.total == 6 and not fees.canFetchMore()
    fees.set_filter("")
    assert fees.total == UNITS * 6


def test_no_scope_means_no_rows(sqlite_db):
    model = BrowseModel(sqlite_db, TABLES["keys"], background=False)
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_background_queries_drop_stale_results(qtbot, sqlite_db, sample):
    model = BrowseModel(sqlite_db, TABLES["defects"])
    model.set_scope(Scope(sample.project_id, sample.handover_id))
    model.set_filter("瓷砖")  # supersedes the first query before it is delivered
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=5000)
    assert model.rowCount() == 1 and model.total == 1


def test_a_model_deleted_while_its_query_runs_gets_nothing_delivered(qtbot, sqlite_db, sample):
    """A dialog or tab closed before its list came back: no "already deleted" in the event loop."""
    import threading

    from gui import tasks as gui_tasks
    release = threading.Event()
    real = sqlite_db.read

    def slow_read():
        release.wait(5)
        return real()

    sqlite_db.read = slow_read
    model = BrowseModel(sqlite_db, TABLES["defects"])
    model.set_scope(Scope(sample.project_id, sample.handover_id))
    assert model._tasks
    model.deleteLater()
    qtbot.wait(50)  # the model is gone
    release.set()
    qtbot.waitUntil(lambda: not gui_tasks._running, timeout=5000)  # both results came back, to nobody
    sqlite_db.read = real


@pytest.mark.parametrize("key", sorted(TABLES))
def test_qtmodeltester(qtmodeltester, sqlite_db, sample, key, monkeypatch):
    monkeypatch.setattr(table_model, "PAGE", 4)
    model = BrowseModel(sqlite_db, TABLES[key], background=False)
    model.set_scope(Scope(sample.project_id, sample.handover_id))
    qtmodeltester.check(model, force_py=True)


def test_a_count_above_the_cap_comes_first_as_more_than_then_exact(sqlite_db, sample, monkeypatch, qtbot):
    """The table is loaded with its first page and "超过 5 条"; the exact count follows in the worker."""
    from gui.tabs.fees.ledger_panel import LedgerPanel

    monkeypatch.setattr(table_model, "COUNT_CAP", 5)
    panel = LedgerPanel(sqlite_db)
    qtbot.addWidget(panel)
    panel.show()
    seen: list[tuple[int, bool, str]] = []
    panel.model.counted.connect(lambda n: seen.append((n, panel.model.total_is_exact(), panel.count_label.text())))
    panel.set_scope(Scope(sample.project_id, sample.handover_id))
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total_is_exact(), timeout=10_000)
    seen.clear()
    panel.filter_edit.setText("业主0")
    panel.on_filter_settled()
    qtbot.waitUntil(panel.is_loaded, timeout=10_000)
    assert panel.model.rowCount() > 0
    qtbot.waitUntil(panel.model.total_is_exact, timeout=10_000)
    matching = sum(1 for u in range(UNITS) if f"业主{u:02d}".startswith("业主0")) * 6
    assert matching > 5
    assert seen[0][:2] == (5, False) and "超过 5 条" in seen[0][2]
    assert seen[-1][:2] == (matching, True) and f"共 {matching:,} 条" in panel.count_label.text()
    panel.filter_edit.setText("无此内容zq")
    panel.on_filter_settled()
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.model.total_is_exact(), timeout=10_000)
    assert panel.model.total == 0 and panel.count_label.text() == "共 0 条"


def _shown(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _formatted(model):
    kinds = [c.kind for c in model.spec.columns]
    return [[format_value(v, k) for v, k in zip(model.row_values(r), kinds, strict=True)]
            for r in range(model.rowCount())]


def test_the_display_texts_follow_every_reload(fees):
    """The texts are formatted once per row and kept: a new filter, a new sort and a page fetched
    more show the new rows' texts, never those of the rows painted before."""
    owner = TABLES["fees"].column_index("owner")
    before = _shown(fees)  # every loaded cell asked once: all ten rows' texts are kept
    assert before == _formatted(fees) and before[0][owner] == "业主00"

    fees.set_filter("业主03")
    after = _shown(fees)
    assert len(after) == 6 and after == _formatted(fees)
    assert {row[owner] for row in after} == {"业主03"}

    fees.set_filter("")
    fees.sort(owner, Qt.SortOrder.DescendingOrder)
    assert fees.index(0, owner).data() == f"业主{UNITS - 1:02d}"
    first_page = _shown(fees)
    fees.fetchMore()
    assert fees.rowCount() == 20
    shown = _shown(fees)
    assert shown[:10] == first_page and shown == _formatted(fees)
    assert shown[10:] != first_page

    # A row replaced where it stands (not something BrowseModel does itself) is not shown stale either.
    fees._rows[0] = fees._rows[15]
    assert fees.index(0, owner).data() == shown[15][owner] != shown[0][owner]


def test_defects_show_overdue_days_only_when_late_and_late_rows_red(sqlite_db, sample):
    import datetime as dt

    from gui.tabs.defects.tab import LATE, DefectsModel

    model = DefectsModel(sqlite_db, TABLES["defects"], background=False)
    model.set_filters({"today": dt.date(2026, 7, 4)}, refresh=False)
    model.set_scope(Scope(sample.project_id, sample.handover_id))
    late_col = TABLES["defects"].column_index("overdue_days")
    days = [model.row_values(r)[late_col] for r in range(model.rowCount())]
    assert any(d > 0 for d in days) and any(d == 0 for d in days)
    for _ in range(2):  # formatted on the first pass, kept for the second
        for r, shown, expected in zip(range(model.rowCount()), _shown(model), _formatted(model), strict=True):
            late = days[r] > 0
            assert shown[late_col] == (str(days[r]) if late else "")
            assert shown[:late_col] + shown[late_col + 1:] == expected[:late_col] + expected[late_col + 1:]
            for c in range(model.columnCount()):
                assert model.index(r, c).data(Qt.ItemDataRole.ForegroundRole) == (LATE if late else None)
    assert model.data(model.index(-1, -1), Qt.ItemDataRole.ForegroundRole) is None
