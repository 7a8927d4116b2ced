"""Roles are visible (issue 11 point 8) in the fees tab, the 收费项目 dialog and the 交接清单 tab: what only
a supervisor may do is disabled for a clerk with a tooltip saying who may, instead of being refused
after the clerk filled its dialog; for a supervisor it is enabled (when the state allows it)."""
from __future__ import annotations

import datetime as dt

import pytest

from gui.dialogs.fee_items import FeeItemsDialog
from gui.dialogs.handover_dialog import HandoverDialog
from gui.tabs.fees.tab import FeesTab
from gui.tabs.handover.tab import HandoverTab
from models.browse import Scope
from models.db import UserRef
from models.fees import Decision
from models.handover import Handover
from models.services import checklists, handovers, projects, signoff
from models.services import reconcile as rc
from models.services.settlement import sign_settlement
from tests.fee_book import CUTOFF, make_book

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]

CLERK = UserRef(None, "wang", "王文员", "clerk")
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")


def _as(db, user: UserRef) -> None:
    db.user = user


@pytest.fixture
def fees(qtbot, sqlite_db):
    """The fee book reconciled, every difference decided; the tab shown (as a clerk)."""
    db = sqlite_db
    hid = make_book(db)
    rc.reconcile(db, hid)
    rc.decide_many(db, hid, Decision.EXCLUDE, "双方同意不计入")
    with db.read() as s:
        project_id = s.get(Handover, hid).project_id
    _as(db, CLERK)
    tab = FeesTab(db)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(project_id, hid))
    qtbot.waitUntil(tab.is_loaded, timeout=10000)
    return db, hid, project_id, tab


def _reload(qtbot, tab) -> None:
    tab.load_state()
    qtbot.waitUntil(tab.is_loaded, timeout=10000)


def test_fees_sign_and_amend_are_a_supervisors(qtbot, fees):
    db, hid, _project, tab = fees
    a = tab.acts
    assert not a.sign.isEnabled() and a.sign.toolTip() == "仅主管或管理员可以签署财务结算"
    assert not a.amend.isEnabled() and a.amend.toolTip() == "仅主管或管理员可以修订财务结算"
    assert a.reconcile.isEnabled() and a.compute.isEnabled()  # a clerk's work stays open

    _as(db, SUPERVISOR)
    _reload(qtbot, tab)
    assert a.sign.isEnabled() and "主管签署" in a.sign.toolTip()
    assert not a.amend.isEnabled()  # nothing signed yet to amend

    sign_settlement(db, hid, note="双方财务已核对")
    _reload(qtbot, tab)
    assert a.amend.isEnabled() and not a.sign.isEnabled()
    _as(db, CLERK)
    _reload(qtbot, tab)
    assert not a.amend.isEnabled() and a.amend.toolTip() == "仅主管或管理员可以修订财务结算"


def test_setting_a_rate_is_a_supervisors(qtbot, fees):
    db, _hid, project_id, _tab = fees
    dialog = FeeItemsDialog(db, project_id)
    qtbot.addWidget(dialog)
    assert dialog.current_item() is not None
    assert not dialog.set_rate_button.isEnabled()
    assert dialog.set_rate_button.toolTip() == "仅主管或管理员可以设置收费标准"
    assert not dialog.rate_edit.isEnabled() and dialog.rate_edit.toolTip() == "仅主管或管理员可以设置收费标准"
    assert dialog.add_item_button.isEnabled()  # adding a fee item is not restricted

    _as(db, SUPERVISOR)
    dialog = FeeItemsDialog(db, project_id)
    qtbot.addWidget(dialog)
    assert dialog.set_rate_button.isEnabled() and dialog.rate_edit.isEnabled()


@pytest.fixture
def lists(qtbot, sqlite_db):
    """A handover with one draft list (every item checked) and the tab on it, as a clerk."""
    db = sqlite_db
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = handovers.create_handover(db, project.id, "承接查验", "翠湖置业", "本物业", CUTOFF)
    summary = checklists.create_list(db, handover.id, "资料清单")
    item = checklists.add_item(db, summary.id, category="物业原始资料", name="竣工总平面图")
    checklists.mark_received_as_expected(db, item.id, item.version)
    _as(db, CLERK)
    tab = HandoverTab(db)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(project.id, handover.id))
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.current_summary() is not None, timeout=10000)
    return db, project.id, handover.id, summary.id, tab


def test_signing_and_amending_lists_are_a_supervisors(qtbot, lists):
    db, _project, _hid, list_id, tab = lists
    a = tab.acts
    assert not a.sign.isEnabled() and a.sign.toolTip() == "仅主管或管理员可以签署交接清单"
    assert not a.amend.isEnabled() and a.amend.toolTip() == "仅主管或管理员可以创建补充清单"
    assert a.mark_expected.isEnabled() or tab.current_item() is None  # checking stays a clerk's work

    _as(db, SUPERVISOR)
    tab.update_actions()
    assert a.sign.isEnabled() and not a.amend.isEnabled()  # a draft: nothing to amend yet
    summary = tab.current_summary()
    signoff.sign_list(db, list_id, summary.version, signed_from="赵经理", signed_to="钱主任",
                      signed_at=dt.datetime(2026, 7, 1, 10, 0))
    tab.reload_list()
    assert a.amend.isEnabled() and not a.sign.isEnabled()
    _as(db, CLERK)
    tab.update_actions()
    assert not a.amend.isEnabled() and a.amend.toolTip() == "仅主管或管理员可以创建补充清单"


def test_the_cutoff_of_a_handover_is_a_supervisors(qtbot, lists):
    db, project_id, hid, _list, _tab = lists
    info = handovers.get_handover(db, hid)
    dialog = HandoverDialog(db, project_id, info)
    qtbot.addWidget(dialog)
    assert not dialog.cutoff_edit.isEnabled()
    assert dialog.cutoff_edit.toolTip() == "仅主管或管理员可以更改交接基准日"
    assert dialog.from_edit.isEnabled()  # nothing signed yet: the parties are a clerk's to edit
    new = HandoverDialog(db, project_id, None)
    qtbot.addWidget(new)
    assert new.cutoff_edit.isEnabled()  # a new handover's cut-off is set by whoever creates it

    _as(db, SUPERVISOR)
    dialog = HandoverDialog(db, project_id, info)
    qtbot.addWidget(dialog)
    assert dialog.cutoff_edit.isEnabled()


def test_correcting_a_signed_handover_is_a_supervisors(qtbot, lists):
    db, project_id, hid, list_id, _tab = lists
    _as(db, SUPERVISOR)
    summary = checklists.lists_of(db, hid)[0]
    signoff.sign_list(db, list_id, summary.version, signed_from="赵经理", signed_to="钱主任",
                      signed_at=dt.datetime(2026, 7, 1, 10, 0))
    _as(db, CLERK)
    info = handovers.get_handover(db, hid)
    dialog = HandoverDialog(db, project_id, info)
    qtbot.addWidget(dialog)
    for edit in (dialog.from_edit, dialog.to_edit, dialog.witness_edit, dialog.reason_edit, dialog.kind_combo):
        assert not edit.isEnabled(), edit
        assert edit.toolTip().startswith("仅主管或管理员可以更正")
    assert dialog.title_edit.isEnabled() and dialog.planned_date.isEnabled()  # not what was signed
