"""The English UI (issue 14 point 4): with handoverdesk_en.qm loaded, no Chinese anywhere a clerk looks.

The database's own data is in Latin letters (projects, buildings, units, owners, lists, defects, keys,
fee items, ledgers), so every CJK character seen is ours: a text not yet translatable, or not yet
translated in resources/i18n/handoverdesk_en.ts. The main window is walked on every tab and sub-tab,
with its menus, and so is every dialog class under gui/ (built as tests/screen_fit_worker.py builds
them, with Latin arguments where that table passes Chinese ones). The failure lists each CJK text with
the widget it was found on.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from models.db import Database

# Ideographs, kana, CJK punctuation and full-width forms; the ideographic space alone is let pass.
CJK = re.compile(r"[\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffee]")
ROWS = 60  # table rows read per view: the first rows show every column's kind of text
NOW = dt.datetime(2026, 7, 2, 10, 0)
# The language list names each language in itself: 中文 stays 中文 in English.
ALLOWED = {("language_combo", "中文")}


# ---- an office whose data is all Latin -------------------------------------------------------------

def latin_office(db: Database) -> tuple[int, int]:
    """A project with buildings, units and owners, a takeover with a list, defects, keys and both
    ledgers, made through the services (the ledger lines as an import would leave them)."""
    from models.defect import DEFECT_CATEGORIES, RESPONSIBLE_PARTIES, SEVERITIES
    from models.fees import LedgerLine
    from models.handover import HandoverKind
    from models.services import (
        checklists,
        defect_register,
        fee_items,
        handovers,
        key_custody,
        office,
        people,
        projects,
        reconcile,
        units,
    )

    office.set_office(db, "Acme Property Management", "88 Lake Road")
    project = projects.add_project(db, "LKV", "Lakeview Gardens", address="1 Lakeview Road")
    buildings = [units.save_building(db, project.id, None, 0, b) for b in "AB"]
    unit_ids, owner_ids = [], []
    for i in range(6):
        form = units.UnitForm(number=f"{'AB'[i % 2]}-{101 + i}", building_id=buildings[i % 2].id,
                              area=str(Decimal("89.50") + i))
        unit = units.save_unit(db, project.id, None, 0, form)
        owner = people.save_owner(db, project.id, None, 0,
                                  people.OwnerForm(name=f"Owner {chr(65 + i)}", mobile=f"1380013800{i}"),
                                  unit_id=unit.id)
        unit_ids.append(unit.id)
        owner_ids.append(owner.id)
    handover = handovers.create_handover(db, project.id, HandoverKind.TAKEOVER.value, "Old Property Co",
                                         "Acme Property Management", dt.date(2026, 6, 30),
                                         witness="Owners committee")
    hid = handover.id
    listed = checklists.create_list(db, hid, "Documents")
    for i, name in enumerate(("Site plan", "As-built drawings", "Pump manual")):
        item = checklists.add_item(db, listed.id, category="Drawings", name=name, uom="set", expected_qty=2)
        if i == 0:
            checklists.mark_received_as_expected(db, item.id, item.version)
    for i, text in enumerate(("Door phone broken", "Cracked tiles", "Hydrant dry")):
        defect_register.record_new(db, project.id, category=DEFECT_CATEGORIES[i % len(DEFECT_CATEGORIES)],
                                   severity=SEVERITIES[i % len(SEVERITIES)],
                                   responsible=RESPONSIBLE_PARTIES[i % len(RESPONSIBLE_PARTIES)], description=text,
                                   handover_id=hid, unit_id=unit_ids[i] if i % 2 else None,
                                   location="" if i % 2 else "Car park", found_at=NOW - dt.timedelta(days=3 - i),
                                   found_by="Inspector")
    for i, unit_id in enumerate(unit_ids[:4]):
        key_custody.receive_key(db, project.id, tag=f"K-LKV-{101 + i}-A", unit_id=unit_id, opens="Front door",
                                count=2, cabinet="A", slot=f"{i + 1:02d}", handover_id=hid, person="John Old",
                                at=NOW - dt.timedelta(days=2))
    fee = fee_items.add_fee_item(db, project.id, code="MGMT", name="Management fee", basis="per_m2_month")
    water = fee_items.add_fee_item(db, project.id, code="WATER", name="Water", basis="per_m2_month")
    deposit = fee_items.add_fee_item(db, project.id, code="DEP", name="Renovation deposit", basis="per_m2_month",
                                     is_deposit=True)
    with db.begin() as s:
        for i, unit_id in enumerate(unit_ids):
            for m in range(1, 5):
                billed = Decimal("268.50") + i
                for source in ("ours", "theirs"):
                    paid = billed if (i + m + (source == "ours")) % 3 else Decimal("0.00")
                    s.add(LedgerLine(handover_id=hid, source=source, unit_id=unit_id,
                                     fee_item_id=(fee if m % 2 else water).id, owner_name=f"Owner {chr(65 + i)}",
                                     period_start=dt.date(2026, m, 1), period_end=dt.date(2026, m, 28),
                                     billed=billed, paid=paid))
        s.add(LedgerLine(handover_id=hid, source="theirs", unit_id=unit_ids[0], fee_item_id=deposit.id,
                         owner_name="Owner A", period_start=dt.date(2026, 3, 1), period_end=dt.date(2026, 3, 1),
                         billed=Decimal("2000.00"), paid=Decimal("2000.00"), paid_on=dt.date(2026, 3, 1)))
    reconcile.reconcile(db, hid)
    return project.id, hid


# ---- what a clerk reads ---------------------------------------------------------------------------

def _path(widget: QWidget) -> str:
    parts = []
    while widget is not None:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def _shown(widget: QWidget, top: QWidget) -> bool:
    """Not hidden on purpose: the pages of a tab or stacked widget count although one shows at a time."""
    w = widget
    while w is not None and w is not top:
        if w.isHidden() and not isinstance(w.parentWidget(), QStackedWidget):
            return False
        w = w.parentWidget()
    return True


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: its columnCount is private in C++, and one
        return 1


def _children(model: QAbstractItemModel, index: QModelIndex) -> int:
    try:
        return model.rowCount(index)
    except TypeError:
        return 0


def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0) -> Iterator[str]:
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical) if depth == 0 else ():
        count = _columns(model, parent) if orientation == Qt.Orientation.Horizontal else min(model.rowCount(), ROWS)
        for section in range(count):
            yield str(model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole) or "")
            yield str(model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole) or "")
    for row in range(min(model.rowCount(parent), ROWS)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and depth < 3 and _children(model, index) > 0:
                yield from _model_texts(model, index, depth + 1)


def _menu_texts(actions, where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        yield f"{where}/action", action.text()
        yield f"{where}/action tooltip", action.toolTip()
        yield f"{where}/action status tip", action.statusTip()
        if action.menu() is not None:
            menu = action.menu()
            yield f"{where}/menu", menu.title()
            yield from _menu_texts(menu.actions(), f"{where}/{menu.title()}")


def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text a user can see or hover over in `top`."""
    yield _path(top) + " [title]", top.windowTitle()
    if isinstance(top, QMainWindow):
        yield from _menu_texts(top.menuBar().actions(), _path(top) + "/menubar")
        yield _path(top) + "/statusbar", top.statusBar().currentMessage()
    for w in [top, *top.findChildren(QWidget)]:
        if not _shown(w, top):
            continue
        where = _path(w)
        yield where + " [tooltip]", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} [tab {i}]", w.tabText(i)
                yield f"{where} [tab {i} tooltip]", w.tabToolTip(i)
        elif isinstance(w, QLineEdit):
            yield where + " [placeholder]", w.placeholderText()
            yield where, w.text()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            yield where + " [placeholder]", w.placeholderText()
            yield where, w.toPlainText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where} [item {i}]", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            yield where, w.text()
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            for text in _model_texts(w.model()):
                yield where + " [model]", text
        elif isinstance(w, QMenu):
            yield from _menu_texts(w.actions(), where)
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                page = w.page(page_id)
                yield f"{where} [page {page_id} title]", page.title()
                yield f"{where} [page {page_id} subtitle]", page.subTitle()
        for action in w.actions() if not isinstance(w, QMenu) else ():
            yield where + " [action]", action.text()
            yield where + " [action tooltip]", action.toolTip()


def chinese_in(top: QWidget) -> list[str]:
    found = []
    for where, text in widget_texts(top):
        if text and CJK.search(text) and not any(where.endswith(name) or f"/{name} " in where
                                                 for name, allowed in ALLOWED if text == allowed):
            found.append(f"{where}: {text[:120]!r}")
    return found


# ---- the test ------------------------------------------------------------------------------------

@pytest.fixture
def english(qapp):
    """The app as an English PC starts it; Chinese again afterwards for the other tests."""
    from gui.app import setup_application
    from models import i18n

    # setup_application also sets the app's font and display name; later tests size windows in the
    # font they started with (a 700 px main window), so both come back as they were.
    font, display_name = qapp.font(), qapp.applicationDisplayName()
    app = setup_application(language="en")
    assert i18n.language() == "en"
    yield app
    setup_application(language="zh")
    assert i18n.language() == "zh"
    app.setFont(font)
    app.setApplicationDisplayName(display_name)


def _settle(app: QApplication, rounds: int = 10) -> None:
    import time
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def _latin_constructors(ctx, tmp: Path) -> dict:
    """screen_fit_worker's table, with the entries that pass Chinese arguments given Latin ones."""
    import importlib

    from tests.screen_fit_worker import _construct_table

    def mod(name):
        return importlib.import_module(name)

    ho, df, ky = mod("gui.tabs.handover.dialogs"), mod("gui.tabs.defects.dialogs"), mod("gui.tabs.keys.dialogs")

    def preview(c):
        from gui.print_preview import PrintPreviewDialog, render_previews
        from reports import print_commands
        pdf = tmp / "list.pdf"
        print_commands.print_handover_list(c.db, c.hid, pdf, list_id=c.summary.id)
        previews, pages = render_previews(pdf)
        return PrintPreviewDialog(pdf, previews, pages, "Handover list")

    def value_mapping(c):
        from models.imports.roster import VALUE_CHOICES
        from models.imports.value_map import UnknownValues
        unknown = (UnknownValues("use", "Use", ("110", "120"), (12, 12), VALUE_CHOICES["use"][1]),)
        return mod("gui.dialogs.value_mapping").ValueMappingDialog(unknown, {}, VALUE_CHOICES)

    def package_check(c):
        from reports.package.verify import MISSING, Problem, VerifyResult
        missing = Problem(MISSING, "lists/list-1.pdf", 'Missing file: "lists/list-1.pdf" is in the index but not in the zip.')
        return mod("gui.dialogs.package_check").PackageCheckDialog(VerifyResult(tmp / "package.zip", 12, (missing,)))

    table = _construct_table()
    table.update({
        "gui.dialogs.package_check.PackageCheckDialog": package_check,
        "gui.print_preview.PrintPreviewDialog": preview,
        "gui.widgets.photo_strip.PhotoViewer": lambda c: mod("gui.widgets.photo_strip").PhotoViewer(
            c.photo(), "Photo 1"),
        "gui.tabs.handover.dialogs.DefectDialog": lambda c: ho.DefectDialog(c.db, c.items[-1], "Missing", "Old Co"),
        "gui.tabs.defects.dialogs.NoteDialog": lambda c: df.NoteDialog("Note", "Text", lambda text: None, True),
        "gui.tabs.keys.printing.CabinetDialog": lambda c: mod("gui.tabs.keys.printing").CabinetDialog(["A", "B"]),
        "gui.tabs.keys.dialogs.IssueDialog": lambda c: ky.IssueDialog(c.db, c.key, [(c.owner_id, "Owner A")], NOW),
        "gui.tabs.keys.dialogs.StepDialog": lambda c: ky.StepDialog(c.db, "Seal", "Seal no.:", lambda db, t: None),
        "gui.dialogs.value_mapping.ValueMappingDialog": value_mapping,
        "gui.dialogs.roster_import.RosterImportDialog": lambda c: mod("gui.dialogs.roster_import").RosterImportDialog(
            c.db, c.pid),
        "gui.dialogs.checklist_import.ChecklistImportDialog": lambda c: mod(
            "gui.dialogs.checklist_import").ChecklistImportDialog(c.db, c.hid),
        "gui.dialogs.units_owners.UnitsOwnersDialog": lambda c: mod("gui.dialogs.units_owners").UnitsOwnersDialog(
            c.db, c.pid, "Lakeview Gardens", background=False),
        "gui.dialogs.backups.DamagedDialog": lambda c: mod("gui.dialogs.backups").DamagedDialog(
            "database disk image is malformed", c.backup()),
        "gui.dialogs.settings.SettingsDialog": lambda c: mod("gui.dialogs.settings").SettingsDialog(
            c.db, QSettings(str(tmp / "pc.ini"), QSettings.Format.IniFormat)),
    })
    return table


def test_no_chinese_in_the_english_ui(english, qtbot, tmp_path):
    from gui.main_window import TAB_KEYS, MainWindow
    from models.services import auth
    from tests.screen_fit_worker import Ctx, dialog_classes

    db = Database.open(str(tmp_path / "lakeview.sqlite"))
    auth.create_first_admin(db, "admin", "Ann Admin", "secret-1")
    auth.login(db, "admin", "secret-1")
    latin_office(db)
    found: list[str] = []

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _settle(english)
    for key in TAB_KEYS:
        window.show_tab(key)
        tab = window.tabs[key]
        for sub in getattr(tab, "SUBTABS", ()) or (None,):
            if sub is not None:
                tab.show_subtab(sub)
            qtbot.waitUntil(lambda tab=tab: not hasattr(tab, "is_loaded") or tab.is_loaded(), timeout=30000)
            _settle(english)
            found += chinese_in(window)  # the menus and the toolbar once, each page where it shows

    ctx = Ctx(db, window.current_scope(), tmp_path)
    ctx.backup()  # the restore dialog lists it (beside the database, in tmp_path)
    table = _latin_constructors(ctx, tmp_path)
    missing = sorted(set(dialog_classes()) - set(table))
    for name in sorted(set(dialog_classes()) & set(table)):
        dialog = table[name](ctx)
        dialog.show()
        _settle(english, 3)
        found += [f"[{name}] {line}" for line in chinese_in(dialog)]
        dialog.close()
        dialog.deleteLater()
    window.close()
    db.dispose()
    assert not missing, f"dialogs without a constructor in tests/screen_fit_worker.py: {missing}"
    seen = list(dict.fromkeys(found))  # in the order found, each once
    if seen:
        pytest.fail(f"{len(seen)} Chinese texts in the English UI:\n" + "\n".join(seen), pytrace=False)


def test_an_english_desk_stores_a_listed_key_condition_as_the_shared_word(english, qtbot, sqlite_db):
    """归还 and 借出 on an English desk: the condition and department show in English, the record keeps the word every desk and
    the printed key log share; a condition typed in is kept as typed."""
    import datetime as dt

    from gui.tabs.keys.dialogs import LendDialog, ReturnDialog
    from models.keys import KeyEventKind, KeyStatus, LendReason
    from models.queries.key_forms import latest_event
    from models.services import key_custody as kc
    from models.services import projects
    from tests.key_accounts import approval, supervisor

    project = projects.add_project(sqlite_db, "CHY", "Green Lake")
    key = kc.receive_key(sqlite_db, project.id, tag="K-1", opens="Pump room")
    morning = dt.datetime(2026, 7, 1, 9, 0)
    lent = kc.lend(sqlite_db, key.id, borrower="Zhang", department="Works", reason="维修", at=morning,
                   **approval(supervisor(sqlite_db)))
    dialog = ReturnDialog(sqlite_db, lent, morning)
    qtbot.addWidget(dialog)
    assert not CJK.search(dialog.condition.itemText(0))
    assert dialog._condition() == "完好"
    dialog.condition.setCurrentIndex(1)
    assert dialog._condition() == "损坏"
    dialog.condition.setEditText("scratched")
    assert dialog._condition() == "scratched"

    # 借出 likewise: the suggested department is saved (and remembered) as the shared word
    lend = LendDialog(sqlite_db, kc.return_key(sqlite_db, key.id, returned_by="Zhang", at=morning), morning)
    qtbot.addWidget(lend)
    assert not CJK.search(lend.department.currentText())
    assert lend.remembered()["department"] == "工程部"
    lend.department.setEditText("Night shift")
    assert lend.remembered()["department"] == "Night shift"
    again = LendDialog(sqlite_db, lend.key, morning, {"department": "保洁部"})
    qtbot.addWidget(again)
    assert again.department.currentIndex() == 1 and not CJK.search(again.department.currentText())

    # the reason: English words on the combo, the code in the loan and in what the next loan starts with
    assert [lend.reason.itemText(i) for i in range(lend.reason.count())] == ["Inspection", "Cleaning", "Repair", "Other"]
    lend.reason.setCurrentIndex(lend.reason.findData(LendReason.CLEAN))
    assert lend.chosen_reason() is LendReason.CLEAN and lend.remembered()["reason"] == "clean"
    remembered = LendDialog(sqlite_db, lend.key, morning, lend.remembered())
    qtbot.addWidget(remembered)
    assert remembered.reason.currentText() == "Cleaning"
    assert kc.lend(sqlite_db, key.id, borrower="Zhang", department="Works", reason=remembered.chosen_reason(),
                   at=morning, **approval()).status is KeyStatus.LENT
    loan = latest_event(sqlite_db, key.id, KeyEventKind.LEND)
    assert loan is not None and loan.reason is LendReason.CLEAN and "事由：Cleaning" in loan.details  # the history: desk language
