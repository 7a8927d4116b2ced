"""Every key form printed from the keys tab's 打印 menu: made in the background, shown in the print preview,
and the previewed PDF read back (pdfplumber) — labels for a selection and for a cabinet, 钥匙发放签收单,
钥匙借用登记表 (with its 借用人签字 column), 备用钥匙封存表, 钥匙交接表."""
from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest
from PySide6.QtCore import QDate, QItemSelectionModel

from gui.tabs.keys.tab import KeysTab
from models.browse import Scope
from models.people import Owner, UnitOwnership
from models.project import Unit
from models.services import key_custody as kc
from models.services import projects
from tests.gui_helpers import Clock, answer_dialog
from tests.key_accounts import approval, supervisor

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
T0 = dt.datetime(2026, 7, 1, 9, 0)
TAGS = ["K-01-01-101-A", "K-01-01-201-A", "K-01-01-301-A", "K-01-01-401-A"]


@pytest.fixture
def desk(sqlite_db):
    p = projects.add_project(sqlite_db, "CHY", "翠湖园")
    h = projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业公司", "本物业公司", T0.date(), witness="业主委员会")
    with sqlite_db.begin() as s:
        units = [Unit(project_id=p.id, number=f"1栋1单元{i}01") for i in range(1, 5)]
        owner = Owner(project_id=p.id, name="董艳辉")
        s.add_all([*units, owner])
        s.flush()
        s.add(UnitOwnership(unit_id=units[0].id, owner_id=owner.id, relation="业主"))
        unit_ids, owner_id = [u.id for u in units], owner.id
    rows = [kc.receive_key(sqlite_db, p.id, tag=t, unit_id=u, opens="入户门", cabinet="G01", slot=f"01-{i:02d}",
                           handover_id=h.id, at=T0) for i, (t, u) in enumerate(zip(TAGS, unit_ids, strict=True), start=1)]
    kc.receive_key(sqlite_db, p.id, tag="K-GG-0001-A", opens="配电房", cabinet="G02", slot="01-01", at=T0)
    kc.issue_to_owner(sqlite_db, rows[0].id, owner_id=owner_id, at=T0 + dt.timedelta(hours=1))
    boss = approval(supervisor(sqlite_db, "lizg", "李主管"))
    kc.lend(sqlite_db, rows[1].id, borrower="张师傅", department="工程部", reason="维修", at=T0 + dt.timedelta(days=1),
            **boss)
    kc.return_key(sqlite_db, rows[1].id, returned_by="张师傅", at=T0 + dt.timedelta(days=1, hours=2))
    kc.seal(sqlite_db, rows[2].id, seal_no="FT-0001", at=T0 + dt.timedelta(hours=2))
    return p, h


@pytest.fixture
def tab(qtbot, sqlite_db, desk):
    p, h = desk
    tab = KeysTab(sqlite_db)
    tab.now = Clock(dt.datetime(2026, 7, 20, 9, 0))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_scope(Scope(p.id, h.id))
    qtbot.waitUntil(lambda: tab.is_loaded() and tab.model.total == 4, timeout=5000)  # the handover's keys
    return tab


def previewed(qtbot, tab) -> tuple[str, str, list[list[list[str]]]]:
    """The preview's title, the text of its PDF and the tables of its first page."""
    task = tab.print_task
    qtbot.waitUntil(lambda: getattr(task, "preview", None) is not None, timeout=30000)
    preview = task.preview
    with pdfplumber.open(preview.pdf_path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tables = pdf.pages[0].extract_tables()
    title = preview.windowTitle()
    assert preview.pages >= 1 and len(preview.page_labels) == preview.pages
    preview.reject()
    return title, text, tables


def row_of(tab, tag: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.row_values(r)[0] == tag)


def test_labels_for_the_selected_keys(qtbot, tab):
    selection = tab.table.selectionModel()
    for tag in (TAGS[1], TAGS[3]):
        selection.select(tab.model.index(row_of(tab, tag), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    tab.prints.labels.trigger()
    title, text, _ = previewed(qtbot, tab)
    assert "钥匙标签" in title and TAGS[1] in text and TAGS[3] in text and TAGS[0] not in text
    assert "G01-01-02" in text


def test_labels_for_a_cabinet_hang_there_now(qtbot, tab):
    def choose(dialog):
        assert [dialog.cabinet.itemText(i) for i in range(dialog.cabinet.count())] == ["G01", "G02"]
        dialog.cabinet.setCurrentText("G01")
        dialog.ok()

    answer_dialog(tab.prints.cabinet_labels.trigger, choose)
    title, text, _ = previewed(qtbot, tab)
    assert "G01" in title and all(t in text for t in TAGS[1:])
    assert TAGS[0] not in text and "K-GG-0001-A" not in text  # issued: its hook is free; another cabinet


def test_issue_receipt_of_the_key_on_the_card(qtbot, tab):
    tab.show_tag(TAGS[1])
    assert not tab.prints.issue.isEnabled() and "已发放" in tab.prints.issue.toolTip()
    tab.show_tag(TAGS[0])
    assert tab.prints.issue.isEnabled()
    tab.prints.issue.trigger()
    title, text, _ = previewed(qtbot, tab)
    assert TAGS[0] in title
    for words in ("钥匙发放签收单", TAGS[0], "董艳辉", "业主签字"):
        assert words in text, words


def test_lending_register_of_a_period_has_a_borrower_signature_column(qtbot, tab):
    def period(dialog):
        assert dialog.start.date() == QDate(2026, 7, 1) and dialog.end.date() == QDate(2026, 7, 20)
        dialog.ok()

    answer_dialog(tab.prints.lending.trigger, period)
    title, text, tables = previewed(qtbot, tab)
    assert "钥匙借用登记表" in title and TAGS[1] in text and "张师傅" in text and "李主管" in text
    (table,) = tables
    assert "借用人签字" in table[0]
    row = dict(zip(table[0], table[1], strict=True))
    assert row["标签号"] == TAGS[1] and row["借用人签字"] in ("", None)  # left for the pen


def test_seal_and_handover_forms(qtbot, tab):
    tab.prints.seal.trigger()
    title, text, _ = previewed(qtbot, tab)
    assert "备用钥匙封存表" in title and TAGS[2] in text and "FT-0001" in text and TAGS[1] not in text

    assert tab.prints.handover.isEnabled()
    tab.prints.handover.trigger()
    title, text, _ = previewed(qtbot, tab)
    assert "钥匙交接表" in title and all(t in text for t in TAGS) and "K-GG-0001-A" not in text
    for words in ("移交方", "接收方", "监交方", "原物业公司", "合计：4 套"):
        assert words in text, words


def test_the_handover_form_needs_a_handover(qtbot, tab, desk):
    tab.set_scope(Scope(desk[0].id))
    assert not tab.prints.handover.isEnabled() and "交接" in tab.prints.handover.toolTip()
    assert tab.prints.seal.isEnabled() and tab.print_button.isEnabled()
