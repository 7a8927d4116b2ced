"""The 交接清单 tab's actions and toolbars, when each is enabled, and its print/export/import hand-offs."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from models.services import signoff

from ... import file_dialogs, tasks
from ...errors import show_error
from ...print_preview import show_print_dialog
from ...widgets.role_gate import apply_permit
from .items_model import columns

if TYPE_CHECKING:
    from .tab import HandoverTab


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoverTab", text)


def _action(tab: HandoverTab, text: str, slot: Any, shortcuts: tuple[str, ...] = (), tip: str = "") -> QAction:
    action = QAction(text, tab)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Only while the items table has the focus: "=" or Delete typed into a dialog stays there.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tab.table.addAction(action)
        keys = " / ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        tip = _tr("{tip}（{keys}）").format(tip=tip or text, keys=keys)
    action.setToolTip(tip or text)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(tab: HandoverTab) -> SimpleNamespace:
    """Every action of the tab, in one namespace (tests trigger them as the clerk would)."""
    a = SimpleNamespace()
    a.edit_handover = _action(tab, _tr("交接信息…"), tab.on_edit_handover_triggered)
    a.new_handover = _action(tab, _tr("新建交接…"), tab.on_new_handover_triggered)
    a.new_from_template = _action(tab, _tr("新建清单（从模板）…"), tab.on_new_from_template_triggered)
    a.new_blank = _action(tab, _tr("新建空白清单…"), tab.on_new_blank_triggered)
    a.import_list = _action(tab, _tr("从 Excel 导入清单…"), tab.on_import_triggered)
    a.save_template = _action(tab, _tr("另存为模板…"), tab.on_save_template_triggered)
    a.sign = _action(tab, _tr("签署…"), tab.on_sign_triggered, tip=_tr("记录纸质清单的签署人和时间，签署后清单锁定"))
    a.amend = _action(tab, _tr("创建补充清单（更正）"), tab.on_amend_triggered)
    a.print = _action(tab, _tr("打印清单…"), tab.on_print_triggered, ("Ctrl+P",))
    a.print_certificate = _action(tab, _tr("打印交接确认书…"), tab.on_print_certificate_triggered)
    a.export = _action(tab, _tr("导出 Excel…"), tab.on_export_triggered)
    a.mark_expected = _action(tab, _tr("按应交数验收"), tab.on_mark_expected_triggered,
                              ("Ctrl+Return", "Ctrl+Enter", "="), _tr("实收 = 应交，状况完好，并转到下一行"))
    a.add_item = _action(tab, _tr("插入条目"), tab.on_add_item_triggered, ("Ins",))
    a.remove_item = _action(tab, _tr("删除条目"), tab.on_remove_item_triggered, ("Del",))
    a.move_up = _action(tab, _tr("上移"), lambda: tab.on_move_triggered(-1), ("Ctrl+Up",))
    a.move_down = _action(tab, _tr("下移"), lambda: tab.on_move_triggered(1), ("Ctrl+Down",))
    a.to_defect = _action(tab, _tr("转为遗留问题…"), tab.on_to_defect_triggered, ("Ctrl+D",))
    return a


def toolbar(tab: HandoverTab) -> QToolBar:
    """An empty text-only bar; fill_toolbars() puts the actions in once they exist."""
    bar = QToolBar(tab)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return bar


def fill_toolbars(tab: HandoverTab) -> None:
    a = tab.acts
    top = tab.top_bar
    top.addAction(a.edit_handover)
    top.addAction(a.new_handover)
    top.addSeparator()
    new_menu = QMenu(tab)
    new_menu.addActions([a.new_from_template, a.new_blank, a.import_list])
    new_button = QToolButton(top, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
    new_button.setText(_tr("新建清单"))
    new_button.setMenu(new_menu)
    top.addWidget(new_button)
    tab.new_list_button = new_button
    top.addActions([a.save_template])
    top.addSeparator()
    top.addActions([a.sign, a.amend])
    top.addSeparator()
    top.addActions([a.print, a.print_certificate, a.export])
    items = tab.items_bar
    items.addActions([a.mark_expected, a.add_item, a.remove_item, a.move_up, a.move_down])
    items.addSeparator()
    items.addAction(a.to_defect)


def update(tab: HandoverTab) -> None:
    """Enable what makes sense now; a signed list allows no item action at all."""
    a = tab.acts
    summary, item, draft = tab.current_summary(), tab.current_item(), tab.is_draft()
    has_handover = tab.handover is not None
    for action in (a.edit_handover, a.new_from_template, a.new_blank, a.import_list, a.export):
        action.setEnabled(has_handover)
    a.new_handover.setEnabled(tab._scope is not None)
    tab.new_list_button.setEnabled(has_handover)
    a.save_template.setEnabled(summary is not None and summary.total > 0)
    a.print.setEnabled(summary is not None)
    a.print_certificate.setEnabled(bool(tab.summaries))
    # A supervisor's (the permits are the services' own rule): a clerk sees who may.
    apply_permit(a.sign, signoff.sign_permit(tab.db), _tr("记录纸质清单的签署人和时间，签署后清单锁定"), draft)
    apply_permit(a.amend, signoff.amend_permit(tab.db), _tr("为已签署的清单创建补充版本，更正后再次签署"),
               summary is not None and summary.can_amend)
    a.add_item.setEnabled(draft)
    for action in (a.mark_expected, a.remove_item, a.move_up, a.move_down):
        action.setEnabled(draft and item is not None)
    a.to_defect.setEnabled(draft and item is not None and item.can_become_defect)


def field_title(key: str) -> str:
    return next((c.title for c in columns() if c.key == key), key)


# ---- print, export and import (the work runs through gui/tasks.py) ------------------------------

def print_form(tab: HandoverTab, certificate: bool = False) -> None:
    """交接清单 of the selected list, or the handover's 交接确认书: preview, printer, PDF."""
    handover, summary = tab.handover, tab.current_summary()
    if handover is None:
        return
    db, handover_id, list_id = tab.db, handover.id, summary.id if summary else None

    def make_pdf(out: Path, progress: tasks.Progress) -> None:  # in the print worker: its own session
        from reports import print_commands  # on first use: ReportLab is not part of the start

        if certificate:
            print_commands.print_handover_certificate(db, handover_id, out, progress=progress)
        else:
            print_commands.print_handover_list(db, handover_id, out, list_id=list_id, progress=progress)

    title = _tr("交接确认书 — {h}").format(h=handover.caption) if certificate else \
        _tr("交接清单 — {title}").format(title=summary.caption if summary else handover.caption)
    show_print_dialog(tab, make_pdf, title)


def export_excel(tab: HandoverTab) -> None:
    handover = tab.handover
    if handover is None:
        return
    name = f"{handover.project_name}_{handover.caption}.xlsx".replace("/", "_")
    path, _ = file_dialogs.get_save_file_name(tab, _tr("导出交接清单到 Excel"), name, _tr("Excel 工作簿 (*.xlsx)"))
    if not path:
        return
    db, handover_id, out = tab.db, handover.id, Path(path)

    def export(progress: tasks.Progress) -> None:  # in the worker; openpyxl imported on first use
        from reports.excel.handover_export import export_handover

        export_handover(db, handover_id, out, progress=progress)

    tasks.run_with_progress(tab, _tr("正在导出交接清单…"), export,
                            lambda _result: _exported(tab, out), lambda exc: show_error(exc, tab))


def _exported(tab: HandoverTab, out: Path) -> None:
    window = tab.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(_tr("已导出到 {path}").format(path=out), 10000)


def import_list(tab: HandoverTab) -> None:
    handover = tab.handover
    if handover is None:
        return
    # Imported when first opened: the import machinery (openpyxl, lxml, calamine) is not needed to show the window.
    from ...dialogs.checklist_import import ChecklistImportDialog

    dialog = ChecklistImportDialog(tab.db, handover.id, tab)
    imported: list[int] = []
    dialog.checklist_imported.connect(imported.append)
    if dialog.exec() or imported:
        tab.after_list_change(imported[-1] if imported else None)
