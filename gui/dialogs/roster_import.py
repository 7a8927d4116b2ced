"""导入业主名册: choose an .xlsx, preview it with its problems, map columns, import all-or-nothing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.db import Database
from models.imports.roster import (
    ROSTER_FIELDS,
    VALUE_CHOICES,
    ImportReport,
    RosterPreview,
    import_roster,
    preview_roster,
)

from .. import tasks
from .roster_preview_model import RosterPreviewModel
from .sheet_import import NOTE_STYLE, SheetImportDialog
from .value_mapping import ValueMappingDialog


class RosterImportDialog(SheetImportDialog):
    """Preview a roster, fix the column mapping, import it into one project."""

    roster_imported = Signal(object)  # the ImportReport, after a successful import

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, ROSTER_FIELDS, parent)
        self._project_id = project_id
        self._values: dict[str, dict[str, str]] = {}  # 对应取值: the sheet's codes of 房屋用途/入住状态
        self.setWindowTitle(self.tr("导入业主名册"))
        self.build()
        self.previewed.connect(self.on_previewed)

    def prompt_text(self) -> str:
        return self.tr("请选择业主名册 Excel 文件（.xlsx）。")

    def file_caption(self) -> str:
        return self.tr("选择业主名册")

    def reading_text(self) -> str:
        return self.tr("正在读取业主名册…")

    def importing_text(self) -> str:
        return self.tr("正在导入业主名册…")

    def make_model(self) -> RosterPreviewModel:
        return RosterPreviewModel(self)

    def plan_text(self, preview: RosterPreview) -> str:  # type: ignore[override]
        return self.tr("将导入 {0} 户（系统中已有的房屋不改动，只补充没有业主的）。").format(len(preview.rows))

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> RosterPreview:
        return preview_roster(path, mapping, progress, self._values)  # the map is replaced, never changed

    def add_options(self, layout: QVBoxLayout) -> None:
        """对应取值…: shown when 房屋用途 or 入住状态 holds values that are no word (a system's codes)."""
        self.values_row = QWidget()
        row = QHBoxLayout(self.values_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.values_label = QLabel()
        self.values_label.setWordWrap(True)
        self.values_label.setStyleSheet(NOTE_STYLE)
        self.values_button = QPushButton(self.tr("对应取值…"))
        self.values_button.clicked.connect(self.on_values_clicked)
        row.addWidget(self.values_label, 1)
        row.addWidget(self.values_button)
        self.values_row.setVisible(False)
        layout.addWidget(self.values_row)

    def on_previewed(self, preview: RosterPreview | None) -> None:
        unknown = preview.unknown if preview is not None else ()
        self.values_row.setVisible(bool(unknown or self._values) and preview is not None)
        listed = "；".join(f"{u.label}：{'、'.join(u.values[:6])}{'…' if len(u.values) > 6 else ''}" for u in unknown)
        self.values_label.setText(self.tr("表中有不认识的取值（{0}），如是系统代码，请点“对应取值”说明各代表哪一项。")
                                  .format(listed) if unknown else self.tr("已按“对应取值”读取。"))

    def on_values_clicked(self, _checked: bool = False) -> None:
        preview = self.preview
        dialog = ValueMappingDialog(preview.unknown if isinstance(preview, RosterPreview) else (), self._values,
                                    VALUE_CHOICES, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._values = dialog.values()
            self.on_reload_clicked()

    def import_job(self, preview: RosterPreview) -> tasks.Job:  # type: ignore[override]
        db, project_id = self._db, self._project_id
        return lambda progress: import_roster(db, project_id, preview, progress)

    def on_import_done(self, report: ImportReport) -> None:
        self.show_result(self.tr("导入完成：") + report.summary(), ok=True)
        self.roster_imported.emit(report)
