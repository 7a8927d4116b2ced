"""导入业主名册: choose an .xlsx, preview it with its problems, map columns, import all-or-nothing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import DomainError
from models.imports.roster import ROSTER_FIELDS, ImportReport, RosterPreview, import_roster, preview_roster

from .. import tasks
from ..errors import show_error
from .roster_preview_model import RosterPreviewModel

NOT_IMPORTED = -1
MAX_COLUMN_WIDTH = 360
ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1e7d32;"


class RosterImportDialog(QDialog):
    """Preview a roster, fix the column mapping, import it into one project."""

    roster_imported = Signal(object)  # the ImportReport, after a successful import
    previewed = Signal(object)  # the RosterPreview now shown, or None if the file could not be read

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._project_id = db, project_id
        self._path: Path | None = None
        self._preview: RosterPreview | None = None
        self._labels: tuple[str, ...] = ()
        self._task: tasks.Task | None = None
        self.setWindowTitle(self.tr("导入业主名册"))
        self.resize(1100, 700)
        self._build()

    # ---- building the widgets ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_row())
        self.header_label = QLabel(self.tr("请选择业主名册 Excel 文件（.xlsx）。"))
        layout.addWidget(self.header_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._mapping_box())
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
        row.addWidget(QLabel(self.tr("文件：")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.reload_button)
        return row

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("列对应"))
        grid = QGridLayout(box)
        self.combos: dict[str, QComboBox] = {}
        self.states: dict[str, QLabel] = {}
        for i, spec in enumerate(ROSTER_FIELDS):
            combo = QComboBox()
            combo.setMinimumWidth(170)
            combo.currentIndexChanged.connect(self.on_mapping_changed)
            state = QLabel()
            state.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("手动指定")) + 8)
            self.combos[spec.key], self.states[spec.key] = combo, state
            grid.addWidget(QLabel(self.tr(spec.label) + ("*" if spec.required else "")), i, 0)
            grid.addWidget(combo, i, 1)
            grid.addWidget(self.states[spec.key], i, 2)
        grid.setRowStretch(len(ROSTER_FIELDS), 1)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        box.setEnabled(False)
        self.mapping_box = box
        return box

    def _table(self) -> QTableView:
        self.model = RosterPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        return self.table

    def _problem_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("问题"))
        layout = QVBoxLayout(box)
        self.problem_list = QListWidget()
        self.problem_list.itemActivated.connect(self.on_problem_activated)
        self.problem_list.itemClicked.connect(self.on_problem_activated)
        self.skipped_label = QLabel()
        self.skipped_label.setWordWrap(True)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.skipped_label)
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择业主名册"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.load_file(path)

    def on_reload_clicked(self, _checked: bool = False) -> None:
        self._refresh(self._mapping())

    def on_mapping_changed(self, _index: int = 0) -> None:
        self._refresh(self._mapping())

    def on_problem_activated(self, item: QListWidgetItem) -> None:
        row = self.model.row_of_excel_row(item.data(Qt.ItemDataRole.UserRole))
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def on_import_clicked(self, _checked: bool = False) -> None:
        preview = self._preview
        if preview is None or not preview.ok:
            return
        self.import_button.setEnabled(False)
        job = lambda progress: import_roster(self._db, self._project_id, preview, progress)  # noqa: E731
        task = tasks.run_with_progress(self, self.tr("正在导入业主名册…"), job, self.on_import_done,
                                       self.on_import_failed)
        task.cancelled.connect(self.on_import_cancelled)

    def on_import_done(self, report: ImportReport) -> None:
        self._show_result(self.tr("导入完成：") + report.summary(), ok=True)
        self.roster_imported.emit(report)

    def on_import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(self._preview is not None and self._preview.ok)
        if not isinstance(exc, DomainError):
            show_error(exc, self)  # a bug: the one bug dialog
            return
        self._show_result(str(exc), ok=False)

    def on_import_cancelled(self) -> None:
        self.import_button.setEnabled(self._preview is not None and self._preview.ok)
        self._show_result(self.tr("已取消导入，未写入任何数据。"), ok=False)

    # ---- preview ---------------------------------------------------------------------------------

    def load_file(self, path: str | Path) -> None:
        """Preview `path` with the columns recognised automatically."""
        self._path, self._labels = Path(path), ()
        self.path_edit.setText(str(self._path))
        self.reload_button.setEnabled(True)
        self._refresh({})

    @property
    def preview(self) -> RosterPreview | None:
        return self._preview

    def _mapping(self) -> dict[str, int | None]:
        chosen = {key: combo.currentData() for key, combo in self.combos.items() if combo.count()}
        return {key: (None if value == NOT_IMPORTED else value) for key, value in chosen.items()}

    def _refresh(self, mapping: dict[str, int | None]) -> None:
        """Read the file again in a worker; a newer request supersedes a running one."""
        if self._path is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._set_busy(True)
        path, chosen = self._path, dict(mapping) or None
        job = lambda progress: preview_roster(path, chosen, progress)  # noqa: E731
        task = tasks.run_with_progress(self, self.tr("正在读取业主名册…"), job,
                                       self.on_preview_ready, self.on_preview_failed)
        task.cancelled.connect(lambda: self.on_preview_cancelled(task))
        self._task = task

    def on_preview_cancelled(self, task: tasks.Task) -> None:
        if task is self._task:  # not when a newer preview superseded it
            self._task = None
            self._set_busy(False)
            self._show_result(self.tr("已取消读取。"), ok=False)

    def on_preview_ready(self, preview: RosterPreview) -> None:
        self._task = None
        self._set_busy(False)
        self._preview = preview
        self._show_preview(preview)
        self.previewed.emit(preview)

    def on_preview_failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            show_error(exc, self)  # a bug: the one bug dialog
            return
        self._preview = None
        self._show_preview(None)
        self._show_result(str(exc), ok=False)
        self.previewed.emit(None)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.mapping_box, self.choose_button, self.reload_button):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def _show_preview(self, preview: RosterPreview | None) -> None:
        self.model.set_preview(preview)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # a long problem text must not push the rest away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        self.mapping_box.setEnabled(preview is not None)
        self.import_button.setEnabled(preview is not None and preview.ok)
        if preview is None:
            self.header_label.setText("")
            self.problem_list.clear()
            self.skipped_label.setText("")
            return
        self._show_mapping(preview)
        self._show_problems(preview)
        self.header_label.setText(self._header_text(preview))
        if preview.ok:
            self._show_result(self.tr("检查通过，可以导入。"), ok=True)
        elif preview.rows:
            self._show_result(self.tr("有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。"),
                              ok=False)
        else:
            self._show_result(preview.refusal(), ok=False)

    def _header_text(self, preview: RosterPreview) -> str:
        h = preview.header
        rows = str(h.first_row) if h.first_row == h.last_row else f"{h.first_row}–{h.last_row}"
        return self.tr("工作表“{0}”，表头在第 {1} 行；共 {2} 行数据，{3} 行有问题。").format(
            h.sheet, rows, len(preview.rows), len(preview.problem_rows))

    def _show_mapping(self, preview: RosterPreview) -> None:
        header = preview.header
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            if header.labels != self._labels:
                self._fill_combo(combo, preview)
            combo.setCurrentIndex(max(0, combo.findData(header.columns.get(key, NOT_IMPORTED))))
            combo.blockSignals(False)
            self._show_state(key, header.columns.get(key), header.recognised.get(key))
        self._labels = header.labels

    def _fill_combo(self, combo: QComboBox, preview: RosterPreview) -> None:
        combo.clear()
        combo.addItem(self.tr("（不导入）"), NOT_IMPORTED)
        for index, label in enumerate(preview.header.labels):
            if label:
                combo.addItem(preview.header.column_name(index), index)

    def _show_state(self, key: str, column: int | None, recognised: int | None) -> None:
        label = self.states[key]
        if column is None:
            label.setText(self.tr("未识别"))
            label.setStyleSheet(ERROR_STYLE)
        else:
            label.setText(self.tr("自动识别") if column == recognised else self.tr("手动指定"))
            label.setStyleSheet("")

    def _show_problems(self, preview: RosterPreview) -> None:
        self.problem_list.clear()
        for problem in preview.problems:
            item = QListWidgetItem(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            self.problem_list.addItem(item)
        skipped = "；".join(str(s) for s in preview.skipped)
        self.skipped_label.setText(self.tr("跳过的行：") + skipped if skipped else "")

    def _show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
