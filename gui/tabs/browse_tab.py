"""The shape every table tab shares: a filter box, a count, a loading hint and a paged table."""
from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from models.browse import TABLES, Scope
from models.db import Database

from ..errors import show_error
from ..table_model import BrowseModel
from ..widgets.tables import record_table

ExportQuery = tuple[str, Scope | None, str, dict[str, Any]]
FILTER_DELAY_MS = 200  # typing pauses this long before the query goes out
KIND_WIDTHS = {"int": 64, "money": 110, "area": 90, "date": 96, "datetime": 132, "text": 110}


class BrowseTab(QWidget):
    """A tab over one TableSpec; subclasses set TABLE, WIDTHS, STRETCH and the placeholder."""

    TABLE = ""
    WIDTHS: ClassVar[dict[str, int]] = {}
    STRETCH = ""  # the column that takes the spare width (usually a description)
    PLACEHOLDER = ""
    MODEL = BrowseModel  # a tab may colour or format its rows in a subclass

    loaded = Signal()  # the first page and the count of the current query are in

    def __init__(self, db: Database, parent: QWidget | None = None, background: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.model = self.MODEL(db, TABLES[self.TABLE], self, background=background)
        self._dirty = False
        self._scope: Scope | None = None
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._build()
        self._wire()

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self, clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.placeholder())
        self.loading_label = QLabel(self.tr("加载中…"), self)
        self.loading_label.setVisible(False)
        self.count_label = QLabel(self)
        self.table = self._make_table()
        top = self.filter_row = QHBoxLayout()  # a subclass adds its own controls to this row
        top.addWidget(QLabel(self.tr("筛选："), self))
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.loading_label)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter_edit)

    def placeholder(self) -> str:
        return self.PLACEHOLDER or self.tr("输入文字筛选，回车转到表格")

    def _make_table(self) -> QTableView:
        table = record_table(self, self.model)
        # -1 = the query's natural order until the clerk clicks a header.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        self._size_columns(table.horizontalHeader())
        return table

    def _size_columns(self, header: QHeaderView) -> None:
        header.setMinimumSectionSize(40)
        header.setStretchLastSection(not self.STRETCH)
        for i, column in enumerate(self.model.spec.columns):
            header.resizeSection(i, self.WIDTHS.get(column.key, KIND_WIDTHS[column.kind]))
            if column.key == self.STRETCH:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def _wire(self) -> None:
        self.filter_edit.textEdited.connect(self.on_filter_edited)
        self.filter_edit.returnPressed.connect(self.on_filter_return_pressed)
        self._debounce.timeout.connect(self.on_filter_settled)
        self.model.loading_started.connect(self.on_loading_started)
        self.model.loaded.connect(self.on_page_loaded)
        self.model.counted.connect(self.on_counted)
        self.model.failed.connect(self.on_query_failed)

    # ---- what the main window calls ----------------------------------------------------------

    def set_scope(self, scope: Scope | None) -> None:
        """A new project/handover: load now if the clerk sees this tab, else when shown."""
        self._scope = scope
        self.reload()

    def reload(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.model.set_scope(self._scope)
        else:
            self._dirty = True

    def is_loaded(self) -> bool:
        return not self._dirty and not self.model.is_loading()

    def export_query(self) -> ExportQuery:
        """What an export of this tab should contain: table key, scope, filter text and filters."""
        return self.TABLE, self.model.scope, self.model.filter_text, self.model.filters

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    # ---- slots -------------------------------------------------------------------------------

    def on_filter_edited(self, _text: str) -> None:
        self._debounce.start()

    def on_filter_settled(self) -> None:
        self.model.set_filter(self.filter_edit.text())

    def on_filter_return_pressed(self) -> None:
        """Enter: run the filter now and move on to the first row."""
        self._debounce.stop()
        self.on_filter_settled()
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def on_loading_started(self) -> None:
        self.loading_label.setVisible(True)
        self.count_label.setText("")

    def on_page_loaded(self) -> None:
        self._maybe_done()

    def on_counted(self, total: int) -> None:
        if self.model.total_is_exact():
            self.count_label.setText(self.tr("共 {n} 条").format(n=f"{total:,}"))
        else:
            self.count_label.setText(self.tr("超过 {n} 条，正在计数…").format(n=f"{total:,}"))
        self._maybe_done()

    def on_query_failed(self, exc: BaseException) -> None:
        self.loading_label.setVisible(False)
        show_error(exc, self)
        self.loaded.emit()

    def _maybe_done(self) -> None:
        if not self.model.is_loading():
            self.loading_label.setVisible(False)
            self.loaded.emit()
