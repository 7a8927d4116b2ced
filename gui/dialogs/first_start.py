"""首次设置向导: from an empty database to a first handover without a command line.

Office → first project → its houses (roster import or by hand) → colleagues' accounts → the first
handover and its first list. Every step can be left empty and skipped (下一步 with nothing typed), and
every step is also in the menus for later. The steps call the same dialogs and services as the menus
do, so validation and audit are theirs.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.db import Database
from models.errors import DomainError
from models.project import PROJECT_KINDS
from models.services import office, projects, units
from models.services.checklist_rows import HandoverInfo
from models.services.projects import ProjectForm
from models.services.setup_progress import SetupState, setup_state

from ..ops import Op, refusal, run_op
from ..widgets.screen_fit import fit_to_screen

ERROR_STYLE = "color: #c0392b;"


def _note(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    """A step: an explanation, its own widgets, a line saying what exists so far, an error line."""

    def __init__(self, wizard: FirstStartWizard, title: str, explanation: str) -> None:
        super().__init__(wizard)
        self.guide = wizard
        self.setTitle(title)
        self.body = QVBoxLayout(self)
        self.body.addWidget(_note(self, explanation))
        self.status_label = _note(self, "")
        self.error_label = _note(self, "")
        self.error_label.setStyleSheet(ERROR_STYLE)

    def finish(self) -> None:
        self.body.addStretch(1)
        self.body.addWidget(self.status_label)
        self.body.addWidget(self.error_label)

    def refused(self, exc: DomainError) -> bool:
        self.error_label.setText(str(exc))
        return False

    def write_then_next(self, op: Op, saved: Any = None) -> bool:
        """validatePage's answer for a step that writes: the write goes to the writer thread and the
        step stays (False); once it is saved, `saved(row)` and the wizard moves on by itself."""
        if getattr(self, "_written", False):  # called again by next() below: the write is in
            return True
        if getattr(self, "_writing", False):
            return False
        self._writing = True

        def done(row: Any) -> None:
            self._writing = False
            if saved is not None:
                saved(row)
            self._written = True
            try:
                self.wizard().next()
            finally:
                self._written = False

        def failed(exc: DomainError) -> None:
            self._writing = False
            self.refused(exc)
        run_op(self, self.guide.db, op, on_success=done, on_failure=refusal(failed, self), busy=[self.wizard()])
        return False

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.error_label.clear()
        self.refresh(setup_state(self.guide.db, self.guide.project_id))

    def refresh(self, state: SetupState) -> None:
        """Show what exists now (after a step's dialog saved something)."""

    def run(self, dialog: Any) -> Any:
        """A step's dialog, modal; what it saved (or None), then the status line is read again."""
        saved = dialog.result_value if dialog.exec() else None
        self.error_label.clear()
        self.refresh(setup_state(self.guide.db, self.guide.project_id))
        return saved

    def button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def buttons(self, *buttons: QPushButton) -> None:
        """The step's buttons in a row, then the status and error lines."""
        self._buttons = buttons
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        self.body.addLayout(row)
        self.finish()


class OfficePage(_Page):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard, self.tr("本处信息"), self.tr(
            "物业服务企业（管理处）的名称和地址印在每张表单的页眉上，新建交接时作为接收方（退场时为移交方）的默认单位。"
            "可以先不填，以后在“文件 → 设置”中填写。"))
        here = office.office(wizard.db)
        self.name_edit = QLineEdit(here.name, self, placeholderText=self.tr("如 某某物业服务有限公司翠湖园管理处"))
        self.address_edit = QLineEdit(here.address, self, placeholderText=self.tr("如 某市某区某路 88 号"))
        form = QFormLayout()
        form.addRow(self.tr("单位名称："), self.name_edit)
        form.addRow(self.tr("地址："), self.address_edit)
        self.body.addLayout(form)
        self.finish()

    def validatePage(self) -> bool:  # noqa: N802
        here = office.office(self.guide.db)
        if (self.name_edit.text().strip(), self.address_edit.text().strip()) == (here.name, here.address):
            return True  # nothing typed or nothing changed: skipped
        name, address = self.name_edit.text(), self.address_edit.text()
        return self.write_then_next(lambda db: office.set_office(db, name, address))


class ProjectPage(_Page):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard, self.tr("第一个项目"), self.tr(
            "项目就是一个小区或一栋楼宇。项目编码是简短的字母或数字（如 CHY），用于导出文件名。"
            "不填则跳过，以后在“项目 → 新建项目”中添加。"))
        self.code_edit = QLineEdit(self, placeholderText=self.tr("如 CHY"))
        self.name_edit = QLineEdit(self, placeholderText=self.tr("如 翠湖园"))
        self.kind_combo = QComboBox(self)
        for kind in PROJECT_KINDS:
            self.kind_combo.addItem(kind.label, kind.value)  # shown as the label, carried as the code
        self.address_edit = QLineEdit(self)
        self.company_edit = QLineEdit(self, placeholderText=self.tr("默认为本处单位名称"))
        form = QFormLayout()
        for label, widget in ((self.tr("项目编码："), self.code_edit), (self.tr("项目名称："), self.name_edit),
                              (self.tr("项目类型："), self.kind_combo), (self.tr("地址："), self.address_edit),
                              (self.tr("管理单位："), self.company_edit)):
            form.addRow(label, widget)
        self.body.addLayout(form)
        self.finish()

    def refresh(self, state: SetupState) -> None:
        if not self.company_edit.text():
            self.company_edit.setText(state.office_name)
        self.status_label.setText(self.tr("数据库中已有 {n} 个项目。").format(n=state.projects) if state.projects else "")

    def form(self) -> ProjectForm:
        return ProjectForm(self.code_edit.text(), self.name_edit.text(), self.kind_combo.currentData(),
                           self.address_edit.text(), self.company_edit.text())

    def validatePage(self) -> bool:  # noqa: N802
        form = self.form()
        if not form.code.strip() and not form.name.strip() and self.guide.project_id is None:
            return True  # skipped
        project_id = self.guide.project_id

        def save(db: Database) -> Any:
            if project_id is None:
                return projects.create_project(db, form)
            seen = projects.get_project(db, project_id)  # back to this step after saving it: corrected
            return projects.edit_project(db, seen.id, seen.version, form)

        def saved(row: Any) -> None:
            self.guide.project_id = row.id
        return self.write_then_next(save, saved)


class _ProjectStep(_Page):
    """A step that works in the project of the previous step: without one, it says so and is skipped."""

    def refresh(self, state: SetupState) -> None:
        for b in self._buttons:
            b.setEnabled(self.guide.project_id is not None)
        if self.guide.project_id is None:
            self.status_label.setText(self.tr("上一步没有新建项目，此步跳过。"))
        else:
            self.status_label.setText(self.status(state))

    def status(self, state: SetupState) -> str:
        return ""


class HousesPage(_ProjectStep):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard, self.tr("房屋与业主"), self.tr(
            "导入原物业或开发商给的业主名册（Excel，先预览、核对后再导入），或逐户添加房屋。"
            "以后可在“文件 → 导入业主名册”和“项目 → 楼栋、房屋与业主”中继续。"))
        self.import_button = self.button(self.tr("导入业主名册…"), self.on_import_clicked)
        self.add_unit_button = self.button(self.tr("逐户添加房屋…"), self.on_add_unit_clicked)
        self.buttons(self.import_button, self.add_unit_button)

    def status(self, state: SetupState) -> str:
        return self.tr("本项目现有楼栋 {b} 栋，房屋 {u} 户，业主 {o} 位。").format(
            b=state.buildings, u=state.units, o=state.owners)

    def on_import_clicked(self) -> None:
        from .roster_import import RosterImportDialog

        pid = self.guide.project_id
        if pid is None:  # the step's buttons are off without a project (_ProjectStep.refresh)
            return
        dialog = RosterImportDialog(self.guide.db, pid, self)
        dialog.exec()
        self.refresh(setup_state(self.guide.db, self.guide.project_id))

    def on_add_unit_clicked(self) -> None:
        from .people_forms import UnitDialog

        pid = self.guide.project_id
        if pid is None:  # the step's buttons are off without a project (_ProjectStep.refresh)
            return
        try:
            buildings = units.list_buildings(self.guide.db, pid)
        except DomainError as exc:
            self.refused(exc)
            return
        self.run(UnitDialog(self.guide.db, pid, buildings, None, self))


class AccountsPage(_Page):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard, self.tr("同事的账号"), self.tr(
            "为每位同事建一个账号：文员办理日常事务，主管签署清单、批准借钥匙，管理员管理账号和设置。"
            "大家各用各的账号登录，操作日志才记得清是谁做的。以后在“管理 → 用户管理”中添加。"))
        self.users_button = self.button(self.tr("添加或管理账号…"), self.on_users_clicked)
        self.buttons(self.users_button)

    def refresh(self, state: SetupState) -> None:
        self.users_button.setEnabled(state.may_set_up)
        text = self.tr("在用账号：{line}。").format(line=state.accounts_line())
        if not state.has_colleagues:
            text += self.tr("还没有文员或主管的账号。")
        self.status_label.setText(text)

    def on_users_clicked(self) -> None:
        from .users import UsersDialog

        try:
            dialog = UsersDialog(self.guide.db, self)
        except DomainError as exc:
            self.refused(exc)
            return
        dialog.exec()
        self.refresh(setup_state(self.guide.db, self.guide.project_id))


class HandoverPage(_ProjectStep):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard, self.tr("第一次交接"), self.tr(
            "新建交接（承接查验、物业更迭或退场移交），填写交接双方和基准日；再按模板生成第一张交接清单。"
            "完成后打开“交接清单”页，逐项核对实收数量，由主管签署。"))
        self.handover_button = self.button(self.tr("新建交接…"), self.on_handover_clicked)
        self.list_button = self.button(self.tr("新建清单（从模板）…"), self.on_list_clicked)
        self.buttons(self.handover_button, self.list_button)

    def refresh(self, state: SetupState) -> None:
        super().refresh(state)
        self.list_button.setEnabled(self.guide.handover is not None)

    def status(self, state: SetupState) -> str:
        text = self.tr("本项目现有交接 {h} 个，清单 {n} 张。").format(h=state.handovers, n=state.lists)
        if self.guide.handover is not None:
            text += self.tr("刚建的交接：{c}。").format(c=self.guide.handover.caption)
        return text

    def on_handover_clicked(self) -> None:
        from .handover_dialog import HandoverDialog

        pid = self.guide.project_id
        if pid is None:  # the step's buttons are off without a project (_ProjectStep.refresh)
            return
        saved = self.run(HandoverDialog(self.guide.db, pid, None, self))
        if saved is not None:
            self.guide.handover = saved
            self.refresh(setup_state(self.guide.db, self.guide.project_id))

    def on_list_clicked(self) -> None:
        from .template_picker import TemplatePickerDialog

        if self.guide.handover is not None:
            self.run(TemplatePickerDialog(self.guide.db, self.guide.handover, self))


class FirstStartWizard(QWizard):
    """The guide; after 完成, `project_id` and `handover` say what the window should show."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.project_id: int | None = None
        self.handover: HandoverInfo | None = None
        self.setWindowTitle(self.tr("首次设置向导 — 物业交接台"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same look on every Windows version
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("下一步 >")),
                             (QWizard.WizardButton.BackButton, self.tr("< 上一步")),
                             (QWizard.WizardButton.FinishButton, self.tr("完成")),
                             (QWizard.WizardButton.CancelButton, self.tr("以后再说"))):
            self.setButtonText(button, text)
        self.pages = [OfficePage(self), ProjectPage(self), HousesPage(self), AccountsPage(self), HandoverPage(self)]
        for page in self.pages:
            self.addPage(page)
        fit_to_screen(self, 680, 500)

    def page_named(self, cls: type[_Page]) -> Any:
        return next(p for p in self.pages if isinstance(p, cls))


def offer_first_start(window: Any) -> bool:
    """At start: an administrator on a database without any project gets the guide. True if shown."""
    state = setup_state(window.db)
    if not (state.is_empty and state.may_set_up):
        return False
    run_first_start(window)
    return True


def run_first_start(window: Any) -> None:
    """The guide over the main window; afterwards the window shows what it made (even when cancelled
    half way: whatever was saved stays saved)."""
    wizard = FirstStartWizard(window.db, window)
    wizard.exec()
    window.show_scope(wizard.project_id, wizard.handover.id if wizard.handover else None,
                      tab="handover" if wizard.handover else None)
