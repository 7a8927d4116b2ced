"""房屋与业主: a project's units, owners and buildings — find as you type, add, edit, delete, unmask.

The units and owners tables are BrowseTabs over SQL-paged queries (20,000 units, 21,000 owners in
the large demo); phones and ID numbers arrive masked, and 显示完整信息 asks the service for one
owner in full (a supervisor's or admin's, audited before it is shown).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.browse import Scope
from models.browse_people import NO_BUILDING
from models.db import Database
from models.errors import DomainError
from models.services import people, units
from models.services.people import PERSONAL_DATA_ROLE, UNMASK, OwnerDetail
from models.services.units import BuildingRow, OwnershipRow, UnitDetail

from ..errors import show_error
from ..ops import PEOPLE, change, run_op
from ..table_model import RecordIdRole
from ..tabs.browse_tab import BrowseTab
from ..widgets.role_gate import gate
from ..widgets.screen_fit import fit_to_screen
from ..widgets.tables import RecordsModel, small_table
from . import users
from .people_forms import BuildingDialog, LinkOwnerDialog, OwnerDialog, UnitDialog

DETAIL_WIDTH = 310  # the right-hand pane of both pages
KEEP = object()  # set_buildings/refresh: the 楼栋 filter stays as it is


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no (tests replace users.confirm: a modal box would wait for a click)."""
    return users.confirm(parent, title, text)


def buttons_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class UnitsBrowser(BrowseTab):
    """The project's units; a building filter beside the text filter."""

    TABLE = "units"
    WIDTHS = {"number": 150, "building": 80, "area": 80, "use": 56, "occupancy": 70}
    STRETCH = "owners"

    def placeholder(self) -> str:
        return self.tr("输入房号、楼栋或业主姓名筛选")

    def _build(self) -> None:
        super()._build()
        self.building_combo = QComboBox(self)
        self.building_combo.currentIndexChanged.connect(self.on_building_chosen)
        top = self.filter_row
        top.insertWidget(2, QLabel(self.tr("楼栋："), self))
        top.insertWidget(3, self.building_combo)

    def set_buildings(self, buildings: list[BuildingRow], chosen: Any = KEEP) -> None:
        """The 楼栋 filter's choices; `chosen` (a building id, None for 全部) is shown, else the one
        shown now. Without a query: the caller reads the units once, with this filter."""
        if chosen is KEEP:
            chosen = self.building_combo.currentData()
        self.building_combo.blockSignals(True)
        self.building_combo.clear()
        self.building_combo.addItem(self.tr("全部"), None)
        for b in buildings:
            self.building_combo.addItem(b.name, b.id)
        self.building_combo.addItem(self.tr("未分楼栋"), NO_BUILDING)
        self.building_combo.setCurrentIndex(max(0, self.building_combo.findData(chosen)))
        self.building_combo.blockSignals(False)

    def on_building_chosen(self, _index: int) -> None:
        self.model.set_filters({"building": self.building_combo.currentData()})


class OwnersBrowser(BrowseTab):
    TABLE = "owners"
    WIDTHS = {"name": 120, "kind": 44, "units": 150, "mobile": 104, "other_phones": 104, "id_kind": 72,
              "id_number": 150}

    def placeholder(self) -> str:
        return self.tr("输入姓名、房号，或完整的电话/证件号码（或其后四位）筛选")


def select_record(browser: BrowseTab, record_id: int | None) -> None:
    """Select the row of `record_id` among the loaded rows (after a save refreshed the table)."""
    model = browser.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(RecordIdRole) == record_id:
            browser.table.selectRow(row)
            return


def current_id(browser: BrowseTab) -> int | None:
    index = browser.table.currentIndex()
    return browser.model.index(index.row(), 0).data(RecordIdRole) if index.isValid() else None


class UnitsPage(QWidget):
    """Units on the left, the selected unit's owners and occupants on the right."""

    edited = Signal()  # a unit, an owner or a link was saved or deleted

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None, background: bool = True) -> None:
        super().__init__(parent)
        self.db, self.project_id = db, project_id
        self.unit: UnitDetail | None = None
        self._select_after_load: int | None = None
        self.browser = UnitsBrowser(db, self, background=background)
        self.owners_model = RecordsModel([self.tr("姓名/名称"), self.tr("关系"), self.tr("联系电话")],
                                      lambda o: (o.name, o.relation.label, o.mobile), self)
        self.owners_view = small_table(self, self.owners_model)
        self.owners_view.doubleClicked.connect(lambda _i: self.on_edit_owner_clicked())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.browser)
        splitter.addWidget(self._owners_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.add_button, self.edit_button, self.delete_button = (
            QPushButton(self.tr("新增房屋…"), self), QPushButton(self.tr("修改房屋…"), self),
            QPushButton(self.tr("删除房屋"), self))
        self.add_building_button, self.edit_building_button, self.delete_building_button = (
            QPushButton(self.tr("新增楼栋…"), self), QPushButton(self.tr("修改楼栋…"), self),
            QPushButton(self.tr("删除楼栋"), self))
        for button in (self.edit_building_button, self.delete_building_button):
            button.setToolTip(self.tr("作用于上方“楼栋”筛选中选定的楼栋"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        row = buttons_row(self.add_button, self.edit_button, self.delete_button)
        for button in (self.add_building_button, self.edit_building_button, self.delete_building_button):
            row.addWidget(button)
        layout.addLayout(row)
        self._wire()
        self.show_unit(None)
        self.browser.set_buildings(units.list_buildings(db, project_id))
        self.browser.set_scope(Scope(project_id))  # loads when shown (a wizard page, a dialog's tab)

    def _owners_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("所选房屋的业主与使用人"), self)
        box.setMinimumWidth(DETAIL_WIDTH)
        header = self.owners_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_owner_button = QPushButton(self.tr("新建业主…"), box)
        self.link_button = QPushButton(self.tr("关联已有业主…"), box)
        self.edit_owner_button = QPushButton(self.tr("修改业主…"), box)
        self.unlink_button = QPushButton(self.tr("移除"), box)
        self.unlink_button.setToolTip(self.tr("从这套房屋移除此人（业主记录保留）"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.owners_view, 1)
        layout.addLayout(buttons_row(self.new_owner_button, self.link_button))
        layout.addLayout(buttons_row(self.edit_owner_button, self.unlink_button))
        return box

    def _wire(self) -> None:
        self.browser.table.selectionModel().currentRowChanged.connect(self.on_unit_changed)
        self.browser.model.modelReset.connect(self.on_unit_changed)
        self.browser.loaded.connect(self.on_units_loaded)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.browser.table.doubleClicked.connect(lambda _i: self.on_edit_clicked())
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.new_owner_button.clicked.connect(self.on_new_owner_clicked)
        self.link_button.clicked.connect(self.on_link_clicked)
        self.edit_owner_button.clicked.connect(self.on_edit_owner_clicked)
        self.unlink_button.clicked.connect(self.on_unlink_clicked)
        self.add_building_button.clicked.connect(self.on_add_building_clicked)
        self.edit_building_button.clicked.connect(self.on_edit_building_clicked)
        self.delete_building_button.clicked.connect(self.on_delete_building_clicked)
        self.browser.building_combo.currentIndexChanged.connect(self.on_building_filter_changed)

    # ---- showing -------------------------------------------------------------------------------

    def show_unit(self, unit: UnitDetail | None) -> None:
        self.unit = unit
        self.owners_model.set_records(list(unit.owners) if unit else [])
        for button in (self.edit_button, self.delete_button, self.new_owner_button, self.link_button):
            button.setEnabled(unit is not None)
        has_owner = bool(unit and unit.owners)
        self.edit_owner_button.setEnabled(has_owner)
        self.unlink_button.setEnabled(has_owner)

    def on_unit_changed(self, *_args: Any) -> None:
        unit_id = current_id(self.browser)
        try:
            self.show_unit(units.unit_detail(self.db, unit_id) if unit_id is not None else None)
        except DomainError as exc:
            show_error(exc, self)

    def on_units_loaded(self) -> None:
        if self._select_after_load is not None:
            select_record(self.browser, self._select_after_load)
            self._select_after_load = None

    def _edited(self, select_id: int | None = None) -> None:
        """A write of this page is in: tell the dialog, and read the list again."""
        self.edited.emit()
        self.refresh(select_id)

    def refresh(self, select_id: int | None = None, building: Any = KEEP) -> None:
        """Read the buildings and the units again (one query), `building` chosen in the 楼栋 filter."""
        self._select_after_load = select_id
        self.browser.set_buildings(units.list_buildings(self.db, self.project_id), building)
        self.on_building_filter_changed()
        self.browser.model.set_filters({"building": self.browser.building_combo.currentData()}, refresh=False)
        self.browser.model.refresh()

    # ---- buildings -----------------------------------------------------------------------------

    def chosen_building(self) -> BuildingRow | None:
        """The building chosen in the 楼栋 filter (None for 全部 / 未分楼栋)."""
        chosen = self.browser.building_combo.currentData()
        if not isinstance(chosen, int):
            return None
        return next((b for b in units.list_buildings(self.db, self.project_id) if b.id == chosen), None)

    def on_building_filter_changed(self, *_args: Any) -> None:
        one = isinstance(self.browser.building_combo.currentData(), int)
        self.edit_building_button.setEnabled(one)
        self.delete_building_button.setEnabled(one)

    def _building_saved(self, dialog: BuildingDialog) -> None:
        if dialog.exec():
            building: BuildingRow = dialog.result_value
            self.edited.emit()
            self.refresh(building=building.id)  # shows that building's units

    def on_add_building_clicked(self) -> None:
        self._building_saved(BuildingDialog(self.db, self.project_id, None, self))

    def on_edit_building_clicked(self) -> None:
        building = self.chosen_building()
        if building is not None:
            self._building_saved(BuildingDialog(self.db, self.project_id, building, self))

    def on_delete_building_clicked(self) -> None:
        building = self.chosen_building()
        if building is None or not confirm(self, self.tr("删除楼栋"),
                                           self.tr("删除楼栋“{n}”？").format(n=building.name)):
            return
        run_op(self, self.db, lambda db: units.delete_building(db, building.id, building.version),
               on_success=lambda _r: self._building_deleted(), what=change(PEOPLE, project_id=self.project_id))

    def _building_deleted(self) -> None:
        self.edited.emit()
        self.refresh(building=None)  # 全部

    def current_ownership(self) -> OwnershipRow | None:
        index = self.owners_view.currentIndex()
        if not index.isValid() and self.owners_model.rowCount() == 1:
            return self.owners_model.records[0]
        return index.data(RecordsModel.RecordRole) if index.isValid() else None

    # ---- units ---------------------------------------------------------------------------------

    def _saved(self, dialog: QDialog, select_id: Callable[[Any], int]) -> None:
        if dialog.exec():
            self.edited.emit()
            self.refresh(select_id(dialog.result_value))  # type: ignore[attr-defined]

    def on_add_clicked(self) -> None:
        buildings = units.list_buildings(self.db, self.project_id)
        dialog = UnitDialog(self.db, self.project_id, buildings, None, self)
        chosen = self.browser.building_combo.currentData()
        if isinstance(chosen, int):  # the building the clerk is looking at
            dialog.building_combo.setCurrentIndex(max(0, dialog.building_combo.findData(chosen)))
        self._saved(dialog, lambda u: u.id)

    def on_edit_clicked(self) -> None:
        if self.unit is not None:
            buildings = units.list_buildings(self.db, self.project_id)
            self._saved(UnitDialog(self.db, self.project_id, buildings, self.unit, self), lambda u: u.id)

    def on_delete_clicked(self) -> None:
        unit = self.unit
        if unit is None or not confirm(self, self.tr("删除房屋"), self.tr("删除房屋“{n}”？").format(n=unit.number)):
            return
        run_op(self, self.db, lambda db: units.delete_unit(db, unit.id, unit.version),
               on_success=lambda _r: self._edited(),
               what=change(PEOPLE, ids=[unit.id], project_id=self.project_id))

    # ---- the unit's owners ---------------------------------------------------------------------

    def _after_owner_change(self, dialog: QDialog) -> None:
        if dialog.exec() and self.unit is not None:
            self.edited.emit()
            self.refresh(self.unit.id)

    def on_new_owner_clicked(self) -> None:
        if self.unit is not None:
            self._after_owner_change(OwnerDialog(self.db, self.project_id, None, self.unit, self))

    def on_link_clicked(self) -> None:
        if self.unit is not None:
            self._after_owner_change(LinkOwnerDialog(self.db, self.project_id, self.unit, self,
                                                     background=self.browser.model._background))

    def on_edit_owner_clicked(self) -> None:
        link = self.current_ownership()
        if link is None:
            return
        try:
            owner = people.owner_detail(self.db, link.owner_id)
        except DomainError as exc:
            show_error(exc, self)
            return
        self._after_owner_change(OwnerDialog(self.db, self.project_id, owner, None, self))

    def on_unlink_clicked(self) -> None:
        link, unit = self.current_ownership(), self.unit
        if link is None or unit is None:
            return
        if not confirm(self, self.tr("移除"), self.tr("从房屋“{u}”移除{r}“{n}”？业主记录保留。").format(
                u=unit.number, r=link.relation.label, n=link.name)):
            return
        run_op(self, self.db, lambda db: people.unlink_owner(db, link.id, link.version),
               on_success=lambda _r: self._edited(unit.id),
               what=change(PEOPLE, ids=[unit.id], project_id=self.project_id))


class OwnersPage(QWidget):
    """The project's owners on the left; the chosen one on the right, masked, with 显示完整信息.

    显示完整信息 is a supervisor's or an administrator's (PERSONAL_DATA_ROLE): for a clerk the button
    is disabled and its tooltip says who may. It shows one owner in full (the service writes the
    audit row first); choosing another owner, or saving, shows the masked record again.
    """

    edited = Signal()

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None, background: bool = True) -> None:
        super().__init__(parent)
        self.db, self.project_id = db, project_id
        self.owner: OwnerDetail | None = None
        self._select_after_load: int | None = None
        self.browser = OwnersBrowser(db, self, background=background)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.browser)
        splitter.addWidget(self._detail_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.new_button = QPushButton(self.tr("新建业主…"), self)
        self.new_button.setToolTip(self.tr("新建一位暂不关联房屋的业主；关联房屋请在“房屋”页操作"))
        self.edit_button = QPushButton(self.tr("修改业主…"), self)
        self.delete_button = QPushButton(self.tr("删除业主"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons_row(self.new_button, self.edit_button, self.delete_button))
        self.browser.table.selectionModel().currentRowChanged.connect(self.on_owner_changed)
        self.browser.model.modelReset.connect(self.on_owner_changed)
        self.browser.loaded.connect(self.on_owners_loaded)
        self.browser.table.doubleClicked.connect(lambda _i: self.on_edit_clicked())
        self.unmask_button.clicked.connect(self.on_unmask_clicked)
        self.new_button.clicked.connect(self.on_new_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.show_owner(None)
        self.browser.set_scope(Scope(project_id))

    def _detail_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("所选业主"), self)
        box.setMinimumWidth(DETAIL_WIDTH)  # an 18-character ID number and the note fit unclipped
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (("name", self.tr("姓名/单位名称")), ("kind", self.tr("类型")),
                           ("id_kind", self.tr("证件类型")), ("id_number", self.tr("证件号码")),
                           ("mobile", self.tr("联系电话")), ("other_phones", self.tr("其他电话")),
                           ("units", self.tr("房屋"))):
            value = QLabel(box)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.masked_label = QLabel(box)
        self.masked_label.setWordWrap(True)
        self.unmask_button = QPushButton(self.tr("显示完整信息"), box)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.masked_label)
        layout.addLayout(buttons_row(self.unmask_button))
        layout.addStretch(1)
        return box

    # ---- showing -------------------------------------------------------------------------------

    def show_owner(self, owner: OwnerDetail | None) -> None:
        self.owner = owner
        texts = {"name": owner.name, "kind": self.tr("单位") if owner.is_company else self.tr("个人"),
                 "id_kind": owner.id_kind.label, "id_number": owner.id_number or "—", "mobile": owner.mobile or "—",
                 "other_phones": "、".join(owner.other_phones) or "—",
                 "units": "、".join(owner.units) or self.tr("（未关联房屋）")} if owner else {}
        for key, label in self.fields.items():
            label.setText(texts.get(key, ""))
        if owner is None:
            self.masked_label.setText("")
        elif owner.masked:
            self.masked_label.setText(self.tr("电话和证件号码已打码。"))
        else:
            self.masked_label.setText(self.tr("已显示完整信息，并记入操作日志。"))
            self.masked_label.setToolTip(self.tr("选择其他业主后恢复打码"))
        allowed = gate(self.unmask_button, self.db, PERSONAL_DATA_ROLE, UNMASK,
                       self.tr("显示此业主的完整电话和证件号码；每次查看都记入操作日志"))
        self.unmask_button.setEnabled(allowed and owner is not None and owner.masked)
        self.edit_button.setEnabled(owner is not None)
        self.delete_button.setEnabled(owner is not None)

    def on_owner_changed(self, *_args: Any) -> None:
        owner_id = current_id(self.browser)
        try:
            self.show_owner(people.owner_detail(self.db, owner_id) if owner_id is not None else None)
        except DomainError as exc:
            show_error(exc, self)

    def on_owners_loaded(self) -> None:
        if self._select_after_load is not None:
            select_record(self.browser, self._select_after_load)
            self._select_after_load = None

    def _edited(self, select_id: int | None = None) -> None:
        """A write of this page is in: tell the dialog, and read the list again."""
        self.edited.emit()
        self.refresh(select_id)

    def refresh(self, select_id: int | None = None) -> None:
        self._select_after_load = select_id
        self.browser.model.refresh()

    def on_unmask_clicked(self) -> None:
        if self.owner is None:
            return
        owner_id = self.owner.id  # its audit row is a write: in the writer thread
        run_op(self, self.db, lambda db: people.unmask_owner(db, owner_id), on_success=self.show_owner,
               busy=[self.unmask_button])

    # ---- editing -------------------------------------------------------------------------------

    def _saved(self, dialog: OwnerDialog) -> None:
        if dialog.exec():
            self.edited.emit()
            self.refresh(dialog.result_value.id)

    def on_new_clicked(self) -> None:
        self._saved(OwnerDialog(self.db, self.project_id, None, None, self))

    def on_edit_clicked(self) -> None:
        if self.owner is None:
            return
        try:
            owner = people.owner_detail(self.db, self.owner.id)  # masked: the form never shows more
        except DomainError as exc:
            show_error(exc, self)
            return
        self._saved(OwnerDialog(self.db, self.project_id, owner, None, self))

    def on_delete_clicked(self) -> None:
        owner = self.owner
        if owner is None or not confirm(self, self.tr("删除业主"), self.tr("删除业主“{n}”？").format(n=owner.name)):
            return
        run_op(self, self.db, lambda db: people.delete_owner(db, owner.id, owner.version),
               on_success=lambda _r: self._edited(),
               what=change(PEOPLE, project_id=self.project_id))


class UnitsOwnersDialog(QDialog):
    """项目 → 楼栋、房屋与业主…: the 房屋 page (buildings and units, each unit's owners) and the 业主 page."""

    edited = Signal()  # something was saved in it (each save announced itself through gui/ops.py)

    def __init__(self, db: Database, project_id: int, project_name: str = "", parent: QWidget | None = None,
                 background: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("楼栋、房屋与业主") + (f" — {project_name}" if project_name else ""))
        self.changed = False
        self.units_page = UnitsPage(db, project_id, self, background=background)
        self.owners_page = OwnersPage(db, project_id, self, background=background)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.units_page, self.tr("楼栋与房屋"))
        self.tabs.addTab(self.owners_page, self.tr("业主"))
        self.units_page.edited.connect(self._on_edited)
        self.owners_page.edited.connect(self._on_edited)
        self.units_page.edited.connect(self.owners_page.refresh)
        self.owners_page.edited.connect(lambda: self.units_page.refresh(self.units_page.unit.id
                                                                        if self.units_page.unit else None))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1180, 700)

    def _on_edited(self) -> None:
        self.changed = True
        self.edited.emit()
