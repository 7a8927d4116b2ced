"""Numbers are numbers in the fees tab, the 收费项目 dialog and the 交接清单 editor (issue 11 point 1).

Every numeric field, driven through its real widget, is typed what a clerk may type by mistake:
`1o00`, `abc`, `-5`, `1e20`, `13800138000`, `１２`, nothing and 2,000 digits. What is not a number of
the field's kind is refused with a message naming the field, nothing is saved (the database is read
back), no traceback, and the clerk's text is still there to correct. What *is* a number of its kind
(−5 as an agreed amount, an optional reading left empty) is saved. Text longer than its column is a
field message too, and the text stays. The services refuse the same ranges on both backends before
the database (13800138000 overflows PostgreSQL's INTEGER; SQLite would store it).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from sqlalchemy import select

from gui.dialogs.fee_items import FeeItemsDialog
from gui.dialogs.handover_dialog import HandoverDialog
from gui.tabs.fees.decision_dialogs import DecisionDialog
from gui.tabs.fees.meter_dialog import AddMeterDialog
from gui.tabs.fees.meters_panel import MetersPanel
from gui.tabs.handover.dialogs import SignDialog
from gui.tabs.handover.items_model import COL
from gui.tabs.handover.tab import HandoverTab
from models.browse import Scope
from models.errors import ValidationError
from models.fees import Decision, DiffKind, FeeItem, Tariff
from models.handover import Handover, HandoverItem
from models.services import checklists, fee_items, handovers, meters, projects
from models.services import reconcile as rc
from models.services.locations import unit_choices
from tests.fee_book import CUTOFF, make_book
from tests.gui_helpers import ok_and_wait, writes_done

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]

BAD = ("1o00", "abc", "-5", "1e20", "13800138000", "１２", "", "9" * 2000)
BUG = "程序出现了一个错误"  # the bug dialog: never for a clerk's typing
D = Decimal


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    """As a clerk types (a validator, if any, sees every key): ASCII as key presses, the rest (１２, 长)
    as the Chinese input method commits it."""
    edit.clear()
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(edit, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(edit, event)


def _open_editor(view: QAbstractItemView) -> QLineEdit | None:
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    return editors[0] if len(editors) == 1 else None


# ---- the widgets, each wrapped the same way: enter(text), message(), kept(), stored() -----------

class Desk:
    def __init__(self, qtbot, db, boxes: list[str]) -> None:
        self.qtbot, self.db, self.boxes = qtbot, db, boxes

    def message(self) -> str:
        return self.boxes[-1] if self.boxes else ""

    def kept(self) -> str:
        raise NotImplementedError

    def stored(self) -> Any:
        raise NotImplementedError

    def leave(self) -> None:
        """The clerk is done with the desk (a cell still open for a retry is given up)."""


class DialogDesk(Desk):
    """A ServiceDialog/WorkerDialog: OK, the refusal on its error line, the text still in `self.edit`."""

    dialog: Any
    edit: QLineEdit

    def enter(self, text: str) -> None:
        _type(self.qtbot, self.edit, text)
        ok_and_wait(self.dialog)
        self.qtbot.waitUntil(lambda: not getattr(self.dialog, "is_busy", lambda: False)(), timeout=10000)

    def message(self) -> str:
        visible = self.dialog.isVisible() and self.dialog.error_label.isVisible()
        return self.dialog.error_label.text() if visible else ""

    def kept(self) -> str:
        return self.edit.text()


class DecisionDesk(DialogDesk):
    """协商调整 of a 金额不符 difference: the agreed 应收 and 实收 (MONEY)."""

    def __init__(self, qtbot, db, boxes, target: str) -> None:
        super().__init__(qtbot, db, boxes)
        hid = make_book(db)
        rc.reconcile(db, hid)
        self.row = rc.differences(db, hid, kind=DiffKind.DIFFERS)[0]
        self.dialog = DecisionDialog(db, self.row)
        qtbot.addWidget(self.dialog)
        self.dialog.show()
        self.dialog.choose(Decision.ADJUST)
        for name in ("adjusted_billed", "adjusted_paid"):
            getattr(self.dialog, name).setText("960.00")
        self.dialog.note.setText("双方核实")
        self.edit = getattr(self.dialog, target)

    def stored(self) -> Any:
        r = rc.difference(self.db, self.row.id)
        return r.decision, r.adjusted_billed, r.adjusted_paid, r.version


class AddMeterDesk(DialogDesk):
    """新增表具: 上次读数 (may stay empty) and 本次读数 (READING)."""

    def __init__(self, qtbot, db, boxes, target: str) -> None:
        super().__init__(qtbot, db, boxes)
        hid = make_book(db)
        with db.read() as s:
            self.project_id = s.get(Handover, hid).project_id
        self.hid = hid
        self.dialog = AddMeterDialog(db, hid, unit_choices(db, self.project_id), CUTOFF)
        qtbot.addWidget(self.dialog)
        self.dialog.show()
        self.dialog.meter_no.setText("S009")
        self.dialog.place.setEditText("1栋1单元101")
        self.dialog.prev_reading.setText("100.00")
        self.dialog.reading.setText("130.00")
        self.edit = getattr(self.dialog, target)

    def stored(self) -> Any:
        return [(m.meter_no, m.prev_reading, m.reading) for m in meters.meter_rows(self.db, self.hid)]


class RateDesk(Desk):
    """收费项目 dialog: 设定单价 of 水费 (RATE); refusals come as a message box."""

    def __init__(self, qtbot, db, boxes) -> None:
        super().__init__(qtbot, db, boxes)
        hid = make_book(db)
        with db.read() as s:
            self.project_id = s.get(Handover, hid).project_id
        self.dialog = FeeItemsDialog(db, self.project_id)
        qtbot.addWidget(self.dialog)
        self.dialog.show()
        row = next(r for r in range(self.dialog.items_model.rowCount())
                   if self.dialog.items_model.index(r, 1).data() == "水费")
        self.dialog.items_view.selectRow(row)
        self.dialog.from_edit.setDate(dt.date(2027, 1, 1))

    def enter(self, text: str) -> None:
        _type(self.qtbot, self.dialog.rate_edit, text)
        self.dialog.set_rate_button.click()
        writes_done(self.qtbot)

    def kept(self) -> str:
        return self.dialog.rate_edit.text()

    def stored(self) -> Any:
        water = next(i for i in fee_items.fee_items(self.db, self.project_id) if i.name == "水费")
        return water.tariffs


class CellDesk(Desk):
    """A cell of a form-like table: type, Enter; a refusal is a message box, then the cell's editor
    opens again with the clerk's text."""

    view: QAbstractItemView

    def index(self):
        raise NotImplementedError

    def enter(self, text: str) -> None:
        index = self.index()
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        editor = _open_editor(self.view)
        assert editor is not None
        _type(self.qtbot, editor, text)
        before = len(self.boxes)
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.view.state() != QAbstractItemView.State.EditingState
                             or _open_editor(self.view) is not editor, timeout=5000)
        writes_done(self.qtbot)  # the cell is saved (or refused) in the writer thread
        self.qtbot.wait(50)  # a refusal is shown on the next turn of the event loop
        if len(self.boxes) > before:
            self.qtbot.waitUntil(lambda: _open_editor(self.view) is not None, timeout=5000)

    def kept(self) -> str:
        editor = _open_editor(self.view)
        return editor.text() if editor is not None else "（编辑框已关闭）"

    def leave(self) -> None:
        # Esc, as a clerk would: closed with the desk instead, the retried text would be saved
        # again, and refused again, in the writer thread after the test.
        editor = _open_editor(self.view)
        if editor is not None:
            self.qtbot.keyClick(editor, Qt.Key.Key_Escape)
        writes_done(self.qtbot)


class MeterCellDesk(CellDesk):
    """抄表底数 in place: 上次读数 (column 3, may be emptied) and 本次读数 (column 5)."""

    def __init__(self, qtbot, db, boxes, column: int) -> None:
        super().__init__(qtbot, db, boxes)
        self.hid = make_book(db)
        with db.read() as s:
            project_id = s.get(Handover, self.hid).project_id
        self.panel = MetersPanel(db)
        qtbot.addWidget(self.panel)
        self.panel.resize(1200, 500)
        self.panel.show()
        self.panel.set_scope(Scope(project_id, self.hid))
        qtbot.waitUntil(lambda: self.panel.is_loaded() and self.panel.model.rowCount() > 0, timeout=10000)
        self.view, self.column = self.panel.table, column

    def index(self):
        proxy = self.panel.proxy
        row = next(r for r in range(proxy.rowCount()) if proxy.record(r).meter_no == "S001")
        return proxy.index(row, self.column)

    def stored(self) -> Any:
        m = next(m for m in meters.meter_rows(self.db, self.hid) if m.meter_no == "S001")
        return m.prev_reading, m.reading, m.version


class ItemCellDesk(CellDesk):
    """交接清单 item in place: 应交, 实收 and 页数 (QUANTITY) of an item already checked."""

    def __init__(self, qtbot, db, boxes, key: str) -> None:
        super().__init__(qtbot, db, boxes)
        project = projects.add_project(db, "CHY", "翠湖园")
        handover = handovers.create_handover(db, project.id, "承接查验", "翠湖置业", "本物业", CUTOFF)
        self.list_id = checklists.create_list(db, handover.id, "资料清单").id
        item = checklists.add_item(db, self.list_id, category="物业原始资料", name="竣工总平面图", expected_qty=2)
        item = checklists.check_item(db, item.id, item.version, received_qty=2, condition="完好")
        checklists.update_item(db, item.id, item.version, pages=10)
        self.tab = HandoverTab(db)
        qtbot.addWidget(self.tab)
        self.tab.resize(1366, 600)
        self.tab.show()
        self.tab.set_scope(Scope(project.id, handover.id))
        qtbot.waitUntil(lambda: self.tab.is_loaded() and self.tab.model.rowCount() == 1, timeout=10000)
        self.view, self.key = self.tab.table, key

    def index(self):
        return self.tab.model.index(0, COL[self.key])

    def stored(self) -> Any:
        item = checklists.list_detail(self.db, self.list_id).items[0]
        return item.expected_qty, item.received_qty, item.pages, item.name, item.version


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # as the message names it: 「label」
    desk: Callable[..., Desk]
    accepts: tuple[str, ...] = ()  # of BAD, what is a number of this field's kind


FIELDS = (
    Field("协商调整-调整后应收", "调整后应收", lambda q, d, b: DecisionDesk(q, d, b, "adjusted_billed"), ("-5",)),
    Field("协商调整-调整后实收", "调整后实收", lambda q, d, b: DecisionDesk(q, d, b, "adjusted_paid"), ("-5",)),
    Field("收费项目-单价", "单价", RateDesk),
    Field("新增表具-上次读数", "上次读数", lambda q, d, b: AddMeterDesk(q, d, b, "prev_reading"), ("",)),
    Field("新增表具-本次读数", "本次读数", lambda q, d, b: AddMeterDesk(q, d, b, "reading")),
    Field("抄表底数-上次读数", "上次读数", lambda q, d, b: MeterCellDesk(q, d, b, 3), ("",)),
    Field("抄表底数-本次读数", "本次读数", lambda q, d, b: MeterCellDesk(q, d, b, 5)),
    Field("交接清单-应交", "应交数量", lambda q, d, b: ItemCellDesk(q, d, b, "expected_qty")),
    Field("交接清单-实收", "实收数量", lambda q, d, b: ItemCellDesk(q, d, b, "received_qty")),
    Field("交接清单-页数", "页数", lambda q, d, b: ItemCellDesk(q, d, b, "pages"), ("",)),
)
REFUSED = [pytest.param(f, t, id=f"{f.key}-{t[:12]!r}") for f in FIELDS for t in BAD if t not in f.accepts]
ACCEPTED = [pytest.param(f, t, id=f"{f.key}-{t!r}") for f in FIELDS for t in f.accepts]


@pytest.mark.parametrize(("field", "text"), REFUSED)
def test_what_is_not_a_number_of_its_kind_is_refused_by_name_and_kept(qtbot, sqlite_db, boxes, field, text):
    desk = field.desk(qtbot, sqlite_db, boxes)
    before = desk.stored()
    desk.enter(text)
    message = desk.message()
    assert f"「{field.label}」" in message, message
    assert not any(BUG in b for b in boxes)
    assert desk.kept() == text
    assert desk.stored() == before  # nothing saved
    desk.leave()


@pytest.mark.parametrize(("field", "text"), ACCEPTED)
def test_a_number_of_its_kind_is_saved(qtbot, sqlite_db, boxes, field, text):
    desk = field.desk(qtbot, sqlite_db, boxes)
    before = desk.stored()
    desk.enter(text)
    assert desk.message() == "" and boxes == []
    assert desk.stored() != before


def test_an_agreed_amount_may_be_negative_and_is_saved_exactly(qtbot, sqlite_db, boxes):
    desk = DecisionDesk(qtbot, sqlite_db, boxes, "adjusted_billed")
    desk.enter("-5")
    assert desk.stored()[:3] == (Decision.ADJUST, D("-5.00"), D("960.00"))


# ---- text longer than its column: a field message, the text kept ------------------------------

LONG = "长" * 2000


def test_long_text_in_an_item_cell_is_named_and_kept(qtbot, sqlite_db, boxes):
    desk = ItemCellDesk(qtbot, sqlite_db, boxes, "name")
    before = desk.stored()
    desk.enter(LONG)
    assert "「名称」" in desk.message() and desk.kept() == LONG and desk.stored() == before
    desk.leave()


def test_long_text_in_the_meter_dialog_is_named_and_kept(qtbot, sqlite_db, boxes):
    desk = AddMeterDesk(qtbot, sqlite_db, boxes, "meter_no")
    before = desk.stored()
    desk.enter(LONG)
    assert "「表号」" in desk.message() and desk.kept() == LONG and desk.stored() == before
    desk.leave()


def test_long_text_in_the_fee_items_dialog_is_named_and_kept(qtbot, sqlite_db, boxes):
    desk = RateDesk(qtbot, sqlite_db, boxes)
    before = fee_items.fee_items(sqlite_db, desk.project_id)
    desk.dialog.code_edit.setText("TCF")
    desk.dialog.name_edit.setText(LONG)
    desk.dialog.add_item_button.click()
    writes_done(qtbot)
    assert "「收费项目」" in desk.message() and desk.dialog.name_edit.text() == LONG
    assert fee_items.fee_items(sqlite_db, desk.project_id) == before


def test_long_text_in_the_handover_dialogs_is_named_and_kept(qtbot, sqlite_db, boxes):
    desk = ItemCellDesk(qtbot, sqlite_db, boxes, "name")
    info = desk.tab.handover
    dialog = HandoverDialog(sqlite_db, info.project_id, info)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.witness_edit.setText(LONG)
    ok_and_wait(dialog)
    assert dialog.isVisible() and "「监交方」" in dialog.error_label.text()
    assert dialog.witness_edit.text() == LONG
    assert handovers.get_handover(sqlite_db, info.id).witness == ""
    sign = SignDialog(sqlite_db, info, desk.tab.current_summary())
    qtbot.addWidget(sign)
    sign.show()
    sign.from_edit.setText(LONG)
    sign.to_edit.setText("钱主任")
    ok_and_wait(sign)
    assert sign.isVisible() and "「移交方签字人」" in sign.error_label.text() and sign.from_edit.text() == LONG
    assert checklists.list_detail(sqlite_db, desk.list_id).summary.signed_at is None


# ---- the services check the ranges too, on both backends --------------------------------------

def _refused(match: str, call: Callable[[], Any]) -> None:
    with pytest.raises(ValidationError, match=match):
        call()


def test_services_refuse_out_of_range_numbers_by_name_before_the_database(db, book):
    hid = book
    rc.reconcile(db, hid)
    diff = rc.differences(db, hid, kind=DiffKind.DIFFERS)[0]
    for billed, words in ((D("100000000.00"), "超出范围"), (D("1E+20"), "超出范围"), (D("1.005"), "位小数")):
        _refused(f"「调整后应收」.*{words}", lambda b=billed: rc.decide(
            db, diff.id, diff.version, Decision.ADJUST, "双方核实", adjusted_billed=b, adjusted_paid=D("1")))
    _refused("「调整后实收」", lambda: rc.decide(db, diff.id, diff.version, Decision.ADJUST, "双方核实",
                                            adjusted_billed=D("1"), adjusted_paid=D("NaN")))
    assert rc.difference(db, diff.id).version == diff.version

    with db.read() as s:
        water = s.scalar(select(FeeItem.id).where(FeeItem.code == "SF"))
        rates = s.scalar(select(Tariff.id).where(Tariff.fee_item_id == water).order_by(Tariff.id.desc()))
    for rate, words in ((D("100000"), "超出范围"), (D("-1"), "不能为负数"), (D("1E+20"), "超出范围")):
        _refused(f"「单价」.*{words}", lambda r=rate: fee_items.set_rate(db, water, valid_from=dt.date(2027, 1, 1),
                                                                        rate=r))
    with db.read() as s:
        assert s.scalar(select(Tariff.id).where(Tariff.fee_item_id == water).order_by(Tariff.id.desc())) == rates

    before = meters.meter_rows(db, hid)
    meter = before[0]
    _refused("「本次读数」.*超出范围", lambda: meters.save_reading(db, meter.id, meter.version, reading=D("1E+20"),
                                                            read_on=CUTOFF))
    _refused("「上次读数」.*超出范围", lambda: meters.save_reading(db, meter.id, meter.version, reading=D("1"),
                                                            read_on=CUTOFF, prev_reading=D("100000000")))
    _refused("「本次读数」.*超出范围", lambda: meters.add_meter(db, hid, meter_no="S9", kind="水", location="总表",
                                                         reading=D("13800138000"), read_on=CUTOFF))
    assert meters.meter_rows(db, hid) == before


def test_checklist_services_refuse_quantities_past_integer_range(db):
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = handovers.create_handover(db, project.id, "承接查验", "翠湖置业", "本物业", CUTOFF)
    list_id = checklists.create_list(db, handover.id, "资料清单").id
    _refused("「应交数量」.*超出范围", lambda: checklists.add_item(db, list_id, category="资料", name="图纸",
                                                            expected_qty=13800138000))
    item = checklists.add_item(db, list_id, category="资料", name="图纸", expected_qty=2)
    _refused("「应交数量」.*超出范围", lambda: checklists.update_item(db, item.id, item.version,
                                                               expected_qty=13800138000))
    _refused("「页数」.*超出范围", lambda: checklists.update_item(db, item.id, item.version, pages=10**20))
    _refused("「实收数量」.*超出范围", lambda: checklists.check_item(db, item.id, item.version,
                                                              received_qty=13800138000, condition="完好"))
    _refused("「实收数量」.*不能为负数", lambda: checklists.check_item(db, item.id, item.version,
                                                                received_qty=-5, condition="完好"))
    _refused("「页数」.*应为数字", lambda: checklists.update_item(db, item.id, item.version, pages="1o00"))
    _refused("「页数」.*整数", lambda: checklists.update_item(db, item.id, item.version, pages=D("1.5")))
    assert checklists.list_detail(db, list_id).items == [item]
    with db.read() as s:
        assert s.scalar(select(HandoverItem.version).where(HandoverItem.id == item.id)) == item.version

