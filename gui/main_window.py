"""The main window: builds the five tabs, the project/handover selector, menus and status bar.

It is built in two steps. `MainWindow()` without a database is the frame: title, selector, the five
tabs' titles and 正在打开… — made from PySide6 alone, so a clerk sees the program within a fraction
of a second of double-clicking it. `attach(db)` then builds the tabs, menus and status bar on the
opened database (gui/startup.py runs the steps between). `MainWindow(db)` does both at once.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from . import file_dialogs, ops, tasks
from .errors import show_error

if TYPE_CHECKING:  # the frame is painted before the storage layer is imported
    from models.browse import Scope
    from models.db import Database
    from models.services.projects import ProjectRow

    from .tabs.browse_tab import ExportQuery

TAB_KEYS = ("overview", "handover", "defects", "keys", "fees")
# The kinds of records each tab shows: a change touching none of them leaves the tab as it is.
_EVERY_SCOPE = frozenset({ops.PEOPLE, ops.HANDOVERS, ops.PROJECTS})
TAB_SHOWS: dict[str, frozenset[str]] = {
    "overview": ops.ALL_KINDS - {ops.USERS, ops.TEMPLATES},
    "handover": _EVERY_SCOPE | {ops.LISTS, ops.DEFECTS, ops.TEMPLATES},
    "defects": _EVERY_SCOPE | {ops.DEFECTS, ops.SETTINGS},
    "keys": _EVERY_SCOPE | {ops.KEYS, ops.SETTINGS},
    "fees": _EVERY_SCOPE | {ops.FEES, ops.SETTINGS},
}


def menu_installers() -> list[Any]:
    """The modules that put their actions in the window's menus: install(window, menus)."""
    from .menus import accounts, backups, handoff, office, package, settings, setup

    return [office.install, setup.install, accounts.install, package.install, handoff.install, settings.install,
            backups.install]


class MainWindow(QMainWindow):
    """Holds no data of its own: it tells the tabs which scope to show and when data changed."""

    # records changed, said by a subject word ("roster", "settings", ... or "" for any): put on ops.changes()
    data_changed = Signal(str)

    db: Database  # set by attach(): a frame has none yet

    def __init__(self, db: Database | None = None, initial_tab: str = "overview",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("物业交接台"))
        self.resize(1366, 768)
        self.tabs: dict[str, Any] = {}
        self.initial_tab = initial_tab
        self.attached = False
        self._build_toolbar()
        self._build_frame()
        self._build_menu_titles()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """The frame becomes the working window on `db`: tabs, menus, status bar, the projects."""
        self.db = db
        self._build_tabs()
        self._build_menu()
        self._build_status_bar()
        self.toolbar.setEnabled(True)
        self.data_changed.connect(self.on_data_changed)
        ops.changes().changed.connect(self.on_changed)
        self.attached = True
        self.show_tab(self.initial_tab)
        self._load_projects()

    # ---- building ----------------------------------------------------------------------------

    def _build_frame(self) -> None:
        """The five tabs' titles over one page that says the database is being opened."""
        self.tab_widget = QTabWidget(self)
        self.setCentralWidget(self.tab_widget)
        titles = (self.tr("概览"), self.tr("交接清单"), self.tr("遗留问题"), self.tr("钥匙管理"), self.tr("费用对账"))
        for key, title in zip(TAB_KEYS, titles, strict=True):
            self.tab_widget.addTab(self._opening_page() if key == self.initial_tab else QWidget(), title)
        self.tab_widget.setCurrentIndex(TAB_KEYS.index(self.initial_tab))

    def _opening_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel(self.tr("正在打开数据库…"), page)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(page)
        bar.setRange(0, 0)  # busy: how long depends on the database, not on steps we could count
        bar.setFixedWidth(240)
        bar.setTextVisible(False)
        layout.addWidget(label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("项目与交接"), self)
        self.toolbar = bar
        bar.setEnabled(False)  # until attach(): nothing to choose yet
        bar.setMovable(False)
        self.project_combo = QComboBox(bar, minimumContentsLength=16)
        self.handover_combo = QComboBox(bar, minimumContentsLength=34)
        for text, combo in ((self.tr("项目："), self.project_combo), (self.tr("　交接："), self.handover_combo)):
            bar.addWidget(QLabel(text, bar))
            bar.addWidget(combo)
        self.project_combo.currentIndexChanged.connect(self.on_project_selected)
        self.handover_combo.currentIndexChanged.connect(self.on_handover_selected)
        self.addToolBar(bar)

    def _build_tabs(self) -> None:
        """Each frame page replaced by its tab, under the same title."""
        from .tabs.defects.tab import DefectsTab
        from .tabs.fees.tab import FeesTab
        from .tabs.handover.tab import HandoverTab
        from .tabs.keys.tab import KeysTab
        from .tabs.overview.tab import OverviewTab

        classes = (OverviewTab, HandoverTab, DefectsTab, KeysTab, FeesTab)
        self.tab_widget.setUpdatesEnabled(False)  # one repaint once every tab is in place
        for index, (key, cls) in enumerate(zip(TAB_KEYS, classes, strict=True)):
            self.tabs[key] = cls(self.db, self.tab_widget)
            title, placeholder = self.tab_widget.tabText(index), self.tab_widget.widget(index)
            self.tab_widget.removeTab(index)
            self.tab_widget.insertTab(index, self.tabs[key], title)
            if placeholder is not None:
                placeholder.deleteLater()
        self.tab_widget.setUpdatesEnabled(True)
        self.tab_widget.currentChanged.connect(self.on_tab_changed)
        handover_tab = self.tabs["handover"]
        handover_tab.handover_saved.connect(self.on_handover_saved)
        # The keys tab's writes announce themselves through ops.run_op; these tabs still say it in a word.
        for key in ("handover", "defects", "fees"):
            tab = self.tabs[key]
            tab.data_edited.connect(lambda subject, tab=tab: ops.publish(ops.subject_change(subject, tab)))

    def _build_menu_titles(self) -> None:
        """The menu bar as it will be, greyed until attach() fills the menus."""
        bar = self.menuBar()
        self.menus = {"file": bar.addMenu(self.tr("文件(&F)")), "project": bar.addMenu(self.tr("项目(&P)")),
                      "admin": bar.addMenu(self.tr("管理(&A)")), "help": bar.addMenu(self.tr("帮助(&H)"))}
        for m in self.menus.values():
            m.setEnabled(False)

    def _build_menu(self) -> None:
        menu = self.menus["file"]
        self.export_action = self._action(menu, self.tr("导出当前表格到 Excel…"), self.on_export_triggered, "Ctrl+E")
        self.import_action = self._action(menu, self.tr("导入业主名册…"), self.on_import_roster_triggered)
        menu.addSeparator()
        # Each subject adds its own entries (projects and people, accounts, settings, backups, help).
        for install in menu_installers():
            install(self, self.menus)
        self.menus["file"].addSeparator()
        self._action(self.menus["file"], self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        for m in self.menus.values():
            m.setEnabled(True)
            m.menuAction().setVisible(not m.isEmpty())

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        user = self.db.user
        who = self.tr("{name}（{username}）").format(name=user.display_name or user.username, username=user.username) \
            if user else self.tr("未登录")
        self.db_label = QLabel(self.tr("数据库：{name}").format(name=self.db.display_name), self)
        self.user_label = QLabel(self.tr("用户：{name}").format(name=who), self)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    # ---- selection ---------------------------------------------------------------------------

    def _load_projects(self) -> None:
        from models.services import projects

        self.project_combo.clear()
        for p in projects.list_projects(self.db):
            self.project_combo.addItem(self.tr("{name}（{code}）").format(name=p.name, code=p.code), p)
        if not self.project_combo.count():
            self._set_scope(None)

    def reload_projects(self, select_id: int | None = None) -> None:
        """The project list again (one was created or edited elsewhere), then project `select_id` shown."""
        self._reload_project_list(select_id)
        self.on_project_selected(self.project_combo.currentIndex())

    def _reload_project_list(self, select_id: int | None) -> None:
        current = self.current_project()
        keep = select_id if select_id is not None else current.id if current else None
        self.project_combo.blockSignals(True)
        self._load_projects()
        index = next((i for i in range(self.project_combo.count()) if self.project_combo.itemData(i).id == keep), 0)
        self.project_combo.setCurrentIndex(index if self.project_combo.count() else -1)
        self.project_combo.blockSignals(False)

    def current_project(self) -> ProjectRow | None:
        return self.project_combo.currentData()

    def current_scope(self) -> Scope | None:
        from models.browse import Scope

        project = self.current_project()
        if project is None:
            return None
        handover = self.handover_combo.currentData()
        return Scope(project.id, handover.id if handover else None)

    def _set_scope(self, scope: Scope | None) -> None:
        for tab in self.tabs.values():
            tab.set_scope(scope)

    def on_project_selected(self, _index: int) -> None:
        self._load_handovers(None)

    def _load_handovers(self, select_id: int | None) -> None:
        from models.services import projects

        project = self.current_project()
        self.handover_combo.blockSignals(True)
        self.handover_combo.clear()
        for h in projects.list_handovers(self.db, project.id) if project else []:
            self.handover_combo.addItem(self.tr("{caption}（基准日 {cutoff}）").format(
                caption=h.caption, cutoff=h.cutoff_date.isoformat()), h)
            if h.id == select_id:
                self.handover_combo.setCurrentIndex(self.handover_combo.count() - 1)
        self.handover_combo.blockSignals(False)
        self.on_handover_selected(self.handover_combo.currentIndex())

    def show_scope(self, project_id: int | None, handover_id: int | None = None, tab: str | None = None) -> None:
        """Reload the projects (one may be new) and show this project and handover, and the tab."""
        self._reload_project_list(project_id)
        self._load_handovers(handover_id)
        if tab is not None:
            self.show_tab(tab)

    def on_handover_saved(self, handover_id: int) -> None:
        """A handover was created or edited in a tab: refresh the selector and show that one."""
        self._load_handovers(handover_id)

    def on_handover_selected(self, _index: int) -> None:
        self._set_scope(self.current_scope())

    # ---- tabs --------------------------------------------------------------------------------

    def show_tab(self, key: str) -> None:
        self.tab_widget.setCurrentWidget(self.tabs[key])
        self.on_tab_changed(self.tab_widget.currentIndex())

    def current_tab(self) -> Any:
        return self.tab_widget.currentWidget()

    def on_tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        self.export_action.setEnabled(hasattr(tab, "export_query"))  # table tabs; fees: its two lists
        tab.setFocus()  # typing-first: the filter box of a table tab

    def on_data_changed(self, subject: str) -> None:
        ops.publish(ops.subject_change(subject))

    def on_changed(self, change: ops.Change) -> None:
        """Reload the tabs that show what changed, in this project; the tab that made the change has
        shown it already."""
        scope = self.current_scope()
        project_id = scope.project_id if scope else None
        for key, tab in self.tabs.items():
            if change.started_in(tab) or not change.touches(TAB_SHOWS[key]) or not change.in_project(project_id):
                continue
            tab.reload()

    # ---- menu actions ------------------------------------------------------------------------

    def on_export_triggered(self) -> None:
        tab, project = self.current_tab(), self.current_project()
        query = tab.export_query() if hasattr(tab, "export_query") else None
        if query is None or project is None:
            self.statusBar().showMessage(self.tr("当前页面没有可导出的表格。"), 5000)
            return
        name = f"{project.name}_{self.tab_widget.tabText(self.tab_widget.currentIndex())}.xlsx"
        path, _ = file_dialogs.get_save_file_name(self, self.tr("导出到 Excel"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self._export(query, project, Path(path))

    def _export(self, query: ExportQuery, project: ProjectRow, out: Path) -> None:
        from reports.excel.tab_export import export_tab

        table, scope, text, filters = query
        handover_id = scope.handover_id if scope else None

        def job(progress: tasks.Progress) -> Any:
            return export_tab(self.db, table, project.code, out, progress=progress,
                              handover_id=handover_id, filter_text=text, filters=filters)

        tasks.run_with_progress(self, self.tr("正在导出到 Excel…"), job,
                                lambda rows: self.on_export_finished(out, rows),
                                lambda exc: show_error(exc, self))

    def on_export_finished(self, out: Path, rows: Any) -> None:
        self.statusBar().showMessage(self.tr("已导出 {rows} 行到 {path}").format(rows=rows, path=out), 10000)

    def on_import_roster_triggered(self) -> None:
        project = self.current_project()
        if project is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先选择一个项目。"))
            return
        from .dialogs.roster_import import RosterImportDialog  # written separately; imported when used

        if RosterImportDialog(self.db, project.id, self).exec():
            self.data_changed.emit("roster")

