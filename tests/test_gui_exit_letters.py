"""The exit paperwork from the 结果 panel, offscreen: the menu button on the results' pages prints the
告业主书 of the selected rows' owners (all when none is selected) into the print preview, and a form
with nothing to print is refused in words."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from gui.tabs.fees.results_panel import ResultsPanel
from models.browse import Scope
from models.services import projects
from tests.fee_book import make_book
from tests.test_exit_letters import make_exit

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def panel(qtbot, sqlite_db):
    handover = make_exit(sqlite_db, make_book(sqlite_db))
    project = projects.list_projects(sqlite_db)[0]
    panel = ResultsPanel(sqlite_db)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    panel.set_scope(Scope(project.id, handover))
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.results is not None, timeout=20000)
    return panel


def preview_of(qtbot, task):
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=30000)
    return task.preview


def test_letters_of_the_selected_rows_or_of_everyone_go_to_the_preview(qtbot, panel, boxes):
    prints = panel.exit_prints
    assert all(b.isEnabled() and b.text() == "致业主文件" for b in prints.buttons)
    assert [a.text() for a in prints.menu.actions()] == ["打印告业主书…", "打印押金退还确认单…",
                                                         "打印预收款移交确认单…"]
    panel.pages.setCurrentWidget(panel.arrears)
    table = panel.arrears.table
    table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert len(prints.selected_units()) == 1
    prints.actions["letter"].trigger()
    preview = preview_of(qtbot, prints.task)
    assert preview.pages == 1 and "告业主书" in preview.windowTitle()
    preview.reject()

    table.clearSelection()
    prints.actions["letter"].trigger()
    preview = preview_of(qtbot, prints.task)
    assert preview.pages == 2  # one letter to each of the two owners
    preview.reject()

    panel.pages.setCurrentWidget(panel.deposits)
    prints.actions["refund"].trigger()
    preview = preview_of(qtbot, prints.task)
    assert preview.pages == 1 and "押金退还确认单" in preview.windowTitle()
    preview.reject()
    assert boxes == []


def test_a_unit_with_nothing_to_sign_is_refused_in_words(qtbot, panel, boxes):
    prints = panel.exit_prints
    panel.pages.setCurrentWidget(panel.deposits)
    table = panel.deposits.table
    handed = next(r for r in range(table.model().rowCount())
                  if panel.deposits.proxy.record(r).is_handed_over)
    table.selectRow(handed)
    task = prints.print_form("refund")
    qtbot.waitUntil(lambda: bool(boxes), timeout=30000)
    assert "没有需要写入押金退还确认单的款项" in boxes[0] and getattr(task, "preview", None) is None


def test_a_handover_that_is_not_an_exit_offers_no_owner_letters(qtbot, sqlite_db):
    handover = make_book(sqlite_db)  # 进场接管: the letters are the leaving company's
    project = projects.list_projects(sqlite_db)[0]
    panel = ResultsPanel(sqlite_db)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_scope(Scope(project.id, handover))
    qtbot.waitUntil(lambda: panel.is_loaded() and panel.results is not None, timeout=20000)
    assert not panel.results.exit_paperwork
    for button in panel.exit_prints.buttons:
        assert not button.isEnabled() and "只用于退场移交" in button.toolTip()
