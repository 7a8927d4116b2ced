"""The deadline table dialog: a supervisor changes it; a clerk is refused in the dialog."""
from __future__ import annotations

import pytest

from gui.dialogs.deadline_settings import DeadlineSettingsDialog
from models.db import UserRef
from models.defect import Severity
from models.services import defect_register
from tests.gui_helpers import ok_and_wait

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_supervisor_changes_the_table(qtbot, sqlite_db):
    sqlite_db.user = UserRef(None, "li", "李主管", "supervisor")
    dialog = DeadlineSettingsDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.edits[Severity.NORMAL].text() == "7"
    dialog.edits[Severity.NORMAL].setText("10")
    ok_and_wait(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert defect_register.deadline_days(sqlite_db)[Severity.NORMAL] == 10


def test_clerk_is_refused_and_nothing_changes(qtbot, sqlite_db):
    sqlite_db.user = UserRef(None, "wang", "王文员", "clerk")
    dialog = DeadlineSettingsDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.edits[Severity.MAJOR].setText("1")
    ok_and_wait(dialog)
    assert "主管" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert defect_register.deadline_days(sqlite_db)[Severity.MAJOR] == 3


@pytest.mark.parametrize("typed", ["1o00", "abc", "-5", "1e20", "13800138000", "１２", "", "9" * 2000, "0", "366"])
def test_a_bad_number_of_days_is_refused_by_name_and_kept(qtbot, sqlite_db, typed):
    sqlite_db.user = UserRef(None, "li", "李主管", "supervisor")
    dialog = DeadlineSettingsDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.edits[Severity.NORMAL].setText(typed)
    ok_and_wait(dialog)
    assert "「一般问题整改期限」" in dialog.error_label.text()
    assert dialog.edits[Severity.NORMAL].text() == typed and dialog.result() != dialog.DialogCode.Accepted
    assert defect_register.deadline_days(sqlite_db)[Severity.NORMAL] == 7
