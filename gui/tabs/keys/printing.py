"""The keys tab's 打印 menu: every key form, made in the background and shown in the print preview.

钥匙标签 for the keys selected in the table (or the key on the card) or for a whole cabinet, the
钥匙发放签收单 of the key on the card, the 钥匙借用登记表 of a period, the 备用钥匙封存表 and the
钥匙交接表 of the handover — the same forms as `main.py print key-…`, through reports/print_commands.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QWidget

from models.db import Database
from models.errors import ValidationError
from models.services import key_custody as kc
from models.services import projects

from ... import tasks
from ...dates import py_date
from ...dialogs.base_dialog import ServiceDialog, date_edit
from ...errors import show_error
from ...print_preview import show_print_dialog
from ...table_model import RecordIdRole

if TYPE_CHECKING:
    from .tab import KeysTab

MakePdf = Callable[[str, Path, Any], object]  # (project code, out, progress)


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeysTab", text)


def build(tab: KeysTab) -> SimpleNamespace:
    """Every print action of the tab (tests trigger them as the clerk would)."""
    a = SimpleNamespace()
    a.labels = _action(tab, _tr("钥匙标签（所选钥匙）…"), lambda: print_labels(tab))
    a.cabinet_labels = _action(tab, _tr("钥匙标签（整个钥匙柜）…"), lambda: print_cabinet_labels(tab))
    a.issue = _action(tab, _tr("钥匙发放签收单（当前钥匙）…"), lambda: print_issue(tab))
    a.lending = _action(tab, _tr("钥匙借用登记表…"), lambda: print_lending(tab))
    a.seal = _action(tab, _tr("备用钥匙封存表…"), lambda: print_seal(tab))
    a.handover = _action(tab, _tr("钥匙交接表…"), lambda: print_handover(tab))
    return a


def _action(tab: KeysTab, text: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, tab)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def button(tab: KeysTab) -> QPushButton:
    a = tab.prints
    menu = QMenu(tab)
    menu.addActions([a.labels, a.cabinet_labels])
    menu.addSeparator()
    menu.addActions([a.issue, a.lending, a.seal, a.handover])
    push = QPushButton(_tr("打印"), tab)
    push.setMenu(menu)
    return push


def update(tab: KeysTab) -> None:
    """What can be printed for the scope and the key on the card; a disabled form says what it needs."""
    a, scope, key = tab.prints, tab.scope(), tab.card.key
    for action in (a.labels, a.cabinet_labels, a.lending, a.seal):
        action.setEnabled(scope is not None)
    _enable(a.issue, scope is not None and key is not None and key.issued,
            _tr("打印当前钥匙最近一次发放给业主的签收单"), _tr("请先扫描一把已发放给业主的钥匙"))
    _enable(a.handover, scope is not None and scope.handover_id is not None,
            _tr("本次交接的全部钥匙，三方签字"), _tr("请先在工具栏选择交接"))


def _enable(action: QAction, on: bool, tip: str, why_not: str) -> None:
    action.setEnabled(on)
    action.setToolTip(tip if on else why_not)


# ---- the forms -------------------------------------------------------------------------------------

def _start(tab: KeysTab, title: str, make: MakePdf) -> tasks.Task | None:
    """The PDF in the worker (the project's code looked up there too), then the preview."""
    scope = tab.scope()
    if scope is None:
        return None
    db, project_id = tab.db, scope.project_id
    task = show_print_dialog(tab, lambda out, progress: make(_code(db, project_id), out, progress), title)
    tab.print_task = task  # tests reach the preview through it
    return task


def _code(db: Database, project_id: int) -> str:
    found = [p.code for p in projects.list_projects(db) if p.id == project_id]
    if not found:
        raise ValidationError(_tr("项目不存在，请重新选择项目。"))
    return found[0]


def selected_tags(tab: KeysTab) -> list[str]:
    """The tags of the rows selected in the table, in table order; else the key on the card."""
    rows = sorted(i.row() for i in tab.table.selectionModel().selectedRows())
    tags = [str(tab.model.row_values(r)[0]) for r in rows if tab.model.index(r, 0).data(RecordIdRole) is not None]
    if not tags and tab.card.key is not None:
        tags = [tab.card.key.tag]
    return tags


def print_labels(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    tags = selected_tags(tab)
    if not tags:
        show_error(ValidationError(_tr("请先在表格中选择钥匙（可多选），或扫描一把钥匙。")), tab)
        return None
    db = tab.db
    title = _tr("钥匙标签 — {tag}").format(tag=tags[0]) if len(tags) == 1 else \
        _tr("钥匙标签 — {n} 把").format(n=len(tags))
    return _start(tab, title, lambda code, out, _p: pc.print_key_labels(db, code, out, tags=tags))


def print_cabinet_labels(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    scope = tab.scope()
    if scope is None:
        return None
    dialog = CabinetDialog(kc.cabinets(tab.db, scope.project_id), tab)
    if not dialog.exec():
        return None
    db, cabinet = tab.db, dialog.result_value
    return _start(tab, _tr("钥匙标签 — 钥匙柜 {c}").format(c=cabinet),
                  lambda code, out, _p: pc.print_key_labels(db, code, out, cabinet=cabinet))


def print_issue(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    key = tab.card.key
    if key is None or not key.issued:
        return None
    db, tag = tab.db, key.tag
    return _start(tab, _tr("钥匙发放签收单 — {tag}").format(tag=tag),
                  lambda code, out, progress: pc.print_key_issue(db, code, tag, out, progress))


def print_lending(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    dialog = PeriodDialog(tab.now().date(), tab)
    if not dialog.exec():
        return None
    db, (start, end) = tab.db, dialog.result_value
    return _start(tab, _tr("钥匙借用登记表 {a} 至 {b}").format(a=start.isoformat(), b=end.isoformat()),
                  lambda code, out, progress: pc.print_key_lending(db, code, start, end, out, progress))


def print_seal(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    db = tab.db
    return _start(tab, _tr("备用钥匙封存表"), lambda code, out, progress: pc.print_key_seal(db, code, out, progress))


def print_handover(tab: KeysTab) -> tasks.Task | None:
    from reports import print_commands as pc

    scope = tab.scope()
    if scope is None or scope.handover_id is None:
        return None
    db, handover_id = tab.db, scope.handover_id
    return _start(tab, _tr("钥匙交接表"),
                  lambda _code, out, progress: pc.print_key_handover(db, handover_id, out, progress))


# ---- what a form asks first ------------------------------------------------------------------------

class CabinetDialog(ServiceDialog):
    """Which cabinet's labels: the project's cabinets."""

    def __init__(self, cabinets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(_tr("打印钥匙柜的标签"), parent)
        self.cabinet = QComboBox(self)
        self.cabinet.addItems(cabinets)
        self.cabinet.setMinimumWidth(160)
        self.form.addRow(_tr("钥匙柜："), self.cabinet)
        self.finish_layout()
        if not cabinets:
            self.error_label.setText(_tr("还没有钥匙存入钥匙柜。"))
            self.error_label.setVisible(True)
        self.cabinet.setFocus()

    def save(self) -> str:
        if not self.cabinet.currentText():
            raise ValidationError(_tr("请选择钥匙柜。"))
        return self.cabinet.currentText()


class PeriodDialog(ServiceDialog):
    """The 借用登记表's period: this month so far, unless changed; 至 never before 自."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(_tr("钥匙借用登记表"), parent)
        self.start = date_edit(self, today.replace(day=1))
        self.end = date_edit(self, today)
        self.end.setMinimumDate(self.start.date())
        self.start.dateChanged.connect(self.on_start_changed)
        self.form.addRow(_tr("自："), self.start)
        self.form.addRow(_tr("至："), self.end)
        self.finish_layout()
        self.start.setFocus()

    def on_start_changed(self, day: QDate) -> None:
        self.end.setMinimumDate(day)

    def save(self) -> tuple[dt.date, dt.date]:
        return py_date(self.start.date()), py_date(self.end.date())
