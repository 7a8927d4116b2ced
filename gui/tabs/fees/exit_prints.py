"""The exit paperwork from the 结果 panel: one menu button on the 欠费明细, 预收款 and 押金 pages prints
the 告业主书 of the selected rows' owners (all of them when none is selected), the 押金退还确认单 or the
预收款移交确认单, made in the worker and shown in the print preview like every other form."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from models.services.exit_letters import place_of

from ... import tasks
from ...print_preview import show_print_dialog
from .records_page import RecordsPage

if TYPE_CHECKING:
    from .results_panel import ResultsPanel

FORMS = ("letter", "refund", "transfer")


class ExitPrints(QObject):
    """The menu and its buttons; `task` is the last print started (tests wait for its preview)."""

    def __init__(self, panel: ResultsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.task: tasks.Task | None = None
        self.menu = QMenu(panel)
        self.titles = {"letter": self.tr("告业主书"), "refund": self.tr("押金退还确认单"),
                       "transfer": self.tr("预收款移交确认单")}
        self.actions: dict[str, QAction] = {}
        for form in FORMS:
            action = self.menu.addAction(self.tr("打印{title}…").format(title=self.titles[form]))
            action.triggered.connect(lambda _checked=False, f=form: self.print_form(f))
            self.actions[form] = action
        self.buttons: list[QPushButton] = []
        self.tooltip = self.tr("退场移交：打印选中行所属房屋的告业主书、押金退还确认单或预收款移交确认单；"
                               "未选中任何行时打印全部")
        for page in (panel.arrears, panel.prepayments, panel.deposits):
            # A push button like its neighbours (改为退还业主…); with a menu it draws its own arrow.
            button = QPushButton(self.tr("致业主文件"), page)
            button.setToolTip(self.tooltip)
            button.setMenu(self.menu)
            page.buttons.addWidget(button)
            self.buttons.append(button)

    def update_actions(self) -> None:
        results = self.panel.results
        ready = results is not None and results.exit_paperwork and self.panel.task is None
        for button in self.buttons:
            button.setEnabled(ready)
            button.setToolTip(self.tooltip if results is None or results.exit_paperwork
                              else self.tr("告业主书和确认单只用于退场移交；本交接不是退场移交。"))

    def selected_units(self) -> list[str]:
        """The units of the rows selected on the page shown, in table order; [] for every owner."""
        page = self.panel.pages.currentWidget()
        if not isinstance(page, RecordsPage):
            return []
        rows = sorted(index.row() for index in page.table.selectionModel().selectedRows())
        units: dict[str, None] = {}
        for row in rows:
            record = page.proxy.record(row)
            if record is not None:
                units[place_of(record.building, record.unit)] = None
        return list(units)

    def print_form(self, form: str) -> tasks.Task | None:
        scope, db = self.panel._scope, self.panel.db
        if scope is None or scope.handover_id is None:
            return None
        handover_id, units = scope.handover_id, self.selected_units()

        def make_pdf(path: Path, progress: tasks.Progress) -> None:  # in the worker
            from reports import print_commands as pc  # ReportLab on first use, not at start

            fn = {"letter": pc.print_owner_letters, "refund": pc.print_deposit_refunds,
                  "transfer": pc.print_prepayment_transfers}[form]
            fn(db, handover_id, path, units, progress)

        self.task = show_print_dialog(self.panel, make_pdf, self.titles[form])
        return self.task
