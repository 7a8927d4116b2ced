"""The forms of the 房屋与业主 dialog: a building, a unit, an owner, and linking an existing owner."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QWidget

from models.browse import Scope
from models.browse_people import OWNERS
from models.db import Database
from models.labels import Coded
from models.people import ID_KINDS, IdKind
from models.project import OCCUPANCIES, UNIT_USES
from models.rules.identity import CREDIT_CODE
from models.rules.unit_number import parse_unit_number
from models.services import people, units
from models.services.people import OwnerDetail, OwnerForm
from models.services.units import BuildingRow, UnitDetail, UnitForm

from ..ops import PEOPLE, Change, Op, change
from ..table_model import BrowseModel, RecordIdRole
from ..widgets.screen_fit import fit_to_screen
from .base_dialog import ServiceDialog

FILTER_DELAY_MS = 200


class AnnouncesPeople:
    """Mixed into the forms below (not a dialog of its own): a save of a building, a unit or an
    owner is announced once (gui/ops.py); the main window's tabs reload from it, while the
    房屋与业主 dialog has read its own lists again already."""

    project_id: int

    def announces(self, result: Any) -> Change:
        return change(PEOPLE, project_id=self.project_id)


class BuildingDialog(AnnouncesPeople, ServiceDialog):
    """A building's name and its place in the lists (排序: smaller first; empty = after the last)."""

    def __init__(self, db: Database, project_id: int, building: BuildingRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增楼栋") if building is None else self.tr("修改楼栋"), parent)
        self.db, self.project_id, self.building = db, project_id, building
        self.name_edit = QLineEdit(building.name if building else "", self, placeholderText=self.tr("如 3栋、B座"))
        self.sort_edit = QLineEdit(str(building.sort_no) if building else "", self,
                                   placeholderText=self.tr("留空：排在最后"))
        self.form.addRow(self.tr("楼栋名称"), self.name_edit)
        self.form.addRow(self.tr("排序"), self.sort_edit)
        self.finish_layout()
        fit_to_screen(self, 380, self.sizeHint().height())

    def operation(self) -> Op:
        b, project_id, name, sort = self.building, self.project_id, self.name_edit.text(), self.sort_edit.text()
        return lambda db: units.save_building(db, project_id, b.id if b else None, b.version if b else 0, name, sort)


class UnitDialog(AnnouncesPeople, ServiceDialog):
    """A unit: its number as people write it (the 单元 and floor are read from it), building, area, use."""

    def __init__(self, db: Database, project_id: int, buildings: list[BuildingRow], unit: UnitDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增房屋") if unit is None else self.tr("修改房屋"), parent)
        self.db, self.project_id, self.unit = db, project_id, unit
        self.number_edit = QLineEdit(self, placeholderText=self.tr("如 3栋2单元1201、1-2-1201、车位 B2-117"))
        self.parts_label = QLabel(self)
        self.building_combo = QComboBox(self)
        self.building_combo.addItem(self.tr("按房号识别（没有的楼栋自动新建）"), None)
        for b in buildings:
            self.building_combo.addItem(b.name, b.id)
        self.entrance_edit, self.floor_edit = QLineEdit(self), QLineEdit(self)
        self.area_edit = QLineEdit(self, placeholderText=self.tr("m²，最多两位小数；未知可留空"))
        self.use_combo, self.occupancy_combo = self._combo(UNIT_USES), self._combo(OCCUPANCIES)
        for label, widget in ((self.tr("房号"), self.number_edit), (self.tr("识别结果"), self.parts_label),
                              (self.tr("楼栋"), self.building_combo), (self.tr("单元"), self.entrance_edit),
                              (self.tr("楼层"), self.floor_edit), (self.tr("建筑面积"), self.area_edit),
                              (self.tr("房屋用途"), self.use_combo), (self.tr("入住状态"), self.occupancy_combo)):
            self.form.addRow(label, widget)
        self.number_edit.textChanged.connect(self.on_number_changed)
        if unit is not None:
            self._show(unit)
        self.on_number_changed(self.number_edit.text())
        self.finish_layout()
        fit_to_screen(self, 480, self.sizeHint().height())

    def _combo(self, values: tuple[Coded, ...]) -> QComboBox:
        combo = QComboBox(self)
        for value in values:
            combo.addItem(value.label, value.value)  # shown as the label, carried as the code
        return combo

    def _show(self, u: UnitDetail) -> None:
        self.number_edit.setText(u.number)
        self.building_combo.setCurrentIndex(max(0, self.building_combo.findData(u.building_id)))
        parts = parse_unit_number(u.number)  # what the number says is shown as the hint, not typed
        self.entrance_edit.setText("" if u.entrance == parts.entrance else u.entrance)
        self.floor_edit.setText("" if u.floor == parts.floor else u.floor)
        self.area_edit.setText("" if u.area is None else f"{u.area}")
        self.use_combo.setCurrentIndex(max(0, self.use_combo.findData(u.use.value)))
        self.occupancy_combo.setCurrentIndex(max(0, self.occupancy_combo.findData(u.occupancy.value)))

    def on_number_changed(self, text: str) -> None:
        parts = parse_unit_number(text)
        # {written} lets a translation name the building as typed ("A"), not as it will be stored ("A栋").
        building = self.tr("楼栋 {b}").format(b=parts.building, written=parts.written)
        shown = [building if parts.building else self.tr("未写楼栋"),
                 self.tr("{e}单元").format(e=parts.entrance) if parts.entrance else self.tr("未写单元"),
                 self.tr("{f}层").format(f=parts.floor) if parts.floor else self.tr("楼层不详")]
        self.parts_label.setText(" · ".join(shown) if text.strip() else "")
        self.entrance_edit.setPlaceholderText(self.tr("按房号：{e}单元").format(e=parts.entrance) if parts.entrance
                                              else self.tr("房号未写单元；有单元的楼栋请填写，如 2"))
        self.floor_edit.setPlaceholderText(self.tr("按房号：{f}层").format(f=parts.floor) if parts.floor
                                           else self.tr("房号看不出楼层；可填写，如 12、-1、B2"))

    def operation(self) -> Op:
        form = UnitForm(self.number_edit.text(), self.building_combo.currentData(), self.area_edit.text(),
                        self.use_combo.currentData(), self.occupancy_combo.currentData(),
                        self.entrance_edit.text(), self.floor_edit.text())
        u, project_id = self.unit, self.project_id
        return lambda db: units.save_unit(db, project_id, u.id if u else None, u.version if u else 0, form)


class OwnerDialog(AnnouncesPeople, ServiceDialog):
    """An owner, person or company. Personal fields show masked; left untouched they keep what is stored."""

    def __init__(self, db: Database, project_id: int, owner: OwnerDetail | None = None, unit: UnitDetail | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("修改业主") if owner else self.tr("新建业主（{u}）").format(u=unit.number) if unit \
            else self.tr("新建业主")
        super().__init__(title, parent)
        self.db, self.project_id, self.owner, self.unit = db, project_id, owner, unit
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("个人"), False)
        self.kind_combo.addItem(self.tr("单位"), True)
        self.name_edit = QLineEdit(self)
        self.id_kind_combo = QComboBox(self)
        for kind in ID_KINDS:
            self.id_kind_combo.addItem(kind.label, kind.value)
        self.id_edit = QLineEdit(self, placeholderText=self.tr("可留空"))
        self.mobile_edit = QLineEdit(self, placeholderText=self.tr("手机或带区号的固定电话"))
        self.others_edit = QLineEdit(self, placeholderText=self.tr("多个号码用“、”分隔"))
        self.relation_combo = QComboBox(self)
        for relation in people.RELATIONS:
            self.relation_combo.addItem(relation.label, relation.value)
        self._rows()
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        if owner is not None:
            self._show(owner)
        self.on_kind_changed()
        self.finish_layout()
        fit_to_screen(self, 480, self.sizeHint().height())

    def _rows(self) -> None:
        self.form.addRow(self.tr("类型"), self.kind_combo)
        self.form.addRow(self.tr("姓名/单位名称"), self.name_edit)
        self.form.addRow(self.tr("证件类型"), self.id_kind_combo)
        self.form.addRow(self.tr("证件号码"), self.id_edit)
        self.form.addRow(self.tr("联系电话"), self.mobile_edit)
        self.form.addRow(self.tr("其他电话"), self.others_edit)
        if self.unit is not None:
            self.form.addRow(self.tr("与房屋的关系"), self.relation_combo)
        else:
            self.relation_combo.hide()  # no unit to relate to (a new owner alone, or an edit)
        if self.owner is not None:
            note = QLabel(self.tr("电话和证件号码打码显示；不修改请保持原样，修改请输入完整号码。"), self)
            note.setWordWrap(True)
            self.form.addRow(note)

    def _show(self, o: OwnerDetail) -> None:
        self.kind_combo.setCurrentIndex(1 if o.is_company else 0)
        self.name_edit.setText(o.name)
        self.id_kind_combo.setCurrentIndex(max(0, self.id_kind_combo.findData(o.id_kind.value)))
        self.id_edit.setText(o.id_number)
        self.mobile_edit.setText(o.mobile)
        self.others_edit.setText("、".join(o.other_phones))
        for edit in (self.id_edit, self.mobile_edit, self.others_edit):
            edit.setModified(False)

    def on_kind_changed(self, *_args: Any) -> None:
        """A company's document is its 统一社会信用代码: offered first, the service still checks."""
        company = bool(self.kind_combo.currentData())
        if company != (self.id_kind_combo.currentData() == CREDIT_CODE.value):
            self.id_kind_combo.setCurrentIndex(self.id_kind_combo.findData((CREDIT_CODE if company else IdKind.ID_CARD).value))

    def _typed(self, edit: QLineEdit) -> str | None:
        """What the clerk typed, or None for a field shown masked and not touched (keep it)."""
        return edit.text() if self.owner is None or edit.isModified() else None

    def operation(self) -> Op:
        form = OwnerForm(self.name_edit.text(), bool(self.kind_combo.currentData()), self.id_kind_combo.currentData(),
                         self._typed(self.id_edit), self._typed(self.mobile_edit), self._typed(self.others_edit))
        o, unit_id = self.owner, self.unit.id if self.unit else None
        project_id, relation = self.project_id, self.relation_combo.currentData()
        return lambda db: people.save_owner(db, project_id, o.id if o else None, o.version if o else 0, form,
                                            unit_id=unit_id, relation=relation)


class LinkOwnerDialog(AnnouncesPeople, ServiceDialog):
    """关联已有业主: a co-owner who is already an owner (of another unit) is found and linked, not typed twice."""

    def __init__(self, db: Database, project_id: int, unit: UnitDetail, parent: QWidget | None = None,
                 background: bool = True) -> None:
        super().__init__(self.tr("关联已有业主（{u}）").format(u=unit.number), parent)
        self.db, self.project_id, self.unit = db, project_id, unit
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True,
                                     placeholderText=self.tr("输入姓名、房号，或完整的电话/证件号码"))
        self.model = BrowseModel(db, OWNERS, self, background=background)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 140)  # 业主姓名/单位名称 readable
        self.table.doubleClicked.connect(lambda _i: self.ok())
        self.relation_combo = QComboBox(self)
        for relation in people.RELATIONS:
            self.relation_combo.addItem(relation.label, relation.value)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("关系"), self))
        row.addWidget(self.relation_combo)
        row.addStretch(1)
        self.form.addRow(self.tr("查找"), self.filter_edit)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(row)
        self.finish_layout()
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_filter(self.filter_edit.text()))
        self.filter_edit.textEdited.connect(lambda _t: self._debounce.start())
        self.model.set_scope(Scope(project_id))
        fit_to_screen(self, 760, 460)

    def chosen_owner_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.index(index.row(), 0).data(RecordIdRole) if index.isValid() else None

    def operation(self) -> Op:
        owner_id = self.chosen_owner_id()
        if owner_id is None:
            from models.errors import ValidationError

            raise ValidationError(self.tr("请先在表中选择一位业主。"))
        unit_id, relation = self.unit.id, self.relation_combo.currentData()
        return lambda db: people.link_owner(db, unit_id, owner_id, relation)


__all__ = ["BuildingDialog", "LinkOwnerDialog", "OwnerDialog", "UnitDialog", "Qt"]
