"""新建项目 / 编辑项目: code, name, kind, address and the managing company of a project."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from models.db import Database
from models.project import PROJECT_KINDS
from models.services import projects
from models.services.projects import ProjectForm, ProjectRow

from ..ops import Op
from ..widgets.screen_fit import fit_to_screen
from .base_dialog import ServiceDialog


class ProjectDialog(ServiceDialog):
    """A new project (`project` None) or the one given; OK saves it, a refusal names the field."""

    def __init__(self, db: Database, project: ProjectRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新建项目") if project is None else self.tr("编辑项目"), parent)
        self.db, self.project = db, project
        self.code_edit = QLineEdit(self, placeholderText=self.tr("如 CHY（字母或数字，不含空格）"))
        self.name_edit = QLineEdit(self, placeholderText=self.tr("如 翠湖园"))
        self.kind_combo = QComboBox(self)
        for kind in PROJECT_KINDS:
            self.kind_combo.addItem(kind.label, kind.value)  # shown as the label, carried as the code
        self.address_edit = QLineEdit(self, placeholderText=self.tr("如 某市某区某路 88 号"))
        self.company_edit = QLineEdit(self, placeholderText=self.tr("如 某某物业服务有限公司"))
        for label, widget in ((self.tr("项目编码"), self.code_edit), (self.tr("项目名称"), self.name_edit),
                              (self.tr("项目类型"), self.kind_combo), (self.tr("地址"), self.address_edit),
                              (self.tr("管理单位"), self.company_edit)):
            self.form.addRow(label, widget)
        hint = QLabel(self.tr("项目编码是简短代号（命令行用 --project 选项目），以后可以修改。"), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        if project is not None:
            self._show(project)
        self.finish_layout()
        fit_to_screen(self, 520, max(self.sizeHint().height(), self.heightForWidth(520)))  # the hint may wrap

    def _show(self, p: ProjectRow) -> None:
        self.code_edit.setText(p.code)
        self.name_edit.setText(p.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(p.kind.value)))
        self.address_edit.setText(p.address)
        self.company_edit.setText(p.manager_company)

    def operation(self) -> Op:
        form = ProjectForm(self.code_edit.text(), self.name_edit.text(), self.kind_combo.currentData(),
                           self.address_edit.text(), self.company_edit.text())
        project = self.project
        if project is None:
            return lambda db: projects.create_project(db, form)
        return lambda db: projects.edit_project(db, project.id, project.version, form)
