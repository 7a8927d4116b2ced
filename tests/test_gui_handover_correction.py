"""交接信息 after a document is signed: the dialog asks for a correction reason; the service decides."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gui.dialogs.handover_dialog import HandoverDialog
from models.fees import Decision
from models.services import reconcile as rc
from models.services.handovers import corrections, get_handover
from models.services.settlement import sign_settlement
from tests.gui_helpers import ok_and_wait


@pytest.fixture
def signed_book(sqlite_db):
    from tests.fee_book import make_book

    handover = make_book(sqlite_db)
    rc.reconcile(sqlite_db, handover)
    rc.decide_many(sqlite_db, handover, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(sqlite_db, handover, Decision.OURS, "以我方为准")
    sign_settlement(sqlite_db, handover)
    return handover


def test_dialog_of_a_handover_without_signed_documents_has_no_reason_row(qtbot, sqlite_db):
    from tests.fee_book import make_book

    info = get_handover(sqlite_db, make_book(sqlite_db))
    dialog = HandoverDialog(sqlite_db, info.project_id, info)
    qtbot.addWidget(dialog)
    assert dialog.reason_edit is None


def test_correction_needs_a_reason_and_is_kept(qtbot, sqlite_db, signed_book, tmp_path: Path):
    sqlite_db.user = replace(sqlite_db.user, role="supervisor")
    info = get_handover(sqlite_db, signed_book)
    dialog = HandoverDialog(sqlite_db, info.project_id, info)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason_edit is not None and dialog.reason_edit.isVisible()
    dialog.from_edit.setText("改名物业有限公司")
    ok_and_wait(dialog)
    assert dialog.isVisible() and "更正原因" in dialog.error_label.text()
    dialog.grab().save(str(tmp_path / "correction.png"))
    dialog.reason_edit.setText("工商登记变更，见营业执照")
    ok_and_wait(dialog)
    assert not dialog.isVisible()
    assert get_handover(sqlite_db, signed_book).from_company == "改名物业有限公司"
    assert [c[2] for c in corrections(sqlite_db, signed_book)] == ["工商登记变更，见营业执照"]
