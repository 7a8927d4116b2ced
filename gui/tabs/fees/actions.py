"""The fees tab's toolbar: 导入原物业台账, 对账, 计算结果, 签署/修订结算, the two printed forms and the
accountant's workbook — which are enabled, and the hand-offs to the worker, the printer and Excel."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from models.i18n import QT_TRANSLATE_NOOP
from models.services import reconcile as rc

from ... import file_dialogs, tasks
from ...dialogs.fee_items import FeeItemsDialog
from ...errors import show_error
from ...print_preview import show_print_dialog
from ...widgets.role_gate import apply_permit

if TYPE_CHECKING:
    from .tab import FeesTab


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeesTab", text)


def _action(tab: FeesTab, text: str, slot: Any, tip: str = "", shortcut: str = "") -> QAction:
    action = QAction(text, tab)
    action.setIconText(text)  # keep the "…" of a dialog on the toolbar button (Qt drops it by default)
    action.setToolTip(tip or text)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(tab: FeesTab) -> SimpleNamespace:
    """Every action of the tab (tests trigger them as the clerk would)."""
    a = SimpleNamespace()
    a.fee_items = _action(tab, _tr("收费项目…"), lambda: edit_fee_items(tab),
                          _tr("收费项目、计费方式，以及按日期、按房屋用途生效的单价（抄表费用按此计算）"))
    a.import_ledger = _action(tab, _tr("导入原物业台账…"), lambda: import_ledger(tab),
                              _tr("从原物业的 Excel 收费台账导入（全部成功或全部不导入）"))
    a.reconcile = _action(tab, _tr("对账"), lambda: reconcile(tab),
                          _tr("按房号、收费项目、所属期逐项核对双方台账，列出差异"))
    a.compute = _action(tab, _tr("计算结果"), tab.on_compute_triggered,
                        _tr("按当前台账和处理结果重新计算欠费、预收款、押金、收缴率和结算"), "F5")
    a.sign = _action(tab, _tr("签署结算…"), tab.on_sign_triggered, _tr("全部差异处理后由主管签署；签署后只读"))
    a.amend = _action(tab, _tr("修订结算"), tab.on_amend_triggered, _tr("主管创建新版本草稿，以便更正"))
    a.print_settlement = _action(tab, _tr("打印结算报告…"), lambda: print_form(tab, "settlement"))
    a.print_arrears = _action(tab, _tr("打印欠费明细表…"), lambda: print_form(tab, "arrears"))
    a.export = _action(tab, _tr("导出会计工作簿…"), lambda: export_workbook(tab),
                       _tr("汇总、欠费明细、预收款、押金、代收代缴、差异、收缴率，一个 Excel 工作簿"))
    return a


def toolbar(tab: FeesTab) -> QToolBar:
    a = tab.acts
    bar = QToolBar(tab)
    bar.setStyleSheet("QToolBar { border: none; }")
    for group in ((a.fee_items, a.import_ledger, a.reconcile, a.compute), (a.sign, a.amend),
                  (a.print_settlement, a.print_arrears, a.export)):
        bar.addActions(list(group))
        bar.addSeparator()
    return bar


# The tooltip of 签署/修订 for those who may; who may is the settlement's permit (decided in models/).
ACTION_TIPS = {"sign": QT_TRANSLATE_NOOP("FeesTab", "全部差异处理后由主管签署；签署后只读"),
               "amend": QT_TRANSLATE_NOOP("FeesTab", "主管创建新版本草稿，以便更正")}


def update(tab: FeesTab) -> None:
    """Changes only while the settlement is not signed; print and export always; 签署 and 修订 as the
    state's permits say."""
    a, busy = tab.acts, tab.task is not None
    state = tab.state if tab.handover_id() is not None else None
    has = state is not None
    for action in (a.import_ledger, a.reconcile):
        action.setEnabled(state is not None and state.can_change and not busy)
    apply_permit(a.sign, state.sign_permit if state else None, _tr(ACTION_TIPS["sign"]),
                 state is not None and state.can_sign and not busy)
    apply_permit(a.amend, state.amend_permit if state else None, _tr(ACTION_TIPS["amend"]),
                 state is not None and state.can_amend and not busy)
    a.compute.setEnabled(has and not busy)
    a.fee_items.setEnabled(tab.project_id() is not None and not busy)
    for action in (a.print_settlement, a.print_arrears, a.export):
        action.setEnabled(has)


# ---- the long jobs ----------------------------------------------------------------------------

def reconcile(tab: FeesTab) -> None:
    handover_id, db = tab.handover_id(), tab.db
    if handover_id is None:
        return
    tab.task = tasks.run_with_progress(tab, _tr("正在对账…"), lambda progress: rc.reconcile(db, handover_id, progress),
                                       tab.on_reconciled, tab.on_task_failed)
    tab.task.cancelled.connect(tab.on_task_cancelled)
    update(tab)


def import_ledger(tab: FeesTab) -> None:
    handover_id = tab.handover_id()
    if handover_id is None:
        return
    # Imported when first opened: the import machinery (openpyxl, lxml, calamine) is not needed to show the window.
    from ...dialogs.ledger_import import LedgerImportDialog

    dialog = LedgerImportDialog(tab.db, handover_id, tab)
    dialog.ledger_imported.connect(tab.on_ledger_imported)
    tab.open_dialog(dialog)


def edit_fee_items(tab: FeesTab) -> None:
    project_id = tab.project_id()
    if project_id is None:
        return
    dialog = FeeItemsDialog(tab.db, project_id, tab)
    dialog.finished.connect(lambda _result: tab.load_state())  # new items appear in the filter
    tab.open_dialog(dialog)


def print_form(tab: FeesTab, form: str) -> tasks.Task | None:
    """财务结算报告 or 欠费明细表: made in the worker, then previewed."""
    handover_id, db = tab.handover_id(), tab.db
    if handover_id is None:
        return None
    title = _tr("财务结算报告") if form == "settlement" else _tr("欠费明细表")

    def make_pdf(path: Path, progress: tasks.Progress) -> None:  # in the worker
        # ReportLab is imported on first use, not at start: it was 1.3 s of the window's start.
        from reports import print_commands as pc

        (pc.print_settlement if form == "settlement" else pc.print_arrears)(db, handover_id, path, progress)

    return show_print_dialog(tab, make_pdf, title)


def ask_save_path(tab: FeesTab, name: str) -> Path | None:
    """The file dialog (tests replace this function)."""
    path, _ = file_dialogs.get_save_file_name(tab, _tr("导出会计工作簿"), name, _tr("Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def export_workbook(tab: FeesTab) -> None:
    handover_id, db = tab.handover_id(), tab.db
    if handover_id is None:
        return
    out = ask_save_path(tab, _tr("费用对账_会计工作簿.xlsx"))
    if out is None:
        return

    def export(progress: tasks.Progress) -> None:  # in the worker; openpyxl imported on first use
        from reports.excel.exports import export_fees

        export_fees(db, handover_id, out, progress)

    tasks.run_with_progress(tab, _tr("正在导出会计工作簿…"), export,
                            lambda _result: tab.inform(_tr("已导出到 {path}").format(path=out)),
                            lambda exc: show_error(exc, tab))
