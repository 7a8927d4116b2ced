"""Projects and people in the real widgets (issue 12 point 2): a project made from the 项目 menu shows
in the main window's selector; a building, a unit and its owner added through their dialogs; the owner
masked in the list and the form; a supervisor unmasks one owner and the audit log says so; a clerk
finds the button disabled with a tooltip saying who may."""
from __future__ import annotations

import os

import pytest
from gui_helpers import answer_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from gui.app import register_font
from gui.dialogs import units_owners
from gui.dialogs.people_forms import BuildingDialog, OwnerDialog, UnitDialog
from gui.dialogs.projects import ProjectDialog
from gui.dialogs.units_owners import UnitsOwnersDialog, UnitsPage
from gui.main_window import MainWindow
from gui.widgets.screen_fit import screen_of
from models.audit import AuditLog
from models.db import UserRef
from models.people import IdKind, Relation
from models.project import Occupancy, ProjectKind
from models.services import people, projects, units
from models.services.people import OwnerForm
from models.services.projects import ProjectForm
from models.services.units import UnitForm
from tests.gui_helpers import ok_and_wait, writes_done

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes", "chinese_font")]

SHOTS = os.environ.get("HANDOVERDESK_SHOTS", "")  # a folder: the dialogs are saved there as PNG
ID_CARD = "11010519491231002X"


@pytest.fixture(scope="session")
def chinese_font(qapp):
    return register_font(qapp)  # as the app does: screenshots show Chinese, not boxes


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # the layout settles as it would on screen
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def cells(browser, column: int) -> list[str]:
    model = browser.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def select_row(browser, text: str) -> None:
    row = cells(browser, 0).index(text)
    browser.table.setCurrentIndex(browser.model.index(row, 0))


def test_a_project_made_from_the_menu_shows_in_the_selector(qtbot, sqlite_db):
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert window.project_combo.count() == 0

    def fill(dialog):
        assert isinstance(dialog, ProjectDialog)
        dialog.code_edit.setText("CHY")
        ok_and_wait(dialog)  # no name: refused, the dialog stays open
        assert "「项目名称」" in dialog.error_label.text() and dialog.isVisible()
        dialog.name_edit.setText("翠湖园")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ProjectKind.MIXED.value))
        dialog.address_edit.setText("某市某区湖滨路 88 号")
        dialog.company_edit.setText("某某物业服务有限公司")
        shot(dialog, "project_dialog")
        ok_and_wait(dialog)
    answer_dialog(window.new_project_action.trigger, fill)
    assert window.project_combo.currentText() == "翠湖园（CHY）"
    assert window.current_project().kind is ProjectKind.MIXED

    projects.create_project(sqlite_db, ProjectForm("JHC", "金湖城"))

    def rename(dialog):
        assert dialog.code_edit.text() == "CHY" and dialog.name_edit.text() == "翠湖园"
        dialog.code_edit.setText("JHC")
        ok_and_wait(dialog)  # the code of the other project: refused, naming the field
        assert "「项目编码」" in dialog.error_label.text()
        dialog.code_edit.setText("CHY")
        dialog.name_edit.setText("翠湖园一期")
        ok_and_wait(dialog)
    answer_dialog(window.edit_project_action.trigger, rename)
    assert [window.project_combo.itemText(i) for i in range(window.project_combo.count())] == [
        "翠湖园一期（CHY）", "金湖城（JHC）"]
    assert window.project_combo.currentText() == "翠湖园一期（CHY）"

    def close(dialog):
        assert isinstance(dialog, UnitsOwnersDialog) and "翠湖园一期" in dialog.windowTitle()
        available = screen_of(dialog).availableGeometry()
        assert dialog.width() <= available.width() and dialog.height() <= available.height()
        dialog.reject()

    answer_dialog(window.units_owners_action.trigger, close)


def test_building_unit_and_owner_through_the_dialogs_masked_then_unmasked(qtbot, sqlite_db, monkeypatch):
    db = sqlite_db
    db.user = UserRef(None, "li", "李主管", "supervisor")
    project = projects.create_project(db, ProjectForm("CHY", "翠湖园"))
    dialog = UnitsOwnersDialog(db, project.id, project.name, background=False)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.units_page
    assert isinstance(page, UnitsPage) and page.browser.model.rowCount() == 0

    def building(d):
        assert isinstance(d, BuildingDialog)
        d.name_edit.setText("3栋")
        shot(d, "building_dialog")
        ok_and_wait(d)
    answer_dialog(page.add_building_button.click, building)
    assert [b.name for b in units.list_buildings(db, project.id)] == ["3栋"]
    assert page.browser.building_combo.currentText() == "3栋" and page.edit_building_button.isEnabled()

    def unit(d):
        assert isinstance(d, UnitDialog)
        qtbot.keyClicks(d.number_edit, "3-2-1201")
        assert d.parts_label.text() == "楼栋 3栋 · 2单元 · 12层"
        d.area_edit.setText("abc")
        ok_and_wait(d)
        assert "「建筑面积」" in d.error_label.text()
        d.area_edit.setText("89.50")
        d.occupancy_combo.setCurrentIndex(d.occupancy_combo.findData(Occupancy.OCCUPIED.value))
        shot(d, "unit_dialog")
        ok_and_wait(d)
    answer_dialog(page.add_button.click, unit)
    assert cells(page.browser, 0) == ["3-2-1201"] and cells(page.browser, 1) == ["3栋"]
    assert page.unit is not None and page.unit.number == "3-2-1201"  # the new unit is selected

    def owner(d):
        assert isinstance(d, OwnerDialog) and "3-2-1201" in d.windowTitle()
        d.name_edit.setText("张三")
        d.id_edit.setText("110105194912310021")
        d.mobile_edit.setText("13800138000")
        d.others_edit.setText("010-62345678、13900139000")
        ok_and_wait(d)
        assert "「证件号码」" in d.error_label.text() and "校验码" in d.error_label.text()
        d.id_edit.setText(ID_CARD)
        shot(d, "owner_dialog")
        ok_and_wait(d)
    answer_dialog(page.new_owner_button.click, owner)
    assert [(o.name, o.mobile) for o in page.owners_model.records] == [("张三", "138****8000")]
    assert cells(page.browser, 7) == ["张三"]

    def company(d):  # a co-owner that is a company, its 统一社会信用代码 offered with 单位
        d.kind_combo.setCurrentIndex(1)
        assert d.id_kind_combo.currentData() == IdKind.CREDIT_CODE.value
        d.name_edit.setText("某某贸易有限公司")
        d.id_edit.setText("91350100M000100Y43")
        d.mobile_edit.setText("0591-87654321")
        ok_and_wait(d)
    answer_dialog(page.new_owner_button.click, company)
    assert [o.name for o in page.owners_model.records] == ["张三", "某某贸易有限公司"]
    shot(dialog, "units_page")

    owners_page = dialog.owners_page
    dialog.tabs.setCurrentWidget(owners_page)
    assert sorted(cells(owners_page.browser, 0)) == sorted(["张三", "某某贸易有限公司"])
    select_row(owners_page.browser, "张三")
    row = cells(owners_page.browser, 0).index("张三")
    shown = [owners_page.browser.model.index(row, c).data() for c in range(7)]
    assert shown[3:] == ["138****8000", "010-****5678、139****9000", "身份证", "1101**********002X"]
    assert owners_page.fields["id_number"].text() == "1101**********002X"
    assert owners_page.fields["mobile"].text() == "138****8000"
    assert owners_page.unmask_button.isEnabled()

    def masked_form(d):  # the edit form shows the record masked as well
        assert (d.id_edit.text(), d.mobile_edit.text()) == ("1101**********002X", "138****8000")
        shot(d, "owner_edit_dialog")
        d.reject()

    answer_dialog(owners_page.edit_button.click, masked_form)
    shot(dialog, "owners_page")

    qtbot.mouseClick(owners_page.unmask_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)  # its audit row is written first, in the writer thread
    assert owners_page.fields["id_number"].text() == ID_CARD
    assert owners_page.fields["mobile"].text() == "13800138000"
    assert owners_page.fields["other_phones"].text() == "010-62345678、13900139000"
    assert not owners_page.unmask_button.isEnabled()  # one record at a time: it is shown already
    shot(dialog, "owners_page_unmasked")
    with db.read() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "unmask")).all()
        assert [(a.username, a.table_name, a.record_id) for a in audit] == [
            ("li", "owners", owners_page.owner.id)]

    select_row(owners_page.browser, "某某贸易有限公司")  # another owner: masked again
    assert owners_page.fields["id_number"].text() == "9135**********0Y43"
    select_row(owners_page.browser, "张三")
    assert owners_page.fields["id_number"].text() == "1101**********002X"
    assert dialog.changed


def test_a_clerk_sees_the_unmask_button_disabled_with_who_may(qtbot, sqlite_db):
    db = sqlite_db
    project = projects.create_project(db, ProjectForm("CHY", "翠湖园"))
    unit = units.save_unit(db, project.id, None, 0, UnitForm("1-1-101"))
    people.save_owner(db, project.id, None, 0, OwnerForm("张三", id_number=ID_CARD, mobile="13800138000"),
                      unit_id=unit.id)
    db.user = UserRef(None, "wang", "王文员", "clerk")
    page = units_owners.OwnersPage(db, project.id, background=False)
    qtbot.addWidget(page)
    page.show()
    select_row(page.browser, "张三")
    assert page.fields["mobile"].text() == "138****8000"
    assert not page.unmask_button.isEnabled()
    assert page.unmask_button.toolTip() == "仅主管或管理员可以查看业主完整信息"
    with db.read() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "unmask")).all() == []


def test_units_page_embeds_alone_and_deletes_with_confirmation(qtbot, sqlite_db, monkeypatch):
    db = sqlite_db
    project = projects.create_project(db, ProjectForm("CHY", "翠湖园"))
    units.save_unit(db, project.id, None, 0, UnitForm("1栋1单元101"))
    page = UnitsPage(db, project.id, None, background=False)  # as a first-start wizard page would
    qtbot.addWidget(page)
    page.show()
    assert cells(page.browser, 0) == ["1栋1单元101"]
    select_row(page.browser, "1栋1单元101")
    assert page.unit.entrance == "1" and page.unit.floor == "1"

    def same_room(d):
        d.number_edit.setText("1-1-101")
        ok_and_wait(d)
        assert "同一套房屋" in d.error_label.text()
        d.reject()

    answer_dialog(page.add_button.click, same_room)
    monkeypatch.setattr(units_owners, "confirm", lambda *_a: True)
    with qtbot.waitSignal(page.edited):
        page.delete_button.click()
    assert cells(page.browser, 0) == []


def test_an_existing_owner_linked_as_co_owner_of_a_second_unit(qtbot, sqlite_db):
    db = sqlite_db
    project = projects.create_project(db, ProjectForm("CHY", "翠湖园"))
    first = units.save_unit(db, project.id, None, 0, UnitForm("1-1-101"))
    units.save_unit(db, project.id, None, 0, UnitForm("1-1-102"))
    people.save_owner(db, project.id, None, 0, OwnerForm("张三", mobile="13800138000"), unit_id=first.id)
    people.save_owner(db, project.id, None, 0, OwnerForm("李四", mobile="13900139000"))
    page = UnitsPage(db, project.id, None, background=False)
    qtbot.addWidget(page)
    page.show()
    select_row(page.browser, "1-1-102")

    def link(d):
        d.filter_edit.setText("李四")
        d.model.set_filter("李四")
        assert [d.model.index(r, 0).data() for r in range(d.model.rowCount())] == ["李四"]
        assert d.model.index(0, 3).data() == "139****9000"  # masked in the finder as well
        ok_and_wait(d)
        assert "请先在表中选择" in d.error_label.text()
        d.table.selectRow(0)
        d.relation_combo.setCurrentIndex(d.relation_combo.findData(Relation.OCCUPANT.value))
        shot(d, "link_owner_dialog")
        ok_and_wait(d)
    answer_dialog(page.link_button.click, link)
    assert [(o.name, o.relation) for o in page.owners_model.records] == [("李四", Relation.OCCUPANT)]
    select_row(page.browser, "1-1-101")

    def co_owner(d):
        d.model.set_filter("李四")
        d.table.selectRow(0)
        ok_and_wait(d)
    answer_dialog(page.link_button.click, co_owner)
    assert [(o.name, o.relation) for o in page.owners_model.records] == [("张三", Relation.OWNER), ("李四", Relation.OWNER)]
    assert cells(page.browser, 7)[cells(page.browser, 0).index("1-1-101")] == "张三、李四"
