"""The defects tab's actions: which are enabled for the selected defect, and the print/export hand-offs."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from models.defect import Responsible
from models.services import defect_register as reg
from models.services import projects
from models.services.defect_rows import DefectDetail

from ... import file_dialogs, tasks
from ...errors import show_error
from ...print_preview import show_print_dialog
from ...widgets.role_gate import apply_permit

if TYPE_CHECKING:
    from .tab import DefectsTab



def _tr(text: str) -> str:
    return QCoreApplication.translate("DefectsTab", text)


def _action(tab: DefectsTab, text: str, slot: Any, shortcut: str = "", tip: str = "") -> QAction:
    action = QAction(text, tab)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(tip or text)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(tab: DefectsTab) -> SimpleNamespace:
    """Every action of the tab (tests trigger them as the clerk would)."""
    a = SimpleNamespace()
    a.new = _action(tab, _tr("登记问题…"), tab.on_new_triggered, "Ctrl+N")
    a.edit = _action(tab, _tr("编辑…"), tab.on_edit_triggered)
    a.notice = _action(tab, _tr("发出整改通知"), tab.on_notice_triggered,
                       tip=_tr("书面整改通知单已发给责任方（应在发现后 24 小时内）"))
    a.submit = _action(tab, _tr("提交复验"), tab.on_submit_triggered, tip=_tr("责任方报告已整改，等待复验"))
    a.passed = _action(tab, _tr("复验通过"), lambda: tab.on_reinspect_triggered(True))
    a.failed = _action(tab, _tr("复验不合格…"), lambda: tab.on_reinspect_triggered(False))
    a.unfixable = _action(tab, _tr("无法整改…"), tab.on_unfixable_triggered)
    a.log_action = _action(tab, _tr("记录已催办/已上报…"), tab.on_log_action_triggered)
    a.print_notice = _action(tab, _tr("整改通知单…"), lambda: print_defect(tab, "notice"))
    a.print_reinspection = _action(tab, _tr("复验记录…"), lambda: print_defect(tab, "reinspection"))
    a.print_reminder = _action(tab, _tr("催办函（该责任方全部逾期问题）…"), lambda: print_defect(tab, "reminder"))
    a.print_summary = _action(tab, _tr("遗留问题汇总表…"), lambda: print_defect(tab, "summary"))
    a.export = _action(tab, _tr("导出 Excel…"), lambda: export_excel(tab))
    a.deadline_settings = _action(tab, _tr("整改期限设置…"), tab.on_deadline_settings_triggered)
    return a


def toolbar(tab: DefectsTab) -> QToolBar:
    a = tab.acts
    bar = QToolBar(tab)
    bar.setStyleSheet("QToolBar { border: none; }")
    for group in ((a.new, a.edit), (a.notice, a.submit, a.passed, a.failed, a.unfixable), (a.log_action,)):
        bar.addActions(list(group))
        bar.addSeparator()
    menu = QMenu(tab)
    menu.addActions([a.print_notice, a.print_reinspection, a.print_reminder, a.print_summary])
    button = QToolButton(bar, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setText(_tr("打印"))
    button.setMenu(menu)
    bar.addWidget(button)
    bar.addAction(a.export)
    bar.addSeparator()
    bar.addAction(a.deadline_settings)
    return bar


def update(tab: DefectsTab) -> None:
    """Only what the selected defect's status allows (the lifecycle rules decide)."""
    a, detail, scope = tab.acts, tab.detail, tab.scope()
    a.new.setEnabled(scope is not None)
    a.edit.setEnabled(detail is not None and detail.can_edit)
    a.notice.setEnabled(detail is not None and detail.can_notice)
    a.submit.setEnabled(detail is not None and detail.can_submit)
    a.passed.setEnabled(detail is not None and detail.can_pass)
    a.failed.setEnabled(detail is not None and detail.can_fail)
    a.unfixable.setEnabled(detail is not None and detail.can_declare_unfixable)
    a.log_action.setEnabled(bool(loggable(detail)))
    for act in (a.print_notice, a.print_reinspection, a.print_reminder):
        act.setEnabled(detail is not None)
    a.print_summary.setEnabled(scope is not None and scope.handover_id is not None)
    a.export.setEnabled(scope is not None)
    update_deadline_settings(tab)


def update_deadline_settings(tab: DefectsTab) -> None:
    """The only defect action a role decides (set_deadline_days requires DEADLINE_TABLE_ROLE); the rest
    are decided by the defect's status. Below the role: disabled, the tooltip says who may."""
    apply_permit(tab.acts.deadline_settings, reg.deadline_table_permit(tab.db), _tr("修改各严重程度的默认整改期限（天）"))


def loggable(detail: DefectDetail | None) -> list[tuple[str, str]]:
    """(label, code) of the duties due that a note of 已催办/已上报 discharges."""
    return detail.loggable if detail else []


def _project_code(tab: DefectsTab) -> str | None:
    scope = tab.scope()
    found = [p.code for p in projects.list_projects(tab.db) if scope and p.id == scope.project_id]
    return found[0] if found else None


def print_defect(tab: DefectsTab, kind: str) -> None:
    from reports import print_commands as pc  # the forms pull in ReportLab: only when printing

    db, code, detail, scope, now = tab.db, _project_code(tab), tab.detail, tab.scope(), tab.now()
    if scope is None or (detail is None and kind != "summary"):
        return
    number = detail.defect.number if detail else ""
    party: Responsible | str = detail.defect.responsible if detail else ""  # the 催办函 needs a defect

    def summary(out: Path, progress: tasks.Progress) -> int:
        assert scope.handover_id is not None  # the action is off without a handover
        return pc.print_defect_summary(db, scope.handover_id, out, now=now, progress=progress)

    makers = {
        "notice": (lambda out, progress: pc.print_defect_notice(db, number, out, code, progress=progress),
                   _tr("整改通知单 — {n}")),
        "reinspection": (lambda out, progress: pc.print_defect_reinspection(db, number, out, code,
                                                                            progress=progress),
                         _tr("复验记录 — {n}")),
        "reminder": (lambda out, progress: pc.print_defect_reminder(db, code, party, out, now=now,
                                                                    progress=progress),
                     _tr("催办函 — {p}")),
        "summary": (summary, _tr("遗留问题汇总表")),
    }
    make_pdf, title = makers[kind]
    show_print_dialog(tab, make_pdf, title.format(n=number, p=party.label if isinstance(party, Responsible) else ""))


def export_excel(tab: DefectsTab) -> None:
    from reports.excel.defect_export import write_defect_workbook

    scope = tab.scope()
    if scope is None:
        return
    path, _ = file_dialogs.get_save_file_name(tab, _tr("导出遗留问题到 Excel"), _tr("遗留问题.xlsx"),
                                              _tr("Excel 工作簿 (*.xlsx)"))
    if not path:
        return
    db, out, now = tab.db, Path(path), tab.now()
    tasks.run_with_progress(
        tab, _tr("正在导出遗留问题…"),
        lambda progress: write_defect_workbook(db, scope.project_id, out, scope.handover_id, now, progress),
        lambda rows: _exported(tab, out, rows), lambda exc: show_error(exc, tab))


def _exported(tab: DefectsTab, out: Path, rows: Any) -> None:
    window = tab.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(_tr("已导出 {n} 条到 {path}").format(n=rows, path=out), 10000)
