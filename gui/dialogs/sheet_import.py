"""The import dialog every spreadsheet import shares: choose a file, preview, map columns, import."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import DomainError
from models.imports.preview import SheetPreview
from models.imports.sheet import SCAN_ROWS, ColumnMap, FieldSpec

from .. import file_dialogs, tasks
from ..errors import show_error
from ..widgets.screen_fit import fit_to_screen, scrolling_form
from .column_mapping import ERROR_STYLE, ColumnMappingBox
from .preview_model import SheetPreviewModel

MAX_COLUMN_WIDTH = 360
OK_STYLE = "color: #1e7d32;"
NOTE_STYLE = "color: #8a5a00;"  # not a problem, but to be read before importing
SKIPPED_LISTED = 12
LAYOUT_TAB = 1  # the tab of sheets and blocks beside the column mapping
Preview = SheetPreview[Any]


class SheetImportDialog(QDialog):
    """Preview a sheet in a worker, let the clerk fix the column mapping, import all-or-nothing.

    A subclass names its fields and texts and says how to read and how to import.
    """

    previewed = Signal(object)  # the preview now shown, or None if the file could not be read

    def __init__(self, db: Database, fields: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._fields = db, tuple(fields)
        self._path: Path | None = None
        self._preview: Preview | None = None
        self._task: tasks.Task | None = None
        # The clerk's choice of sheets and side-by-side blocks (None: the pipeline's default).
        self._sheets: tuple[str, ...] | None = None
        self._blocks: tuple[int, ...] | None = None
        self.resize(1100, 700)

    # ---- what a subclass says ------------------------------------------------------------------

    def prompt_text(self) -> str:  # pragma: no cover - every subclass says
        raise NotImplementedError

    def file_caption(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def reading_text(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def importing_text(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def make_model(self) -> SheetPreviewModel:  # pragma: no cover
        raise NotImplementedError

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> Preview:
        """Runs in the worker."""
        raise NotImplementedError  # pragma: no cover

    def import_job(self, preview: Preview) -> tasks.Job:
        """Called on the GUI thread: read the widgets here, return the worker's job."""
        raise NotImplementedError  # pragma: no cover

    def on_import_done(self, result: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def add_options(self, layout: QVBoxLayout) -> None:
        """Widgets of the subclass's own between the file row and the preview."""

    def plan_text(self, preview: Preview) -> str:
        """What importing will create, in the clerk's words (said when the sheet is clean)."""
        return self.tr("将导入 {0} 行。").format(len(preview.rows))

    def can_import(self) -> bool:
        return self._preview is not None and self._preview.ok

    # ---- building the widgets ------------------------------------------------------------------

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_row())
        self.header_label = QLabel(self.prompt_text())
        self.header_label.setWordWrap(True)  # a long sheet name or a note must not widen the dialog past the screen
        layout.addWidget(self.header_label)
        self.add_options(layout)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.mapping_box = ColumnMappingBox(self._fields)
        self.mapping_box.setTitle("")  # its tab says 列对应
        self.mapping_box.setEnabled(False)
        self.mapping_box.mapping_changed.connect(self.on_mapping_changed)
        self.combos, self.states = self.mapping_box.combos, self.mapping_box.states  # tests reach them here
        top_layout.addLayout(self._left_column())
        top_layout.addWidget(self._table(), 1)
        splitter.addWidget(top)
        splitter.addWidget(self._problem_box())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 140])  # the preview first; the problem list grows when dragged
        layout.addWidget(splitter, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        layout.addWidget(self._buttons())
        self._fit_small_screens()
        self._fit_screen()

    def _fit_small_screens(self) -> None:
        """A dozen fields make a tall mapping box, and an importer's own options take a line: keep the
        dialog within a 1366×768 screen at 150 %."""
        grid = self.mapping_box.layout()
        assert isinstance(grid, QGridLayout)  # ColumnMappingBox lays its rows out on a grid
        grid.setVerticalSpacing(2)
        self.problem_list.setMinimumHeight(self.fontMetrics().height() * 3)

    def _scrolled(self, box: QWidget) -> QScrollArea:
        """Fourteen fields are taller than a 1366×768 screen at 125 %: the mapping scrolls, the dialog fits."""
        area = QScrollArea()
        area.setWidget(box)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(box.sizeHint().width() + area.verticalScrollBar().sizeHint().width())
        return area

    def _left_column(self) -> QVBoxLayout:
        """The column mapping, and beside it (a tab: 1366×768 at 125 % has no height to spare) the
        sheets and blocks to take, offered when the workbook has other sheets or blocks."""
        column = QVBoxLayout()
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(self._scrolled(self.mapping_box), self.tr("列对应"))
        self.layout_box = QWidget()
        box_layout = QVBoxLayout(self.layout_box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        self.layout_list = QListWidget()
        self.layout_list.setWordWrap(True)
        self.layout_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layout_list.setMinimumHeight(self.fontMetrics().height() * 2)  # the tab must not make the dialog taller
        self.layout_list.itemChanged.connect(self.on_layout_item_changed)
        box_layout.addWidget(self.layout_list, 1)
        self.left_tabs.addTab(self.layout_box, self.tr("工作表与并排块"))
        self.left_tabs.setTabToolTip(LAYOUT_TAB, self.tr("勾选要导入的工作表或并排的块；表头相同的几张工作表合为一张表导入"))
        self.layout_list.setToolTip(self.left_tabs.tabToolTip(LAYOUT_TAB))
        self.left_tabs.setTabVisible(LAYOUT_TAB, False)
        column.addWidget(self.left_tabs, 1)
        return column

    def _fit_screen(self) -> None:
        """The default size, or the screen's available size where that is smaller (a laptop at 125 %)."""
        fit_to_screen(self, 1100, 700)  # the taskbar and the title bar taken off too

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("未选择文件"))
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.reload_button = QPushButton(self.tr("重新读取"))
        self.reload_button.setToolTip(self.tr("在 Excel 中改好后重新读取同一文件"))
        self.reload_button.setEnabled(False)
        self.reload_button.clicked.connect(self.on_reload_clicked)
        self.header_row_spin = QSpinBox()
        self.header_row_spin.setRange(0, SCAN_ROWS)
        self.header_row_spin.setSpecialValueText(self.tr("自动"))
        self.header_row_spin.setToolTip(self.tr("表头认不出时，指明表头在 Excel 的第几行；再在“列对应”中逐个指定"))
        self.header_row_spin.valueChanged.connect(self.on_header_row_changed)
        row.addWidget(QLabel(self.tr("文件：")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.reload_button)
        row.addWidget(QLabel(self.tr("表头行：")))
        row.addWidget(self.header_row_spin)
        return row

    def _table(self) -> QTableView:
        self.model = self.make_model()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        return self.table

    def _problem_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("问题，以及将导入、跳过、未导入的内容"))
        layout = QVBoxLayout(box)
        self.problem_list = QListWidget()
        self.problem_list.itemActivated.connect(self.on_problem_activated)
        self.problem_list.itemClicked.connect(self.on_problem_activated)
        # Three parts, for every import: what will be imported, what is skipped, what is not imported.
        # One line per note, unwrapped: a word-wrapped label in a scroll area is squeezed to the area's
        # height and its lines drawn over each other; unwrapped, the box scrolls both ways instead.
        self.plan_label = QLabel()
        self.skipped_label = QLabel()
        # Columns, blocks and sheets not imported, and total rows that disagree with their lines.
        self.notes_label = QLabel()
        self.notes_label.setStyleSheet(NOTE_STYLE)
        # The notes scroll in a short box (1366×768 at 125 %).
        notes = QWidget()
        notes_layout = QFormLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setVerticalSpacing(2)
        notes_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        notes_layout.addRow(self.tr("将导入："), self.plan_label)
        notes_layout.addRow(self.tr("跳过："), self.skipped_label)
        notes_layout.addRow(self.tr("未导入及提示："), self.notes_label)
        notes_area = scrolling_form(notes, box)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(notes_area, 1)
        return box

    def _buttons(self) -> QDialogButtonBox:
        # Our own "关闭" rather than StandardButton.Close: Qt's own strings stay English without qtbase .qm.
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.on_import_clicked)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        return buttons

    # ---- slots -----------------------------------------------------------------------------------

    def on_choose_clicked(self, _checked: bool = False) -> None:
        path, _ = file_dialogs.get_open_file_name(self, self.file_caption(), "",
                                                  self.tr("Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.et);;所有文件 (*)"))
        if path:
            self.load_file(path)

    def on_reload_clicked(self, _checked: bool = False) -> None:
        self._refresh(self.mapping_box.mapping())

    def on_mapping_changed(self) -> None:
        self._refresh(self.mapping_box.mapping())

    def on_header_row_changed(self, _row: int) -> None:
        """Another header row: its columns are listed afresh, and recognised again."""
        self.mapping_box.forget_columns()
        self._blocks = None  # the blocks of another header are its own
        self._refresh({})

    def on_layout_item_changed(self, _item: QListWidgetItem) -> None:
        """The clerk ticked a sheet or a block: read again with that choice."""
        if self.layout_list.signalsBlocked():
            return
        sheets: list[str] = []
        blocks: list[int] = []
        for i in range(self.layout_list.count()):
            item = self.layout_list.item(i)
            kind, value = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked:
                (sheets if kind == "sheet" else blocks).append(value)
        self._sheets = tuple(sheets) or None  # none ticked: the first sheet with a header, as at first
        self._blocks = tuple(blocks) or None
        self.mapping_box.forget_columns()
        self._refresh({})

    def on_problem_activated(self, item: QListWidgetItem) -> None:
        if self._preview is None:
            return
        problem = self._preview.problems[item.data(Qt.ItemDataRole.UserRole)]  # the row knows its sheet and block
        row = self.model.row_of_excel_row(problem.row)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def on_import_clicked(self, _checked: bool = False) -> None:
        preview = self._preview
        if preview is None or not self.can_import():
            return
        self.import_button.setEnabled(False)
        task = tasks.run_with_progress(self, self.importing_text(), self.import_job(preview),
                                       self.on_import_done, self.on_import_failed)
        task.cancelled.connect(self.on_import_cancelled)

    def on_import_failed(self, exc: BaseException) -> None:
        self.update_import_button()
        if not isinstance(exc, DomainError):
            show_error(exc, self)  # a bug: the one bug dialog
            return
        self.show_result(str(exc), ok=False)

    def on_import_cancelled(self) -> None:
        self.update_import_button()
        self.show_result(self.tr("已取消导入，未写入任何数据。"), ok=False)

    def update_import_button(self) -> None:
        self.import_button.setEnabled(self._task is None and self.can_import())

    # ---- preview ---------------------------------------------------------------------------------

    def load_file(self, path: str | Path) -> None:
        """Preview `path` with the columns recognised automatically."""
        self._path = Path(path)
        self.mapping_box.forget_columns()
        self.header_row_spin.blockSignals(True)
        self.header_row_spin.setValue(0)  # a new file: its header is looked for again
        self.header_row_spin.blockSignals(False)
        self.path_edit.setText(str(self._path))
        self.reload_button.setEnabled(True)
        self._sheets = self._blocks = None  # a new file: its sheets and blocks are offered afresh
        self._refresh({})

    @property
    def preview(self) -> Preview | None:
        return self._preview

    def _refresh(self, mapping: dict[str, int | None]) -> None:
        """Read the file again in a worker; a newer request supersedes a running one."""
        if self._path is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._set_busy(True)
        header_row = self.header_row_spin.value() or None
        path = self._path
        sheets, blocks = self._sheets, self._blocks
        chosen: dict[str, int | None] | None = (ColumnMap(mapping, header_row, sheets=sheets, blocks=blocks)
                                                if mapping or header_row or sheets or blocks else None)
        def job(progress: Any) -> Any:
            return self.read_sheet(path, chosen, progress)
        task = tasks.run_with_progress(self, self.reading_text(), job, self.on_preview_ready,
                                       self.on_preview_failed)
        task.cancelled.connect(lambda: self.on_preview_cancelled(task))
        self._task = task

    def on_preview_cancelled(self, task: tasks.Task) -> None:
        if task is self._task:  # not when a newer preview superseded it
            self._task = None
            self._set_busy(False)
            self.show_result(self.tr("已取消读取。"), ok=False)

    def on_preview_ready(self, preview: Preview) -> None:
        self._task = None
        self._set_busy(False)
        self._preview = preview
        self.show_preview(preview)
        self.previewed.emit(preview)

    def on_preview_failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            show_error(exc, self)  # a bug: the one bug dialog
            return
        self._preview = None
        self.show_preview(None)
        self.show_result(str(exc), ok=False)
        self.previewed.emit(None)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.mapping_box, self.choose_button, self.reload_button, self.header_row_spin,
                       self.layout_list):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def show_preview(self, preview: Preview | None) -> None:
        self.model.set_preview(preview)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # a long problem text must not push the rest away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        self.mapping_box.setEnabled(preview is not None)
        self.update_import_button()
        if preview is None:
            self.header_label.setText("")
            self.problem_list.clear()
            for label in (self.plan_label, self.skipped_label, self.notes_label):
                label.setText("")
            return
        self.mapping_box.show_header(preview.header)
        self._show_layout(preview)
        self._show_problems(preview)
        self.header_label.setText(self._header_text(preview))
        self._show_verdict(preview)

    def _show_verdict(self, preview: Preview) -> None:
        if preview.ok:
            self.show_result(self.plan_text(preview) + self.tr("检查通过，可以导入。"), ok=True)
        elif preview.rows:
            self.show_result(self.tr("有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。"),
                             ok=False)
        else:
            self.show_result(preview.refusal(), ok=False)

    def _header_text(self, preview: Preview) -> str:
        h = preview.header
        rows = str(h.first_row) if h.first_row == h.last_row else f"{h.first_row}–{h.last_row}"
        text = self.tr("工作表“{0}”，表头在第 {1} 行").format(h.sheet, rows)
        if h.others:  # several sheets read as one table
            text = self.tr("工作表“{0}”等（合为一张表），表头在第 {1} 行").format(h.sheet, rows)
        if preview.above:
            text += self.tr("（其上 {0} 行为标题等，不导入）").format(len(preview.above))
        return text + self.tr("；共 {0} 行数据，{1} 行有问题。").format(len(preview.rows), len(preview.problem_rows))

    def _show_layout(self, preview: Preview) -> None:
        """The sheets of the workbook and the blocks of the sheet, ticked where they are imported."""
        header = preview.header
        self.layout_list.blockSignals(True)
        self.layout_list.clear()
        for info in header.sheets:
            self._add_choice(info.summary, ("sheet", info.name), info.taken)
        if header.blocks is not None:
            for block in range(1, header.blocks.count + 1):
                self._add_choice(self.tr("第 {0} 块（{1}）").format(block, header.blocks.name(block)),
                                 ("block", block), block in header.blocks.taken)
        self.layout_list.blockSignals(False)
        count = self.layout_list.count()
        self.left_tabs.setTabVisible(LAYOUT_TAB, count > 0)
        self.left_tabs.setTabText(LAYOUT_TAB, self.tr("工作表与并排块（{0}）").format(count))

    def _add_choice(self, text: str, data: tuple[str, Any], checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.layout_list.addItem(item)

    def _show_problems(self, preview: Preview) -> None:
        self.problem_list.clear()
        for index, problem in enumerate(preview.problems):
            item = QListWidgetItem(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.problem_list.addItem(item)
        self.problem_list.setVisible(bool(preview.problems))  # a clean sheet gives the room to the rows
        plan = self.plan_text(preview)
        if preview.sheets_text:
            plan += self.tr("各工作表：{0}。").format(preview.sheets_text)
        self.plan_label.setText(plan)
        listed = [str(s) for s in preview.skipped]
        shown = "；".join(listed[:SKIPPED_LISTED])
        if len(listed) > SKIPPED_LISTED:
            shown += self.tr("……共 {0} 行（悬停查看全部）").format(preview.skipped_rows)
        counted = self.tr("{0} 行：").format(preview.skipped_rows)
        self.skipped_label.setText(counted + shown if listed else self.tr("无"))
        self.skipped_label.setToolTip("\n".join(listed[:500]))
        notes = [n for n in preview.notes if not n.startswith("将新建收费项目")]
        self.notes_label.setText("\n".join(notes) or self.tr("无（每一列、每张工作表都已导入）"))

    def show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
