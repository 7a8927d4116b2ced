"""新建清单（从模板）: picked from the 交接清单 tab and from the setup guide."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLineEdit, QListView, QWidget

from models.db import Database
from models.services import checklists
from models.services.checklist_rows import HandoverInfo, TemplateRow

from ..ops import Op
from ..widgets.screen_fit import fit_to_screen
from .base_dialog import ServiceDialog

TemplateRole = Qt.ItemDataRole.UserRole + 3


class TemplatePickerDialog(ServiceDialog):
    """新建清单（从模板）: the templates that suit the handover's kind (or all), and a title."""

    def __init__(self, db: Database, handover: HandoverInfo, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("新建清单（从模板）"))
        self._db, self._handover = db, handover
        self.model = QStandardItemModel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_check = QCheckBox(self.tr("显示所有交接类型的模板"), self)
        self.title_edit = QLineEdit(self)
        self.form.addRow(self.tr("模板（{kind}）：").format(kind=handover.kind.label), self.list_view)
        self.form.addRow("", self.all_check)
        self.form.addRow(self.tr("清单名称："), self.title_edit)
        self.finish_layout()
        self.list_view.selectionModel().currentChanged.connect(self.on_template_changed)
        self.list_view.doubleClicked.connect(self.ok)
        self.all_check.toggled.connect(self.on_all_toggled)
        self._load(handover.kind.value)
        fit_to_screen(self, 520, 520)

    def _load(self, kind: str | None) -> None:
        self.model.clear()
        for t in checklists.list_templates(self._db, kind):
            label = self.tr("{name}（{n} 项）").format(name=t.shown_name, n=t.item_count)
            item = QStandardItem(label if t.builtin else self.tr("{label}　自定义").format(label=label))
            item.setData(t, TemplateRole)
            item.setToolTip(t.code)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def select_template(self, code: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(TemplateRole).code == code:
                self.list_view.setCurrentIndex(self.model.index(row, 0))

    def current_template(self) -> TemplateRow | None:
        index = self.list_view.currentIndex()
        return index.data(TemplateRole) if index.isValid() else None

    def on_template_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        template = current.data(TemplateRole) if current.isValid() else None
        if template is not None:
            self.title_edit.setText(template.shown_name)

    def on_all_toggled(self, checked: bool) -> None:
        self._load(None if checked else self._handover.kind.value)

    def operation(self) -> Op:
        template = self.current_template()
        handover_id, code, title = self._handover.id, template.code if template else "", self.title_edit.text()
        return lambda db: checklists.start_list(db, handover_id, code, title)
